# ruff: noqa: RUF001 - typographic quotes are matched on purpose: news copy uses them.
"""`Extractor.extract_visits(article) -> list[Visit]`: pure, deterministic, no I/O.

Flow for one article:
  body -> sentences (offsets kept)                           sentences.py
  sentence -> triggers (every sentence, first: cheap)         status.py
  sentence -> people + places (dictionary, patterns, coref)   people.py
              (only up to the last sentence with a trigger)
  trigger -> (visitors, host, status, date)                   this module
  candidates -> one Visit per (visitor, host, status)         this module
                (past visits on different dates, or "twice", stay apart)

Cost: every sentence is tokenised and scanned for names, because the article's
memory (who "he" and "Lukashenko" are) is built from all of them; the regexes
behind each trigger, date and status rule run only when a substring gate (one
Aho-Corasick pass over the lower-cased sentence) says they could match.
`bench/bench_extract.py` measures articles/s for visit-heavy and ordinary copy.
"""

import dataclasses
import gc
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from models import Article, Evidence, Visit, VisitorRole, VisitStatus
from streams.extraction.dates import (
    CALENDAR_WORDS,
    FULL_MONTHS,
    DateMention,
    ResolvedDate,
    find_dates,
    resolve,
)
from streams.extraction.leaders import LEADER_DATA_FROM, LeaderDictionary
from streams.extraction.people import (
    AGENT_NOUNS,
    HYPHENED_PARTICLE,
    ArticleMemory,
    PersonMention,
    PlaceMention,
    delegation,
    listed_people,
    pronoun_subject,
    refers_to_someone,
    remember_people,
    scan,
)
from streams.extraction.places import Gazetteer, Place, PlaceKind
from streams.extraction.sentences import Sentence, dateline, split_sentences
from streams.extraction.status import (
    AFTER_SINCE,
    ARRIVAL_WORDS,
    HABITUAL,
    NEGATED,
    NEGATED_PLAN,
    Trigger,
    TriggerKind,
    clause_before,
    find_triggers,
    is_background,
    is_negative_context,
    modal_status,
)
from streams.extraction.text import KeywordSet, inner_words, phrase_key, with_first_char_test

