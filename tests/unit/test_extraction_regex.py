# ruff: noqa: RUF001 - typographic quotes are matched on purpose: news copy uses them.
"""The regex rewrites made for speed match exactly what the plain patterns match."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.extraction import dates, sentences, status
from streams.extraction.text import KeywordSet, with_first_char_test

# Characters and words the patterns care about, so that random text hits them often.
_PIECES = st.sampled_from(
    [
        " ", "  ", "\n", ".", ",", "!", "?", "'", "’", "”", "(", ")", "A", "a", "0", "Mr", "U.S",
        "arrived", "Arrived", "in", "is", "was", "visit", "visited", "trip", "to", "talks", "met",
        "meet", "summit", "attended", "the", "The", "will", "not", "had", "been", "hosted", "by",
        "Moscow", "March", "2024", "Friday", "last", "week", "ago", "-", "land", "left", "for",
        "3", "12", "Mar", "mar", "MAY", "May", "Sept", "friday", "Sunday", "of", "early", "this",
        "year", "1999", "today", "next", "month", "two", "days", "Myanmar", "in early",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_trigger_patterns_get_a_first_character_test():
    fast = [p for _, _, p in status._SCANNED_TRIGGERS]
    assert sum(f is not p for f, (_, _, p) in zip(fast, status._TRIGGERS, strict=True)) >= 10
    assert fast[8].pattern.startswith("(?=[")


def test_patterns_the_engine_already_skips_through_are_left_alone():
    for source in (r"^\s*anchored", r"literal first", r"(?:a|b)?optional", r"\w+ category"):
        pattern = re.compile(source, re.I)
        assert with_first_char_test(pattern) is pattern


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_first_character_tests_keep_every_match(text):
    for _, _, plain in status._TRIGGERS:
        assert _spans(with_first_char_test(plain), text) == _spans(plain, text)
    for (_, fast), (_, plain) in zip(dates._SCANNED_PATTERNS, dates._PATTERNS, strict=True):
        assert _spans(fast, text) == _spans(plain, text)


_PLAIN_BOUNDARY = re.compile(r"[.!?]['\"”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_sentence_boundary_rewrite_keeps_every_match(text):
    assert _spans(sentences._BOUNDARY, text) == _spans(_PLAIN_BOUNDARY, text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_keyword_set_finds_exactly_the_words_in_the_text(text):
    words = ["arriv", "arrived", "in", " in ", "met", "meet", "meeting", "visit", "ago", "'s"]
    lowered = text.lower()
    keywords = KeywordSet(words)
    assert keywords.found_in(lowered) == {w for w in words if w in lowered}
    assert keywords.any_in(lowered) == any(w in lowered for w in words)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_no_pattern_matches_behind_a_closed_gate(text):
    """The gates only save work: whatever a pattern matches, its gate lets through."""
    lowered = text.lower()
    present = status.gate_words(lowered)
    for (_, _, pattern), gate in zip(status._TRIGGERS, status._GATE_SETS, strict=True):
        if pattern.search(text):
            assert not gate.isdisjoint(present), pattern.pattern[:60]
    present = dates._LOWER_GATE_WORDS.found_in(lowered) | dates._CASED_GATE_WORDS.found_in(text)
    for kind, pattern in dates._PATTERNS:
        if pattern.search(text):
            assert not dates._GATE_SETS[kind].isdisjoint(present), kind
