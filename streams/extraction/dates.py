"""Date expressions in a sentence, resolved against the publication date.

Only the forms news copy uses for visits are handled, by regex, which is much
faster than a general parser: weekdays ("on Friday"), today/yesterday/tomorrow,
day-month ("Nov 3", "3 November 2025"), months ("in March", "last September",
"March 2025"), years ("in 2022", "in early 2022", "last year") and relative
periods ("next week"). A month resolves to its first day with precision
"month"; a bare year or season resolves to no day at all (None) but still
tells past from future.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from streams.extraction.text import KeywordSet, with_first_char_test

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Counted from the date written before it in the sentence: "two days after that".
    # First, so that "that month" is not read as a period of its own.
    (
        "offset",
        re.compile(
            r"\b(?P<n>\w+)\s+(?P<unit>days?|weeks?)\s+(?:later|after that|afterwards)\b"
            # "flew to Moscow the next day", "going on to Kyiv the following day"
            r"|\bthe\s+(?:next|following)\s+(?P<next>day|morning|evening)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "day_of_that_month",
        re.compile(
            r"\b(?:on\s+)?the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?:that|the same)\s+month\b",
            re.IGNORECASE,
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b|"
            rf"(?P<lastyear>\s+last\s+year))?\b"
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b|"
            rf"(?P<lastyear>\s+last\s+year))?"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b")),
    (
        "month_year",
        re.compile(rf"\b(?:(?P<part>early|mid|late)[- ])?{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ),
    ("month_last_year", re.compile(rf"\b(?:in\s+)?{_MONTH}\s+(?:of\s+)?last\s+year\b")),
    ("month_this_year", re.compile(rf"\b(?:in\s+)?{_MONTH}\s+(?:of\s+)?this\s+year\b")),
    (
        "rel_month",
        re.compile(
            rf"\b(?P<rel>(?i:last|next|this|that|in|since|until|by|from|during|early|late|mid|in "
            rf"early|in late|in mid))[- ]{_MONTH}(?!\s*\d)\b"
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?:(?:in|since|during|of|by)\s+(?:(?:early|late|mid|the\s+(?:spring|summer|"
            rf"autumn|fall|winter)\s+of)[- ]?)?|(?:early|late|mid)[- ]){_YEAR}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<rel>last|next|this|on|on\s+the\s+(?:evening|"
            r"morning)\s+of)?\s*(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
            r"Sunday)\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<word>today|tonight|this morning|this afternoon|this evening|yesterday|last "
            r"night|tomorrow|the day before|on arrival)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?P<rel>last|next|this|earlier this|later this|the coming|the past|the "
            r"previous|a|that|the same)\s+(?P<unit>week|month|year|decade)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ago",
        re.compile(r"\b(?P<n>\w+)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE),
    ),
    # "arrived on the 14th": a day of the month of publication (or the one before).
    ("day_of_month", re.compile(r"\bon\s+the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)")),
    # "over the weekend", "this weekend": the weekend nearest the news.
    (
        "weekend",
        re.compile(
            r"\b(?P<rel>over|at|on|during|this|last|next)\s+the\s+weekend\b|"
            r"\b(?P<rel2>this|last|next)\s+weekend\b",
            re.IGNORECASE,
        ),
    ),
]
# Kinds resolved from the date before them in the sentence (their `anchor`).
_ANCHORED = frozenset({"offset", "day_of_that_month"})
# Each behind a test of its first character where one can be listed (same matches, less work).
_SCANNED_PATTERNS = [(kind, with_first_char_test(pattern)) for kind, pattern in _PATTERNS]
_SMALL_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 3,
    "few": 3,
}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    text: str = ""
    anchor: "DateMention | None" = None  # the date an "offset" or "that month" counts from


def mention_text(mention: DateMention) -> str:
    return mention.text


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    day: date | None  # None when no day/month can be told (a bare year, "last week")
    # Which side of publication the expression points to: -1 past, 0 around
    # publication (the news event), +1 future.
    tense: int
    # A day inside the period when `day` is None ("early 2022" -> 2022-02-15),
    # good enough to tell which office someone held then.
    approx: date | None = None
    # "month" when the text names only a month ("in March", "last month"): `day`
    # is then that month's 1st, not a day anyone travelled on.
    precision: Literal["day", "month"] = "day"


# Words one of which a text must contain for each pattern to match. The month and
# weekday names are written capitalised in the patterns (no IGNORECASE there), so
# their gates are tested on the text as written: "Myanmar", "may" and "today" do
# not open them. The other gates are tested on the lower-cased text.
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Capitalised words that are dates, not names or places, for other modules' patterns.
CALENDAR_WORDS = "|".join(
    (*(name.capitalize() for name in MONTHS if len(name) > 3 or name == "may"), *_WEEKDAY_NAMES)
)
_CASED_GATES = {
    "day_month": _MONTH_NAMES,
    "month_day": _MONTH_NAMES,
    "month_year": _MONTH_NAMES,
    "month_last_year": _MONTH_NAMES,
    "month_this_year": _MONTH_NAMES,
    "rel_month": _MONTH_NAMES,
    "weekday": _WEEKDAY_NAMES,
}
_GATES = {
    "iso": ("-",),
    "year": ("19", "20"),
    "relative": (
        "today",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "yesterday",
        "last night",
        "tomorrow",
        "the day before",
        "on arrival",
    ),
    "period": ("week", "month", "year", "decade"),
    "ago": (" ago",),
    "offset": (
        "days later",
        "day later",
        "weeks later",
        "week later",
        "after that",
        "afterwards",
        "next day",
        "following day",
        "next morning",
        "following morning",
        "next evening",
        "following evening",
    ),
    "day_of_that_month": ("that month", "same month"),
    "day_of_month": tuple(f"on the {d}" for d in range(1, 10)),
    "weekend": ("weekend",),
}


_LOWER_GATE_WORDS = KeywordSet(w for gate in _GATES.values() for w in gate)
_CASED_GATE_WORDS = KeywordSet(w for gate in _CASED_GATES.values() for w in gate)
_GATE_SETS = {kind: frozenset(gate) for kind, gate in (_GATES | _CASED_GATES).items()}
assert _GATE_SETS.keys() == {kind for kind, _ in _PATTERNS}


def find_dates(text: str, lowered: str | None = None) -> list[DateMention]:
    """`lowered`: text.lower(), when the caller has it already."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if lowered is None:
        lowered = text.lower()
    present = _LOWER_GATE_WORDS.found_in(lowered) | _CASED_GATE_WORDS.found_in(text)
    for kind, pattern in _SCANNED_PATTERNS:
        if _GATE_SETS[kind].isdisjoint(present):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), kind, m.groupdict(), m.group()))
    found.sort(key=lambda d: d.start)
    # "on February 28 of that year", "that August": the year of the date before it.
    for k, d in enumerate(found):
        that_month = d.kind == "rel_month" and d.groups["rel"].lower() == "that"
        if (
            k
            and not d.groups.get("year")
            and d.kind in ("month_day", "day_month", "rel_month")
            and (that_month or _THAT_YEAR.match(text, d.end))
        ):
            year = next(
                (p.groups.get("year") for p in reversed(found[:k]) if p.groups.get("year")), None
            )
            if year:
                groups = dict(d.groups, year=year)
                kind = "month_year_of" if d.kind == "rel_month" else d.kind
                that_year = _THAT_YEAR.match(text, d.end)
                end = that_year.end() if that_year else d.end
                found[k] = DateMention(d.start, end, kind, groups, d.text)
    # Drop what an extended mention now covers ("that year" inside "February 28 of that year").
    found = [d for d in found if not any(o is not d and o.start <= d.start < o.end for o in found)]
    if "," in text or " and " in text:
        found = _month_lists(found, text)
    return _anchored(_years_carried(found, text))


