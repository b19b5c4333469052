"""Admin units and a nearest-neighbour grid for the gazetteer builder.

The sources spell governorates differently (``H'alab``, ``Dayr az Zawr``, ``Lattakia``); every
gazetteer entry gets the canonical spelling of the knowledge base's ``theater.yaml``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from ..geo import haversine_km

#: a governorate (first-level unit) name → its canonical spelling, or None (the theater's
#: ``canonical_admin1``, from ``theater.yaml`` of the knowledge base)
Admin1 = Callable[[str | None], str | None]


T = TypeVar("T")


km = haversine_km  # great-circle distance in kilometres (frontlines.geo)


class Grid(Generic[T]):
    """Points in 0.1° cells; nearest-neighbour search by expanding rings."""

    def __init__(self, points: Iterable[tuple[float, float, T]], cell: float = 0.1) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[tuple[float, float, T]]] = {}
        for lat, lon, item in points:
            self.cells.setdefault(self._cell(lat, lon), []).append((lat, lon, item))

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return (int(math.floor(lat / self.cell)), int(math.floor(lon / self.cell)))

    def nearest(self, lat: float, lon: float, k: int = 1, max_rings: int = 30) -> list[tuple[float, T]]:
        """Up to ``k`` items nearest to the point, as (km, item), nearest first."""
        ci, cj = self._cell(lat, lon)
        found: list[tuple[float, T]] = []
        for ring in range(max_rings + 1):
            for i in range(ci - ring, ci + ring + 1):
                for j in range(cj - ring, cj + ring + 1):
                    if max(abs(i - ci), abs(j - cj)) != ring:
                        continue
                    for plat, plon, item in self.cells.get((i, j), ()):
                        found.append((km(lat, lon, plat, plon), item))
            if len(found) >= k and ring >= 1:
                break
        found.sort(key=lambda pair: pair[0])
        return found[:k]
