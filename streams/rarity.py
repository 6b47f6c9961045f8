"""Per-host visit history and rarity scoring: pure functions, no Faust, no I/O.

Flow for one extracted visit (see `streams.topology.tally_visits`):

    Visit --record_visit--> Tally(history', record, new_article)
          --assess-------> Assessment | None      (rare once per visit, then corroborated)

Scoring (documented in the README, "Rarity model"):

    base_rate  = prior visits of the same rank since isolation / years isolated
    frequency  = exp(-base_rate / FREQUENCY_SCALE)       1.0 when none before
    gap        = min(1, days since previous same-rank visit / GAP_SATURATION_DAYS)
    first      = 1 if no official of the visitor's country came since isolation
    score      = 0.6 * frequency + 0.25 * gap + 0.15 * first          in [0, 1]

Only visits strictly before the assessed one count, so the score of a visit
does not depend on what was reported after it.
"""

import hashlib
import math
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from models import (
    Corroboration,
    PriorVisit,
    RareVisit,
    Severity,
    Visit,
    VisitorRole,
    VisitStatus,
)
from models.history import Assessment, FirstVisit, HostHistory, TrailingCounts, VisitRecord
from streams.regimes import Regime

FREQUENCY_SCALE = 2.0  # visits per year at which the frequency term falls to 1/e
GAP_SATURATION_DAYS = 730  # two years without a visit of that rank counts as fully rare
MIN_ISOLATION_YEARS = 0.25  # keeps the base rate finite in a regime's first weeks
WEIGHT_FREQUENCY, WEIGHT_GAP, WEIGHT_FIRST = 0.6, 0.25, 0.15

ROLE_PHRASE = {
    VisitorRole.HEAD_OF_STATE: "head-of-state/government",
    VisitorRole.HEAD_OF_GOVERNMENT: "head-of-state/government",
    VisitorRole.FOREIGN_MINISTER: "foreign-minister",
    VisitorRole.OTHER_OFFICIAL: "official",
}


@dataclass(frozen=True)
class ScoringPolicy:
    critical_score: float = 0.8
    warning_score: float = 0.5
    official_max_severity: Severity = Severity.INFO
    alert_officials: bool = True
    merge_window_days: int = 3


@dataclass(frozen=True)
class Tally:
    history: HostHistory
    record: VisitRecord | None  # None: the visit does not enter the history (see record_visit)
    new_article: bool  # the article was not yet counted for this visit


@dataclass(frozen=True)
class Rarity:
    score: float
    previous: VisitRecord | None
    visits_since_isolation: int
    days_since_previous: int | None
    base_rate_per_year: float
    first_visit_by_country: bool
    reasons: tuple[str, ...]


def rank_of(role: VisitorRole) -> str:
    """Heads of state and of government share a rank: protocol treats both as summit level."""
    return "leader" if role.is_leader else role.value


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if c.isalnum() or c.isspace()).casefold().split())


def visitor_key(visit: Visit) -> str:
    return visit.leader_id or f"{visit.visitor_country}:{_fold(visit.visitor_name)}"


def make_visit_id(host: str, visitor_country: str, role: VisitorRole, arrival: date) -> str:
    """Same inputs, same id: built from what every report of the visit agrees on, not from
    how a report spells the visitor's name, so any replay order yields the same ids."""
    material = f"{host}|{visitor_country}|{rank_of(role)}|{arrival.isoformat()}"
    digest = hashlib.sha256(material.encode()).hexdigest()
    return f"{host.lower()}-{arrival:%Y%m%d}-{digest[:12]}"


def _same_month(a: date, b: date) -> bool:
    return (a.year, a.month) == (b.year, b.month)


def _same_visit(record: VisitRecord, visit: Visit, day: date | None, window: int) -> bool:
    """Same visitor (one country's office holder of one rank: spellings of names vary) and
    arrival within the merge window, or within the month when either date is month-only."""
    if record.visitor_country != visit.visitor_country:
        return False
    if rank_of(record.visitor_role) != rank_of(visit.visitor_role):
        return False
    if day is None:
        return True
    if "month" in (record.date_precision, visit.date_precision):
        return _same_month(record.event_date, day)
    return abs((record.event_date - day).days) <= window