FULL_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# "in March, May and June 2018": months listed before the one that carries the year.
_MONTH_LIST_BEFORE = re.compile(rf"((?:\b(?:{FULL_MONTHS})(?:,\s*(?:and\s+)?|,?\s+and\s+))+)$")
_MONTH_WORD = re.compile(rf"\b(?:{FULL_MONTHS})\b")


def _month_lists(found: list[DateMention], text: str) -> list[DateMention]:
    """Each month of "in March, May and June 2018" is a date of 2018 (the list would otherwise
    read "in March" as the latest March and miss "May")."""
    out = list(found)
    for d in found:
        if d.kind != "month_year" or not d.groups.get("year"):
            continue
        m = _MONTH_LIST_BEFORE.search(text, max(0, d.start - 80), d.start)
        if m is None:
            continue
        for w in _MONTH_WORD.finditer(text, m.start(1), m.end(1)):
            out = [o for o in out if not (o.start <= w.start() < o.end)]
            out.append(
                DateMention(
                    w.start(),
                    w.end(),
                    "month_year",
                    {"part": None, "month": w.group(), "year": d.groups["year"]},
                    w.group(),
                )
            )
    out.sort(key=lambda o: o.start)
    return out


def _years_carried(found: list[DateMention], text: str) -> list[DateMention]:
    """ "on February 7, 2022, and Scholz followed on February 15": a day written without a
    year, after a dated day of the same sentence and later in its year, is in that year
    (not across a change of tense: "who last came on February 13, 2023, will arrive on
    June 18")."""
    out: list[DateMention] = []
    last: tuple[str, int, int] | None = None  # (year, month, end) of the last day with a year
    for d in found:
        g = d.groups
        if d.kind in ("month_day", "day_month"):
            month = MONTHS.get((g.get("month") or "").lower().rstrip("."))
            if g.get("year") and month:
                last = (g["year"], month, d.end)
            elif (
                last is not None
                and month is not None
                and month >= last[1]
                and not g.get("year")
                and not g.get("lastyear")
                and not _FUTURE_BETWEEN.search(text, last[2], d.start)
            ):
                d = DateMention(d.start, d.end, d.kind, dict(g, year=last[0]), d.text, d.anchor)
        out.append(d)
    return out


