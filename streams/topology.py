"""The whole pipeline in flow order: app, topics, tables, agents.

    articles ──extract──▶ visits ──tally──▶ assessments ──alert──▶ alerts
       │                    │   (tables: visit-history,   │
       ▼                    ▼    trailing-counts,          ▼
    articles.dlq        visits.dlq   first-visits)   assessments.dlq

Agents only decode, call a pure stage function, record metrics and send.
The stage logic lives in `streams.extraction`, `streams.rarity` and
`streams.alerting`; bad messages go to the dead-letter topics.
"""

import logging
import time
from collections.abc import AsyncIterable
from datetime import UTC, datetime
from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.types import EventT, TableT, TopicT
from prometheus_client import CollectorRegistry

from models import CLOUDEVENTS_CONTENT_TYPE, Article, Severity, Visit
from models.history import Assessment, HostHistory
from streams.alerting import build_alert
from streams.deadletter import DecodeFailure, dead_letter_headers, decode
from streams.extraction import Extractor
from streams.metrics import Metrics, create_metrics
from streams.rarity import (
    ScoringPolicy,
    assess,
    first_visit,
    leader_visits_since,
    record_visit,
    trailing_counts,
)
from streams.regimes import RegimeRegistry, load_regimes
from streams.settings import Settings

log = logging.getLogger(__name__)

INGESTED_AT_HEADER = "dipwatch.ingested-at"


