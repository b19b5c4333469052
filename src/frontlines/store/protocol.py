"""The Store seam: what the pipeline, the exports, evaluation and the API need from a store.

Every store (SQLite, in-memory, the coming PostgreSQL one) implements :class:`Store`; no
caller outside ``frontlines.store`` sends SQL or knows the tables.  Stores are registered by
scheme in :data:`frontlines.registry.stores` and opened with :func:`frontlines.store.open_store`.

Fusing is tracked: every stored document bumps a write version, ``replace_events`` records the
version its events were fused from, and :meth:`Store.needs_fusing` says whether claims were
stored after the last fusion (an interrupted run), so that nothing exports stale events silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..records import (
    Article,
    BaselineEntry,
    Claim,
    ControlPeriod,
    Event,
    Failure,
    Mention,
    Segment,
    Siege,
    TerritorialFact,
)

if TYPE_CHECKING:
    from .views import (
        ClaimEvidence,
        ControlRow,
        DocumentPage,
        DocumentView,
        EventDetail,
        EventPage,
        EventQuery,
        EventRow,
        Facets,
        FatalityRange,
        OutletRow,
        PlaceRow,
        SiegeRow,
        Summary,
    )


@runtime_checkable
class StoreViews(Protocol):
    """The read views: filtered, paged, typed answers for the web server, reports and notebooks.

    Records come from :mod:`frontlines.store.views`.  Every store gives the same answer to the same
    question (same items, same order); :class:`frontlines.store.generic_views.GenericViews`
    answers them for any store from its record readers, a store may answer faster (SQL).
    Listings are in a stable order: events by first day (undated last) then id; documents by
    publication day (undated last), source, id."""

    def query_events(self, query: EventQuery, *, limit: int = 100, offset: int = 0) -> EventPage:
        """One page of the events matching ``query``."""
        ...
    def event_row(self, event_id: str) -> EventRow | None: ...
    def event_detail(self, event_id: str) -> EventDetail | None:
        """An event with each of its claims, their sentences and the text around them (in their block)."""
        ...
    def claim_evidence(self, claim_ids: Sequence[str]) -> list[ClaimEvidence]:
        """The stored claims with these ids, as evidence, in the order given."""
        ...
    def fatality_ranges(self, event_ids: Sequence[str]) -> list[FatalityRange]:
        """Per event (by id), the lowest and highest toll its factual claims give."""
        ...
    def query_documents(self, *, outlet: str | None = None, limit: int = 100, offset: int = 0) -> DocumentPage:
        ...
    def document_view(self, doc_id: str) -> DocumentView | None:
        """A document's text, its segments with their roles, and the spans of its claims."""
        ...
    def search_places(self, name: str, *, limit: int = 20) -> list[PlaceRow]:
        """Places named in the store whose name contains ``name`` (ASCII letters in any case),
        most events first."""
        ...
    def place_event_counts(self, place_ids: Sequence[str]) -> dict[str, int]: ...
    def control_as_of(self, day: str) -> list[ControlRow]:
        """Who held each place on ``day`` (ISO), with the previous holder, side and coordinates."""
        ...
    def control_changes(self, start: str, end: str) -> list[ControlRow]:
        """Control periods that began within [start, end] (ISO days)."""
        ...
    def control_places(self, place_ids: Sequence[str]) -> list[ControlRow]:
        """Every control period of these places."""
        ...
    def siege_rows(self, *, day: str | None = None, start: str | None = None,
                   end: str | None = None) -> list[SiegeRow]:
        """Sieges in force on ``day``, or overlapping [start, end] (all without either), with the
        claim ids of their facts."""
        ...
    def outlet_counts(self) -> list[OutletRow]:
        """Outlets of the stored documents with their numbers of documents, claims and events."""
        ...
    def event_summary(self, query: EventQuery) -> Summary:
        """Counts (and fatalities) of the matching events by type, standing, week and governorate."""
        ...
    def weekly_by_type(self, query: EventQuery) -> list[tuple[str, str, int]]:
        """(Monday of the week, event type, count) of the matching dated events."""
        ...
    def facets(self) -> Facets:
        """What the filters can take: types, standings, actors, outlets, first and last day, counts."""
        ...
    def revision(self) -> str | None:
        """A token that changes whenever the stored data changes (None: the store cannot tell,
        and answers computed from it are not kept)."""
        ...


