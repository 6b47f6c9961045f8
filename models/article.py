"""A news article as it arrives on the articles topic."""

from pydantic import BaseModel, ConfigDict, Field

from models._types import AwareDatetime, NonEmptyStr


class Article(BaseModel):
    """One news report. Unknown keys are ignored so feeds can carry extras."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: NonEmptyStr = Field(description="Stable identifier chosen by the publisher of the feed.")
    url: str | None = None
    source: str | None = Field(
        default=None, description="Outlet name or domain; distinct sources count as corroboration."
    )
    published_at: AwareDatetime = Field(
        description="Publication time with a UTC offset; relative dates are resolved against it."
    )
    title: str = ""
    body: NonEmptyStr
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
