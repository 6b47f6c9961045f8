"""Decoding at topic boundaries, dead-letter headers and record files."""

import json

import pytest

from models import Article, Visit
from streams.deadletter import DecodeFailure, dead_letter_headers, decode
from streams.records import RecordFileError, load_records
from tests.unit.factories import make_visit

ARTICLE = {
    "id": "x1",
    "published_at": "2025-12-11T08:00:00+00:00",
    "title": "t",
    "body": "Belarusian President Alexander Lukashenko arrived in Naypyidaw.",
}


def test_decode_valid_article():
    assert decode(Article, json.dumps(ARTICLE).encode()).id == "x1"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\xff\xfe not utf-8", "decode_error"),
        (b"{not json", "decode_error"),
        (None, "decode_error"),
        (
            json.dumps({**ARTICLE, "published_at": "2025-12-11T08:00:00"}).encode(),
            "validation_error",
        ),
        (
            json.dumps({k: v for k, v in ARTICLE.items() if k != "body"}).encode(),
            "validation_error",
        ),
    ],
)
def test_decode_failures_say_why(raw, reason):
    with pytest.raises(DecodeFailure) as caught:
        decode(Article, raw)
    assert caught.value.reason == reason


def test_naive_datetime_is_named_in_the_failure():
    raw = json.dumps({**ARTICLE, "published_at": "2025-12-11T08:00:00"}).encode()
    with pytest.raises(DecodeFailure, match="published_at"):
        decode(Article, raw)


def test_dead_letter_headers_carry_origin_and_reason():
    headers = dict(dead_letter_headers("dipwatch.articles", 2, 41, "decode_error", "E", "bad"))
    assert headers == {
        "dlq.original.topic": b"dipwatch.articles",
        "dlq.original.partition": b"2",
        "dlq.original.offset": b"41",
        "dlq.reason": b"decode_error",
        "dlq.error.class": b"E",
        "dlq.error.message": b"bad",
    }


def test_visit_must_cross_a_border():
    with pytest.raises(ValueError, match="visitor_country equals host_country"):
        make_visit(visitor_country="MMR", host="MMR")


def test_unknown_country_code_is_rejected():
    with pytest.raises(ValueError, match="ISO 3166-1"):
        make_visit(visitor_country="XXX")


def test_records_route_articles_and_visits(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(ARTICLE))
    (tmp_path / "v.jsonl").write_text(make_visit().model_dump_json() + "\n\n")
    loaded = load_records([tmp_path])
    assert [type(r.record) for r in loaded] == [Article, Visit]


def test_invalid_record_names_file_line_and_field(tmp_path):
    good = json.dumps(ARTICLE)
    bad = json.dumps({**ARTICLE, "published_at": "yesterday"})
    (tmp_path / "many.jsonl").write_text(f"{good}\n{bad}\n")
    with pytest.raises(
        RecordFileError, match=r"many\.jsonl:2: invalid Article: field 'published_at'"
    ):
        load_records([tmp_path])


def test_missing_path_and_broken_json_are_clear(tmp_path):
    with pytest.raises(RecordFileError, match="no such file"):
        load_records([tmp_path / "nope.json"])
    (tmp_path / "b.json").write_text("{")
    with pytest.raises(RecordFileError, match="not JSON"):
        load_records([tmp_path])
