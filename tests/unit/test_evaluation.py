"""Scoring labelled articles: multiset matching, role accuracy, misses; and the corpus gate."""

import json
from pathlib import Path

import pytest

from models import Article, Evidence, Visit, VisitorRole, VisitStatus
from streams.evaluation import EvalReport, evaluate

CORPUS = Path(__file__).resolve().parents[2] / "seeds" / "corpus"


class FixedExtractor:
    """Returns prepared visits per article id, so scoring is tested on its own."""

    def __init__(self, by_article: dict[str, list[tuple[str, str, str, str]]]):
        self.by_article = by_article

    def extract_visits(self, article: Article) -> list[Visit]:
        out = []
        for visitor, host, status, role in self.by_article.get(article.id, []):
            out.append(
                Visit(
                    article_id=article.id,
                    visitor_name="X",
                    visitor_country=visitor,
                    visitor_role=VisitorRole(role),
                    host_country=host,
                    status=VisitStatus(status),
                    evidence=Evidence(sentence="s.", start=0, end=2, confidence=0.5),
                    published_at=article.published_at,
                )
            )
        return out


def write_labelled(
    folder: Path, article_id: str, expected: list[tuple[str, str, str, str]]
) -> Path:
    path = folder / f"{article_id}.json"
    path.write_text(
        json.dumps(
            {
                "id": article_id,
                "published_at": "2025-12-11T08:00:00+00:00",
                "body": "s.",
                "expected_visits": [
                    {
                        "visitor_name": "X",
                        "visitor_country": v,
                        "host_country": h,
                        "status": s,
                        "visitor_role": r,
                        "event_date": None,
                    }
                    for v, h, s, r in expected
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


def test_multiset_matching_counts_duplicates(tmp_path):
    hos = "head_of_state"
    write_labelled(tmp_path, "a", [("RUS", "PRK", "past", hos), ("RUS", "PRK", "past", hos)])
    report = evaluate([tmp_path], FixedExtractor({"a": [("RUS", "PRK", "past", hos)]}))
    assert (report.true_positives, report.false_positives, report.false_negatives) == (1, 0, 1)
    assert report.precision == 1.0 and report.recall == 0.5
    assert report.f1 == pytest.approx(2 / 3)


def test_matching_is_per_article(tmp_path):
    hos = "head_of_state"
    write_labelled(tmp_path, "a", [("RUS", "PRK", "occurring", hos)])
    write_labelled(tmp_path, "b", [])
    report = evaluate([tmp_path], FixedExtractor({"b": [("RUS", "PRK", "occurring", hos)]}))
    assert (report.true_positives, report.false_positives, report.false_negatives) == (0, 1, 1)
    kinds = {(m.article_id, m.kind) for m in report.misses}
    assert kinds == {("a", "false_negative"), ("b", "false_positive")}


def test_status_is_part_of_the_match(tmp_path):
    write_labelled(tmp_path, "a", [("BLR", "MMR", "occurring", "head_of_state")])
    report = evaluate([tmp_path], FixedExtractor({"a": [("BLR", "MMR", "past", "head_of_state")]}))
    assert report.true_positives == 0 and report.f1 == 0.0


def test_role_accuracy_on_matched_visits_only(tmp_path):
    write_labelled(
        tmp_path,
        "a",
        [
            ("KHM", "MMR", "past", "head_of_government"),
            ("IRN", "SYR", "occurring", "head_of_state"),
        ],
    )
    report = evaluate(
        [tmp_path],
        FixedExtractor(
            {
                "a": [
                    ("KHM", "MMR", "past", "head_of_government"),
                    ("IRN", "SYR", "occurring", "head_of_government"),
                    ("CHN", "RUS", "planned", "head_of_state"),
                ]
            }
        ),
    )
    assert report.true_positives == 2 and report.role_accuracy == 0.5
    assert any(m.kind == "wrong_role" for m in report.misses)


def test_roles_are_compared_person_with_person(tmp_path):
    """Two visits on one triple: each extracted role is scored against the same person's
    label, not against whichever label happens to share its role."""
    path = write_labelled(
        tmp_path,
        "a",
        [("IND", "PAK", "past", "head_of_government"), ("IND", "PAK", "past", "foreign_minister")],
    )
    data = json.loads(path.read_text())
    data["expected_visits"][0]["visitor_name"] = "Narendra Modi"
    data["expected_visits"][1]["visitor_name"] = "Sushma Swaraj"
    path.write_text(json.dumps(data))

    class Swapped:
        def extract_visits(self, article):
            return [
                Visit(
                    article_id=article.id,
                    visitor_name=name,
                    visitor_country="IND",
                    visitor_role=VisitorRole(role),
                    host_country="PAK",
                    status=VisitStatus.PAST,
                    evidence=Evidence(sentence="s.", start=0, end=2, confidence=0.5),
                    published_at=article.published_at,
                )
                for name, role in (("Modi", "foreign_minister"), ("Swaraj", "head_of_government"))
            ]

    report = evaluate([tmp_path], Swapped())
    assert report.true_positives == 2 and report.role_accuracy == 0.0


def test_render_and_json(tmp_path):
    write_labelled(tmp_path, "a", [("BLR", "MMR", "occurring", "head_of_state")])
    report = evaluate(
        [tmp_path / "a.json"], FixedExtractor({"a": [("CHN", "MMR", "past", "head_of_state")]})
    )
    text = report.render()
    for word in (
        "precision",
        "recall",
        "F1",
        "role accuracy",
        "[a] CHN -> MMR past",
        "[a] BLR -> MMR occurring",
    ):
        assert word in text
    data = report.as_dict()
    assert data["false_positives"] == 1 and data["misses"][0]["article_id"] == "a"
    json.dumps(data)


def test_empty_report_is_well_defined():
    report = EvalReport()
    assert report.precision == 1.0 and report.recall == 1.0 and report.f1 == 1.0


@pytest.mark.skipif(not CORPUS.is_dir() or not any(CORPUS.glob("*.json")), reason="no corpus")
def test_corpus_quality_gate():
    from streams.extraction import default_extractor

    report = evaluate([CORPUS], default_extractor())
    assert report.articles >= 1
    assert report.f1 >= 0.95, report.render()
    assert report.role_accuracy >= 0.95, report.render()
