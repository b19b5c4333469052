"""The coding taxonomy, declared once: ACLED event types, inter codes, standings, date spans.

Every module that needs an event type, a sub-event type, an inter code, a claim's
standing or the extent of an ``event_date`` takes it from here; nothing re-declares
a subset.  The theater-specific vocabulary (actors, places, outlets, cue words) is
*not* here: it is data, in the knowledge base (:mod:`frontlines.kb`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

# --- event types ------------------------------------------------------------------------------

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS = "Government regains territory"
NONSTATE_OVERTAKES = "Non-state actor overtakes territory"
NONVIOLENT_TRANSFER = "Non-violent transfer of territory"
AIR_STRIKE = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
CHEMICAL = "Chemical weapon"
SUICIDE_BOMB = "Suicide bomb"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
ATTACK = "Attack"

#: every ACLED event type with its sub-event types (the one table)
EVENT_TYPES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    BATTLES: (ARMED_CLASH, GOVERNMENT_REGAINS, NONSTATE_OVERTAKES),
    EXPLOSIONS: (CHEMICAL, AIR_STRIKE, SUICIDE_BOMB, SHELLING, REMOTE_EXPLOSIVE, GRENADE),
    VIOLENCE_AGAINST_CIVILIANS: ("Sexual violence", ATTACK, "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction",
                NONVIOLENT_TRANSFER, "Other"),
})

#: sub-event type → its event type
SUB_EVENT_TYPES: MappingProxyType[str, str] = MappingProxyType(
    {sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs})

#: event types of political violence (the ones fusion, actor inference and casualties care about)
VIOLENT = frozenset({BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS})

#: sub-event types that change who holds a place
TERRITORIAL = frozenset({GOVERNMENT_REGAINS, NONSTATE_OVERTAKES, NONVIOLENT_TRANSFER})

#: the two battle sub-types decided by who took the place (state or not)
TERRITORY_TAKEN = frozenset({GOVERNMENT_REGAINS, NONSTATE_OVERTAKES})

#: event type → ACLED disorder type
DISORDER_TYPES: MappingProxyType[str, str] = MappingProxyType({
    BATTLES: "Political violence", EXPLOSIONS: "Political violence",
    VIOLENCE_AGAINST_CIVILIANS: "Political violence", PROTESTS: "Demonstrations",
    RIOTS: "Demonstrations", STRATEGIC: "Strategic developments",
})


def is_event_type(name: str) -> bool:
    return name in EVENT_TYPES


def is_sub_event_type(name: str, event_type: str | None = None) -> bool:
    """Whether ``name`` is a sub-event type (of ``event_type`` when it is given)."""
    etype = SUB_EVENT_TYPES.get(name)
    return etype is not None and (event_type is None or etype == event_type)


# --- actors: inter codes ------------------------------------------------------------------------

#: ACLED inter codes (actor types)
INTER_CODES: MappingProxyType[int, str] = MappingProxyType({
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
})
STATE_FORCES, REBELS, CIVILIANS, EXTERNAL = 1, 2, 7, 8

#: inter code of the unnamed crowd of a demonstration event type (ACLED names it by its country)
CROWD_INTER: MappingProxyType[str, int] = MappingProxyType({PROTESTS: 6, RIOTS: 5})


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: the two inter codes, lower first (10 × a + b); a lone actor is ``a0``."""
    if inter1 is None and inter2 is None:
        return None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


# --- standings ----------------------------------------------------------------------------------


