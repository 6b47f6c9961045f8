"""Visit extraction rules, each on short articles written for the test.

The extractor under test uses the small dictionary of `extraction_fixtures`
plus the real gazetteer, so each test states exactly which people it knows.
"""

from datetime import date
from pathlib import Path

import pytest

from models import VisitorRole
from streams.extraction import Extractor
from streams.extraction.dates import find_dates, resolve
from tests.unit.extraction_fixtures import (
    CANC,
    OCC,
    PAST,
    PLAN,
    article,
    only,
    triples,
    write_leaders,
)

HOS, HOG, FM, OTHER = (
    VisitorRole.HEAD_OF_STATE,
    VisitorRole.HEAD_OF_GOVERNMENT,
    VisitorRole.FOREIGN_MINISTER,
    VisitorRole.OTHER_OFFICIAL,
)
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "lukashenko-myanmar.txt"


@pytest.fixture(scope="module")
def extractor(tmp_path_factory) -> Extractor:
    return Extractor.load(write_leaders(tmp_path_factory.mktemp("leaders")))


# --- the scenario the product was conceived from ---------------------------


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_lukashenko_in_myanmar(extractor):
    visits = extractor.extract_visits(article(SEED.read_text(encoding="utf-8")))
    got = {(v.visitor_country, v.host_country, v.status, v.visitor_role) for v in visits}
    assert ("BLR", "MMR", OCC, HOS) in got
    assert ("KHM", "MMR", PAST, HOG) in got
    assert any(v[:3] == ("MMR", "BLR", PAST) for v in got)
    # "is expected to meet Min Aung Hlaing" is a meeting, not a trip.
    assert not any(v.status is PLAN for v in visits)
    assert {v[:3] for v in got} <= {("BLR", "MMR", OCC), ("KHM", "MMR", PAST), ("MMR", "BLR", PAST)}
    lead = next(v for v in visits if v.status is OCC)
    assert lead.event_date == date(2025, 12, 11)
    assert lead.leader_id == "lukashenko-alexander"


# --- people ----------------------------------------------------------------


def test_role_follows_the_event_date(extractor):
    body = (
        "Min Aung Hlaing visited Moscow in July 2022. Min Aung Hlaing arrived in Minsk on Monday."
    )
    visits = extractor.extract_visits(article(body))
    roles = {(v.host_country, v.status): v.visitor_role for v in visits}
    assert roles[("RUS", PAST)] is HOG
    assert roles[("BLR", OCC)] is HOS


def test_coreference_by_surname_and_title(extractor):
    body = (
        "Russian President Vladimir Putin held talks in Minsk on Monday. "
        "Separately, Lukashenka said he would travel to Beijing next month. "
        "President Xi arrived in Hanoi on Tuesday."
    )
    got = triples(extractor, body)
    assert ("BLR", "CHN", PLAN) in got
    assert ("CHN", "VNM", OCC) in got


def test_accented_and_variant_spellings(extractor):
    v = only(extractor, "Hungarian Prime Minister Viktor Orbán arrived in Moscow on Friday.")
    assert (v.visitor_country, v.host_country, v.visitor_role) == ("HUN", "RUS", HOG)
    v = only(extractor, "Tayyip Erdogan landed in Kazan on Tuesday for the summit.")
    assert v.visitor_country == "TUR"


@pytest.mark.parametrize(
    ("body", "country", "role", "name"),
    [
        (
            "Uzbekistan's Prime Minister Abdulla Aripov arrived in Kabul on Saturday.",
            "UZB",
            HOG,
            "Abdulla Aripov",
        ),
        (
            "Hungarian Foreign Minister Peter Szijjarto travelled to Minsk on Thursday.",
            "HUN",
            FM,
            "Peter Szijjarto",
        ),
        (
            "Russian Defence Minister Andrei Belousov arrived in Pyongyang on Friday.",
            "RUS",
            OTHER,
            "Andrei Belousov",
        ),
        (
            "Chinese Vice President Han Zheng arrived in Managua on Friday.",
            "CHN",
            OTHER,
            "Han Zheng",
        ),
        (
            "Abdulla Aripov, Uzbekistan's prime minister, arrived in Kabul on Saturday.",
            "UZB",
            HOG,
            "Abdulla Aripov",
        ),
    ],
)
def test_people_outside_the_dictionary(extractor, body, country, role, name):
    v = only(extractor, body)
    assert (v.visitor_country, v.visitor_role, v.visitor_name) == (country, role, name)
    assert v.leader_id is None


