"""The read views' records: what the web server, the situation report and notebooks read.

The read operations themselves are methods of every store (:class:`frontlines.store.protocol.StoreViews`):
the SQLite store answers them with SQL (``store/sqlite_views.py``), the in-memory store and any other
store in plain Python over its records (``store/generic_views.py``), with identical results.  This
module holds no SQL: the frozen records the operations return, the event filters, and the day
arithmetic both implementations share.

An event's date may be a day or an ISO interval ``a/b``; every view works with its first and last
day (``day_start``, ``day_end``): an event is "in" a window when its interval overlaps the window.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

#: fighting at a place this many days before a date marks the place contested on that date
#: (only for an older SQLite store that does not say which periods are contested)
CONTESTED_DAYS = 14
#: characters of text shown before and after a claim's sentence (within its block)
CONTEXT_CHARS = 280
#: standings whose claims count as a happening (frontlines.taxonomy.HAPPENED_STANDINGS)
FACTUAL = ("asserted", "reported", "alleged")

T = TypeVar("T")


# -- records -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of an event listing; every one is optional.  ``bbox`` is (west, south, east, north)."""

    bbox: tuple[float, float, float, float] | None = None
    date_from: str | None = None
    date_to: str | None = None
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    actor: str | None = None
    statuses: tuple[str, ...] = ()
    outlet: str | None = None
    min_support: float | None = None
    happened: bool | None = None
    place_id: str | None = None
    admin1: str | None = None
    located: bool = False  # only events with coordinates


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    event_type: str
    sub_event_type: str
    status: str
    happened: bool
    actor1: str | None
    actor2: str | None
    location: str | None
    gazetteer_id: str | None
    admin1: str | None
    admin2: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    event_date: str | None
    day_start: str | None
    day_end: str | None
    time_precision: int | None
    fatalities: int | None
    sources: tuple[str, ...]
    corroboration: int
    contradicted: bool
    support: float
    #: ACLED's associated actors: named with actor1 / actor2, on the same side
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing in its stable order: ``total`` matches in all."""

    items: tuple[T, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class ClaimEvidence:
    """One claim with the sentence that makes it and the text around it in its document."""

    id: str
    doc_id: str
    status: str
    attributed_to: str | None
    event_type: str
    sub_event_type: str
    trigger: str
    sentence: str
    start: int
    end: int
    trigger_start: int  # offsets into ``sentence``
    trigger_end: int
    context_before: str
    context_after: str
    segment_role: str
    actor1: str | None
    actor2: str | None
    location: str | None
    date_text: str | None
    event_date: str | None
    fatalities: int | None
    outlet: str | None
    title: str | None
    published: str | None
    source: str
    url: str | None


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: EventRow
    claims: tuple[ClaimEvidence, ...]


@dataclass(frozen=True, slots=True)
class SegmentView:
    index: int
    role: str
    start: int
    end: int
    quoted_source: str | None


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    id: str
    status: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    duplicate_of: str | None
    claims: int


@dataclass(frozen=True, slots=True)
class DocumentView:
    id: str
    source: str
    outlet: str | None
    url: str | None
    title: str | None
    author: str | None
    published: str | None
    published_precision: str | None
    language: str | None
    duplicate_of: str | None
    text: str
    segments: tuple[SegmentView, ...]
    claims: tuple[ClaimSpan, ...]


@dataclass(frozen=True, slots=True)
class PlaceRow:
    gazetteer_id: str
    name: str | None
    latitude: float | None
    longitude: float | None
    admin1: str | None
    admin2: str | None
    feature: str | None
    events: int


@dataclass(frozen=True, slots=True)
class ControlRow:
    """Who held a place over a period; ``contested`` and ``confidence`` as the store says or derives."""

    place_id: str
    place_name: str | None
    actor: str
    side: str | None
    start: str | None
    end: str | None
    evidence: tuple[str, ...]
    latitude: float | None
    longitude: float | None
    contested: bool
    confidence: float | None
    previous_actor: str | None = None
    rivals: tuple[str, ...] = ()  # contested: every side credibly said to hold it
    allies: tuple[str, ...] = ()  # a joint hold: the actor's allies holding it with it
    explanation: str | None = None  # how the confidence was reached
    last_confirmed: str | None = None
    origin: str | None = None  # derived from facts, or imported from a baseline


@dataclass(frozen=True, slots=True)
class SiegeRow:
    place_id: str
    place_name: str | None
    besieger: str | None
    besieged: str | None
    start: str | None
    end: str | None
    evidence: tuple[str, ...]  # claim ids
    latitude: float | None
    longitude: float | None
    end_cue: str | None = None


@dataclass(frozen=True, slots=True)
class OutletRow:
    name: str
    documents: int
    claims: int
    events: int


@dataclass(frozen=True, slots=True)
class Count:
    key: str | None
    count: int
    fatalities: int = 0


@dataclass(frozen=True, slots=True)
class Summary:
    events: int
    by_type: tuple[Count, ...]
    by_status: tuple[Count, ...]
    by_week: tuple[Count, ...]
    by_admin1: tuple[Count, ...]


@dataclass(frozen=True, slots=True)
class Facets:
    event_types: dict[str, tuple[str, ...]]
    statuses: tuple[str, ...]
    actors: tuple[tuple[str, str | None], ...]  # (name, side)
    outlets: tuple[str, ...]
    first_day: str | None
    last_day: str | None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FatalityRange:
    event_id: str
    low: int | None
    high: int | None
    reports: int


#: a page of events, a page of documents
EventPage = Page[EventRow]
DocumentPage = Page[DocumentSummary]


# -- the day arithmetic both implementations share -----------------------------------------------
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_start(event_date: str | None) -> str | None:
    """The first day of an event's date (a day, or an ISO interval "a/b")."""
    return None if event_date is None else event_date[:10]


def day_end(event_date: str | None) -> str | None:
    """The last day of an event's date."""
    if event_date is None:
        return None
    return event_date[event_date.index("/") + 1:][:10] if "/" in event_date else event_date[:10]


def week_of(day: str | None) -> str | None:
    """The Monday of the week of an ISO day; None for no day or one that is not a day."""
    if day is None or not _DAY.fullmatch(day):
        return None
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        return None
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def valid_day(text: str) -> bool:
    """An ISO calendar day (YYYY-MM-DD) that exists."""
    try:
        return len(text) == 10 and dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False
