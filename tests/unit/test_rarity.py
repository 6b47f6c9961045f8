"""Per-host history, rarity scoring and the alert decision, without Kafka."""

import random
from datetime import date

import pytest

from models import Severity, VisitorRole, VisitStatus
from models.history import HostHistory
from streams.rarity import (
    ScoringPolicy,
    assess,
    first_visit,
    record_visit,
    score_rarity,
    severity_for,
    trailing_counts,
)
from tests.unit.factories import MYANMAR, make_visit

POLICY = ScoringPolicy()
HUN_SEN = dict(
    visitor="Hun Sen",
    visitor_country="KHM",
    role=VisitorRole.HEAD_OF_GOVERNMENT,
    day=date(2022, 1, 7),
    published=date(2022, 1, 7),
    article_id="hs",
)


def replay(visits, policy=POLICY):
    history, out = HostHistory(host_country="MMR"), []
    for visit in visits:
        history, assessment = assess(record_visit(history, visit, 3), MYANMAR, policy)
        if assessment:
            out.append(assessment)
    return history, out


def test_lukashenko_after_hun_sen_is_critical_and_cites_him():
    _, assessments = replay([make_visit(**HUN_SEN, status=VisitStatus.PAST), make_visit()])
    (rare,) = assessments
    v = rare.visit
    assert rare.kind == "rare"
    assert v.severity is Severity.CRITICAL
    assert v.previous_visit.visitor_name == "Hun Sen"
    assert v.previous_visit.event_date == date(2022, 1, 7)
    assert v.visits_since_isolation == 1
    assert v.days_since_previous == (date(2025, 12, 11) - date(2022, 1, 7)).days
    assert v.first_visit_by_country is True
    assert any("Hun Sen" in r for r in v.reasons)


def test_background_mentions_enrich_history_but_never_alert():
    _, assessments = replay([make_visit(**HUN_SEN, status=VisitStatus.PAST)])
    assert assessments == []


def test_planned_and_cancelled_visits_are_not_history():
    history, assessments = replay(
        [make_visit(status=VisitStatus.PLANNED), make_visit(status=VisitStatus.CANCELLED)]
    )
    assert history.visits == () and assessments == []


def test_three_reports_of_one_visit_merge_into_one_alert_with_corroboration_three():
    reports = [
        make_visit(article_id=f"a{i}", source=f"outlet-{i}", day=date(2025, 12, 10 + i))
        for i in range(3)
    ]
    history, assessments = replay(reports)
    assert len(history.visits) == 1
    assert [a.kind for a in assessments] == ["rare", "corroborated", "corroborated"]
    assert assessments[-1].visit.corroboration.articles == 3
    assert assessments[-1].visit.corroboration.sources == 3
    assert len({a.visit.visit_id for a in assessments}) == 1


def test_same_article_twice_is_not_more_corroboration():
    _, assessments = replay([make_visit(), make_visit()])
    assert [a.kind for a in assessments] == ["rare"]


def test_reports_beyond_the_merge_window_are_separate_visits():
    history, assessments = replay(
        [make_visit(), make_visit(article_id="b", day=date(2025, 12, 20))]
    )
    assert len(history.visits) == 2
    assert [a.kind for a in assessments] == ["rare", "rare"]


def test_undated_past_mention_corroborates_the_known_visit_only():
    undated = make_visit(
        **{**HUN_SEN, "day": None, "published": date(2025, 12, 11), "article_id": "luk"},
        status=VisitStatus.PAST,
    )
    history, _ = replay([undated])
    assert history.visits == ()
    history, _ = replay([make_visit(**HUN_SEN, status=VisitStatus.PAST), undated])
    assert history.visits[0].article_ids == ("hs", "luk")


def test_rarity_uses_only_visits_strictly_before():
    later = make_visit(
        visitor="Later Leader",
        visitor_country="LAO",
        day=date(2026, 3, 1),
        article_id="later",
        status=VisitStatus.PAST,
    )
    history, _ = replay([make_visit(**HUN_SEN, status=VisitStatus.PAST), later])
    history, _ = replay([make_visit(**HUN_SEN, status=VisitStatus.PAST), later, make_visit()])
    luk = next(r for r in history.visits if r.visitor_country == "BLR")
    rarity = score_rarity(history, luk, MYANMAR)
    assert rarity.visits_since_isolation == 1
    assert rarity.previous.visitor_name == "Hun Sen"


def test_busy_host_scores_lower_than_rare_host():
    busy = [
        make_visit(
            visitor=f"Leader {i}",
            visitor_country=c,
            article_id=f"b{i}",
            day=date(2022, 3, 1 + i % 27).replace(year=2022 + i % 3),
            status=VisitStatus.PAST,
        )
        for i, c in enumerate(
            [
                "CHN",
                "IND",
                "HUN",
                "AUT",
                "TUR",
                "IRN",
                "VNM",
                "LAO",
                "KAZ",
                "UZB",
                "KGZ",
                "TJK",
                "ARM",
                "AZE",
                "MNG",
                "CUB",
                "VEN",
                "NIC",
                "SRB",
                "ZAF",
                "BRA",
                "EGY",
                "ARE",
                "SAU",
            ]
        )
    ]
    modi = make_visit(
        visitor="Narendra Modi",
        visitor_country="IND",
        role=VisitorRole.HEAD_OF_GOVERNMENT,
        article_id="modi",
    )
    busy_history, _ = replay([*busy, modi])
    rare_history, _ = replay([make_visit(**HUN_SEN, status=VisitStatus.PAST), make_visit()])
    busy_score = score_rarity(busy_history, busy_history.visits[-1], MYANMAR).score
    rare_score = score_rarity(rare_history, rare_history.visits[-1], MYANMAR).score
    assert busy_score < POLICY.warning_score < POLICY.critical_score <= rare_score


