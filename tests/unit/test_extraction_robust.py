# ruff: noqa: RUF001 - typographic quotes are matched on purpose: news copy uses them.
"""Extraction never raises, whatever the copy: an exception in the extract agent sends the
article to the dead-letter topic, and its visits are lost until someone replays it.

Random sentences are built from the pieces the rules react to (names, offices, places,
dates written several ways, trip verbs, lists, clauses), and every labelled article in
`seeds/` is extracted with the packaged dictionaries.
"""

import json
import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from models import Article
from streams.extraction import Extractor, default_extractor
from tests.unit.extraction_fixtures import write_leaders

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

_PIECES = st.sampled_from(
    [
        " ", " ", " ", ", ", ". ", "\n", "\n- ", ": ", "; ", "?", "(", ")", "'s", "’s", "-", " -- ",
        "Vladimir Putin", "Putin", "Sergey Lavrov", "Kim Jong-un", "Xi", "Narendra Modi", "Modi",
        "Hun Sen", "Alexander Lukashenko", "Abdullah bin Zayed", "Sergei Kuzhugetovich Shoigu",
        "Foreign Minister", "Defence Minister", "President", "the president", "Prime Minister",
        "he", "He", "his", "they", "the two leaders", "a delegation", "headed by", "led by",
        "accompanied by", "together with", "among them were", "who", "which", "whose",
        "arrived", "arrived in", "flew to", "flew in from", "visited", "will visit", "to visit",
        "had been due to", "postponed", "pulled out of", "called off", "decided not to go",
        "met", "held talks", "attended", "the summit", "a tour of", "stops in", "began in",
        "took him to", "hosted", "received", "was welcomed by", "the visit follows a trip to",
        "Moscow", "Pyongyang", "Naypyitaw", "Minsk", "Atlanta, Georgia", "Bali, Indonesia",
        "the Iraqi capital", "the Russian Federation", "Africa", "Bagan", "Kananaskis",
        "Russian", "Chinese", "Kremlin", "the U.S.", "Belarus", "China", "Myanmar", "India",
        "on Monday", "last Thursday", "on February 12", "in November 2021", "in March",
        "last year", "in 2019", "days ago", "next week", "on the 14th", "earlier this month",
        "twice", "since 2022", "first", "in a virtual format", "by video", "if", "could",
        "on February 12, 2023", "a week after", "having first visited", "in early 2022",
        "the day before", "troops", "MINSK - ", "abu dhabi, dec 6 (reuters) - ", "13:45 IST | ",
    ]
)  # fmt: skip
_BODY = st.lists(_PIECES, min_size=1, max_size=60).map("".join).filter(str.strip)


@cache
def _fixture_extractor() -> Extractor:
    return Extractor.load(write_leaders(Path(tempfile.mkdtemp(prefix="leaders-"))))


def _article(body: str) -> Article:
    return Article(
        id="fuzz", published_at=datetime(2025, 2, 13, 8, tzinfo=UTC), source="t", body=body
    )


@settings(max_examples=400, deadline=None)
@given(_BODY)
def test_extraction_never_raises_and_evidence_points_into_the_body(body):
    article = _article(body)
    for visit in _fixture_extractor().extract_visits(article):
        assert article.body[visit.evidence.start : visit.evidence.end] == visit.evidence.sentence
        assert visit.visitor_country != visit.host_country


def test_every_seed_article_extracts_with_the_packaged_dictionaries():
    extractor = default_extractor()
    paths = sorted(SEEDS.glob("*/*.json"))
    assert len(paths) > 150
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("expected_visits", None)
        article = Article.model_validate(data)
        for visit in extractor.extract_visits(article):
            assert article.body[visit.evidence.start : visit.evidence.end] == (
                visit.evidence.sentence
            ), path.name


def test_a_dated_trip_followed_by_an_unresolvable_date():
    """Once a crash: "on February 12, a week after the earthquake, having first visited in
    November 2021": the middle date has no day, and was subtracted from the first."""
    body = (
        "Its foreign minister, Vladimir Putin, flew to Damascus on February 12, 2023, a week "
        "after the earthquake, having first visited in November 2021."
    )
    visits = _fixture_extractor().extract_visits(_article(body))
    assert ("SYR", "2023-02-12") in {(v.host_country, str(v.event_date)) for v in visits}
