"""Assessment -> CloudEvent: the alert contract other services consume."""

from datetime import UTC, datetime, time

from models import ALERT_TYPE_CORROBORATED, ALERT_TYPE_RARE_VISIT, AlertEvent
from models.history import Assessment

ALERT_SCHEMA_FILE = "alert-event.json"


def build_alert(assessment: Assessment, source: str, schema_base: str) -> AlertEvent:
    """Deterministic envelope: replaying the same visits yields the same ids and times."""
    visit = assessment.visit
    if assessment.kind == "rare":
        event_id, event_type = visit.visit_id, ALERT_TYPE_RARE_VISIT
    else:
        event_id = f"{visit.visit_id}.c{visit.corroboration.articles}"
        event_type = ALERT_TYPE_CORROBORATED
    return AlertEvent(
        id=event_id,
        source=source,
        type=event_type,
        subject=visit.host_country,
        time=datetime.combine(visit.event_date, time(), tzinfo=UTC),
        dataschema=f"{schema_base.rstrip('/')}/{ALERT_SCHEMA_FILE}",
        data=visit,
    )


def fold_corroboration(events: list[AlertEvent]) -> list[AlertEvent]:
    """Current state of each alert: its rare.v1 event with the latest corroboration folded in.

    Consumers that keep state do the same: upsert by `data.visit_id`.
    """
    latest: dict[str, AlertEvent] = {}
    order: list[str] = []
    for event in events:
        visit_id = event.data.visit_id
        if event.type == ALERT_TYPE_RARE_VISIT:
            if visit_id not in latest:
                order.append(visit_id)
                latest[visit_id] = event
            continue
        current = latest.get(visit_id)
        if current and event.data.corroboration.articles > current.data.corroboration.articles:
            data = current.data.model_copy(update={"corroboration": event.data.corroboration})
            latest[visit_id] = current.model_copy(update={"data": data})
    return [latest[v] for v in order]
