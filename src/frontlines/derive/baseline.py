"""A baseline: a control snapshot an analyst imports to start from a known map.

CSV (a header row) or GeoJSON (Point features).  Each row names a place or gives its
coordinates (or both), the side holding it, the day of the snapshot and who published it:

    place,latitude,longitude,controller,as_of,source
    Rusafa,35.630,38.757,Military Forces of Syria (2000-2024),2017-06-30,analyst map

Column names accepted: ``place``/``name``/``location``, ``latitude``/``lat``,
``longitude``/``lon``/``lng``, ``controller``/``actor``/``held_by``, ``as_of``/``date``,
``source``.  A missing ``as_of`` or ``source`` takes the defaults given by the caller.  A bad
row is a one-line problem naming the file and the row; the other rows are imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import BaselineEntry, Place

ALIASES = {
    "place": ("place", "name", "location"), "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lon", "lng", "long"), "controller": ("controller", "actor", "held_by", "holder"),
    "as_of": ("as_of", "as-of", "date"), "source": ("source",),
}

#: the place of a row: (name, latitude, longitude) → a gazetteer place, or None
Locate = Callable[[str | None, float | None, float | None], Place | None]


@dataclass(frozen=True, slots=True)
class SnapshotRow:
    """One row of a snapshot file as read, before its place is looked up."""

    row: int  # 1-based, header excluded (CSV) / feature number (GeoJSON)
    place: str | None
    latitude: float | None
    longitude: float | None
    controller: str
    as_of: str
    source: str


def _field(record: Mapping[str, Any], name: str) -> Any:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    return next((lowered[a] for a in ALIASES[name] if lowered.get(a) not in (None, "")), None)


def _row(number: int, record: Mapping[str, Any], coords: tuple[Any, Any] | None, as_of: str | None,
         source: str | None) -> SnapshotRow:
    place = _field(record, "place")
    lat, lon = coords if coords else (_field(record, "latitude"), _field(record, "longitude"))
    controller = _field(record, "controller")
    day = _field(record, "as_of") or as_of
    origin = _field(record, "source") or source
    if not controller:
        raise ValueError("no controller")
    if not day:
        raise ValueError("no as_of date (give one in the file or with --as-of)")
    day = dt.date.fromisoformat(str(day).strip()[:10]).isoformat()
    if (lat is None) != (lon is None):
        raise ValueError("latitude and longitude go together")
    lat_f, lon_f = (float(lat), float(lon)) if lat is not None and lon is not None else (None, None)
    if lat_f is not None and lon_f is not None and not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
        raise ValueError(f"coordinates out of range ({lat_f}, {lon_f})")
    if not place and lat_f is None:
        raise ValueError("neither a place name nor coordinates")
    return SnapshotRow(number, str(place).strip() if place else None, lat_f, lon_f, str(controller).strip(), day,
                       str(origin or "unknown").strip())


def _records(path: Path, text: str) -> Iterable[tuple[int, Mapping[str, Any], tuple[Any, Any] | None]]:
    if path.suffix.lower() in {".geojson", ".json"}:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid GeoJSON ({exc.msg}, line {exc.lineno})", source=str(path)) from None
        features = data.get("features") if isinstance(data, dict) else None
        if not isinstance(features, list):
            raise InputError("GeoJSON needs a FeatureCollection with features", source=str(path))
        for number, feature in enumerate(features, 1):
            geometry = (feature or {}).get("geometry") or {}
            coords = geometry.get("coordinates") if geometry.get("type") == "Point" else None
            yield number, (feature or {}).get("properties") or {}, (coords[1], coords[0]) if coords else None
        return
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise InputError("empty CSV (a header row is needed)", source=str(path))
    for number, record in enumerate(reader, 1):
        yield number, record, None


def read_snapshot(path: Path, *, as_of: str | None = None,
                  source: str | None = None) -> tuple[list[SnapshotRow], list[str]]:
    """The rows of a snapshot file, and a one-line problem per row that cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the snapshot ({exc})", source=str(path)) from None
    rows, problems = [], []
    for number, record, coords in _records(path, text):
        try:
            rows.append(_row(number, record, coords, as_of, source))
        except (ValueError, TypeError) as exc:
            problems.append(f"{path}: row {number}: {exc}")
    return rows, problems


def baseline_entries(rows: Iterable[SnapshotRow], locate: Locate, file: str,
                     actor_name: Callable[[str], str | None] | None = None) -> tuple[list[BaselineEntry], list[str]]:
    """Snapshot rows as baseline entries at gazetteer places (a row with coordinates and no
    gazetteer place is kept at its own point); the problems of rows that cannot be placed."""
    entries, problems = [], []
    for row in rows:
        place = locate(row.place, row.latitude, row.longitude)
        controller = (actor_name(row.controller) if actor_name else None) or row.controller
        if place is not None:
            entries.append(BaselineEntry(place.gazetteer_id, place.name, controller, row.as_of, row.source, file,
                                         place.latitude, place.longitude))
        elif row.latitude is not None and row.longitude is not None:
            pid = f"point:{row.latitude:.5f},{row.longitude:.5f}"
            entries.append(BaselineEntry(pid, row.place or pid, controller, row.as_of, row.source, file,
                                         row.latitude, row.longitude))
        else:
            problems.append(f"{file}: row {row.row}: no gazetteer place named {row.place!r}")
    return entries, problems