def record_visit(history: HostHistory, visit: Visit, window_days: int) -> Tally:
    """Merge one report into the host's history.

    Planned and cancelled visits did not happen and are not recorded. A past
    mention without a date ("visited in early 2022") only corroborates the
    latest matching visit already known; it cannot be placed in time alone.
    A month-only date ("in March") is sharpened by a later report with the day.
    """
    if visit.status in (VisitStatus.PLANNED, VisitStatus.CANCELLED):
        return Tally(history, None, new_article=False)
    occurring = visit.status is VisitStatus.OCCURRING
    day = visit.effective_date if visit.event_date or occurring else None
    precision = visit.date_precision if visit.event_date else "day"
    candidates = [r for r in history.visits if _same_visit(r, visit, day, window_days)]
    if day is None:
        candidates = [r for r in candidates if r.event_date <= visit.published_at.date()][-1:]
        if not candidates:
            return Tally(history, None, new_article=False)
    if candidates:
        old = min(candidates, key=lambda r: abs((r.event_date - (day or r.event_date)).days))
        new_article = visit.article_id not in old.article_ids
        update: dict = {
            "occurring": old.occurring or occurring,
            "article_ids": old.article_ids + ((visit.article_id,) if new_article else ()),
            "sources": _add_source(old.sources, visit.source),
            # News coverage of the event explains it better than a background line.
            "evidence": visit.evidence if occurring and not old.occurring else old.evidence,
            "place": old.place or visit.place,
        }
        if old.date_precision == "month" and precision == "day" and day is not None:
            # The id follows the day, so it is the same whichever report came first.
            update |= {
                "event_date": day,
                "date_precision": "day",
                "visit_id": make_visit_id(
                    old.host_country, old.visitor_country, old.visitor_role, day
                ),
            }
        record = old.model_copy(update=update)
        others = [r for r in history.visits if r is not old]
    else:
        assert day is not None
        new_article = True
        record = VisitRecord(
            visit_id=make_visit_id(
                visit.host_country, visit.visitor_country, visit.visitor_role, day
            ),
            visitor_key=visitor_key(visit),
            visitor_name=visit.visitor_name,
            visitor_country=visit.visitor_country,
            visitor_role=visit.visitor_role,
            host_country=visit.host_country,
            event_date=day,
            date_precision=precision,
            place=visit.place,
            occurring=occurring,
            article_ids=(visit.article_id,),
            sources=_add_source((), visit.source),
            evidence=visit.evidence,
        )
        others = list(history.visits)
    visits = tuple(sorted((*others, record), key=lambda r: (r.event_date, r.visit_id)))
    return Tally(history.model_copy(update={"visits": visits}), record, new_article)


def _add_source(sources: tuple[str, ...], source: str | None) -> tuple[str, ...]:
    return sources if not source or source in sources else (*sources, source)


def score_rarity(history: HostHistory, record: VisitRecord, regime: Regime) -> Rarity:
    """Rarity of `record` from the host's own history strictly before it."""
    since = regime.isolated_since
    before = [
        r
        for r in history.visits
        if since <= r.event_date < record.event_date and r.visit_id != record.visit_id
    ]
    rank = rank_of(record.visitor_role)
    same_rank = [r for r in before if rank_of(r.visitor_role) == rank]
    previous = same_rank[-1] if same_rank else None
    years = max((record.event_date - since).days / 365.25, MIN_ISOLATION_YEARS)
    base_rate = len(same_rank) / years
    days_since = (record.event_date - previous.event_date).days if previous else None
    first_by_country = not any(r.visitor_country == record.visitor_country for r in before)

    frequency = math.exp(-base_rate / FREQUENCY_SCALE)
    gap = 1.0 if days_since is None else min(1.0, days_since / GAP_SATURATION_DAYS)
    score = WEIGHT_FREQUENCY * frequency + WEIGHT_GAP * gap + WEIGHT_FIRST * first_by_country

    phrase = ROLE_PHRASE[record.visitor_role]
    reasons = [
        f"{len(same_rank)} earlier {phrase} visit(s) to {record.host_country} since isolation "
        f"began on {since.isoformat()} ({base_rate:.2f} per year)"
    ]
    if previous:
        reasons.append(
            f"previous: {previous.visitor_name} ({previous.visitor_country}) on "
            f"{previous.event_date.isoformat()}, {days_since} days earlier"
        )
    else:
        reasons.append(f"first {phrase} visit since isolation")
    if first_by_country:
        reasons.append(
            f"first recorded visit by an official of {record.visitor_country} since isolation"
        )
    return Rarity(
        score=round(min(1.0, score), 4),
        previous=previous,
        visits_since_isolation=len(same_rank),
        days_since_previous=days_since,
        base_rate_per_year=round(base_rate, 4),
        first_visit_by_country=first_by_country,
        reasons=tuple(reasons),
    )