def test_pattern_people_are_trusted_less_than_dictionary_people(extractor):
    known = only(extractor, "Russian President Vladimir Putin arrived in Kabul on Saturday.")
    unknown = only(
        extractor, "Uzbekistan's Prime Minister Abdulla Aripov arrived in Kabul on Saturday."
    )
    assert known.evidence.confidence > unknown.evidence.confidence


def test_an_office_without_a_name_is_its_holder_on_that_date(extractor):
    v = only(extractor, "The Belarusian president arrived in Tehran on Sunday.")
    assert (v.visitor_name, v.visitor_country, v.host_country) == (
        "Alexander Lukashenko",
        "BLR",
        "IRN",
    )


def test_pronoun_refers_to_the_last_subject(extractor):
    body = (
        "Indian Prime Minister Narendra Modi spoke about trade. He will travel to Vienna next week."
    )
    assert triples(extractor, body) == [("IND", "AUT", PLAN)]


# --- places ------------------------------------------------------------------


def test_host_from_city_demonym_capital_and_dateline(extractor):
    assert triples(extractor, "Putin landed in Tianjin on Sunday.") == [("RUS", "CHN", OCC)]
    assert triples(extractor, "Putin arrived in the North Korean capital on Wednesday.") == [
        ("RUS", "PRK", OCC)
    ]
    assert triples(extractor, "PYONGYANG, Dec 11 - Vladimir Putin arrived here on Thursday.") == [
        ("RUS", "PRK", OCC)
    ]
    assert triples(
        extractor, "TIANJIN: Indian Prime Minister Narendra Modi arrived on Saturday."
    ) == [("IND", "CHN", OCC)]


def test_city_followed_by_its_country(extractor):
    v = only(extractor, "Xi Jinping arrived in Bali, Indonesia, on Monday for talks.")
    assert (v.host_country, v.place) == ("IDN", "Bali")


def test_origin_is_not_the_host(extractor):
    # Where he flew in from is not the host, but he was there before: a past stop.
    assert triples(extractor, "Sergei Lavrov flew in from New Delhi to Kabul on Monday.") == [
        ("RUS", "AFG", OCC),
        ("RUS", "IND", PAST),
    ]


# --- status ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Putin arrived in Pyongyang on Wednesday.", OCC),
        ("Putin is visiting Pyongyang.", OCC),
        ("Putin landed in Pyongyang early on Wednesday.", OCC),
        ("Putin began a two-day state visit to North Korea on Wednesday.", OCC),
        ("Putin is in Pyongyang on a state visit.", OCC),
        ("Putin, on a visit to North Korea, praised the ties.", OCC),
        ("Putin visited Pyongyang in 2000.", PAST),
        ("Putin had visited Pyongyang once before.", PAST),
        ("Putin last visited Pyongyang in July 2000.", PAST),
        ("Putin will visit North Korea next month.", PLAN),
        ("Putin is expected to travel to Pyongyang in the coming weeks.", PLAN),
        ("Putin to visit North Korea.", PLAN),
        ("Kim has invited Putin to visit Pyongyang.", PLAN),
        ("Putin plans to visit Pyongyang next year.", PLAN),
        ("Putin cancelled his visit to Pyongyang.", CANC),
        ("Putin's trip to Pyongyang was called off on Friday.", CANC),
        ("Putin postponed a trip to North Korea that had been scheduled for next week.", CANC),
    ],
)
def test_each_status(extractor, body, status):
    assert triples(extractor, body) == [("RUS", "PRK", status)]


