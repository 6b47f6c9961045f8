"""A diplomatic visit extracted from an article (or taken from a sourced history dataset)."""

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models._types import AwareDatetime, CountryCode, NonEmptyStr


class VisitorRole(StrEnum):
    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    FOREIGN_MINISTER = "foreign_minister"
    OTHER_OFFICIAL = "other_official"

    @property
    def is_leader(self) -> bool:
        return self in (VisitorRole.HEAD_OF_STATE, VisitorRole.HEAD_OF_GOVERNMENT)


class VisitStatus(StrEnum):
    OCCURRING = "occurring"  # the news event itself
    PAST = "past"  # background mention of an earlier visit
    PLANNED = "planned"  # will / is expected to / invited to visit
    CANCELLED = "cancelled"


class Evidence(BaseModel):
    """The sentence a visit was read from, with offsets into the article body."""

    model_config = ConfigDict(frozen=True)

    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    confidence: float = Field(ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _ordered(self) -> "Evidence":
        if self.end < self.start:
            raise ValueError("evidence end must not precede start")
        return self


class Visit(BaseModel):
    """A person holding an office of one country physically going to another."""

    model_config = ConfigDict(frozen=True)

    article_id: NonEmptyStr
    visitor_name: NonEmptyStr
    visitor_country: CountryCode
    visitor_role: VisitorRole
    host_country: CountryCode
    status: VisitStatus
    event_date: date | None = Field(
        default=None, description="Arrival date resolved against the article's publication date."
    )
    date_precision: Literal["day", "month"] = Field(
        default="day",
        description="month: the text names only the month ('in March'); event_date is its 1st.",
    )
    place: str | None = Field(default=None, description="City or venue when the text names one.")
    evidence: Evidence
    published_at: AwareDatetime = Field(description="Publication time of the reporting article.")
    source: str | None = Field(default=None, description="Outlet of the reporting article.")
    leader_id: str | None = Field(
        default=None, description="Key of the person in the leader dictionary, when known."
    )

    @model_validator(mode="after")
    def _travels_abroad(self) -> "Visit":
        if self.visitor_country == self.host_country:
            raise ValueError("a visit crosses a border: visitor_country equals host_country")
        return self

    @property
    def effective_date(self) -> date:
        """The date decisions use: the event date, else the day the article appeared."""
        return self.event_date or self.published_at.date()
