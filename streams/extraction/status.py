# ruff: noqa: RUF001 - typographic quotes are matched on purpose: news copy uses them.
"""Visit triggers in a sentence and the status each one expresses.

A trigger is a phrase that moves a person across a border ("arrived in",
"visited", "on a state visit to", "hosted", "attended the summit in"). Its
status comes from the words around it: modality ("will", "is expected to",
"invited ... to"), cancellation ("called off"), aspect ("had visited") and
the tense of any date in the sentence (see `dates.py`). Phone and video calls
and "is expected to meet" are not triggers at all.
"""

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from models import VisitStatus
from streams.extraction.dates import FULL_MONTHS
from streams.extraction.text import KeywordSet, with_first_char_test


class TriggerKind(Enum):
    TRAVEL = "travel"  # arrive in / travel to / fly to: the place follows
    VISIT = "visit"  # visited X / visit to X / trip to X
    HOST = "host"  # X hosted / received / welcomed Y: the visitor follows
    RECEIVED_BY = "received_by"  # Y was received by X: the visitor precedes
    SUMMIT = "summit"  # attended a summit: every attending foreigner travelled
    TALKS = "talks"  # held talks / met ... in a place abroad


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    kind: TriggerKind
    finite: bool  # a tensed verb ("arrived", "is visiting"), not an infinitive or a noun
    text: str


