# ruff: noqa: RUF001 - typographic quotes are matched on purpose: news copy uses them.
"""Sentence spans with offsets into the body, and the dateline that opens a report."""

import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt adm cmdr gov sen rep prof st jr sr no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u approx inc corp co ltd "
    "h.e pres min amb".split()
)
# End of a sentence: terminal punctuation, closing quotes/brackets, then space
# and something that can start a sentence; or a line break.
# Written to open with one character class, which lets the regex engine jump
# from one candidate character to the next instead of trying every position
# (the same matches as "terminal punctuation ... |\n+" written plainly, four times faster).
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])['\"”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|(?<=\n)\n*)")
# "PYONGYANG, Nov 3 (Reuters) -", "TIANJIN:", "MOSCOW —", "Naypyitaw, Myanmar (AP) —",
# "Havana, Sep 16 (PL) The ..."
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z’'.\- ]{1,40}?(?:,\s*[A-Z][A-Za-z’'.\- ]{1,30}?)?)"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?)?"
    # "(Reuters) -"; state agencies also write "Havana, Sep 16 (Prensa Latina) The ..."
    r"\s*(?:\([A-Za-z .&]+\)\s*(?:(?::|—|–|--|-\s)\s*)?|(?::|—|–|--|-\s)\s*)"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(body: str) -> list[Sentence]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(body):
        mark = m.start()
        if body[mark] == "." and _is_abbreviation(body, mark):
            continue
        cut = mark + 1 if body[mark] in ".!?" else mark
        # Keep closing quotes with their sentence.
        end = m.end()
        while cut < end and body[cut] in "'\"”’)]":
            cut += 1
        spans.append((start, cut))
        start = end
    spans.append((start, len(body)))
    sentences = []
    for s, e in spans:
        # str.strip drops exactly the characters str.isspace calls space.
        raw = body[s:e]
        text = raw.strip()
        if text:
            s += len(raw) - len(raw.lstrip())
            sentences.append(Sentence(len(sentences), s, s + len(text), text))
    return sentences


def _is_abbreviation(body: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (body[word_start - 1].isalpha() or body[word_start - 1] == "."):
        word_start -= 1
    word = body[word_start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials: "Joseph R. Biden", "K.P. Sharma Oli".
    letters = word.replace(".", "")
    return (
        body[word_start].isupper()
        and all(len(p) == 1 for p in word.split("."))
        and len(letters) <= 3
    )


def dateline(body: str) -> tuple[str, int] | None:
    """The place written before the opening colon/dash, and where the text after it starts."""
    m = DATELINE.match(body)
    if m is None:
        return None
    place = m.group("place").strip()
    # A dateline is written in capitals ("MINSK") or is a short place name;
    # "Belarusian President Alexander Lukashenko -" must not pass.
    if not (place.split(",")[0].isupper() or len(place.split()) <= 3):
        return None
    if not _SEPARATOR.search(body, m.start("place"), m.end()) and not any(
        c.isdigit() for c in body[m.end("place") : m.end()]
    ):
        return None  # "Kim Jong Un (left) met ...": no dash and no date, no dateline
    return place, m.end()


_SEPARATOR = re.compile(r"[:—–]|--|-\s")
