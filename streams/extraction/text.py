# ruff: noqa: RUF001 - typographic quotes are matched on purpose: news copy uses them.
"""Tokens with offsets and the one folding rule every lookup shares.

Names are matched on folded tokens (accents stripped, lower case, curly quotes
straightened) so "Lukashenka", "Lukašenka" and "LUKASHENKA" meet the same key,
while each token keeps its offsets into the original text for evidence.
"""

import re
import re._constants as re_constants  # the parsed form of a pattern, read by with_first_char_test
import re._parser as re_parser
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

# A word: letters/digits, with inner apostrophes ("Xi'an", "O'Brien", "Myanmar's").
# Hyphens and dots separate tokens, so "Guinea-Bissau" and "Guinea Bissau" fold alike.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# What may stand between two tokens of one name: spaces, a hyphen, an initial's dot.
_NAME_GAP = re.compile(r"^[ \t.\-‐‑]{1,3}$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-free, lower-case, straight-quoted form of a token or phrase."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def phrase_key(text: str) -> str:
    """The lookup key of a multi-word name: folded tokens joined by one space."""
    return " ".join(fold(_POSSESSIVE.sub("", m.group())) for m in _TOKEN.finditer(text))


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, and there are many
class Token:
    start: int
    end: int  # end of the word without a possessive "'s"
    text: str
    key: str  # folded
    possessive: bool
    capitalised: bool
    upper: bool


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        possessive = False
        if len(word) > 2 and _POSSESSIVE.search(word):
            word = word[:-2]
            possessive = True
        first = word[0]
        tokens.append(
            Token(
                start=m.start() + offset,
                end=m.start() + offset + len(word),
                text=word,
                key=fold(word),
                possessive=possessive,
                capitalised=first.isupper() or first.isdigit(),
                upper=word.isupper(),
            )
        )
    return tokens


def tokenize_names(text: str, offset: int, inner: frozenset[str]) -> list[Token]:
    """Only the tokens a name can be made of: capitalised words, and the few lower-case
    words that occur inside names ("Bosnia and Herzegovina", "Lula da Silva").

    Two kept tokens with a dropped word between them are not `joined`, so names
    are found exactly as with `tokenize`, with a fraction of the objects built.
    """
    tokens = []
    append = tokens.append
    for m in _name_token_pattern(inner).finditer(text):
        word = m.group()
        first = word[0]
        capitalised = first.isupper() or first.isdigit()
        if not capitalised and word not in inner and not _after_name_hyphen(text, m.start()):
            continue
        possessive = len(word) > 2 and word.endswith(("'s", "’s"))
        if possessive:
            word = word[:-2]
        start = m.start() + offset
        # NFKD leaves ASCII alone, so an ASCII word folds to its lower case: no cache lookup.
        key = word.lower() if word.isascii() else fold(word)
        append(Token(start, start + len(word), word, key, possessive, capitalised, word.isupper()))
    return tokens


def _after_name_hyphen(text: str, pos: int) -> bool:
    """ "Duck-soo", "Jong-un": a lower-case part hyphened to a capitalised one."""
    return (
        pos >= 2
        and text[pos - 1] == "-"
        and text[pos - 2].isalpha()
        and (text[max(0, pos - 12) : pos - 1].split()[-1:] or [""])[0][:1].isupper()
    )


@lru_cache(maxsize=8)
def _name_token_pattern(inner: frozenset[str]) -> re.Pattern[str]:
    """Words not starting with an ASCII lower-case letter, one of `inner`, or hyphened to a
    capitalised word: the regex engine skips ordinary lower-case words, most of any text."""
    particles = "|".join(sorted(map(re.escape, inner), key=len, reverse=True)) or "(?!)"
    return re.compile(
        rf"(?<![^\W_])(?:(?![a-z])[^\W_]+(?:['’][^\W_]+)*|(?:{particles})(?![^\W_])|"
        rf"(?<=[A-Za-z]-)[a-z]+(?![^\W_]))"
    )


class KeywordSet:
    """Which of a fixed set of words occur in a text (as substrings), found in one
    Aho-Corasick pass: several times cheaper than an `in` test per word, and the
    cheap gate in front of the regexes that need one of the words."""

    __slots__ = ("_automaton",)

    def __init__(self, words) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in set(words):
            self._automaton.add_word(word, word)
        self._automaton.make_automaton()

    def found_in(self, text: str) -> set[str]:
        return {word for _, word in self._automaton.iter(text)}

    def any_in(self, text: str) -> bool:
        return next(self._automaton.iter(text), None) is not None


def with_first_char_test(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a lookahead for the characters a match can begin with.

    A pattern opening with `\b` and a long alternation ("arrived|landed|...")
    is otherwise tried alternative by alternative at every word start; the
    one-character test rejects most of them at once. Matches are the same by
    construction; a pattern whose first characters cannot be listed for sure is
    returned as it is.
    """
    try:
        parsed = re_parser.parse(pattern.pattern, pattern.flags)
        head_op, head = parsed[0]
        if head_op not in (re_constants.AT, re_constants.BRANCH, re_constants.SUBPATTERN) or (
            head_op is re_constants.AT and head is not re_constants.AT_BOUNDARY
        ):
            return pattern  # anchored, or the engine already skips to a literal first character
        first = _first_chars(parsed)
    except (re.error, TypeError, ValueError, IndexError):
        first = None
    if not first:
        return pattern
    chars = "".join(re.escape(chr(c)) for c in sorted(first))
    return re.compile(f"(?=[{chars}])(?:{pattern.pattern})", pattern.flags)


def _first_chars(items) -> set[int] | None:
    """Code points a match of a parsed pattern can begin with; None when not sure."""
    for op, av in items:
        if op is re_constants.AT:
            continue  # zero width (\b, ^): the next item consumes the first character
        if op is re_constants.LITERAL:
            return {av}
        if op is re_constants.IN:
            out: set[int] = set()
            for item_op, item in av:
                if item_op is re_constants.LITERAL:
                    out.add(item)
                elif item_op is re_constants.RANGE and item[1] - item[0] < 64:
                    out.update(range(item[0], item[1] + 1))
                else:
                    return None  # categories (\w, \d), negation: not listed here
            return out
        if op is re_constants.BRANCH:
            out = set()
            for alternative in av[1]:
                chars = _first_chars(alternative)
                if chars is None:
                    return None
                out |= chars
            return out
        if op is re_constants.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            return None if add_flags or del_flags else _first_chars(sub)
        if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and av[0] >= 1:
            return _first_chars(av[2])
        return None  # lookarounds, optional items, anything else
    return None  # nothing consumed: the pattern can match the empty string


def inner_words(keys) -> frozenset[str]:
    """Words found after the first token of some key (candidates for lower-case name parts)."""
    return frozenset(w for key in keys for w in key.split()[1:])


def key_prefixes(keys) -> frozenset[str]:
    """Every leading run of tokens of every key: "north", "north korea" for "north korea"."""
    out: set[str] = set()
    for key in keys:
        parts = key.split()
        for n in range(1, len(parts) + 1):
            out.add(" ".join(parts[:n]))
    return frozenset(out)


def joined(text: str, tokens: list[Token], i: int, j: int, offset: int = 0) -> bool:
    """True when tokens[i..j] are written as one name (no comma or word between)."""
    for k in range(i, j):
        if tokens[k].possessive:
            return False
        gap = text[tokens[k].end - offset : tokens[k + 1].start - offset]
        if not _NAME_GAP.match(gap):
            return False
    return True
