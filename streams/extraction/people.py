# ruff: noqa: RUF001 - typographic quotes are matched on purpose: news copy uses them.
"""People and places mentioned in a sentence.

Dictionary people are found by their full names and aliases (longest match
first), and afterwards by a single name token ("Lukashenko", "Xi") once the
article has named them or right after a title ("President Xi"). People outside
the dictionary are read from the news pattern "[country or demonym] [office]
[Name]" ("Uzbekistan's Prime Minister Abdulla Aripov") or its appositive form
("Abdulla Aripov, Uzbekistan's prime minister"). "The Belarusian president"
with no name is the holder of that office on the date, when the dictionary
knows them.
"""

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import pairwise

from models import VisitorRole
from streams.extraction.dates import CALENDAR_WORDS
from streams.extraction.leaders import ROLE_RANK, LeaderDictionary, Person
from streams.extraction.places import Gazetteer, Place, PlaceKind
from streams.extraction.text import (
    KeywordSet,
    Token,
    joined,
    phrase_key,
    tokenize,
    tokenize_names,
    with_first_char_test,
)

# Office words, longest first so "deputy prime minister" is not "prime minister".
OFFICES: dict[str, VisitorRole] = {}
for _role, _words in (
    (
        VisitorRole.OTHER_OFFICIAL,
        (
            "vice president",
            "vice-president",
            "deputy prime minister",
            "first deputy prime minister",
            "deputy premier",
            "vice premier",
            "deputy foreign minister",
            "vice foreign minister",
            "deputy defence minister",
            "deputy defense minister",
            "deputy minister",
            "vice minister",
            "deputy chairman",
            "vice chairman",
            "deputy secretary",
            "under secretary",
            "assistant secretary",
            "special representative",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "director",
            "director general",
            "director-general",
            "intelligence chief",
            "communications director",
            "defence minister",
            "defense minister",
            "minister of defence",
            "minister of defense",
            "defence secretary",
            "defense secretary",
            "interior minister",
            "trade minister",
            "economy minister",
            "finance minister",
            "energy minister",
            "minister",
            "secretary",
            "special envoy",
            "envoy",
            "speaker",
            "parliament speaker",
            "chief of staff",
            "national security adviser",
            "national security advisor",
            "adviser",
            "advisor",
            "aide",
            "army chief",
            "commander",
            "crown prince",
            "deputy",
            "senator",
            "governor",
            "mayor",
            "chairman",
            "chairwoman",
            "general",
            "senior general",
            "lawmaker",
            "official",
            "delegation",
            "prince",
            "princess",
            "state councillor",
            "state counselor",
        ),
    ),
    (
        VisitorRole.FOREIGN_MINISTER,
        (
            "foreign minister",
            "minister of foreign affairs",
            "foreign affairs minister",
            "external affairs minister",
            "minister for foreign affairs",
            "secretary of state",
            "foreign secretary",
            "top diplomat",
            "minister of external affairs",
        ),
    ),
    (
        VisitorRole.HEAD_OF_GOVERNMENT,
        (
            "prime minister",
            "premier",
            "chancellor",
            "pm",
            "head of government",
            "chief executive",
            "taoiseach",
        ),
    ),
    (
        VisitorRole.HEAD_OF_STATE,
        (
            "president",
            "king",
            "queen",
            "emir",
            "amir",
            "sultan",
            "supreme leader",
            "leader",
            "head of state",
            "monarch",
            "grand duke",
            "emperor",
            "acting president",
            "interim president",
            "transitional president",
            "junta leader",
            "junta chief",
            "military ruler",
            "ruler",
            "chairman of the state administration council",
        ),
    ),
):
    for _word in _words:
        OFFICES[_word] = _role

_OFFICE_ALTERNATION = "|".join(re.escape(w) for w in sorted(OFFICES, key=len, reverse=True))
_MODIFIERS = (
    r"(?:(?:acting|interim|new|then|former|outgoing|incoming|newly[- ]elected|de facto|"
    r"military|junta|visiting|top|chief|senior|special|principal|presidential)\s+)*"
)
# After a place: "'s Prime Minister", " Foreign Minister", "'s new president".
# An institution between a country and an office: "Russian Security Council Secretary",
# "China's National People's Congress chairman". Whatever the office word, its holder is
# an official ("National Assembly President" is no head of state).
_INSTITUTIONS = (
    r"(?:Supreme\s+|Russian\s+)?(?:National\s+)?Security\s+Council|State\s+Duma|Duma|"
    r"Federation\s+Council|National\s+Assembly|Parliament|Majlis|Senate|Communist\s+Party|"
    r"Workers['’]?\s+Party|Central\s+Committee|Central\s+Military\s+Commission|State\s+Council|"
    r"National\s+People['’]s\s+Congress|Politburo|General\s+Staff|Armed\s+Forces|Army|Navy|"
    r"Air\s+Force|Revolutionary\s+Guards?|Presidential\s+Administration|"
    r"Foreign\s+Intelligence\s+Service|Intelligence\s+Service|Supreme\s+Court"
)
OFFICE_AFTER_PLACE = re.compile(
    rf"^(?:['’]s|\.)?\s+(?P<org>(?:{_INSTITUTIONS})\s+)?{_MODIFIERS}(?P<office>{_OFFICE_ALTERNATION})"
    rf"(?:\s+and\s+{_MODIFIERS}(?P<office2>{_OFFICE_ALTERNATION}))?\b",
    re.I,
)
# "President of Belarus", "Prime Minister of Cambodia".
OFFICE_OF_PLACE = with_first_char_test(
    re.compile(rf"(?P<office>{_OFFICE_ALTERNATION})\s+of\s+(?:the\s+)?$", re.I)
)
# A title right before a name: "President Xi", "Mr Modi".
TITLE_BEFORE = re.compile(
    rf"(?:\b(?:Mr|Mrs|Ms|Dr|Mme|Sheikh|H\.E|Gen|Senior General)\.?|"
    rf"(?i:\b(?:{_OFFICE_ALTERNATION}))),?\s+$"
)
_PRONOUN_SUBJECT = with_first_char_test(
    re.compile(
        r"\b(?:he|she|his|her|him)\b|\bthe (?:[\w-]+ )?(?:president|prime minister|premier|"
        r"chancellor|leader|ruler|general|minister|king|emir|visitor|guest|monarch)\b",
        re.I,
    )
)
_PLURAL_SUBJECT = with_first_char_test(
    re.compile(
        r"\b(?:they|the two (?:leaders|men|presidents|sides|heads of state|ministers)|"
        r"the pair|both (?:leaders|men|presidents)|both)\b",
        re.I,
    )
)
# Leading titles written with a name are not part of it ("President Xi Jinping").
_LEADING_TITLES = re.compile(
    r"^(?:(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Sheikh|Crown Prince|"
    r"Prince|"
    r"Senior General|Sr Gen|General|Gen|Captain|Colonel|Col|Samdech|Ayatollah|Mr|Mrs|Ms|Dr|"
    r"Foreign Minister|Supreme Leader|Sultan|Field Marshal|Marshal|Lt|Major)\.?\s+)+"
)
_NON_NAME_WORDS = frozenset(
    "the a an and of in on at to for with from by as but or is was will has had his her its "
    "their this that these those who which state media president prime minister foreign "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december government ministry office "
    "council parliament army military party union republic kingdom federation talks summit "
    "visit trip official officials news agency reuters associated press afp ap xinhua tass "
    "during after before since while when where said says according also meanwhile however "
    "last next first two three defence defense interior finance deputy vice secretary envoy "
    "speaker minister spokesman "
    # institutions: "Egypt's General Intelligence Service" names no one
    "service intelligence committee commission assembly court bank forces guard police "
    "directorate bureau department organisation organization institute university company "
    "corporation airport palace hall centre center".split()
)


@dataclass(slots=True)
class PersonMention:
    start: int
    end: int
    name: str
    leader_id: str | None = None
    country: str | None = None  # stated in the text ("Belarusian President ...")
    text_role: VisitorRole | None = None  # office stated in the text
    source: str = "dictionary"  # dictionary | coreference | surname | pattern | office
    # "Sergei Shoigu, then defence minister,": the office the text says they held then.
    role_then: VisitorRole | None = None


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    possessive: bool
    used_for_person: bool = False  # "Belarusian" in "Belarusian President X"


