"""Questions to the control periods: as of a day, near a place or in a box, changes in a
window, a place's history.  Plain functions over records (their JSON and GeoJSON forms are
in ``frontlines.export.serialize``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..geo import haversine_km
from ..records import ControlPeriod, TerritorialFact

BBox = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True, slots=True)
class Near:
    """Within ``km`` of a point."""

    latitude: float
    longitude: float
    km: float


def covers(period: ControlPeriod, day: str) -> bool:
    return (period.start or "") <= day and (period.end is None or day < period.end)


def control_as_of(periods: Sequence[ControlPeriod], place_id: str, date: str) -> ControlPeriod | None:
    """The period covering ``date`` (ISO) at a place, if the evidence says who held it."""
    return next((p for p in periods if p.place_id == place_id and covers(p, date)), None)


def _where(period: ControlPeriod, near: Near | None, bbox: BBox | None) -> bool:
    if near is None and bbox is None:
        return True
    if period.latitude is None or period.longitude is None:
        return False
    if near is not None and haversine_km(near.latitude, near.longitude, period.latitude, period.longitude) > near.km:
        return False
    if bbox is not None:
        west, south, east, north = bbox
        return west <= period.longitude <= east and south <= period.latitude <= north
    return True


def situation_as_of(periods: Iterable[ControlPeriod], date: str, *, near: Near | None = None,
                    bbox: BBox | None = None) -> list[ControlPeriod]:
    """Who held each place on ``date``: one period per place, within ``near`` / ``bbox``."""
    found = [p for p in periods if covers(p, date) and _where(p, near, bbox)]
    return sorted(found, key=lambda p: (p.place_name, p.place_id))


def changes_between(periods: Iterable[ControlPeriod], start: str, end: str, *, near: Near | None = None,
                    bbox: BBox | None = None) -> list[ControlPeriod]:
    """Periods that began within [start, end] (ISO dates): the changes of control in a window."""
    found = [p for p in periods if p.start and start <= p.start <= end and _where(p, near, bbox)]
    return sorted(found, key=lambda p: (p.start or "", p.place_name, p.place_id))


def place_history(facts: Iterable[TerritorialFact],
                  place_id: str) -> list[tuple[TerritorialFact, list[TerritorialFact]]]:
    """Every fact about a place (and the entries that are one place with it, see
    ``same_places``) in date order, each with the denials of it beside it."""
    from .control import same_places

    facts = list(facts)
    canonical = same_places(facts)
    here = sorted((f for f in facts if canonical[f.place_id] == canonical.get(place_id, place_id)),
                  key=lambda f: (f.start or "9999", f.id))
    denials: dict[str, list[TerritorialFact]] = {}
    for fact in facts:
        for denied in fact.denies:
            denials.setdefault(denied, []).append(fact)
    return [(f, sorted(denials.get(f.id, []), key=lambda d: d.id)) for f in here]