def create_app(
    settings: Settings,
    *,
    registry: CollectorRegistry | None = None,
    extractor: Extractor | None = None,
    regimes: RegimeRegistry | None = None,
) -> faust.App:
    """Build the Faust app. Everything it needs comes from `settings` (or is injected by tests)."""
    regimes = regimes or load_regimes(settings.regimes_path)
    extractor = extractor or Extractor.from_settings(settings)
    registry = registry or CollectorRegistry(auto_describe=True)
    names = settings.topics
    policy = ScoringPolicy(
        critical_score=settings.severity_critical_score,
        warning_score=settings.severity_warning_score,
        official_max_severity=Severity(settings.official_max_severity),
        alert_officials=settings.alert_officials,
        merge_window_days=settings.merge_window_days,
    )

    settings.data_dir.mkdir(parents=True, exist_ok=True)  # Faust does not create it
    app = faust.App(
        settings.app_id,
        broker=settings.broker_url,
        store=settings.store,
        processing_guarantee=settings.processing_guarantee,
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication_factor,
        web_enabled=True,
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        datadir=str(settings.data_dir),
        autodiscover=False,
        consumer_auto_offset_reset="earliest",
    )
    # Faust's own sensor metrics under a fixed prefix, so dashboards do not
    # depend on the app id; the project's metrics share its registry.
    setup_prometheus_sensors(app, registry=registry, name_prefix="faust")
    metrics = create_metrics(
        registry,
        regimes.hosts,
        dead_letter_topics=(names.articles, names.visits, names.assessments),
    )

    # --- Topics (raw bytes: decoding, and its failures, are ours) ------------
    def raw_topic(name: str) -> TopicT:
        return app.topic(
            name,
            key_type=bytes,
            value_type=bytes,
            value_serializer="raw",
            key_serializer="raw",
            partitions=settings.topic_partitions,
        )

    articles_topic = raw_topic(names.articles)  # key: article id   value: models.Article
    articles_dlq = raw_topic(names.articles_dlq)  # original bytes, reason in headers
    visits_topic = raw_topic(names.visits)  # key: host ISO3       value: models.Visit
    visits_dlq = raw_topic(names.visits_dlq)
    assessments_topic = raw_topic(names.assessments)  # key: host   value: Assessment
    assessments_dlq = raw_topic(names.assessments_dlq)
    alerts_topic = raw_topic(names.alerts)  # key: host ISO3  value: AlertEvent (CloudEvents JSON)

    # --- Tables (changelog-backed, partitioned like the visits topic) --------
    def table(name: str) -> TableT:
        # Values are the models' JSON form (json codec); the models validate on read.
        return app.Table(name, default=None, partitions=settings.topic_partitions)

    visit_history = table("visit-history")  # host -> HostHistory (since isolation)
    trailing = table("trailing-counts")  # host -> TrailingCounts (365 days)
    first_visits = table("first-visits")  # "HOST:VISITOR" -> FirstVisit

    async def dead_letter(event: EventT, dlq: TopicT, exc: Exception) -> None:
        failure = (
            exc
            if isinstance(exc, DecodeFailure)
            else DecodeFailure("processing_error", type(exc).__name__, str(exc))
        )
        msg = event.message
        if failure.reason == "processing_error":
            log.exception("processing failed at %s[%s]@%s", msg.topic, msg.partition, msg.offset)
        else:
            log.warning(
                "dead-lettered %s[%s]@%s: %s", msg.topic, msg.partition, msg.offset, failure
            )
        metrics.dead_letters.labels(topic=msg.topic, reason=failure.reason).inc()
        await dlq.send(
            key=msg.key,
            value=msg.value,
            headers=dead_letter_headers(
                msg.topic,
                msg.partition,
                msg.offset,
                failure.reason,
                failure.error_class,
                failure.detail,
            ),
        )

    def tally_visit(visit: Visit, headers: Any) -> Assessment | None:
        """Fold one visit into its host's tables; what the alert stage must hear, if anything."""
        regime = regimes.isolation_on(visit.host_country, visit.effective_date)
        if regime is None:
            return None  # not an isolated regime on that date: no history, no alert
        host = visit.host_country
        stored = visit_history.get(host)
        history = HostHistory.model_validate(stored) if stored else HostHistory(host_country=host)
        history, assessment = assess(
            record_visit(history, visit, policy.merge_window_days), regime, policy
        )
        _put(visit_history, host, history.model_dump(mode="json"))
        latest = history.visits[-1].event_date if history.visits else visit.effective_date
        _put(trailing, host, trailing_counts(history, latest).model_dump(mode="json"))
        first = first_visit(history, visit.visitor_country)
        if first is not None:
            _put(first_visits, f"{host}:{visit.visitor_country}", first.model_dump(mode="json"))
        _update_host_gauges(metrics, history, regime.isolated_since)
        if assessment is None:
            return None
        return assessment.model_copy(update={"ingested_at": _ingested_at(headers)})

    # --- Agents, in flow order ----------------------------------------------
    @app.agent(articles_topic, name="extract")
    async def extract(stream: AsyncIterable[Any]) -> None:
        # in: Article bytes   out: one Visit per extracted visit, keyed by host
        async for event in stream.events():
            metrics.articles_consumed.inc()
            try:
                article = decode(Article, event.message.value)
                started = time.perf_counter()
                visits = extractor.extract_visits(article)
                metrics.extraction_duration.observe(time.perf_counter() - started)
            except Exception as exc:  # bad input or an extractor bug: never stop the stream
                await dead_letter(event, articles_dlq, exc)
                continue
            ingested = str(event.message.timestamp).encode()
            for visit in visits:
                metrics.visits_extracted.labels(status=visit.status, role=visit.visitor_role).inc()
                await visits_topic.send(
                    key=visit.host_country.encode(),
                    value=visit.model_dump_json().encode(),
                    headers=[(INGESTED_AT_HEADER, ingested)],
                )

    @app.agent(visits_topic, name="tally")
    async def tally(stream: AsyncIterable[Any]) -> None:
        # in: Visit keyed by host   out: Assessment (rare | corroborated), keyed by host
        async for event in stream.events():
            try:
                assessment = tally_visit(decode(Visit, event.message.value), event.message.headers)
            except Exception as exc:
                await dead_letter(event, visits_dlq, exc)
                continue
            if assessment is not None:
                await assessments_topic.send(
                    key=assessment.visit.host_country.encode(),
                    value=assessment.model_dump_json().encode(),
                )

    @app.agent(assessments_topic, name="alert")
    async def alert(stream: AsyncIterable[Any]) -> None:
        # in: Assessment   out: AlertEvent (CloudEvents 1.0 structured JSON), keyed by host
        async for event in stream.events():
            try:
                assessment = decode(Assessment, event.message.value)
                cloud_event = build_alert(
                    assessment, settings.alert_source, settings.alert_schema_base
                )
            except Exception as exc:
                await dead_letter(event, assessments_dlq, exc)
                continue
            await alerts_topic.send(
                key=cloud_event.subject.encode(),
                value=cloud_event.model_dump_json().encode(),
                headers=[("content-type", CLOUDEVENTS_CONTENT_TYPE.encode())],
            )
            if assessment.kind == "rare":
                metrics.observe_alert(cloud_event.subject, assessment.visit.severity, regimes.hosts)
                if assessment.ingested_at is not None:
                    metrics.ingest_to_alert.observe(
                        (datetime.now(UTC) - assessment.ingested_at).total_seconds()
                    )

    @app.task
    async def declare_topics() -> None:
        # Topics that no agent consumes are not declared by Faust on its own.
        for topic in (articles_dlq, visits_dlq, assessments_dlq, alerts_topic):
            await topic.maybe_declare()

    return app


def _put(table: TableT, key: str, value: dict) -> None:
    """Write only what changed: every write is also a changelog message."""
    if table.get(key) != value:
        table[key] = value


def _ingested_at(headers: Any) -> datetime | None:
    for key, value in headers.items() if isinstance(headers, dict) else headers or ():
        if key == INGESTED_AT_HEADER:
            try:
                return datetime.fromtimestamp(float(value), UTC)
            except ValueError:
                return None
    return None


def _update_host_gauges(metrics: Metrics, history: HostHistory, since: Any) -> None:
    leaders = leader_visits_since(history, since)
    host = history.host_country
    metrics.visits_since_isolation.labels(host=host).set(len(leaders))
    if leaders:
        last = leaders[-1].event_date
        metrics.last_leader_visit.labels(host=host).set(
            datetime(last.year, last.month, last.day, tzinfo=UTC).timestamp()
        )
