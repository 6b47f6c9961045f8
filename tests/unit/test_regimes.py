"""The regime registry: data file contents, isolation windows, and errors on bad entries."""

from datetime import date, timedelta
from pathlib import Path

import pydantic
import pytest

from streams.regimes import RegimeDataError, RegimeRegistry, load_regimes
from streams.settings import REFERENCE_DIR

REGIMES_PATH = REFERENCE_DIR / "regimes.yaml"

# The table in DOMAIN.md: host -> (isolated_since, until).
DOMAIN_REGIMES = {
    "MMR": (date(2021, 2, 1), None),
    "AFG": (date(2021, 8, 15), None),
    "PRK": (date(2006, 10, 14), None),
    "RUS": (date(2022, 2, 24), None),
    "BLR": (date(2020, 8, 9), None),
    "SYR": (date(2011, 11, 12), date(2024, 12, 8)),
    "VEN": (date(2019, 1, 10), None),
    "NIC": (date(2021, 11, 7), None),
    "MLI": (date(2021, 5, 24), None),
    "GIN": (date(2021, 9, 5), None),
    "SDN": (date(2021, 10, 25), None),
    "BFA": (date(2022, 9, 30), None),
    "NER": (date(2023, 7, 26), None),
    "IRN": (date(2018, 5, 8), None),
}

VALID_ENTRY = """\
- iso3: MMR
  name: Myanmar
  isolated_since: 2021-02-01
  until: null
  reason: coup
  sources: [https://en.wikipedia.org/wiki/2021_Myanmar_coup_d%27%C3%A9tat]
"""


@pytest.fixture(scope="module")
def registry() -> RegimeRegistry:
    return load_regimes(REGIMES_PATH)


@pytest.fixture
def write_regimes(tmp_path: Path):
    def write(text: str) -> Path:
        path = tmp_path / "regimes.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_registry_has_every_domain_regime_with_its_dates(registry: RegimeRegistry) -> None:
    for iso3, (since, until) in DOMAIN_REGIMES.items():
        assert iso3 in registry, iso3
        regime = registry.get(iso3)
        assert (regime.isolated_since, regime.until) == (since, until), iso3


def test_every_regime_is_sourced(registry: RegimeRegistry) -> None:
    for regime in registry:
        assert regime.sources, regime.iso3
        assert all(url.startswith("https://") for url in regime.sources), regime.iso3


@pytest.mark.parametrize("iso3", sorted(DOMAIN_REGIMES))
def test_isolation_window_boundaries(registry: RegimeRegistry, iso3: str) -> None:
    since, until = DOMAIN_REGIMES[iso3]
    assert registry.isolation_on(iso3, since - timedelta(days=1)) is None
    assert registry.isolation_on(iso3, since).iso3 == iso3
    if until is None:
        assert registry.isolation_on(iso3, date(2100, 1, 1)).iso3 == iso3
    else:
        assert registry.isolation_on(iso3, until - timedelta(days=1)).iso3 == iso3
        assert registry.isolation_on(iso3, until) is None


def test_syria_is_not_isolated_after_the_fall_of_assad(registry: RegimeRegistry) -> None:
    assert registry.isolation_on("SYR", date(2024, 12, 7)) is not None
    assert registry.isolation_on("SYR", date(2024, 12, 8)) is None
    assert registry.isolation_on("SYR", date(2025, 6, 1)) is None
    # Still a registered host: the history before 2024-12-08 stays relevant.
    assert "SYR" in registry


def test_unregistered_host_is_never_isolated(registry: RegimeRegistry) -> None:
    assert "FRA" not in registry
    assert registry.isolation_on("FRA", date(2024, 1, 1)) is None


def test_lookup_ignores_case(registry: RegimeRegistry) -> None:
    assert "mmr" in registry
    assert registry.isolation_on("mmr", date(2025, 12, 1)).iso3 == "MMR"


def test_non_string_is_not_contained(registry: RegimeRegistry) -> None:
    assert 42 not in registry


def test_hosts_is_a_sorted_tuple_of_every_regime(registry: RegimeRegistry) -> None:
    assert isinstance(registry.hosts, tuple)
    assert list(registry.hosts) == sorted(regime.iso3 for regime in registry)
    assert set(DOMAIN_REGIMES) <= set(registry.hosts)


def test_regime_is_frozen(registry: RegimeRegistry) -> None:
    with pytest.raises(pydantic.ValidationError):
        registry.get("MMR").until = date(2030, 1, 1)


def test_loading_is_cached() -> None:
    assert load_regimes(REGIMES_PATH) is load_regimes(REGIMES_PATH)


def test_valid_minimal_file_loads(write_regimes) -> None:
    registry = load_regimes(write_regimes(VALID_ENTRY))
    assert registry.hosts == ("MMR",)


def test_bad_country_code_names_file_and_entry(write_regimes) -> None:
    path = write_regimes(VALID_ENTRY + VALID_ENTRY.replace("MMR", "XXX"))
    with pytest.raises(RegimeDataError) as caught:
        load_regimes(path)
    message = str(caught.value)
    assert str(path) in message
    assert "entry 1 (XXX)" in message
    assert "iso3" in message


def test_missing_field_names_the_entry(write_regimes) -> None:
    path = write_regimes(VALID_ENTRY.replace("  reason: coup\n", ""))
    with pytest.raises(RegimeDataError, match=r"entry 0 \(MMR\).*reason"):
        load_regimes(path)


def test_until_before_since_is_rejected(write_regimes) -> None:
    path = write_regimes(VALID_ENTRY.replace("until: null", "until: 2020-01-01"))
    with pytest.raises(RegimeDataError, match=r"entry 0 \(MMR\).*until"):
        load_regimes(path)


def test_duplicate_host_is_rejected(write_regimes) -> None:
    with pytest.raises(RegimeDataError, match="MMR appears more than once"):
        load_regimes(write_regimes(VALID_ENTRY + VALID_ENTRY))


def test_unknown_field_is_rejected(write_regimes) -> None:
    path = write_regimes(VALID_ENTRY + "  sinse: 2021-02-01\n")
    with pytest.raises(RegimeDataError, match="sinse"):
        load_regimes(path)


@pytest.mark.parametrize("text", ["", "iso3: MMR\n", "- [unclosed\n"])
def test_malformed_file_is_rejected(write_regimes, text: str) -> None:
    with pytest.raises(RegimeDataError, match=r"regimes\.yaml"):
        load_regimes(write_regimes(text))