LEAD_SENTENCES = 2
_MADE = frozenset({VisitStatus.OCCURRING, VisitStatus.PAST})  # trips that happened
_TERM_SLACK_DAYS = 183
_BACKGROUND_DAYS = 3
_RECENT_DAYS = 30  # a past trip further back than this is not the news trip told again
_STILL_THERE_DAYS = 2  # an arrival this recent, told in the pluperfect, is still the news
# Heads of state and government are listed from 2000 on (every office from 2020 on,
# leaders.LEADER_DATA_FROM); this long after every listed office of theirs, a person
# travels for no country (Antonio Guterres for the UN).
HEADS_LISTED_FROM = date(2000, 1, 1)
_OUT_OF_OFFICE_DAYS = 730
# Lower-case words written inside names and place names.
_NAME_PARTICLES = frozenset(
    "and of the da de do dos das del della di du des la le el al ibn bin binti bint van von der "
    "den ter y e et ul ud".split()
)
# A name between commas after a lower-case word: "of a former premier, Choe Yong Rim, ..."
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|any|no|every)\s+$", re.I)
_AFTER_COMMA = re.compile(r"[a-z],\s+$")
_APPOSITIVE_AROUND = re.compile(r"\s*,")
_LIVE = frozenset({VisitStatus.OCCURRING, VisitStatus.PLANNED})
_TO_THE_COUNTRY = re.compile(r"\s*to\s+the\s+(?:country|kingdom|republic|island)\b", re.I)
_HEADING_DATE = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:\s*[-–]\s*\d{1,2})?"
)
_HEADING = re.compile(
    rf"\s*(?:{_HEADING_DATE},\s+[A-Z][\w'’ .-]{{1,40}}?(?:\s+and\s+[A-Z][\w'’ -]{{1,30}})?"
    rf"|[A-Z][\w'’ -]{{1,40}}?,\s+{_HEADING_DATE})\.\s*"
)
_IN_AT_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
_BECAME_RANKED = re.compile(
    r"(?:,\s+[^,]{1,60},)?\s+(?:became|becomes|was|is|has become)\s+(?:the|only the)\s+"
    r"(?:first|last|only|second|third|latest)\b"
)
_EVENT_NOUN = re.compile(r"\b(?:summit|talks|forum|conference|visit|ceremony|inauguration)\b", re.I)
_OPENS_WITH_PRONOUN = re.compile(r"^\W*(?:\w+\s+){0,4}?(?:he|she|his|her)\b", re.I)
_PREPOSITION = re.compile(r"\b(?:to|in|into|at|for|inside|on to|onto)\b", re.I)
_ORIGIN = re.compile(r"\bfrom\b", re.I)
_CLAUSE_BREAK = re.compile(
    r"[;:—–()]|,\s*(?:and|but|while|whereas|which|who|as|after|before|where|when)\b"
)
_HERE = re.compile(r"^\s+(?:\w+\s+){0,2}?here\b", re.I)
_DEMONYM_PLACE = re.compile(
    r"^\s+(?:capital|city|port|resort|town|island|border city|seaport|region|province|soil|"
    r"territory|side|far east|far north|north|south|east|west|north-east|north-west|"
    r"south-east|south-west|northeast|northwest|southeast|southwest|coast|mainland|"
    r"interior|countryside)\b",
    re.I,
)
_CONJOINED = re.compile(
    r"^\s*(?:,|and|&|,\s*and|as well as|along with|together with)\s+"
    r"(?:(?:the\s+)?[A-Z][\w'’.-]*\s+){0,5}(?:the\s+)?"  # "Poland, the Czech Republic"
    rf"(?:{HYPHENED_PARTICLE})?$"  # "al-Sharaa and al-Shaibani": the particle
)
_PAST_TENSE = re.compile(
    r"\b(?:\w+ed|went|came|flew|met|held|had|made|paid|began|left|set|was|were|toured|led|"
    r"took|spent|attended|hosted|saw)\b",
    re.I,
)
# Arriving needs no place: the dateline or the article's host tells where.
_ARRIVAL = re.compile(
    r"^(?:arriv|land|touch|fl(?:ew|ies|y) in|came|went|visit|followed|made|paid|make|pay|"
    r"(?:has|have|had)\s+(?:also\s+)?been|(?:is|are)\s+(?:also\s+)?(?:expected|due)|"
    r"(?:led|lead|leads|leading|confirm\w*)\b)",
    re.I,
)
_INFINITIVE = re.compile(r"\bto\s+$", re.I)
_RELATIVE_WHO = re.compile(r",\s*(?:who|whose)\s+(?:[\w'’-]+\s+){0,5}$", re.I)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whose|which)\b[^,;:]{0,200},", re.I)
# ... and one closed just before a point, up to four words back
_CLOSED_RELATIVE = re.compile(_RELATIVE_CLAUSE.pattern + r"\s*(?:\w+\s+){0,4}$", re.I)
# The date between a place and ", where": "visited the Congo on Monday, where ...".
_WHEN_BEFORE_WHERE = re.compile(
    rf"\s+(?:on|in|last|this|early|late)\s+(?:the\s+)?(?:{CALENDAR_WORDS}|weekend|week)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?"
)
# A place followed by a verb is its government acting: "when Washington and Hanoi lifted".
_PLACE_AS_SUBJECT = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)?\s+(?:(?:has|have|had)\s+)?"
    r"(?:[a-z]+ed|said|says|say|agreed|signed|upgraded|lifted|sent|told|wants|hopes|was|were|"
    r"is|are|has|have)\b"
)
_KOREA = re.compile(r"\bNorth Korea|\bPyongyang\b|\bDPRK\b")
# "the North", "the North's": not "the North Atlantic", "the North-South talks".
_THE_NORTH = re.compile(r"\bthe (North)(['’]s)?(?![\w-]| [A-Z])")
_SEQUENCER = re.compile(r"\b(?:after|before|following|ahead of)\b", re.I)
_TOOK_SOMEONE = re.compile(
    r"(?:took|takes|has taken|had taken|will take|is taking)\s+(?:him|her|them|(?P<name>[A-Z]))"
)
_LAST_WEEK = re.compile(r"\b(?:last week|earlier (?:this|in the) week)\b", re.I)
# "Putin then flew to Hanoi", "travelled on to Vietnam": the next leg of the reported trip.
_ONWARD = re.compile(
    r"\b(?:then|later|afterwards|subsequently)\s+(?:\w+\s+){0,1}?(?:flew|travell?ed|went|"
    r"headed|moved|continued|left|arrived|landed|proceeded)\b|"
    r"\b(?:flew|travell?ed|went|headed|moved|continued|proceeded|pressed)\s+on\s+to\b|"
    r"\bnext stop\b|\bfrom there\b",
    re.I,
)
# The words before a trip noun (its own first words included): ", a", ", on a".
# Between a trigger that made a trip and a trip noun naming it again: " Moscow " of "to visit
# Moscow on a bilateral trip".
_SAME_TRIP_GAP = re.compile(r"\s+(?:to\s+)?(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s+")
_APPOSITIVE_TRIP = re.compile(
    r",\s+(?:on\s+|during\s+)?(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?$", re.I
)
_OPENS_PARTICIPLE = re.compile(r"(?:,|\b(?:after|before|while|since))\s*$")
_LEADING_PARTICIPLE = re.compile(r",\s+[a-z]+ing\s[^,;:]*$")
# "... and flew to Moscow", "..., then go on to El Salvador": the last verb's subject
_AND_VERB = re.compile(r"(?:\band\s+(?:then\s+|later\s+|also\s+)?|,\s+then\s+)$")
_SUBORDINATE_BEFORE = re.compile(r"\b(?:since|because|although|though|whereas|overthrew|ousted)\b")
_HE_SHE = re.compile(r"\b(?:he|she)\b")
_SENT_OR_REPRESENTED = re.compile(r".*\brepresented|sen[dt]s?\b|dispatch", re.I)
_SENDER_GAP = re.compile(r"(?:['’]s\s+\w+)?\s*")  # "Russia [was represented]", "China's government"
_BY_OR_ITS = re.compile(r"\s*(?:by\s+)?(?:(?:its|their)\s+)?")
# "Steve Witkoff, Trump's special envoy, has landed": Trump is not the one who landed.
_POSSESSOR_OF_AGENT = re.compile(
    rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{AGENT_NOUNS}|"
    r"spokes(?:man|woman|person)|wife|husband|son|daughter)\b",
    re.I,
)
_TOPIC_POSSESSOR = re.compile(r"\b(?:over|about|on|against|regarding|with)\s+(?:the\s+)?$", re.I)
_TOPIC_BEFORE = re.compile(
    r"\b(?:over|against|about|towards?|regarding|with|than|between|of)\s+(?:the\s+)?$", re.I
)
_COME_FROM = re.compile(r"\s+(?:in\s+)?from\b", re.I)
_HAD_ARRIVED = re.compile(rf"\bhad\s+(?:already\s+|just\s+)?(?:{ARRIVAL_WORDS}|flown in)\b", re.I)
_ACCOMPANIED_BEFORE = re.compile(r"\b(?:accompanied|joined)\s+(?:\w+\s+){0,3}$", re.I)
_SWING = re.compile(
    r"\b(?:tour|trip|swing|journey)\s+(?:that|which)\s+(?:also\s+)?$|\balso\s+$", re.I
)
_PRONOUN_OBJECT = re.compile(r"\s+(?:him|her)\b")
_PAST_HOST = re.compile(r"(?:hosted|received|welcomed|greeted)$", re.I)
_NOT_A_MEMBER = re.compile(r"\b(?:with|met|by|than|against|to)\s+(?:\w+\s+){0,3}$", re.I)
_WHERE_BEFORE = re.compile(r",\s+where\s+(?:[\w'’-]+\s+){0,8}$", re.I)
_FIRST_SINCE = with_first_char_test(re.compile(r"\bfirst\b[^.;]{0,80}?\bsince\s+$", re.I))
# "the first trip there by a US secretary of state since 2018": the earlier trip was
# some holder of the office, not necessarily this visitor.
_RANKED_BY_CLASS = re.compile(r"\bby\s+(?:a|an|any)\s", re.I)
# "analysts believe X could visit": a possibility someone raises is no plan.
_SPECULATION = with_first_char_test(
    re.compile(r"\b(?:could|may|might)\s+(?:yet\s+|still\s+|also\s+|soon\s+)?$", re.I)
)
# "while still commander-in-chief": the text says the office differed at the time.
_THEN_OFFICE = with_first_char_test(
    re.compile(
        r"\b(?:while still|then|at the time|before becoming|as)\s+(?:the\s+|a\s+)?(?:army\s+|"
        r"military\s+)?"
        r"(?:commander|general|chief|deputy|governor|mayor|official|defence minister|"
        r"defense minister)",
        re.I,
    )
)
_DATE_LIST_JOIN = re.compile(
    r"^[\s,]*(?:and|as well as|then)?\s*(?:again\s+)?(?:to\s+[^,;]{0,60}?)?\s*(?:on|in)?\s*$", re.I
)
# "the first foreign leader to visit Myanmar": an infinitive that reports a real trip.
_RANKED_INFINITIVE = with_first_char_test(
    re.compile(r"\b(?:first|only|last|second|third)\b[^,;]{0,60}\bto\s+$", re.I)
)
_WAS_BEFORE = with_first_char_test(re.compile(r"\b(?:was|is|were|remains|remained)\s+$", re.I))
_AGENT = re.compile(r"\bby\s+(?:[A-Z][\w'’.-]*\s+){0,4}$")
# "accepted an invitation from Kim to visit Pyongyang": the host invites, the guest travels.
_INVITATION_OF = re.compile(r"['’]s\s+(?:\w+\s+)?invitation\b", re.I)
_INVITER = re.compile(r"\b(?i:invitations?\s+(?:from|of))\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}$")
# "talks with Putin during his visit": whom the subject met is not who travelled.
_SENDS = re.compile(
    r"(?:.*\brepresented|.*\b(?:led|headed)\s+$|among\b|sen[dt]s?|dispatch|"
    r",?\s*as (?:is|are|was|were|did)|guests|attendees|(?:also\s+)?on the (?:guest )?list|"
    r"br(?:ought|ings|inging) together|from\b.*\bcame|(?:the\s+)?others|also\s+(?:around|at)\b|"
    r"participants|invitees|dignitaries|(?:other\s+)?(?:leaders|heads of state|heads of government)"
    r"\s+(?:at|attending|present|in attendance))",
    re.I,
)
_SENDS_OR_LIST = with_first_char_test(
    re.compile(r"\b(?:represented|sent|dispatched|attending|as is)\b", re.I)
)
_COMPANION = re.compile(r"\bwith\s+(?:[A-Z][\w'’.-]*\s+){0,4}$")
_SINCE = re.compile(r"\bsince\b", re.I)
# "..., officials said on Monday": when it was said, not when anyone travelled.
_ATTRIBUTION = with_first_char_test(
    re.compile(
        r"\b(?:said|says|told|announced|reported|added|confirmed|showed)\s+(?:\w+\s+)?$", re.I
    )
)
_CALENDAR_KINDS = frozenset(
    {
        "day_month",
        "month_day",
        "iso",
        "month_year",
        "month_year_of",
        "month_last_year",
        "month_this_year",
        "rel_month",
        "day_of_month",
        "weekend",
    }
)
_TOPIC = re.compile(r"\b(?:on|about|over|against)\s", re.I)
_CLAUSE_NEGATION = with_first_char_test(
    re.compile(
        r"\b(?:did not|didn't|does not|doesn't|will not|won't|would not|wouldn't|has not|hasn't|"
        r"have not|haven't|had not|hadn't|never|no plans? to|not)\b",
        re.I,
    )
)
_PERFECT_NEGATION = re.compile(r"\b(?:has|have|had)(?:\s+not|n't)\s+(?:\w+\s+)?$", re.I)
# "... since January 2020", "since 2019": a dated last time (not "since the coup")
_SINCE_WHEN = re.compile(
    rf"[^,.;]{{0,50}}?\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{FULL_MONTHS})\b|(?:19|20)\d\d\b)"
)
_FUTURE_AFTER_NOUN = re.compile(
    r"[^,.;]{0,50}?\b(?:will|would|is\s+(?:expected|scheduled|due|set|slated)\s+to)\s+be\b", re.I
)
# What may stand before a person in a gapped list: ", Pakistan's caretaker Prime Minister"
_GAPPED_BEFORE = re.compile(r"(?:,|\band)\s+(?:[\w'’-]+\s+){0,5}$")
_BACK = re.compile(r"\s+back\b(?!\s+(?:home|to|from)\b)")
_IN_THE_CAPITAL = re.compile(r"\s+the\s+(?:[A-Z][a-z]+\s+)?(?:capital|city)\b")
_OWN_TRIP_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|journey|stay)s?\s+(?:to|in)\b", re.I
)
_YEAR_BEFORE_NOUN = re.compile(
    r"(?:['’]s|\b(?:the|his|her|their|its|a))\s+((?:19|20)\d\d)\s+(?:[a-z-]+\s+){0,2}$"
)
_NOUN_PAST = re.compile(r"\b(?:was|were|last|previous)\b", re.I)
_PAST_COPULA = with_first_char_test(re.compile(r"\b(?:was|were|became|had been)\b", re.I))
_MULTIPLE = {
    "twice": 2,
    "two times": 2,
    "three times": 3,
    "two trips": 2,
    "two visits": 2,
    "three trips": 3,
    "three visits": 3,
}
_MULTIPLE_RE = with_first_char_test(re.compile(r"\b(?:" + "|".join(_MULTIPLE) + r")\b", re.I))
# Patterns used inline by the rules below, compiled once here rather than looked up
# in re's cache on every call.
# "a forum hosted by X" (not "received a delegation led by X", whose "by" is "led"'s)
_PARTICIPLE_BY = re.compile(r"\s+(?:(?!(?:led|headed|accompanied)\b)[\w'’-]+\s+){0,6}?by\b")
_TRAILING_CAPITALS = with_first_char_test(re.compile(r"(?:[A-Z][\w'’.-]*\s+)+$"))
_BEFORE_LEG = with_first_char_test(re.compile(r"\bbefore\s+(?:[\w'’-]+\s+){0,2}$", re.I))
_HOSTED_BY = re.compile(
    r"\b(?:hosted|organi[sz]ed|convened|arranged|brokered)\s+by\s+(?:the\s+)?$", re.I
)
_WITH_AFTER = re.compile(r"\s+(?:on \w+\s+)?(?:together\s+)?with\s+", re.I)
_BY_AGENT = re.compile(
    # "the visit by Viktor Orban", "the state visit to Viet Nam by General Secretary and
    # President Xi Jinping": the agent after the noun, or after its destination.
    r"(?:\s+to\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)?"
    r"\s+by\s+(?:the\s+)?(?:(?:[A-Z][\w'’.-]*|and)\s+){0,6}"
)
# "the day before Russian troops crossed into Ukraine": a verb with a subject of its own.
_GROUP_SUBJECT = with_first_char_test(
    re.compile(
        r"\b(?:troops|forces|soldiers|units|officials|delegates|delegations|envoys|diplomats|teams|"
        r"workers|tourists|visitors|pilgrims|refugees|militants|rebels|fighters|protesters|police|"
        r"investors|businessmen|executives|journalists|instructors|advisers|advisors|experts|"
        r"specialists|mercenaries|contractors|peacekeepers|personnel|crews|athletes|students|"
        r"companies|they|we|it)\s+(?:\w+\s+)?$",
        re.I,
    )
)
# "... before Russian troops crossed into Ukraine": the place of another verb.
_GOVERNED_BY_VERB = with_first_char_test(
    re.compile(
        r"\b(?:[a-z]+ed|flew|went|came|ran|moved|poured|swept)\s+(?:in|into|to|inside|onto|across)\s+"
        r"(?:the\s+)?$"
    )
)
_AT_FOR_ON = re.compile(r"(?:at|for|on)\b", re.I)
_THERE = re.compile(r"\bthere\b")
_TRIP_NOUN_END = with_first_char_test(
    re.compile(r"(?:visit|trip|tour|stay|voyage|journey|mission|stop|stopover|travel)s?$", re.I)
)
_DURING = re.compile(r"during\b", re.I)
_LOCATIVE_BEFORE = with_first_char_test(
    re.compile(r"\b(?:in|to|at|into|inside|onto)\s+(?:the\s+)?$", re.I)
)
_DATELINE_PARTS = re.compile(r"[,/]")
_NEW_CLAUSE_AFTER = re.compile(r"\s*(?:he|she|they|it|[A-Z])")
_ON_OR_ORDINAL_BEFORE = with_first_char_test(
    re.compile(r"\b(?:on|during|first|second|third)\b[^,;]{0,30}$", re.I)
)
_IS_ARE_BEFORE = re.compile(r"\b(?:is|are)\s+$")
# A place named inside another clause ("since judges in The Hague ...", "that Washington's
# sanctions ...") is not where the trigger's traveller went.
_OTHER_CLAUSE = with_first_char_test(
    re.compile(r"\b(?:since|that|which|because|although|though|until|unless|whose)\b", re.I)
)
# "the conflict in Syria", "the war in Ukraine": a topic, not a destination.
_TOPIC_PLACE = with_first_char_test(
    re.compile(
        r"\b(?:war|wars|conflict|crisis|fighting|invasion|occupation|situation|peace|unrest)\s+"
        r"(?:in|of|on|over)\s+(?:the\s+)?$",
        re.I,
    )
)
# A possessive place is a destination only as the object of the preposition
# ("to Russia's Far East"); elsewhere it owns something ("Washington's sanctions").
_GOVERNED = re.compile(r"\b(?:to|in|into|at|inside|onto|for)\s+(?:the\s+)?$", re.I)
# "The visit comes days after X made a trip to Moscow": the news follows that trip.
_SOME_TIME_AFTER = with_first_char_test(
    re.compile(
        r"\b(?:days|weeks|months|hours|a day|a week|a month|shortly|soon|just|only)\s+after\b",
        re.I,
    )
)
# Taking part from one's own office or palace: the event came to them.
_REMOTE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?from\s+(?:home\b|(?:the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:room|office|residence|house|palace|headquarters|study|desk|bunker|capital)s?\b)",
    re.I,
)
# "..., Moscow said": a capital standing for its government speaks; nobody went there.
_SPEAKER = re.compile(r"\s+(?:said|says|told|announced|confirmed|reported|added)\b")
_ON_THE = re.compile(r"\bon\s+the\s+$", re.I)
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b")
# "expected at the parade": what follows the preposition is where, not a direct object.
_ENDS_IN_PREPOSITION = re.compile(r"\b(?:in|on|at|to)$", re.I)
_FIRST_BEFORE = with_first_char_test(re.compile(r"\bfirst\b", re.I))
# "... to Syria since Mahmoud Ahmadinejad": a place, then "since" and a name.
_SINCE_NAME = re.compile(r"[^,;]{0,60}?\bsince\s+", re.I)
# "since Mahmoud Ahmadinejad, who dined in Damascus": a name, told apart from "since World
# War Two" by what follows it (a relative clause, a year, a verb of travel).
_HOLDER_ENDS = re.compile(
    r",\s*who\b|\s+in\s+\d{4}\b|\s+(?:was|went|came|visited|travelled|traveled|attended)\b"
)
_EARLIER_HOLDER = re.compile(
    r"((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+)(?=" + _HOLDER_ENDS.pattern + ")"
)
_AS_IS = re.compile(r",?\s*as (?:is|are|was|were|did)\b", re.I)
_DATED_LIST_JOIN = re.compile(
    r"\s+(?:on|in)\s+[\w ]{3,25}?\s*(?:,|and|,\s*and|then|and then)\s*(?:to\s+|in\s+)?(?:the\s+)?",
    re.I,
)
_LEG_DATE_GAP = re.compile(r"\s+(?:on|in)?\s*")
_FRONTED_LOCATIVE = re.compile(
    r"\W*(?:(?:later|earlier|then|also|and)\s+)?(?:in|at|while in|when in|once in)\s+(?:the\s+)?",
    re.I,
)
_ITINERARY_VERB = re.compile(r"(?:took|takes|has taken|had taken|will take|is taking)\s", re.I)
_TO_UNKNOWN = re.compile(
    r"\s*to\s+(?:(?:the\s+)?(?!(?:President|Prime|King|Queen|Mr|Mrs|Ms|Dr|Chancellor|Premier|"
    r"Emir|Sheikh|Crown|Prince|Supreme|Foreign|General|North|South|East|West|Kremlin)\b)"
    r"[A-Z][\w'’-]+"
    # "had been to his main military backers": a destination, but not a place
    r"|(?:his|her|their|its)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\b(?!\s+[A-Z]))"
)
# "envoys from the United States, Britain and France": every place of the list is an origin.
_ORIGIN_LIST = re.compile(r"\bfrom\s+(?:(?!\b(?:to|for|into|in|at|on)\b)[^.;:])*$", re.I)
# "a visit by special envoys" (an agent), not "a visit by train" (a means of travel)
_NOT_TRANSPORT = (
    r"(?!(?:(?:an?|the)\s+)?(?:special\s+|armou?red\s+)?(?:train|car|road|air|plane|aircraft|"
    r"helicopter|sea|boat|ship|rail|motorcade|land|bus|jet|flight)\b)"
)
_BY_ANYONE = re.compile(r"\s*by\s" + _NOT_TRANSPORT, re.I)
_TO_PLACE_BY = re.compile(r"\s+to\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}?by\s" + _NOT_TRANSPORT)
# ", deepening a rift between Yerevan and ...": a participle clause of another action (not
# one that continues the trip: ", making his first trip to", ", becoming the first to visit").
_PARTICIPLE_CLAUSE = re.compile(
    r",\s+(?!(?:including|visiting|making|paying|arriving|travell?ing|flying|heading|becoming|"
    r"marking|landing|touring|stopping|returning|leaving|attending|going|coming|meeting|"
    r"holding|accompanying|joining|taking|spending|staying)\b)[a-z]+ing\b"
)
_AND_THEN = with_first_char_test(
    re.compile(r"(?:\b(?:and|or)\s+(?:then\s+|later\s+|also\s+)?|,\s+then\s+)(?:to\s+)?$", re.I)
)
_GAP_AFTER = re.compile(r"[\s,:]*")
_HIS_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,4}$", re.I)
_HELD_BEFORE = with_first_char_test(
    re.compile(
        r"\b(?:held|holds|hold|holding|had)\s+(?:(?:his|her|their|a|an|the)\s+)?"
        r"(?:(?:only|first|second|third|last|latest|previous)\s+)?$",
        re.I,
    )
)
# "Peskov said the visit would include talks": the speaker, not the traveller.
_SPEECH_BETWEEN = with_first_char_test(
    re.compile(r"\b(?:said|says|told|announced|added|stated|insisted|noted)\b", re.I)
)
_HE_HIS = with_first_char_test(re.compile(r"\b(?:he|his|she|her|they|their)\b", re.I))
_IN_CAPITALISED = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:(?:city|town|resort|port|village|region|"
    rf"province|island|state) of\s+)?(?P<name>(?!(?:{CALENDAR_WORDS})\b)[A-Z][a-z]{{2,}})"
)
_RETURN_TRIP = with_first_char_test(
    re.compile(
        r"\b(?:return(?:s|ed|ing)? to|come back|go back|revisit|another (?:visit|trip)|"
        r"second (?:visit|trip))\b",
        re.I,
    )
)
_PRESENT_AFTER_NAME = re.compile(
    r"\s+(?:(?:and|&)\s+(?:(?:his|her|their)\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]*){0,3}\s+)?"
)
_VIRTUAL_EVENT = re.compile(
    r"\b(?:virtual|online|video(?:-|\s)?(?:link|conference)|videoconference)\s+"
    r"(?:format|summit|meeting|forum|conference|session|gathering)\b|"
    r"\b(?:summit|meeting|forum|conference)\s+(?:was|is|will be|would be)\s+(?:held\s+)?"
    r"(?:online|virtually|by video)\b",
    re.I,
)
_DELEGATION_HEAD = re.compile(
    r"\b(?:delegation|team|group|party|mission)\b[^;:]{0,80}?\b(?:headed|led)\s+by\s+", re.I
)
_HEAD_NAME = re.compile(r"(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+")
_TOUR_OF = re.compile(r"\s*(?:of|through|across)\s+(?:the\s+)?$", re.I)
# A bulleted list of someone's trips: the line that opens it, and its items.
_LIST_INTRO = re.compile(
    r"\b(?:trips?|visits?|travels?|journeys|tours?|been)\b[^.]{0,40}(?::|\?)\s*$", re.I
)
_LIST_ITEM = re.compile(r"[-•*–]\s+(?P<head>[^:]{3,90}):")
_ITEM_TRIP = re.compile(r"\b(?:tour|visit|trip|swing|stops?)\s+(?:of|to|in|through)\s+", re.I)
_ITEM_PLACE_LIST = re.compile(r"[^.;:]*")
_UNFULFILLED_PLAN = with_first_char_test(
    re.compile(
        r"\b(?:had been (?:due|expected|scheduled|set|slated)|was (?:to|due to|supposed to)|"
        r"were (?:to|due to)|would have been)\b",
        re.I,
    )
)
_HYPOTHETICAL = with_first_char_test(
    re.compile(
        # "has said whether either leader will attend"
        r"\b(?:(?:could|would|might|may)\s+come\s+when|only if|if|unless|whether)\s+"
        r"(?:[\w'’.-]+\s+){1,4}$",
        re.I,
    )
)
# A trip ending: "returned", "flew home", "came back".
_RETURN = re.compile(
    r"return(?:s|ed|ing)\b|(?:fl(?:ew|ies|ying)|head(?:s|ed|ing)|went|came|travell?ed)\s+"
    r"(?:home|back)\b",
    re.I,
)
# Between a return and the place it left: "home from", "to Minsk on Friday from the".
_RETURN_FROM = re.compile(
    r"(?:\s+(?:home|back))?(?:\s+to\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))?"
    r"(?:\s+(?:on|late|early|overnight)\b[\w ]{0,20}?)?\s+from\s+(?:the\s+|a\s+|his\s+|her\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:(?:visit|trip|tour|summit)\s+(?:to|in)\s+(?:the\s+)?)?",
    re.I,
)
_FROM_BEFORE = re.compile(r"(?:\s+(?:in|late|early|on)\b[\w ]{0,20}?)?\s+from\s+(?:the\s+)?", re.I)
_IN_ADVERB = re.compile(r"\s+in\s+(?:from|on|late|early|overnight|aboard|on board)\b", re.I)
_POSTED_TO = re.compile(
    r"\b(?:ambassador|envoy|representative|consul|charg[eé] d'affaires|delegate)s?\s+"
    r"(?:(?:general|extraordinary|plenipotentiary)\s+)?(?:to|in)\s+(?:the\s+)?$",
    re.I,
)
# Present-tense departures, which copy uses for the schedule ahead.
_ONWARD_PRESENT = re.compile(r"(?:flies|travels|heads|leaves|goes|departs|moves on)", re.I)
_PRESENT_SIMPLE = re.compile(
    r"(?:flies|travels|heads|leaves|goes|visits|arrives|departs|returns|moves on)", re.I
)
# A trip noun, then the present tense of its start: "visit to Myanmar begins on".
_BEGINS = re.compile(
    r"[^,.;]{0,50}?\b(?:begins|starts|opens|kicks off|gets under way|gets underway)\b", re.I
)
_LEG_APPOSITIVE = re.compile(
    r",\s+(?:the|its|his|her)\s+(?:[\w-]+\s+){0,2}?(?:stop|leg|destination|part)\s+(?:of|on)\s+"
    r"(?:the|his|her|a|an|this)\s+(?:[\w-]+\s+){0,2}?$",
    re.I,
)
_WHO_AND_THEN = re.compile(
    r",\s*who\s+[^,;:]{0,160}?\b(?:and|then|and then)\s+(?:also\s+|later\s+|later\s+on\s+)?$",
    re.I,
)
_FOR_EVENT = re.compile(r"(?:for|to attend)\s", re.I)
_PLACE_LIST_JOIN = re.compile(
    r"\s*(?:,|and|,\s*and|then|and then|and on to|then on to)\s*(?:to\s+)?(?:the\s+)?", re.I
)


