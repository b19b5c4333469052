"""Typed records passed between the pipeline stages.

Every stage takes one of these records in and hands one out; none of them is a
dict.  They are frozen so that a stage can never change what an earlier stage
produced behind its back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from .taxonomy import HAPPENED_STANDINGS, MatchKind, SegmentRole, Standing

#: role of a block of an article; standing of a claim (declared in :mod:`frontlines.taxonomy`)
Role = SegmentRole
Status = Standing

#: roles whose text feeds extraction
EXTRACTABLE_ROLES = frozenset({Role.BODY, Role.QUOTE})

#: statuses whose claims may become events that happened
FACTUAL_STATUSES = HAPPENED_STANDINGS
#: the side of an actor that stands for "nobody named" (kb.yaml sides)
UNKNOWN_SIDE = "unknown"


class Precision(StrEnum):
    """Precision of a publication date."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


def normalize_text(text: str) -> str:
    """Text normalisation used for the article id: NFC, collapsed white space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def text_id(text: str) -> str:
    """Stable id of a document: the first 16 hex digits of SHA-1 of its normalized text."""
    return hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """A document as ingested: raw text plus publication metadata."""

    id: str
    text: str
    source: str  # file path or corpus id the user gave
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_precision: Precision | None = None
    published_basis: str | None = None  # where the date came from, or why it is unknown
    language: str = "en"
    html: str | None = None  # the original markup, when the input was HTML
    duplicate_of: str | None = None  # id of the article this one near-duplicates
    #: the document's own id as the user gave it: a corpus row's ``id``, or the file's path
    #: relative to the input folder (its name when a file was given); exports carry it
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A block of an article's text with its role.

    ``start``/``end`` are character offsets into ``Article.text``;
    ``first_line``/``last_line`` are 1-based line numbers of ``Article.text``
    (``text.split("\\n")``).
    """

    doc_id: str
    index: int
    role: Role
    start: int
    end: int
    first_line: int
    last_line: int
    quoted_source: str | None = None  # for quote blocks: the outlet it reproduces

    def text_of(self, article_text: str) -> str:
        return article_text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Output of the clean stage: the article with its recovered metadata and its blocks."""

    article: Article
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    gazetteer_id: str
    name: str
    latitude: float
    longitude: float
    country: str  # ISO 3166-1 alpha-2, e.g. "SY"
    admin1: str | None = None
    admin2: str | None = None
    feature: str = "settlement"
    population: int | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible referent of a place name, with a score in [0, 1] and why."""

    place: Place
    score: float
    reason: str
    match: MatchKind | None = None  # how the name matched the gazetteer (None: not a name match)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article that names something (place, actor, date, quantity, weapon)."""

    doc_id: str
    kind: str
    start: int
    end: int
    text: str
    # for places: the resolution, if any
    place: Place | None = None
    score: float | None = None
    reason: str | None = None
    geo_precision: int | None = None
    role: str = "other"  # "event location" or "other"
    source_id: str | None = None  # the document's own id (Article.source_id)


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as named in a claim, resolved to a canonical ACLED-style name."""

    surface: str | None  # the words of the text; None when inferred from context
    name: str | None  # canonical name, None when unknown
    inter: int | None = None  # ACLED inter code
    side: str | None = None
    inferred: bool = False

    @property
    def stand_in(self) -> bool:
        """Put in only because no actor is named ("an unidentified armed group"), not named."""
        return self.inferred and self.side == UNKNOWN_SIDE


@dataclass(frozen=True, slots=True)
class Claim:
    """One event claim made by one sentence of one document."""

    id: str
    doc_id: str
    segment_role: Role
    start: int  # evidence span: the sentence, in Article.text offsets
    end: int
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    event_type: str
    sub_event_type: str
    status: Status
    attributed_to: str | None = None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    location: Mention | None = None  # the event's place mention (resolved or not)
    geo_precision: int | None = None
    date_text: str | None = None
    event_date: str | None = None  # ISO date, or ISO interval "a/b"
    time_precision: int | None = None  # ACLED: 1 day, 2 week, 3 month
    fatalities: int | None = None
    weapons: tuple[str, ...] = ()
    notes: str | None = None
    ongoing: bool = False  # present progressive: still going on at publication
    source_id: str | None = None  # the document's own id (Article.source_id)
    #: a capture of only part of the place ("part of X", "a district of X")
    partial: bool = False
    #: the actors named with actor1 / actor2 on the same side ("the army *and Hezbollah*",
    #: "12 civilians *and two rebels*"): ACLED's associated actors
    assoc1: tuple[ActorRef, ...] = ()
    assoc2: tuple[ActorRef, ...] = ()

    @property
    def factual(self) -> bool:
        return self.status in FACTUAL_STATUSES


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world happening, fused from one or more claims."""

    id: str
    event_type: str
    sub_event_type: str
    status: Status  # the strongest standing among its claims
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    location: str | None = None
    gazetteer_id: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    event_date: str | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    claim_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # outlets
    corroboration: int = 1  # number of distinct documents
    contradicted: bool = False
    support: float = 0.0  # 0..1, claims combined with the partisan-source rule (fuse.weighting)
    fatalities_max: int | None = None  # the highest toll its claims give (``fatalities`` is the lowest)
    #: ACLED's associated actors: named with actor1 / actor2, on the same side (canonical names)
    assoc_actor1: tuple[str, ...] = ()
    assoc_actor2: tuple[str, ...] = ()

    @property
    def happened(self) -> bool:
        return self.status in FACTUAL_STATUSES

    @property
    def fatalities_range(self) -> tuple[int, int] | None:
        """(lowest, highest) toll of its claims; ACLED's figure is the lowest."""
        if self.fatalities is None:
            return None
        return self.fatalities, self.fatalities_max if self.fatalities_max is not None else self.fatalities