def test_arrived_in_a_past_dated_sentence_is_past(extractor):
    assert triples(extractor, "Kim Jong Un arrived in Vladivostok on April 24, 2019.") == [
        ("PRK", "RUS", PAST)
    ]


def test_first_trip_since_implies_the_earlier_trip(extractor):
    got = triples(extractor, "Putin flew to Minsk on Monday, his first trip to Belarus since 2019.")
    assert got == [("RUS", "BLR", OCC), ("RUS", "BLR", PAST)]


def test_twice_means_two_past_visits(extractor):
    body = (
        "Min Aung Hlaing has visited Belarus twice in the past year. "
        "When Min Aung Hlaing visited Minsk in March, the two signed deals."
    )
    visits = extractor.extract_visits(article(body))
    past = [
        v for v in visits if (v.visitor_country, v.host_country, v.status) == ("MMR", "BLR", PAST)
    ]
    assert sorted(str(v.event_date) for v in past) == ["2025-03-01", "None"]


# --- direction and summits -------------------------------------------------------


def test_hosted_reverses_direction(extractor):
    body = "North Korean leader Kim Jong Un hosted Russian President Vladimir Putin in Pyongyang."
    assert triples(extractor, body) == [("RUS", "PRK", OCC)]


def test_received_by_keeps_the_visitor_first(extractor):
    body = "Putin was received by Kim Jong Un at the airport in Pyongyang on Wednesday."
    assert triples(extractor, body) == [("RUS", "PRK", OCC)]


def test_summit_is_a_visit_by_each_foreign_leader(extractor):
    body = (
        "KAZAN, Russia - Chinese President Xi Jinping, Indian Prime Minister Narendra Modi "
        "and Turkish President Recep Tayyip Erdogan arrived in Kazan on Tuesday for a summit "
        "hosted by President Vladimir Putin."
    )
    assert triples(extractor, body) == [
        ("CHN", "RUS", OCC),
        ("IND", "RUS", OCC),
        ("TUR", "RUS", OCC),
    ]


def test_meeting_in_a_third_country_is_a_visit_by_both(extractor):
    body = "Putin met Xi Jinping in Astana on Wednesday on the sidelines of a regional summit."
    assert triples(extractor, body) == [("CHN", "KAZ", OCC), ("RUS", "KAZ", OCC)]


def test_attendance_list(extractor):
    body = (
        "TIANJIN: Leaders gathered for the summit. Also attending are Turkish President "
        "Recep Tayyip Erdogan and Belarusian President Alexander Lukashenko."
    )
    assert triples(extractor, body) == [("BLR", "CHN", OCC), ("TUR", "CHN", OCC)]


# --- hard negatives ----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Putin and Xi Jinping spoke by phone on Monday about trade.",
        "Putin held a video call with Modi on Tuesday.",
        "In a phone call, Putin and Orban discussed a visit to Moscow.",
        "Putin visited a tractor plant in Moscow on Monday.",
        "Kim Jong Un toured munitions factories at home on Friday.",
        "Russian tourists visited Vietnam in record numbers last year.",
        "Chinese visitors to Thailand rose by a third in 2024.",
        "During his stay, Lukashenko is expected to meet Min Aung Hlaing.",
        "Putin received the new ambassador of India in the Kremlin on Tuesday.",
        "Kim Jong Un did not travel to Moscow for the parade.",
        "Lukashenko has travelled to Russia many times since 2022.",
        "Xi Jinping was the first to sign the agreement in Beijing.",
    ],
)
def test_hard_negatives(extractor, body):
    assert triples(extractor, body) == []


# --- one visit per (visitor, host, status); evidence -----------------------------------


def test_repeated_mentions_merge_and_keep_the_lead(extractor):
    body = (
        "Belarusian President Alexander Lukashenko arrived in Myanmar on Thursday. "
        "Lukashenko arrived at Naypyidaw's military airport, state media said."
    )
    v = only(extractor, body)
    assert v.evidence.start == 0
    assert v.event_date == date(2025, 12, 11)