@dataclass(slots=True)
class ArticleMemory:
    """What earlier sentences of the same article established (for coreference)."""

    leaders: dict[str, str] = field(default_factory=dict)  # leader_id -> name as first written
    # single tokens of people named earlier -> mention template
    short_forms: dict[str, PersonMention] = field(default_factory=dict)
    last_subject: PersonMention | None = None
    recent: list[PersonMention] = field(default_factory=list)  # distinct people, latest last
    # The last people a trigger joined ("Rubio met Lavrov"): whom "both men" means, rather
    # than whoever was named last in passing ("Trump's frustration").
    last_group: list[PersonMention] = field(default_factory=list)
    pair_heads: set[str] = field(default_factory=set)  # as LeaderDictionary.pair_heads

    def remember(self, mention: PersonMention) -> None:
        key = mention.leader_id or mention.name
        self.recent = [m for m in self.recent if (m.leader_id or m.name) != key][-5:]
        self.recent.append(mention)


def scan(
    text: str,
    offset: int,
    leaders: LeaderDictionary,
    gazetteer: Gazetteer,
    memory: ArticleMemory,
    day: date,
    inner: frozenset[str] = frozenset(),
) -> tuple[list[PersonMention], list[PlaceMention]]:
    """People and places of one sentence; `offset` is its start in the body."""
    tokens = tokenize_names(text, offset, inner)
    people: list[PersonMention] = []
    places: list[PlaceMention] = []
    i = 0
    n_tokens = len(tokens)
    person_prefixes = leaders.prefixes
    place_prefixes = gazetteer.prefixes
    hyphenated = "-" in text  # most sentences have no "post-Assad" to look for
    after_match = -1  # the token right after the last name or place matched
    while i < n_tokens:
        tok = tokens[i]
        if not tok.capitalised or (hyphenated and _hyphen_modifier(text, tok.start - offset)):
            i += 1
            continue
        # Longest name starting here: extend one token at a time while some
        # dictionary or gazetteer name still starts with what has been read.
        key = tok.key
        j = i
        best: tuple[int, object] | None = None
        while True:
            if key in person_prefixes or key in place_prefixes:
                ids = leaders.names.get(key)
                if ids:
                    best = (j, ids)
                elif key in gazetteer.names:  # only then is the written form needed
                    place = gazetteer.lookup(key, text[tok.start - offset : tokens[j].end - offset])
                    if place is not None:
                        best = (j, place)
            else:
                break
            if j + 1 >= n_tokens or not joined(text, tokens, j, j + 1, offset):
                break
            j += 1
            if (
                tokens[j].key.endswith(_PATRONYMIC)
                and key + " " + tokens[j].key not in person_prefixes
                and j + 1 < n_tokens
                and joined(text, tokens, j, j + 1, offset)
            ):
                j += 1  # "Sergei Kuzhugetovich Shoigu" is "Sergei Shoigu"
            key = key + " " + tokens[j].key
        if (
            best is not None
            and isinstance(best[1], tuple)
            and i > 1
            and tokens[i - 1].key in _NAME_LINKS
            and not tokens[i - 1].capitalised
            and tokens[i - 2].capitalised
            and joined(text, tokens, i - 2, i, offset)
        ):
            # "Khalid bin Salman bin Abdulaziz": King Salman's name inside his son's
            best = None
        if best is not None:
            last, found = best
            end = tokens[last].end
            after_match = last + 1
            if isinstance(found, tuple):
                people.append(
                    PersonMention(tok.start, end, text[tok.start - offset : end - offset], found[0])
                )
            else:
                places.append(PlaceMention(tok.start, end, found, tokens[last].possessive))
            i = last + 1
            continue
        mention = _short_form(text, tokens, i, offset, leaders, memory, day, i == after_match)
        if mention is not None:
            people.append(mention)
            i += 2 if mention.source == "coreference-2" else 1
            continue
        i += 1

    # "the Shanghai Cooperation Organisation", "Harbin Institute of Technology": a place
    # name opening a longer proper name is part of that name, not a place.
    if places:
        starts = {pl.start for pl in places} | {p.start for p in people}
        places = [
            pl
            for pl in places
            if pl.possessive
            or pl.place.kind == PlaceKind.DEMONYM
            or (m := _PROPER_NAME_AFTER.match(text, pl.end - offset)) is None
            or m.start(1) + offset in starts
        ]
        # "the Bergen-Belsen concentration camp": a place hyphened to another name is part
        # of it ("Guinea-Bissau" is matched whole before this)
        places = [
            pl
            for pl in places
            if not (
                text.startswith("-", pl.end - offset)
                and text[pl.end - offset + 1 : pl.end - offset + 2].isupper()
                and not any(o.start == pl.end + 1 for o in places)
            )
        ]
        # "East Azerbaijan province", "Kursk region": a region named after a place is part of
        # another country (or of that place's), no country of its own.
        places = [
            pl
            for pl in places
            if not (pl.place.is_country and _REGION_AFTER.match(text, pl.end - offset))
            # "Latin America", "South America": a continent, not the United States
            and not (
                text[pl.start - offset : pl.end - offset] == "America"
                and _CONTINENT_BEFORE.search(text, max(0, pl.start - offset - 9), pl.start - offset)
            )
        ]
    # "Bali, Indonesia", "Samarkand, Uzbekistan": the country settles which city; but
    # "Atlanta, Georgia" is a US city and state.
    for a, b in pairwise(places):
        if (
            a.place.country == "USA"
            and text[a.end - offset : b.start - offset] == ", "
            and phrase_key(b.place.name) in gazetteer.us_states
        ):
            b.place = Place("USA", PlaceKind.CITY, b.place.name, b.place.population)
            continue
        if (
            a.place.is_city
            and b.place.is_country
            and a.place.country != b.place.country
            and text[a.end - offset : b.start - offset] == ", "
        ):
            a.place = Place(b.place.country, a.place.kind, a.place.name, a.place.population)
    _attach_offices(text, offset, tokens, people, places, leaders, day, memory)
    _appositive_people(text, offset, tokens, people, places)
    _companion_officials(text, offset, tokens, people, places, leaders, day)
    if "led" in text or "head" in text:
        _party_heads(text, offset, tokens, people, places)
    if ", " in text and " of " in text:
        _title_of_country_appositives(text, offset, people, places)
    if "s of " in text:
        _plural_offices(text, offset, people, places, leaders, day)
    if "counterpart" in text:
        _counterparts(text, offset, people, places, leaders, day)
    if _ENVOY_GATE.any_in(text):
        _envoys(text, offset, tokens, people, places, leaders, day, memory)
    if ", then " in text or ", at th" in text:
        for p in people:
            m = _THEN_APPOSITIVE.match(text, p.end - offset)
            if m is not None:
                p.role_then = OFFICES[m.group("office").lower()]
    people.sort(key=lambda p: p.start)
    for p in people:
        if p.source in ("dictionary", "pattern"):
            canonical = leaders.people[p.leader_id].name if p.leader_id else p.name
            p.name = clean_name(p.name, canonical)
    remember_people(memory, people)
    return people, places


def remember_people(memory: ArticleMemory, people) -> None:
    """What later sentences may refer back to: these people, their short forms."""
    for p in people:
        if p.country is not None or p.leader_id is not None:
            memory.remember(p)
    for p in people:
        if (
            p.leader_id is not None
            and p.leader_id not in memory.leaders
            and p.source == "dictionary"
        ):
            memory.leaders[p.leader_id] = p.name
        if p.source in ("pattern", "dictionary"):
            # the whole name too: "Badr Abdelatty" again is the same person
            for key in (*_name_short_keys(p.name), phrase_key(p.name)):
                memory.short_forms.setdefault(key, p)
                if " " in key:
                    memory.pair_heads.add(key.split()[0])


_CONTINENT_BEFORE = re.compile(r"\b(?:Latin|South|North|Central)\s+$")
_REGION_AFTER = re.compile(r"\s+(?:province|region|oblast|governorate|prefecture|district)\b", re.I)
# A capitalised word right after a place that makes it part of a longer name; words that
# keep it a place (an airport in it, "Beijing Tuesday", "Kabul Governor") are excluded.
_PROPER_NAME_AFTER = re.compile(
    rf" (?!(?:{CALENDAR_WORDS}|Airport|International|Region|Province|Oblast|Krai|City|"
    r"Governorate|Prefecture|Mayor|Governor|Time|On|In|And|Or|The|For|To|At)\b)([A-Z][a-z]{2,})"
)


