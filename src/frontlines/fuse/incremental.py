"""Incremental fusion: re-cluster only the claims that new or removed claims can touch.

Fusion (``fuse.py``) clusters the claims of one event type greedily, in (document, offset)
order, comparing a claim only with clusters that have a member in its grid cells (its
*reach*) whose date can be compatible with its own (date buckets: a cluster without such a
member could not take it anyway).  A claim's choice therefore depends only on the claims linked to it by pairs that
are both within reach of each other and about the same happening; the clustering of one
connected component of those links is the same whether it is clustered alone or with
everything else.  So after a run, only the components that hold a changed claim need
clustering again; every other event keeps its claims as they were.

Changed claims are: claims linked to no stored event (new, or stored by an interrupted run),
the claims of the documents coded in this run, and the remaining claims of stored events that
lost claims (their document was replaced or re-coded).  A claim that is gone only ever changed
other claims' clustering through the cluster it sat in: by taking claims in (its remaining
members are seeds) or by turning claims away (without it, they are turned away or taken in by
the remaining members, whose neighbours the closure visits).  Everything else about the
events (fields, ``contradicted``) is rebuilt from the claims exactly as a full fusion does,
so the result equals ``fuse_claims`` over all claims (a property test holds it so).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..records import Claim, Event
from .fuse import (
    Cell,
    FuseOptions,
    _build_event,
    _cells,
    _cluster,
    _event_id,
    _filed_under,
    _looked_up,
    _mark_contradictions,
    _reach,
    same_happening,
)


@dataclass(frozen=True, slots=True)
class IncrementalResult:
    """The fused events, and how many claims had to be clustered again (of how many)."""

    events: list[Event]
    reclustered: int
    claims: int


def _order(claim: Claim) -> tuple[str, int, str]:
    return (claim.doc_id, claim.trigger_start, claim.id)


class _Blocks:
    """Claims of one event type by the grid cell they sit in and by the cells they reach, each
    also by date bucket (as fusion's blocking index files cluster members)."""

    def __init__(self, claims: Iterable[Claim], options: FuseOptions) -> None:
        self.options = options
        self.own: dict[tuple[Cell, object], list[Claim]] = {}
        self.reached: dict[tuple[Cell, object], list[Claim]] = {}
        for claim in claims:
            for key in _filed_under(claim, _cells(claim, (0, 0))):
                self.own.setdefault(key, []).append(claim)
            for key in _filed_under(claim, _cells(claim, _reach(claim, options.radius_km))):
                self.reached.setdefault(key, []).append(claim)

    def neighbours(self, claim: Claim) -> Iterable[Claim]:
        """Claims within reach of ``claim`` (either way) that are about the same happening."""
        window = self.options.window_days
        near = [o for key in _looked_up(claim, _cells(claim, _reach(claim, self.options.radius_km)), window)
                for o in self.own.get(key, ())]
        near += [o for key in _looked_up(claim, _cells(claim, (0, 0)), window) for o in self.reached.get(key, ())]
        seen = {claim.id}
        for other in near:
            if other.id not in seen:
                seen.add(other.id)
                if same_happening(claim, other, self.options) or same_happening(other, claim, self.options):
                    yield other


def _closure(seeds: Iterable[Claim], blocks: _Blocks, mates: Mapping[str, Sequence[Claim]]) -> set[str]:
    """Every claim linked to a seed, directly or through others (and every claim of a stored
    event that holds one of them)."""
    queue = deque(seeds)
    found = {c.id for c in queue}
    while queue:
        claim = queue.popleft()
        for other in (*blocks.neighbours(claim), *mates.get(claim.id, ())):
            if other.id not in found:
                found.add(other.id)
                queue.append(other)
    return found


def refuse_claims(claims: Iterable[Claim], previous: Iterable[Event], changed_docs: Iterable[str] = (),
                  outlets: Mapping[str, str | None] | None = None, options: FuseOptions | None = None,
                  outlet_sides: Mapping[str, str | None] | None = None) -> IncrementalResult:
    """Fuse ``claims`` (every stored claim) given the events fused before (``previous``, with
    the claim ids the store still links to them) and the documents coded since
    (``changed_docs``); equal to :func:`fuse_claims` over ``claims``."""
    options = options or FuseOptions()
    outlets, outlet_sides = outlets or {}, outlet_sides or {}
    every = {c.id: c for c in claims}
    changed = set(changed_docs)
    kept: list[list[Claim]] = []  # clusters of stored events that are whole and untouched so far
    stale: list[Event] = []
    linked: set[str] = set()
    for event in previous:
        members = [every[i] for i in event.claim_ids if i in every]
        linked.update(c.id for c in members)
        whole = members and len(members) == len(event.claim_ids) and _event_id(members) == event.id
        if whole and not any(c.doc_id in changed for c in members):
            kept.append(members)
        else:
            stale.append(event)
    dirty: dict[str, list[Claim]] = {}  # event type → seeds
    for claim in every.values():
        if claim.id not in linked or claim.doc_id in changed:
            dirty.setdefault(claim.event_type, []).append(claim)
    by_type: dict[str, list[Claim]] = {}
    for claim in every.values():
        by_type.setdefault(claim.event_type, []).append(claim)
    mates = {c.id: members for members in kept for c in members}
    affected: set[str] = set()
    for event_type, group in by_type.items():
        blocks = _Blocks(group, options)
        seeds = list(dirty.get(event_type, ()))
        for event in stale:
            if event.event_type == event_type:
                seeds += [every[i] for i in event.claim_ids if i in every]
        if seeds:
            affected |= _closure(seeds, blocks, mates)
    clusters = [members for members in kept if not any(c.id in affected for c in members)]
    for group in by_type.values():
        todo = sorted((c for c in group if c.id in affected), key=_order)
        clusters += _cluster(todo, options)
    events, claims_by_event = [], {}
    for cluster in clusters:
        cluster.sort(key=_order)  # the order fusion built it in
        event = _build_event(cluster, outlets, outlet_sides)
        events.append(event)
        claims_by_event[event.id] = cluster
    events = _mark_contradictions(events, claims_by_event, options)
    return IncrementalResult(sorted(events, key=lambda e: (e.event_date or "9999", e.id)),
                             reclustered=len(affected), claims=len(every))