@lru_cache(maxsize=16)
def _preposition_ending(preps: tuple[str, ...]) -> re.Pattern[str]:
    """Text ending in one of `preps`, an optional "the" and at most one more word."""
    return re.compile(rf"\b(?:{'|'.join(preps)})\s+(?:the\s+)?(?:[\w'’-]+\s+)?$", re.I)


_NON_PLACE_OBJECT = re.compile(
    r"^\s+(?:(?:the|a|an|his|her|their|its|some|several)\s+)?(?!(?:in|on|last|this|earlier|twice|"
    r"again|there|for|during|with|and|briefly|next|at|from|to|since|as|after|before|when|while|"
    r"in|days?|weeks?|months?|years?|recently|only|once|three|two|later|too|also|again|"
    r"separately|alone|together|first|late|early|overnight|shortly|just)\b)[a-z]"
)


@dataclass(slots=True)
class _Candidate:
    visitor: PersonMention
    visitor_country: str
    role: VisitorRole
    host: str
    place: str | None
    status: VisitStatus
    strong: bool  # status read from explicit words, not from a default
    event_date: date | None
    sentence: Sentence
    confidence: float
    count: int = 1  # "visited Belarus twice": two past visits
    dated: bool = True  # event_date read from the text, not defaulted to publication
    date_precision: Literal["day", "month"] = "day"  # "month": the text named only the month