def _hyphen_modifier(text: str, pos: int) -> bool:
    """ "post-Assad", "pro-Kremlin", "anti-Putin": a name under a lower-case prefix is an
    adjective, neither a person nor a place ("al-Assad" keeps its particle)."""
    if pos < 2 or text[pos - 1] != "-" or not text[pos - 2].islower():
        return False
    word_start = pos - 2
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start : pos - 1].lower() not in _HYPHEN_PARTICLES


# Lower-case particles written before a hyphenated name: "al-Assad", "el-Sisi", "bin-Salman".
_HYPHEN_PARTICLES = frozenset("al el ad ad-d as ash at az ud ul bin ibn abu de di da".split())

_TITLE_LAST_WORDS = frozenset(
    {w.split()[-1] for w in OFFICES} | {"mr", "mrs", "ms", "dr", "mme", "sheikh", "h.e", "gen"}
)


# Particles written before a family name: hyphened ("al-Assad") or as a word ("bin Zayed").
HYPHENED_PARTICLE = r"(?:al|el|ad|as|at|az|an|ash)-"
_SPACED_PARTICLE = r"(?:bin|ibn|abu|da|de|van|von)\s+"
_TRAILING_PARTICLE = re.compile(rf"\b{HYPHENED_PARTICLE}$|\b(?:bin|ibn|abu)\s+$")


def _has_title_before(text: str, pos: int) -> bool:
    """Whether a title or office word stands right before `pos` ("President Xi")."""
    before = _TRAILING_PARTICLE.sub("", text[max(0, pos - 40) : pos])  # "President al-Assad"
    words = before.rstrip(" ,").rsplit(None, 1)
    if not words or words[-1].rstrip(".").lower() not in _TITLE_LAST_WORDS:
        return False
    return TITLE_BEFORE.search(before) is not None


def clean_name(written: str, canonical: str) -> str:
    """The name as written, less any title in front of it."""
    name = _LEADING_TITLES.sub("", written).strip()
    return name or canonical


def _short_form(
    text,
    tokens: list[Token],
    i: int,
    offset: int,
    leaders: LeaderDictionary,
    memory: ArticleMemory,
    day: date,
    after_match: bool = False,
) -> PersonMention | None:
    tok = tokens[i]
    key = tok.key
    if i + 1 < len(tokens) and (key in leaders.pair_heads or key in memory.pair_heads):
        # "Díaz-Canel", "Amir-Abdollahian": a two-word family name of someone named before.
        pair = key + " " + tokens[i + 1].key
        earlier = memory.short_forms.get(pair)
        lid = None
        if earlier is None:
            mentioned = [lid for lid in leaders.short_forms.get(pair, ()) if lid in memory.leaders]
            lid = mentioned[0] if len(mentioned) == 1 else None
        if (earlier is not None or lid is not None) and joined(text, tokens, i, i + 1, offset):
            end = tokens[i + 1].end
            if earlier is not None:
                return PersonMention(
                    tok.start,
                    end,
                    earlier.name,
                    earlier.leader_id,
                    earlier.country,
                    earlier.text_role,
                    "coreference-2",
                )
            return PersonMention(tok.start, end, memory.leaders[lid], lid, source="coreference-2")
    if key not in memory.short_forms and key not in leaders.short_forms:
        return None  # most capitalised words are nobody's name: skip the costlier tests below
    if i + 1 < len(tokens) and tokens[i + 1].capitalised and joined(text, tokens, i, i + 1, offset):
        earlier = memory.short_forms.get(key)
        if earlier is not None and phrase_key(earlier.name) == key + " " + tokens[i + 1].key:
            # "Badr Abdelatty" again, first named in a delegation list: the same person
            return PersonMention(
                tok.start,
                tokens[i + 1].end,
                earlier.name,
                earlier.leader_id,
                earlier.country,
                earlier.text_role,
                "coreference-2",
            )
        return None  # "Sergei Shoigu" is not "Sergei" Lavrov: a longer, unknown name
    titled = _has_title_before(text, tok.start - offset)
    if (
        not titled
        and i > 1
        and tokens[i - 1].key in _NAME_LINKS
        and tokens[i - 2].capitalised
        and joined(text, tokens, i - 2, i, offset)
    ):
        return None  # "Abdullah bin Zayed" is not Mohamed bin Zayed: a longer, unknown name
    if (
        not titled
        and not after_match  # "From Naypyitaw Lavrov": the place ended before this name
        and i > 1
        and tokens[i - 1].text[0].isupper()
        and tokens[i - 1].key not in _HYPHEN_PARTICLES  # "Al-Sudani" is "al-Sudani"
        and joined(text, tokens, i - 1, i, offset)
    ):
        return None  # "Kim Il Sung" is not "Sung" of another name
    earlier = memory.short_forms.get(key)
    if earlier is not None:
        return PersonMention(
            tok.start,
            tok.end,
            earlier.name,
            earlier.leader_id,
            earlier.country,
            earlier.text_role,
            "coreference",
        )
    ids = leaders.short_forms.get(key)
    if not ids:
        return None
    mentioned = [lid for lid in ids if lid in memory.leaders]
    if len(mentioned) == 1:
        lid = mentioned[0]
        return PersonMention(tok.start, tok.end, memory.leaders[lid], lid, source="coreference")
    # No earlier mention: only someone in office on the article's date qualifies,
    # and only one such person. A title vouches for any name token ("President
    # Xi", "Mr Modi"); without one, only a surname ("Putin arrived ...") or a
    # short family name written first ("Xi", "Hun") will do.
    active = [lid for lid in ids if leaders.people[lid].terms_on(day)]
    if len(active) != 1:
        return None
    person = leaders.people[active[0]]
    parts = phrase_key(person.name).split()
    if titled or (
        len(parts) >= 2 and (key in leaders.surnames or (key == parts[0] and len(key) <= 3))
    ):
        return PersonMention(
            tok.start,
            tok.end,
            person.name,
            person.leader_id,
            source="coreference" if titled else "surname",
        )
    return None


_THEN_APPOSITIVE = re.compile(
    rf",\s+(?:then|at the time|at that time)\s+(?:the\s+|a\s+)?(?:[A-Z]?[a-z]+\s+){{0,2}}?"
    rf"(?P<office>{_OFFICE_ALTERNATION})\b",
    re.I,
)
_GAP = re.compile(r"[ ,]*")
_NAME_BEFORE_COMMA = re.compile(r"[A-Z][\w'’.-]*\s*,\s+(?:the\s+|then\s+|now\s+)?$")
# "Until Friday, the Syrian leader", "In Moscow, the Indian prime minister": a phrase, not
# a name with an appositive after it.
_PHRASE_BEFORE_COMMA = re.compile(
    r"(?:\b(?:until|on|in|at|by|since|after|before|from|during|for|to)\s+(?:the\s+)?"
    rf"[A-Z][\w'’.-]*|\b(?:{CALENDAR_WORDS}))\s*,\s+(?:the\s+)?$",
    re.I,
)
# "Inside, the Ukrainian president": one opening word and a comma is an adverb, not a name.
_OPENING_WORD_COMMA = re.compile(r"\W*[A-Z][a-z]+,\s+(?:the\s+)?$")


def _gap_at(text: str, pos: int) -> int:
    """Length of the spaces and commas at `pos`: between an office and the name it introduces."""
    return _GAP.match(text, pos).end() - pos if pos <= len(text) else 0


_APPOSITIVE_NAME = re.compile(r"((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+),\s+(?:the\s+|then\s+)?$")


@lru_cache(maxsize=4096)
def _name_short_keys(name: str) -> tuple[str, ...]:
    tokens = [t.key for t in tokenize(name)]
    if len(tokens) < 2:
        return ()
    # A family name written first may be two letters ("Li Zhanshu" is "Li" later on).
    first = tokens[0] if len(tokens[0]) >= 2 and tokens[0] not in _SHORT_PARTICLES else ""
    # "Díaz-Canel" of "Miguel Díaz-Canel": the last two words, when there are three or more.
    pair = (
        (" ".join(tokens[-2:]),) if len(tokens) >= 3 and tokens[-2] not in _SHORT_PARTICLES else ()
    )
    return (
        tuple(
            k
            for k in dict.fromkeys((first, tokens[-1]))
            if (len(k) >= 3 or k == first != "") and k not in _NON_NAME_WORDS
        )
        + pair
    )


