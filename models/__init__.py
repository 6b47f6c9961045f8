"""Wire schema of dipwatch: the only shapes that cross a Kafka topic or a file boundary."""

from models.alert import (
    ALERT_TYPE_CORROBORATED,
    ALERT_TYPE_RARE_VISIT,
    CLOUDEVENTS_CONTENT_TYPE,
    AlertEvent,
    Corroboration,
    PriorVisit,
    RareVisit,
    Severity,
)
from models.article import Article
from models.visit import Evidence, Visit, VisitorRole, VisitStatus

__all__ = [
    "ALERT_TYPE_CORROBORATED",
    "ALERT_TYPE_RARE_VISIT",
    "CLOUDEVENTS_CONTENT_TYPE",
    "AlertEvent",
    "Article",
    "Corroboration",
    "Evidence",
    "PriorVisit",
    "RareVisit",
    "Severity",
    "Visit",
    "VisitStatus",
    "VisitorRole",
]
