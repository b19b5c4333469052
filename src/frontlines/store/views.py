"""Read views of a frontlines database for the web server and the situation report.

Every SQL statement the presentation layer needs lives here; the web routes and the report
call these functions and never write SQL.  The connection is opened read-only
(:func:`connect_readonly`).  Results are frozen records; an event's date may be a day or an
ISO interval ``a/b``, and every view works with its first and last day (``day_start``,
``day_end``): an event is "in" a window when its interval overlaps the window.

The views read the current schema and tolerate columns added later (a ``contested`` or
``confidence`` column on ``control_periods``, a ``sieges`` table): what is absent reads as
empty, never as an error.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import StoreError

#: the connection the views take (callers name this type, not sqlite3's)
Connection = sqlite3.Connection

#: the first and last day of an event's date (a day, or an ISO interval "a/b")
DAY_START = "substr(e.event_date, 1, 10)"
DAY_END = ("CASE WHEN instr(e.event_date, '/') > 0 THEN substr(e.event_date, instr(e.event_date, '/') + 1, 10) "
           "ELSE substr(e.event_date, 1, 10) END")
#: fighting at a place this many days before a date marks the place contested on that date
CONTESTED_DAYS = 14
CONTEXT_CHARS = 280
REQUIRED_TABLES = ("articles", "claims", "events", "event_claims")


# -- opening ---------------------------------------------------------------------------------
def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (SQLite URI ``mode=ro``) to a frontlines database."""
    path = Path(path)
    if not path.is_file():
        raise StoreError("no such database (create it with `frontlines run`)", source=str(path))
    base = f"file:{quote(str(path.resolve()))}?mode=ro"
    for uri in (base, base + "&immutable=1"):  # immutable: a WAL file in a folder we cannot write
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            break
        except sqlite3.DatabaseError as exc:
            error = exc
    else:
        raise StoreError(f"cannot open database read-only ({error})", source=str(path))
    missing = [t for t in REQUIRED_TABLES if t not in have]
    if missing:
        conn.close()
        raise StoreError(f"not a frontlines database (no table {', '.join(missing)})", source=str(path))
    return conn


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


# -- records -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of an event listing; every one is optional.  ``bbox`` is (west, south, east, north)."""

    bbox: tuple[float, float, float, float] | None = None
    date_from: str | None = None
    date_to: str | None = None
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    actor: str | None = None
    statuses: tuple[str, ...] = ()
    outlet: str | None = None
    min_support: float | None = None
    happened: bool | None = None
    place_id: str | None = None
    admin1: str | None = None
    located: bool = False  # only events with coordinates


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    event_type: str
    sub_event_type: str
    status: str
    happened: bool
    actor1: str | None
    actor2: str | None
    location: str | None
    gazetteer_id: str | None
    admin1: str | None
    admin2: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    event_date: str | None
    day_start: str | None
    day_end: str | None
    time_precision: int | None
    fatalities: int | None
    sources: tuple[str, ...]
    corroboration: int
    contradicted: bool
    support: float