# Lower-case links inside Arabic and other names: "Abdullah bin Zayed", "Lula da Silva".
_NAME_LINKS = frozenset("bin bint ibn binti al el da de do dos das di du van von der".split())
_PATRONYMIC = ("ovich", "evich", "ovna", "evna", "ichna", "yevich", "ievich")
_SHORT_PARTICLES = frozenset("al el ad as at az ud ul da de di do du la le lo ka mr ms dr".split())


_OFFICE_BRIEF = re.compile(
    r"\s+for\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3}(?=,)"
)


def _attach_offices(text, offset, tokens, people, places, leaders, day, memory=None) -> None:
    """Read "[place] [office] [Name]" and its variants; fill country/role or add people."""
    by_start = {p.start: p for p in people}
    covered = [(p.start, p.end) for p in people] + [(pl.start, pl.end) for pl in places]
    place_at = {pl.start: pl for pl in places}
    for pl in places:
        if pl.place.kind < PlaceKind.DEMONYM and not pl.possessive:
            # "Moscow Mayor" is rare; a city before an office is usually a dateline or list.
            continue
        rest = text[pl.end - offset :]
        m = OFFICE_AFTER_PLACE.match(rest)
        if m is None:
            continue
        office = m.group("office").lower()
        role = OFFICES.get(office, VisitorRole.OTHER_OFFICIAL)
        if m.group("org"):
            role = VisitorRole.OTHER_OFFICIAL
        if office == "foreign secretary" and pl.place.country != "GBR":
            role = VisitorRole.OTHER_OFFICIAL  # elsewhere the top civil servant, not the minister
        if m.group("office2"):
            # "Deputy Prime Minister and Foreign Minister Ishaq Dar": the higher office.
            role2 = OFFICES.get(m.group("office2").lower(), VisitorRole.OTHER_OFFICIAL)
            if ROLE_RANK[role2] > ROLE_RANK[role]:
                office, role = m.group("office2").lower(), role2
        name_start = pl.end + m.end()
        # "Russia's presidential envoy for Afghanistan, Zamir Kabulov": the brief, then the name
        brief = _OFFICE_BRIEF.match(text, name_start - offset)
        if brief is not None:
            name_start += brief.end() - brief.start()
        gap = _gap_at(text, name_start - offset)
        person = by_start.get(name_start + gap)
        pl.used_for_person = True
        if person is not None:
            person.country = person.country or pl.place.country
            person.text_role = person.text_role or role
            continue
        name_tokens = _name_tokens_at(text, tokens, name_start + gap, offset, covered, place_at)
        if name_tokens:
            mention = _pattern_mention(text, offset, name_tokens, pl.place.country, role)
            start, end = mention.start, mention.end
            if len(name_tokens) == 1:
                # "President Xi" with a one-word name: the holder if the surname fits.
                holder = (
                    leaders.holder(pl.place.country, role, day, office) if role.is_leader else None
                )
                if holder is not None and name_tokens[0].key in holder.name.lower():
                    mention = PersonMention(
                        start,
                        end,
                        holder.name,
                        holder.leader_id,
                        pl.place.country,
                        role,
                        "coreference",
                    )
            people.append(mention)
            by_start[start] = mention
            covered.append((start, end))
            continue
        # "Hun Sen, then Cambodia's prime minister": an appositive, handled below.
        if (
            _NAME_BEFORE_COMMA.search(text, max(0, pl.start - offset - 40), pl.start - offset)
            and not (
                _OPENING_WORD_COMMA.match(text[: pl.start - offset])
                and not any(p.start - offset == 0 for p in people)
            )
            and not _PHRASE_BEFORE_COMMA.search(
                text, max(0, pl.start - offset - 40), pl.start - offset
            )
        ):
            pl.used_for_person = False
            continue
        # "the Belarusian president": no name, only an office of a country.
        if any(
            s <= name_start + gap < e or pl.end <= s <= name_start + gap
            for s, e in covered
            if (s, e) != (pl.start, pl.end)
        ):
            continue  # the office belongs to a name matched with its title
        if role.is_leader or role == VisitorRole.FOREIGN_MINISTER:
            # "The Indian leader" after "Modi": someone the article already named,
            # else whoever held that office on the day.
            holder = _named_earlier(memory, leaders, pl.place.country, role, office, day) or (
                leaders.holder(pl.place.country, role, day, office)
            )
            start, end = pl.start, pl.end + m.end()
            if holder is not None:
                mention = PersonMention(
                    start, end, holder.name, holder.leader_id, pl.place.country, role, "office"
                )
            else:
                mention = PersonMention(
                    start,
                    end,
                    text[start - offset : end - offset],
                    None,
                    pl.place.country,
                    role,
                    "office",
                )
            people.append(mention)
            by_start[start] = mention
        elif office in _REFERRING_OFFICES:
            # "The Russian minister has become a familiar figure": whoever of that country
            # the article named last, if anyone; a bare office names nobody new.
            holder = _named_minister(memory, leaders, pl.place.country, day)
            if holder is not None:
                start, end = pl.start, pl.end + m.end()
                mention = PersonMention(
                    start, end, holder.name, holder.leader_id, pl.place.country, None, "office"
                )
                people.append(mention)
                by_start[start] = mention

    # "Austria's Karl Nehammer", "Belarusian Alexander Lukashenko": the place is the person's.
    for pl in places:
        if pl.used_for_person or not (pl.possessive or pl.place.kind == PlaceKind.DEMONYM):
            continue
        gap = _gap_at(text, pl.end - offset + (2 if pl.possessive else 0))
        person = by_start.get(pl.end + (2 if pl.possessive else 0) + gap)
        if person is not None and gap <= 2:
            pl.used_for_person = True
            person.country = person.country or pl.place.country

    # "President of Belarus Alexander Lukashenko" / "Alexander Lukashenko, President of Belarus"
    for pl in places:
        if pl.place.kind != PlaceKind.COUNTRY:
            continue
        window = text[max(0, pl.start - offset - 60) : pl.start - offset]
        if not window.rstrip().endswith((" of", " of the")):
            continue
        m = OFFICE_OF_PLACE.search(window)
        if m is None:
            continue
        role = OFFICES.get(m.group("office").lower(), VisitorRole.OTHER_OFFICIAL)
        pl.used_for_person = True
        after = pl.end + _gap_at(text, pl.end - offset)
        person = by_start.get(after)
        if person is None:
            # Appositive: the person right before ", President of Belarus".
            office_start = max(0, pl.start - offset - 60) + m.start() + offset
            person = next((p for p in people if 0 <= office_start - p.end <= 6), None)
        if person is None:
            name_tokens = _name_tokens_at(text, tokens, after, offset, covered, place_at)
            if len(name_tokens) >= 2:
                person = _pattern_mention(text, offset, name_tokens, pl.place.country, role)
                start, end = person.start, person.end
                people.append(person)
                covered.append((start, end))
                continue
        if person is not None:
            person.country = person.country or pl.place.country
            person.text_role = person.text_role or role

    # Appositive: "Abdulla Aripov, Uzbekistan's prime minister" (name not in the dictionary).
    for pl in places:
        if pl.used_for_person:
            continue
        before = text[max(0, pl.start - offset - 60) : pl.start - offset]
        if not before.rstrip().endswith((",", ", the", ", then")):
            continue
        m = _APPOSITIVE_NAME.search(before)
        if m is None:
            continue
        rest = text[pl.end - offset :]
        om = OFFICE_AFTER_PLACE.match(rest)
        if om is None:
            continue
        role = (
            VisitorRole.OTHER_OFFICIAL
            if om.group("org")
            else OFFICES.get(om.group("office").lower(), VisitorRole.OTHER_OFFICIAL)
        )
        name_end_rel = pl.start - offset - len(before) + m.end(1)
        name_start_rel = pl.start - offset - len(before) + m.start(1)
        existing = next((p for p in people if p.end == name_end_rel + offset), None)
        pl.used_for_person = True
        if existing is not None:
            existing.country = existing.country or pl.place.country
            existing.text_role = existing.text_role or role
            continue
        name = text[name_start_rel:name_end_rel]
        words = [w for w in name.split() if w.lower() not in _NON_NAME_WORDS]
        if len(words) >= 2 and not any(
            s < name_end_rel + offset and name_start_rel + offset < e for s, e in covered
        ):
            start = name_start_rel + offset + name.index(words[0])
            people.append(
                PersonMention(
                    start,
                    name_end_rel + offset,
                    text[start - offset : name_end_rel],
                    None,
                    pl.place.country,
                    role,
                    "pattern",
                )
            )


