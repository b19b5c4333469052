"""Place strings: the names of a gold folder geocoded alone, as an analyst geocodes the place
column of an event dataset with ``frontlines places`` (no sentence, no report around them).

A string is a gold event's location at town precision or a gold toponym of a town, with a
point, in any country; each (name, governorate) pair counts once.  Scored: the
first candidate within 25 km of the gold point, for the name alone and for the name with its
governorate (``places --admin1``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..geo import haversine_km
from ..records import Place
from .match import ratio

#: toponym classes of the gold format that are towns (the precision of an event dataset's place column)
TOWN_FEATURES = frozenset({"city/town/village"})
#: how far the first candidate may lie from the gold point
PLACE_STRING_KM = 25.0


@dataclass(frozen=True, slots=True)
class PlaceString:
    name: str
    admin1: str | None
    latitude: float
    longitude: float


def place_strings(events: Iterable[dict[str, Any]], toponyms: Iterable[dict[str, Any]]) -> list[PlaceString]:
    """The scorable strings of a gold folder's events and toponyms."""
    rows = [(r.get("location"), r) for r in events if r.get("geo_precision") == 1]
    rows += [(r.get("surface"), r) for r in toponyms if r.get("feature") in TOWN_FEATURES and not r.get("vague")]
    out: dict[tuple[str, str | None], PlaceString] = {}
    for name, r in rows:
        if name and r.get("lat") is not None:
            out.setdefault((name, r.get("admin1")), PlaceString(name, r.get("admin1"), r["lat"], r["lon"]))
    return list(out.values())


def score_place_strings(strings: Sequence[PlaceString],
                        firsts: Callable[[list[str], str | None], list[Place | None]]) -> dict[str, Any]:
    """``firsts(names, admin1)``: the first candidate of each name (in that governorate when
    given), asked once for the names alone and once per governorate."""
    def near(s: PlaceString, place: Place | None) -> bool:
        return place is not None and haversine_km(place.latitude, place.longitude,
                                                  s.latitude, s.longitude) <= PLACE_STRING_KM

    alone = sum(near(s, p) for s, p in zip(strings, firsts([s.name for s in strings], None), strict=True))
    by_unit: dict[str | None, list[PlaceString]] = {}
    for s in strings:
        by_unit.setdefault(s.admin1, []).append(s)
    with_admin1 = sum(near(s, p) for unit, group in by_unit.items()
                      for s, p in zip(group, firsts([s.name for s in group], unit), strict=True))
    return {"strings": len(strings), "within_25km": ratio(alone, len(strings)),
            "within_25km_with_admin1": ratio(with_admin1, len(strings))}