@dataclass(frozen=True)
class Extractor:
    leaders: LeaderDictionary
    gazetteer: Gazetteer
    # Lower-case words that occur inside names; other lower-case words are skipped early.
    inner_words: frozenset[str] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "inner_words",
            _NAME_PARTICLES & inner_words(list(self.leaders.names) + list(self.gazetteer.names))
            # Arabic names link their parts ("Khalid bin Salman") whoever the dictionary holds
            | {"bin", "ibn", "bint"},
        )

    @classmethod
    def load(cls, leaders_dir: Path, reference_dir: Path | None = None) -> "Extractor":
        gazetteer = Gazetteer.load(reference_dir) if reference_dir else Gazetteer.load()
        extractor = cls(LeaderDictionary.load(leaders_dir), gazetteer)
        # The reference data lives as long as the process. Left to the cyclic garbage
        # collector, every full collection walks it again: about a third of extraction
        # time (bench/bench_extract.py). Frozen, it is out of the collector's reach and
        # still freed by reference counting.
        gc.collect()
        gc.freeze()
        return extractor

    @classmethod
    def from_settings(cls, settings) -> "Extractor":
        return cls.load(Path(settings.leaders_dir))

    # --- the pure function -------------------------------------------------
    def extract_visits(self, article: Article) -> list[Visit]:
        if article.language != "en":
            return []  # the rules read English news copy; other languages yield nothing
        body = article.body
        line = dateline(body)
        # "today", "on Wednesday" count from the dateline's day when it gives one ("Asmara,
        # 10 October 2024 -" in the next morning's paper), else from publication.
        published = _dateline_day(body, line, article.published_at.date())
        dateline_country = self._dateline_country(line[0]) if line else None
        sentences = split_sentences(body)
        if line and sentences and sentences[0].start < line[1] < sentences[0].end:
            first = sentences[0]
            sentences[0] = Sentence(0, line[1], first.end, body[line[1] : first.end])

        # Triggers first: they are cheap to find, and no sentence after the last one
        # with a trigger can yield a visit, so those are never scanned for names.
        lowered = [s.text.lower() for s in sentences]
        triggers = [find_triggers(s.text, low) for s, low in zip(sentences, lowered, strict=True)]
        # "He is accompanied by ..." and "- June 2022, Ankara: ..." yield visits with no
        # trigger of their own.
        company = [
            _DELEGATION_GATE.any_in(low) and _COMPANY_SENTENCE.search(s.text) is not None
            for s, low in zip(sentences, lowered, strict=True)
        ]
        last_with_trigger = max(
            (
                k
                for k, found in enumerate(triggers)
                if found or company[k] or _LIST_ITEM.match(sentences[k].text)
            ),
            default=-1,
        )

        memory = ArticleMemory()
        list_subject: PersonMention | None = None  # whose trips a bulleted list lists
        # "chaired the summit in a virtual format": attending it took no travel.
        virtual = _mentions_virtual(body) and _VIRTUAL_EVENT.search(body) is not None
        candidates: list[_Candidate] = []
        last_host: str | None = dateline_country
        article_host: str | None = None  # host of the first occurring visit: the news event
        lead_event_host: str | None = None  # where the lead's summit or talks take place
        live_host: str | None = None  # host of the latest trip made now or planned
        context_place: str | None = None
        # "March 20-22, Moscow." opening a paragraph of a year's review: where and when the
        # paragraph's trips went
        heading: tuple[str, date | None] | None = None
        # "his only trip to the North": in copy about Korea, North Korea.
        the_north = (
            self.gazetteer.lookup("north korea", "North Korea") if _KOREA.search(body) else None
        )
        for k in range(last_with_trigger + 1):
            sentence = sentences[k]
            people, places = scan(
                sentence.text,
                sentence.start,
                self.leaders,
                self.gazetteer,
                memory,
                published,
                self.inner_words,
            )
            if the_north is not None and "the North" in sentence.text:
                places = _with_the_north(sentence, places, the_north)
            if sentence.start == 0 or body[sentence.start - 1] == "\n":
                heading = self._heading(sentence, places, published)
                if heading is not None:
                    continue  # the heading itself tells no trip
            found = self._sentence_visits(
                sentence,
                lowered[k],
                triggers[k],
                people,
                places,
                memory,
                published,
                dateline_country,
                (heading[0] if heading else None) or last_host or context_place,
                article_host,
                virtual,
                lead_event_host,
                live_host,
            )
            if heading is not None:
                found = [_under_heading(c, heading, published) for c in found]
            if sentence.text[-1] in ":?" and _LIST_INTRO.search(sentence.text):
                list_subject = memory.last_subject  # "His main trips abroad:"
            elif not _LIST_ITEM.match(sentence.text):
                if sentence.start == 0 or body[sentence.start - 1] == "\n":
                    list_subject = None  # a new paragraph ends the list
            elif list_subject is not None and not found:
                # "- June 2023, Ankara: Erdogan's swearing-in": each item is one of his trips.
                found = self._list_item(sentence, places, list_subject, published)
            if candidates and company[k]:
                # "A and B ... are travelling with the president on the visit": the visit
                # the sentence names is the one already told; the companions join it.
                had = {_person_key(c) for c in found}
                companions = [
                    c
                    for c in self._company(sentence, people, places, memory, candidates, published)
                    if _person_key(c) not in had
                ]
                # a companion the list named may be named again later ("Foreign Minister Badr
                # Abdelatty visited Asmara in September")
                remember_people(memory, [c.visitor for c in companions])
                found = found + companions
            if k < LEAD_SENTENCES and lead_event_host is None and _EVENT_NOUN.search(sentence.text):
                # "The Caspian summit opened in Ashgabat": where the news happens, even before
                # anyone is named arriving there.
                lead_event_host = next(
                    (
                        pl.place.country
                        for pl in places
                        if not pl.used_for_person and pl.place.kind != PlaceKind.DEMONYM
                    ),
                    None,
                )
            if article_host is None:
                article_host = next(
                    (c.host for c in found if c.status is VisitStatus.OCCURRING), None
                )
            candidates.extend(found)
            live = [c for c in found if c.status in _LIVE]
            if live:
                live_host = live[-1].host
            # Where the article now is: a trip made, not one planned or called off.
            made = [c for c in found if c.status in _MADE]
            if made:
                last_host = made[0].host
            # "an unannounced stop in the capital": the place the article last named.
            named = [
                pl for pl in places if not pl.used_for_person and pl.place.kind != PlaceKind.DEMONYM
            ]
            if named:
                context_place = named[-1].place.country
            # "He" in the next sentence is this sentence's subject: its first
            # named person, unless it already opened with a pronoun.
            # "Born ... the adopted daughter of a former premier, Choe Yong Rim, Choe studied
            # abroad": a name set off as an appositive is not the sentence's subject.
            subjects = [
                p
                for p in people
                if (
                    not _APPOSITIVE_AROUND.match(sentence.text, p.end - sentence.start)
                    or not _AFTER_COMMA.search(sentence.text, 0, p.start - sentence.start)
                )
                # "the first by a British monarch since ...": an office in general, nobody
                and not (
                    p.source == "office"
                    and _INDEFINITE_BEFORE.search(sentence.text, 0, p.start - sentence.start)
                )
            ] or [p for p in people if p.source != "office"]
            if (
                subjects
                # "He met Lavrov", not "General Tiani made his first trip": a pronoun
                # before the first name
                and not _OPENS_WITH_PRONOUN.match(
                    sentence.text, 0, subjects[0].start - sentence.start
                )
                # "On Tuesday, before going to the Kremlin, he held talks with Shoigu": the
                # pronoun before the first name is the subject, whom it already refers to.
                and not _HE_SHE.search(sentence.text, 0, subjects[0].start - sentence.start)
                # "It is the general's fourth trip since the army overthrew Aung San Suu
                # Kyi's government": a possessive inside a subordinate clause is nobody's
                # subject.
                and not (
                    sentence.text.startswith(("'s", "’s"), subjects[0].end - sentence.start)
                    and _SUBORDINATE_BEFORE.search(
                        sentence.text, 0, subjects[0].start - sentence.start
                    )
                )
            ):
                memory.last_subject = subjects[0]
        return self._merge(article, candidates, published)

    def _heading(self, sentence, places, published) -> tuple[str, date | None] | None:
        """ "March 20-22, Moscow." / "Hanoi, December 12-13.": a place and a date alone."""
        if _HEADING.fullmatch(sentence.text) is None:
            return None
        named = [pl for pl in places if pl.place.kind != PlaceKind.DEMONYM]
        if not named:
            return None
        dates = find_dates(sentence.text, sentence.text.lower())
        day = resolve(dates[0], published, False, past=True).day if dates else None
        return named[0].place.country, day

    def _list_item(self, sentence, places, subject, published) -> list[_Candidate]:
        """One item of a bulleted list of someone's trips: "- September 2019, Moscow: talks
        with Putin", "- June 2022: a two-week tour of Turkey, Algeria and Iran"."""
        text, off = sentence.text, sentence.start
        head = _LIST_ITEM.match(text)
        head_end = head.end("head")
        in_head = [pl for pl in places if pl.start - off < head_end and not pl.used_for_person]
        targets = [pl for pl in in_head if pl.place.kind != PlaceKind.DEMONYM]
        if not targets:
            # No place before the colon: the places the item's trip noun leads to.
            tour = _ITEM_TRIP.search(text, head_end)
            if tour is None:
                return []
            targets = [
                pl
                for pl in places
                if pl.start - off >= tour.end() and pl.place.kind != PlaceKind.DEMONYM
            ]
            listed = _ITEM_PLACE_LIST.match(text, tour.end()).group()
            targets = targets[: len(re.split(r",|\band\b", listed))]
        # "Argyle, St Vincent and the Grenadines": the country settles the city.
        countries = [pl.place.country for pl in targets if pl.place.is_country] or [
            pl.place.country for pl in targets
        ]
        dates = find_dates(text[:head_end], text[:head_end].lower())
        when = resolve(dates[0], published, False) if dates else None
        resolved = self._resolve(subject, (when.day or when.approx) if when else published, None)
        if resolved is None:
            return []
        country, role = resolved
        status = VisitStatus.PAST if when is None or when.tense <= 0 else VisitStatus.PLANNED
        out = []
        for host in dict.fromkeys(countries):
            if host == country:
                continue
            out.append(
                _Candidate(
                    subject,
                    country,
                    role,
                    host,
                    None,
                    status,
                    True,
                    when.day if when else None,
                    sentence,
                    0.7,
                    1,
                    when is not None and when.day is not None,
                    when.precision if when else "day",
                )
            )
        return out

    def _company(self, sentence, people, places, memory, candidates, published) -> list[_Candidate]:
        """ "He is accompanied by Foreign Minister Sergei Lavrov and ...": the people listed
        join the latest trip of the sentence's subject, with its host, status and date."""
        text, off = sentence.text, sentence.start
        m = _COMPANY_SENTENCE.search(text)
        listed_first = False  # the companions open the sentence, before the verb
        if m.group("are"):
            companions = None
            listed_first = True
            after = [p for p in people if p.start - off >= m.end()]
            subject = after[0] if after else memory.last_subject
        elif m.group("who"):
            # "Jaishankar, who is travelling with the prime minister, said": the person
            # before "who" came along on the trip of the one after "with" (or the last).
            companions = [p for p in people if 0 <= m.start() + off - p.end <= 1]
            after = [p for p in people if p.start - off >= m.end()]
            subject = after[0] if after else memory.last_subject
        else:
            named = [p for p in people if p.end - off <= m.start()]
            subject = named[0] if named else memory.last_subject
            companions = None
        # "The Eritrean delegation includes ...": the trip of that country's visitor.
        of_country = next(
            (
                pl.place.country
                for pl in places
                if text.startswith(" delegation", pl.end - off)
                and pl.place.kind == PlaceKind.DEMONYM
            ),
            None,
        )
        if of_country is not None:
            base = next(
                (
                    c
                    for c in reversed(candidates)
                    if c.visitor_country == of_country and c.status in _MADE
                ),
                None,
            )
            subject = base.visitor if base is not None else None
        if subject is None:
            return []
        key = subject.leader_id or phrase_key(subject.name)
        trips = [c for c in reversed(candidates) if _person_key(c) == key]
        # The trip being reported, before any earlier one the same sentence recalled.
        base = next((c for c in trips if c.status is VisitStatus.OCCURRING), None) or next(
            iter(trips), None
        )
        if base is None:
            return []
        if listed_first:
            # "Foreign Minister Osman Saleh and Zemede Tekle, the commissioner, are ..."
            companions = listed_people(text, off, people, places, 0, base.visitor_country)
        elif companions is None:
            companions = delegation(text, off, people, places, [subject], base.visitor_country)
        # "flying to Bamako ... and continuing to Ouagadougou. He was accompanied by General
        # Mody": every leg the sentence told, not only the last.
        legs = {
            c.host: c
            for c in reversed(trips)
            if c.sentence.index == base.sentence.index and c.status is base.status
        }
        out = []
        for p in companions:
            for leg in legs.values():
                resolved = self._resolve(p, leg.event_date or published, leg.host, text)
                if resolved is None or resolved[0] == leg.host:
                    continue
                country, role = resolved
                out.append(
                    dataclasses.replace(
                        leg,
                        visitor=p,
                        visitor_country=country,
                        role=role,
                        sentence=sentence,
                        confidence=round(leg.confidence * 0.9, 2),
                        count=1,
                    )
                )
        return out

    # --- one sentence ------------------------------------------------------
    def _sentence_visits(
        self,
        sentence,
        lowered: str,
        triggers: list[Trigger],
        people,
        places,
        memory,
        published,
        dateline_country,
        last_host,
        article_host=None,
        virtual: bool = False,
        lead_event_host: str | None = None,
        live_host: str | None = None,
    ) -> list[_Candidate]:
        text = sentence.text
        off = sentence.start
        if not triggers:
            return []
        if (
            not people
            and not refers_to_someone(text)
            and not _SENDS_OR_LIST.search(text)
            and not ("by" in text and _DELEGATION_HEAD.search(text))
        ):
            return []  # nobody to have travelled: no name, no "he", no "they", no "led by"
        negative = is_negative_context(text, lowered)
        speculative = "could" in lowered or "may" in lowered or "might" in lowered
        clause_starts = _next_clause_starts(triggers, len(text))
        # Found when the first trigger gets this far: most stop earlier (no visitor or host).
        dates: list[DateMention] | None = None
        out: list[_Candidate] = []
        prev_subject: list[PersonMention] = []
        prev_status: VisitStatus | None = None
        prev_status_at = 0  # where the trigger that set it starts
        prev_default_past = False  # whether that status was a guess from a bare past tense
        made_by = -1  # the last trigger that made a trip
        prev_trigger_subject: list[PersonMention] = []  # subject, not object, of the last one
        local_host = last_host
        for n, trig in enumerate(triggers):
            if (
                trig.kind is TriggerKind.HOST
                and not _SENDS.match(trig.text)
                and _PARTICIPLE_BY.match(text[trig.end :])
            ):
                continue  # "a forum hosted by X": a participle, the host follows "by"
            before = text[max(0, trig.start - 40) : trig.start]
            ruled_out = NEGATED_PLAN.search(before) is not None
            if (
                not ruled_out
                and (
                    NEGATED.search(before)
                    or _CLAUSE_NEGATION.search(clause_before(text, trig.start, 60))
                )
                # "has not set foot in Turkey since January 2020": not since then, but then
                and not (_PERFECT_NEGATION.search(before) and _SINCE_WHEN.match(text, trig.end))
            ):
                continue
            # "met Putin at the summit in Sochi in July 2023": a phrase naming the event
            # is part of this trigger's clause, so the date after it is still this trip's.
            next_start = clause_starts[n + 1]
            ranked = trig.kind in (
                TriggerKind.TRAVEL,
                TriggerKind.VISIT,
            ) and _RANKED_INFINITIVE.search(text[max(0, trig.start - 80) : trig.start])
            subject = self._subject(
                text, off, trig, people, memory, bool(ranked), prev_subject, places
            )
            inherited = False  # the subject is an earlier verb's: its objects are not visitors
            if (
                not subject
                and prev_subject
                and trig.kind in (TriggerKind.TRAVEL, TriggerKind.VISIT, TriggerKind.TALKS)
                and not _GROUP_SUBJECT.search(text, max(0, trig.start - 40), trig.start)
            ):
                # "He attended ..., and returned to Moscow in July", "..., and had already
                # met Putin at a summit in Sochi": a verb with no subject shares the last one.
                subject = prev_subject
            if prev_trigger_subject and (
                (
                    trig.text.endswith("ing")
                    and _OPENS_PARTICIPLE.search(text, max(0, trig.start - 8), trig.start)
                )
                or _AND_VERB.search(text, max(0, trig.start - 16), trig.start)
                # ", becoming the first Asian leader to visit both": a participle clause's
                # infinitive or noun (a finite verb in it has a subject of its own)
                or (
                    not trig.finite
                    and _LEADING_PARTICIPLE.search(text, max(0, trig.start - 100), trig.start)
                )
            ):
                # "he became the first to meet Putin, flying to Moscow after a stop in Kyiv",
                # "travelled to Kyiv to meet Zelenskiy and flew to Moscow": a participle after
                # a comma, or a verb after "and", has the last verb's subject, not its object.
                subject = prev_trigger_subject
                inherited = True
            elif (
                prev_trigger_subject
                and not trig.finite
                and n > 0
                and trig.kind is TriggerKind.VISIT
                and not any(triggers[n - 1].end + off <= p.start < trig.start + off for p in people)
            ):
                # "flying to Moscow after a stop in Kyiv": the trip noun with nobody named
                # since the last verb is that verb's subject's.
                subject = prev_trigger_subject
            if subject:
                prev_trigger_subject = subject
            if not subject and trig.kind is TriggerKind.TRAVEL:
                took = _TOOK_SOMEONE.match(trig.text)
                if took is not None:
                    if took.group("name"):
                        # "a tour that took Wang to Paris": the person named after "took".
                        subject = [
                            p for p in people if p.start == trig.start + took.start("name") + off
                        ]
                    else:
                        # "a tour that took him to Paris": whom "him" refers to.
                        named = {
                            p.leader_id or p.name: p for p in people if p.end <= trig.start + off
                        }
                        if len(named) == 1:
                            subject = list(named.values())
                        elif memory.last_subject is not None:
                            subject = [memory.last_subject]
            if (
                n > 0
                and made_by == n - 1
                and trig.kind is TriggerKind.VISIT
                and (
                    _APPOSITIVE_TRIP.search(
                        text[max(0, trig.start - 40) : trig.start]
                        + trig.text[: -len(trig.text.split()[-1])]
                    )
                    # "to visit Moscow on a bilateral trip": the noun names the same trip
                    or _SAME_TRIP_GAP.fullmatch(text, triggers[n - 1].end, trig.start)
                )
            ):
                # "when he came to Jeddah in July, a visit remembered for ...", "held talks in
                # the Kremlin, on a visit planned long before": the trip just told, not
                # another one; its own dates and tenses are of what the aside says.
                continue
            # Who and where first: most triggers name neither, and status is the costly part.
            visitors, hosts = self._visitors_and_host(
                text,
                off,
                trig,
                people,
                places,
                subject,
                dateline_country,
                local_host,
                memory,
                published,
                article_host,
                sentence.index == 0,
                live_host,
            )
            if inherited and trig.kind is TriggerKind.TALKS:
                # "sat down with Putin ..., a day after meeting Zelenskyy in Kyiv": Putin
                # met in the earlier clause is not at this meeting.
                visitors = [v for v in visitors if v in subject or v.start >= trig.end + off]
            if visitors:
                prev_subject = visitors
            if len(visitors) >= 2:
                memory.last_group = visitors
            if not visitors or not hosts:
                continue
            if trig.kind in _DELEGATION_KINDS and _DELEGATION_GATE.any_in(lowered):
                lead = self._resolve(visitors[0], published, None, text)
                if lead is not None:
                    visitors = visitors + delegation(text, off, people, places, visitors, lead[0])
            if "since" in lowered and "first" in lowered:
                if dates is None:
                    dates = find_dates(text, lowered)
                out.extend(
                    self._first_since_person(
                        text,
                        off,
                        trig,
                        visitors,
                        hosts[0],
                        people,
                        places,
                        dates,
                        published,
                        sentence,
                    )
                )
            # "the first time an Indian prime minister has travelled to Peru": an office in
            # general, not its holder's trip.
            if any(v.source == "office" for v in visitors):
                visitors = [v for v in visitors if not _generic_office(text, off, v)]
            if not visitors:
                continue
            named_subject = [p for p in subject if p.source != "office"]
            subject_end = named_subject[0].end - off if named_subject else None
            if speculative and _SPECULATION.search(text, max(0, trig.start - 20), trig.start):
                continue  # "X could visit Pyongyang": speculation, not a plan
            if _HYPOTHETICAL.search(text, max(0, trig.start - 60), trig.start):
                continue  # "the day could come when Kishida visits", "if Kishida visits"
            status = VisitStatus.CANCELLED if ruled_out else modal_status(text, trig, subject_end)
            strong = True
            if (
                status is VisitStatus.PLANNED
                and trig.kind in (TriggerKind.TALKS, TriggerKind.SUMMIT)
                and all(isinstance(h, _Inferred) for h in hosts)
            ):
                continue  # "is expected to meet X": a meeting; only "in <place>" makes it a trip
            if (
                negative
                and status is not VisitStatus.PLANNED
                and is_negative_context(
                    _after_last_sequencer(clause_before(text, trig.start, 90))
                    + text[trig.end : trig.end + 60]
                )
            ):
                continue  # "spoke by phone", "a video call": nobody travelled
            if trig.kind is TriggerKind.SUMMIT and _REMOTE.match(text, trig.end):
                continue  # "joined the meeting from the Roosevelt Room": took part from home
            clause = (
                clause_before(text, trig.start)
                + text[trig.start : self._clause_end(text, trig.end)]
            )
            if HABITUAL.search(clause) and status is not VisitStatus.PLANNED:
                continue
            if dates is None:
                dates = find_dates(text, lowered)
            near = self._nearest_date(text, dates, trig, next_start)
            if near is None and ranked:
                # "The last Pakistani prime minister to visit Moscow was Nawaz Sharif in
                # 1999": the date follows the person the sentence ranks.
                near = next((d for d in dates if d.start >= visitors[-1].end - off), None)
            default_past = False
            if status is None and prev_status is not None and _AS_IS.match(trig.text):
                if any(
                    m.start() < prev_status_at < m.end()
                    for m in _RELATIVE_CLAUSE.finditer(text, 0, trig.start)
                ):
                    # "Xi, who visited Moscow a year ago, sent a message, as did Kim": the
                    # same as the main verb, not as the aside's trip.
                    continue
                status = prev_status  # "X is expected in Moscow, as is Y": the same kind of trip
                default_past = prev_default_past
            if status is None:
                # "the only leader to set foot in ...": an infinitive without a plan is no trip,
                # unless it ranks a real one ("the first foreign leader to visit Myanmar").
                if _INFINITIVE.search(text[max(0, trig.start - 4) : trig.start]) and not ranked:
                    continue
                if not trig.finite and trig.kind is TriggerKind.SUMMIT:
                    resolved_near = resolve(near, published, False) if near else None
                    if resolved_near is None or resolved_near.tense == 0:
                        continue  # "talks with", "a meeting between": only a dated one is a trip
                    status = VisitStatus.PAST if resolved_near.tense < 0 else VisitStatus.PLANNED
                elif ranked:
                    status, strong = self._status_from_tense(
                        text, trig, near, published, sentence.index
                    )
                    if status is VisitStatus.OCCURRING and _PAST_COPULA.search(
                        text[max(0, trig.start - 80) : self._clause_end(text, trig.end) + 40]
                    ):
                        status = VisitStatus.PAST  # "the only leader to visit was Hun Sen"
                    strong = False  # a ranking sentence yields to a plain report of the trip
                elif (
                    not trig.finite
                    and trig.kind is TriggerKind.TRAVEL
                    and prev_status is VisitStatus.PLANNED
                    and _AND_THEN.search(text, max(0, trig.start - 20), trig.start)
                ):
                    status = prev_status  # "is expected to fly to Delhi, and then travel to Nepal"
                elif (
                    not trig.finite
                    and trig.kind is TriggerKind.TRAVEL
                    and subject
                    and _PRESENT_AFTER_NAME.fullmatch(text, subject[-1].end - off, trig.start)
                ):
                    # "Rishi Sunak and Akshata Murty land in Delhi": live copy's present tense.
                    status, strong = VisitStatus.OCCURRING, False
                elif not trig.finite and trig.kind in (TriggerKind.TRAVEL, TriggerKind.TALKS):
                    continue  # "their return", "to meet": a bare verb needs a modal
                elif not trig.finite:
                    if AFTER_SINCE.search(clause_before(text, trig.start, limit=40)):
                        if all(isinstance(h, _Inferred) for h in hosts):
                            continue  # "said before the visit": some visit, not this person's
                        status, strong = VisitStatus.PAST, False  # "after a visit to Pyongyang"
                    elif prev_status is not None and trig.kind is TriggerKind.VISIT:
                        status = prev_status  # "will fly to Colombo for a state visit to Sri Lanka"
                    else:
                        status, strong = self._status_of_noun(
                            text, trig, near, published, sentence.index
                        )
                    if status is None:
                        continue
                elif (
                    prev_status is not None
                    and trig.kind is TriggerKind.SUMMIT
                    and _FOR_EVENT.match(trig.text)
                    and n > 0
                    and trig.start - triggers[n - 1].end <= 40
                ):
                    # "is due in Russia for the BRICS summit": the purpose of that trip.
                    status, strong = prev_status, False
                elif (
                    prev_status is not None
                    and prev_status is not VisitStatus.PAST
                    and _BEFORE_LEG.search(text, max(0, trig.start - 40), trig.start)
                ):
                    # "made stops in Hanoi and Vientiane before arriving in Naypyidaw": the
                    # later leg of the trip the clause reports, not an earlier one.
                    status, strong = prev_status, False
                elif (
                    prev_status is VisitStatus.PAST
                    and (near is None or near.start < trig.start)  # no date of its own
                    and _PAST_TENSE.search(trig.text)
                    and _SWING.search(text, max(0, trig.start - 60), trig.start)
                ):
                    # "came to Asmara on January 26, ... as part of a swing that also took him
                    # to South Africa": more legs of the past trip just told.
                    status, strong = VisitStatus.PAST, False
                else:
                    status, strong = self._status_from_tense(
                        text, trig, near, published, sentence.index
                    )
                    default_past = not strong and status is VisitStatus.PAST
            resolved = (
                resolve(
                    near,
                    published,
                    status is VisitStatus.PLANNED,
                    past=status is VisitStatus.PAST and bool(_PAST_TENSE.search(trig.text)),
                )
                if near
                else None
            )
            if resolved is not None and status is VisitStatus.PLANNED and resolved.tense < 0:
                if (
                    trig.kind is TriggerKind.VISIT
                    and _TRIP_NOUN_END.search(trig.text.strip())
                    and near is not None
                    and near.groups.get("year")
                ):
                    # "will follow up on Xi's state visit to Myanmar in January 2020": the
                    # modal plans the follow-up; the visit has its own past date
                    status, strong = VisitStatus.PAST, True
                else:
                    resolved = None
            event_date = resolved.day if resolved else None
            precision = resolved.precision if event_date is not None else "day"

            prev_status, prev_status_at = status, trig.start
            prev_default_past = default_past
            role_day = event_date or (resolved.approx if resolved else None) or published
            if event_date is not None and precision == "month":
                # "in May 2012": the middle of the month stands for it better than its first
                # day when an office changed hands that month
                role_day = event_date.replace(day=15)
            extra_dates = (
                self._listed_dates(text, dates, near, trig, next_start, published)
                if (status is VisitStatus.PAST and near is not None)
                else []
            )
            since = self._first_since(text, trig, dates, published)
            count = self._multiplicity(clause) if status is VisitStatus.PAST else 1
            origin = self._origin(text, off, trig, places)
            leg_dates = self._leg_dates(text, dates, hosts, published, status)
            if leg_dates:
                extra_dates = []  # the listed dates are the legs'
            for host_place in hosts:
                host, place_name = host_place
                if (
                    (status is VisitStatus.PLANNED or virtual)
                    and isinstance(host_place, _Inferred)
                    and trig.kind is TriggerKind.SUMMIT
                ) or (
                    virtual
                    and isinstance(host_place, _Inferred)
                    and trig.kind is TriggerKind.HOST
                    and _SENDS.match(trig.text)
                ):
                    # "expected to address a forum": a plan needs its place written; so does
                    # attendance at an article's virtual summit, or being represented at it
                    # ("Argentina sent its foreign minister" to an online meeting).
                    continue
                local_host = host
                trip_status = status
                if default_past and host == (article_host or dateline_country or lead_event_host):
                    # "X also made the trip", "X also addressed the forum" under a VLADIVOSTOK
                    # dateline: a bare past tense about the article's own host is the news
                    # event, not background.
                    trip_status = VisitStatus.OCCURRING
                trip_date, trip_precision = event_date, precision
                leg = leg_dates.get(id(host_place))
                if leg is not None:
                    trip_date, trip_precision = leg.day, leg.precision
                dated = trip_date is not None
                if trip_date is None and trip_status is VisitStatus.OCCURRING:
                    trip_date = published
                for visitor in visitors:
                    if (
                        trig.kind is TriggerKind.SUMMIT
                        and isinstance(host_place, _Inferred)
                        and any(c.host == host and c.visitor is visitor for c in out)
                    ):
                        continue  # "who arrived in Tehran, joined the summit": the same trip
                    resolved_visitor = self._resolve(visitor, role_day, host, text)
                    if resolved_visitor is None:
                        continue
                    country, role = resolved_visitor
                    if country == host:
                        continue
                    conf = self._confidence(visitor, trig, sentence.index, strong)
                    trip = _Candidate(
                        visitor,
                        country,
                        role,
                        host,
                        place_name,
                        trip_status,
                        strong,
                        trip_date,
                        sentence,
                        conf,
                        count,
                        dated,
                        trip_precision,
                    )
                    out.append(trip)
                    made_by = n
                    # "in February 2019 and on May 8 last year": one past visit per date.
                    for extra in extra_dates:
                        out.append(
                            self._earlier_trip(
                                visitor,
                                (country, role),
                                host,
                                place_name,
                                extra,
                                published,
                                text,
                                sentence,
                                conf,
                            )
                        )
                    # "his first trip to China since April 2019": the earlier trip happened.
                    if since is not None and trip_status is not VisitStatus.PAST:
                        out.append(
                            self._earlier_trip(
                                visitor,
                                (country, role),
                                host,
                                None,
                                since,
                                published,
                                text,
                                sentence,
                                conf - 0.1,
                            )
                        )
                    # "Xi arrived late Tuesday from France": where he was before.
                    if (
                        trip_status in _MADE
                        and origin is not None
                        and origin[0]
                        not in (
                            country,
                            host,
                        )
                    ):
                        out.append(
                            dataclasses.replace(
                                trip,
                                host=origin[0],
                                place=origin[1],
                                status=VisitStatus.PAST,
                                strong=False,
                                event_date=None,
                                confidence=conf - 0.2,
                                count=1,
                                dated=False,
                                date_precision="day",
                            )
                        )
        return out

    def _return_from(self, text, off, trig, places) -> "_Leg | None":
        """ "returned home from Myanmar": the place after "from" within the return's clause."""
        for pl in places:
            rel = pl.start - off
            if rel < trig.end or rel > trig.end + 60:
                continue
            if _RETURN_FROM.fullmatch(text, trig.end, rel):
                host = self._host_candidate(text, off, pl)
                return _Leg(host, pl.end - off) if host is not None else None
        return None

    def _origin(self, text, off, trig, places):
        """The place an arrival came from ("arrived from Vilnius", "flew in from Jakarta")."""
        if trig.kind is not TriggerKind.TRAVEL or not _is_arrival(text, trig) or "from" not in text:
            return None
        for pl in places:
            rel = pl.start - off
            if trig.end <= rel <= trig.end + 40 and _FROM_BEFORE.fullmatch(text, trig.end, rel):
                return self._host_candidate(text, off, pl)
        return None

    def _earlier_trip(
        self, visitor, fallback, host, place, when, published, text, sentence, confidence
    ) -> "_Candidate":
        """A past trip of `visitor` to `host` dated `when`, role resolved for that date."""
        country, role = (
            self._resolve(visitor, when.day or when.approx or published, host, text) or fallback
        )
        return _Candidate(
            visitor,
            country,
            role,
            host,
            place,
            VisitStatus.PAST,
            True,
            when.day,
            sentence,
            confidence,
            date_precision=when.precision if when.day else "day",
        )

    def _subject(
        self,
        text,
        off,
        trig: Trigger,
        people,
        memory,
        ranked: bool = False,
        earlier: list | None = None,
        places=(),
    ) -> list[PersonMention]:
        """The traveller(s) named before the trigger in its clause, or the pronoun's referent."""
        if trig.kind is TriggerKind.VISIT:
            # "during Vladimir Putin's visit to Pyongyang", "on Xi Jinping's state visit": the
            # possessor inside the trip's words
            inside = [
                p
                for p in people
                if trig.start + off <= p.start < trig.end + off
                and text.startswith(("'s", "’s"), p.end - off)
            ]
            if inside:
                return inside[:1]
        if ranked:
            # "the only head of government to set foot in Myanmar was Hun Sen"
            after = [
                p
                for p in people
                if trig.end + off <= p.start
                and _WAS_BEFORE.search(self._before_person(text, off, p))
            ]
            if after:
                return after[:1]
            # "Nawaz Sharif became the first Pakistani prime minister to visit Belarus": the
            # one ranked is the subject of "became"/"was", not the office the rank names.
            ranked_as = _BECAME_RANKED.search(text, 0, trig.start)
            if ranked_as is not None:
                before = [
                    p for p in people if p.end <= ranked_as.start() + off and p.source != "office"
                ]
                if before:
                    return before[-1:]
        chained = _WHO_AND_THEN.search(text, 0, trig.start)
        if chained is not None:
            # "Orban, who met Putin in Moscow and then travelled to Beijing": Orban travelled.
            antecedent = [p for p in people if 0 <= chained.start() + off - p.end <= 2]
            if antecedent:
                return antecedent
        relative = _RELATIVE_WHO.search(text, 0, trig.start)
        if relative is not None:
            # "..., Cambodia's Hun Sen, who visited in 2022": the antecedent travelled.
            antecedent = [p for p in people if 0 <= relative.start() + off - p.end <= 2]
            if antecedent:
                return antecedent
        closed = _CLOSED_RELATIVE.search(text, 0, trig.start)
        if closed is not None:
            # "Raisi, who died in May, made an official visit": skip the relative clause.
            antecedent = [p for p in people if 0 <= closed.start() + off - p.end <= 2]
            if antecedent:
                return antecedent
        group = _GROUP_SUBJECT.search(text, max(0, trig.start - 40), trig.start)
        if group is not None and not any(group.start() <= p.start - off for p in people):
            return []  # "..., before Russian troops crossed into Ukraine": their own subject
        clause = clause_before(text, trig.start, limit=160)
        clause_start = trig.start - len(clause)
        before = [
            p
            for p in people
            if clause_start + off <= p.start
            and p.end <= trig.start + off
            and not _AGENT.search(text[max(0, p.start - off - 40) : p.start - off])
            and not _COMPANION.search(text[max(0, p.start - off - 40) : p.start - off])
            and not _INVITER.search(text[max(0, p.start - off - 40) : p.start - off])
            and not _INVITATION_OF.match(text, p.end - off)  # "Lukashenko's invitation"
            and not _POSSESSOR_OF_AGENT.match(text, p.end - off)
            and not _speaker_only(text, p.end - off, trig.start)
            # "to meet Mulino over Trump's demands, then go on to El Salvador": a possessor
            # inside an object phrase does not travel (but "Putin's plane landed" does)
            and not (
                trig.finite
                and _TOPIC_POSSESSOR.search(text, max(0, p.start - off - 20), p.start - off)
                and text.startswith(("'s", "’s"), p.end - off)
            )
        ]
        if not before:
            # "a delegation of the PRC headed by Li Qiang, premier of ..., arrived": its head.
            head = _DELEGATION_HEAD.search(text, 0, trig.start)
            if head is not None:
                led = [p for p in people if head.end() <= p.start - off < trig.start]
                if led:
                    return led[:1]
                named = _HEAD_NAME.match(text, head.end())
                country = self._delegation_country(text, off, places, head)
                if named is not None and country is not None:
                    # "A delegation of the Russian Federation headed by Dmitry Medvedev"
                    return [
                        PersonMention(
                            named.start() + off,
                            named.end() + off,
                            named.group(),
                            None,
                            country,
                            None,
                            "pattern",
                        )
                    ]
            refers = pronoun_subject(text, trig.start)
            if refers == "two":
                # "when both attended": the people of this sentence, else the last two named.
                here = list(earlier or [])
                for p in people:
                    if p.end <= trig.start + off and all(p is not q for q in here):
                        here.append(p)
                if len(here) >= 2:
                    return here
                return memory.last_group or memory.recent[-2:]
            if refers and earlier:
                return earlier[:1]  # "Putin was in Tehran, when he held talks": same sentence
            if refers:
                # "The trip was Putin's first since September, when he visited Mongolia":
                # the one person the sentence has named, before the last one's subject.
                named = {
                    (p.leader_id or p.name): p
                    for p in people
                    if p.end <= trig.start + off and p.source != "office"
                }
                if len(named) == 1:
                    return list(named.values())
            if refers and memory.last_subject is not None:
                return [memory.last_subject]
            return []
        if people[0] is not before[-1] and _SUBJECT_PRONOUN.search(
            text, before[-1].end - off, trig.start
        ):
            # "X met Y in the Kremlin and said he is due to travel to Kyiv": the pronoun,
            # not the last name, is the subject, and it refers to the sentence's subject.
            return [people[0]]
        chosen = [before[-1]]
        # "Mali's president, Colonel Assimi Goita, and Burkina Faso's Captain Ibrahim Traore
        # arrived": subjects joined by "and", across the comma that opened the clause.
        earlier_people = [p for p in people if p.end <= chosen[0].start and p is not chosen[0]]
        for p in reversed(earlier_people):
            if _CONJOINED.match(text[p.end - off : chosen[0].start - off]):
                chosen.insert(0, p)
            else:
                break
        return chosen

    @staticmethod
    def _delegation_country(text, off, places, head) -> str | None:
        """The country of "a delegation of the Russian Federation" / "a Chinese delegation"."""
        for pl in places:
            rel = pl.start - off
            if head.start() - 25 <= rel < head.end() and pl.place.kind >= PlaceKind.DEMONYM:
                return pl.place.country
        return None

    @staticmethod
    def _before_person(text: str, off: int, person: PersonMention) -> str:
        """Words before a person, less a possessive country and title ("was Cambodia's Hun Sen")."""
        window = text[max(0, person.start - off - 50) : person.start - off]
        return _TRAILING_CAPITALS.sub("", window)

    def _visitors_and_host(
        self,
        text,
        off,
        trig: Trigger,
        people,
        places,
        subject,
        dateline_country,
        local_host,
        memory,
        published: date,
        article_host: str | None = None,
        under_dateline: bool = False,
        live_host: str | None = None,
    ):
        """(visitors, [(host, place name)]) for one trigger; empty when either is unknown."""
        after_people = [p for p in people if p.start >= trig.end + off]
        clause_end = self._clause_end(text, trig.end)
        # Where the sentence names no place: the host the article is already about; not
        # where it names one the gazetteer does not know ("in the temple city of Bagan").
        fallback = _Inferred((local_host, None)) if local_host else None
        if fallback is not None and self._unknown_location(text, off, trig, places, clause_end):
            # An unknown name is more likely in the country the article is about than where
            # its last trip went.
            anchor = article_host or dateline_country or local_host
            fallback = _Inferred((anchor, None))
        if trig.kind is TriggerKind.HOST and _SENDS.match(trig.text):
            # "India was represented by X", "Iran sent its foreign minister, X", "as is X":
            # the person named after travelled to the place the article is about.
            visitors = self._first_group(
                text, off, [p for p in after_people if p.start < clause_end + off]
            )
            # "Among them were Zamir Kabulov, the Kremlin's envoy, and Thomas West, ...",
            # "brought together Brunei's Sultan Hassanal Bolkiah, who chairs the bloc, ...":
            # the list, appositives and all.
            listed = listed_people(
                text, off, people, places, _GAP_AFTER.match(text, trig.end).end()
            )
            if len(listed) > len(visitors):
                visitors = listed
            if trig.text[:5].lower() == "among":
                # "Among them were the US special representative for Afghanistan, Thomas
                # West, Russia's presidential envoy, Zamir Kabulov, and ...": titled names the
                # list reader stops at, each already known with a country.
                visitors = visitors + [
                    p
                    for p in after_people  # the list's ", and" ends no clause here
                    # "the presidents of Brazil, Lula; Argentina, Alberto Fernandez; ...":
                    # someone the dictionary knows has a country too
                    if (p.country is not None or p.leader_id is not None)
                    and all(p is not v for v in visitors)
                    and not _NOT_A_MEMBER.search(text, max(0, p.start - off - 30), p.start - off)
                ]
            if "represented" in trig.text.lower():
                # "China is represented by Li Qiang, and Russia by Sergei Lavrov": the verb
                # is not repeated, but every agent after "by" represents a country.
                visitors += [
                    p
                    for p in after_people
                    if all(p is not v for v in visitors)
                    and _AGENT.search(text[max(0, p.start - off - 40) : p.start - off])
                ]
            if not visitors and _SENT_OR_REPRESENTED.match(trig.text):
                # "Russia was represented by Vyacheslav Volodin, the speaker of the Duma",
                # "China sent Wang Dongming": a name the dictionary does not know, of the
                # country that sent them.
                sender = next(
                    (
                        pl.place.country
                        for pl in reversed(places)
                        if pl.end - off <= trig.start
                        and _SENDER_GAP.fullmatch(text, pl.end - off, trig.start)
                    ),
                    None,
                )
                if sender is not None:
                    start = _BY_OR_ITS.match(text, trig.end).end()
                    visitors = listed_people(text, off, people, places, start, sender)[:3]
            # Else the place the article is about, not where its last (past) trip went:
            # "China will be represented by Wang Yi" at the Jakarta meeting the story covers.
            # (the meeting whose arrivals were told last: "Blinken and Lavrov are due in
            # Jakarta. China will be represented by Wang Yi.")
            about = live_host or article_host or dateline_country
            host = (
                self._where_host(text, off, trig, places)
                or self._place_in(text, off, trig, places)  # "Among the leaders in Islamabad are"
                # "Pakistan sent Hina Rabbani Khar ... to Kabul"
                or (
                    self._place_after(text, off, trig, places, preps=("to",), window=120)
                    if _SENT_OR_REPRESENTED.match(trig.text)
                    else None
                )
                # "hosted an informal meeting in Pattaya ...: only Laos sent its minister"
                or self._place_before(text, off, trig, places, _locative_place)
                or (_Inferred((about, None)) if about else None)
                or fallback
            )
            return visitors, [host] if host else []
        if trig.kind is TriggerKind.HOST:
            # "welcomed the Afghan minister's rejection of ...": a possessive is not the guest.
            visitors = self._first_group(
                text,
                off,
                [
                    p
                    for p in after_people
                    if p.start < clause_end + off and not text.startswith(("'s", "’s"), p.end - off)
                ],
            )
            host = self._place_after(text, off, trig, places, preps=("in", "at", "to"))
            if host is None and subject:
                resolved = self._resolve(subject[0], published, None, text)
                host = (resolved[0], None) if resolved else None
            if (
                not visitors
                and subject
                and memory.last_subject is not None
                and all(_mention_key(memory.last_subject) != _mention_key(p) for p in subject)
                and _PAST_HOST.match(trig.text)
                and _PRONOUN_OBJECT.match(text, trig.end)
                and not _LIST_ITEM.match(text)
                and not any(p.end <= trig.start + off and p not in subject for p in people)
            ):
                # "Trump spent the morning with his hosts. President Trong welcomed him at
                # the palace": the guest is the last sentence's subject, the host the one
                # who received them.
                visitors = [memory.last_subject]
                return visitors, [host] if host else []
            if host is None:
                host = self._place_before(text, off, trig, places) or fallback
            return visitors, [host] if host else []
        if trig.kind is TriggerKind.RECEIVED_BY:
            host = (
                self._place_after(text, off, trig, places, require_prep=True)
                or self._where_host(text, off, trig, places)  # "Congo, where he was received"
                or self._locative(text, off, places, subject)
            )
            if host is None and after_people:
                resolved = self._resolve(after_people[0], published, None, text)
                host = (resolved[0], None) if resolved else None
            host = host or fallback
            return subject, [host] if host else []
        if trig.kind is TriggerKind.SUMMIT:
            after_people = [
                p
                for p in after_people
                if not _AGENT.search(text[max(0, p.start - off - 40) : p.start - off])
            ]
            if not trig.finite:
                # "a summit between Trump and Putin in Budapest": the people named inside;
                # "Kim held his only summit with Putin in Vladivostok": and its subject.
                # (not those of a participle clause after it: ", throwing Moon's effort ...")
                participle = _PARTICIPLE_CLAUSE.search(text, trig.end, clause_end)
                ends = participle.start() if participle else clause_end
                visitors = [p for p in after_people if p.start < ends + off]
                if subject and (
                    _HELD_BEFORE.search(text, max(0, trig.start - 30), trig.start)
                    # "Trump has called off his planned June 12 summit with Kim"
                    or _HIS_BEFORE.search(text, max(0, trig.start - 40), trig.start)
                ):
                    visitors = [*subject, *visitors]
                host = self._place_after(text, off, trig, places, preps=("in", "at"), window=120)
                return visitors, [host] if host else []
            host = (
                self._place_after(
                    text, off, trig, places, preps=("in", "at"), window=80, topical=True
                )
                or self._place_after(
                    text, off, trig, places, require_prep=True, window=50, topical=True
                )
                or self._place_in(text, off, trig, places)
                or self._where_host(text, off, trig, places)
                or self._hosted_by(text, off, trig, places)
                or fallback
            )
            if _AT_FOR_ON.match(trig.text):
                # "X held talks with Y on the sidelines of the summit": everyone in the clause.
                clause_start = trig.start - len(clause_before(text, trig.start, limit=200))
                visitors = [p for p in people if clause_start + off <= p.start < trig.start + off]
                with_list = _WITH_AFTER.match(text, trig.end)
                if with_list is not None:
                    # "shared the stage at the forum with A, B and C"
                    visitors += listed_people(text, off, people, places, with_list.end())
            else:
                visitors = subject or after_people
            return visitors, [host] if host else []
        if trig.kind is TriggerKind.TALKS:
            host = self._place_after(
                text, off, trig, places, preps=("in", "at", "outside", "near"), window=150
            )
            host = (
                host
                or self._where_host(text, off, trig, places)
                or self._hosted_by(text, off, trig, places)
            )
            if host is None and _THERE.search(text[trig.end : clause_end]):
                host = self._place_before(text, off, trig, places)  # "held talks there"
            if host is None:
                host = self._fronted_place(text, off, trig, places)  # "In Caracas he met ..."
            if (
                host is None
                and under_dateline
                and dateline_country is not None
                and dateline_country in (present := self._countries_of(people))
                # the sentence names no place elsewhere (it would say where they met); a
                # place of a participant's own country describes them ("Zhao Leji, chairman
                # of the National People's Congress of China")
                and all(
                    pl.used_for_person
                    or pl.place.kind == PlaceKind.DEMONYM
                    or pl.place.country == dateline_country
                    or pl.place.country in present
                    for pl in places
                )
            ):
                # "NAYPYITAW - Min Aung Hlaing met Lukashenko on Friday": the meeting the
                # dateline opens, with a leader of the dateline's country, took place there.
                host = _Inferred((dateline_country, None))
            if host is None:
                return [], []
            clause_start = trig.start - len(clause_before(text, trig.start, limit=160))
            host_at = next(
                (
                    pl.start
                    for pl in places
                    if pl.start >= trig.end + off and self._host_candidate(text, off, pl) == host
                ),
                clause_end + off,
            )
            visitors = list(subject)
            for p in people:
                if (
                    clause_start + off <= p.start < max(host_at, trig.end + off)
                    and all(p is not v for v in visitors)
                    and not _POSSESSOR_OF_AGENT.match(text, p.end - off)  # "Trump's envoy"
                ):
                    visitors.append(p)
            return visitors, [host]
        # TRAVEL / VISIT: the traveller is the subject, the place follows.
        noun = trig.kind is TriggerKind.VISIT and _TRIP_NOUN_END.search(trig.text.strip())
        hosts = self._places_after(
            text, off, trig, places, require_prep=trig.kind is TriggerKind.TRAVEL or bool(noun)
        )
        if _RETURN.match(text, trig.start):
            # "returned to Minsk from Myanmar", "flew home from Naypyitaw": the trip ending is
            # to the place it is left; the place returned to is home (a domestic leg).
            left = self._return_from(text, off, trig, places)
            if left is not None:
                hosts = [left, *hosts]
        if not hosts and fallback is not None and _IN_THE_CAPITAL.match(text, trig.end):
            hosts = [fallback]  # "is also in the capital": the city the article is in
        if (
            not hosts
            and fallback is not None
            and trig.text.lower() in ("came", "comes", "come")
            and _BACK.match(text, trig.end)
        ):
            hosts = [fallback]  # "He came back in June 2017": to where the story is
        if not hosts and _DURING.match(trig.text):
            return [], []  # "during his stay": the visit already reported
        if _TO_THE_COUNTRY.match(text, trig.end):
            # "work with Myanmar to follow up on Xi's state visit to the country": the country
            # the sentence named before
            named = self._place_before(text, off, trig, places, _country_place)
            if named is not None:
                hosts = [named]
        if not hosts and _TO_UNKNOWN.match(text, trig.end):
            return [], []  # "his second trip to Africa": a destination, but no country
        if (
            noun
            and _LEG_APPOSITIVE.search(text, max(0, trig.start - 60), trig.start)
            and not any(pl.start - off >= trig.end for pl in places)
        ):
            return [], []  # "to Abu Dhabi ..., the last stop of the tour": that trip, told
        if (
            noun
            and (_BY_ANYONE.match(text, trig.end) or _TO_PLACE_BY.match(text, trig.end))
            # "is accompanied on the visit by a delegation": the "by" is "accompanied"'s
            and not _ACCOMPANIED_BEFORE.search(text, max(0, trig.start - 30), trig.start)
        ):
            subject = []  # "a visit by special envoys": the agent after "by" travelled
        if not subject and noun:
            # "The trip to Moscow will be Modi's first": the possessor named after;
            # "the visit by Viktor Orban to Minsk": the agent right after the noun.
            subject = [
                p
                for p in after_people
                if p.start < clause_end + off
                and (
                    (
                        text[p.end - off : p.end - off + 2] in ("'s", "’s")
                        # not "The visit reciprocates Min Aung Hlaing's trip to Belarus":
                        # that trip is the possessor's own
                        and not _OWN_TRIP_AFTER.match(text, p.end - off + 2)
                    )
                    or _BY_AGENT.fullmatch(text, trig.end, p.start - off) is not None
                )
            ][:1]
        if not hosts:
            # "pulled out of the Kazan summit", "a Moscow visit": the place inside the words
            host = self._place_in(text, off, trig, places) or self._where_host(
                text, off, trig, places
            )
            if host is None:
                if _HERE.match(text[trig.end :]) and dateline_country:
                    host = (dateline_country, None)
                elif trig.text.lower() == "attend":
                    # "the only head of government from the EU to attend": the article's event
                    about = article_host or dateline_country
                    host = _Inferred((about, None)) if about else fallback
                elif (trig.kind is TriggerKind.VISIT or _is_arrival(text, trig)) and not (
                    not noun
                    and not _ENDS_IN_PREPOSITION.search(trig.text)
                    and _NON_PLACE_OBJECT.match(text[trig.end :])
                ):
                    # "visited in early 2022", "also made the trip": the place is
                    # elsewhere in the sentence, or the one the article is about.
                    here = fallback
                    if fallback is not None and _COME_FROM.match(text, trig.end):
                        # "Tokayev and Mirziyoyev came from Central Asia": came here, to the
                        # place the article reports from, not to the last trip's host.
                        here = _Inferred((article_host or dateline_country or fallback[0], None))
                        # "..., Kakar from South Asia, and Boric from Latin America": the verb
                        # is not repeated for the others who came
                        subject = subject + [
                            p
                            for p in after_people
                            if _COME_FROM.match(text, p.end - off)
                            and _GAPPED_BEFORE.search(
                                text, max(0, p.start - off - 60), p.start - off
                            )
                        ]
                    host = (
                        self._locative(text, off, places, subject, trig.end)
                        or self._any_place(text, off, places, subject, trig.end, until=clause_end)
                        or here
                    )
            hosts = [host] if host else []
        return subject, hosts

    # --- places ------------------------------------------------------------
    @staticmethod
    @lru_cache(maxsize=256)
    def _clause_end(text: str, pos: int) -> int:
        # Cached: each trigger asks for its clause's end from several rules.
        m = _CLAUSE_BREAK.search(text, pos)
        return m.start() if m else len(text)

    def _host_candidate(self, text, off, pl: PlaceMention) -> tuple[str, str | None] | None:
        if pl.used_for_person:
            return None
        if _POSTED_TO.search(text, max(0, pl.start - off - 40), pl.start - off):
            return None  # "the Indian Ambassador to Viet Nam": a title, not a destination
        if pl.place.kind == PlaceKind.DEMONYM:
            if _DEMONYM_PLACE.match(text[pl.end - off :]):
                return pl.place.country, None
            return None
        return pl.place.country, (text[pl.start - off : pl.end - off] if pl.place.is_city else None)

    def _place_after(
        self,
        text,
        off,
        trig,
        places,
        require_prep: bool = False,
        preps=None,
        window: int = 80,
        topical: bool = False,
    ):
        clause_end = self._clause_end(text, trig.end)
        for pl in places:
            rel = pl.start - off
            if rel < trig.end or rel > clause_end or rel - trig.end > window:
                continue
            between = text[trig.end : rel]
            if _ORIGIN.search(between[-12:]) or _ORIGIN_LIST.search(between[-80:]):
                continue  # "flew in from New Delhi": where the trip started
            if topical and _TOPIC.search(between):
                continue  # "a summit on the war in Ukraine": what it is about, not where
            if not _is_destination(between, pl) or _SPEAKER.match(text, pl.end - off):
                continue
            if preps is not None:
                if not _preposition_ending(preps).search(between) and not (
                    pl.place.kind == PlaceKind.DEMONYM and _ON_THE.search(between[-8:])
                ):
                    continue  # "on" places a meeting only on "the Indonesian island of Bali"
            elif (
                require_prep
                and between.strip()
                and not _PREPOSITION.search(trig.text[-8:] + " " + between)
                # "a two-week tour of Turkey, Algeria and Iran"
                and not (_TOUR_OF.match(between) and _TRIP_NOUN_END.search(trig.text.strip()))
            ):
                continue  # "was in the Iranian capital": the preposition ends the trigger
            host = self._host_candidate(text, off, pl)
            if host is not None:
                return host
        return None

    @staticmethod
    def _unknown_location(text, off, trig, places, clause_end) -> bool:
        """Whether the clause puts the trigger "in"/"at" a capitalised name that is no place
        the gazetteer knows (a small town, a region, a resort)."""
        starts = {pl.start - off for pl in places}
        return any(
            m.start("name") not in starts
            for m in _IN_CAPITALISED.finditer(text, trig.end, clause_end)
        )

    def _fronted_place(self, text, off, trig, places):
        """ "In Brasilia he met Lula", "While in Hanoi, he held talks": the place the sentence
        opens with is where the meeting was."""
        for pl in places:
            rel = pl.start - off
            if rel >= trig.start or rel > 30:
                break
            if _FRONTED_LOCATIVE.fullmatch(text, 0, rel) and not _CLAUSE_BREAK.search(
                text, pl.end - off, trig.start
            ):
                return self._host_candidate(text, off, pl)
        return None

    def _hosted_by(self, text, off, trig, places):
        """ "a dialogue hosted by Pakistan": the country that hosts the event."""
        if "by" not in text:
            return None
        for pl in places:
            rel = pl.start - off
            if (
                trig.end <= rel <= trig.end + 120
                and pl.place.is_country
                and _HOSTED_BY.search(text[trig.end : rel])
            ):
                return self._host_candidate(text, off, pl)
        return None

    def _places_after(self, text, off, trig, places, require_prep: bool):
        """The destination and any joined to it: "travelled to Kyiv and St Petersburg"."""
        # "a tour that took him to Mali": the place right after, not "to governments that ..."
        window = 12 if _ITINERARY_VERB.match(trig.text) else 80
        first = self._place_after(text, off, trig, places, require_prep=require_prep, window=window)
        if first is None:
            return []
        start = next(
            pl
            for pl in places
            if self._host_candidate(text, off, pl) == first and pl.start - off >= trig.end
        )
        hosts = [_Leg(first, start.end - off)]
        prev_end = start.end
        for pl in places:
            if pl.start <= start.start:
                continue
            gap = text[prev_end - off : pl.start - off]
            # "stops in Brasilia on Monday and Caracas on Tuesday": a leg may carry its date.
            if not (_PLACE_LIST_JOIN.fullmatch(gap) or _DATED_LIST_JOIN.fullmatch(gap)):
                break
            host = self._host_candidate(text, off, pl)
            if host is None:
                break
            if host[0] not in {h[0] for h in hosts}:
                hosts.append(_Leg(host, pl.end - off))
            prev_end = pl.end
        return hosts

    def _place_in(self, text, off, trig, places):
        for pl in places:
            if trig.start + off <= pl.start < trig.end + off:
                host = self._host_candidate(text, off, pl)
                if host is not None:
                    return host
                if pl.place.kind == PlaceKind.COUNTRY and pl.possessive:
                    return pl.place.country, None  # "China's Belt and Road forum"
        return None

    def _where_host(self, text, off, trig, places):
        """ "Moscow, where he attended ...": the place before ", where"."""
        m = _WHERE_BEFORE.search(text, 0, trig.start)
        if m is None:
            return None
        for pl in reversed(places):
            # "Moscow, where", "the Congo on Monday, where": the place, or it and its date.
            if 0 <= m.start() + off - pl.end <= 1 or (
                pl.end <= m.start() + off
                and _WHEN_BEFORE_WHERE.fullmatch(text, pl.end - off, m.start())
            ):
                return self._host_candidate(text, off, pl)
        return None

    def _locative(self, text, off, places, subject, after: int = 0):
        """A place the sentence puts something "in"/"to"/"at", other than the visitor's country."""
        visitor_countries = self._countries_of(subject)
        for pl in places:
            if pl.used_for_person or pl.place.kind == PlaceKind.DEMONYM:
                continue
            if _in_participle_clause(text, after, pl.start - off):
                continue
            before = text[max(0, pl.start - off - 12) : pl.start - off]
            if _LOCATIVE_BEFORE.search(before) and (pl.place.country not in visitor_countries):
                host = self._host_candidate(text, off, pl)
                if host is not None:
                    return host
        return None

    def _countries_of(self, people) -> set[str]:
        """Every country the people stand for: stated, or any of a dictionary person's."""
        out = {p.country for p in people or [] if p.country}
        for p in people or []:
            if p.leader_id is not None:
                out.update(self.leaders.people[p.leader_id].countries)
        return out

    def _any_place(self, text, off, places, subject, after: int = 0, until: int | None = None):
        """Last resort for "went"/"visited" with no object: a place the sentence names (before
        `until`, the end of the trigger's clause, when given)."""
        visitor_countries = {p.country for p in subject or [] if p.country}
        for pl in places:
            if until is not None and pl.start - off >= until:
                break
            if _in_participle_clause(text, after, pl.start - off):
                continue
            host = self._host_candidate(text, off, pl)
            if (
                host is None
                or host[0] in visitor_countries
                or pl.possessive
                or _SPEAKER.match(text, pl.end - off)
            ):
                continue
            if _ORIGIN.search(text[max(0, pl.start - off - 12) : pl.start - off]):
                continue  # "flew in from New Delhi"
            if _PLACE_AS_SUBJECT.match(text, pl.end - off):
                continue  # "when Washington and Hanoi lifted ties": governments, not places
            if _TOPIC_BEFORE.search(text, max(0, pl.start - off - 14), pl.start - off):
                continue  # "sanctions over Ukraine", "talks with Iran": a topic, not a place
            return host
        return None

    def _place_before(self, text, off, trig, places, accept=None):
        """The last place named before the trigger that `accept` takes (by default any but a
        demonym or a possessive: "Minsk ..., held talks there")."""
        accept = accept or _named_place
        for pl in reversed(places):
            if pl.end <= trig.start + off and not pl.used_for_person and accept(text, off, pl):
                return self._host_candidate(text, off, pl)
        return None

    def _dateline_country(self, place_text: str) -> str | None:
        for part in _DATELINE_PARTS.split(place_text):
            place = self.gazetteer.lookup(phrase_key(part), part.strip())
            if place is not None:
                return place.country
        return None

    def _first_group(self, text, off, people):
        if not people:
            return []
        group = [people[0]]
        for p in people[1:]:
            if _CONJOINED.match(text[group[-1].end - off : p.start - off]):
                group.append(p)
            else:
                break
        return group

    # --- status and dates ---------------------------------------------------
    def _nearest_date(
        self, text: str, dates: list[DateMention], trig: Trigger, next_start: int
    ) -> DateMention | None:
        """The date that belongs to this trigger: after it (before the next trigger), else before.

        A date after "since" dates something else ("first visit since the coup in 2021").
        """
        clause_end = self._clause_end(text, trig.end)
        dates = [d for d in dates if not _ATTRIBUTION.search(text[max(0, d.start - 30) : d.start])]
        after = [
            d
            for d in dates
            if trig.end <= d.start < min(next_start, clause_end)
            and not _SINCE.search(text[trig.end : d.end])
        ]
        if after:
            # "twice within the past year, most recently in March": the datable one.
            if after[0].kind in ("period", "year", "ago"):
                return next((d for d in after if d.kind in _CALENDAR_KINDS), after[0])
            return after[0]
        before = [d for d in dates if d.end <= trig.start]
        closed = _CLOSED_RELATIVE.search(text, 0, trig.start) if before else None
        if closed is not None:
            # "X, whose country takes the chair next year, was among ...": the relative
            # clause's date is not the trip's.
            before = [d for d in before if not closed.start() <= d.start < closed.end()]
        if before:
            return before[-1]
        inside = [d for d in dates if trig.start <= d.start < trig.end]
        return inside[0] if inside else None

    @staticmethod
    def _leg_dates(text, dates, hosts, published, status) -> dict[int, ResolvedDate]:
        """For a list of destinations, the date written right after each ("in Brasilia on
        Monday and Caracas on Tuesday"), by id of its host entry."""
        if len(hosts) < 2 or not dates or not isinstance(hosts[0], _Leg):
            return {}
        out: dict[int, ResolvedDate] = {}
        for k, leg in enumerate(hosts):
            limit = hosts[k + 1].end if k + 1 < len(hosts) else leg.end + 30
            mention = next((d for d in dates if leg.end < d.start < limit), None)
            if mention is None or not _LEG_DATE_GAP.fullmatch(text, leg.end, mention.start):
                continue
            resolved = resolve(mention, published, status is VisitStatus.PLANNED)
            if resolved is not None:
                out[id(leg)] = resolved
        return out if len(out) >= 2 else {}

    def _listed_dates(self, text, dates, near, trig, next_start, published) -> list[ResolvedDate]:
        """Further dates listed after the first one: "in February 2019 and on May 8 last year".
        Days next to each other are one stay ("spent Wednesday and Thursday in Warsaw")."""
        out: list[ResolvedDate] = []
        prev = near
        first = resolve(near, published, False)
        for d in dates:
            if d.start <= prev.start or d.start >= next_start:
                continue
            if not _DATE_LIST_JOIN.match(text[prev.end : d.start]):
                break
            if _NEW_CLAUSE_AFTER.match(text[d.end : d.end + 12]):
                break  # "in February, and in September he addressed ...": a new clause
            r = resolve(d, published, False)
            last = out[-1] if out else first
            if r.tense < 0 and not (
                last is not None
                and r.day is not None
                and last.day is not None
                and r.precision == last.precision == "day"
                and abs((r.day - last.day).days) <= 1
            ):
                out.append(r)
            prev = d
        return out

    def _first_since(self, text, trig, dates, published) -> ResolvedDate | None:
        """ "first trip to China since April 2019" -> the April 2019 trip."""
        for d in dates:
            if d.start < trig.start:
                continue
            lead = text[max(0, trig.start - 40) : d.start]
            if d.text.lower().startswith("since"):
                lead += "since "
            if _FIRST_SINCE.search(lead) and not _RANKED_BY_CLASS.search(lead):
                r = resolve(d, published, False)
                if r.tense < 0:
                    return r
        return None

    def _first_since_person(
        self, text, off, trig, visitors, host_place, people, places, dates, published, sentence
    ) -> list[_Candidate]:
        """ "the first time an Iranian president has come to Syria since Mahmoud Ahmadinejad,
        who ...": the person after "since" made that trip before, in the office ranked."""
        if not _FIRST_BEFORE.search(text, max(0, trig.start - 80), trig.start):
            return []
        since = _SINCE_NAME.match(text, trig.end, min(len(text), trig.end + 80))
        if since is None:
            return []
        earlier = next(
            (
                p
                for p in people
                if p.start - off == since.end() and _HOLDER_ENDS.match(text, p.end - off)
            ),
            None,
        )
        if earlier is None:
            # A name the dictionary does not know: the ranked office says who they were.
            m = _EARLIER_HOLDER.match(text, since.end())
            if m is None or any(m.start() <= q.start - off < m.end() for q in people):
                return []  # "since Austria's Karl Nehammer went": a known person, told elsewhere
            earlier = PersonMention(m.start() + off, m.end(1) + off, m.group(1), source="pattern")
        if isinstance(host_place, _Inferred):
            # "since Kim Il Sung was in Beijing": where the earlier holder went, when written.
            host_place = next(
                (
                    h
                    for pl in places
                    if 0 <= pl.start - earlier.end <= 20
                    for h in [self._host_candidate(text, off, pl)]
                    if h is not None
                ),
                host_place,
            )
        ranked = self._resolve(visitors[0], published, host_place[0], text)
        if ranked is None:
            return []
        country, role = ranked  # the office the sentence ranks: the earlier holder's too
        when = next(
            (
                r
                for d in dates
                if d.start >= earlier.end - off
                for r in [resolve(d, published, False)]
                if r.tense < 0
            ),
            None,
        )
        day = when.day if when else None
        if earlier.leader_id is not None:
            # Their office then: "since Mahmoud Ahmadinejad, who dined in Damascus in 2010".
            then = (day or when.approx or published) if when else published
            country, role = self._resolve(earlier, then, host_place[0], text) or ranked
        if country == host_place[0]:
            return []
        return [
            _Candidate(
                earlier,
                country,
                role,
                host_place[0],
                None,
                VisitStatus.PAST,
                True,
                day,
                sentence,
                self._confidence(earlier, trig, sentence.index, False),
                dated=day is not None,
                date_precision=when.precision if day else "day",
            )
        ]

    @staticmethod
    def _multiplicity(clause: str) -> int:
        m = _MULTIPLE_RE.search(clause)
        return _MULTIPLE[m.group().lower()] if m else 1

    def _status_of_noun(
        self, text, trig: Trigger, near: DateMention | None, published: date, index: int
    ) -> tuple[VisitStatus | None, bool]:
        """A visit named by a noun ("his visit to Minsk in March"): only explicit cues count."""
        # "His last trip abroad was to Munich on Feb. 19": a day without a year is behind us.
        behind = bool(
            _NOUN_PAST.search(trig.text) or _NOUN_PAST.search(clause_before(text, trig.start, 30))
        )
        resolved = resolve(near, published, False, past=behind) if near else None
        year = _YEAR_BEFORE_NOUN.search(text, max(0, trig.start - 30), trig.start)
        if year is not None and int(year.group(1)) < published.year:
            return VisitStatus.PAST, True  # "Putin's 2000 visit to Pyongyang"
        if (resolved is None or resolved.tense >= 0) and _FUTURE_AFTER_NOUN.match(text, trig.end):
            # "The trip to Moscow will be Modi's first since 2019": the noun's own verb
            return VisitStatus.PLANNED, True
        if resolved is not None and resolved.tense > 0:
            return VisitStatus.PLANNED, True
        if near is not None and near.kind == "weekday" and _BEGINS.match(text, trig.end):
            # "Lukashenko's visit to Myanmar begins on Thursday" in Saturday's paper: the
            # next Thursday.
            ahead = resolve(near, published, True)
            if ahead is not None and ahead.day is not None and ahead.day > published:
                return VisitStatus.PLANNED, True
        if "after" in text and _SOME_TIME_AFTER.search(clause_before(text, trig.start, limit=120)):
            return VisitStatus.PAST, True
        if is_background(text, trig) or (resolved is not None and resolved.tense < 0):
            return VisitStatus.PAST, True
        if AFTER_SINCE.search(clause_before(text, trig.start, limit=40)):
            return VisitStatus.PAST, False  # "arrived in Hanoi after a visit to North Korea"
        if resolved is not None:
            return VisitStatus.OCCURRING, True
        if _ON_OR_ORDINAL_BEFORE.search(text[: trig.start]):
            return VisitStatus.OCCURRING, index < LEAD_SENTENCES + 1
        if index < LEAD_SENTENCES:
            return VisitStatus.OCCURRING, False
        return None, False

    def _status_from_tense(
        self, text, trig: Trigger, near: DateMention | None, published: date, index: int
    ) -> tuple[VisitStatus, bool]:
        # "met Putin on September 13" in March: a past verb's day without a year is behind us.
        said_past = bool(_PAST_TENSE.search(trig.text)) and not _IS_ARE_BEFORE.search(
            text[max(0, trig.start - 8) : trig.start]
        )
        resolved = resolve(near, published, False, past=said_past) if near else None
        if resolved is not None and resolved.tense > 0:
            return VisitStatus.PLANNED, True
        if (
            near is not None
            and near.kind == "weekday"
            # "heads " before "to", "leaves Delhi " before "on Sunday for Hanoi"
            and _PRESENT_SIMPLE.fullmatch(trig.text.split()[0])
            and not _PAST_TENSE.search(text[max(0, trig.start - 12) : trig.start])
        ):
            # "Lula flies on Saturday to Abu Dhabi" in Friday's paper: the next Saturday.
            ahead = resolve(near, published, True)
            if ahead is not None and ahead.day is not None and ahead.day > published:
                return VisitStatus.PLANNED, True
        if (
            near is not None
            and near.kind == "relative"
            and near.groups.get("word", "").lower() in ("today", "tonight")
            and _ONWARD_PRESENT.fullmatch(trig.text.split()[0])
        ):
            # "Rubio leaves Washington today for Panama" in the morning's paper: not yet gone
            return VisitStatus.PLANNED, True
        if "after" in text and _SOME_TIME_AFTER.search(clause_before(text, trig.start, limit=120)):
            return VisitStatus.PAST, True
        if is_background(text, trig):
            if (
                resolved is not None
                and resolved.day is not None
                and 0 <= (published - resolved.day).days <= _STILL_THERE_DAYS
                and _HAD_ARRIVED.search(text, max(0, trig.start - 12), trig.end)
            ):
                # "Japarov and Tokayev had arrived on Wednesday for two-day visits" in
                # Thursday's paper: they are still there.
                return VisitStatus.OCCURRING, False
            return VisitStatus.PAST, True
        if resolved is not None and resolved.tense < 0:
            return VisitStatus.PAST, True
        if AFTER_SINCE.search(clause_before(text, trig.start, limit=40)):
            # "after visiting Kyiv": an earlier leg; it yields to anything stated outright
            # ("stopped over in Yakutsk before flying on to Pyongyang" is a later one).
            return VisitStatus.PAST, False
        if resolved is not None:
            return VisitStatus.OCCURRING, True
        past_form = _PAST_TENSE.search(trig.text) and not _IS_ARE_BEFORE.search(
            text[max(0, trig.start - 8) : trig.start]
        )
        if not past_form:
            if (
                index >= LEAD_SENTENCES
                and _ONWARD_PRESENT.fullmatch(trig.text.strip())
                and not text[:1].isdigit()  # "10:32 Modi flies to Kyiv": a live blog's now
            ):
                # "From Havana, the Brazilian president travels to New York" deep in the
                # copy: the itinerary ahead, not the news.
                return VisitStatus.PLANNED, False
            return VisitStatus.OCCURRING, True
        # "visited X" with no date: the news itself when it leads, background later on.
        if index < LEAD_SENTENCES:
            return VisitStatus.OCCURRING, True
        return VisitStatus.PAST, False

    # --- people -------------------------------------------------------------
    def _resolve(self, mention: PersonMention, day: date, host: str | None, sentence: str = ""):
        """(country, role) of a mention on `day`, or None when the country is unknown."""
        if mention.role_then is not None:
            # The text states the office held at the time: it outranks the dictionary's date.
            resolved = self._resolve(dataclasses.replace(mention, role_then=None), day, host)
            if resolved is None and mention.leader_id is not None:
                # "Hina Rabbani Khar, then minister of state": an office the data does not list
                countries = self.leaders.people[mention.leader_id].countries
                resolved = (max(countries, key=lambda c: self.gazetteer.populations.get(c, 0)),)
            return (resolved[0], mention.role_then) if resolved else None
        if mention.leader_id is not None:
            person = self.leaders.people[mention.leader_id]
            country = mention.country if mention.country in person.countries else None
            if country is None:
                options = [t.country for t in person.terms_on(day)] or list(person.countries)
                # (a king of several realms in one of them is at home there: no visit)
                if host not in options:
                    options = [c for c in options if c != host] or options
                # Elizabeth II reigned in fifteen realms at once: the most populous is the one
                # news means (not whichever row the data lists first)
                country = max(options, key=lambda c: self.gazetteer.populations.get(c, 0))
            term = person.office_on(day, country)
            if term is not None:
                return term.country, term.role
            # Outside every dated term: the text may say what they were then.
            if _THEN_OFFICE.search(sentence):
                return country, VisitorRole.OTHER_OFFICIAL
            last_end = max(t.end for t in person.terms)
            if (
                mention.country is None
                and day >= HEADS_LISTED_FROM
                and (day - last_end).days > _OUT_OF_OFFICE_DAYS
            ):
                # Antonio Guterres, Portugal's prime minister until 2002, travels for the UN:
                # years after every listed office, someone holds none of a country's
                return None
            if mention.text_role is not None:
                return country, mention.text_role  # "Qatar's Foreign Minister ..." before PM
            nearest = person.nearest_term(day, country)
            gap = min(abs((nearest.start - day).days), abs((nearest.end - day).days))
            # Before the data's coverage (offices held since 2020), earlier terms are simply
            # not listed: Putin in 2000 was president too. Within it, a term that starts or
            # ends within months is approximate data; years away ("Dagalo" in 2022, head of a
            # rival council from 2025) means some other office.
            if day < LEADER_DATA_FROM or (
                gap <= _TERM_SLACK_DAYS
                and not self._held_by_another(mention.leader_id, nearest, day)
            ):
                return country, nearest.role
            return country, VisitorRole.OTHER_OFFICIAL
        if mention.country is None:
            return None
        return mention.country, mention.text_role or VisitorRole.OTHER_OFFICIAL

    def _held_by_another(self, leader_id: str, term, day: date) -> bool:
        """Whether someone else held `term`'s office on `day` before this person's own term
        of it: Wang Yi between his two spells as foreign minister, when Qin Gang had the
        post, was not foreign minister. (After a last term the day may be only the
        publication's, standing in for an unknown date: no conclusion.)"""
        own = self.leaders.people[leader_id].terms
        if not any(
            t.role is term.role and t.country == term.country and day < t.start for t in own
        ):
            return False
        return any(
            lid != leader_id
            and any(
                t.role is term.role
                for t in self.leaders.people[lid].terms_on(day)
                if t.country == term.country
            )
            for lid in self.leaders.by_office.get((term.country, term.role), ())
        )

    def _confidence(self, visitor: PersonMention, trig: Trigger, index: int, strong: bool) -> float:
        score = 0.5
        score += {
            "dictionary": 0.2,
            "coreference": 0.15,
            "coreference-2": 0.15,
            "surname": 0.1,
            "office": 0.1,
            "pattern": 0.05,
        }.get(visitor.source, 0.0)
        if index == 0:
            score += 0.15
        elif index < LEAD_SENTENCES + 1:
            score += 0.05
        if trig.kind in (TriggerKind.TRAVEL, TriggerKind.VISIT, TriggerKind.RECEIVED_BY):
            score += 0.1
        if not strong:
            score -= 0.15
        return round(min(0.99, max(0.05, score)), 3)

    # --- one visit per (visitor, host, status) -------------------------------
    def _merge(
        self, article: Article, candidates: list[_Candidate], published: date
    ) -> list[Visit]:
        candidates = self._earlier_legs(candidates, published)
        candidates = _without_undated_replans(candidates)
        strong: dict[tuple[str, str], list[_Candidate]] = {}
        for c in candidates:
            if c.strong:
                strong.setdefault((_person_key(c), c.host), []).append(c)
        groups: dict[tuple[str, str, VisitStatus], list[_Candidate]] = {}
        for c in candidates:
            pair = (_person_key(c), c.host)
            rivals = strong.get(pair, [])
            if (
                not c.strong
                and rivals
                and all(s.status is not c.status for s in rivals)
                and not all(_another_trip(c, s, published) for s in rivals)
            ):
                continue  # a default guess loses to what the text says outright
            groups.setdefault((*pair, c.status), []).append(c)

        chosen: list[_Candidate] = []
        for (_, _, status), group in groups.items():
            if status is not VisitStatus.PAST:
                chosen.append(self._best(group))
                continue
            # Past visits with different dates are different visits; "twice" makes
            # two; an undated mention joins a dated one.
            by_date: dict[date, list[_Candidate]] = {}
            undated = []
            for c in sorted(group, key=lambda c: c.event_date or date.min):
                if c.event_date is None:
                    undated.append(c)
                    continue
                # Days next to each other are one stay ("spent Wednesday and Thursday in
                # Warsaw, where he met Tusk on Thursday"); its first day dates it.
                near = next(
                    (
                        d
                        for d in by_date
                        if c.date_precision == "day" and 0 <= (c.event_date - d).days <= 1
                    ),
                    c.event_date,
                )
                by_date.setdefault(near, []).append(c)
            dated = [
                self._best(sorted(cs, key=lambda c: c.event_date or date.min))
                for _, cs in sorted(by_date.items())
            ]
            wanted = max([len(dated), 1] + [c.count for c in group])
            chosen.extend(dated)
            if len(dated) < wanted:
                filler = self._best(undated or group)
                for _ in range(wanted - len(dated)):
                    chosen.append(_with_date(filler, None) if filler.event_date else filler)

        visits = [self._visit(article, c) for c in chosen]
        visits.sort(
            key=lambda v: (
                v.evidence.start,
                v.visitor_country,
                v.host_country,
                v.status,
                v.event_date or date.min,
            )
        )
        return visits

    def _earlier_legs(self, candidates: list[_Candidate], published: date) -> list[_Candidate]:
        """A dated trip before the lead visit by the same person elsewhere is an earlier leg.

        "Orban held talks in Moscow on Friday ... days after visiting Kyiv on
        Tuesday": Kyiv is background to the Moscow news.
        """
        lead = next((c for c in candidates if c.status is VisitStatus.OCCURRING and c.strong), None)
        if lead is None or lead.event_date is None:
            return candidates
        ongoing = {
            (_person_key(c), c.host)
            for c in candidates
            if c.status is VisitStatus.OCCURRING and c.strong
        }
        # "Kim would continue his tour with stops in Vladivostok": the rest of the
        # trip being reported, not another one.
        candidates = [
            c
            for c in candidates
            if not (
                c.status is VisitStatus.PLANNED
                and (_person_key(c), c.host) in ongoing
                and (c.event_date is None or abs((c.event_date - published).days) <= 7)
                # "intends to return to Myanmar in the coming weeks": a second trip
                and not _RETURN_TRIP.search(c.sentence.text)
            )
        ]
        out = []
        for c in candidates:
            if (
                c.status is VisitStatus.OCCURRING
                and c.dated
                and c.event_date is not None
                and c.event_date < lead.event_date
                and c.host != lead.host
                and (
                    _person_key(c) == _person_key(lead)
                    # "Qatar's emir was welcomed in Damascus last Thursday", five days before
                    # the news: someone else's trip, told later in the article, is background.
                    or (
                        c.sentence.index > lead.sentence.index
                        and (lead.event_date - c.event_date).days >= _BACKGROUND_DAYS
                    )
                )
            ):
                c = _with_status(c, VisitStatus.PAST)
            elif (
                c.status is VisitStatus.OCCURRING
                and not c.dated
                and c.host != lead.host
                and c.sentence.index > lead.sentence.index
                and _person_key(c) == _person_key(lead)
                and _LAST_WEEK.search(c.sentence.text)
            ):
                # "Wang arrived in Moscow on Tuesday ... a tour that took him to Paris and
                # Rome last week": last week's stops are legs before the news.
                c = dataclasses.replace(c, status=VisitStatus.PAST, event_date=None)
            elif (
                c.status is VisitStatus.PAST
                and not c.strong
                and not c.dated
                and c.host != lead.host
                and c.sentence.index > lead.sentence.index
                and _person_key(c) == _person_key(lead)
                and _ONWARD.search(c.sentence.text)
            ):
                # "Putin arrived in Pyongyang on Wednesday ... Putin then flew to Hanoi":
                # the next leg of the trip being reported, not an earlier one.
                c = dataclasses.replace(c, status=VisitStatus.OCCURRING, event_date=published)
            out.append(c)
        return out

    def _best(self, group: list[_Candidate]) -> _Candidate:
        best = group[0]
        for c in group[1:]:
            if self._better(c, best):
                best = c
        if best.event_date is None:
            dated = next((c for c in group if c.event_date), None)
            if dated is not None:
                best = _with_date(best, dated.event_date, dated.date_precision)
        elif best.status is VisitStatus.OCCURRING:
            # "held talks on Wednesday ... had landed late on Tuesday": a stay is dated by
            # its first day.
            first = min(
                (c.event_date for c in group if c.dated and c.date_precision == "day"),
                default=None,
            )
            if first is not None and 0 < (best.event_date - first).days <= 7:
                best = _with_date(best, first, "day")
        return best

    def _visit(self, article: Article, c: _Candidate) -> Visit:
        return Visit(
            article_id=article.id,
            visitor_name=c.visitor.name,
            visitor_country=c.visitor_country,
            visitor_role=c.role,
            host_country=c.host,
            status=c.status,
            event_date=c.event_date,
            date_precision=c.date_precision,
            place=c.place,
            evidence=Evidence(
                sentence=c.sentence.text,
                start=c.sentence.start,
                end=c.sentence.end,
                confidence=c.confidence,
            ),
            published_at=article.published_at,
            source=article.source,
            leader_id=c.visitor.leader_id,
        )

    @staticmethod
    def _better(new: _Candidate, old: _Candidate) -> bool:
        """Most informative evidence: higher confidence (lead, dictionary, verb), then a date."""

        def rank(c: _Candidate):
            return (c.confidence, c.event_date is not None, c.place is not None, -c.sentence.index)

        return rank(new) > rank(old)


