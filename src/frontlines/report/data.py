"""What a situation report shows, gathered from a Dataset's read views (any store; no SQL here)."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal, TypedDict

from ..errors import InputError
from ..kb import load_kb
from ..store import views
from ..store.protocol import StoreViews
from ..web.outlets import OutletSides

PLACE_RADIUS_KM = 25.0


# --- the packaged offline basemap (data/basemap.geojson): outlines of countries and governorates ---

Ring = list[list[float]]  # [longitude, latitude] points, closed


class Polygon(TypedDict):
    type: Literal["Polygon"]
    coordinates: list[Ring]  # the outline, then any holes


class MultiPolygon(TypedDict):
    type: Literal["MultiPolygon"]
    coordinates: list[list[Ring]]


class OutlineProperties(TypedDict):
    name: str
    kind: Literal["country", "governorate"]


class Outline(TypedDict):
    type: Literal["Feature"]
    properties: OutlineProperties
    geometry: Polygon | MultiPolygon


class Basemap(TypedDict):
    type: Literal["FeatureCollection"]
    features: list[Outline]
    attribution: str


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """The area (``place`` or ``bbox``, else everywhere) and window of a report."""

    date_from: str
    date_to: str
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    title: str | None = None
    kb: Path | None = None  # knowledge base directory (its outlet registry gives the sides)


@dataclass(frozen=True, slots=True)
class Area:
    label: str
    bbox: tuple[float, float, float, float] | None  # west, south, east, north; None: everywhere
    admin1: str | None = None


@dataclass(frozen=True, slots=True)
class Casualty:
    event: views.EventRow
    low: int | None
    high: int | None
    reports: int


@dataclass(frozen=True, slots=True)
class ControlChange:
    change: views.ControlRow
    evidence: tuple[views.ClaimEvidence, ...]


@dataclass(frozen=True, slots=True)
class SourceCount:
    outlet: str
    side: str | None
    documents: int
    claims: int
    standings: dict[str, int]


@dataclass(frozen=True, slots=True)
class ReportData:
    title: str
    area: Area
    date_from: str
    date_to: str
    events: tuple[views.EventRow, ...]
    summary: views.Summary
    weekly: tuple[tuple[str, str, int], ...]
    casualties: tuple[Casualty, ...]
    fatalities_total: int
    fatalities_low: int
    fatalities_high: int
    changes: tuple[ControlChange, ...]
    control_at_end: tuple[views.ControlRow, ...]
    sources: tuple[SourceCount, ...]
    basemap: Basemap


def _basemap() -> Basemap:
    basemap: Basemap = json.loads((resources.files("frontlines") / "data" / "basemap.geojson")
                                  .read_text(encoding="utf-8"))  # the packaged file, in this shape
    return basemap


def _bounds(geometry: Polygon | MultiPolygon) -> tuple[float, float, float, float]:
    rings = geometry["coordinates"] if geometry["type"] == "Polygon" else \
        [ring for polygon in geometry["coordinates"] for ring in polygon]
    xs, ys = zip(*(point for ring in rings for point in ring), strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _around(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    dlat = km / 111.0
    dlon = km / (111.0 * max(0.1, math.cos(math.radians(lat))))
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


def resolve_area(db: StoreViews, request: ReportRequest, basemap: Basemap) -> Area:
    """The area of the report: a box, a governorate, or a place of the database and 25 km around it."""
    if request.bbox:
        w, s, e, n = request.bbox
        return Area(f"box {w:g},{s:g} to {e:g},{n:g}", request.bbox)
    if not request.place:
        return Area("all places", None)
    found = db.search_places(request.place, limit=20)
    if not found:
        raise InputError("no place of this name in the database (try `frontlines places` or a --bbox)",
                         source=request.place)
    exact = [p for p in found if (p.name or "").lower() == request.place.lower()] or found
    best = exact[0]
    if best.feature == "admin1":
        shapes = {f["properties"]["name"]: f["geometry"] for f in basemap["features"]
                  if f["properties"]["kind"] == "governorate"}
        box = _bounds(shapes[best.admin1]) if best.admin1 in shapes else None
        return Area(f"{best.name} governorate", box, admin1=best.admin1)
    if best.latitude is None or best.longitude is None:
        raise InputError("the place has no coordinates; give a --bbox", source=request.place)
    label = f"{best.name} ({best.admin1 or '?'}) and {PLACE_RADIUS_KM:g} km around"
    return Area(label, _around(best.latitude, best.longitude, PLACE_RADIUS_KM))


def _inside(row: views.ControlRow, area: Area) -> bool:
    if area.bbox is None:
        return True
    if row.latitude is None or row.longitude is None:
        return False
    w, s, e, n = area.bbox
    return w <= row.longitude <= e and s <= row.latitude <= n


def _sources(db: StoreViews, events: tuple[views.EventRow, ...], sides: OutletSides) -> list[SourceCount]:
    docs: dict[str, set[str]] = {}
    claims: Counter[str] = Counter()
    standings: dict[str, Counter[str]] = {}
    for e in events:
        detail = db.event_detail(e.id)
        for c in detail.claims if detail else ():
            outlet = c.outlet or "unknown outlet"
            docs.setdefault(outlet, set()).add(c.doc_id)
            claims[outlet] += 1
            standings.setdefault(outlet, Counter())[c.status] += 1
    return [SourceCount(o, sides.side(o)[0], len(docs[o]), claims[o], dict(standings[o]))
            for o in sorted(docs, key=lambda o: (-claims[o], o))]


def _one_per_sentence(claims: list[views.ClaimEvidence]) -> tuple[views.ClaimEvidence, ...]:
    """Several claims of one sentence (two triggers) are one piece of evidence to a reader."""
    return tuple({(c.doc_id, c.start, c.end): c for c in reversed(claims)}.values())[::-1]


def collect(db: StoreViews, request: ReportRequest) -> ReportData:
    """Everything the report shows, read from ``db`` (a Dataset's ``views``)."""
    basemap = _basemap()
    area = resolve_area(db, request, basemap)
    query = views.EventQuery(bbox=area.bbox if not area.admin1 else None, admin1=area.admin1,
                             date_from=request.date_from, date_to=request.date_to)
    page = db.query_events(query, limit=100_000)
    events = page.items
    happened = tuple(e for e in events if e.happened)
    ranges = {r.event_id: r for r in db.fatality_ranges([e.id for e in happened])}
    casualties = []
    for e in happened:
        r = ranges.get(e.id)
        if e.fatalities or (r and r.high):
            casualties.append(Casualty(e, r.low if r else e.fatalities, r.high if r else e.fatalities,
                                       r.reports if r else 0))
    casualties.sort(key=lambda c: (-(c.event.fatalities or 0), c.event.day_start or "", c.event.id))
    changes = [ControlChange(c, _one_per_sentence(db.claim_evidence(c.evidence)))
               for c in db.control_changes(request.date_from, request.date_to) if _inside(c, area)]
    at_end = tuple(c for c in db.control_as_of(request.date_to) if _inside(c, area))
    sides = OutletSides(load_kb(request.kb).outlets)
    title = request.title or f"Situation report: {area.label}, {request.date_from} to {request.date_to}"
    return ReportData(
        title=title, area=area, date_from=request.date_from, date_to=request.date_to, events=events,
        summary=db.event_summary(query), weekly=tuple(db.weekly_by_type(query)),
        casualties=tuple(casualties), fatalities_total=sum(e.fatalities or 0 for e in happened),
        fatalities_low=sum(c.low or 0 for c in casualties), fatalities_high=sum(c.high or 0 for c in casualties),
        changes=tuple(changes), control_at_end=at_end, sources=tuple(_sources(db, events, sides)),
        basemap=basemap)