@dataclass(frozen=True, slots=True)
class ControlPeriod:
    """Who held a place between two dates, and the claims that say so."""

    place_id: str
    place_name: str
    actor: str
    start: str | None
    end: str | None
    evidence: tuple[str, ...] = ()  # claim ids
    state: str = "held"  # "held", or "contested" when credible facts disagree (``rivals`` lists both sides)
    rivals: tuple[str, ...] = ()  # contested: every side credibly said to hold it
    confidence: float = 0.0  # 0..1 (derive.confidence), explained in ``explanation``
    explanation: str = ""
    last_confirmed: str | None = None  # the latest day a fact confirmed this holder
    facts: tuple[str, ...] = ()  # TerritorialFact ids behind the period, in date order
    origin: str = "derived"  # "derived" from facts, or "import: FILE (source)" for a baseline
    latitude: float | None = None
    longitude: float | None = None
    outlets: int = 0  # independent sources behind it (the same wire text counts once)
    allies: tuple[str, ...] = ()  # held jointly: the controller's allies holding it with it (a joint hold)


@dataclass(frozen=True, slots=True)
class Failure:
    """A document a stage could not process; kept in the store, shown by ``doctor``."""

    source: str
    stage: str
    error: str  # error class / code
    message: str
    doc_id: str | None = None
    at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))


class FactKind(StrEnum):
    """What a territorial fact says about a place."""

    CAPTURE = "capture"  # gainer took the place (or, with scope "part", part of it) from loser
    WITHDRAWAL = "withdrawal"  # loser left the place (gainer, if named, took over)
    HANDOVER = "handover"  # a non-violent transfer from loser to gainer
    CONTROL = "control"  # a statement that gainer holds the place ("X, held by Y")
    SIEGE_START = "siege start"  # gainer besieges / encircles loser at the place
    SIEGE_END = "siege end"  # the siege of the place was broken or lifted (gainer broke it)
    ADVANCE = "advance"  # fighting towards or near the place: no change of control


#: kinds of fact that can move a front line (when they happened)
MOVING_KINDS = frozenset({FactKind.CAPTURE, FactKind.WITHDRAWAL, FactKind.HANDOVER, FactKind.CONTROL})
#: the start of the cue of a control statement made in a sentence of no event claim
#: (``TerritorialFact.alone``); a database written before that field tells it by this cue only
ALONE_CUE = "control statement, a sentence of its own: "


@dataclass(frozen=True, slots=True)
class TerritorialFact:
    """One thing a claim says about who holds, takes, besieges or leaves one place."""

    id: str
    kind: FactKind
    place_id: str
    place_name: str
    claim_id: str
    doc_id: str
    status: Status
    start: str | None  # ISO day: the first day of the claim's date span
    end: str | None  # ISO day: the last day of the claim's date span
    gainer: str | None = None  # who takes / holds / besieges
    loser: str | None = None  # who loses / is besieged
    gainer_side: str | None = None
    loser_side: str | None = None
    scope: str = "full"  # "full", "part" (a neighbourhood, "part of" the place) or "near"
    latitude: float | None = None
    longitude: float | None = None
    sentence: str = ""
    cue: str = ""  # the rule and words that made the fact (shown by ``control --place``)
    outlet: str | None = None
    outlet_side: str | None = None  # side of the source (outlet, or the source it quotes)
    source_key: str = ""  # independent sources: one key per outlet / quoted source
    denies: tuple[str, ...] = ()  # for a denied fact: the ids of the facts it denies
    #: a control statement in a sentence of no event claim ("X is held by Y", said in passing): it
    #: says who holds the place, not that anything happened there, and weighs less (derive.confidence)
    alone: bool = False

    @property
    def factual(self) -> bool:
        return self.status in FACTUAL_STATUSES

    @property
    def moves_line(self) -> bool:
        """Whether it can change who holds the place: a dated fact that happened."""
        return self.factual and self.kind in MOVING_KINDS and self.start is not None


@dataclass(frozen=True, slots=True)
class Siege:
    """A siege or encirclement of a place: who besieged whom, from when to when."""

    id: str
    place_id: str
    place_name: str
    besieger: str | None
    besieged: str | None
    start: str | None
    end: str | None  # None: not reported broken or lifted
    facts: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    end_cue: str | None = None  # e.g. "broken" (the sentence that ended it is among the facts)


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One place of an imported control snapshot (``frontlines control import``)."""

    place_id: str
    place_name: str
    controller: str
    as_of: str  # ISO day
    source: str  # who published the snapshot
    file: str  # the file it was imported from
    latitude: float | None = None
    longitude: float | None = None