_I = re.IGNORECASE
# What a skipped trip names: "skipped the Group of 20 summit", "stayed away from the funeral"
_SKIPPED_EVENT = (
    r"\s+(?:the\s+|this\s+\w+'s\s+|[\w-]+\s+){0,4}?(?:summit|G20|G7|inauguration|funeral|"
    r"parade|jubilee|coronation)\b"
)
# What is sent or received that is not a person: "sent a message", "received a greeting card".
_THINGS = (
    "message|letter|note|congratulat|condolence|greeting|telegram|cable|wish|invitation|signal|"
    "word|card|call|decision|statement|news|report|gift|award|deliver|shipment|credentials"
)
_TRIGGERS: list[tuple[TriggerKind, bool, re.Pattern[str]]] = [
    # "is also expected on Red Square", "are due in Moscow": an arrival announced ahead.
    # First, so that "expected at the parade" is this and not "at the parade".
    (
        TriggerKind.TRAVEL,
        True,
        re.compile(
            r"\b(?:is|are|was|were|had been|has been)\s+(?:also\s+|both\s+|all\s+)?"
            r"(?:expected|due)\s+(?:in|on|at)\b"
            # A place (capitalised, but no day or month: "expected on Monday to announce")...
            r"(?=\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
            rf"{FULL_MONTHS})[A-Z]"
            # ... or an event: "expected at the parade".
            r"|\s+(?:the|a|an|this|next|[\w'’-]+['’]s)\s+"
            r"(?:[\w'’-]+\s+){0,3}?(?:summit|conference|forum|parade|ceremony|celebrations?|"
            r"funeral|inauguration|games|gathering)\b)",
            0,
        ),
    ),
    (
        TriggerKind.RECEIVED_BY,
        True,
        re.compile(
            r"\b(?:was|were|is|are|been|being)\s+(?:warmly\s+|formally\s+|officially\s+|also\s+)?"
            r"(?:received|welcomed|greeted|hosted)\b(?:\s+(?:[\w'’-]+\s+){0,6}?by\b)?",
            _I,
        ),
    ),
    # "India was represented by its foreign minister": the representative travelled.
    (
        TriggerKind.HOST,
        True,
        re.compile(
            r"\b(?:was|were|is|are|will be)\s+represented\s+(?=by\b)|\b(?:sent|sends|dispatched)\b"
            # "sent a message", "sent condolences": words went, nobody travelled.
            rf"(?!\s+(?:(?:a|an|his|her|its|their|warm|a\s+warm)\s+)?(?:{_THINGS})\w*\b)"
            # "The Chinese group was led by Li Hongzhong": the leader of a visiting party.
            r"|\b(?:delegation|group|team|side)\s+(?:was|is|were|are|will be)\s+(?:led|headed)\s+"
            r"(?=by\b)"
            # "Envoys from two dozen countries attended. Among them were A, ... and B."
            r"|\bamong\s+(?:them|those\s+(?:attending|present|who\s+(?:attended|came|took part|"
            r"were present)|(?:in|at)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))|"
            r"the\s+(?:[\w-]+\s+){0,2}?(?:guests|"
            r"attendees|participants|delegates|visitors|leaders|dignitaries|heads of state|"
            r"ministers)(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?)\s*,?\s+"
            r"(?:were|was|are|is)\b"
            r"|,?\s*as (?:is|are|was|were|did)\b(?=\s+[A-Z])"
            # "Also on the list for September 3 are Iran's Masoud Pezeshkian, ..."
            r"|\b(?:also\s+)?on\s+the\s+(?:guest\s+)?list(?:\s+(?:for|of)\s+[^,.;]{1,40}?)?\s+"
            r"(?:are|were|is|was)\b"
            # "Guests at the parade include A, B and C": each of them travelled to it.
            r"|\b(?:guests|attendees|participants|invitees|dignitaries|guest\s+list)\b[^.;,]{0,60}?"
            r"\binclud(?:e|es|ed)\b"
            # "Other leaders at the gathering included A, B and C"
            r"|\b(?:other\s+)?(?:leaders|heads of state|heads of government)\s+(?:at|attending|"
            r"present at|in attendance at)\s+[^.;,]{0,40}?"
            r"\binclud(?:e|es|ed)\b",
            _I,
        ),
    ),
    # Roll calls, in a pattern of their own so that each keeps its first-character test
    # (every alternative opens with a letter, either case, and no optional part):
    # "The others around the table were A, B and C", "Also at the table were ...",
    # "The meeting brought together A, B and C", "From West Africa came A and B".
    (
        TriggerKind.HOST,
        True,
        re.compile(
            r"\b(?:[Oo]thers\s+(?:around|at|present at|attending)|[Aa]lso\s+(?:around|at))"
            r"\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?(?:were|are|included|include)\b(?=\s+[A-Z])"
            r"|\b[Bb]r(?:ought|ings|inging)\s+together\b(?=\s+[A-Z])"
            r"|\b[Ff]rom\s+(?:the\s+)?[A-Z][^,.;]{0,40}?\s+came\b(?=\s+[A-Z])",
            0,
        ),
    ),
    (
        TriggerKind.HOST,
        True,
        re.compile(
            r"\b(?:host(?:s|ed)|receiv(?:es|ed)|welcom(?:es|ed)|greet(?:s|ed)|play(?:s|ed) host to|"
            r"(?:will|to|would)\s+(?:host|receive|welcome)|"
            # "rolled out the red carpet for Putin"
            r"rol(?:l|ls|led|ling)\s+out\s+the\s+red\s+carpet\s+for|"
            # "Putin opened the summit, welcoming Xi, Modi and Pezeshkian"
            # (the look-behind after each word keeps the pattern's first-character test)
            r"(?:welcoming(?<=, welcoming)|receiving(?<=, receiving)|greeting(?<=, greeting)|"
            r"hosting(?<=, hosting))(?=\s+(?-i:[A-Z]))|"
            # "Kim is hosting Belousov this week"
            r"(?:is|are|was|were)\s+(?:also\s+)?(?:hosting|receiving|welcoming|greeting))\b"
            # "received a New Year greeting card from Putin", "welcomed the decision": a thing
            r"(?!\s+(?:a|an|the|his|her|its|their)?\s*(?:[a-z][\w-]*\s+){0,3}?"
            rf"(?:{_THINGS})\w*\b)",
            _I,
        ),
    ),
    (
        TriggerKind.SUMMIT,
        True,
        re.compile(
            r"\b(?:attend(?:s|ed|ing)?|join(?:s|ed|ing)?|address(?:es|ed|ing)?|"
            r"(?:co-)?chair(?:s|ed|ing)?|"
            r"(?:took|take|takes|taking) part in|participat(?:e|es|ed|ing) in)\s+(?:the|a|an|"
            r"its|this|last|next)?\s*"
            r"(?:[\w'’-]+\s+){0,5}?(?:summit|(?<!news )(?<!press )conference|forum|meeting|"
            r"gathering|talks|games|"
            r"ceremony|dialogue|consultations|negotiations|congress|"
            r"inauguration|swearing-in|parade|funeral|celebrations?|commemorations?|anniversary|"
            r"session|assembly)\b"
            r"|(?<!present )\b(?:at|for|on the sidelines of)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,5}?"
            r"(?:summit|(?<!news )(?<!press )conference|forum|games|ceremony|inauguration|parade|"
            r"funeral|"
            r"celebrations?|meeting)\b",
            _I,
        ),
    ),
    (
        TriggerKind.SUMMIT,
        True,
        re.compile(
            r"\b(?:also\s+)?(?:attending|present|in attendance|taking part|participating)(?:\s+"
            # "Also present at the ceremony were ..."; "Also in attendance: ..."
            r"(?:(?:at|for)\s+(?:the\s+)?[^,.;:]{1,40}?\s+)?(?:are|were|will be|was|is)\b|:)"
            r"|\b(?:is|are|was|were)\s+(?:also\s+)?(?:attending|taking part|participating)\b"
            # "a meeting of ministers in Minsk on Wednesday, which Sergei Lavrov attended"
            r"|(?<=[a-z] )(?:also\s+)?attended(?=\s*(?:[.,;]|$|as\s+(?:a|an)\s))"
            # "was among the ministers attending", "were among the guests"
            # "sat among the guests", "was among the ministers travelling with Raisi"
            r"|\b(?:is|are|was|were|sat|stood)\s+(?:also\s+)?among\s+(?:the\s+)?"
            r"(?:[\w'’-]+\s+){0,3}?(?:attending|attendees|participants|guests|dignitaries|"
            r"present|in attendance|travell?ing with|accompanying|"
            # "were among the heads of state at Tuesday's session"
            r"(?:leaders|heads of state(?: and(?: of)? government)?|heads of government|presidents|"
            r"delegates)"
            # "... among more than 30 leaders from Africa, Asia and Latin America invited to"
            r"(?:\s+from\s+[^.;:]{1,60}?)?\s+(?:at|in|attending|who attended|invited to)\b)",
            _I,
        ),
    ),
    # "a planned summit between Trump and Putin in Budapest": visitors follow.
    (TriggerKind.SUMMIT, False, re.compile(r"\b(?:summit|meeting)\s+(?:between|with)\b", _I)),
    (
        TriggerKind.VISIT,
        True,
        re.compile(
            r"\b(?:cancel(?:l?ed|s|l?ing)?|call(?:ed|s|ing)? off|postpon(?:ed|es|ing|e)|"
            r"scrapp?(?:ed|s|ing)|"
            r"shelv(?:ed|es)|put off|cut short)\s+(?:(?:his|her|their|its|a|an|the|"
            r"[\w'’]+['’]s)\s+)?"
            r"(?:[\w'’-]+\s+){0,2}?(?:visit|trip|tour|travel|journey)\b"
            # "pulled out of the summit", "withdrew from the talks", "skipped the G20 summit":
            # a trip not made.
            r"|\b(?:pull(?:ed|s|ing)? out of|withdr(?:ew|aws|awn) from|"
            # (not "skipped Tuesday's business forum" of a summit he attended)
            rf"(?:skip(?:ped|s|ping)|stay(?:ed|s)? away from)(?={_SKIPPED_EVENT}))"
            r"\s+"
            r"(?:(?:the|a|an|this|his|her|their)\s+)?"
            r"(?:[\w'’-]+\s+){0,3}?(?:summit|meeting|talks|forum|conference|visit|trip|parade|"
            r"ceremony|session)\b",
            _I,
        ),
    ),
    (
        TriggerKind.TRAVEL,
        True,
        re.compile(
            r"\b(?:is|are|was|were|(?:has|had|have)\s+been|(?:will|would)\s+be)\s+(?:also\s+|"
            r"already\s+|now\s+|last\s+|still\s+|briefly\s+|back\s+|again\s+)?"
            r"(?:(?:among|one of)\s+[^,.;]{0,50}?\s+)?in\b"
            # "is also in the capital": the city the article reports from
            r"(?=\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[A-Z]|\s+the\s+(?:Chinese\s+|Russian\s+)?"
            r"(?:capital|city)\b)"
            # "his last visit was in September 2021": a date, not a place
            rf"(?!\s+(?:early\s+|late\s+|mid-?)?(?:{FULL_MONTHS}|(?:19|20)\d\d)\b)",
            0,
        ),
    ),
    # "had spent Monday in Venezuela", "spends two days in Hanoi": a stay abroad;
    # "a tour that began in Baghdad", "which took him to Mali": legs of an itinerary.
    (
        TriggerKind.TRAVEL,
        True,
        re.compile(
            # "spent two days in Hanoi", "spent more than an hour with Suu Kyi in Naypyitaw"
            # (not "spent years in a US-run prison in Iraq": a life, not a trip)
            r"\bspen(?:t|ds|ding)\s+(?:(?!(?:years|decades|prison|jail|exile|custody|detention|"
            r"childhood)\b)[\w'’-]+\s+){1,4}?(?:with\s+(?:[\w'’-]+\s+){1,4}?)?in\b"
            r"(?=\s+(?:the\s+)?(?-i:[A-Z]))"
            r"|\b(?:tour|trip|journey|visit|swing)\s+(?:that|which)\s+(?:began|started|opened|"
            r"begins|starts)\s+(?=in\b)"
            r"|\b(?:took|takes|has taken|had taken|will take|is taking)\s+(?:him|her|them|"
            r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:on\s+)?(?=to\b)",
            0,
        ),
    ),
    # "have confirmed their attendance at Friday's parade": they will travel to it.
    (
        TriggerKind.TRAVEL,
        True,
        re.compile(
            r"\bconfirm(?:s|ed|ing)?\s+(?:their|his|her|its)\s+(?:attendance|participation|"
            r"presence)\b",
            _I,
        ),
    ),
    (
        TriggerKind.TRAVEL,
        True,
        re.compile(
            r"\b(?:arriv(?:es|ed|ing)|land(?:s|ed|ing)|touch(?:ed|es) down|set foot|sets foot|"
            r"step(?:s|ped) (?:onto|on to|into|across)|cross(?:es|ed) into|"
            r"reach(?:ed|es)|fl(?:ew|ies|ying)|travel(?:l?ed|s|l?ing)|"
            r"head(?:s|ed|ing)\s+(?=(?:to|for|back|home|on)\b)|gather(?:s|ed)|converg(?:es|"
            r"ed)\s+on|"
            r"(?:left|leaves|leaving|depart(?:s|ed|ing)|set off|sets off|set out|bound)\s+for|"
            r"went|goes|came|comes|going\s+on(?=\s+to\b)|mov(?:e|es|ed|ing)\s+on(?=\s+to\b)|"
            # "leaves Washington today for Panama": the place left, then the destination
            r"(?:left|leaves|leaving|depart(?:s|ed|ing))\s+(?-i:(?:[A-Z][\w'’.-]*\s+){1,3})"
            r"(?=(?:(?:today|tonight|tomorrow|(?:early\s+|late\s+)?on\s+\w+|this\s+\w+)\s+)?"
            r"for\b)|"
            # "continuing the same afternoon to Ouagadougou" (not "continued to say")
            r"continu(?:ed|es|ing)(?:\s+on)?(?=\s+(?:[\w'’-]+\s+){0,3}?to\s+(?-i:[A-Z]))|"
            r"return(?:s|ed|ing)|(?:has|have|"
            r"had)\s+(?:also\s+)?been\s+(?=to\b)|"
            # "Scholz followed on February 15", not "followed in October by a decision"
            r"followed(?=\s+(?:on|in|later|suit|days|weeks|months|shortly|soon)\b)"
            r"(?![^,.;]{0,30}\bby\b)|"
            r"(?:led|lead|leads|leading)\s+(?:a|an|the|his|her|"
            r"its|their)?\s*(?:[\w'’-]+\s+){0,3}?delegations?)\b",
            _I,
        ),
    ),
    (
        TriggerKind.TRAVEL,
        False,
        re.compile(
            # not "as head of the bank"
            r"\b(?:arrive|land|travel|fly|head(?!\s+of\b)|set foot|depart for|leave for|go|come|"
            # "the only head of government from the EU to attend."
            r"return|attend(?=\s*[.,;]))\b",
            _I,
        ),
    ),
    (
        TriggerKind.VISIT,
        True,
        re.compile(
            r"\b(?:visit(?:s|ed|ing)|tour(?:s|ed|ing)|"
            r"(?:paid|pays|paying|made|makes|making|began|begins|beginning|start(?:s|ed|ing)|"
            r"kick(?:s|ed|ing) off|open(?:s|ed)|wrapp?(?:ed|s|ing) up|conclud(?:ed|es|ing)|"
            r"end(?:s|ed|ing)|cut short|is on|was on|are on|were on|arriv(?:ed|es) on|during|on)"
            r"\s+(?:a|an|his|her|their|the|its)?\s*(?:[\w'’-]+\s+){0,3}?(?:visit|trip|tour|stay|"
            r"voyage|journey|mission|stop|stopover)s?)\b",
            _I,
        ),
    ),
    (
        TriggerKind.VISIT,
        False,
        re.compile(
            r"\b(?:make|pay)\s+(?:a|an|his|her|their|the|its)?\s*(?:[\w'’-]+\s+){0,2}?"
            r"(?:visit|trip|journey|stop)\b",
            _I,
        ),
    ),
    (
        TriggerKind.VISIT,
        False,
        re.compile(
            r"\b(?:visit|tour|(?:visit|trip|tour|journey|voyage|travel)s?\s+(?:(?:abroad|"
            # "His last trip abroad before this one was to Munich"
            r"as\s+\w+)\s+)?(?:(?:before|since)\s+(?:this|that)\s+one\s+)?(?:was\s+)?(?=to\b)|"
            r"(?:visit|trip)\s+(?:is|was|will be)\s+(?:his|her|its|their|the)\s+(?:first|"
            r"second|third|last)\s+(?=to\b)|"
            r"whose\s+(?:[\w-]+\s+){0,2}?(?:visit|trip)|"
            # "Xi made Russia his first destination", "chose Kazakhstan for his first foreign
            # trip": the place named is the trip's
            r"(?:made|makes|chose|chooses|picked)(?=\s+(?-i:[A-Z])[\w'’ -]{1,30}?\s+(?:(?:his|her|"
            r"their|the)\s+(?:[\w-]+\s+){0,3}?(?:destination|stop|port of call)|for\s+(?:his|her|"
            r"their)\s+(?:[\w-]+\s+){0,3}?(?:trip|visit|tour|journey)))|"
            # "a trip by Lukashenko to Myanmar": as "a visit by"
            r"(?:trip|journey)(?=\s+by\s+(?:(?-i:[A-Z])|the\s|a\s|an\s))|"
            # (not "agreed to stay in contact")
            r"(?:stops?|stopovers?|stay)\s+(?=in\b)(?!in\s+(?:contact|touch|power|office|place|"
            r"line|the\s+race)\b))\b",
            _I,
        ),
    ),
    (
        TriggerKind.TALKS,
        True,
        re.compile(
            r"\b(?:held|hold(?:s|ing)?|had)\s+(?:\w+\s+){0,2}?(?:talks|meetings?|discussions|"
            r"summits?)\b|"
            r"\bmet(?:\s+with)?\b|\bmeets(?:\s+with)?\b|\blast saw\b|"
            # "sat down with Putin in the Kremlin"; "a day after meeting Zelenskyy in Kyiv"
            # (the look-behind comes after the word, so the first-character test still holds)
            r"\b(?:sat|sits|sitting)\s+down\s+with\b|\bmeeting(?<=after meeting)"
            r"(?=\s+(?:with\s+)?[A-Z])|"
            # "Putin and Kim signed a defence pact in Pyongyang": both were there
            r"\b(?:signed|inked)\b(?=[^.;,]{0,60}?\bin\s+(?:the\s+)?(?-i:[A-Z]))",
            _I,
        ),
    ),
    # "are expected to meet in Moscow": a meeting abroad, once a modal makes it a plan.
    (TriggerKind.TALKS, False, re.compile(r"\bmeet(?:\s+with)?\b", _I)),
]