_APPOSITIVE = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+|then\s+|now\s+)?(?P<body>[^,;()]{3,140}?)(?:,|\.|$)"
)
# "Sergei Naryshkin, head of Russia's foreign intelligence service,": an office by its
# duty rather than its title.
_HEAD_OF = re.compile(r"(?P<office>head|chief|director)\s+of\s", re.I)
_OFFICE_WORD = with_first_char_test(re.compile(rf"\b(?P<office>{_OFFICE_ALTERNATION})\b", re.I))


_GENERIC_OFFICES = frozenset(
    {
        "leader",
        "ruler",
        "junta leader",
        "junta chief",
        "military ruler",
        "head of state",
        "head of government",
    }
)


# Office words a text uses to point back at someone it has named ("the Russian minister").
_REFERRING_OFFICES = frozenset({"minister", "envoy", "official", "diplomat"})


def _named_minister(memory, leaders, country, day) -> Person | None:
    """Whom "the Russian minister" (or envoy, official, diplomat) points back to: the most
    recent person of `country` the article named, holding an office below head of state or
    government on `day`."""
    return next(
        (
            person
            for person, term in _named_of(memory, leaders, country, day)
            if not term.role.is_leader
        ),
        None,
    )


def _named_earlier(memory, leaders, country, role, office, day) -> Person | None:
    """The most recent person of `country` in the article who fits the office word."""
    return next(
        (
            person
            for person, term in _named_of(memory, leaders, country, day)
            if office in _GENERIC_OFFICES
            or term.role is role
            or (office and term.office.lower().endswith(office))
        ),
        None,
    )


def _named_of(memory, leaders, country, day):
    """(person, their term on `day`) for the dictionary people of `country` the article has
    named, latest first."""
    if memory is None:
        return
    for m in reversed(memory.recent):
        if m.leader_id is None:
            continue
        person = leaders.people[m.leader_id]
        term = person.office_on(day)
        if term is not None and term.country == country:
            yield person, term


def _appositive_people(text, offset, tokens, people, places) -> None:
    """Unknown names described by an appositive that names an office and a country:
    "Sergei Shoigu, the former defence minister who now serves as secretary of
    Russia's Security Council," / "Zhao Leji, chairman of China's national legislature,"."""
    if not places or "," not in text:
        return  # the country is read from a place in the appositive, which follows a comma
    covered = [(p.start, p.end) for p in people] + [(pl.start, pl.end) for pl in places]
    # Tokens inside a known person or place, found by bisecting the (ordered) token
    # starts once per span rather than testing every span for every token.
    starts = [t.start for t in tokens]
    inside = {k for s, e in covered for k in range(bisect_left(starts, s), bisect_left(starts, e))}
    # Tokens that may be part of an unknown name (the end sentinel None never is).
    nameable = [
        t.capitalised and t.key not in _NON_NAME_WORDS and k not in inside
        for k, t in enumerate(tokens)
    ] + [False]
    run: list[Token] = []
    for k, t in enumerate([*tokens, None]):
        if nameable[k] and (not run or joined(text, tokens, k - 1, k, offset)):
            run.append(t)
            if not t.possessive:
                continue
        if 2 <= len(run) <= 4 and not run[-1].possessive:
            end = run[-1].end
            m = _APPOSITIVE.match(text, end - offset)
            office = (
                _OFFICE_WORD.search(m.group("body")) or _HEAD_OF.match(m.group("body"))
                if m
                else None
            )
            if m and office:
                body_start = m.start("body") + offset
                body_end = m.end("body") + offset
                country = next(
                    (
                        pl.place.country
                        for pl in places
                        if body_start <= pl.start < body_end
                        and (
                            pl.possessive
                            or pl.place.kind == PlaceKind.DEMONYM
                            or text[max(0, pl.start - offset - 7) : pl.start - offset].endswith(
                                ("of ", "of the ")
                            )
                        )
                    ),
                    None,
                )
                if country is not None:
                    role = OFFICES.get(office.group("office").lower(), VisitorRole.OTHER_OFFICIAL)
                    if role is not VisitorRole.FOREIGN_MINISTER:
                        role = VisitorRole.OTHER_OFFICIAL  # "chairman of China's legislature"
                    start = run[0].start
                    people.append(
                        PersonMention(
                            start,
                            end,
                            text[start - offset : end - offset],
                            None,
                            country,
                            role,
                            "pattern",
                        )
                    )
        run = [t] if nameable[k] and not t.possessive else []


# Titles of officials who travel with a leader; the country is the leader's.
_COMPANION_TITLES = [
    w
    for w in OFFICES
    if w.split()[-1]
    in {"minister", "secretary", "envoy", "speaker", "adviser", "advisor", "premier", "chief"}
    or w in ("chief of staff", "state councillor", "state counselor")
]
_TITLED_NAME = with_first_char_test(
    re.compile(
        r"\b(?P<office>"
        + "|".join(re.escape(w) for w in sorted(_COMPANION_TITLES, key=len, reverse=True))
        + r")\s+(?=(?-i:[A-Z]))",
        re.I,
    )
)
# What joins an official to the person before them: "Putin, accompanied by Defence
# Minister ...", "Kim and Foreign Minister ...", "..., and Defence Minister X came".
_COMPANION_BEFORE = re.compile(
    r"(?:accompanied by|along with|together with|joined by|including|included|as well as|"
    r"delegation (?:of|that included)|\band|^\s*,)\s+(?:the\s+|his\s+|her\s+|their\s+)?$",
    re.I,
)


def _companion_officials(text, offset, tokens, people, places, leaders, day) -> None:
    """ "Putin, accompanied by Defence Minister Andrei Belousov": an official named with a
    title but no country, joined to the person before them, is of that person's country."""
    if not people or ("inister" not in text and "ecretary" not in text and "nvoy" not in text):
        return
    covered = [(p.start, p.end) for p in people] + [(pl.start, pl.end) for pl in places]
    place_at = {pl.start: pl for pl in places}
    starts = {p.start for p in people}
    for m in _TITLED_NAME.finditer(text):
        name_start = m.end() + offset
        if name_start in starts or any(s <= m.start() + offset < e for s, e in covered):
            continue
        before = [p for p in people if p.end <= m.start() + offset]
        if not before:
            continue
        leader = before[-1]
        country = leader.country
        if country is None and leader.leader_id is not None:
            term = leaders.people[leader.leader_id].office_on(day)
            country = term.country if term is not None else None
        between = text[leader.end - offset : m.start()]
        if country is None or len(between) > 120 or not _COMPANION_BEFORE.search(between):
            continue
        name_tokens = _name_tokens_at(text, tokens, name_start, offset, covered, place_at)
        if len(name_tokens) < 2:
            continue
        role = OFFICES.get(m.group("office").lower(), VisitorRole.OTHER_OFFICIAL)
        mention = _pattern_mention(text, offset, name_tokens, country, role)
        people.append(mention)
        covered.append((mention.start, mention.end))
        starts.add(mention.start)


# "a Russian delegation led by Defence Minister Andrei Belousov": the party's country is
# its head's. The place ends right before the words matched here.
_LED_PARTY = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:delegation|team|group|mission)\s+(?:was\s+|is\s+)?"
    r"(?:led|headed)\s+by\s+(?:the\s+)?",
    re.I,
)


