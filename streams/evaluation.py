"""Score the extractor against labelled articles.

A labelled file is an `Article` in JSON plus `expected_visits`, a list of
{visitor_name, visitor_country, visitor_role, host_country, status, event_date}.
Precision, recall and F1 count (visitor_country, host_country, status) triples,
matched as multisets within each article; role accuracy is measured on the
matched pairs, paired by person (a name token in common) before anything else.
Every miss is listed with its article and evidence so a reader can see why.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from models import Article, Visit, VisitorRole, VisitStatus
from models._types import CountryCode
from streams.extraction.text import phrase_key


class ExpectedVisit(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    visitor_name: str = ""
    visitor_country: CountryCode
    visitor_role: VisitorRole
    host_country: CountryCode
    status: VisitStatus
    event_date: str | None = None

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.visitor_country, self.host_country, self.status.value)


class VisitExtractor(Protocol):
    def extract_visits(self, article: Article) -> list[Visit]: ...


@dataclass(frozen=True)
class Miss:
    article_id: str
    kind: str  # "false_positive" | "false_negative" | "wrong_role"
    triple: tuple[str, str, str]
    visitor_name: str
    detail: str  # evidence sentence (extracted) or the expected role/date

    def render(self) -> str:
        v, h, s = self.triple
        return f"  [{self.article_id}] {v} -> {h} {s} ({self.visitor_name}): {self.detail}"


@dataclass
class EvalReport:
    articles: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    role_correct: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def role_accuracy(self) -> float:
        return self.role_correct / self.true_positives if self.true_positives else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "role_accuracy": round(self.role_accuracy, 4),
            "misses": [
                {
                    "article_id": m.article_id,
                    "kind": m.kind,
                    "visitor_country": m.triple[0],
                    "host_country": m.triple[1],
                    "status": m.triple[2],
                    "visitor_name": m.visitor_name,
                    "detail": m.detail,
                }
                for m in self.misses
            ],
        }

    def render(self) -> str:
        lines = [
            f"articles        {self.articles}",
            f"visits          expected {self.true_positives + self.false_negatives}, "
            f"extracted {self.true_positives + self.false_positives}, matched "
            f"{self.true_positives}",
            f"precision       {self.precision:.3f}",
            f"recall          {self.recall:.3f}",
            f"F1              {self.f1:.3f}",
            f"role accuracy   {self.role_accuracy:.3f}  (on matched visits)",
        ]
        for kind, title in (
            ("false_positive", "False positives (extracted, not expected)"),
            ("false_negative", "False negatives (expected, not extracted)"),
            ("wrong_role", "Wrong role (matched visit)"),
        ):
            misses = [m for m in self.misses if m.kind == kind]
            if misses:
                lines.append(f"{title}: {len(misses)}")
                lines.extend(m.render() for m in misses)
        return "\n".join(lines)


def load_labelled(path: Path) -> tuple[Article, list[ExpectedVisit]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    expected = [ExpectedVisit.model_validate(v) for v in data.get("expected_visits", [])]
    return Article.model_validate(data), expected


def labelled_files(paths: list[Path]) -> list[Path]:
    """Files given directly, and every *.json inside folders given."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return files


def _name_tokens(name: str) -> set[str]:
    return {t for t in phrase_key(name).split() if len(t) >= 3}


def _same_person(e: ExpectedVisit, v: Visit) -> bool:
    return bool(_name_tokens(e.visitor_name) & _name_tokens(v.visitor_name))


def _same_role(e: ExpectedVisit, v: Visit) -> bool:
    return e.visitor_role == v.visitor_role


def score_article(
    article: Article, expected: list[ExpectedVisit], found: list[Visit], report: EvalReport
) -> None:
    """Add one article's multiset match to `report`."""
    report.articles += 1
    wanted: dict[tuple[str, str, str], list[ExpectedVisit]] = defaultdict(list)
    for e in expected:
        wanted[e.triple].append(e)
    got: dict[tuple[str, str, str], list[Visit]] = defaultdict(list)
    for v in found:
        got[(v.visitor_country, v.host_country, v.status.value)].append(v)

    for triple in sorted(set(wanted) | set(got)):
        exp = list(wanted.get(triple, []))
        ext = list(got.get(triple, []))
        # Pair the same person first (a name token in common), so that role accuracy
        # compares a person's role with that person's; then same-role visits, so that
        # it is not hurt by pairing order; then the rest.
        pairs: list[tuple[ExpectedVisit, Visit]] = []
        for same in (_same_person, _same_role):
            for e in list(exp):
                v = next((v for v in ext if same(e, v)), None)
                if v is not None:
                    pairs.append((e, v))
                    exp.remove(e)
                    ext.remove(v)
        while exp and ext:
            pairs.append((exp.pop(0), ext.pop(0)))
        report.true_positives += len(pairs)
        for e, v in pairs:
            if e.visitor_role == v.visitor_role:
                report.role_correct += 1
            else:
                report.misses.append(
                    Miss(
                        article.id,
                        "wrong_role",
                        triple,
                        v.visitor_name,
                        f"expected {e.visitor_role.value}, got {v.visitor_role.value}: "
                        f"{v.evidence.sentence!r}",
                    )
                )
        for v in ext:
            report.false_positives += 1
            report.misses.append(
                Miss(
                    article.id,
                    "false_positive",
                    triple,
                    v.visitor_name,
                    f"{v.evidence.sentence!r} [{v.evidence.start}:{v.evidence.end}]",
                )
            )
        for e in exp:
            report.false_negatives += 1
            report.misses.append(
                Miss(
                    article.id,
                    "false_negative",
                    triple,
                    e.visitor_name,
                    f"expected {e.visitor_role.value}, event_date {e.event_date}",
                )
            )


def evaluate(paths: list[Path], extractor: VisitExtractor) -> EvalReport:
    report = EvalReport()
    for path in labelled_files(paths):
        article, expected = load_labelled(path)
        score_article(article, expected, extractor.extract_visits(article), report)
    return report