@runtime_checkable
class Store(StoreViews, Protocol):
    """Articles, segments, mentions, claims, events, control periods and failures; and the read
    views over them (:class:`StoreViews`)."""

    #: where the store lives (a path, a URL, or ``memory:``), for messages
    location: str
    #: opened read-only: every write raises :class:`frontlines.errors.StoreError`
    readonly: bool

    # -- lifecycle -----------------------------------------------------------------------
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

    # -- documents -------------------------------------------------------------------------
    def has_article(self, doc_id: str) -> bool: ...
    def article(self, doc_id: str) -> Article | None: ...
    def articles(self) -> Iterator[Article]:
        """Every stored article, in the order of their sources."""
        ...
    def source_of(self, doc_id: str) -> str | None:
        """The ``source`` an article was stored from, or None when it is not stored."""
        ...
    def sources(self) -> dict[str, str]:
        """Article id → the ``source`` it was read from (file path, corpus id or URI)."""
        ...
    def source_ids(self) -> dict[str, str | None]:
        """Article id → the document's own id as the user gave it (``Article.source_id``)."""
        ...
    def outlets(self) -> dict[str, str | None]:
        """Article id → its outlet."""
        ...
    def minhashes(self) -> Iterator[tuple[str, str | None, str]]:
        """(id, stored MinHash signature or None, text when the signature is missing) per article."""
        ...
    def set_minhash(self, doc_id: str, signature: str | None) -> None: ...
    def save_document(self, article: Article, segments: Sequence[Segment], mentions: Sequence[Mention],
                      claims: Sequence[Claim]) -> None:
        """Store one processed document atomically, replacing what was stored for it and any
        earlier version of the same source; clears that source's failures."""
        ...
    def save_failure(self, failure: Failure) -> None: ...
    def batch(self) -> AbstractContextManager[None]:
        """A context in which writes (documents, failures, MinHash signatures) are committed
        together when it ends: one transaction per batch of documents, not per document.
        Each ``save_document`` inside stays atomic on its own; an error that escapes the
        block rolls the batch back.  Batches may nest (the outermost one commits)."""
        ...

    # -- derived data ----------------------------------------------------------------------
    def write_version(self) -> int:
        """A number that grows with every stored document (to tell whether events are stale)."""
        ...
    def replace_events(self, events: Iterable[Event], periods: Iterable[ControlPeriod], *,
                       fused_version: int | None = None) -> None:
        """Swap in a new set of events and control periods atomically; they were fused from the
        claims of ``fused_version`` (default: the current write version)."""
        ...
    def needs_fusing(self) -> bool:
        """Whether claims were stored after the events were last fused (e.g. an interrupted run)."""
        ...

    # -- reading ---------------------------------------------------------------------------
    def segments(self, doc_id: str) -> list[Segment]: ...
    def mentions(self, kind: str | None = None) -> list[Mention]: ...
    def claims(self, doc_id: str | None = None) -> list[Claim]: ...
    def events(self, *, happened_only: bool = False) -> list[Event]: ...
    def control_periods(self) -> list[ControlPeriod]: ...
    def failures(self) -> list[Failure]: ...
    def counts(self) -> dict[str, int]:
        """Numbers of ``articles``, ``claims``, ``events``, ``happened`` events and ``failures``."""
        ...
    def remove_orphans(self) -> int:
        """Delete rows that belong to no stored article or claim; returns how many went."""
        ...
    def check(self) -> list[str]:
        """Problems found in the store itself (corrupted pages, orphaned rows, unfused claims);
        empty when it is sound."""
        ...

    # -- the situation picture (derive) -------------------------------------------------------
    def publication_days(self) -> dict[str, str | None]:
        """Article id → its publication day (ISO), without reading the texts."""
        ...
    def replace_situation(self, facts: Iterable[TerritorialFact], sieges: Iterable[Siege]) -> None:
        """Swap in the territorial facts and sieges derived from the claims, atomically."""
        ...
    def replace_control(self, periods: Iterable[ControlPeriod]) -> None:
        """Swap in re-derived control periods (after a baseline import), atomically."""
        ...
    def territorial_facts(self, place_id: str | None = None) -> list[TerritorialFact]:
        """The territorial facts (of one place), by place and date."""
        ...
    def sieges(self) -> list[Siege]: ...
    def save_control_imports(self, entries: Iterable[BaselineEntry]) -> int:
        """Store the entries of an imported control snapshot; returns how many."""
        ...
    def control_imports(self) -> list[BaselineEntry]: ...