# "The prime ministers of Poland, the Czech Republic and Slovenia": an office in the
# plural, then the countries whose holders it names.
_PLURAL_OFFICE_OF = re.compile(
    # (not "leaders": Iran's is not the one who travels)
    r"\b(?P<office>presidents|prime ministers|premiers|foreign ministers|heads of state|"
    r"heads of government|kings|emirs|chancellors)\s+of\s+(?:the\s+)?$",
    re.I,
)
_PLURAL_ROLE = {
    "presidents": VisitorRole.HEAD_OF_STATE,
    "heads of state": VisitorRole.HEAD_OF_STATE,
    "kings": VisitorRole.HEAD_OF_STATE,
    "emirs": VisitorRole.HEAD_OF_STATE,
    "prime ministers": VisitorRole.HEAD_OF_GOVERNMENT,
    "premiers": VisitorRole.HEAD_OF_GOVERNMENT,
    "heads of government": VisitorRole.HEAD_OF_GOVERNMENT,
    "chancellors": VisitorRole.HEAD_OF_GOVERNMENT,
    "foreign ministers": VisitorRole.FOREIGN_MINISTER,
}
_COUNTRY_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _plural_offices(text, offset, people, places, leaders, day) -> None:
    """ "The prime ministers of Poland, the Czech Republic and Slovenia travelled": each
    country's holder of the office, named by the office alone."""
    countries = [pl for pl in places if pl.place.kind == PlaceKind.COUNTRY]
    for k, pl in enumerate(countries):
        m = _PLURAL_OFFICE_OF.search(text, max(0, pl.start - offset - 40), pl.start - offset)
        if m is None:
            continue
        office = m.group("office").lower()
        role = _PLURAL_ROLE[office]
        listed = [pl]
        for nxt in countries[k + 1 :]:
            if not _COUNTRY_LIST_GAP.fullmatch(text, listed[-1].end - offset, nxt.start - offset):
                break
            listed.append(nxt)
        if len(listed) < 2:
            continue  # "the presidents of Russia" alone is no list
        singular = office[:-1] if office.endswith("s") and " of " not in office else ""
        for country_pl in listed:
            holder = leaders.holder(country_pl.place.country, role, day, singular)
            if holder is None:
                continue
            country_pl.used_for_person = True
            people.append(
                PersonMention(
                    country_pl.start,
                    country_pl.end,
                    holder.name,
                    holder.leader_id,
                    country_pl.place.country,
                    role,
                    "office",
                )
            )
        return


# "Zhao Leji, member of the Standing Committee of the Political Bureau of the Central
# Committee of the Communist Party of China": a state-media appositive ends in the country.
_TITLE_OF_COUNTRY_BEFORE = re.compile(
    r"(?-i:(?P<name>(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)),\s+(?:the\s+)?(?:first\s+)?"
    r"(?P<title>(?:vice[- ]|deputy\s+)?(?:member|chairman|chairwoman|chair|secretary|minister|"
    r"president|head|chief|director|speaker|premier|envoy|representative|commander|governor)"
    r"\b[^,;()]{0,200}?)\s+of\s+(?:the\s+)?$",
    re.I,
)


def _title_of_country_appositives(text, offset, people, places) -> None:
    for pl in places:
        if not pl.place.is_country or pl.used_for_person:
            continue
        rel = pl.start - offset
        m = _TITLE_OF_COUNTRY_BEFORE.search(text, max(0, rel - 260), rel)
        if m is None or m.group("name").split()[0].lower() in _NON_NAME_WORDS:
            continue
        start, end = m.span("name")
        person = next(
            (p for p in people if p.start - offset < end and start < p.end - offset), None
        )
        title = m.group("title").lower()
        # "Minister of Foreign Affairs of Russia" names the office; "President of the National
        # Assembly of Vietnam" is an institution's, so its holder is an official.
        role = OFFICES.get(title, VisitorRole.OTHER_OFFICIAL)
        pl.used_for_person = True
        if person is not None:
            person.country = person.country or pl.place.country
            if person.leader_id is None:  # the dictionary dates a known person's office
                person.text_role = person.text_role or role
        elif not any(w.lower() in _NON_NAME_WORDS for w in m.group("name").split()):
            people.append(
                PersonMention(
                    start + offset,
                    end + offset,
                    m.group("name"),
                    None,
                    pl.place.country,
                    role,
                    "pattern",
                )
            )


# "Zhao Leji led a Chinese delegation", "Zhao Leji headed the party and government
# delegation of the PRC": the head is named before the verb.
_PARTY_NOUN_AFTER = re.compile(r"(?:\s+[a-z-]+){0,3}\s+(?:delegation|team|mission)\b")
_OF_PARTY_BEFORE = re.compile(r"\b(?:delegation|team|mission)\s+of\s+(?:the\s+)?$")
_HEAD_VERB = r"\s+(?:led|leads|headed|heads)\s+(?:a|an|the|his|her)\s+(?:[a-z-]+\s+){0,5}?"
_LEADER_NAME = r"(?P<name>(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)"
_HEAD_BEFORE = re.compile(_LEADER_NAME + _HEAD_VERB + r"$")
_HEAD_BEFORE_OF = re.compile(
    _LEADER_NAME + _HEAD_VERB + r"(?:delegation|team|mission)\s+of\s+(?:the\s+)?$"
)


def _party_heads(text, offset, tokens, people, places) -> None:
    """ "a Russian delegation led by Defence Minister Andrei Belousov", "Zhao Leji headed the
    delegation of the PRC": the head of a party named by its country is of that country."""
    covered = [(p.start, p.end) for p in people] + [(pl.start, pl.end) for pl in places]
    place_at = {pl.start: pl for pl in places}
    for pl in places:
        rel = pl.start - offset
        before = None
        if pl.place.kind == PlaceKind.DEMONYM and _PARTY_NOUN_AFTER.match(text, pl.end - offset):
            before = _HEAD_BEFORE.search(text, max(0, rel - 120), rel)
        elif pl.place.is_country and _OF_PARTY_BEFORE.search(text, max(0, rel - 40), rel):
            before = _HEAD_BEFORE_OF.search(text, max(0, rel - 160), rel)
        if before is not None:
            start, end = before.span("name")
            person = next((p for p in people if p.start - offset <= start < p.end - offset), None)
            if person is not None:
                person.country = person.country or pl.place.country
            elif not any(w.lower() in _NON_NAME_WORDS for w in before.group("name").split()):
                people.append(
                    PersonMention(
                        start + offset,
                        end + offset,
                        before.group("name"),
                        None,
                        pl.place.country,
                        VisitorRole.OTHER_OFFICIAL,
                        "pattern",
                    )
                )
            pl.used_for_person = True
            continue
        if not (pl.place.kind == PlaceKind.DEMONYM or pl.possessive):
            continue
        led = _LED_PARTY.match(text, pl.end - offset + (2 if pl.possessive else 0))
        if led is None:
            continue
        # "led by Defence Minister Andrei Belousov", "led by the Deputy Minister of Defence,
        # Colonel-General Yunus-Bek Yevkurov": titles and ranks, then the name.
        head = _PARTY_HEAD.match(text, led.end())
        start = led.end() + offset
        person = next((p for p in people if start <= p.start <= head.end() + offset), None)
        if person is not None:
            person.country = person.country or pl.place.country
            pl.used_for_person = True
            continue
        name_tokens = _name_tokens_at(text, tokens, head.end() + offset, offset, covered, place_at)
        if len(name_tokens) < 2:
            continue
        office = _OFFICE_IN_TITLE.search(head.group())
        role = (
            OFFICES.get(office.group().lower(), VisitorRole.OTHER_OFFICIAL)
            if office
            else VisitorRole.OTHER_OFFICIAL
        )
        mention = _pattern_mention(text, offset, name_tokens, pl.place.country, role)
        people.append(mention)
        covered.append((mention.start, mention.end))
        pl.used_for_person = True


_COUNTERPART_AFTER = re.compile(r"\s+counterparts?\b", re.I)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:new\s+)?$", re.I)


def _counterparts(text, offset, people, places, leaders, day) -> None:
    """ "Putin received his Iranian counterpart": whoever held the same office in that
    country on the day, when the sentence has named the one whose counterpart it is."""
    for pl in places:
        if pl.used_for_person or pl.place.kind != PlaceKind.DEMONYM:
            continue
        after = _COUNTERPART_AFTER.match(text, pl.end - offset)
        if after is None or not _POSSESSIVE_BEFORE.search(text, 0, pl.start - offset):
            continue
        if any(p.start == after.end() + offset + 1 for p in people):
            continue  # "his Iranian counterpart Abbas Araghchi": the name says who
        own = next(
            (
                p
                for p in reversed(people)
                if p.end <= pl.start and p.leader_id is not None and p.source != "office"
            ),
            None,
        )
        term = leaders.people[own.leader_id].office_on(day) if own is not None else None
        if term is None or term.country == pl.place.country:
            continue
        holder = leaders.holder(pl.place.country, term.role, day, term.office.split()[-1])
        if holder is None:
            continue
        pl.used_for_person = True
        people.append(
            PersonMention(
                pl.start,
                after.end() + offset,
                holder.name,
                holder.leader_id,
                pl.place.country,
                None,
                "office",
            )
        )


