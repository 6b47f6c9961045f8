"""Generate the committed JSON Schemas: `python -m models.schema_export [--check]`.

`tests/unit/test_schemas.py` fails when a model changes and its committed
schema does not; run this module to regenerate them.
"""

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from models import AlertEvent, Article, Visit
from models.history import Assessment, FirstVisit, HostHistory, TrailingCounts

SCHEMA_DIR = Path(__file__).parent / "schemas"
BASE_URL = "https://github.com/dipwatch/dipwatch/blob/main/models/schemas"

SCHEMAS: dict[str, type[BaseModel]] = {
    "article.json": Article,
    "visit.json": Visit,
    "alert-event.json": AlertEvent,
    "assessment.json": Assessment,
    "host-history.json": HostHistory,
    "trailing-counts.json": TrailingCounts,
    "first-visit.json": FirstVisit,
}


def render(filename: str, model: type[BaseModel]) -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_URL}/{filename}",
        **model.model_json_schema(mode="serialization"),
    }
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    stale = []
    for filename, model in SCHEMAS.items():
        path = SCHEMA_DIR / filename
        text = render(filename, model)
        if "--check" in argv:
            if not path.exists() or path.read_text() != text:
                stale.append(filename)
        else:
            path.write_text(text)
    if stale:
        print(f"stale schemas (run python -m models.schema_export): {', '.join(stale)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
