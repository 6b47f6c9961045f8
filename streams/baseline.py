"""Sourced history of leader visits to the registered regimes, the prior for rarity scoring.

`seeds/baseline/visits.jsonl` holds one `models.Visit` per line with status "past":
baseline records feed each host's history and never alert.
"""

from pathlib import Path

from models.visit import Visit, VisitStatus
from streams.records import RecordFileError, load_records


class BaselineDataError(RecordFileError):
    """The baseline file cannot be read or one of its lines is not a valid past visit."""


def load_baseline(path: Path) -> list[Visit]:
    """Read the JSONL baseline, validating every line; blank lines are skipped.

    Raises BaselineDataError naming the file and the 1-based line number.
    """
    if not Path(path).is_file():
        raise BaselineDataError(f"{path}: cannot read baseline: no such file")
    try:
        loaded = load_records([Path(path)], only=Visit)
    except RecordFileError as exc:
        raise BaselineDataError(str(exc)) from exc
    for item in loaded:
        if item.record.status is not VisitStatus.PAST:
            raise BaselineDataError(
                f"{path}:{item.line}: baseline visits must have status 'past', "
                f"got {item.record.status.value!r}"
            )
    return [item.record for item in loaded]