# What introduces the people travelling with a visitor.
_DELEGATION = re.compile(
    r"\b(?:accompanied by|along with|together with|joined\s+(?:[\w'’-]+\s+){0,4}?by|"
    r"delegation (?:that )?(?:includ(?:ed|ing|es)|of)|delegation was|"
    r"(?:travell?ing|with)\s+(?:him|her)\s+(?:are|were|is|was))\s+"
    r"(?:(?:[\w-]+\s+){0,3}?(?:including|among them)\s+)?",
    re.I,
)
# Words that open a longer office: "Foreign" of "Foreign Minister", "Deputy" of "Deputy ...".
_OFFICE_FIRST_WORDS = "|".join(sorted({o.split()[0] for o in OFFICES if " " in o} | {"second"}))
# Words of a ministry's name: "Energy and Natural Resources Minister", "Foreign Trade
# Minister" (a closed list, so that a name before "and" is not read as one).
_PORTFOLIO_WORDS = (
    "Energy|Natural|Resources|Trade|Foreign|Industry|Industries|Economy|Economic|Development|"
    "Interior|Home|Defence|Defense|Finance|Health|Education|Agriculture|Transport|Culture|"
    "Justice|Labour|Labor|Tourism|Mines|Mining|Oil|Petroleum|Water|Environment|Investment|"
    "Commerce|Communications|Information|Security|Planning|Infrastructure|Youth|Sports?|"
    "Science|Technology|Digital|Social|Public|Works|Housing|Urban|Fisheries|Minerals|Power|"
    "Railways|Aviation|Maritime|Emergencies|Emergency|Religious|Affairs|Cooperation"
)
# The titles and ranks before a party head's name ("the Deputy Minister of Defence,
# Colonel-General "): words of offices and ministries, commas, "of", "the".
_PARTY_HEAD = re.compile(
    r"(?:(?:the|of|and|for|(?:(?:Colonel|Lieutenant|Major|Brigadier|Army)[- ])?General|"
    rf"Admiral|Marshal|Field|Senior|Dr\.?|Mr\.?|{_PORTFOLIO_WORDS}|"
    rf"(?i:{_MODIFIERS}(?:{_OFFICE_ALTERNATION})))(?:,?\s+))*"
)
_OFFICE_IN_TITLE = re.compile(rf"\b(?:{_OFFICE_ALTERNATION})\b", re.I)
# Words a title written "X of Y" opens with ("Chief of Army Staff", "Minister of Foreign
# Affairs and Expatriates"), so that "Mnangagwa of Zimbabwe" is not read as one.
_TITLE_HEADS = (
    "Deputy|Vice|First|Acting|Chief|Head|Minister|Secretary|Director|Chairman|Chairwoman|"
    "President|Commander|Governor|Speaker|Member|Leader|Representative|Envoy|Adviser|Advisor|"
    "Federal|Special|Assistant|State"
)
_NAME_PARTICLE = rf"{HYPHENED_PARTICLE}|{_SPACED_PARTICLE}"
_MEMBER_PATTERN = (
    rf"(?:(?:the|his|her|their)\s+)?"
    # "Politburo members General Phan Van Giang"
    rf"(?:(?:[A-Z][\w-]*\s+)?members?\s+)?"
    rf"(?:(?:his|her|[A-Z][\w'’-]*['’]s)\s+(?:predecessor|successor|deputy|counterpart|aide|"
    rf"adviser|advisor|envoy|spokesman|spokeswoman)\s+)?"
    # "Myanmar's military ruler", "Armenian Prime Minister"
    # (not "Deputy" of "Deputy Prime Minister", "Foreign" of "Foreign Minister")
    rf"(?:(?!(?i:{_OFFICE_FIRST_WORDS})\b)"
    rf"[A-Z][\w-]*(?:['’]s)?\s+(?=(?i:{_MODIFIERS}(?:{_OFFICE_ALTERNATION}))\b))?"
    # "Chief of Army Staff Field Marshal Asim Munir": a title written as "X of Y"
    # ("Minister of Foreign Affairs and Expatriates Dr. Faisal al-Mekdad")
    # ("Federal Minister for Information and Broadcasting Attaullah Tarar", "Special
    # Assistant to the Prime Minister Tariq Fatemi")
    rf"(?P<title>(?:{_TITLE_HEADS})\s+(?:(?:{_TITLE_HEADS})\s+)?(?:of|for|to)\s+(?:the\s+)?"
    r"(?:(?:(?:[A-Z][\w-]*|and)\s+){1,4}(?=[A-Z])"
    # "Minister of Foreign Affairs, Emigration and Egyptian Expatriates, Dr. Badr Abdelatty":
    # commas inside the title, when an honorific shows where the name begins
    r"|(?:(?:[A-Z][\w-]*|and),?\s+){1,6}?(?=(?:Dr|Mr|Mrs|Ms|Prof)\.?\s)))?"
    # and a rank: "Field Marshal", "Lt Gen"
    r"(?:(?:Field\s+)?Marshal\s+|(?:(?:Lt\.?|Lieutenant|Major|Maj\.?|Senior|Brigadier|Brig\.?|Army)\s+)"
    r"{0,2}(?:General|Gen\.?)\s+|Admiral\s+|Colonel\s+|Col\.?\s+)?"
    # "Energy and Natural Resources Minister Alparslan Bayraktar": a portfolio and a title
    rf"(?:(?!(?i:{_MODIFIERS}(?:{_OFFICE_ALTERNATION}))\s)"
    rf"(?:(?:{_PORTFOLIO_WORDS})\s+(?:and\s+)?){{1,4}}(?:Minister|Secretary)\s+(?=[A-Z]))?"
    rf"(?:(?i:{_MODIFIERS})(?P<office>(?i:{_OFFICE_ALTERNATION}))s?\s+"
    # "Deputy Prime Minister and Foreign Minister Ishaq Dar"
    rf"(?:and\s+(?i:{_MODIFIERS})(?P<office2>(?i:{_OFFICE_ALTERNATION}))\s+)?)?"
    # an honorific, then the name ("O Su Yong": a one-letter family name; "Faisal al-Mekdad",
    # "Mansour bin Zayed": a particle before the family name)
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+|Sheikh\s+)?"
    rf"(?P<name>(?:[A-Z][\w'’-]*\s+){{NAME_WORDS}}(?:{_NAME_PARTICLE})?[A-Z][\w'’-]+)"
)
# A member's name: two to four words ...
_MEMBER = re.compile(_MEMBER_PATTERN.replace("{NAME_WORDS}", "{1,3}"))
# ... or one, taken only when it is someone's name ("and by Lavrov").
_MEMBER_ONE_WORD = re.compile(_MEMBER_PATTERN.replace("{NAME_WORDS}", "{0}"))
# "Cyril Ramaphosa of South Africa, Emmerson Mnangagwa of Zimbabwe and ...": a member's
# country after the name.
_OF_PLACE = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,4})?"
# Between members: a comma, "and", "as well as", or the semicolons of state-media lists.
_SEPARATOR = r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*,?\s+as well as\s+)(?:by\s+|with\s+)?"
_MEMBER_SEP = re.compile(_OF_PLACE + _SEPARATOR)
_MEMBER_GAP = re.compile(
    _OF_PLACE
    # an appositive: ", the commissioner for culture,", ", Minister of National Defence,",
    # "..., members of the Political Bureau and vice-chairmen of the Central Committee;"
    # (one that opens in lower case is never the next member)
    + r"(?:,\s+(?:[a-z]|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+of\s)"
    r"[^,;.]{0,110}(?=[,;]))?" + _SEPARATOR
)


