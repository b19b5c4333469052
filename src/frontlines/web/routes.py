"""The REST API under ``/api``: every route calls a read view of the served Dataset (``dataset.views``,
the Store protocol's :class:`~frontlines.store.protocol.StoreViews`), never SQL, whatever the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from ..geo import parse_bbox
from ..store import views
from ..store.protocol import StoreViews
from ..taxonomy import counts_as_happened
from . import models
from .errors import ApiError, responses
from .outlets import OutletSides

router = APIRouter(prefix="/api", responses=responses(422, 429, 500))

MAX_PAGE = 500
MAX_FEATURES = 5000
MAX_OFFSET = 10_000_000
Day = Annotated[dt.date | None, Query(description="An ISO day, YYYY-MM-DD.")]
Text = Annotated[str | None, Query(max_length=200)]
Id = Annotated[str, Path(max_length=200)]


def read_views(request: Request) -> StoreViews:
    store_views: StoreViews = request.app.state.views  # set by create_app
    return store_views


def sides(request: Request) -> OutletSides:
    outlet_sides: OutletSides = request.app.state.outlet_sides  # set by create_app
    return outlet_sides


Conn = Annotated[StoreViews, Depends(read_views)]
Sides = Annotated[OutletSides, Depends(sides)]


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    try:
        return parse_bbox(text)
    except ValueError as err:
        raise ApiError(422, f"bbox: {err}") from None


def event_query(
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.", max_length=200)] = None,
    date_from: Annotated[dt.date | None, Query(alias="from", description="First day (events overlapping).")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="Last day (events overlapping).")] = None,
    event_type: Annotated[list[str] | None, Query(alias="type", max_length=100)] = None,
    sub_event_type: Annotated[list[str] | None, Query(alias="sub_type", max_length=100)] = None,
    actor: Annotated[str | None, Query(description="Actor 1 or actor 2, canonical name.", max_length=200)] = None,
    status: Annotated[list[models.Standing] | None, Query(description="Standings to keep.")] = None,
    outlet: Annotated[str | None, Query(description="Events with a document of this outlet.",
                                        max_length=200)] = None,
    min_support: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    happened: Annotated[bool | None, Query(description="Only events that happened (or only those that did not).")]
    = None,
    place_id: Annotated[str | None, Query(max_length=200)] = None,
    admin1: Annotated[str | None, Query(description="Governorate.", max_length=200)] = None,
) -> views.EventQuery:
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "from: after to")
    return views.EventQuery(
        bbox=_bbox(bbox), date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None, event_types=tuple(event_type or ()),
        sub_event_types=tuple(sub_event_type or ()), actor=actor, statuses=tuple(status or ()), outlet=outlet,
        min_support=min_support, happened=happened, place_id=place_id, admin1=admin1)


Filters = Annotated[views.EventQuery, Depends(event_query)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def _next(page: views.Page[Any]) -> int | None:
    return page.offset + page.limit if page.offset + page.limit < page.total else None


@router.get("/events", response_model=models.EventPage, summary="Events, filtered and paged")
def list_events(db: Conn, q: Filters, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Events in a stable order (first day, undated last, then id); page with ``offset``."""
    page = db.query_events(q, limit=limit, offset=offset)
    return {"total": page.total, "limit": limit, "offset": offset, "next_offset": _next(page),
            "items": page.items}


def _point(lon: float | None, lat: float | None) -> dict[str, Any] | None:
    return None if lon is None or lat is None else {"type": "Point", "coordinates": [lon, lat]}


@router.get("/events.geojson", response_model=models.FeatureCollection, summary="Located events as GeoJSON")
def events_geojson(db: Conn, q: Filters,
                   limit: Annotated[int, Query(ge=1, le=MAX_FEATURES)] = MAX_FEATURES) -> dict[str, Any]:
    """The matching events that have coordinates, as GeoJSON points (at most ``limit``)."""
    located = replace(q, located=True)
    page = db.query_events(located, limit=limit)
    features = [{"type": "Feature", "id": e.id, "geometry": _point(e.longitude, e.latitude),
                 "properties": {k: getattr(e, k) for k in e.__slots__ if k not in {"latitude", "longitude"}}}
                for e in page.items]
    return {"type": "FeatureCollection", "features": features, "total": page.total}


