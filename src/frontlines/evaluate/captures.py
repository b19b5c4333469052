"""Captures: does the situation picture see the places that changed hands?

Against the gold captures of the scored documents (one row per place taken, retaken or handed
over: place, coordinates, captor, date, partial, status), two figures, overall and per stable
half of the documents (``match.half_of``):

- **recall**: of the gold captures that happened (status asserted, reported or alleged) and are
  located and dated, the share found as a territorial fact that happened, read from the same
  document: a capture, handover or withdrawal (any scope but "near") whose gaining side is the
  captor, whose place lies within ``CAPTURE_KM`` of the gold place and whose date span lies
  within ``CAPTURE_DAYS`` of the gold date.  Events are not counted: a territory event that made
  no fact (a province, a line before a town, an advance) does not move the control picture.
- **control agreement**: of those gold captures that took the whole place, the share whose
  place the derived control (all documents together) gives to the captor (as the controller or
  one of its allies in a joint hold), or lists the captor among the sides of a contested
  period, ``AGREE_AFTER_DAYS`` after the capture's last day.  The place is the controlled place
  nearest the gold coordinates, within ``CAPTURE_KM`` too.  ``agreed_contested`` counts the
  agreements that rest only on a contested period listing the captor, and
  ``held_agreement`` is the share agreed by a held period alone (the stricter figure).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from ..derive.queries import Near, situation_as_of
from ..geo import haversine_km
from ..records import ControlPeriod, FactKind, TerritorialFact
from .match import day_bounds, half_of, ratio, same_actor, span_gap, within_km

CAPTURE_KM = 25.0
CAPTURE_DAYS = 7
AGREE_AFTER_DAYS = 7
HAPPENED = frozenset({"asserted", "reported", "alleged"})
#: fact kinds by which a place changes hands
TAKING = frozenset({FactKind.CAPTURE, FactKind.HANDOVER, FactKind.WITHDRAWAL})


def scorable(row: Mapping[str, Any]) -> bool:
    """A gold capture that happened, with coordinates and a date."""
    return (row.get("status", "asserted") in HAPPENED and row.get("lat") is not None
            and row.get("lon") is not None and day_bounds(row.get("date")) is not None)


def found_by(fact: TerritorialFact, row: Mapping[str, Any], doc: str | None) -> bool:
    """Whether ``fact`` (of the document whose gold key is ``doc``) is the gold capture ``row``."""
    when, span = day_bounds(row.get("date")), day_bounds(fact.start and f"{fact.start}/{fact.end or fact.start}")
    return (doc == row["doc"] and fact.factual and fact.kind in TAKING and fact.scope != "near"
            and same_actor(fact.gainer, row.get("captor"))
            and within_km(fact.latitude, fact.longitude, row["lat"], row["lon"], CAPTURE_KM)
            and when is not None and span is not None and span_gap(span, when) <= CAPTURE_DAYS)


def control_after(periods: Sequence[ControlPeriod], row: Mapping[str, Any]) -> ControlPeriod | None:
    """The derived control, ``AGREE_AFTER_DAYS`` after the capture, of the controlled place
    nearest the gold place (within ``CAPTURE_KM``)."""
    when = day_bounds(row.get("date"))
    if when is None:
        return None
    day = (when[1] + dt.timedelta(days=AGREE_AFTER_DAYS)).isoformat()
    held = situation_as_of(periods, day, near=Near(row["lat"], row["lon"], CAPTURE_KM))
    located = [p for p in held if p.latitude is not None and p.longitude is not None]
    return min(located, key=lambda p: (haversine_km(row["lat"], row["lon"], p.latitude or 0.0, p.longitude or 0.0),
                                       p.place_id), default=None)


def agrees(period: ControlPeriod | None, captor: str | None) -> bool:
    if period is None:
        return False
    if period.state == "contested":
        return any(same_actor(r, captor) for r in period.rivals)
    return any(same_actor(a, captor) for a in (period.actor, *period.allies))


def held_agrees(period: ControlPeriod | None, captor: str | None) -> bool:
    """Agreement by a held period (a joint hold included), not by a contested one."""
    return period is not None and period.state != "contested" and agrees(period, captor)


def _label(row: Mapping[str, Any]) -> str:
    return f"{row['doc']}:{row.get('place')} ({row.get('captor')}, {row.get('date')})"


def _figures(found: list[bool], agreed: list[bool], held: list[bool]) -> dict[str, Any]:
    return {"captures": len(found), "found": sum(found), "recall": ratio(sum(found), len(found)),
            "full_captures": len(agreed), "agreed": sum(agreed),
            "control_agreement": ratio(sum(agreed), len(agreed)), "agreed_contested": sum(agreed) - sum(held),
            "held_agreement": ratio(sum(held), len(held))}


def score_captures(facts: Sequence[TerritorialFact], periods: Sequence[ControlPeriod],
                   rows: Sequence[Mapping[str, Any]], key_of: Mapping[str, str]) -> dict[str, Any]:
    """Recall and control agreement of ``rows`` (the gold captures of the scored documents),
    overall and per half.  ``key_of``: stored document id → gold doc key."""
    taking = [(f, key_of.get(f.doc_id)) for f in facts if f.kind in TAKING and f.factual]
    rows = list(rows)
    scored = [r for r in rows if scorable(r)]
    by_half: dict[str, tuple[list[bool], list[bool], list[bool]]] = {"A": ([], [], []), "B": ([], [], [])}
    every: tuple[list[bool], list[bool], list[bool]] = ([], [], [])
    missed, disagreed = [], []
    for row in scored:
        hit = any(found_by(f, row, doc) for f, doc in taking)
        half = by_half[half_of(row["doc"])]
        for found, _, _ in (half, every):
            found.append(hit)
        if not hit:
            missed.append(_label(row))
        if row.get("partial"):
            continue
        period = control_after(periods, row)
        ok = agrees(period, row.get("captor"))
        by_held = held_agrees(period, row.get("captor"))
        for _, agreed, held_only in (half, every):
            agreed.append(ok)
            held_only.append(by_held)
        if not ok:
            held = "no control" if period is None else (
                f"{period.place_name}: contested {'/'.join(period.rivals)}" if period.state == "contested"
                else f"{period.place_name}: {'/'.join((period.actor, *period.allies))}")
            disagreed.append(f"{_label(row)} → {held}")
    return {**_figures(*every), "unscorable": len(rows) - len(scored),
            "half_a": _figures(*by_half["A"]), "half_b": _figures(*by_half["B"]),
            "missed": missed, "disagreed": disagreed}