# Not a trip: the people talk from where they are, or tourists travel.
NEGATIVE_CONTEXT = with_first_char_test(
    re.compile(
        r"\b(?:phone|telephone|video\s*(?:call|link|conference)|videoconference|virtual(?:ly)?|"
        r"by video|online|remotely|spoke by|(?:the|a|phone|telephone|video) call\b|call with\b|"
        r"credentials|tourists?|tourism|"
        # "Chinese visitors rose 40%", "a million visitors": counted arrivals; "a frequent
        # visitor to Turkiye" is one person's trips
        r"visitors\b(?<!frequent visitors)(?<!regular visitors)(?<!senior visitors)"
        r"(?<!state visitors)(?<!high-level visitors)(?<!official visitors))",
        _I,
    )
)
_CANCELLED = with_first_char_test(
    re.compile(
        r"\b(?:cancel(?:l?ed|s|l?ing)?|call(?:ed|s|ing)? off|postpon(?:ed|es|ing|e)|scrapp?(?:ed|s|"
        r"ing)|"
        r"shelv(?:ed|es)|put off|pull(?:ed|s)? out of|abandon(?:ed|s)|delay(?:ed|s)|"
        # (a summit skipped, not "skipped Tuesday's business forum" of one attended)
        rf"(?:skip(?:ped|s|ping)|stay(?:ed|s)? away from)(?={_SKIPPED_EVENT})|"
        r"(?:was|were|has been|had been) (?:indefinitely )?(?:suspended|axed))\b",
        _I,
    )
)
# Modality right before the trigger (same clause): a plan, not a trip.
_PLANNED_BEFORE = with_first_char_test(
    re.compile(
        r"(?:\bwill|\bwould|\bshall|'ll|\bis to|\bare to|\bwas to|"
        r"\b(?:is|are|was|were|be|been)\s+(?:\w+\s+)?(?:expected|due|set|scheduled|slated|poised|"
        r"going|likely|planning|preparing|ready|invited|keen|about)\s+to|"
        r"\b(?:plans?|planned|planning|intends?|intended|hopes?|hoped|wants?|wanted|agreed?|agrees|"
        r"promised|pledged|vowed|offered|invit(?:ed|es|ing)|urged|asked|accepted|accepts|"
        r"expects?|decided|may|might|could|can|invitation)\b(?:\s+[\w'’.-]+){0,8}?\s+to|"
        r"\b(?:may|might|could|can|should|must)|"
        r"\b(?:upcoming|planned|forthcoming|proposed|expected|possible|future|next|prospective|"
        r"scheduled|pending|long-awaited|maiden|first-ever)(?:\s+[\w'’-]+){0,2}|"
        # "was looking forward to a visit by Xi", "awaits a visit from"
        r"\b(?:looking forward to|looks forward to|look forward to|awaits|awaiting|waiting for)"
        r"(?:\s+[\w'’-]+){0,2})\s*$",
        _I,
    )
)
_UNFULFILLED_IN_TRIGGER = re.compile(r"had been\s+(?:also\s+)?(?:expected|due)\b", _I)
_PLANNED_IN_TRIGGER = re.compile(
    r"(?:will|would|shall)\s+be\b|(?:is|are|was|were)\s+(?:also\s+|both\s+|all\s+)?(?:expected|due)\b|"
    r"confirm|"
    r"(?:will|would|to)\s+(?:host|receive|welcome)\b",  # "Putin will host Raisi in Moscow"
    _I,
)
_TO_BEFORE = re.compile(r"\bto\s*$", _I)
_TO_WORD_BEFORE = re.compile(r"\bto\s+(?:\w+\s+)?$")
_HEADLINE_TO = re.compile(r"\s*(?:also\s+)?to\s*", _I)
# A modal earlier in the clause still governs the trip: "will fly to Colombo later on Friday".
_MODAL_IN_CLAUSE = with_first_char_test(
    re.compile(
        r"\b(?:will|would|shall|is (?:expected|due|set|scheduled|slated) to|are (?:expected|due|"
        r"set|scheduled|slated) to|plans? to|intends? to)\b"
        r"(?![^,;]*\b(?:said|says|told|announced)\b)",
        _I,
    )
)
# Another tensed verb between a modal and the trigger takes the modal's place:
# "it will be the first time a leader has attended"; so does a "that" clause
# ("it will be recalled that Kim visited").
_OTHER_FINITE = with_first_char_test(
    re.compile(r"\b(?:has|have|had|is|was|were|did|does|that)\b", _I)
)
# A plan that did not happen: "had been due to attend".
_UNFULFILLED = with_first_char_test(
    re.compile(
        r"\b(?:had been (?:due|expected|scheduled|set|slated|planning) to|was supposed to|were "
        r"supposed to|"
        r"was meant to|were meant to|was to have|were to have)\b",
        _I,
    )
)
# A trip ruled out in advance is a cancelled visit: "will not travel to South Africa".
NEGATED_PLAN = with_first_char_test(
    re.compile(
        r"\b(?:will not|won't|would not|wouldn't|is not going to|are not going to|decided not to|"
        r"declined to|(?:will|would) (?:skip|miss)|pulled out of|withdr[ea]w from|"
        # "Qin Gang could not make the trip for health reasons"
        r"could not|couldn't|cannot|can't|(?:is|are|was|were) unable to)"
        r"\s+(?:\w+\s+){0,2}$",
        _I,
    )
)
# Negated trips are none: "did not travel", "has never visited".
NEGATED = with_first_char_test(
    re.compile(
        r"\b(?:not|never|n't|no longer|declined to|refused to|skip(?:ped|s)?)\s+(?:\w+\s+)?$", _I
    )
)
_PAST_BEFORE = with_first_char_test(
    re.compile(
        r"\b(?:had|has|have|'d|'ve)\s+(?:\w+\s+){0,2}?(?:been\s+)?$|\b(?:previously|earlier|once|last|"
        r"formerly|already|twice|since|ever)\s+(?:\w+\s+){0,1}$|"
        r"\b(?:when|who)\s+(?:[\w'’.-]+\s+){0,5}$|"
        r"\b(?:previous|prior|last|earlier|past|former)\s+(?:[\w'’-]+\s+){0,2}$",
        _I,
    )
)
_PAST_IN_TRIGGER = re.compile(r"\b(?:last|had been|has been|have been)\b", _I)
_PAST_ANYWHERE = with_first_char_test(
    re.compile(
        r"\b(?:previously|in the past|the last time|last visited|had visited|has visited|"
        r"have visited|has been to|had been to|has travelled|has traveled|had travelled|"
        r"had traveled|back in|at the time|days ago|"
        # "visited twice", not "a visit postponed twice"
        r"(?:twice|three times|several times)(?<!postponed twice)(?<!delayed twice)"
        r"(?<!cancelled twice)(?<!canceled twice)(?<!rescheduled twice)|"
        # "The visit follows a trip to KSA, where ...": the trip told is the earlier one.
        r"(?:follows|followed|comes after|came after)\s+(?:a|an|his|her|their|last week's)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:trip|visit|tour|stop))\b",
        _I,
    )
)
# Habits are not visits: "has travelled to Russia many times", "went mostly to ex-Soviet
# states" (but not "a visit remembered mainly for a fist bump").
HABITUAL = with_first_char_test(
    re.compile(
        r"\b(?:many times|often|frequently|regularly|routinely|every year|annually|countless|"
        r"usually|(?:mostly|mainly|largely)\s+(?:to|in|within)\b)\b",
        _I,
    )
)