_DELEGATION_KINDS = frozenset(
    {TriggerKind.TRAVEL, TriggerKind.VISIT, TriggerKind.RECEIVED_BY, TriggerKind.SUMMIT}
)
_DELEGATION_GATE = KeywordSet(
    (
        "accompan",
        "along with",
        "together with",
        "joined ",
        "delegation",
        "with him",
        "with her",
        "travelling with",
        "traveling with",
    )
)
# "He is accompanied by ...", "Travelling with him are ...": a sentence that only lists
# who came along on the trip the article already reported.
_COMPANY_SENTENCE = re.compile(
    r"(?P<who>,\s*who\s+(?:(?:is|was|are|were|has been|had been)\s+(?:also\s+)?"
    r"(?:travell?ing with|accompanying)|(?:also\s+)?(?:accompanied|travell?ed with))\s)|"
    # "Foreign Minister Osman Saleh and Zemede Tekle ... are travelling with the president"
    r"(?P<are>\b(?:is|are|was|were)\s+(?:also\s+)?(?:travell?ing with|accompanying)\s|"
    # "Defence Minister Andrei Belousov accompanied Putin"
    r"(?<!\bhad )(?<!\bhas )\b(?:also\s+)?accompanied\s+(?!by\b)"
    r"(?=him\b|her\b|the\s+[a-z]+\b|(?-i:[A-Z])))|"
    # "He was joined for Tuesday's summit by Uzbekistan's Shavkat Mirziyoyev, ..."
    r"\b(?:is|was|are|were|been|being)\s+(?:also\s+)?(?:accompanied|joined)\s+"
    r"(?:[\w'’-]+\s+){0,4}?by\b|"
    r"\bdelegation\b[^.;]{0,40}\binclud|\b(?:travell?ing|with)\s+(?:him|her)\s+(?:are|were|is|was)\b",
    re.I,
)


