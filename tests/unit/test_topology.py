"""Agent wiring, in memory: Faust's `agent.test_context()`, topic sends captured.

The real-broker behaviour is covered in tests/integration; these tests pin what
each agent sends where, and that bad input takes the dead-letter path.
"""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from faust.topics import Topic
from prometheus_client import CollectorRegistry

from models import AlertEvent, VisitorRole, VisitStatus
from models.history import Assessment
from streams.settings import Settings
from streams.topology import create_app
from tests.unit.factories import make_visit

LUKASHENKO = Path(__file__).resolve().parents[2] / "seeds/articles/lukashenko-myanmar-asiawire.json"


@dataclass
class Sent:
    topic: str
    key: bytes
    value: bytes
    headers: dict


@pytest.fixture
def app(monkeypatch, tmp_path):
    sent: list[Sent] = []

    async def capture(self, *, key=None, value=None, headers=None, **_):
        sent.append(Sent(self.get_topic_name(), key, value, dict(headers or ())))

    monkeypatch.setattr(Topic, "send", capture)
    settings = Settings(topic_namespace="unit", data_dir=tmp_path, store="memory://")
    registry = CollectorRegistry()
    app = create_app(settings, registry=registry)
    app.finalize()
    app.flow_control.resume()
    app.sent, app.registry = sent, registry
    return app


def metric(app, name, **labels):
    return app.registry.get_sample_value(name, labels) or 0.0


async def test_extract_sends_visits_keyed_by_host_and_dead_letters_bad_articles(app):
    article = LUKASHENKO.read_bytes()
    async with app.agents["extract"].test_context() as agent:
        await agent.put(article, key=b"luk")
        await agent.put(b"{broken", key=b"bad")

    visits = [s for s in app.sent if s.topic == "unit.visits"]
    assert {(json.loads(s.value)["visitor_country"], s.key) for s in visits} >= {
        ("BLR", b"MMR"),
        ("KHM", b"MMR"),
    }
    assert all("dipwatch.ingested-at" in s.headers for s in visits)
    (dead,) = [s for s in app.sent if s.topic == "unit.articles.dlq"]
    assert dead.value == b"{broken" and dead.key == b"bad"
    assert dead.headers["dlq.reason"] == b"decode_error"
    assert metric(app, "dipwatch_articles_consumed_total") == 2
    assert (
        metric(app, "dipwatch_dead_letters_total", topic="unit.articles", reason="decode_error")
        == 1
    )


async def test_tally_raises_once_then_corroborates_and_ignores_free_countries(app):
    hun_sen = make_visit(
        visitor="Hun Sen",
        visitor_country="KHM",
        article_id="b",
        role=VisitorRole.HEAD_OF_GOVERNMENT,
        day=date(2022, 1, 7),
        status=VisitStatus.PAST,
    )
    macron = make_visit(visitor="Emmanuel Macron", visitor_country="FRA", host="DEU")
    async with app.agents["tally"].test_context() as agent:
        for visit in (hun_sen, make_visit(), make_visit(article_id="a2", source="other"), macron):
            await agent.put(visit.model_dump_json().encode(), key=visit.host_country.encode())
        await agent.put(b'{"visitor_country": "BLR"}', key=b"MMR")

    assessments = [
        Assessment.model_validate_json(s.value) for s in app.sent if s.topic == "unit.assessments"
    ]
    assert [a.kind for a in assessments] == ["rare", "corroborated"]
    assert assessments[0].visit.previous_visit.visitor_name == "Hun Sen"
    assert assessments[1].visit.corroboration.articles == 2
    (dead,) = [s for s in app.sent if s.topic == "unit.visits.dlq"]
    assert dead.headers["dlq.reason"] == b"validation_error"
    assert metric(app, "dipwatch_visits_since_isolation", host="MMR") == 2


async def test_alert_wraps_assessments_in_cloudevents(app):
    async with app.agents["tally"].test_context() as agent:
        await agent.put(make_visit().model_dump_json().encode(), key=b"MMR")
    (assessment,) = [s for s in app.sent if s.topic == "unit.assessments"]
    async with app.agents["alert"].test_context() as agent:
        await agent.put(assessment.value, key=b"MMR")

    (alert,) = [s for s in app.sent if s.topic == "unit.alerts"]
    event = AlertEvent.model_validate_json(alert.value)
    assert alert.key == b"MMR" and event.subject == "MMR"
    assert alert.headers["content-type"] == b"application/cloudevents+json"
    assert event.type == "org.dipwatch.visit.rare.v1"
    assert event.id == event.data.visit_id
    assert (
        metric(app, "dipwatch_alerts_raised_total", host="MMR", severity=event.data.severity.value)
        == 1
    )