def test_evidence_offsets_point_into_the_body(extractor):
    body = (
        "MINSK, Dec 11 - Officials gathered early.\n"
        "Hungarian Foreign Minister Peter Szijjarto arrived in Minsk on Thursday. "
        "He last visited Belarus in 2023."
    )
    a = article(body)
    visits = extractor.extract_visits(a)
    assert visits
    for v in visits:
        assert a.body[v.evidence.start : v.evidence.end] == v.evidence.sentence
        assert 0.0 <= v.evidence.confidence <= 1.0


def test_lead_sentence_is_more_confident_than_background(extractor):
    body = (
        "Putin arrived in Pyongyang on Wednesday. Officials spoke. Trade grew. "
        "Putin previously visited Pyongyang in 2000."
    )
    visits = {v.status: v for v in extractor.extract_visits(article(body))}
    assert visits[OCC].evidence.confidence > visits[PAST].evidence.confidence


def test_extraction_is_deterministic(extractor):
    body = SEED.read_text(encoding="utf-8") if SEED.exists() else "Putin arrived in Minsk."
    a = article(body)
    assert extractor.extract_visits(a) == extractor.extract_visits(a)


# --- dates -------------------------------------------------------------------------

PUB = date(2025, 12, 11)  # a Thursday


@pytest.mark.parametrize(
    ("text", "forward", "expected"),
    [
        ("on Friday", False, date(2025, 12, 5)),
        ("on Friday", True, date(2025, 12, 12)),
        ("on Thursday", False, date(2025, 12, 11)),
        ("yesterday", False, date(2025, 12, 10)),
        ("today", False, PUB),
        ("last September", False, date(2025, 9, 1)),
        ("in March", False, date(2025, 3, 1)),
        ("in March", True, date(2026, 3, 1)),
        ("in March 2022", False, date(2022, 3, 1)),
        ("on Nov 3", False, date(2025, 11, 3)),
        ("on 3 November 2019", False, date(2019, 11, 3)),
        ("on May 8 last year", False, date(2024, 5, 8)),
        ("in early 2022", False, None),
        ("in 2019", False, None),
        ("next month", True, date(2026, 1, 1)),
    ],
)
def test_dates_resolve_against_publication(text, forward, expected):
    (mention,) = find_dates(f"He went {text}.")
    assert resolve(mention, PUB, forward).day == expected


def test_year_only_dates_still_tell_the_past():
    (mention,) = find_dates("He visited in early 2022.")
    r = resolve(mention, PUB, False)
    assert r.tense < 0 and r.approx == date(2022, 2, 15)


def test_event_dates_on_visits(extractor):
    assert only(extractor, "Putin arrived in Minsk on Friday.").event_date == date(2025, 12, 5)
    assert only(extractor, "Putin visited Minsk last September.").event_date == date(2025, 9, 1)
    assert only(extractor, "Hun Sen visited Myanmar in early 2022.").event_date is None
    assert only(extractor, "Putin will visit Minsk on Friday.").event_date == date(2025, 12, 12)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("in March", "month"),
        ("last September", "month"),
        ("in March 2022", "month"),
        ("in May last year", "month"),
        ("last month", "month"),
        ("on March 6", "day"),
        ("on 3 November 2019", "day"),
        ("on Friday", "day"),
        ("yesterday", "day"),
    ],
)
def test_a_month_alone_is_month_precision(text, precision):
    (mention,) = find_dates(f"He went {text}.")
    assert resolve(mention, PUB, False).precision == precision


def test_visits_say_whether_only_the_month_is_known(extractor):
    month = only(extractor, "Putin visited Minsk in March.")
    assert (month.status, month.event_date, month.date_precision) == (
        PAST,
        date(2025, 3, 1),
        "month",
    )
    day = only(extractor, "Putin visited Minsk on March 6.")
    assert (day.status, day.event_date, day.date_precision) == (PAST, date(2025, 3, 6), "day")
    # The news event dated by publication, and a trip with no date at all, are days.
    assert only(extractor, "Putin arrived in Minsk.").date_precision == "day"
    assert only(extractor, "Hun Sen visited Myanmar in early 2022.").date_precision == "day"


# --- further news patterns ----------------------------------------------------------