@dataclass(frozen=True, slots=True)
class Page:
    items: tuple[Any, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class ClaimEvidence:
    """One claim with the sentence that makes it and the text around it in its document."""

    id: str
    doc_id: str
    status: str
    attributed_to: str | None
    event_type: str
    sub_event_type: str
    trigger: str
    sentence: str
    start: int
    end: int
    trigger_start: int  # offsets into ``sentence``
    trigger_end: int
    context_before: str
    context_after: str
    segment_role: str
    actor1: str | None
    actor2: str | None
    location: str | None
    date_text: str | None
    event_date: str | None
    fatalities: int | None
    outlet: str | None
    title: str | None
    published: str | None
    source: str
    url: str | None


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: EventRow
    claims: tuple[ClaimEvidence, ...]


@dataclass(frozen=True, slots=True)
class SegmentView:
    index: int
    role: str
    start: int
    end: int
    quoted_source: str | None


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    id: str
    status: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    duplicate_of: str | None
    claims: int


@dataclass(frozen=True, slots=True)
class DocumentView:
    id: str
    source: str
    outlet: str | None
    url: str | None
    title: str | None
    author: str | None
    published: str | None
    published_precision: str | None
    language: str | None
    duplicate_of: str | None
    text: str
    segments: tuple[SegmentView, ...]
    claims: tuple[ClaimSpan, ...]


@dataclass(frozen=True, slots=True)
class PlaceRow:
    gazetteer_id: str
    name: str | None
    latitude: float | None
    longitude: float | None
    admin1: str | None
    admin2: str | None
    feature: str | None
    events: int


@dataclass(frozen=True, slots=True)
class ControlRow:
    """Who held a place over a period; ``contested`` and ``confidence`` as the store says or derives."""

    place_id: str
    place_name: str | None
    actor: str
    side: str | None
    start: str | None
    end: str | None
    evidence: tuple[str, ...]
    latitude: float | None
    longitude: float | None
    contested: bool
    confidence: float | None
    previous_actor: str | None = None
    rivals: tuple[str, ...] = ()  # contested: every side credibly said to hold it
    explanation: str | None = None  # how the confidence was reached
    last_confirmed: str | None = None
    origin: str | None = None  # derived from facts, or imported from a baseline


@dataclass(frozen=True, slots=True)
class SiegeRow:
    place_id: str
    place_name: str | None
    besieger: str | None
    besieged: str | None
    start: str | None
    end: str | None
    evidence: tuple[str, ...]  # claim ids
    latitude: float | None
    longitude: float | None
    end_cue: str | None = None


@dataclass(frozen=True, slots=True)
class OutletRow:
    name: str
    documents: int
    claims: int
    events: int


@dataclass(frozen=True, slots=True)
class Count:
    key: str | None
    count: int
    fatalities: int = 0


@dataclass(frozen=True, slots=True)
class Summary:
    events: int
    by_type: tuple[Count, ...]
    by_status: tuple[Count, ...]
    by_week: tuple[Count, ...]
    by_admin1: tuple[Count, ...]


@dataclass(frozen=True, slots=True)
class Facets:
    event_types: dict[str, tuple[str, ...]]
    statuses: tuple[str, ...]
    actors: tuple[tuple[str, str | None], ...]  # (name, side)
    outlets: tuple[str, ...]
    first_day: str | None
    last_day: str | None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FatalityRange:
    event_id: str
    low: int | None
    high: int | None
    reports: int


# -- events ------------------------------------------------------------------------------------
def _where(q: EventQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if q.bbox is not None:
        west, south, east, north = q.bbox
        clauses.append("e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?")
        args += [west, east, south, north]
    if q.located:
        clauses.append("e.latitude IS NOT NULL AND e.longitude IS NOT NULL")
    if q.date_from:
        clauses.append(f"{DAY_END} >= ?")
        args.append(q.date_from)
    if q.date_to:
        clauses.append(f"{DAY_START} <= ?")
        args.append(q.date_to)
    for column, values in (("e.event_type", q.event_types), ("e.sub_event_type", q.sub_event_types),
                           ("e.status", q.statuses)):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            args += list(values)
    if q.actor:
        clauses.append("(e.actor1 = ? OR e.actor2 = ?)")
        args += [q.actor, q.actor]
    if q.outlet:
        clauses.append("EXISTS (SELECT 1 FROM json_each(e.sources) WHERE json_each.value = ?)")
        args.append(q.outlet)
    if q.min_support is not None:
        clauses.append("e.support >= ?")
        args.append(q.min_support)
    if q.happened is not None:
        clauses.append("e.happened = ?")
        args.append(int(q.happened))
    if q.place_id:
        clauses.append("e.gazetteer_id = ?")
        args.append(q.place_id)
    if q.admin1:
        clauses.append("e.admin1 = ?")
        args.append(q.admin1)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


_EVENT_COLS = ("e.id, e.event_type, e.sub_event_type, e.status, e.happened, e.actor1, e.actor2, e.location, "
               "e.gazetteer_id, e.admin1, e.admin2, e.country, e.latitude, e.longitude, e.geo_precision, "
               f"e.event_date, {DAY_START} AS day_start, {DAY_END} AS day_end, e.time_precision, e.fatalities, "
               "e.sources, e.corroboration, e.contradicted, e.support")
#: the stable order of every event listing: by first day (undated last), then id
_EVENT_ORDER = f" ORDER BY e.event_date IS NULL, {DAY_START}, e.id"


def _event(row: sqlite3.Row) -> EventRow:
    values = dict(row)
    values["happened"] = bool(values["happened"])
    values["contradicted"] = bool(values["contradicted"])
    values["sources"] = tuple(json.loads(values["sources"] or "[]"))
    values["corroboration"] = values["corroboration"] or 0
    values["support"] = values["support"] or 0.0
    return EventRow(**values)


def events(conn: sqlite3.Connection, query: EventQuery, *, limit: int = 100, offset: int = 0) -> Page:
    """One page of events matching ``query``, in the stable order (first day, then id)."""
    where, args = _where(query)
    total = conn.execute(f"SELECT COUNT(*) FROM events e{where}", args).fetchone()[0]
    rows = conn.execute(f"SELECT {_EVENT_COLS} FROM events e{where}{_EVENT_ORDER} LIMIT ? OFFSET ?",
                        [*args, limit, offset]).fetchall()
    return Page(tuple(_event(r) for r in rows), total, limit, offset)


def event(conn: sqlite3.Connection, event_id: str) -> EventRow | None:
    row = conn.execute(f"SELECT {_EVENT_COLS} FROM events e WHERE e.id = ?", (event_id,)).fetchone()
    return _event(row) if row else None


_CLAIM_COLS = (
    "c.id, c.doc_id, c.status, c.attributed_to, c.event_type, c.sub_event_type, c.trigger, c.sentence, "
    "c.start, c.\"end\", c.trigger_start - c.start AS trigger_start, c.trigger_end - c.start AS trigger_end, "
    f"substr(a.text, max(c.seg_start, c.start - {CONTEXT_CHARS}) + 1, "
    f"c.start - max(c.seg_start, c.start - {CONTEXT_CHARS})) AS context_before, "
    f"substr(a.text, c.\"end\" + 1, max(0, min({CONTEXT_CHARS}, c.seg_end - c.\"end\"))) AS context_after, "
    "c.segment_role, c.actor1, c.actor2, c.location, c.date_text, c.event_date, c.fatalities, a.outlet, a.title, "
    "a.published, a.source, a.url")
#: claims with the bounds of the block (segment) their sentence lies in: the context stops there
_CLAIMS_IN_BLOCKS = (
    "(SELECT cl.*, COALESCE((SELECT MAX(s.start) FROM segments s WHERE s.doc_id = cl.doc_id AND s.start <= cl.start), "
    "0) AS seg_start, COALESCE((SELECT MIN(s.\"end\") FROM segments s WHERE s.doc_id = cl.doc_id "
    "AND s.\"end\" >= cl.\"end\"), 1000000000) AS seg_end FROM claims cl)")


def _claim(row: sqlite3.Row) -> ClaimEvidence:
    return ClaimEvidence(**dict(row))


def event_detail(conn: sqlite3.Connection, event_id: str) -> EventDetail | None:
    """An event with each of its claims, their sentences and the text around them."""
    found = event(conn, event_id)
    if found is None:
        return None
    rows = conn.execute(f"SELECT {_CLAIM_COLS} FROM event_claims ec JOIN {_CLAIMS_IN_BLOCKS} c ON c.id = ec.claim_id "
                        "JOIN articles a ON a.id = c.doc_id WHERE ec.event_id = ? "
                        "ORDER BY a.published IS NULL, a.published, c.doc_id, c.start", (event_id,)).fetchall()
    return EventDetail(found, tuple(_claim(r) for r in rows))


def claims_by_id(conn: sqlite3.Connection, claim_ids: Sequence[str]) -> list[ClaimEvidence]:
    """The claims with these ids (evidence of control periods), in the order given."""
    if not claim_ids:
        return []
    marks = ", ".join("?" * len(claim_ids))
    rows = conn.execute(f"SELECT {_CLAIM_COLS} FROM {_CLAIMS_IN_BLOCKS} c JOIN articles a ON a.id = c.doc_id "
                        f"WHERE c.id IN ({marks})", list(claim_ids)).fetchall()
    found = {r["id"]: _claim(r) for r in rows}
    return [found[i] for i in claim_ids if i in found]


def fatality_ranges(conn: sqlite3.Connection, event_ids: Sequence[str]) -> list[FatalityRange]:
    """Per event, the lowest and highest fatality figure its factual claims report."""
    if not event_ids:
        return []
    marks = ", ".join("?" * len(event_ids))
    rows = conn.execute(
        "SELECT ec.event_id, MIN(c.fatalities), MAX(c.fatalities), COUNT(c.fatalities) FROM event_claims ec "
        "JOIN claims c ON c.id = ec.claim_id WHERE c.status IN ('asserted', 'reported', 'alleged') "
        f"AND ec.event_id IN ({marks}) GROUP BY ec.event_id", list(event_ids)).fetchall()
    return [FatalityRange(r[0], r[1], r[2], r[3]) for r in rows]


# -- documents ---------------------------------------------------------------------------------
def documents(conn: sqlite3.Connection, *, outlet: str | None = None, limit: int = 100,
              offset: int = 0) -> Page:
    where, args = (" WHERE a.outlet = ?", [outlet]) if outlet else ("", [])
    total = conn.execute(f"SELECT COUNT(*) FROM articles a{where}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, a.source, a.outlet, a.title, a.published, a.duplicate_of, "
        f"(SELECT COUNT(*) FROM claims c WHERE c.doc_id = a.id) AS claims FROM articles a{where} "
        "ORDER BY a.published IS NULL, a.published, a.source, a.id LIMIT ? OFFSET ?",
        [*args, limit, offset]).fetchall()
    return Page(tuple(DocumentSummary(**dict(r)) for r in rows), total, limit, offset)


def document(conn: sqlite3.Connection, doc_id: str) -> DocumentView | None:
    """A document's text, its segments with their roles, and the spans of its claims."""
    row = conn.execute("SELECT id, source, outlet, url, title, author, published, published_precision, "
                       "language, duplicate_of, text FROM articles WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    segments = tuple(SegmentView(r[0], r[1], r[2], r[3], r[4]) for r in conn.execute(
        'SELECT idx, role, start, "end", quoted_source FROM segments WHERE doc_id = ? ORDER BY idx', (doc_id,)))
    links: dict[str, list[str]] = {}
    for claim_id, event_id in conn.execute(
            "SELECT ec.claim_id, ec.event_id FROM event_claims ec JOIN claims c ON c.id = ec.claim_id "
            "WHERE c.doc_id = ? ORDER BY ec.event_id", (doc_id,)):
        links.setdefault(claim_id, []).append(event_id)
    claims = tuple(ClaimSpan(r[0], r[1], r[2], r[3], r[4], r[5], tuple(links.get(r[0], ()))) for r in conn.execute(
        'SELECT id, status, start, "end", trigger_start, trigger_end FROM claims WHERE doc_id = ? '
        "ORDER BY start, trigger_start", (doc_id,)))
    return DocumentView(**dict(row), segments=segments, claims=claims)


# -- places ------------------------------------------------------------------------------------
def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def places(conn: sqlite3.Connection, name: str, *, limit: int = 20) -> list[PlaceRow]:
    """Places of this database whose name contains ``name`` (case-insensitive), most events first."""
    rows = conn.execute(
        "SELECT p.gazetteer_id, p.name, p.latitude, p.longitude, p.admin1, p.admin2, p.feature, "
        "(SELECT COUNT(*) FROM events e WHERE e.gazetteer_id = p.gazetteer_id) AS events FROM places p "
        "WHERE p.name LIKE ? ESCAPE '\\' ORDER BY events DESC, p.name LIMIT ?", (_like(name), limit)).fetchall()
    return [PlaceRow(**dict(r)) for r in rows]


def place_event_counts(conn: sqlite3.Connection, place_ids: Sequence[str]) -> dict[str, int]:
    if not place_ids:
        return {}
    marks = ", ".join("?" * len(place_ids))
    rows = conn.execute(f"SELECT gazetteer_id, COUNT(*) FROM events WHERE gazetteer_id IN ({marks}) "
                        "GROUP BY gazetteer_id", list(place_ids))
    return {r[0]: r[1] for r in rows}


# -- control and sieges ------------------------------------------------------------------------
def _optional(cols: set[str], name: str, default: str = "NULL") -> str:
    return f'cp."{name}"' if name in cols else default


def _control_rows(conn: sqlite3.Connection, where: str, args: list[Any], day: str | None) -> list[ControlRow]:
    cols = _columns(conn, "control_periods")
    if "state" in cols:  # the store says which periods are contested
        contested, fight_args = "cp.state = 'contested'", []
    elif "contested" in cols:
        contested, fight_args = "cp.contested", []
    elif day is not None:  # an older store: fighting at the place in the days before marks it contested
        contested = ("EXISTS (SELECT 1 FROM events f WHERE f.gazetteer_id = cp.place_id AND f.happened = 1 "
                     "AND f.event_type = 'Battles' AND substr(f.event_date, 1, 10) BETWEEN date(?, ?) AND ?)")
        fight_args = [day, f"-{CONTESTED_DAYS} days", day]
    else:
        contested, fight_args = "0", []
    coords = {axis: f"COALESCE({_optional(cols, axis)}, p.{axis}, "
                    f"(SELECT {axis} FROM events WHERE gazetteer_id = cp.place_id LIMIT 1))"
              for axis in ("latitude", "longitude")}
    sql = (
        "SELECT * FROM (SELECT cp.place_id, cp.place_name, cp.actor, "
        "(SELECT side FROM actors WHERE name = cp.actor) AS side, cp.start, cp.\"end\", cp.evidence, "
        f"{coords['latitude']} AS latitude, {coords['longitude']} AS longitude, ({contested}) AS contested, "
        f"{_optional(cols, 'confidence')} AS confidence, "
        "LAG(cp.actor) OVER (PARTITION BY cp.place_id ORDER BY cp.start) AS previous_actor, "
        f"{_optional(cols, 'rivals')} AS rivals, {_optional(cols, 'explanation')} AS explanation, "
        f"{_optional(cols, 'last_confirmed')} AS last_confirmed, {_optional(cols, 'origin')} AS origin "
        "FROM control_periods cp LEFT JOIN places p ON p.gazetteer_id = cp.place_id) AS cp"
        f"{where} ORDER BY cp.place_name, cp.place_id, cp.start")
    rows = conn.execute(sql, [*fight_args, *args]).fetchall()
    return [ControlRow(**{**dict(r), "contested": bool(r["contested"]), "evidence": _ids(r["evidence"]),
                          "rivals": _ids(r["rivals"])}) for r in rows]


def _ids(raw: object) -> tuple[str, ...]:
    """A JSON list of ids as a tuple (empty for anything else)."""
    if not isinstance(raw, str) or not raw.startswith("["):
        return ()
    return tuple(str(v) for v in json.loads(raw))


def control_as_of(conn: sqlite3.Connection, day: str) -> list[ControlRow]:
    """Who held each place on ``day`` (ISO), as far as the evidence says."""
    where = ' WHERE (cp.start IS NULL OR cp.start <= ?) AND (cp."end" IS NULL OR ? < cp."end")'
    return _control_rows(conn, where, [day, day], day)


def control_changes(conn: sqlite3.Connection, start: str, end: str) -> list[ControlRow]:
    """Periods of control that began within [start, end]: the changes in a window, with the previous holder."""
    return _control_rows(conn, " WHERE cp.start BETWEEN ? AND ?", [start, end], None)


def control_places(conn: sqlite3.Connection, place_ids: Sequence[str]) -> list[ControlRow]:
    """Every control period of these places (a place's whole timeline)."""
    if not place_ids:
        return []
    return _control_rows(conn, f" WHERE cp.place_id IN ({', '.join('?' * len(place_ids))})", list(place_ids), None)


_SIEGE_FIELDS = ("place_id", "place_name", "besieger", "besieged", "start", "end", "end_cue")


def sieges(conn: sqlite3.Connection, *, day: str | None = None, start: str | None = None,
           end: str | None = None) -> list[SiegeRow]:
    """Sieges and encirclements (the store's ``sieges`` table): in force on ``day``, or overlapping
    [start, end]; with the claim ids of the facts behind each.  None when the store has no sieges."""
    tables = _tables(conn)
    if "sieges" not in tables:
        return []
    cols = _columns(conn, "sieges")
    picks = ", ".join(f's."{c}"' if c in cols else f'NULL AS "{c}"' for c in _SIEGE_FIELDS)
    if "facts" in cols and "territorial_facts" in tables:  # facts are territorial facts; evidence is their claims
        evidence = ("(SELECT json_group_array(tf.claim_id) FROM json_each(s.facts) j "
                    "JOIN territorial_facts tf ON tf.id = j.value)")
    else:
        evidence = "s.evidence" if "evidence" in cols else "NULL"
    coords = {axis: f"COALESCE(s.{axis}, p.{axis})" if axis in cols else f"p.{axis}"
              for axis in ("latitude", "longitude")}
    clauses, args = [], []
    if day:
        clauses.append('(s.start IS NULL OR s.start <= ?) AND (s."end" IS NULL OR ? <= s."end")')
        args += [day, day]
    if start and end:
        clauses.append('(s.start IS NULL OR s.start <= ?) AND (s."end" IS NULL OR ? <= s."end")')
        args += [end, start]
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    rows = conn.execute(f"SELECT {picks}, {evidence} AS evidence, {coords['latitude']} AS latitude, "
                        f"{coords['longitude']} AS longitude FROM sieges s "
                        f"LEFT JOIN places p ON p.gazetteer_id = s.place_id{where} ORDER BY s.start, s.place_id", args)
    return [SiegeRow(**{**dict(r), "evidence": _ids(r["evidence"])}) for r in rows]


# -- outlets, summary, facets ------------------------------------------------------------------
def outlets(conn: sqlite3.Connection) -> list[OutletRow]:
    """Outlets of the stored documents with their numbers of documents, claims and events."""
    rows = conn.execute(
        "SELECT a.outlet AS name, COUNT(DISTINCT a.id) AS documents, COUNT(c.id) AS claims, "
        "(SELECT COUNT(*) FROM events e, json_each(e.sources) j WHERE j.value = a.outlet) AS events "
        "FROM articles a LEFT JOIN claims c ON c.doc_id = a.id WHERE a.outlet IS NOT NULL "
        "GROUP BY a.outlet ORDER BY documents DESC, a.outlet").fetchall()
    return [OutletRow(**dict(r)) for r in rows]


def _counts(conn: sqlite3.Connection, key: str, where: str, args: list[Any], order: str) -> tuple[Count, ...]:
    rows = conn.execute(f"SELECT {key} AS k, COUNT(*), COALESCE(SUM(e.fatalities), 0) FROM events e{where} "
                        f"GROUP BY k ORDER BY {order}", args)
    return tuple(Count(r[0], r[1], r[2]) for r in rows)


def summary(conn: sqlite3.Connection, query: EventQuery) -> Summary:
    """Counts of the matching events by type, standing, week (its Monday) and governorate."""
    where, args = _where(query)
    week = f"date({DAY_START}, '-' || ((CAST(strftime('%w', {DAY_START}) AS INTEGER) + 6) % 7) || ' days')"
    total = conn.execute(f"SELECT COUNT(*) FROM events e{where}", args).fetchone()[0]
    return Summary(
        events=total,
        by_type=_counts(conn, "e.event_type", where, args, "COUNT(*) DESC, k"),
        by_status=_counts(conn, "e.status", where, args, "COUNT(*) DESC, k"),
        by_week=_counts(conn, week, where, args, "k IS NULL, k"),
        by_admin1=_counts(conn, "e.admin1", where, args, "COUNT(*) DESC, k"),
    )


def weekly_by_type(conn: sqlite3.Connection, query: EventQuery) -> list[tuple[str, str, int]]:
    """(week's Monday, event type, count) of the matching dated events: the report's chart."""
    where, args = _where(query)
    week = f"date({DAY_START}, '-' || ((CAST(strftime('%w', {DAY_START}) AS INTEGER) + 6) % 7) || ' days')"
    where += (" AND " if where else " WHERE ") + "e.event_date IS NOT NULL"
    rows = conn.execute(f"SELECT {week} AS w, e.event_type, COUNT(*) FROM events e{where} "
                        "GROUP BY w, e.event_type ORDER BY w, e.event_type", args)
    return [(r[0], r[1], r[2]) for r in rows if r[0]]


def facets(conn: sqlite3.Connection) -> Facets:
    """What the filters of the map can take: types, standings, actors, outlets, the first and last day."""
    types: dict[str, list[str]] = {}
    for t, s in conn.execute("SELECT DISTINCT event_type, sub_event_type FROM events ORDER BY 1, 2"):
        types.setdefault(t, []).append(s)
    statuses = tuple(r[0] for r in conn.execute("SELECT DISTINCT status FROM events ORDER BY 1"))
    actor_rows = conn.execute(
        "SELECT n, (SELECT side FROM actors WHERE name = n) FROM (SELECT actor1 AS n FROM events UNION "
        "SELECT actor2 FROM events) WHERE n IS NOT NULL ORDER BY n").fetchall()
    outlet_rows = conn.execute("SELECT DISTINCT j.value FROM events e, json_each(e.sources) j ORDER BY 1")
    first, last = conn.execute(f"SELECT MIN({DAY_START}), MAX({DAY_END}) FROM events e "
                               "WHERE e.event_date IS NOT NULL").fetchone()
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("articles", "claims", "events", "control_periods") if t in _tables(conn)}
    return Facets({k: tuple(v) for k, v in types.items()}, statuses, tuple((r[0], r[1]) for r in actor_rows),
                  tuple(r[0] for r in outlet_rows), first, last, counts)


def valid_day(text: str) -> bool:
    """An ISO calendar day (YYYY-MM-DD) that exists."""
    try:
        return len(text) == 10 and dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False