_FUTURE_BETWEEN = re.compile(r"\b(?:will|would|is due|are due|plans?|is to|are to)\b", re.I)


def _anchored(found: list[DateMention]) -> list[DateMention]:
    """ "two days after that", "the 24th of that month": tie each to the date before it;
    with none before, they date nothing and are dropped."""
    out: list[DateMention] = []
    for d in found:
        if d.kind in _ANCHORED:
            anchor = next((p for p in reversed(out) if p.kind not in ("ago", "period")), None)
            if anchor is None:
                continue
            d = DateMention(d.start, d.end, d.kind, d.groups, d.text, anchor)
        out.append(d)
    return out


_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?(?:that|the same)\s+year\b", re.I)


def resolve(
    mention: DateMention, published: date, forward: bool, past: bool = False
) -> ResolvedDate:
    """`forward`: the event is planned, so a bare weekday or month is the next one;
    `past`: the verb is in the past tense, so a day without a year is not yet to come."""
    g = mention.groups
    kind = mention.kind
    if mention.anchor is not None:
        return _resolve_anchored(mention, resolve(mention.anchor, published, forward), published)
    if kind in ("day_month", "month_day", "iso"):
        month = int(g["mnum"]) if g.get("mnum") else MONTHS[g["month"].lower().rstrip(".")]
        day = int(g["day"])
        if g.get("year"):
            year = int(g["year"])
        elif g.get("lastyear"):
            year = published.year - 1
        else:
            year = published.year
            candidate = _safe_date(year, month, day)
            if candidate is not None:
                # News dates without a year sit within a few months of publication.
                if not past and candidate < published - timedelta(days=183 if forward else 300):
                    year += 1
                elif candidate > published + timedelta(
                    days=1 if past else 183 if not forward else 300
                ):
                    year -= 1
        resolved = _safe_date(year, month, day)
        return ResolvedDate(resolved, _tense(resolved, published))
    if kind in ("month_year", "month_year_of"):
        resolved = date(int(g["year"]), MONTHS[g["month"].lower().rstrip(".")], 1)
        return ResolvedDate(resolved, _month_tense(resolved, published), precision="month")
    if kind == "month_last_year":
        resolved = date(published.year - 1, MONTHS[g["month"].lower().rstrip(".")], 1)
        return ResolvedDate(resolved, -1, precision="month")
    if kind == "month_this_year":
        resolved = date(published.year, MONTHS[g["month"].lower().rstrip(".")], 1)
        return ResolvedDate(resolved, _month_tense(resolved, published), precision="month")
    if kind == "rel_month":
        month = MONTHS[g["month"].lower().rstrip(".")]
        rel = g["rel"].lower()
        year = published.year
        if rel == "next" or (forward and rel not in ("last", "since")):
            if month < published.month or (rel == "next" and month == published.month):
                year += 1
        elif rel == "this":
            pass
        elif month > published.month or (rel == "last" and month == published.month):
            year -= 1
        resolved = date(year, month, 1)
        return ResolvedDate(resolved, _month_tense(resolved, published), precision="month")
    if kind == "day_of_month":
        day = int(g["day"])
        candidate = _safe_date(published.year, published.month, day)
        if candidate is None or (candidate > published and not forward):
            prev = published.replace(day=1) - timedelta(days=1)
            candidate = _safe_date(prev.year, prev.month, day)
        elif candidate < published - timedelta(days=3) and forward:
            nxt = (published.replace(day=28) + timedelta(days=4)).replace(day=1)
            candidate = _safe_date(nxt.year, nxt.month, day)
        return ResolvedDate(candidate, _tense(candidate, published) if candidate else 0)
    if kind == "weekend":
        rel = (g.get("rel") or g.get("rel2") or "").lower()
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if (rel == "next" or (forward and rel not in ("last", "over"))) and saturday < published:
            saturday += timedelta(days=7)  # "will arrive this weekend": the coming one
        elif rel == "last" and published.weekday() >= 5:
            saturday -= timedelta(days=7)  # "last weekend" written on a weekend
        return ResolvedDate(saturday, _tense(saturday, published))
    if kind == "year":
        year = int(g["year"])
        tense = -1 if year < published.year else (1 if year > published.year else 0)
        text = (g.get("part") or "") + " " + mention_text(mention)
        month = 2 if "early" in text.lower() else 11 if "late" in text.lower() else 7
        return ResolvedDate(None, tense, date(year, month, 15))
    if kind == "weekday":
        target = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        delta = (published.weekday() - target) % 7
        if rel == "next" or (forward and rel != "last"):
            ahead = (target - published.weekday()) % 7 or (7 if rel == "next" else 0)
            resolved = published + timedelta(days=ahead)
        else:
            if rel == "last" and delta == 0:
                delta = 7
            resolved = published - timedelta(days=delta)
        return ResolvedDate(resolved, _tense(resolved, published))
    if kind == "relative":
        word = g["word"].lower()
        if word in ("yesterday", "last night", "the day before"):
            return ResolvedDate(published - timedelta(days=1), 0)
        if word == "tomorrow":
            return ResolvedDate(published + timedelta(days=1), 1)
        return ResolvedDate(published, 0)
    if kind == "period":
        rel = g["rel"].lower()
        unit = g["unit"].lower()
        if rel in ("that", "the same"):
            return ResolvedDate(None, -1)  # "that year": the story's earlier time
        if rel in ("next", "the coming", "later this"):
            if unit == "month" and rel == "next":
                y, m = divmod(published.month, 12)
                return ResolvedDate(date(published.year + y, m + 1, 1), 1, precision="month")
            return ResolvedDate(None, 1)
        if rel in ("last", "the past", "the previous", "earlier this", "a"):
            if unit == "month" and rel == "last":
                first = published.replace(day=1) - timedelta(days=1)
                return ResolvedDate(first.replace(day=1), -1, precision="month")
            if unit == "week" and rel == "last":
                # Last week's trip is still the news a report is about.
                return ResolvedDate(None, 0)
            return ResolvedDate(None, -1)
        return ResolvedDate(None, 0)
    if kind == "ago":
        n = _SMALL_NUMBERS.get(g["n"].lower()) or (int(g["n"]) if g["n"].isdigit() else 2)
        unit = g["unit"].lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        resolved = published - timedelta(days=days)
        if unit in ("day", "week"):
            return ResolvedDate(resolved, -1 if days > 7 else 0)
        if unit == "month":
            return ResolvedDate(resolved.replace(day=1), -1, precision="month")
        return ResolvedDate(None, -1)
    return ResolvedDate(None, 0)