# "after visiting Kyiv", "since his visit": an earlier leg ("before flying on to Pyongyang"
# is a later one, so "before" is not here)
AFTER_SINCE = with_first_char_test(re.compile(r"\b(?:after|since)\s+(?:[\w'’-]+\s+){0,3}$", _I))
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s*(?:and|but|while|whereas|who|which|as|after|before|when)\b")


# Words one of which must be in a sentence for each pattern above to match (same
# order). Substring tests run in C and skip most regex passes: the regex engine
# is the cost of extraction.
_GATES: list[tuple[str, ...]] = [
    ("expected in", "expected on", "expected at", "due in", "due on", "due at"),
    ("received", "welcomed", "greeted", "hosted"),
    (
        "represented",
        "guests",
        "attendees",
        "participants",
        "invitees",
        "dignitaries",
        "leaders at",
        "leaders attending",
        "leaders present",
        "leaders in attendance",
        "heads of state at",
        "heads of government at",
        " sent",  # not "present", "represented"
        " sends",
        "dispatched",
        "on the list",
        "guest list",
        "as is",
        "as are",
        "as was",
        "as were",
        "as did",
        "led by",
        "headed by",
        "among",
    ),
    (
        "others around",
        "others at",
        "others present",
        "others attending",
        "also at the",
        "also around",
        "brought together",
        "brings together",
        "bringing together",
        " came ",
    ),
    ("host", "receiv", "welcom", "greet", "red carpet"),
    (
        "summit",
        "conference",
        "forum",
        "meeting",
        "gathering",
        "talks",
        "games",
        "ceremony",
        "inauguration",
        "swearing-in",
        "parade",
        "funeral",
        "celebration",
        "commemoration",
        "anniversary",
        "session",
        "assembly",
        "address",
        "chair",
        "dialogue",
        "consultations",
        "negotiations",
        "congress",
    ),
    (
        "attended",
        "attending",
        "present",
        "attendance",
        "taking part",
        "participating",
        "attendees",
        "participants",
        "guests",
        "dignitaries",
        "is among",
        "are among",
        "was among",
        "were among",
        "sat among",
        "stood among",
        "also among",
        "travelling with",
        "traveling with",
        "accompanying",
    ),
    ("summit", "meeting"),
    (
        "cancel",
        "call",
        "postpon",
        "scrap",
        "shelv",
        "put off",
        "cut short",
        "out of",
        "withdr",
        "skip",
        "stayed away",
        "stays away",
    ),
    # "be in", "was in": "will be in Hanoi", "Lavrov was in Pyongyang" may trigger on their own
    (
        " in ",
        "be in",
        "was in",
        "were in",
        "is in",
        "are in",
        "been in",
        "also in",
        "already in",
        "still in",
        "briefly in",
        "back in",
        "again in",
        "now in",
        "last in",
    ),
    (
        "spen",
        "began in",
        "started in",
        "begins in",
        "starts in",
        "opened in",
        "him to",
        "her to",
        "them to",
        "him on to",
        "her on to",
        "took ",
        "takes ",
        "taken ",
        "taking ",
        "take ",
    ),
    ("attendance", "participation", "presence"),
    (
        "arriv",
        "land",
        "touch",
        "set foot",
        "sets foot",
        "step",
        "cross",
        "reach",
        "flew",
        "flies",
        "flying",
        "travel",
        "head",
        "gather",
        "converg",
        "left",
        "leav",
        "depart",
        "set off",
        "sets off",
        "set out",
        "bound",
        "went",
        "goes",
        "going on",
        "move on",
        "moves on",
        "moved on",
        "moving on",
        "continu",
        "came",
        "comes",
        "return",
        "been",
        "followed",
        "delegation",  # "led the delegation": the alternative needs the noun
    ),
    (
        "arrive",
        "land",
        "travel",
        "fly",
        "attend",
        "head",
        "set foot",
        "depart",
        "leave",
        " go ",  # the word, not "government" or "ago"
        " go.",
        " go,",
        "come",
        "return",
    ),
    ("visit", "tour", "trip", "stay", "voyage", "journey", "mission", "stop"),
    ("make", "pay"),
    (
        "visit",
        "tour",
        "trip",
        "journey",
        "voyage",
        "travel",
        "stop",
        "stay",
        "destination",
        "port of call",
    ),
    (
        "talks",
        "meeting",
        "discussion",
        "met",
        "meets",
        "saw",
        "summit",
        "down with",
        "signed",
        "inked",
    ),
    ("meet",),
]
assert len(_GATES) == len(_TRIGGERS)
# The same patterns, each behind a test of its first character (same matches, less work).
_SCANNED_TRIGGERS = [(kind, finite, with_first_char_test(p)) for kind, finite, p in _TRIGGERS]
_GATE_SETS = [frozenset(g) for g in _GATES]
_GATE_WORDS = KeywordSet(w for g in _GATES for w in g)
# Gate word -> the patterns it opens (indices, in pattern order): a sentence's few
# gate words pick its patterns directly instead of every gate being tested.
_OPENS: dict[str, tuple[int, ...]] = {
    w: tuple(k for k, g in enumerate(_GATE_SETS) if w in g) for g in _GATES for w in g
}


