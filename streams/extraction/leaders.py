"""The dated leader dictionary: who held which office of which country, when.

Rows of `streams/reference/leaders/*.csv` become `Term`s grouped by person. A
person is found in text by full name, alias or accent-folded variant; once
named in full, a bare surname or a single name token refers back to them
("Lukashenko", "Xi"). Roles are resolved for the event's date, never today.
"""

import csv
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pycountry

from models import VisitorRole
from streams.extraction.text import key_prefixes, phrase_key

log = logging.getLogger(__name__)

# When one person holds several offices on one date, the highest wins.
ROLE_RANK = {
    VisitorRole.HEAD_OF_STATE: 3,
    VisitorRole.HEAD_OF_GOVERNMENT: 2,
    VisitorRole.FOREIGN_MINISTER: 1,
    VisitorRole.OTHER_OFFICIAL: 0,
}
_FAR_FUTURE = date(9999, 12, 31)
# Tokens too common to stand alone for a person even after a full mention.
_WEAK_SHORT_FORMS = frozenset(
    {
        "al",
        "bin",
        "ibn",
        "el",
        "de",
        "da",
        "van",
        "von",
        "der",
        "jr",
        "sr",
        "ii",
        "iii",
        "the",
        "of",
        "mohammed",
        "muhammad",
        "mohamed",
        "ahmed",
        "abdul",
        "abdullah",
        "ali",
        "king",
        "queen",
        "prince",
        "sheikh",
        "president",
        "general",
        "min",
        "mr",
    }
)


# The dictionary lists every office held on or after this day; earlier terms of the same
# people are absent, so before it a missing term says nothing.
LEADER_DATA_FROM = date(2020, 1, 1)


@dataclass(frozen=True, slots=True)
class Term:
    country: str
    role: VisitorRole
    office: str
    start: date
    end: date  # exclusive; _FAR_FUTURE for incumbents


