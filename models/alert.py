"""Alerts on the alerts topic: CloudEvents 1.0, structured JSON mode.

The envelope is a pydantic model so that its JSON Schema is generated and
committed like every other wire shape; `tests/unit/test_schemas.py` also parses
it with the CloudEvents SDK to prove conformance.
"""

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models._types import AwareDatetime, CountryCode, NonEmptyStr
from models.visit import Evidence, VisitorRole

ALERT_TYPE_RARE_VISIT = "org.dipwatch.visit.rare.v1"
ALERT_TYPE_CORROBORATED = "org.dipwatch.visit.corroborated.v1"
CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class PriorVisit(BaseModel):
    """The previous visit of the same rank to the same host, cited as context."""

    model_config = ConfigDict(frozen=True)

    visitor_name: str
    visitor_country: CountryCode
    visitor_role: VisitorRole
    event_date: date


class Corroboration(BaseModel):
    model_config = ConfigDict(frozen=True)

    articles: int = Field(ge=1, description="Distinct articles reporting the visit.")
    sources: int = Field(ge=0, description="Distinct outlets among those articles.")
    article_ids: list[str]


class RareVisit(BaseModel):
    """`data` of an `org.dipwatch.visit.rare.v1` event: the visit, its score and why."""

    model_config = ConfigDict(frozen=True)

    visit_id: NonEmptyStr
    visitor_name: str
    visitor_country: CountryCode
    visitor_role: VisitorRole
    host_country: CountryCode
    event_date: date
    place: str | None = None
    severity: Severity
    score: float = Field(ge=0.0, le=1.0)
    reasons: list[str] = Field(description="Human-readable reasons, most important first.")
    isolated_since: date
    isolation_reason: str
    previous_visit: PriorVisit | None = Field(
        description="Previous visit of the same rank since isolation, strictly before this one."
    )
    visits_since_isolation: int = Field(
        ge=0, description="Visits of the same rank since isolation, strictly before this one."
    )
    days_since_previous: int | None = Field(ge=0)
    base_rate_per_year: float = Field(
        ge=0.0, description="Visits of the same rank per year since isolation, before this one."
    )
    first_visit_by_country: bool = Field(
        description="No official of the visitor's country had visited since isolation."
    )
    corroboration: Corroboration
    evidence: Evidence


class AlertEvent(BaseModel):
    """CloudEvents 1.0 envelope (structured mode) around a `RareVisit`."""

    model_config = ConfigDict(frozen=True)

    specversion: Literal["1.0"] = "1.0"
    id: NonEmptyStr = Field(description="Deterministic: the same visit has the same id on replay.")
    source: NonEmptyStr
    type: Literal["org.dipwatch.visit.rare.v1", "org.dipwatch.visit.corroborated.v1"] = Field(
        default=ALERT_TYPE_RARE_VISIT,
        description="rare.v1 once per visit; corroborated.v1 each time a further article reports "
        "an alerted visit (same data.visit_id, updated data.corroboration).",
    )
    subject: CountryCode = Field(description="Host country, ISO 3166-1 alpha-3 (also the key).")
    time: AwareDatetime = Field(
        description="When the visit was assessed (event time of the visit)."
    )
    datacontenttype: Literal["application/json"] = "application/json"
    dataschema: str
    data: RareVisit
