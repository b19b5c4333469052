"""The analyst-editable gazetteer overlay (CSV): places of the war the sources lack.

Columns: ``id, name, alt_names, lat, lon, country, admin1, feature, population,
coord_source, note``.  ``id`` starts with ``ovl:``; ``alt_names`` is pipe-separated;
``coord_source`` must say where the coordinates come from.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import ResourceError
from .gaz_admin import Admin1
from .gaz_sources import Draft
from .normalize import words

COLUMNS = ("id", "name", "alt_names", "lat", "lon", "country", "admin1", "feature",
           "population", "coord_source", "note")
FEATURES = words(
    "settlement city neighbourhood admin1 admin2 admin3 region country airbase military_base "
    "hill oil_gas dam border_crossing road bridge facility water"
)


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise ResourceError("overlay file not found", source=str(path))
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ResourceError(f"overlay lacks columns: {', '.join(missing)}", source=str(path))
        return list(reader)


def _row_problems(n: int, row: dict[str, str], seen: set[str]) -> list[str]:
    out = []
    rid = row["id"].strip()
    if not re.fullmatch(r"ovl:[a-z0-9][a-z0-9._-]*", rid):
        out.append(f"line {n}: id {rid!r} must look like 'ovl:some-name'")
    if rid in seen:
        out.append(f"line {n}: duplicate id {rid!r}")
    seen.add(rid)
    if not row["name"].strip():
        out.append(f"line {n}: empty name")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            out.append(f"line {n}: coordinates out of range ({lat}, {lon})")
    except ValueError:
        out.append(f"line {n}: lat/lon must be numbers")
    if not re.fullmatch(r"[A-Z]{2}", row["country"].strip()):
        out.append(f"line {n}: country must be an ISO 3166-1 alpha-2 code")
    if row["feature"].strip() not in FEATURES:
        out.append(f"line {n}: unknown feature {row['feature']!r}")
    if row["population"].strip() and not row["population"].strip().isdigit():
        out.append(f"line {n}: population must be a whole number")
    if not row["coord_source"].strip():
        out.append(f"line {n}: coord_source is required (where do the coordinates come from?)")
    return out


def check_overlay(path: Path) -> list[str]:
    """Problems of an overlay file, one line each; an empty list means it is valid."""
    try:
        rows = _rows(Path(path))
    except ResourceError as exc:
        return [exc.message]
    seen: set[str] = set()
    problems: list[str] = []
    for n, row in enumerate(rows, start=2):
        problems.extend(_row_problems(n, {k: (v or "") for k, v in row.items() if k}, seen))
    return problems


def read_overlay(path: Path, admin1: Admin1, home: str | None) -> Iterator[Draft]:
    """Entries of a valid overlay file (raises ResourceError when it is not valid)."""
    problems = check_overlay(path)
    if problems:
        raise ResourceError("invalid overlay: " + "; ".join(problems[:5]), source=str(path))
    for row in _rows(Path(path)):
        country = row["country"].strip()
        given = row["admin1"].strip() or None
        yield Draft(
            id=row["id"].strip(), name=row["name"].strip(), lat=float(row["lat"]),
            lon=float(row["lon"]), country=country, feature=row["feature"].strip(),
            source="overlay",
            admin1=admin1(given) if country == home else given,
            population=int(row["population"]) if row["population"].strip() else None,
            names=[row["name"].strip(), *[a.strip() for a in row["alt_names"].split("|") if a.strip()]],
        )
