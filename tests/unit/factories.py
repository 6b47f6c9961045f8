"""Small builders for wire models, so tests state only what matters to them."""

from datetime import UTC, date, datetime

from models import Evidence, Visit, VisitorRole, VisitStatus
from streams.regimes import Regime

MYANMAR = Regime(
    iso3="MMR",
    name="Myanmar",
    isolated_since=date(2021, 2, 1),
    until=None,
    reason="military coup",
    sources=("https://en.wikipedia.org/wiki/2021_Myanmar_coup_d%27%C3%A9tat",),
)


def make_visit(
    *,
    visitor: str = "Alexander Lukashenko",
    visitor_country: str = "BLR",
    host: str = "MMR",
    role: VisitorRole = VisitorRole.HEAD_OF_STATE,
    status: VisitStatus = VisitStatus.OCCURRING,
    day: date | None = date(2025, 12, 11),
    published: date = date(2025, 12, 11),
    article_id: str = "a1",
    source: str | None = "outlet-a",
    leader_id: str | None = None,
    precision: str = "day",
) -> Visit:
    sentence = f"{visitor} arrived."
    return Visit(
        article_id=article_id,
        visitor_name=visitor,
        visitor_country=visitor_country,
        visitor_role=role,
        host_country=host,
        status=status,
        event_date=day,
        date_precision=precision,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), confidence=0.9),
        published_at=datetime(published.year, published.month, published.day, 9, tzinfo=UTC),
        source=source,
        leader_id=leader_id,
    )