def _next_clause_starts(triggers: list[Trigger], end: int) -> list[int]:
    """For each trigger index k, where the next trigger's clause starts (index k + 1 of the
    result is read for trigger k). "met Putin at the summit in Sochi in July 2023": a
    phrase naming the event belongs to the verb before it, so it starts no clause."""
    starts = [end] * (len(triggers) + 1)
    nxt = end
    for k in range(len(triggers) - 1, -1, -1):
        t = triggers[k]
        starts[k + 1] = nxt
        if not (t.kind is TriggerKind.SUMMIT and _AT_FOR_ON.match(t.text)):
            nxt = t.start
    starts[0] = nxt
    return starts


def _generic_office(text: str, off: int, person: PersonMention) -> bool:
    """ "an Iranian president", "any Indian leader": an office named with an indefinite article."""
    return person.source == "office" and bool(
        _INDEFINITE_BEFORE.search(text, max(0, person.start - off - 8), person.start - off)
    )


def _without_undated_replans(candidates: list[_Candidate]) -> list[_Candidate]:
    """An undated plan by someone whose trip to the same host the article calls off
    ("would travel to Beijing when conditions allow") is that trip, not another one."""
    called_off = {(_person_key(c), c.host) for c in candidates if c.status is VisitStatus.CANCELLED}
    if not called_off:
        return candidates
    return [
        c
        for c in candidates
        if not (
            c.status is VisitStatus.PLANNED
            # "had been due to leave on Thursday for Berlin": the plan the article calls off
            and (not c.dated or _UNFULFILLED_PLAN.search(c.sentence.text))
            and (_person_key(c), c.host) in called_off
        )
    ]