@dataclass(frozen=True, slots=True)
class Person:
    leader_id: str
    name: str
    terms: tuple[Term, ...]

    def terms_on(self, day: date) -> list[Term]:
        return [t for t in self.terms if t.start <= day < t.end]

    def office_on(self, day: date, country: str | None = None) -> Term | None:
        """The term giving this person's role on `day` (highest role wins); None between terms."""
        terms = [t for t in self.terms if country is None or t.country == country] or list(
            self.terms
        )
        current = [t for t in terms if t.start <= day < t.end]
        if current:
            return max(current, key=lambda t: ROLE_RANK[t.role])
        return None

    def nearest_term(self, day: date, country: str | None = None) -> Term:
        terms = [t for t in self.terms if country is None or t.country == country] or list(
            self.terms
        )
        return min(terms, key=lambda t: min(abs((t.start - day).days), abs((t.end - day).days)))

    @property
    def countries(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for t in self.terms:
            seen.setdefault(t.country)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class LeaderDictionary:
    people: dict[str, Person]
    names: dict[str, tuple[str, ...]]  # phrase_key of a full name or alias -> leader ids
    # Single tokens of a person's names (surnames, "Xi", "Lukashenko"), usable
    # after a full mention in the same article or right after a title.
    short_forms: dict[str, tuple[str, ...]]
    # (country, role) -> people who ever held it, for "the Belarusian president".
    by_office: dict[tuple[str, VisitorRole], tuple[str, ...]]
    by_country: dict[str, tuple[str, ...]]
    surnames: frozenset[str]  # last tokens of every name form: bare "Putin" may stand alone
    prefixes: frozenset[str]  # leading token runs of every name, to stop scanning early
    max_tokens: int
    # First words of two-word short forms ("diaz" of "diaz canel"): only these are tried
    # as the start of one.
    pair_heads: frozenset[str] = frozenset()

    @classmethod
    def load(cls, leaders_dir: Path) -> "LeaderDictionary":
        rows: list[dict[str, str]] = []
        for path in sorted(leaders_dir.glob("*.csv")):
            with path.open(newline="", encoding="utf-8") as f:
                rows.extend(csv.DictReader(f))
        return cls.from_rows(rows)

    @classmethod
    def from_rows(cls, rows: list[dict[str, str]]) -> "LeaderDictionary":
        terms: dict[str, list[Term]] = defaultdict(list)
        display: dict[str, str] = {}
        forms: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            try:
                leader_id = row["leader_id"].strip()
                term = Term(
                    country=row["country"].strip().upper(),
                    role=VisitorRole(row["role"].strip()),
                    office=(row.get("office") or "").strip(),
                    start=date.fromisoformat(row["start"].strip()),
                    end=date.fromisoformat(row["end"].strip())
                    if (row.get("end") or "").strip()
                    else _FAR_FUTURE,
                )
            except (KeyError, ValueError, AttributeError) as exc:
                log.warning("skipping leader row %r: %s", row, exc)
                continue
            if pycountry.countries.get(alpha_3=term.country) is None:
                # A Visit must carry an ISO 3166-1 code; such a row could never be emitted.
                log.warning(
                    "skipping leader row %r: %s is not ISO 3166-1 alpha-3", leader_id, term.country
                )
                continue
            terms[leader_id].append(term)
            display.setdefault(leader_id, row["name"].strip())
            aliases = (row.get("aliases") or "").split("|")
            for form in [row["name"], *aliases]:
                key = phrase_key(form)
                if key:
                    forms[leader_id].add(key)

        people = {
            lid: Person(lid, display[lid], tuple(sorted(ts, key=lambda t: t.start)))
            for lid, ts in terms.items()
        }
        names: dict[str, set[str]] = defaultdict(set)
        short: dict[str, set[str]] = defaultdict(set)
        for lid, keys in forms.items():
            for key in keys:
                names[key].add(lid)
                tokens = key.split()
                if len(tokens) < 2:
                    continue
                # East Asian names put the family name first ("Xi Jinping",
                # "Hun Sen"), others last ("Lukashenko"); both are kept and
                # only used after a full mention or a title.
                for token in (tokens[0], tokens[-1]):
                    if len(token) >= 2 and token not in _WEAK_SHORT_FORMS:
                        short[token].add(lid)
                if len(tokens) >= 3:
                    short[" ".join(tokens[-2:])].add(lid)
        by_office: dict[tuple[str, VisitorRole], set[str]] = defaultdict(set)
        for lid, person in people.items():
            for t in person.terms:
                by_office[(t.country, t.role)].add(lid)
        surnames = frozenset(
            k.split()[-1] for keys in forms.values() for k in keys if len(k.split()) >= 2
        )
        by_country: dict[str, set[str]] = defaultdict(set)
        for (country, _), lids in by_office.items():
            by_country[country].update(lids)
        return cls(
            people=people,
            by_country={k: tuple(sorted(v)) for k, v in by_country.items()},
            surnames=surnames,
            prefixes=key_prefixes(names),
            names={k: tuple(sorted(v)) for k, v in names.items()},
            short_forms={k: tuple(sorted(v)) for k, v in short.items()},
            by_office={k: tuple(sorted(v)) for k, v in by_office.items()},
            max_tokens=max((len(k.split()) for k in names), default=1),
            pair_heads=frozenset(k.split()[0] for k in short if " " in k),
        )

    def holder(self, country: str, role: VisitorRole, day: date, office: str = "") -> Person | None:
        """Who held an office of `country` on `day` ("the Chinese president" -> Xi Jinping).

        The office as written wins over the role class: Iran's "president" is
        its head of government, not the Supreme Leader.
        """
        office = office.lower()
        by_title = []
        by_role = []
        for lid in self.by_country.get(country, ()):
            person = self.people[lid]
            for t in person.terms_on(day):
                if t.country != country:
                    continue
                # "president" is any President; "foreign minister" is not the Prime Minister.
                written = t.office.lower()
                if office and (
                    written.endswith(office) if " " in office else written.split()[-1:] == [office]
                ):
                    by_title.append(person)
                elif t.role == role:
                    by_role.append(person)
        found = by_title or by_role
        return found[0] if found else None
