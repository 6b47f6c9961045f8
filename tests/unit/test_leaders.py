"""The dated leader dictionary: roles on a date, names, short forms."""

from datetime import date

import pytest

from models import VisitorRole
from streams.extraction.leaders import LeaderDictionary
from streams.extraction.text import phrase_key
from tests.unit.extraction_fixtures import write_leaders


@pytest.fixture(scope="module")
def leaders(tmp_path_factory) -> LeaderDictionary:
    return LeaderDictionary.load(write_leaders(tmp_path_factory.mktemp("leaders")))


@pytest.mark.parametrize(
    ("day", "role"),
    [
        (date(2021, 2, 1), VisitorRole.HEAD_OF_GOVERNMENT),
        (date(2024, 7, 21), VisitorRole.HEAD_OF_GOVERNMENT),
        # Acting president from 2024-07-22 while still prime minister: state wins.
        (date(2024, 7, 22), VisitorRole.HEAD_OF_STATE),
        (date(2025, 12, 11), VisitorRole.HEAD_OF_STATE),
    ],
)
def test_role_is_resolved_for_the_event_date(leaders, day, role):
    assert leaders.people["min-aung-hlaing"].office_on(day).role is role


def test_no_role_outside_every_term(leaders):
    assert leaders.people["min-aung-hlaing"].office_on(date(2020, 6, 24)) is None
    assert leaders.people["hun-sen"].office_on(date(2023, 8, 22)) is None
    assert (
        leaders.people["hun-sen"].office_on(date(2022, 1, 7)).role is VisitorRole.HEAD_OF_GOVERNMENT
    )


def test_holder_of_an_office_on_a_date(leaders):
    assert (
        leaders.holder("KHM", VisitorRole.HEAD_OF_GOVERNMENT, date(2022, 1, 7)).leader_id
        == "hun-sen"
    )
    assert (
        leaders.holder("KHM", VisitorRole.HEAD_OF_GOVERNMENT, date(2024, 1, 1)).leader_id
        == "hun-manet"
    )


def test_office_title_beats_role_class(leaders):
    # Iran's "president" is its head of government; the Supreme Leader is head of state.
    holder = leaders.holder("IRN", VisitorRole.HEAD_OF_STATE, date(2025, 1, 17), "president")
    assert holder.leader_id == "pezeshkian-masoud"


@pytest.mark.parametrize(
    "written",
    [
        "Alexander Lukashenka",
        "ALEXANDER LUKASHENKO",
        "Aliaksandr Lukashenka",
        "Alexander  Lukashenko",
    ],
)
def test_names_aliases_and_case_fold_to_one_person(leaders, written):
    assert leaders.names[phrase_key(written)] == ("lukashenko-alexander",)


def test_accents_fold(leaders):
    assert leaders.names[phrase_key("Viktor Orbán")] == ("orban-viktor",)
    assert leaders.names[phrase_key("Recep Tayyip Erdoğan")] == ("erdogan-recep",)


def test_short_forms_cover_family_name_first_and_last(leaders):
    assert "xi-jinping" in leaders.short_forms["xi"]
    assert "lukashenko-alexander" in leaders.short_forms["lukashenka"]
    assert "min" not in leaders.short_forms  # too common to stand alone


def test_bad_rows_are_skipped(tmp_path):
    (tmp_path / "x.csv").write_text(
        "leader_id,country,name,role,office,start,end,aliases,source,notes\n"
        "a,RUS,A B,emperor,Emperor,2020-01-01,,,s,\n"
        "b,RUS,C D,head_of_state,President,not-a-date,,,s,\n"
        "c,RUS,E F,head_of_state,President,2020-01-01,,,s,\n",
        encoding="utf-8",
    )
    d = LeaderDictionary.load(tmp_path)
    assert set(d.people) == {"c"}


def test_rows_with_unknown_country_codes_are_skipped(tmp_path):
    (tmp_path / "x.csv").write_text(
        "leader_id,country,name,role,office,start,end,aliases,source,notes\n"
        "k,XKX,Vjosa Osmani,head_of_state,President,2021-04-04,,,s,\n",
        encoding="utf-8",
    )
    assert LeaderDictionary.load(tmp_path).people == {}


def test_loaded_reference_data_is_out_of_the_cyclic_collectors_reach(tmp_path):
    """Full collections would walk the dictionaries again and again (bench/bench_extract.py)."""
    import gc

    from streams.extraction import Extractor

    gc.unfreeze()
    extractor = Extractor.load(write_leaders(tmp_path))
    try:
        assert gc.get_freeze_count() > 0
        assert not any(o is extractor.leaders.people for o in gc.get_objects())
    finally:
        gc.unfreeze()