def gate_words(lowered: str) -> set[str]:
    """The gate words found in a lower-cased sentence."""
    return _GATE_WORDS.found_in(lowered)


def find_triggers(text: str, lowered: str | None = None) -> list[Trigger]:
    """`lowered`: text.lower(), when the caller has it already."""
    found: list[Trigger] = []
    present = gate_words(text.lower() if lowered is None else lowered)
    if not present - {" in "}:
        return found
    for k in sorted({k for word in present for k in _OPENS[word]}):
        kind, finite, pattern = _SCANNED_TRIGGERS[k]
        for m in pattern.finditer(text):
            if any(m.start() < t.end and t.start < m.end() for t in found):
                continue
            found.append(Trigger(m.start(), m.end(), kind, finite, m.group()))
    found.sort(key=lambda t: t.start)
    return found


@lru_cache(maxsize=256)  # each trigger asks for the same clause from several rules
def clause_before(text: str, pos: int, limit: int = 90) -> str:
    """The words of the same clause before `pos` (at most `limit` characters)."""
    window = text[max(0, pos - limit) : pos]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


@lru_cache(maxsize=256)
def _mentions_declining(text: str) -> bool:
    return "but " in text and _DECLINED.search(text) is not None


@lru_cache(maxsize=256)
def _mentions_cancellation(text: str) -> bool:
    return _CANCELLED.search(text) is not None


