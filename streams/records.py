"""Reading article and visit files: `.json` holds one record, `.jsonl` one per line.

Everything is validated before anything is published, and an error names the
file, the line and the field.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from models import Article, Visit

SUFFIXES = (".json", ".jsonl")


class RecordFileError(ValueError):
    """A record file is unreadable or a record in it is invalid."""


@dataclass(frozen=True)
class Loaded:
    path: Path
    line: int | None
    record: Article | Visit
    raw: dict


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, folders expanded to their .json/.jsonl files in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        elif path.is_file():
            yield path
        else:
            raise RecordFileError(f"{path}: no such file or folder")


def model_for(obj: dict) -> type[BaseModel]:
    """Visit records (baseline history) carry a visitor; everything else is an article."""
    return Visit if "visitor_country" in obj else Article


def load_records(paths: Iterable[Path], only: type[BaseModel] | None = None) -> list[Loaded]:
    loaded: list[Loaded] = []
    for path in iter_files(paths):
        for line, obj in _objects(path):
            model = only or model_for(obj)
            where = f"{path}:{line}" if line else str(path)
            try:
                record = model.model_validate(obj)
            except ValidationError as exc:
                fields = "; ".join(
                    f"field '{'.'.join(str(p) for p in e['loc'])}': {e['msg']}"
                    for e in exc.errors()
                )
                raise RecordFileError(f"{where}: invalid {model.__name__}: {fields}") from exc
            loaded.append(Loaded(path, line, record, obj))
    return loaded


def _objects(path: Path) -> Iterator[tuple[int | None, dict]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordFileError(f"{path}: cannot read: {exc}") from exc
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield number, _parse(line, f"{path}:{number}")
    else:
        yield None, _parse(text, str(path))


def _parse(text: str, where: str) -> dict:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordFileError(f"{where}: not JSON: {exc}") from exc
    if not isinstance(obj, dict):
        raise RecordFileError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    return obj