def _with_the_north(sentence, places: list[PlaceMention], north: Place) -> list[PlaceMention]:
    """The sentence's places with each "the North" (not "the North Atlantic") as North Korea."""
    off = sentence.start
    taken = [(pl.start, pl.end) for pl in places]
    added = [
        PlaceMention(m.start(1) + off, m.end(1) + off, north, m.group(2) is not None)
        for m in _THE_NORTH.finditer(sentence.text)
        if not any(s < m.end(1) + off and m.start(1) + off < e for s, e in taken)
    ]
    return sorted([*places, *added], key=lambda pl: pl.start) if added else places


def _after_last_sequencer(before: str) -> str:
    """ "The call came a month after Xi's state visit": what follows "after" is another
    event than the call before it."""
    found = list(_SEQUENCER.finditer(before))
    return before[found[-1].start() :] if found else before


def _another_trip(guess: _Candidate, stated: _Candidate, published: date) -> bool:
    """ "Assad was also in Riyadh" (the news) beside "he was welcomed back at the summit in
    Jeddah in May": a trip stated months before is no rival to a guess about this one."""
    return (
        guess.status is VisitStatus.OCCURRING
        and stated.status is VisitStatus.PAST
        and stated.event_date is not None
        and (published - stated.event_date).days > _RECENT_DAYS
    )