# Between a trip and a later cancellation word: another clause, whose subject it is
# ("arrived in Kabul ..., a day after the militants called off their ceasefire").
_OTHER_CLAUSE_BETWEEN = re.compile(
    r",\s*(?:who|which|whose|a day after|days after|after|before|as|while|when|where)\b|;", _I
)
# A clause with a subject of its own between a cancellation and a later trip ("..., where
# India is represented by"); not an aside ("postponed, after the earthquake, his visit").
_NEW_CLAUSE_BETWEEN = re.compile(r",\s*(?:who|which|whose|where|while|when)\b|;", _I)
_INSTEAD = re.compile(r"\bin\s+(?:his|her|their|its)\s+place\b|\binstead\b", _I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are|being)\s+(?:\w+\s+)?$", _I)
_TRIP_OBJECT = re.compile(
    r"^\s+(?:\w+\s+){0,3}?(?:visit|trip|tour|journey|travel|plans?|summit|talks|meeting)\b",
    _I,
)


def _cancels(text: str, trigger: Trigger) -> bool:
    """Whether a cancellation word in the sentence is about this trigger's trip: before it
    ("called off his visit to"), or after it with the trip as its subject or object ("the
    visit to Minsk was postponed", "..., but pulled out of the trip")."""
    for m in _CANCELLED.finditer(text):
        if m.end() <= trigger.start:
            # "skipped the summit in Kazakhstan, where India is represented by ...": the
            # clause after is another trip's; "skipped the summit, sending Medvedev in his
            # place": the one sent went
            if (
                trigger.start - m.end() <= 100
                and not _NEW_CLAUSE_BETWEEN.search(text, m.end(), trigger.start)
                and not _INSTEAD.search(text, trigger.start, trigger.end + 120)
            ):
                return True
            continue
        if m.start() < trigger.end:
            return True  # inside the trigger: "postponed visit"
        if trigger.finite and _ARRIVAL_VERB.match(trigger.text):
            # "arrived in Ankara on Wednesday, a visit that had been postponed twice": the
            # arrival happened; what follows tells of the dates that did not hold.
            continue
        between = text[trigger.end : m.start()]
        if _OTHER_CLAUSE_BETWEEN.search(between):
            continue
        if _PASSIVE_BEFORE.search(between[-30:]) or _TRIP_OBJECT.match(text, m.end()):
            return True
    # "had been invited to attend the summit ... but decided not to go"
    declined = _DECLINED.search(text, trigger.end)
    return declined is not None and not _OTHER_CLAUSE_BETWEEN.search(
        text, trigger.end, declined.start()
    )


