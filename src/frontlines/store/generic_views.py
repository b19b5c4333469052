"""The read views in plain Python over a store's record readers: any store's answers.

:class:`GenericViews` is a mixin: a store that has the Store protocol's record readers (``events``,
``claims``, ``articles``, ``segments``, ``mentions``, ``control_periods``, ``sieges``,
``territorial_facts``...) gets every read view of :class:`~frontlines.store.protocol.StoreViews` from
it; the in-memory store uses it as it is.  :class:`ViewsOf` wraps a store that has no views of its
own (a plugin's).  The answers are those of the SQLite store's SQL (``sqlite_views.py``): the same
filters, the same orders (text compared as SQLite compares it), the same tolerance of missing data;
the tests hold them to it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .views import (
    CONTEXT_CHARS,
    FACTUAL,
    ClaimEvidence,
    ClaimSpan,
    ControlRow,
    Count,
    DocumentPage,
    DocumentSummary,
    DocumentView,
    EventDetail,
    EventPage,
    EventQuery,
    EventRow,
    Facets,
    FatalityRange,
    OutletRow,
    Page,
    PlaceRow,
    SegmentView,
    SiegeRow,
    Summary,
    day_end,
    day_start,
    week_of,
)

if TYPE_CHECKING:
    from ..records import Article, Claim, ControlPeriod, Event, Mention, Place, Segment, Siege, TerritorialFact

K = TypeVar("K")
#: SQLite's LIKE folds the case of ASCII letters only
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: where a claim's block ends when no segment covers it (as in the SQL)
_NO_END = 1_000_000_000


def _nulls_first(value: K | None) -> tuple[bool, K | str]:
    """A sort key that puts None first, as SQLite's ascending order does."""
    return (value is not None, value if value is not None else "")


def _nulls_last(value: K | None) -> tuple[bool, K | str]:
    return (value is None, value if value is not None else "")


def _first(*values: float | None) -> float | None:
    """The first value that is not None (SQL's COALESCE)."""
    return next((v for v in values if v is not None), None)


def _value(v: Any) -> Any:
    """An enum's value (a standing, a role), anything else as it is."""
    return getattr(v, "value", v)