def severity_for(score: float, role: VisitorRole, policy: ScoringPolicy) -> Severity:
    if score >= policy.critical_score:
        severity = Severity.CRITICAL
    elif score >= policy.warning_score:
        severity = Severity.WARNING
    else:
        severity = Severity.INFO
    if not role.is_leader and severity.rank > policy.official_max_severity.rank:
        return policy.official_max_severity
    return severity


def should_alert(record: VisitRecord, policy: ScoringPolicy) -> bool:
    """A property of the visit alone, so replay order cannot change which visits alert."""
    return record.occurring and (record.visitor_role.is_leader or policy.alert_officials)


def assess(
    tally: Tally, regime: Regime, policy: ScoringPolicy
) -> tuple[HostHistory, Assessment | None]:
    """Decide what the alert stage hears about this report, and remember that it was said."""
    record = tally.record
    if record is None or not should_alert(record, policy):
        return tally.history, None
    if record.alerted_severity is not None:
        if not tally.new_article:
            return tally.history, None
        kind, severity = "corroborated", record.alerted_severity
        rarity = score_rarity(tally.history, record, regime)
        history = tally.history
    else:
        rarity = score_rarity(tally.history, record, regime)
        kind, severity = "rare", severity_for(rarity.score, record.visitor_role, policy)
        record = record.model_copy(update={"alerted_severity": severity})
        visits = tuple(record if r.visit_id == record.visit_id else r for r in tally.history.visits)
        history = tally.history.model_copy(update={"visits": visits})
    return history, Assessment(kind=kind, visit=to_rare_visit(record, rarity, severity, regime))


def to_rare_visit(
    record: VisitRecord, rarity: Rarity, severity: Severity, regime: Regime
) -> RareVisit:
    previous = rarity.previous
    return RareVisit(
        visit_id=record.visit_id,
        visitor_name=record.visitor_name,
        visitor_country=record.visitor_country,
        visitor_role=record.visitor_role,
        host_country=record.host_country,
        event_date=record.event_date,
        place=record.place,
        severity=severity,
        score=rarity.score,
        reasons=list(rarity.reasons),
        isolated_since=regime.isolated_since,
        isolation_reason=regime.reason,
        previous_visit=PriorVisit(
            visitor_name=previous.visitor_name,
            visitor_country=previous.visitor_country,
            visitor_role=previous.visitor_role,
            event_date=previous.event_date,
        )
        if previous
        else None,
        visits_since_isolation=rarity.visits_since_isolation,
        days_since_previous=rarity.days_since_previous,
        base_rate_per_year=rarity.base_rate_per_year,
        first_visit_by_country=rarity.first_visit_by_country,
        corroboration=Corroboration(
            articles=len(record.article_ids),
            sources=len(record.sources),
            article_ids=list(record.article_ids),
        ),
        evidence=record.evidence,
    )


def trailing_counts(history: HostHistory, as_of: date) -> TrailingCounts:
    """Visits by role in the 365 days up to `as_of` (the latest event date seen)."""
    start = as_of - timedelta(days=365)
    counts = dict.fromkeys(VisitorRole, 0)
    for r in history.visits:
        if start < r.event_date <= as_of:
            counts[r.visitor_role] += 1
    return TrailingCounts(host_country=history.host_country, as_of=as_of, by_role=counts)


def first_visit(history: HostHistory, visitor_country: str) -> FirstVisit | None:
    """The earliest recorded visit by any official of `visitor_country` to this host."""
    for r in history.visits:
        if r.visitor_country == visitor_country:
            return FirstVisit(
                host_country=r.host_country,
                visitor_country=r.visitor_country,
                visit_id=r.visit_id,
                visitor_name=r.visitor_name,
                visitor_role=r.visitor_role,
                event_date=r.event_date,
            )
    return None


def leader_visits_since(history: HostHistory, since: date) -> list[VisitRecord]:
    return [r for r in history.visits if r.visitor_role.is_leader and r.event_date >= since]