_DECLINED = re.compile(
    r"\b(?:but|and)\s+(?:then\s+|later\s+|eventually\s+)?(?:decided not to|declined to|"
    r"chose not to|opted not to|did not|didn't|refused to)\s+(?:go|attend|travel|make the trip|"
    r"come)\b"
    r"|\bbut\s+(?:declined|turned it down|stayed (?:at )?home)\b",
    _I,
)


def modal_status(text: str, trigger: Trigger, subject_end: int | None) -> VisitStatus | None:
    """Planned/cancelled from the words around a trigger; None when they say nothing."""
    if (_mentions_cancellation(text) or _mentions_declining(text)) and _cancels(text, trigger):
        return VisitStatus.CANCELLED
    if _UNFULFILLED_IN_TRIGGER.match(trigger.text):
        return VisitStatus.CANCELLED  # "had been due in Iraq on May 28": it did not happen
    if _PLANNED_IN_TRIGGER.match(trigger.text):
        return VisitStatus.PLANNED  # "will be in Moscow", "is expected on Red Square"
    before = clause_before(text, trigger.start)
    if _UNFULFILLED.search(before[-45:]) and _TO_WORD_BEFORE.search(before):
        return VisitStatus.CANCELLED
    if _PLANNED_BEFORE.search(before):
        return VisitStatus.PLANNED
    modal = _MODAL_IN_CLAUSE.search(before[-70:])
    if modal and not _OTHER_FINITE.search(before[-70:][modal.end() :]):
        return VisitStatus.PLANNED  # "will fly to Colombo ... for a state visit"
    # Headline grammar: "Putin to visit North Korea" (a named subject opening the clause).
    if _TO_BEFORE.search(before) and subject_end is not None:
        between = text[subject_end : trigger.start]
        if _HEADLINE_TO.fullmatch(between):
            return VisitStatus.PLANNED
    return None