def _published(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None


def event_row(e: Event) -> EventRow:
    """An event as the views show it (first and last day, standing as text)."""
    return EventRow(
        id=e.id, event_type=e.event_type, sub_event_type=e.sub_event_type, status=_value(e.status),
        happened=e.happened, actor1=e.actor1, actor2=e.actor2, location=e.location, gazetteer_id=e.gazetteer_id,
        admin1=e.admin1, admin2=e.admin2, country=e.country, latitude=e.latitude, longitude=e.longitude,
        geo_precision=e.geo_precision, event_date=e.event_date, day_start=day_start(e.event_date),
        day_end=day_end(e.event_date), time_precision=e.time_precision, fatalities=e.fatalities,
        sources=tuple(e.sources), corroboration=e.corroboration or 0, contradicted=bool(e.contradicted),
        support=e.support or 0.0, assoc_actor_1=tuple(e.assoc_actor1), assoc_actor_2=tuple(e.assoc_actor2))


def matches(q: EventQuery, e: EventRow) -> bool:
    """Whether an event passes the filters of ``q`` (the SQL's WHERE, NULL never passing a test)."""
    checks: list[Callable[[], bool]] = []
    if q.bbox is not None:
        west, south, east, north = q.bbox
        checks.append(lambda: e.longitude is not None and e.latitude is not None
                      and west <= e.longitude <= east and south <= e.latitude <= north)
    if q.located:
        checks.append(lambda: e.latitude is not None and e.longitude is not None)
    if date_from := q.date_from:
        checks.append(lambda: e.day_end is not None and e.day_end >= date_from)
    if date_to := q.date_to:
        checks.append(lambda: e.day_start is not None and e.day_start <= date_to)
    checks += [lambda: not q.event_types or e.event_type in q.event_types,
               lambda: not q.sub_event_types or e.sub_event_type in q.sub_event_types,
               lambda: not q.statuses or e.status in q.statuses,
               lambda: not q.actor or q.actor in (e.actor1, e.actor2),
               lambda: not q.outlet or q.outlet in e.sources,
               lambda: q.min_support is None or e.support >= q.min_support,
               lambda: q.happened is None or e.happened == q.happened,
               lambda: not q.place_id or e.gazetteer_id == q.place_id,
               lambda: not q.admin1 or e.admin1 == q.admin1]
    return all(check() for check in checks)


def _event_order(e: EventRow) -> tuple[bool, str, str]:
    return (e.event_date is None, e.day_start or "", e.id)


def _counts(events: Iterable[EventRow], key: Callable[[EventRow], str | None], *,
            by_key: bool = False) -> tuple[Count, ...]:
    numbers: Counter[str | None] = Counter()
    fatalities: Counter[str | None] = Counter()
    for e in events:
        numbers[key(e)] += 1
        fatalities[key(e)] += e.fatalities or 0
    # by key: undated last (the SQL's "k IS NULL, k"); else most first, then by key (None first)
    order: Callable[[str | None], Any] = (lambda k: _nulls_last(k)) if by_key \
        else (lambda k: (-numbers[k], _nulls_first(k)))
    return tuple(Count(k, numbers[k], fatalities[k]) for k in sorted(numbers, key=order))


def _context(claim: Claim, text: str, segments: Sequence[Segment]) -> tuple[str, str]:
    """The text before and after a claim's sentence, at most CONTEXT_CHARS each, within its block."""
    seg_start = max((s.start for s in segments if s.start <= claim.start), default=0)
    seg_end = min((s.end for s in segments if s.end >= claim.end), default=_NO_END)
    begin = max(seg_start, claim.start - CONTEXT_CHARS)
    return text[begin:claim.start], text[claim.end:claim.end + max(0, min(CONTEXT_CHARS, seg_end - claim.end))]


def claim_evidence(claim: Claim, article: Article, segments: Sequence[Segment]) -> ClaimEvidence:
    before, after = _context(claim, article.text, segments)
    return ClaimEvidence(
        id=claim.id, doc_id=claim.doc_id, status=_value(claim.status), attributed_to=claim.attributed_to,
        event_type=claim.event_type, sub_event_type=claim.sub_event_type, trigger=claim.trigger,
        sentence=claim.sentence, start=claim.start, end=claim.end, trigger_start=claim.trigger_start - claim.start,
        trigger_end=claim.trigger_end - claim.start, context_before=before, context_after=after,
        segment_role=_value(claim.segment_role), actor1=claim.actor1.name if claim.actor1 else None,
        actor2=claim.actor2.name if claim.actor2 else None,
        location=claim.location.text if claim.location else None, date_text=claim.date_text,
        event_date=claim.event_date, fatalities=claim.fatalities, outlet=article.outlet, title=article.title,
        published=_published(article), source=article.source, url=article.url)


class GenericViews:
    """Every read view of :class:`~frontlines.store.protocol.StoreViews`, from the record readers of
    the class it is mixed into."""

    # the record readers it builds on (the Store protocol's)
    if TYPE_CHECKING:
        def events(self, *, happened_only: bool = False) -> list[Event]: ...
        def claims(self, doc_id: str | None = None) -> list[Claim]: ...
        def article(self, doc_id: str) -> Article | None: ...
        def articles(self) -> Iterator[Article]: ...
        def segments(self, doc_id: str) -> list[Segment]: ...
        def mentions(self, kind: str | None = None) -> list[Mention]: ...
        def control_periods(self) -> list[ControlPeriod]: ...
        def sieges(self) -> list[Siege]: ...
        def territorial_facts(self, place_id: str | None = None) -> list[TerritorialFact]: ...

    # -- shared lookups ----------------------------------------------------------------------
    def revision(self) -> str | None:
        return None  # records read through the store's readers: no cheap change marker

    def _event_rows(self) -> list[EventRow]:
        return sorted((event_row(e) for e in self.events()), key=_event_order)

    def _matching(self, query: EventQuery) -> list[EventRow]:
        return [e for e in self._event_rows() if matches(query, e)]

    def _places(self) -> dict[str, Place]:
        """The places the documents name (the SQLite store's ``places`` table): gazetteer id → place."""
        found: dict[str, Place] = {}
        for mention in self.mentions():
            if mention.place is not None:
                found.setdefault(mention.place.gazetteer_id, mention.place)
        return found

    def _actor_sides(self) -> dict[str, str | None]:
        """Actor name → its side, as the claims give it (the SQLite store's ``actors`` table)."""
        claims = self.claims()
        sides: dict[str, str | None] = {}
        for n in (1, 2):
            for claim in claims:
                actor = claim.actor1 if n == 1 else claim.actor2
                if actor is not None and actor.name is not None:
                    sides.setdefault(actor.name, actor.side)
        return sides

    def _evidence(self, claims: Iterable[Claim]) -> dict[str, ClaimEvidence]:
        """Claim id → evidence, for claims whose document is stored."""
        found: dict[str, ClaimEvidence] = {}
        documents: dict[str, tuple[Article | None, list[Segment]]] = {}
        for claim in claims:
            if claim.doc_id not in documents:
                article = self.article(claim.doc_id)
                documents[claim.doc_id] = (article, self.segments(claim.doc_id) if article else [])
            article, segments = documents[claim.doc_id]
            if article is not None:
                found[claim.id] = claim_evidence(claim, article, segments)
        return found

    # -- events ------------------------------------------------------------------------------
    def query_events(self, query: EventQuery, *, limit: int = 100, offset: int = 0) -> EventPage:
        found = self._matching(query)
        return Page(tuple(found[offset:offset + limit]), len(found), limit, offset)

    def event_row(self, event_id: str) -> EventRow | None:
        return next((event_row(e) for e in self.events() if e.id == event_id), None)

    def event_detail(self, event_id: str) -> EventDetail | None:
        event = next((e for e in self.events() if e.id == event_id), None)
        if event is None:
            return None
        wanted = set(event.claim_ids)
        evidence = self._evidence(c for c in self.claims() if c.id in wanted)
        claims = sorted(evidence.values(), key=lambda c: (_nulls_last(c.published), c.doc_id, c.start, c.id))
        return EventDetail(event_row(event), tuple(claims))

    def claim_evidence(self, claim_ids: Sequence[str]) -> list[ClaimEvidence]:
        wanted = set(claim_ids)
        found = self._evidence(c for c in self.claims() if c.id in wanted)
        return [found[i] for i in claim_ids if i in found]

    def fatality_ranges(self, event_ids: Sequence[str]) -> list[FatalityRange]:
        wanted = set(event_ids)
        claims = {c.id: c for c in self.claims()}
        ranges = []
        for event in sorted((e for e in self.events() if e.id in wanted), key=lambda e: e.id):
            factual = [claims[i] for i in event.claim_ids if i in claims and _value(claims[i].status) in FACTUAL]
            if factual:
                tolls = [c.fatalities for c in factual if c.fatalities is not None]
                ranges.append(FatalityRange(event.id, min(tolls, default=None), max(tolls, default=None), len(tolls)))
        return ranges

    # -- documents ---------------------------------------------------------------------------
    def query_documents(self, *, outlet: str | None = None, limit: int = 100, offset: int = 0) -> DocumentPage:
        found = sorted((a for a in self.articles() if not outlet or a.outlet == outlet),
                       key=lambda a: (_nulls_last(_published(a)), a.source, a.id))
        page = tuple(DocumentSummary(id=a.id, source=a.source, outlet=a.outlet, title=a.title,
                                     published=_published(a), duplicate_of=a.duplicate_of,
                                     claims=len(self.claims(a.id)))
                     for a in found[offset:offset + limit])
        return Page(page, len(found), limit, offset)

    def document_view(self, doc_id: str) -> DocumentView | None:
        article = self.article(doc_id)
        if article is None:
            return None
        claims = self.claims(doc_id)
        ids = {c.id for c in claims}
        links: dict[str, list[str]] = {}
        for event in sorted(self.events(), key=lambda e: e.id):
            for claim_id in event.claim_ids:
                if claim_id in ids:
                    links.setdefault(claim_id, []).append(event.id)
        spans = tuple(ClaimSpan(c.id, _value(c.status), c.start, c.end, c.trigger_start, c.trigger_end,
                                tuple(links.get(c.id, ())))
                      for c in sorted(claims, key=lambda c: (c.start, c.trigger_start, c.id)))
        segments = tuple(SegmentView(s.index, _value(s.role), s.start, s.end, s.quoted_source)
                         for s in self.segments(doc_id))
        return DocumentView(
            id=article.id, source=article.source, outlet=article.outlet, url=article.url, title=article.title,
            author=article.author, published=_published(article),
            published_precision=_value(article.published_precision), language=article.language,
            duplicate_of=article.duplicate_of, text=article.text, segments=segments, claims=spans)

    # -- places ------------------------------------------------------------------------------
    def search_places(self, name: str, *, limit: int = 20) -> list[PlaceRow]:
        needle = name.translate(_ASCII_LOWER)
        counts = Counter(e.gazetteer_id for e in self.events() if e.gazetteer_id)
        found = [PlaceRow(p.gazetteer_id, p.name, p.latitude, p.longitude, p.admin1, p.admin2, p.feature,
                          counts[p.gazetteer_id])
                 for p in self._places().values() if p.name is not None and needle in p.name.translate(_ASCII_LOWER)]
        found.sort(key=lambda p: (-p.events, _nulls_first(p.name), p.gazetteer_id))
        return found[:limit]

    def place_event_counts(self, place_ids: Sequence[str]) -> dict[str, int]:
        wanted = set(place_ids)
        return dict(Counter(e.gazetteer_id for e in self.events() if e.gazetteer_id in wanted))

    # -- control and sieges ------------------------------------------------------------------
    def _control_rows(self, keep: Callable[[ControlPeriod], bool]) -> list[ControlRow]:
        periods = sorted(self.control_periods(), key=lambda p: (p.place_id, _nulls_first(p.start), p.actor))
        places = self._places()
        sides = self._actor_sides()
        first_located: dict[str, Event] = {}
        for event in self.events():
            if event.gazetteer_id:
                first_located.setdefault(event.gazetteer_id, event)
        rows: list[ControlRow] = []
        previous: dict[str, str] = {}
        for p in periods:
            before = previous.get(p.place_id)
            previous[p.place_id] = p.actor
            if not keep(p):
                continue
            place, located = places.get(p.place_id), first_located.get(p.place_id)
            lat = _first(p.latitude, place.latitude if place else None, located.latitude if located else None)
            lon = _first(p.longitude, place.longitude if place else None, located.longitude if located else None)
            rows.append(ControlRow(
                place_id=p.place_id, place_name=p.place_name, actor=p.actor, side=sides.get(p.actor), start=p.start,
                end=p.end, evidence=tuple(p.evidence), latitude=lat, longitude=lon, contested=p.state == "contested",
                confidence=p.confidence, previous_actor=before, rivals=tuple(p.rivals), allies=tuple(p.allies),
                explanation=p.explanation, last_confirmed=p.last_confirmed, origin=p.origin))
        rows.sort(key=lambda r: (_nulls_first(r.place_name), r.place_id, _nulls_first(r.start), r.actor))
        return rows

    def control_as_of(self, day: str) -> list[ControlRow]:
        return self._control_rows(lambda p: (p.start is None or p.start <= day) and (p.end is None or day < p.end))

    def control_changes(self, start: str, end: str) -> list[ControlRow]:
        return self._control_rows(lambda p: p.start is not None and start <= p.start <= end)

    def control_places(self, place_ids: Sequence[str]) -> list[ControlRow]:
        wanted = set(place_ids)
        return self._control_rows(lambda p: p.place_id in wanted) if wanted else []

    def siege_rows(self, *, day: str | None = None, start: str | None = None,
                   end: str | None = None) -> list[SiegeRow]:
        def overlaps(s: Siege, first: str, last: str) -> bool:
            return (s.start is None or s.start <= last) and (s.end is None or first <= s.end)

        fact_claims = {f.id: f.claim_id for f in self.territorial_facts()}
        places = self._places()
        rows = []
        for s in sorted(self.sieges(), key=lambda s: (_nulls_first(s.start), s.place_id, s.id)):
            if (day and not overlaps(s, day, day)) or (start and end and not overlaps(s, start, end)):
                continue
            place = places.get(s.place_id)
            lat = s.latitude if s.latitude is not None else place.latitude if place else None
            lon = s.longitude if s.longitude is not None else place.longitude if place else None
            rows.append(SiegeRow(
                place_id=s.place_id, place_name=s.place_name, besieger=s.besieger, besieged=s.besieged,
                start=s.start, end=s.end, evidence=tuple(fact_claims[f] for f in s.facts if f in fact_claims),
                latitude=lat, longitude=lon, end_cue=s.end_cue))
        return rows

    # -- outlets, summary, facets ------------------------------------------------------------
    def outlet_counts(self) -> list[OutletRow]:
        documents: Counter[str] = Counter()
        claims: Counter[str] = Counter()
        for article in self.articles():
            if article.outlet is not None:
                documents[article.outlet] += 1
                claims[article.outlet] += len(self.claims(article.id))
        events = Counter(source for e in self.events() for source in e.sources)
        return [OutletRow(name, documents[name], claims[name], events[name])
                for name in sorted(documents, key=lambda n: (-documents[n], n))]

    def event_summary(self, query: EventQuery) -> Summary:
        found = self._matching(query)
        return Summary(events=len(found), by_type=_counts(found, lambda e: e.event_type),
                       by_status=_counts(found, lambda e: e.status),
                       by_week=_counts(found, lambda e: week_of(e.day_start), by_key=True),
                       by_admin1=_counts(found, lambda e: e.admin1))

    def weekly_by_type(self, query: EventQuery) -> list[tuple[str, str, int]]:
        counts: Counter[tuple[str, str]] = Counter()
        for e in self._matching(query):
            week = week_of(e.day_start) if e.event_date is not None else None
            if week:
                counts[(week, e.event_type)] += 1
        return [(week, event_type, n) for (week, event_type), n in sorted(counts.items())]

    def facets(self) -> Facets:
        events = self._event_rows()
        types: dict[str, set[str]] = {}
        for e in events:
            types.setdefault(e.event_type, set()).add(e.sub_event_type)
        sides = self._actor_sides()
        actors = sorted({a for e in events for a in (e.actor1, e.actor2) if a is not None})
        dated = [e for e in events if e.event_date is not None]
        counts = {"articles": sum(1 for _ in self.articles()), "claims": len(self.claims()), "events": len(events),
                  "control_periods": len(self.control_periods())}
        return Facets(
            event_types={t: tuple(sorted(types[t])) for t in sorted(types)},
            statuses=tuple(sorted({e.status for e in events})),
            actors=tuple((a, sides.get(a)) for a in actors),
            outlets=tuple(sorted({s for e in events for s in e.sources})),
            first_day=min((e.day_start for e in dated if e.day_start is not None), default=None),
            last_day=max((e.day_end for e in dated if e.day_end is not None), default=None),
            counts=counts)


class ViewsOf(GenericViews):
    """The read views of a store that has none of its own: its record readers, answered in Python."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)
