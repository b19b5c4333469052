"""The public Python API: code texts in memory, open a coded store, read and export a Dataset.

    >>> import frontlines
    >>> data = frontlines.code(["Syrian army units captured the town of Maskanah from ISIS on Monday."])
    >>> event = data.events[0]
    >>> event.event_type, event.location
    ('Battles', 'Maskanah')
    >>> [c.sentence for c in data.evidence(event)]
    ['Syrian army units captured the town of Maskanah from ISIS on Monday.']
    >>> data.to_acled("events.csv")
    1

:func:`code` keeps everything in memory (no database file); :func:`open_dataset` (exported as
``frontlines.open``) reads a database that ``frontlines run`` wrote.  The CLI and the web server
are shells over these functions.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .errors import ConfigError, FrontlinesError, MalformedRecordError
from .pipeline import RunOptions, RunSummary, repair, run_documents
from .records import (
    Article,
    BaselineEntry,
    Candidate,
    Claim,
    ControlPeriod,
    Event,
    Failure,
    Mention,
    Siege,
    TerritorialFact,
)
from .store.protocol import Store, StoreViews

if TYPE_CHECKING:
    from .derive.queries import BBox, Near
    from .fuse.explain import EventExplanation
    from .kb import KnowledgeBase

#: a document given in memory: its text, or a mapping with ``text`` or ``html`` and optionally
#: ``id``, ``title``, ``url``, ``outlet``, ``author`` and ``published`` (YYYY-MM-DD, YYYY-MM, YYYY)
Document = str | Mapping[str, object]

#: what :func:`code` reports after each document: the document's source id
Progress = Callable[[str], None]

_META = ("title", "url", "outlet", "author", "published")


class Dataset:
    """A coded dataset: events, the claims they were fused from, place mentions, control
    periods, articles and failures, all typed records from :mod:`frontlines.records`.

    Every claim carries its evidence (``doc_id``, ``source_id``, the ``sentence`` and its
    character span ``start``/``end`` in the article text) and its standing (``status``).
    A Dataset is also a context manager that closes its store."""

    def __init__(self, store: Store, summary: RunSummary | None = None) -> None:
        self._store = store
        self._claims: dict[str, Claim] | None = None
        #: what the run that made this dataset did (None for an opened database)
        self.summary = summary

    # -- what it holds ---------------------------------------------------------------------
    @property
    def store(self) -> Store:
        """The store the dataset reads (SQLite file or in-memory)."""
        return self._store

    @property
    def views(self) -> StoreViews:
        """The read views: filtered, paged, typed answers (events with their evidence, documents,
        places, control, sieges, outlets, summaries; records of :mod:`frontlines.store.views`) that
        the web server and the situation report read, the same from every store::

            from frontlines.store.views import EventQuery
            page = data.views.query_events(EventQuery(event_types=("Battles",)), limit=20)
        """
        if isinstance(self._store, StoreViews):
            return self._store
        from .store.generic_views import ViewsOf

        return ViewsOf(self._store)  # a store without views of its own: answered from its records

    @property
    def label(self) -> str:
        """A short name of where the data lives, for titles: a file's name, or the store's location."""
        location = self._store.location
        if location.startswith("memory:") or "://" in location:
            return location
        return Path(location).name

    @property
    def events(self) -> list[Event]:
        """Every event, including those that did not happen (expected, hypothetical, denied:
        ``event.happened`` is False); in date order.  Raises :class:`frontlines.errors.UnfusedError`
        when the store holds claims that were never fused (an interrupted run: see :meth:`repair`)."""
        self._fresh()
        return self._store.events()

    @property
    def happened(self) -> list[Event]:
        """The events that happened (asserted, reported or alleged): what the ACLED export holds."""
        self._fresh()
        return self._store.events(happened_only=True)

    @property
    def claims(self) -> list[Claim]:
        """Every claim, forecasts and denials included, with its standing and evidence."""
        return self._store.claims()

    @property
    def mentions(self) -> list[Mention]:
        """Every place mention, resolved to the gazetteer or not."""
        return self._store.mentions("place")

    @property
    def control(self) -> list[ControlPeriod]:
        """Who held which place from when to when (periods derived from the events)."""
        self._fresh()
        return self._store.control_periods()

    @property
    def articles(self) -> list[Article]:
        """The documents as stored (text, publication metadata, ``source_id``)."""
        return list(self._store.articles())

    @property
    def failures(self) -> list[Failure]:
        """Inputs that could not be coded, each with its error code and a one-line message."""
        return self._store.failures()

    def evidence(self, event: Event) -> list[Claim]:
        """The claims an event was fused from: each with its sentence, span and document."""
        if self._claims is None:
            self._claims = {c.id: c for c in self._store.claims()}
        return [self._claims[c] for c in event.claim_ids if c in self._claims]

    def control_at(self, *, place: str | None = None, as_of: str | None = None,
                   between: tuple[str, str] | None = None) -> list[ControlPeriod]:
        """Control periods of places whose name contains ``place`` (any case); with ``as_of``
        (YYYY-MM-DD) the period each place was in on that day; with ``between`` the changes of
        control in that window."""
        from .derive import changes_between, control_as_of

        for day in (as_of, *(between or ())):
            _check_day(day)
        periods = [p for p in self.control if not place or place.lower() in p.place_name.lower()]
        if as_of:
            periods = [p for pid in dict.fromkeys(p.place_id for p in periods)
                       if (p := control_as_of(periods, pid, as_of)) is not None]
        if between:
            periods = changes_between(periods, *between)
        return periods

    # -- the situation picture (frontlines.derive) ----------------------------------------------
    @property
    def facts(self) -> list[TerritorialFact]:
        """Territorial facts read from the claims: captures (full, of a part, near), withdrawals,
        handovers, sieges and their end, control statements; each with its sentence and standing."""
        return self._store.territorial_facts()

    @property
    def sieges(self) -> list[Siege]:
        """Sieges and encirclements: who besieged whom, from when until broken."""
        return self._store.sieges()

    def situation(self, as_of: str, *, near: Near | None = None, bbox: BBox | None = None) -> list[ControlPeriod]:
        """Who held each place on ``as_of`` (held or contested, with confidence counted to that
        day), within ``near`` (a point and km) or ``bbox`` (west, south, east, north)."""
        from .derive import derive_control, situation_as_of

        _check_day(as_of)
        periods = derive_control(self._store.territorial_facts(), self._store.control_imports(), reference=as_of)
        return situation_as_of(periods, as_of, near=near, bbox=bbox)

    def history(self, place_id: str) -> list[tuple[TerritorialFact, list[TerritorialFact]]]:
        """Every fact about a place in date order, each with the denials of it beside it."""
        from .derive import place_history

        return place_history(self._store.territorial_facts(), place_id)

    def explain(self, event: Event) -> EventExplanation:
        """Why each claim joined ``event``: type, place distance, dates, actors, tolls, denials."""
        from .fuse import explain_event
        from .kb import load_kb
        from .pipeline import outlet_sides

        outlets = self._store.outlets()
        return explain_event(event, self._store.claims(), outlets, outlet_sides(outlets, load_kb().outlets))

    def import_baseline(self, entries: Iterable[BaselineEntry]) -> list[ControlPeriod]:
        """Add a control snapshot (see ``frontlines.derive.read_snapshot`` / ``baseline_entries``)
        and re-derive control: later facts update it, older ones do not override it."""
        from .pipeline import rederive_control

        self._store.save_control_imports(entries)
        return rederive_control(self._store)

    # -- exports ---------------------------------------------------------------------------
    def export(self, fmt: str, target: str | os.PathLike[str] | IO[bytes], *, include_all: bool = False) -> int:
        """Write the dataset in ``fmt`` (``acled``, ``geojson``, ``jsonl``, ``claims``,
        ``places``, ``parquet`` or a plugin's format) to a file path (written atomically: a
        failure leaves the previous file) or a binary stream; returns the number of records."""
        from .export import export, export_file

        if isinstance(target, str | os.PathLike):
            return export_file(self._store, fmt, Path(target), include_all=include_all)
        return export(self._store, fmt, target, include_all=include_all)

    def to_jsonl(self, path: str | os.PathLike[str], *, include_all: bool = False) -> int:
        """Events with their claims, one JSON object a line: the grounded rows
        (:mod:`frontlines.export.grounding`); ``include_all`` adds the rows not fully grounded
        and the events that did not happen."""
        return self.export("jsonl", path, include_all=include_all)

    def to_acled(self, path: str | os.PathLike[str], *, include_all: bool = False) -> int:
        """The grounded rows of what happened as an ACLED CSV (ACLED's columns, then
        ``source_id`` and the row's grounding); ``include_all`` adds the rows not fully
        grounded, marked ``grounded=no``."""
        return self.export("acled", path, include_all=include_all)

    def to_geojson(self, path: str | os.PathLike[str]) -> int:
        """The located events that happened as a GeoJSON FeatureCollection."""
        return self.export("geojson", path)

    def to_parquet(self, path: str | os.PathLike[str]) -> int:
        """The events that happened as Parquet (needs ``pip install 'frontlines[parquet]'``)."""
        return self.export("parquet", path)

    def to_claims(self, path: str | os.PathLike[str]) -> int:
        """Every claim, forecasts and denials included, one JSON object a line."""
        return self.export("claims", path)

    # -- upkeep ----------------------------------------------------------------------------
    def repair(self) -> list[str]:
        """Remove rows of no stored document and re-fuse claims an interrupted run left
        unfused (needs a store opened with ``readonly=False``); returns what was done."""
        done = repair(self._store)
        self._claims = None
        return done

    def _fresh(self) -> None:
        if self._store.needs_fusing():
            from .errors import UnfusedError

            raise UnfusedError("claims were stored after the events were last fused (an interrupted run?); "
                               "call repair() on a writable dataset, or `frontlines doctor --repair`",
                               source=self._store.location)

    def close(self) -> None:
        """Close the store."""
        self._store.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        counts = self._store.counts()
        return (f"<Dataset {self._store.location}: {counts['articles']} articles, {counts['claims']} claims, "
                f"{counts['events']} events ({counts['happened']} happened), {counts['failures']} failures>")


def _check_day(day: str | None) -> None:
    if day is None:
        return
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        raise ConfigError(f"not a day (YYYY-MM-DD): {day!r}") from None


def code(documents: Iterable[Document], *, kb: KnowledgeBase | str | os.PathLike[str] | None = None,
         progress: Progress | None = None, options: RunOptions | None = None) -> Dataset:
    """Code documents held in memory and return the Dataset, kept in memory (no file is written).

    ``documents``: texts, or mappings with ``text`` (or ``html``) and optionally ``id``,
    ``title``, ``url``, ``outlet``, ``author``, ``published``.  A document's ``source_id`` is
    its ``id``, or its position in ``documents`` ("0", "1"...).  A document that cannot be coded
    becomes a :class:`~frontlines.records.Failure` in ``Dataset.failures``; the others go on.
    ``kb``: a knowledge base, or the folder of an edited one (None: the packaged one).
    ``progress`` is called with each document's source id once it is done."""
    from .store.memory import MemoryStore

    if isinstance(documents, str | Mapping):
        raise ConfigError("documents must be a list of texts or mappings, not a single one")
    run_options = replace(options or RunOptions(), kb=_load_kb(kb))
    store = MemoryStore()
    summary = run_documents(_articles(documents), store, options=run_options, progress=progress)
    return Dataset(store, summary)


def open_dataset(db: str | os.PathLike[str], *, readonly: bool = True) -> Dataset:
    """Open a store that ``frontlines run`` wrote (a SQLite path, or a store URL) as a Dataset.

    Read-only by default: it never writes and reads behind a running writer.  Exported as
    ``frontlines.open``."""
    from .store import open_store

    return Dataset(open_store(db, readonly=readonly))


def geocode(names: Iterable[str], *, country: str | None = None, admin1: str | None = None, limit: int = 5,
            kb: KnowledgeBase | str | os.PathLike[str] | None = None,
            gazetteer: str | os.PathLike[str] | None = None) -> list[tuple[str, list[Candidate]]]:
    """Gazetteer candidates of each place name, best first, as ``frontlines places`` prints them:
    ranked by the evidence of the match (the name as written, a transliteration variant, the name
    without feature words, a vowel variant, a consonant skeleton), the theater's own places before
    minor places abroad, whatever ``limit`` is.  ``country`` (ISO2) and ``admin1`` (a governorate,
    in any spelling the theater knows) keep only the candidates there; ``gazetteer``: a gazetteer
    file other than the knowledge base's."""
    from .kb import load_kb
    from .resolve.gazetteer import SqliteGazetteer, lookup

    if isinstance(names, str):
        raise ConfigError("names must be a list of place names, not a single string")
    base = _load_kb(kb) or load_kb()
    unit = (base.theater.canonical_admin1(admin1) or admin1) if admin1 is not None else None
    return lookup(list(names), country, SqliteGazetteer(Path(gazetteer) if gazetteer else base.gazetteer),
                  limit=limit, admin1=unit, home=base.country, province=base.theater.province_named)


def _load_kb(kb: KnowledgeBase | str | os.PathLike[str] | None) -> KnowledgeBase | None:
    """A knowledge base given as an object or as the folder of an edited one."""
    if not isinstance(kb, str | os.PathLike):
        return kb
    from .kb import load_kb

    return load_kb(Path(kb))


def _articles(documents: Iterable[Document]) -> Iterator[Article | Failure]:
    for number, document in enumerate(documents):
        source_id = str(number)
        try:
            if isinstance(document, Mapping):
                given = document.get("id")
                source_id = str(given) if given not in (None, "") else source_id
            yield _article(document, source_id)
        except FrontlinesError as exc:
            yield Failure(source=source_id, stage="ingest", error=exc.code, message=exc.message)


def _article(document: Document, source_id: str) -> Article:
    from .ingest.readers import article_from_markup, article_from_text

    text: object
    html: object
    meta: dict[str, object] = {}
    if isinstance(document, str):
        text, html = document, None
    elif isinstance(document, Mapping):
        text, html = document.get("text"), document.get("html")
        meta = {k: document[k] for k in _META if document.get(k) not in (None, "")}
    else:
        raise MalformedRecordError(f"a document is a text or a mapping, not {type(document).__name__}",
                                   source=source_id)
    body = text if text else html
    if not isinstance(body, str) or not body.strip():
        problem = ("document is empty" if isinstance(document, str)
                   else "document has no 'text' or 'html'" if body is None
                   else "'text' or 'html' is not a non-empty string")
        raise MalformedRecordError(problem, source=source_id)
    build = article_from_text if text else article_from_markup
    article = build(body.replace("\r\n", "\n") if text else body, source_id, **meta)
    return replace(article, source_id=source_id)
