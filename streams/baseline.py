"""Sourced history of leader visits to the registered regimes, the prior for rarity scoring.

`seeds/baseline/visits.jsonl` holds one `models.Visit` per line with status "past":
baseline records feed each host's history and never alert.
"""

from pathlib import Path

from pydantic import ValidationError

from models.visit import Visit, VisitStatus


class BaselineDataError(ValueError):
    """The baseline file cannot be read or one of its lines is not a valid past visit."""


def load_baseline(path: Path) -> list[Visit]:
    """Read the JSONL baseline, validating every line; blank lines are skipped.

    Raises BaselineDataError naming the file and the 1-based line number.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise BaselineDataError(f"{path}: cannot read baseline: {exc}") from exc

    visits: list[Visit] = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            visit = Visit.model_validate_json(line)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(part) for part in e['loc']) or 'line'}: {e['msg']}"
                for e in exc.errors()
            )
            raise BaselineDataError(f"{path}:{lineno}: invalid visit: {problems}") from exc
        if visit.status is not VisitStatus.PAST:
            raise BaselineDataError(
                f"{path}:{lineno}: baseline visits must have status 'past', got {visit.status!r}"
            )
        visits.append(visit)
    return visits
