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

    @property
    def happened(self) -> bool:
        return self.status in FACTUAL_STATUSES


@dataclass(frozen=True, slots=True)
class ControlPeriod:
    """Who held a place between two dates, and the claims that say so."""

    place_id: str
    place_name: str
    actor: str
    start: str | None
    end: str | None
    evidence: tuple[str, ...] = ()  # claim ids


@dataclass(frozen=True, slots=True)
class Failure:
    """A document a stage could not process; kept in the store, shown by ``doctor``."""

    source: str
    stage: str
    error: str  # error class / code
    message: str
    doc_id: str | None = None
    at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