def delegation(text, offset, people, places, exclude, country) -> list[PersonMention]:
    """ "accompanied by Foreign Minister Sergei Lavrov, by Andrei Belousov, ... and by
    Belousov's predecessor Sergei Shoigu": the people listed travel with the visitor.
    Those the text gives no country are of `country`, the visitor's."""
    out: list[PersonMention] = []
    for m in _DELEGATION.finditer(text):
        for member in listed_people(text, offset, people, places, m.end(), country):
            if all(member.start != v.start for v in (*exclude, *out)):
                out.append(member)
    return out


def listed_people(text, offset, people, places, pos, country=None) -> list[PersonMention]:
    """The people of a list starting at `pos` ("A, B and C"), with their offices; names the
    dictionary does not know are taken only in a list, with `country` when given."""
    out: list[PersonMention] = []
    taken = [(pl.start - offset, pl.end - offset) for pl in places]
    while True:
        item = _MEMBER.match(text, pos) or _MEMBER_ONE_WORD.match(text, pos)
        if item is None:
            break
        start, end = item.span("name")
        office = item.group("office")
        role = OFFICES.get(office.lower()) if office else None
        if role is None and item.group("title"):
            # "Minister of Foreign Affairs, Emigration and ...": the office the title opens with
            titled = _OFFICE_IN_TITLE.match(item.group("title"))
            role = OFFICES.get(titled.group().lower()) if titled else None
        if item.group("office2"):
            second = OFFICES.get(item.group("office2").lower())
            if second is not None and (role is None or ROLE_RANK[second] > ROLE_RANK[role]):
                role = second  # "Deputy Prime Minister and Foreign Minister": the higher
        known = next((p for p in people if p.start - offset < end and start < p.end - offset), None)
        if known is not None:
            end = max(end, known.end - offset)
            member = dataclasses.replace(
                known,
                country=known.country or (None if known.leader_id else country),
                text_role=known.text_role or role,
            )
        elif (
            country is None
            # one word is a name only when it is someone's ("and by Lavrov")
            or " " not in item.group("name")
            or any(s < end and start < e for s, e in taken)
            or any(w.lower() in _NON_NAME_WORDS for w in item.group("name").split())
        ):
            break  # a place or an institution, not a person
        else:
            name = item.group("name")
            member = PersonMention(
                start + offset, end + offset, name, None, country, role, "pattern"
            )
        out.append(member)
        # The next member right after the separator ("..., Chief of Army Staff Field Marshal
        # Asim Munir"), else an appositive first (", Minister of National Defence, and").
        gap = _MEMBER_SEP.match(text, end)
        if gap is None or _MEMBER.match(text, gap.end()) is None:
            gap = _MEMBER_GAP.match(text, end)
        if gap is None:
            break
        pos = gap.end()
    return out


def _name_tokens_at(
    text, tokens: list[Token], pos: int, offset: int, covered, place_at
) -> list[Token]:
    """Up to six capitalised tokens written as one name starting at `pos` ("Prince Khalid bin
    Salman bin Abdulaziz Al Saud": a title and links inside)."""
    idx = next((k for k, t in enumerate(tokens) if t.start == pos), None)
    if idx is None:
        return []
    out: list[Token] = []
    capitals = 0
    for k in range(idx, min(idx + 7, len(tokens))):
        t = tokens[k]
        if out and not t.capitalised and t.key in _NAME_LINKS:
            # "Khalid bin Salman bin Abdulaziz": a link inside the name, if a name part follows
            if (
                k + 1 < len(tokens)
                and tokens[k + 1].capitalised
                and joined(text, tokens, k - 1, k + 1, offset)
            ):
                continue
            break
        if not t.capitalised or t.key in _NON_NAME_WORDS or t.start in place_at:
            break
        if any(s <= t.start < e for s, e in covered):
            break
        if (
            out
            and not joined(text, tokens, k - 1, k, offset)
            and tokens[k - 1].key not in _NAME_LINKS
        ):
            break
        out.append(t)
        capitals += 1
        if t.possessive or capitals == 6:
            break
    while out and out[-1].key in _NAME_LINKS:
        out.pop()  # "... Abdulaziz Al" cut short: not a name's last part
    return out


def refers_to_someone(text: str) -> bool:
    """Whether a sentence has a pronoun or "the president" that could name a traveller."""
    return bool(_PRONOUN_SUBJECT.search(text) or _PLURAL_SUBJECT.search(text))


def pronoun_subject(text: str, before: int) -> str | None:
    """ "one" or "two" when the words before `before` refer back to one or two people."""
    window = text[max(0, before - 60) : before]
    if _PLURAL_SUBJECT.search(window):
        return "two"
    if _PRONOUN_SUBJECT.search(window):
        return "one"
    return None


# "His envoy Steve Witkoff", "Trump's special envoy Steve Witkoff" (the name after) and
# "Steve Witkoff, Trump's special envoy," (the name before).
# People who act for someone else: "Trump's special envoy", "his aide".
AGENT_NOUNS = "envoy|aide|adviser|advisor|emissary|negotiator"
_ENVOY = re.compile(
    r"\b(?P<owner>[Hh]is|[Hh]er|[A-Z][\w'’.-]*['’]s)\s+(?:(?:special|personal|chief|top|"
    rf"senior|national security|foreign policy|presidential)\s+)?(?:{AGENT_NOUNS})\b"
)


# "Richard Grenell, US President Donald Trump's special envoy": the name, then the titles
# written before the owner.
_ENVOY_GATE = KeywordSet(("nvoy", "aide", "dviser", "dvisor", "missary", "egotiator"))
# Capitalised words that open a sentence but no name.
_NOT_NAME_OPENERS = frozenset("yesterday today tonight meanwhile later earlier also".split())
_NAME_BEFORE_OWNER = re.compile(
    r"((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+),\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}$"
)


def _envoys(text, offset, tokens, people, places, leaders, day, memory) -> None:
    """Someone named as a leader's envoy or aide is of that leader's country."""
    covered = [(p.start, p.end) for p in people] + [(pl.start, pl.end) for pl in places]
    place_at = {pl.start: pl for pl in places}
    for m in _ENVOY.finditer(text):
        owner = m.group("owner")
        owner_end = m.start("owner") + len(owner) - 2 + offset
        country = None
        owner_start = m.start("owner")
        if owner.lower() in ("his", "her"):
            subject = memory.last_subject
            country = _country_of(subject, leaders, day) if subject is not None else None
        else:
            named = next((p for p in people if p.end == owner_end), None)
            if named is not None:
                country = _country_of(named, leaders, day)
                owner_start = named.start - offset  # "Donald Trump's", not "Trump's"
            else:
                place = next((pl for pl in places if pl.end == owner_end), None)
                country = place.place.country if place is not None else None
        if country is None:
            continue
        after = _GAP.match(text, m.end()).end()
        name_tokens = _name_tokens_at(text, tokens, after + offset, offset, covered, place_at)
        if len(name_tokens) < 2:
            # "Steve Witkoff, Trump's special envoy,": the name before the comma.
            before = _NAME_BEFORE_OWNER.search(text, max(0, owner_start - 80), owner_start)
            if before is None:
                continue
            # "Yesterday Richard Grenell, ...", "On Friday Richard Grenell, ...": the name is
            # the run's last capitalised words, past any that name no one.
            run = [
                t for t in tokens if before.start(1) + offset <= t.start < before.end(1) + offset
            ]
            while run and (run[0].key in _NON_NAME_WORDS or run[0].key in _NOT_NAME_OPENERS):
                run.pop(0)
            name_tokens = (
                _name_tokens_at(text, tokens, run[0].start, offset, covered, place_at)
                if run
                else []
            )
            if len(name_tokens) < 2:
                continue
        mention = _pattern_mention(text, offset, name_tokens, country, VisitorRole.OTHER_OFFICIAL)
        people.append(mention)
        covered.append((mention.start, mention.end))


def _country_of(person: PersonMention, leaders, day) -> str | None:
    if person.country is not None:
        return person.country
    if person.leader_id is None:
        return None
    term = leaders.people[person.leader_id].office_on(day)
    return term.country if term is not None else None


def _pattern_mention(text, offset, name_tokens, country, role) -> PersonMention:
    """Someone outside the dictionary, known only from "[country] [office] [Name]"."""
    start, end = name_tokens[0].start, name_tokens[-1].end
    return PersonMention(
        start, end, text[start - offset : end - offset], None, country, role, "pattern"
    )
