"""The committed JSON Schemas are the published contract: they must match the models."""

import json
from datetime import date

import jsonschema
from cloudevents.v1.http import from_json

from models.history import Assessment, HostHistory
from models.schema_export import SCHEMA_DIR, SCHEMAS, render
from streams.alerting import build_alert
from streams.rarity import ScoringPolicy, assess, record_visit
from tests.unit.factories import MYANMAR, make_visit


def test_committed_schemas_match_models():
    stale = [
        name
        for name, model in SCHEMAS.items()
        if not (SCHEMA_DIR / name).exists()
        or (SCHEMA_DIR / name).read_text() != render(name, model)
    ]
    assert stale == [], "run `python -m models.schema_export` and commit models/schemas"


def _alert():
    history = HostHistory(host_country="MMR")
    _, assessment = assess(record_visit(history, make_visit(), 3), MYANMAR, ScoringPolicy())
    assert isinstance(assessment, Assessment)
    return build_alert(assessment, "urn:dipwatch:test", "https://example.org/schemas")


def test_alert_validates_against_committed_schema_and_is_a_cloudevent():
    alert = _alert()
    payload = alert.model_dump_json()
    schema = json.loads((SCHEMA_DIR / "alert-event.json").read_text())
    jsonschema.validate(json.loads(payload), schema)
    parsed = from_json(payload.encode())  # the CloudEvents SDK reads structured mode
    assert parsed["specversion"] == "1.0"
    assert parsed["type"] == "org.dipwatch.visit.rare.v1"
    assert parsed["subject"] == "MMR"
    assert parsed["dataschema"] == "https://example.org/schemas/alert-event.json"
    assert parsed.data["visitor_country"] == "BLR"


def test_alert_id_and_time_are_deterministic():
    first, second = _alert(), _alert()
    assert first.id == second.id and first.time == second.time
    assert first.time.date() == date(2025, 12, 11)