def is_background(text: str, trigger: Trigger) -> bool:
    """Aspect and adverbs that put a trip before the news: "had visited", "when X visited"."""
    before = clause_before(text, trigger.start, limit=60)
    opening = _OPENING_WHEN.match(text)
    if opening is not None and "," not in text[opening.end() : trigger.start]:
        # "When Putin landed in Pyongyang ..., Kim was waiting": the sentence's own time,
        # not "in 2019, when he visited"
        before = before[before.lower().rfind("when") + 4 :]
    perfect = _NEWS_PERFECT.search(before) if "ha" in before else None
    if perfect is not None and _ARRIVAL_VERB.match(trigger.text):
        # "Erdogan has arrived in Sochi": the perfect of arriving reports the news itself.
        before = before[: perfect.start()]
    elif "ha" in before and (arrival := _NEWS_ARRIVAL.search(before)) is not None:
        # "has arrived and was welcomed at the airport": that perfect is the news too.
        before = before[: arrival.start()]
    if _PAST_BEFORE.search(before) or _PAST_IN_TRIGGER.search(trigger.text):
        return True
    if "had " in before and _PLUPERFECT.search(before):
        return True  # "where he had accompanied Biden at a summit": before the news
    # "It is his first trip to Myanmar, while Min Aung Hlaing has been to Minsk twice": a
    # marker in another clause dates that clause's trip, not this one.
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, trigger.start):
        start = m.end()
    end = _CLAUSE_BREAK.search(text, trigger.end)
    return _past_anywhere(text[start : end.start() if end else len(text)])


_OPENING_WHEN = re.compile(r"""[\s"“‘'(]*When\b""")


@lru_cache(maxsize=256)  # asked once per trigger, the same for the whole sentence
def _past_anywhere(text: str) -> bool:
    return _PAST_ANYWHERE.search(text) is not None


_PLUPERFECT = re.compile(
    r"\bhad\s+(?:already\s+|also\s+|just\s+)?(?:accompanied|joined|attended|visited|met|gone|"
    r"come|flown|travell?ed|made|paid|held|spent|toured|stopped|led)\b",
    _I,
)


_NEWS_PERFECT = re.compile(r"\b(?:has|have)\s+(?:just\s+|now\s+|also\s+)?$", _I)
ARRIVAL_WORDS = "arrived|landed|touched down"
_NEWS_ARRIVAL = re.compile(
    rf"\b(?:has|have)\s+(?:just\s+|now\s+|also\s+)?(?:{ARRIVAL_WORDS})\b", _I
)
_ARRIVAL_VERB = re.compile(rf"(?:{ARRIVAL_WORDS}|reached)\b", _I)


# One of these is in any text NEGATIVE_CONTEXT matches; most sentences have none.
_NEGATIVE_GATE = KeywordSet(
    (
        "phone",
        "video",
        "virtual",
        "online",
        "remotely",
        "spoke by",
        "call",
        "credentials",
        "touris",
        "visitors",
    )
)


def is_negative_context(text: str, lowered: str | None = None) -> bool:
    if lowered is None:
        lowered = text.lower()
    if not _NEGATIVE_GATE.any_in(lowered):
        return False
    return bool(NEGATIVE_CONTEXT.search(text))