@pytest.mark.parametrize(
    ("score", "role", "expected"),
    [
        (0.8, VisitorRole.HEAD_OF_STATE, Severity.CRITICAL),
        (0.7999, VisitorRole.HEAD_OF_STATE, Severity.WARNING),
        (0.5, VisitorRole.HEAD_OF_GOVERNMENT, Severity.WARNING),
        (0.4999, VisitorRole.HEAD_OF_GOVERNMENT, Severity.INFO),
        (0.0, VisitorRole.HEAD_OF_STATE, Severity.INFO),
        (1.0, VisitorRole.FOREIGN_MINISTER, Severity.INFO),
        (1.0, VisitorRole.OTHER_OFFICIAL, Severity.INFO),
    ],
)
def test_severity_boundaries(score, role, expected):
    assert severity_for(score, role, POLICY) is expected


def test_official_ceiling_is_configurable():
    policy = ScoringPolicy(official_max_severity=Severity.WARNING)
    assert severity_for(0.95, VisitorRole.FOREIGN_MINISTER, policy) is Severity.WARNING
    assert severity_for(0.6, VisitorRole.FOREIGN_MINISTER, policy) is Severity.WARNING
    assert severity_for(0.1, VisitorRole.FOREIGN_MINISTER, policy) is Severity.INFO


def test_officials_do_not_alert_when_switched_off():
    fm = make_visit(visitor="Maxim Ryzhenkov", role=VisitorRole.FOREIGN_MINISTER)
    assert replay([fm], ScoringPolicy(alert_officials=False))[1] == []
    assert [a.visit.severity for a in replay([fm])[1]] == [Severity.INFO]


def test_alert_ids_do_not_depend_on_replay_order():
    visits = [
        make_visit(**HUN_SEN),
        *[make_visit(article_id=f"l{i}", source=f"s{i}") for i in range(3)],
        make_visit(
            visitor="Min Aung Hlaing",
            visitor_country="LAO",
            article_id="x",
            day=date(2023, 5, 2),
            role=VisitorRole.FOREIGN_MINISTER,
        ),
    ]
    ids = {a.visit.visit_id for a in replay(visits)[1] if a.kind == "rare"}
    for seed in range(5):
        shuffled = visits[:]
        random.Random(seed).shuffle(shuffled)
        assert {a.visit.visit_id for a in replay(shuffled)[1] if a.kind == "rare"} == ids
    assert len(ids) == 3


def test_trailing_counts_and_first_visits():
    history, _ = replay([make_visit(**HUN_SEN, status=VisitStatus.PAST), make_visit()])
    counts = trailing_counts(history, date(2025, 12, 11))
    assert counts.by_role[VisitorRole.HEAD_OF_STATE] == 1
    assert counts.by_role[VisitorRole.HEAD_OF_GOVERNMENT] == 0  # Hun Sen is > 365 days back
    assert first_visit(history, "KHM").event_date == date(2022, 1, 7)
    assert first_visit(history, "CHN") is None


def test_baseline_and_news_spellings_of_one_visit_merge_whatever_the_order():
    baseline = make_visit(**{**HUN_SEN, "article_id": "baseline:hun-sen"}, status=VisitStatus.PAST)
    news = make_visit(**{**HUN_SEN, "visitor": "Samdech Hun Sen"}, leader_id="hun-sen")
    forward, _ = replay([baseline, news])
    backward, _ = replay([news, baseline])
    assert len(forward.visits) == len(backward.visits) == 1
    assert forward.visits[0].visit_id == backward.visits[0].visit_id
    assert forward.visits[0].occurring and backward.visits[0].occurring


def test_a_minister_travelling_with_the_leader_is_a_visit_of_its_own():
    putin = make_visit(visitor="Vladimir Putin", visitor_country="RUS", article_id="p")
    lavrov = make_visit(
        visitor="Sergei Lavrov",
        visitor_country="RUS",
        article_id="p",
        role=VisitorRole.FOREIGN_MINISTER,
    )
    history, assessments = replay([putin, lavrov])
    assert len(history.visits) == 2
    assert len({a.visit.visit_id for a in assessments}) == 2


def test_month_only_mention_merges_with_the_dated_visit_in_either_order():
    month = make_visit(
        **{**HUN_SEN, "day": date(2022, 1, 1), "article_id": "m"},
        status=VisitStatus.PAST,
        precision="month",
    )
    dated = make_visit(**HUN_SEN)
    forward, alerts_forward = replay([month, dated])
    backward, alerts_backward = replay([dated, month])
    assert len(forward.visits) == len(backward.visits) == 1
    assert forward.visits[0].event_date == backward.visits[0].event_date == date(2022, 1, 7)
    assert forward.visits[0].visit_id == backward.visits[0].visit_id
    assert alerts_forward[0].visit.visit_id == alerts_backward[0].visit.visit_id
    assert alerts_forward[0].visit.visits_since_isolation == 0


def test_month_only_mentions_of_different_months_stay_apart():
    march = make_visit(
        **{**HUN_SEN, "day": date(2022, 3, 1), "article_id": "m"},
        status=VisitStatus.PAST,
        precision="month",
    )
    history, _ = replay([make_visit(**HUN_SEN), march])
    assert len(history.visits) == 2