class Standing(StrEnum):
    """How the text presents a happening (a claim's status)."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    ALLEGED = "alleged"
    DENIED = "denied"
    EXPECTED = "expected"
    HYPOTHETICAL = "hypothetical"
    #: history told inside a current report: a recap, an earlier year, "last year", a
    #: pluperfect, "since 2014", a war-long toll; kept with its evidence, never a current event
    BACKGROUND = "background"


#: standings whose claims may become events that happened; the others are kept, never counted
HAPPENED_STANDINGS = frozenset({Standing.ASSERTED, Standing.REPORTED, Standing.ALLEGED})


def counts_as_happened(standing: str) -> bool:
    return standing in HAPPENED_STANDINGS


# --- kinds of things --------------------------------------------------------------------------


class SegmentRole(StrEnum):
    """Role of a block of an article (DESIGN.md, stage *clean*)."""

    TITLE = "title"
    BYLINE = "byline"
    BODY = "body"
    QUOTE = "quote"
    BOILERPLATE = "boilerplate"
    COMMENTS = "comments"


class MentionKind(StrEnum):
    """What a mention names."""

    PLACE = "place"
    ACTOR = "actor"
    DATE = "date"
    QUANTITY = "quantity"
    WEAPON = "weapon"


class MentionRole(StrEnum):
    """What a place mention is in its document (``Mention.role``)."""

    EVENT_LOCATION = "event location"  # where a claimed event happened
    OTHER = "other"  # any other place the text names
    ACTOR = "actor"  # a country or capital that stands for its state ("Israel's prime minister")
    DATELINE = "dateline"  # publication metadata ("BEIRUT, May 3 (Agency) -"): never an event location

    @property
    def locates(self) -> bool:
        """Can a mention in this role be the location of an event?"""
        return self in (MentionRole.EVENT_LOCATION, MentionRole.OTHER)


class MatchKind(StrEnum):
    """How a gazetteer name matched a query."""

    KEY = "key"  # the full transliteration key
    CORE = "core"  # the key without generic words ("airbase", "village")
    VOWEL = "vowel"  # the consonant skeleton, and the words differ only in vowels
    SKELETON = "skeleton"  # the consonant skeleton only

    @property
    def fuzzy(self) -> bool:
        return self in (MatchKind.VOWEL, MatchKind.SKELETON)


# --- dates --------------------------------------------------------------------------------------


class DatePrecision(StrEnum):
    """Precision of a date as written: a day, a month or a year (or a span of days)."""

    DAY = "day"
    SPAN = "span"
    MONTH = "month"
    YEAR = "year"


_DATE_PART = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _bounds(part: str) -> tuple[dt.date, dt.date, DatePrecision] | None:
    m = _DATE_PART.fullmatch(part.strip())
    if m is None:
        return None
    year = int(m[1])
    if m[3]:
        day = dt.date(year, int(m[2]), int(m[3]))
        return day, day, DatePrecision.DAY
    if m[2]:
        month = int(m[2])
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), nxt - dt.timedelta(days=1), DatePrecision.MONTH
    return dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR


@dataclass(frozen=True, slots=True)
class DateSpan:
    """The days an ``event_date`` covers: ``2017-01-21``, ``2017-01-21/2017-01-22``, ``2017-06``."""

    start: dt.date
    end: dt.date
    precision: DatePrecision

    @classmethod
    def parse(cls, value: str | None) -> DateSpan | None:
        """The span of an ISO date, interval ("a/b"), month or year; None when absent or malformed."""
        if not value:
            return None
        lo, _, hi = value.partition("/")
        try:
            first, last = _bounds(lo), _bounds(hi or lo)
        except ValueError:
            return None
        if first is None or last is None or last[1] < first[0]:
            return None
        spanned = DatePrecision.DAY if first[0] == last[1] else DatePrecision.SPAN
        precision = spanned if hi else first[2]
        return cls(first[0], last[1], precision)

    @classmethod
    def of(cls, start: dt.date, end: dt.date | None = None) -> DateSpan:
        end = end or start
        return cls(start, end, DatePrecision.DAY if start == end else DatePrecision.SPAN)

    @property
    def first_day(self) -> str | None:
        """The ISO first day, when the value names days (not only a month or year)."""
        return self.start.isoformat() if self.precision in (DatePrecision.DAY, DatePrecision.SPAN) else None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def iso(self) -> str:
        """The ``event_date`` string: one day, or an interval ``a/b``."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def overlaps(self, other: DateSpan, slack_days: int = 0) -> bool:
        slack = dt.timedelta(days=slack_days)
        return self.start <= other.end + slack and other.start <= self.end + slack


def parse_event_date(value: str | None) -> DateSpan | None:
    """Shorthand for :meth:`DateSpan.parse`."""
    return DateSpan.parse(value)


# --- transliteration --------------------------------------------------------------------------

#: the Arabic definite article as written in Latin script, assimilated or not (al-, el-, as-,
#: ash-, ad-, ar-, at-, az-, an-, ul- ...): one alternation, used wherever a name is split
ARABIC_ARTICLE = r"(?:al|el|ul|ash|a[dnrstz]|e[dnrstz])"

#: the article with the hyphen that joins it to a name ("al-Nusra", "ash‐Sham")
ARABIC_ARTICLE_HYPHEN = ARABIC_ARTICLE + r"[-‐]"

#: the article as a word of a name key (with the long and doubled forms a key may hold)
ARABIC_ARTICLE_WORDS = frozenset(
    "al el il ul l as ash es esh is ad adh ed ar er at ath et az ez an en as-s".split())

_ARTICLE_PREFIX = re.compile(rf"(?i)^{ARABIC_ARTICLE_HYPHEN}")


def has_arabic_article(word: str, *, space: bool = False) -> bool:
    """Whether ``word`` starts with a Latin-script Arabic article and a hyphen (or a space)."""
    if space:
        return re.match(rf"(?i){ARABIC_ARTICLE}[-‐ ]", word) is not None
    return _ARTICLE_PREFIX.match(word) is not None


def strip_arabic_article(word: str) -> str:
    """``word`` without a leading article and hyphen ("al-Bab" → "Bab")."""
    return _ARTICLE_PREFIX.sub("", word)


# -- counting the dead (ACLED's conventions; read by extraction, weighed by fusion) ---------------

#: vague quantities as ACLED counts them: "dozens" = 12, "tens" = 10, "scores" = 20 (one score)
VAGUE = {"dozens": 12, "dozen": 12, "tens": 10, "hundreds": 100, "scores": 20, "score": 20,
         "thousands": 1000}  # fmt: skip
UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
#: numbers in words
WORDS = {w: i for i, w in enumerate(UNITS)} | TENS | {"a": 1, "an": 1, "hundred": 100}


def word_value(word: str) -> int | None:
    """The figure a word writes: "12", "1,200", "twelve", "twenty-three" (None: no figure)."""
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    if "-" in word:  # "twenty-three"
        tens, _, unit = word.partition("-")
        if tens in TENS and unit in WORDS and WORDS[unit] < 10:
            return TENS[tens] + WORDS[unit]
        return None
    return WORDS.get(word)