def _claim(c: views.ClaimEvidence, outlet_sides: OutletSides) -> dict[str, Any]:
    side, _ = outlet_sides.side(c.outlet)
    return {**{k: getattr(c, k) for k in c.__slots__}, "side": side, "counted": counts_as_happened(c.status)}


@router.get("/events/{event_id}", response_model=models.EventDetail, responses=responses(404),
            summary="One event with its claims and evidence")
def get_event(db: Conn, outlet_sides: Sides, event_id: Id) -> dict[str, Any]:
    """The event, each claim's sentence in its document, its standing, outlet and side, and how the
    claims corroborate or contradict one another."""
    detail = db.event_detail(event_id)
    if detail is None:
        raise ApiError(404, "no such event")
    claims = [_claim(c, outlet_sides) for c in detail.claims]
    outlets = sorted({c["outlet"] for c in claims if c["outlet"]})
    corroboration = {
        "documents": len({c["doc_id"] for c in claims}),
        "supporting": sum(c["counted"] for c in claims),
        "disputing": sum(c["status"] == "denied" for c in claims),
        "not_counted": sum(not c["counted"] and c["status"] != "denied" for c in claims),
        "outlets": outlets, "sides": sorted({c["side"] for c in claims if c["side"]}),
        "contradicted": detail.event.contradicted,
    }
    return {"event": detail.event, "claims": claims, "corroboration": corroboration}


