"""The project's Prometheus metrics, registered on the registry Faust's sensor serves.

Labels come only from small fixed sets (status, role, severity, dead-letter
reason, and hosts from the regime registry) and every known combination is
pre-set to 0, so dashboards and `increase()` see a series before its first event.
"""

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from models import Severity, VisitorRole, VisitStatus
from streams import __version__

DEAD_LETTER_REASONS = ("decode_error", "validation_error", "processing_error")

# Extraction is sub-millisecond per article; ingest-to-alert spans Kafka hops.
EXTRACTION_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5)
INGEST_TO_ALERT_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


@dataclass(frozen=True)
class Metrics:
    articles_consumed: Counter
    visits_extracted: Counter
    alerts_raised: Counter
    dead_letters: Counter
    extraction_duration: Histogram
    ingest_to_alert: Histogram
    visits_since_isolation: Gauge
    last_leader_visit: Gauge

    def observe_alert(self, host: str, severity: Severity, hosts: tuple[str, ...]) -> None:
        # Hosts outside the registry never alert, but guard the label set anyway.
        self.alerts_raised.labels(host=host if host in hosts else "other", severity=severity).inc()


def create_metrics(
    registry: CollectorRegistry, hosts: tuple[str, ...], dead_letter_topics: tuple[str, ...]
) -> Metrics:
    build_info = Gauge(
        "dipwatch_build_info", "Build of the running worker.", ["version"], registry=registry
    )
    build_info.labels(version=__version__).set(1)

    metrics = Metrics(
        articles_consumed=Counter(
            "dipwatch_articles_consumed",
            "Articles read from the articles topic (valid or not).",
            registry=registry,
        ),
        visits_extracted=Counter(
            "dipwatch_visits_extracted",
            "Visits extracted from articles, by status and visitor role.",
            ["status", "role"],
            registry=registry,
        ),
        alerts_raised=Counter(
            "dipwatch_alerts_raised",
            "Rare-visit alerts sent to the alerts topic, by host regime and severity.",
            ["host", "severity"],
            registry=registry,
        ),
        dead_letters=Counter(
            "dipwatch_dead_letters",
            "Messages sent to a dead-letter topic, by source topic and reason.",
            ["topic", "reason"],
            registry=registry,
        ),
        extraction_duration=Histogram(
            "dipwatch_extraction_duration_seconds",
            "Time to extract visits from one article.",
            buckets=EXTRACTION_BUCKETS,
            registry=registry,
        ),
        ingest_to_alert=Histogram(
            "dipwatch_ingest_to_alert_seconds",
            "From the article's Kafka timestamp to its alert being sent.",
            buckets=INGEST_TO_ALERT_BUCKETS,
            registry=registry,
        ),
        visits_since_isolation=Gauge(
            "dipwatch_visits_since_isolation",
            "Head-of-state/government visits to the host since its isolation began.",
            ["host"],
            registry=registry,
        ),
        last_leader_visit=Gauge(
            "dipwatch_last_leader_visit_timestamp_seconds",
            "Unix time of the last head-of-state/government visit to the host (event date).",
            ["host"],
            registry=registry,
        ),
    )
    for status in VisitStatus:
        for role in VisitorRole:
            metrics.visits_extracted.labels(status=status, role=role)
    for host in (*hosts, "other"):
        for severity in Severity:
            metrics.alerts_raised.labels(host=host, severity=severity)
    for host in hosts:
        metrics.visits_since_isolation.labels(host=host)
    for topic in dead_letter_topics:
        for reason in DEAD_LETTER_REASONS:
            metrics.dead_letters.labels(topic=topic, reason=reason)
    return metrics
