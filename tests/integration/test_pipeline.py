"""Seeds in, alerts out: a real broker, a real worker process, a separate consumer."""

import asyncio
import json
import os
import random
import subprocess
import sys
from collections import Counter

import pytest

from models import ALERT_TYPE_CORROBORATED, ALERT_TYPE_RARE_VISIT, Severity
from streams.alerting import fold_corroboration
from streams.records import load_records
from tests.integration.pipeline import REPO_ROOT, SEEDS, Pipeline


def seed_records():
    loaded = load_records([SEEDS / "baseline", SEEDS / "articles"])
    # Baseline history first, then the news in publication order (what `publish` does).
    return sorted(loaded, key=lambda r: (hasattr(r.record, "body"), r.record.published_at))


@pytest.fixture
async def pipeline(kafka_bootstrap, tmp_path):
    p = await Pipeline(kafka_bootstrap, tmp_path).start()
    yield p
    await p.stop()


async def replay(kafka_bootstrap, tmp_path, records) -> list:
    p = await Pipeline(kafka_bootstrap, tmp_path).start()
    try:
        await p.send(records)
        await p.drained()
        return await p.alerts()
    finally:
        await p.stop()


async def test_seeds_yield_the_expected_alerts(pipeline):
    await pipeline.send(seed_records())
    await pipeline.drained()
    events = await pipeline.alerts()

    rare = {
        (e.data.visitor_country, e.data.host_country): e
        for e in events
        if e.type == ALERT_TYPE_RARE_VISIT
    }
    # Cambodia's 2022 visit was itself rare news; Modi in Moscow alerts at a low level;
    # Macron in Berlin is not a visit to an isolated regime.
    assert set(rare) == {("BLR", "MMR"), ("KHM", "MMR"), ("IND", "RUS")}
    assert all(e.subject == e.data.host_country for e in events)

    lukashenko = rare[("BLR", "MMR")].data
    assert lukashenko.severity is Severity.CRITICAL
    assert lukashenko.previous_visit.visitor_name == "Hun Sen"
    assert str(lukashenko.previous_visit.event_date) == "2022-01-07"
    assert lukashenko.visits_since_isolation == 1
    assert str(lukashenko.isolated_since) == "2021-02-01"
    assert rare[("IND", "RUS")].data.score < lukashenko.score

    # Three outlets reported the arrival: one rare alert, corroboration grows to 3.
    per_visit = Counter(e.data.visit_id for e in events if e.type == ALERT_TYPE_RARE_VISIT)
    assert max(per_visit.values()) == 1
    (folded,) = [e for e in fold_corroboration(events) if e.data.visitor_country == "BLR"]
    assert folded.data.corroboration.articles == 3
    assert folded.data.corroboration.sources == 3
    assert {e.type for e in events} == {ALERT_TYPE_RARE_VISIT, ALERT_TYPE_CORROBORATED}

    # The README's consumer example reads the same topic as another service would.
    example = await asyncio.to_thread(
        subprocess.run,
        [
            sys.executable,
            str(REPO_ROOT / "examples" / "consume_alerts.py"),
            "--bootstrap",
            pipeline.bootstrap,
            "--topic",
            pipeline.topics.alerts,
            "--group",
            f"example-{pipeline.namespace}",
            "--limit",
            str(len(events)),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "CRITICAL: Alexander Lukashenko (BLR) in MMR on 2025-12-11" in example.stdout
    assert "now 3 articles" in example.stdout

    # `dipwatch alerts --json` prints each alert once, corroboration folded in.
    cli = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "streams.cli", "alerts", "--json"],
        env={
            **os.environ,
            "DIPWATCH_KAFKA_BOOTSTRAP": pipeline.bootstrap,
            "DIPWATCH_TOPIC_NAMESPACE": pipeline.namespace,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    printed = [json.loads(line) for line in cli.stdout.splitlines()]
    assert sorted(e["id"] for e in printed) == sorted(e.id for e in fold_corroboration(events))
    assert {e["id"]: e["data"]["corroboration"]["articles"] for e in printed}[folded.id] == 3

    metrics = pipeline.metrics()
    assert metrics[("dipwatch_articles_consumed_total", ())] == 6
    critical_mmr = ("dipwatch_alerts_raised_total", (("host", "MMR"), ("severity", "critical")))
    assert metrics[critical_mmr] == 2


async def test_bad_messages_go_to_the_dlq_and_the_stream_goes_on(pipeline):
    t = pipeline.topics
    good = [
        r
        for r in seed_records()
        if getattr(r.record, "source", None) and "lukashenko" in r.path.name
    ][:1]
    naive = json.loads(good[0].record.model_dump_json())
    naive["published_at"] = "2025-12-11T08:00:00"  # no offset: not an aware datetime
    await pipeline.send_raw(t.articles, b"junk", b"\x00not json at all")
    await pipeline.send_raw(t.articles, b"naive", json.dumps(naive).encode())
    await pipeline.send(good)
    await pipeline.drained()

    dead = await pipeline.raw(t.articles_dlq)
    assert sorted(m.value for m in dead) == sorted(
        [b"\x00not json at all", json.dumps(naive).encode()]
    )
    headers = {m.key: dict(m.headers) for m in dead}
    assert headers[b"junk"]["dlq.reason"] == b"decode_error"
    assert headers[b"naive"]["dlq.reason"] == b"validation_error"
    assert b"published_at" in headers[b"naive"]["dlq.error.message"]
    assert headers[b"naive"]["dlq.original.topic"] == t.articles.encode()
    assert headers[b"naive"]["dlq.original.offset"].isdigit()

    alerts = await pipeline.alerts()
    assert [(a.data.visitor_country, a.data.host_country) for a in alerts] == [("BLR", "MMR")]

    metrics = pipeline.metrics()
    assert metrics[("dipwatch_articles_consumed_total", ())] == 3
    for reason in ("decode_error", "validation_error"):
        key = ("dipwatch_dead_letters_total", (("reason", reason), ("topic", t.articles)))
        assert metrics[key] == 1


async def test_replays_in_any_order_give_the_same_alert_ids(kafka_bootstrap, tmp_path):
    records = seed_records()
    first = await replay(kafka_bootstrap, tmp_path / "first", records)
    again = await replay(kafka_bootstrap, tmp_path / "again", records)
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    reordered = await replay(kafka_bootstrap, tmp_path / "shuffled", shuffled)

    def rare_ids(events):
        return {e.id for e in events if e.type == ALERT_TYPE_RARE_VISIT}

    def corroboration(events):
        return {e.id: e.data.corroboration.articles for e in fold_corroboration(events)}

    assert len(rare_ids(first)) == 3
    assert rare_ids(first) == rare_ids(again) == rare_ids(reordered)
    # When an update is sent depends on arrival order; what each alert ends at does not.
    assert corroboration(first) == corroboration(again) == corroboration(reordered)
