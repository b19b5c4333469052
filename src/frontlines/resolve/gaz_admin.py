"""Syrian governorates under one English spelling, and a nearest-neighbour grid.

The sources spell the 14 governorates differently (``H'alab``, ``Dayr az Zawr``,
``Hasaka (Al Haksa)``, ``Lattakia``); every gazetteer entry gets the spelling below.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Generic, TypeVar

from ..geo import haversine_km
from .normalize import name_key

#: canonical governorate name → other spellings (domain knowledge, not corpus spellings)
GOVERNORATES: dict[str, tuple[str, ...]] = {
    "Aleppo": ("Halab", "H'alab", "Alep"),
    "Deir ez-Zor": ("Dayr az Zawr", "Deir Ezzor", "Deir al-Zor", "Dair al-Zour"),
    "Raqqa": ("Ar Raqqah", "Raqqah", "Rakka"),
    "Homs": ("Hims",),
    "Rif Dimashq": ("Rural Damascus", "Damascus Countryside", "Reef Damascus", "Rif Damascus"),
    "Damascus": ("Dimashq", "Damascus City"),
    "Idlib": ("Idleb", "Edlib"),
    "Hama": ("Hamah", "Hamat"),
    "Latakia": ("Lattakia", "Al Ladhiqiyah", "Ladhiqiyah", "Lattaquie"),
    "Tartus": ("Tartous", "Tartouss", "Tortosa"),
    "Daraa": ("Dar'a", "Deraa", "Dar`a", "Dera'a"),
    "As-Suwayda": ("Sweida", "Suwayda", "As Suwayda'", "Sweida'", "Soueida", "As-Sweida"),
    "Quneitra": ("Al Qunaytirah", "Qunaytirah", "Kuneitra", "Qunaitra"),
    "Al-Hasakah": ("Hasakah", "Hasaka", "Hasakeh", "Al Haksa", "Hassakeh", "Hasake"),
}

_KEYS: dict[str, str] = {}
for _canon, _others in GOVERNORATES.items():
    for _n in (_canon, *_others):
        _KEYS[name_key(_n)] = _canon
_SUFFIX = re.compile(r"\s*\b(governorate|province|muhafazat|countryside)\b\s*", re.I)


def canonical_admin1(name: str | None) -> str | None:
    """The canonical spelling of a Syrian governorate name, or None if it is not one."""
    if not name:
        return None
    parts = [name, *re.findall(r"\(([^)]*)\)", name), re.sub(r"\(.*?\)", "", name)]
    for part in parts:
        canon = _KEYS.get(name_key(_SUFFIX.sub(" ", part).strip() or part))
        if canon:
            return canon
    return None


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