@router.get("/documents", response_model=models.DocumentPage, summary="Documents, paged")
def list_documents(db: Conn, outlet: Text = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    page = db.query_documents(outlet=outlet, limit=limit, offset=offset)
    return {"total": page.total, "limit": limit, "offset": offset, "next_offset": _next(page),
            "items": page.items}


@router.get("/documents/{doc_id}", response_model=models.Document, responses=responses(404),
            summary="One document with its segments and claim spans")
def get_document(db: Conn, outlet_sides: Sides, doc_id: Id) -> dict[str, Any]:
    """The document's text (untrusted: shown as text), its segments with roles, and its claims' spans."""
    doc = db.document_view(doc_id)
    if doc is None:
        raise ApiError(404, "no such document")
    return {**{k: getattr(doc, k) for k in doc.__slots__}, "side": outlet_sides.side(doc.outlet)[0]}


@router.get("/places", response_model=models.PlaceSearch, summary="Place search")
def search_places(request: Request, db: Conn,
                  q: Annotated[str, Query(min_length=1, max_length=100, description="A place name.")],
                  limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    """Places of the database whose name contains ``q``, and the gazetteer's candidates for it."""
    found = db.search_places(q, limit=limit)
    candidates = request.app.state.gazetteer.candidates(q, limit=limit) if q.strip() else []
    counts = db.place_event_counts([c.place.gazetteer_id for c in candidates])
    gazetteer = [{"gazetteer_id": c.place.gazetteer_id, "name": c.place.name, "latitude": c.place.latitude,
                  "longitude": c.place.longitude, "admin1": c.place.admin1, "admin2": c.place.admin2,
                  "feature": c.place.feature, "events": counts.get(c.place.gazetteer_id, 0),
                  "score": c.score, "reason": c.reason} for c in candidates]
    return {"query": q, "in_database": found, "gazetteer": gazetteer}


def _control_features(rows: list[views.ControlRow]) -> dict[str, Any]:
    features = [{"type": "Feature", "id": f"{r.place_id}@{r.start}",
                 "geometry": _point(r.longitude, r.latitude),
                 "properties": {k: getattr(r, k) for k in r.__slots__ if k not in {"latitude", "longitude"}}}
                for r in rows]
    return {"type": "FeatureCollection", "features": features}


def _day(value: dt.date | None) -> str:
    return (value or dt.date.today()).isoformat()


@router.get("/control", response_model=models.FeatureCollection, summary="Control of places as of a day")
def control(db: Conn, date: Day = None) -> dict[str, Any]:
    """GeoJSON points: who held each place on ``date`` (default today), its side, whether it was
    contested (and the rival holders), the confidence and how it was reached, and the evidence claim
    ids.  A store without a contested state marks a place contested when fighting was reported there
    in the 14 days up to the date."""
    return _control_features(db.control_as_of(_day(date)))


@router.get("/control/changes", response_model=models.FeatureCollection, summary="Changes of control in a window")
def control_changes(db: Conn, date_from: Annotated[dt.date, Query(alias="from")],
                    date_to: Annotated[dt.date, Query(alias="to")]) -> dict[str, Any]:
    """GeoJSON points: periods of control that began in [from, to], with the previous holder."""
    if date_from > date_to:
        raise ApiError(422, "from: after to")
    return _control_features(db.control_changes(date_from.isoformat(), date_to.isoformat()))


@router.get("/sieges", response_model=models.FeatureCollection, summary="Sieges and encirclements")
def sieges(db: Conn, date: Day = None,
           date_from: Annotated[dt.date | None, Query(alias="from")] = None,
           date_to: Annotated[dt.date | None, Query(alias="to")] = None) -> dict[str, Any]:
    """GeoJSON points of sieges in force on ``date`` or overlapping [from, to] (all when neither is given):
    place, besieger, besieged, start, end and evidence claim ids.  Empty while the store derives no sieges."""
    if (date_from is None) != (date_to is None):
        raise ApiError(422, "from and to: give both or neither")
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "from: after to")
    rows = db.siege_rows(day=date.isoformat() if date else None,
                        start=date_from.isoformat() if date_from else None,
                        end=date_to.isoformat() if date_to else None)
    features = [{"type": "Feature", "id": f"{r.place_id}@{r.start}", "geometry": _point(r.longitude, r.latitude),
                 "properties": {k: getattr(r, k) for k in r.__slots__ if k not in {"latitude", "longitude"}}}
                for r in rows]
    return {"type": "FeatureCollection", "features": features}


@router.get("/outlets", response_model=list[models.Outlet], summary="Outlets and what sources say about them")
def outlets(db: Conn, outlet_sides: Sides) -> list[dict[str, Any]]:
    """Each outlet of the stored documents, its counts, and the outlet registry's dated statements
    (ownership, side): what the cited source says as of its date, not facts frontlines vouches for."""
    result = []
    for row in db.outlet_counts():
        known = outlet_sides.outlet(row.name)
        side, _ = outlet_sides.side(row.name)
        result.append({"name": row.name, "documents": row.documents, "claims": row.claims, "events": row.events,
                       "registered_as": known.name if known else None, "country": known.country if known else None,
                       "kind": known.kind if known else None, "side": side,
                       "statements": [{"claim": s.claim, "source": s.source, "as_of": s.as_of, "side": s.side}
                                      for s in (known.statements if known else ())]})
    return result


@router.get("/summary", response_model=models.Summary, summary="Counts by type, standing, week and governorate")
def summary(db: Conn, q: Filters) -> views.Summary:
    return db.event_summary(q)


@router.get("/facets", response_model=models.Facets, summary="Values the filters can take")
def facets(db: Conn) -> dict[str, Any]:
    f = db.facets()
    return {"event_types": f.event_types, "statuses": f.statuses,
            "actors": [{"name": n, "side": s} for n, s in f.actors], "outlets": f.outlets,
            "first_day": f.first_day, "last_day": f.last_day, "counts": f.counts}


@router.get("/basemap", response_model=models.FeatureCollection, summary="Offline basemap outlines")
def basemap(request: Request) -> Any:
    """Country and governorate outlines (approximate, derived from gazetteer points; see ATTRIBUTION.md)."""
    return request.app.state.basemap


@router.get("/info", response_model=models.Info, summary="About this server")
def info(request: Request) -> dict[str, Any]:
    s = request.app.state.settings
    return {"name": "frontlines", "version": request.app.version, "database": request.app.state.label,
            "read_only": True, "tiles": s.tiles, "tiles_attribution": s.tiles_attribution,
            "limits": {"page": MAX_PAGE, "features": MAX_FEATURES, "body_bytes": s.max_body,
                       "rate_per_second": int(s.rate_limit)}}
