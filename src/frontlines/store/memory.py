"""A pure-Python store kept in memory: the Store seam's twin for tests and ``frontlines.code``.

It behaves as the SQLite store does (same orderings, same replacement rules, same fusing
versions) and writes nothing anywhere; it is gone when the process ends.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from ..errors import ReadOnlyStoreError
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
from ..registry import stores
from .generic_views import GenericViews


@dataclass(slots=True)
class _Tables:
    articles: dict[str, Article] = field(default_factory=dict)
    minhash: dict[str, str | None] = field(default_factory=dict)
    segments: dict[str, dict[int, Segment]] = field(default_factory=dict)
    mentions: dict[str, dict[tuple[str, int, int], Mention]] = field(default_factory=dict)
    claims: dict[str, dict[str, Claim]] = field(default_factory=dict)  # doc id → claim id → claim
    events: dict[str, Event] = field(default_factory=dict)
    links: dict[str, set[str]] = field(default_factory=dict)  # event id → claim ids
    periods: dict[tuple[str, str, str | None], ControlPeriod] = field(default_factory=dict)
    failures: dict[tuple[str, str, str], Failure] = field(default_factory=dict)
    facts: dict[str, TerritorialFact] = field(default_factory=dict)
    sieges: dict[str, Siege] = field(default_factory=dict)
    imports: dict[tuple[str, str, str], BaselineEntry] = field(default_factory=dict)
    write_version: int = 0
    fused_version: int | None = None


def _null_first(value: str | None) -> tuple[int, str]:
    return (0, "") if value is None else (1, value)


@stores.register("memory")
class MemoryStore(GenericViews):
    """Everything a :class:`~frontlines.store.protocol.Store` holds, in dictionaries; its read
    views in plain Python (:class:`~frontlines.store.generic_views.GenericViews`)."""

    def __init__(self, target: str = "memory:", *, readonly: bool = False) -> None:
        self.location = target
        self.readonly = readonly
        self._t = _Tables()
        self._order = itertools.count()
        self._stored_at: dict[str, int] = {}

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Nothing to release: the data stays readable until the store is dropped."""

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _writable(self) -> None:
        if self.readonly:
            raise ReadOnlyStoreError("the store is open read-only", source=self.location)

    # -- documents -------------------------------------------------------------------------
    def has_article(self, doc_id: str) -> bool:
        return doc_id in self._t.articles

    def article(self, doc_id: str) -> Article | None:
        return self._t.articles.get(doc_id)

    def articles(self) -> Iterator[Article]:
        yield from sorted(self._t.articles.values(), key=lambda a: (a.source, self._stored_at[a.id]))

    def _by_storage(self) -> list[Article]:
        return sorted(self._t.articles.values(), key=lambda a: self._stored_at[a.id])

    def source_of(self, doc_id: str) -> str | None:
        article = self._t.articles.get(doc_id)
        return article.source if article else None

    def sources(self) -> dict[str, str]:
        return {a.id: a.source for a in self._by_storage()}

    def source_ids(self) -> dict[str, str | None]:
        return {a.id: a.source_id or a.source for a in self._by_storage()}

    def outlets(self) -> dict[str, str | None]:
        return {a.id: a.outlet for a in self._by_storage()}

    def minhashes(self) -> Iterator[tuple[str, str | None, str]]:
        for article in self._by_storage():
            signature = self._t.minhash.get(article.id)
            yield article.id, signature, "" if signature else article.text

    def set_minhash(self, doc_id: str, signature: str | None) -> None:
        self._writable()
        if doc_id in self._t.articles:
            self._t.minhash[doc_id] = signature

    def _delete_document(self, doc_id: str) -> None:
        gone = set(self._t.claims.pop(doc_id, {}))
        for links in self._t.links.values():
            links -= gone
        for table in (self._t.segments, self._t.mentions, self._t.minhash):
            table.pop(doc_id, None)
        self._t.articles.pop(doc_id, None)
        self._stored_at.pop(doc_id, None)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Writes inside a batch (a memory store writes at once; the block only checks access)."""
        self._writable()
        yield

    def save_document(self, article: Article, segments: Sequence[Segment], mentions: Sequence[Mention],
                      claims: Sequence[Claim]) -> None:
        self._writable()
        older = [a.id for a in self._t.articles.values() if a.source == article.source and a.id != article.id]
        for doc_id in (article.id, *older):
            self._delete_document(doc_id)
        self._t.articles[article.id] = article
        self._stored_at[article.id] = next(self._order)
        self._t.segments[article.id] = {s.index: s for s in segments}
        self._t.mentions[article.id] = {(m.kind, m.start, m.end): m for m in mentions}
        for claim in claims:
            self._t.claims.setdefault(claim.doc_id, {})[claim.id] = claim
        self._t.failures = {k: f for k, f in self._t.failures.items() if f.source != article.source}
        self._t.write_version += 1

    def save_failure(self, failure: Failure) -> None:
        self._writable()
        self._t.failures.setdefault((failure.source, failure.stage, failure.message), failure)

    # -- derived data ----------------------------------------------------------------------
    def write_version(self) -> int:
        return self._t.write_version

    def replace_events(self, events: Iterable[Event], periods: Iterable[ControlPeriod], *,
                       fused_version: int | None = None) -> None:
        self._writable()
        self._t.events = {e.id: replace(e, claim_ids=tuple(sorted(set(e.claim_ids)))) for e in events}
        self._t.links = {e.id: set(e.claim_ids) for e in self._t.events.values()}
        self._t.periods = {(p.place_id, p.actor, p.start): p for p in periods}
        self._t.fused_version = self._t.write_version if fused_version is None else fused_version

    def needs_fusing(self) -> bool:
        return self._t.write_version > 0 and self._t.fused_version != self._t.write_version

    # -- reading ---------------------------------------------------------------------------
    def segments(self, doc_id: str) -> list[Segment]:
        return sorted(self._t.segments.get(doc_id, {}).values(), key=lambda s: s.index)

    def mentions(self, kind: str | None = None) -> list[Mention]:
        found = [m for doc in self._t.mentions.values() for m in doc.values() if kind is None or m.kind == kind]
        return sorted(found, key=lambda m: (m.doc_id, m.start))

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        docs = [self._t.claims.get(doc_id, {})] if doc_id else list(self._t.claims.values())
        return sorted((c for doc in docs for c in doc.values()), key=lambda c: (c.doc_id, c.trigger_start))

    def events(self, *, happened_only: bool = False) -> list[Event]:
        found = []
        for e in self._t.events.values():
            if e.happened or not happened_only:
                ids = tuple(sorted(self._t.links.get(e.id, ())))
                found.append(e if ids == e.claim_ids else replace(e, claim_ids=ids))  # copy only when links went
        return sorted(found, key=lambda e: (e.event_date is None, e.event_date or "", e.id))

    def control_periods(self) -> list[ControlPeriod]:
        return sorted(self._t.periods.values(),
                      key=lambda p: (_null_first(p.place_name), p.place_id, _null_first(p.start)))

    def failures(self) -> list[Failure]:
        return list(self._t.failures.values())

    def counts(self) -> dict[str, int]:
        return {"articles": len(self._t.articles), "claims": sum(len(d) for d in self._t.claims.values()),
                "events": len(self._t.events), "happened": sum(1 for e in self._t.events.values() if e.happened),
                "failures": len(self._t.failures)}

    def remove_orphans(self) -> int:
        """Nothing is ever orphaned here (documents are replaced whole); kept for the seam."""
        self._writable()
        return 0

    def check(self) -> list[str]:
        return ["claims were stored after the events were last fused (an interrupted run?)"] \
            if self.needs_fusing() else []

    # -- the situation picture (derive) -------------------------------------------------------
    def publication_days(self) -> dict[str, str | None]:
        return {a.id: a.published.isoformat() if a.published else None for a in self._by_storage()}

    def replace_situation(self, facts: Iterable[TerritorialFact], sieges: Iterable[Siege]) -> None:
        self._writable()
        self._t.facts = {f.id: f for f in facts}
        self._t.sieges = {s.id: s for s in sieges}

    def replace_control(self, periods: Iterable[ControlPeriod]) -> None:
        self._writable()
        self._t.periods = {(p.place_id, p.actor, p.start): p for p in periods}

    def territorial_facts(self, place_id: str | None = None) -> list[TerritorialFact]:
        found = [f for f in self._t.facts.values() if place_id is None or f.place_id == place_id]
        return sorted(found, key=lambda f: (f.place_id, f.start is None, f.start or "", f.id))

    def sieges(self) -> list[Siege]:
        return sorted(self._t.sieges.values(), key=lambda s: (s.start is None, s.start or "", s.place_name, s.id))

    def save_control_imports(self, entries: Iterable[BaselineEntry]) -> int:
        self._writable()
        count = 0
        for entry in entries:
            self._t.imports[(entry.file, entry.place_id, entry.as_of)] = entry
            count += 1
        return count

    def control_imports(self) -> list[BaselineEntry]:
        return sorted(self._t.imports.values(), key=lambda b: (b.place_id, b.as_of, b.file))