def test_unknown_official_described_by_an_appositive(extractor):
    v = only(
        extractor,
        "Zhao Leji, chairman of China's national legislature, visited Pyongyang in April 2024.",
    )
    assert (v.visitor_name, v.visitor_country, v.visitor_role, v.status) == (
        "Zhao Leji",
        "CHN",
        OTHER,
        PAST,
    )


def test_representatives_travel(extractor):
    body = (
        "RIO DE JANEIRO - Leaders opened a summit in Rio de Janeiro on Sunday. "
        "Turkey was represented by President Recep Tayyip Erdogan."
    )
    assert triples(extractor, body) == [("TUR", "BRA", OCC)]


def test_a_trip_ruled_out_is_cancelled_but_a_missed_one_is_nothing(extractor):
    assert triples(
        extractor, "Putin will not travel to South Africa for the summit next month."
    ) == [("RUS", "ZAF", CANC)]
    assert triples(extractor, "Putin did not travel to South Africa for the summit.") == []


def test_of_that_year(extractor):
    body = (
        "In January 2023 Lukashenko flew to Zimbabwe, and on February 28 of that year "
        "he began a state visit to China."
    )
    visits = extractor.extract_visits(article(body))
    dates = {v.host_country: v.event_date for v in visits}
    assert dates == {"ZWE": date(2023, 1, 1), "CHN": date(2023, 2, 28)}
    assert all(v.status is PAST for v in visits)


def test_summit_named_after_a_city_is_held_where_the_text_says(extractor):
    body = (
        "ASTANA - Putin held talks with Xi Jinping on Wednesday on the sidelines of the "
        "Shanghai Cooperation Organisation summit in the Kazakh capital."
    )
    assert triples(extractor, body) == [("CHN", "KAZ", OCC), ("RUS", "KAZ", OCC)]


def test_earlier_leg_of_the_same_trip_is_past(extractor):
    body = (
        "Hungarian Prime Minister Viktor Orban held talks with Putin in Moscow on Friday. "
        "He travelled to Moscow three days after visiting Kyiv on Tuesday."
    )
    got = triples(extractor, body, "2024-07-05T18:00:00+00:00")
    assert ("HUN", "RUS", OCC) in got and ("HUN", "UKR", PAST) in got
    assert ("HUN", "UKR", OCC) not in got


def test_an_office_refers_back_to_the_person_named_earlier(extractor):
    body = "Modi and Putin met at the Kremlin. The Indian leader arrived in Moscow on Monday."
    v = only(extractor, body, "2024-07-09T10:00:00+00:00")
    assert (v.visitor_name, v.visitor_role) == ("Narendra Modi", HOG)


def test_an_earlier_stop_of_the_trip_is_background(extractor):
    body = (
        "HANOI - Russian President Vladimir Putin arrived in Vietnam on Thursday "
        "after a two-day visit to North Korea."
    )
    assert triples(extractor, body, "2024-06-20T10:00:00+00:00") == [
        ("RUS", "PRK", PAST),
        ("RUS", "VNM", OCC),
    ]


def test_when_something_was_said_is_not_when_anyone_travelled(extractor):
    v = only(extractor, "Putin postponed a planned trip to Hanoi, officials said on Monday.")
    assert v.status is CANC and v.event_date is None


def test_only_english_is_read(extractor):
    a = article("Putin arrived in Pyongyang on Wednesday.").model_copy(update={"language": "fr"})
    assert extractor.extract_visits(a) == []


def test_that_year_is_the_past(extractor):
    body = "The two leaders last met in 2019. Xi Jinping hosted Kim Jong Un in Beijing that year."
    assert triples(extractor, body) == [("PRK", "CHN", PAST)]


def test_expected_to_meet_abroad_is_a_planned_trip_but_not_without_a_place(extractor):
    body = "Xi Jinping and Vladimir Putin are expected to meet in Moscow next month."
    assert triples(extractor, body) == [("CHN", "RUS", PLAN)]
    assert triples(extractor, "Lukashenko is expected to meet Min Aung Hlaing on Friday.") == []