def _named_place(text, off, pl: PlaceMention) -> bool:
    return pl.place.kind != PlaceKind.DEMONYM and not pl.possessive


def _locative_place(text, off, pl: PlaceMention) -> bool:
    """A place the sentence puts something "in" or "at"."""
    return pl.place.kind != PlaceKind.DEMONYM and bool(
        _IN_AT_BEFORE.search(text, max(0, pl.start - off - 12), pl.start - off)
    )


def _country_place(text, off, pl: PlaceMention) -> bool:
    return pl.place.kind == PlaceKind.COUNTRY


def _under_heading(c: "_Candidate", heading: tuple[str, date | None], published: date):
    """A trip told under a heading's date: that date, and past when it is well before the
    piece (a year's review)."""
    day = heading[1]
    if day is None or c.dated or c.host != heading[0]:
        return c
    status = c.status
    if status is VisitStatus.OCCURRING and (published - day).days > 7:
        status = VisitStatus.PAST
    return dataclasses.replace(c, event_date=day, status=status, dated=True, date_precision="day")


def _dateline_day(body: str, line: tuple[str, int] | None, published: date) -> date:
    """The day a dateline gives, when it is publication day or up to three days before."""
    if line is None:
        return published
    head = body[: line[1]]
    for mention in find_dates(head, head.lower()):
        day = resolve(mention, published, False, past=True).day
        if day is not None and 0 <= (published - day).days <= 3:
            return day
    return published


def _is_arrival(text: str, trig: Trigger) -> bool:
    """ "arrived", "landed", and "flew in from Beijing" (the trigger is "flew")."""
    return _ARRIVAL.match(trig.text) is not None or (
        trig.text[:2].lower() == "fl" and _IN_ADVERB.match(text, trig.end) is not None
    )


def _mentions_virtual(body: str) -> bool:
    return "irtual" in body or "nline" in body or "ideo" in body


def _speaker_only(text: str, start: int, end: int) -> bool:
    """ "Peskov said the visit would ...": the person before `start` only speaks about the
    trip at `end` — unless a pronoun brings them back ("said the talks he held during his
    visit")."""
    said = _SPEECH_BETWEEN.search(text, start, end)
    return said is not None and _HE_HIS.search(text, said.end(), end) is None


def _in_participle_clause(text: str, after: int, pos: int) -> bool:
    """Whether `pos` lies in a participle clause opened after the trigger ending at `after`."""
    return 0 < after < pos and _PARTICIPLE_CLAUSE.search(text, after, pos) is not None


def _is_destination(between: str, pl: PlaceMention) -> bool:
    """Whether a place after a trigger can be where it leads, given the words between them."""
    if len(between) <= 5 and not pl.possessive:
        return True  # "to Moscow", "in Minsk": nothing between to belong elsewhere
    if _OTHER_CLAUSE.search(between) or _TOPIC_PLACE.search(between[-30:]):
        return False
    if len(between) > 12 and _GOVERNED_BY_VERB.search(between[-30:]):
        return False
    if _PARTICIPLE_CLAUSE.search(between):
        return False  # "pulled out of the summit, deepening a rift between Yerevan and ..."
    return not pl.possessive or _GOVERNED.search(between[-20:]) is not None


class _Inferred(tuple):
    """A (host, place) taken from context rather than from the sentence itself."""


class _Leg(tuple):
    """A (host, place) read from a list of destinations; `end` is where its name ends in the
    sentence, so that a date written right after it ("Caracas on Tuesday") is its own."""

    end: int

    def __new__(cls, host, end: int):
        leg = super().__new__(cls, host)
        leg.end = end
        return leg


def _mention_key(p: PersonMention) -> str:
    """Who a mention names, the same across the article's sentences."""
    return p.leader_id or phrase_key(p.name)


def _person_key(c: _Candidate) -> str:
    return _mention_key(c.visitor)


def _with_date(
    c: _Candidate, day: date | None, precision: Literal["day", "month"] = "day"
) -> _Candidate:
    return dataclasses.replace(c, event_date=day, date_precision=precision)


def _with_status(c: _Candidate, status: VisitStatus) -> _Candidate:
    return dataclasses.replace(c, status=status)
