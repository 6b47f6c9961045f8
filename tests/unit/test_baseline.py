"""The baseline history: every record is a valid, sourced past leader visit to an isolated host."""

import json
import re
import unicodedata
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from models.visit import Visit, VisitStatus
from streams.baseline import BaselineDataError, load_baseline
from streams.regimes import RegimeRegistry, load_regimes
from streams.settings import REFERENCE_DIR

BASELINE_PATH = Path(__file__).resolve().parents[2] / "seeds" / "baseline" / "visits.jsonl"

# Visits DOMAIN.md names as known history: (visitor_country, host_country, event_date).
# Kim Jong Un's train entered Russia on 2023-09-12, the day before the Vostochny summit.
DOMAIN_KNOWN_VISITS = [
    ("KHM", "MMR", date(2022, 1, 7)),
    ("CHN", "PRK", date(2019, 6, 20)),
    ("RUS", "PRK", date(2024, 6, 19)),
    ("CHN", "RUS", date(2023, 3, 20)),
    ("PRK", "RUS", date(2023, 9, 12)),
    ("IND", "RUS", date(2024, 7, 8)),
    ("HUN", "RUS", date(2024, 7, 5)),
    ("AUT", "RUS", date(2022, 4, 11)),
    ("RUS", "BLR", date(2022, 12, 19)),
    ("UZB", "AFG", date(2024, 8, 17)),
    ("IRN", "SYR", date(2023, 5, 3)),
    ("RUS", "IRN", date(2022, 7, 19)),
    ("TUR", "IRN", date(2022, 7, 19)),
]


@pytest.fixture(scope="module")
def baseline() -> list[Visit]:
    return load_baseline(BASELINE_PATH)


@pytest.fixture(scope="module")
def registry() -> RegimeRegistry:
    return load_regimes(REFERENCE_DIR / "regimes.yaml")


def _a_record(**overrides: object) -> dict:
    sentence = "Cambodian Prime Minister Hun Sen visited Naypyidaw."
    record = {
        "article_id": "baseline:hun-sen-mmr-2022-01-07",
        "visitor_name": "Hun Sen",
        "visitor_country": "KHM",
        "visitor_role": "head_of_government",
        "host_country": "MMR",
        "status": "past",
        "event_date": "2022-01-07",
        "evidence": {"sentence": sentence, "start": 0, "end": len(sentence), "confidence": 1.0},
        "published_at": "2022-01-07T00:00:00Z",
        "source": "https://en.wikipedia.org/wiki/Cambodia%E2%80%93Myanmar_relations",
    }
    record.update(overrides)
    return record


def test_every_line_is_a_visit(baseline: list[Visit]) -> None:
    lines = [line for line in BASELINE_PATH.read_text(encoding="utf-8").splitlines() if line]
    assert len(baseline) == len(lines) > 0


def test_every_record_is_a_past_leader_visit(baseline: list[Visit]) -> None:
    for visit in baseline:
        assert visit.status is VisitStatus.PAST, visit.article_id
        assert visit.visitor_role.is_leader, visit.article_id
        assert visit.event_date is not None, visit.article_id


def test_every_record_is_shaped_as_the_loader_expects(baseline: list[Visit]) -> None:
    for visit in baseline:
        assert visit.article_id.startswith("baseline:"), visit.article_id
        assert visit.published_at == datetime.combine(visit.event_date, datetime.min.time(), UTC)
        assert visit.evidence.sentence.strip()
        assert (visit.evidence.start, visit.evidence.end) == (0, len(visit.evidence.sentence))
        assert visit.evidence.confidence == 1.0
        assert visit.source and visit.source.startswith("https://"), visit.article_id


def test_article_ids_are_unique(baseline: list[Visit]) -> None:
    duplicated = [key for key, n in Counter(v.article_id for v in baseline).items() if n > 1]
    assert duplicated == []


def test_no_visit_is_recorded_twice(baseline: list[Visit]) -> None:
    def person(name: str) -> str:
        return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()

    keys = Counter((person(v.visitor_name), v.host_country, v.event_date) for v in baseline)
    assert [key for key, n in keys.items() if n > 1] == []


def test_every_host_is_isolated_on_the_visit_date(
    baseline: list[Visit], registry: RegimeRegistry
) -> None:
    outside = [
        v.article_id
        for v in baseline
        if registry.isolation_on(v.host_country, v.event_date) is None
    ]
    assert outside == []


def test_every_registered_host_has_history(baseline: list[Visit], registry: RegimeRegistry) -> None:
    hosts = {v.host_country for v in baseline}
    assert set(registry.hosts) <= hosts


def test_domain_known_visits_are_present(baseline: list[Visit]) -> None:
    recorded = {(v.visitor_country, v.host_country, v.event_date) for v in baseline}
    assert [k for k in DOMAIN_KNOWN_VISITS if k not in recorded] == []


def test_myanmar_junta_trips_to_belarus_and_russia_are_present(baseline: list[Visit]) -> None:
    trips = {v.host_country for v in baseline if v.visitor_country == "MMR"}
    assert {"BLR", "RUS"} <= trips


def test_lukashenko_myanmar_visit_is_left_for_the_demo(baseline: list[Visit]) -> None:
    # The demo must detect this visit from articles; history must not already hold it.
    assert [v for v in baseline if (v.visitor_country, v.host_country) == ("BLR", "MMR")] == []


def test_myanmar_has_exactly_one_prior_leader_visit(baseline: list[Visit]) -> None:
    # DOMAIN.md: Hun Sen was the only head of government to visit between the coup and Dec 2025.
    assert [v.visitor_name for v in baseline if v.host_country == "MMR"] == ["Hun Sen"]


def test_loader_reads_a_valid_file_and_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "visits.jsonl"
    path.write_text(json.dumps(_a_record()) + "\n\n", encoding="utf-8")
    [visit] = load_baseline(path)
    assert visit.host_country == "MMR"


def test_invalid_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "visits.jsonl"
    bad = _a_record(visitor_country="ZZZ")
    path.write_text(json.dumps(_a_record()) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(BaselineDataError, match=rf"{re.escape(str(path))}:2: .*visitor_country"):
        load_baseline(path)


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "visits.jsonl"
    path.write_text('{"article_id": \n', encoding="utf-8")
    with pytest.raises(BaselineDataError, match=rf"{re.escape(str(path))}:1: "):
        load_baseline(path)


def test_non_past_status_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "visits.jsonl"
    path.write_text(json.dumps(_a_record(status="occurring")) + "\n", encoding="utf-8")
    with pytest.raises(BaselineDataError, match=rf"{re.escape(str(path))}:1: .*past"):
        load_baseline(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BaselineDataError, match="cannot read"):
        load_baseline(tmp_path / "absent.jsonl")
