"""Table state: the de-duplicated visit history the tally agent keeps per host.

These shapes travel through the tables' changelog topics, so they are wire
schema like the rest of `models/`.
"""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models._types import AwareDatetime, CountryCode
from models.alert import RareVisit, Severity
from models.visit import Evidence, VisitorRole


class VisitRecord(BaseModel):
    """One visit, however many articles reported it."""

    model_config = ConfigDict(frozen=True)

    visit_id: str = Field(description="Deterministic: host, visitor and arrival date.")
    visitor_key: str = Field(description="Leader-dictionary id, else country:folded-name.")
    visitor_name: str
    visitor_country: CountryCode
    visitor_role: VisitorRole
    host_country: CountryCode
    event_date: date
    date_precision: Literal["day", "month"] = "day"
    place: str | None = None
    occurring: bool = Field(description="At least one report covered it as news, not background.")
    article_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    evidence: Evidence
    alerted_severity: Severity | None = Field(
        default=None, description="Set once the rare-visit alert for this visit was raised."
    )


class HostHistory(BaseModel):
    """Value of the `visit-history` table, keyed by host ISO3."""

    model_config = ConfigDict(frozen=True)

    host_country: CountryCode
    visits: tuple[VisitRecord, ...] = Field(default=(), description="Sorted by event_date.")


class TrailingCounts(BaseModel):
    """Value of the `trailing-counts` table: visits by role in the 365 days up to `as_of`."""

    model_config = ConfigDict(frozen=True)

    host_country: CountryCode
    as_of: date
    by_role: dict[VisitorRole, int]


class FirstVisit(BaseModel):
    """Value of the `first-visits` table, keyed `HOST:VISITOR` (ISO3 both)."""

    model_config = ConfigDict(frozen=True)

    host_country: CountryCode
    visitor_country: CountryCode
    visit_id: str
    visitor_name: str
    visitor_role: VisitorRole
    event_date: date


class Assessment(BaseModel):
    """What the tally stage hands the alert stage on the assessments topic.

    `rare` is sent once per visit; `corroborated` each time a further article
    about an alerted visit arrives (its corroboration count in `visit`).
    """

    model_config = ConfigDict(frozen=True)

    kind: Literal["rare", "corroborated"]
    visit: RareVisit
    ingested_at: AwareDatetime | None = Field(
        default=None, description="Kafka timestamp of the article that triggered it."
    )