def _resolve_anchored(mention: DateMention, anchor: ResolvedDate, published: date) -> ResolvedDate:
    """A date counted from another one; without a day to count from, the anchor's tense."""
    g = mention.groups
    if mention.kind == "offset" and anchor.day is not None:
        if g.get("next"):
            n, unit = 1, g["next"].lower()
        else:
            n = _SMALL_NUMBERS.get(g["n"].lower()) or (int(g["n"]) if g["n"].isdigit() else None)
            unit = g["unit"].lower()
        if n is not None:
            day = anchor.day + timedelta(days=n * (7 if unit.startswith("week") else 1))
            return ResolvedDate(day, _tense(day, published))
    if mention.kind == "day_of_that_month" and anchor.day is not None:
        day = _safe_date(anchor.day.year, anchor.day.month, int(g["day"]))
        if day is not None:
            return ResolvedDate(day, _tense(day, published))
    return ResolvedDate(None, anchor.tense, anchor.approx or anchor.day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _tense(day: date | None, published: date) -> int:
    if day is None:
        return 0
    if day < published - timedelta(days=7):
        return -1
    if day > published + timedelta(days=1):
        return 1
    return 0


def _month_tense(first_of_month: date, published: date) -> int:
    if (first_of_month.year, first_of_month.month) < (published.year, published.month):
        # "in March" in a December article is background; last month may still be news.
        months = (
            (published.year - first_of_month.year) * 12 + published.month - first_of_month.month
        )
        return -1 if months >= 1 else 0
    if (first_of_month.year, first_of_month.month) > (published.year, published.month):
        return 1
    return 0
