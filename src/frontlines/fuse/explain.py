"""Why claims joined an event: fusion you can inspect.

For each claim of an event: its type, how far its place is from the event's, how its dates
meet the event's, how its actors compare, its standing and its weight under the
partisan-source rule; then the event's corroboration, the denials that contradict it, the
range of the tolls and its support.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..geo import haversine_km
from ..records import Claim, Event, Status
from .fuse import FuseOptions, date_span, denies
from .weighting import claim_support


@dataclass(frozen=True, slots=True)
class ClaimJoin:
    """One claim of an event and why it belongs there."""

    claim: Claim
    outlet: str | None
    type_reason: str
    place_reason: str
    date_reason: str
    actor_reason: str
    support: float


@dataclass(frozen=True, slots=True)
class EventExplanation:
    """An event with the reasons of its fusion."""

    event: Event
    joins: tuple[ClaimJoin, ...]
    contradictions: tuple[Claim, ...]  # denied claims about the same happening
    toll_reason: str


def _place_reason(claim: Claim, event: Event) -> str:
    loc = claim.location
    if loc is None:
        return "no place: joined within its own sentence"
    if loc.place is None:
        return f"'{loc.text}' unresolved: same name"
    if loc.place.gazetteer_id == event.gazetteer_id:
        return f"{loc.place.name}: the event's place"
    if event.latitude is None or event.longitude is None:
        return f"{loc.place.name}"
    km = haversine_km(loc.place.latitude, loc.place.longitude, event.latitude, event.longitude)
    return f"{loc.place.name}: {km:.1f} km from {event.location}"


def _date_reason(claim: Claim, event: Event, options: FuseOptions) -> str:
    mine, theirs = date_span(claim.event_date), date_span(event.event_date)
    if mine is None:
        return "undated: dated by its own document"
    if theirs is None:
        return f"{claim.event_date}"
    if mine[0] <= theirs[1] and theirs[0] <= mine[1]:
        return f"{claim.event_date}: overlaps {event.event_date}"
    gap = max((theirs[0] - mine[1]).days, (mine[0] - theirs[1]).days)
    return f"{claim.event_date}: {gap} day(s) from {event.event_date} (window {options.window_days})"


def _actor_reason(claim: Claim, event: Event) -> str:
    parts = []
    for label, ref, theirs in (("actor1", claim.actor1, event.actor1), ("actor2", claim.actor2, event.actor2)):
        name = ref.name if ref else None
        if name is None:
            parts.append(f"{label} unnamed")
        elif name == theirs:
            parts.append(f"{label} {name}" + (" (inferred)" if ref and ref.inferred else ""))
        else:
            parts.append(f"{label} {name} (event: {theirs or 'none'})")
    return "; ".join(parts)


def _toll_reason(event: Event, claims: Iterable[Claim]) -> str:
    tolls = sorted(c.fatalities for c in claims if c.fatalities is not None and c.factual)
    if not tolls:
        return "no toll reported"
    if tolls[0] == tolls[-1]:
        return f"{tolls[0]} killed ({len(tolls)} report(s) agree)"
    return (f"tolls differ: {tolls[0]}-{tolls[-1]} over {len(tolls)} reports; "
            f"ACLED's figure {event.fatalities} is kept (the most specific, then the most conservative)")


def explain_event(event: Event, claims: Iterable[Claim], outlets: Mapping[str, str | None] | None = None,
                  outlet_sides: Mapping[str, str | None] | None = None,
                  options: FuseOptions | None = None) -> EventExplanation:
    """Why each of ``event``'s claims joined it (``claims``: at least its own claims, plus any
    denials to check against it)."""
    options = options or FuseOptions()
    outlets, outlet_sides = outlets or {}, outlet_sides or {}
    every = {c.id: c for c in claims}
    members = sorted((every[i] for i in event.claim_ids if i in every), key=lambda c: (c.doc_id, c.trigger_start, c.id))
    joins = tuple(
        ClaimJoin(claim=c, outlet=outlets.get(c.doc_id),
                  type_reason=f"{c.event_type} / {c.sub_event_type}, {c.status.value}",
                  place_reason=_place_reason(c, event), date_reason=_date_reason(c, event, options),
                  actor_reason=_actor_reason(c, event), support=claim_support(c, outlet_sides.get(c.doc_id)))
        for c in members)
    denials = tuple(sorted((d for d in every.values() if d.status == Status.DENIED and d.id not in event.claim_ids
                            and event.happened and any(denies(d, c, options) for c in members)),
                           key=lambda d: d.id))
    return EventExplanation(event, joins, denials, _toll_reason(event, members))
