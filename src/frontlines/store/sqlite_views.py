"""The read views of the SQLite store, in SQL (:class:`SqliteViews`, a mixin of ``SqliteStore``).

Same answers as :class:`frontlines.store.generic_views.GenericViews` (the tests compare them), faster on
a large file.  They read through ``self._reader()`` (one connection per thread for the web server's
workers) and tolerate an older database: columns and tables added later (``state``/``contested`` and
``confidence`` on ``control_periods``, ``sieges``) read as empty, never as an error.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from .views import (
    CONTESTED_DAYS,
    CONTEXT_CHARS,
    ClaimEvidence,
    ClaimSpan,
    ControlRow,
    Count,
    DocumentPage,
    DocumentSummary,
    DocumentView,
    EventDetail,
    EventPage,
    EventQuery,
    EventRow,
    Facets,
    FatalityRange,
    OutletRow,
    Page,
    PlaceRow,
    SegmentView,
    SiegeRow,
    Summary,
)

#: the first and last day of an event's date (a day, or an ISO interval "a/b")
DAY_START = "substr(e.event_date, 1, 10)"
DAY_END = ("CASE WHEN instr(e.event_date, '/') > 0 THEN substr(e.event_date, instr(e.event_date, '/') + 1, 10) "
           "ELSE substr(e.event_date, 1, 10) END")
WEEK = f"date({DAY_START}, '-' || ((CAST(strftime('%w', {DAY_START}) AS INTEGER) + 6) % 7) || ' days')"


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


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
            clauses.append(f"{column} IN ({_marks(values)})")
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
               "e.sources, e.corroboration, e.contradicted, e.support, e.assoc_actor1 AS assoc_actor_1, "
               "e.assoc_actor2 AS assoc_actor_2")
#: the stable order of every event listing: by first day (undated last), then id
_EVENT_ORDER = f" ORDER BY e.event_date IS NULL, {DAY_START}, e.id"

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
_SIEGE_FIELDS = ("place_id", "place_name", "besieger", "besieged", "start", "end", "end_cue")


def _event(row: sqlite3.Row) -> EventRow:
    values = dict(row)
    values["happened"] = bool(values["happened"])
    values["contradicted"] = bool(values["contradicted"])
    values["sources"] = tuple(json.loads(values["sources"] or "[]"))
    values["corroboration"] = values["corroboration"] or 0
    values["support"] = values["support"] or 0.0
    for key in ("assoc_actor_1", "assoc_actor_2"):
        values[key] = tuple(json.loads(values[key] or "[]"))
    return EventRow(**values)


def _ids(raw: object) -> tuple[str, ...]:
    """A JSON list of ids as a tuple (empty for anything else)."""
    if not isinstance(raw, str) or not raw.startswith("["):
        return ()
    return tuple(str(v) for v in json.loads(raw))


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _optional(cols: set[str], name: str, default: str = "NULL") -> str:
    return f'cp."{name}"' if name in cols else default


class SqliteViews:
    """:class:`~frontlines.store.protocol.StoreViews` in SQL, for a class with ``_reader()``."""

    def _reader(self) -> sqlite3.Connection:  # pragma: no cover - the store defines it
        raise NotImplementedError

    # -- events ------------------------------------------------------------------------------
    def query_events(self, query: EventQuery, *, limit: int = 100, offset: int = 0) -> EventPage:
        conn = self._reader()
        where, args = _where(query)
        total = conn.execute(f"SELECT COUNT(*) FROM events e{where}", args).fetchone()[0]
        rows = conn.execute(f"SELECT {_EVENT_COLS} FROM events e{where}{_EVENT_ORDER} LIMIT ? OFFSET ?",
                            [*args, limit, offset]).fetchall()
        return Page(tuple(_event(r) for r in rows), total, limit, offset)

    def event_row(self, event_id: str) -> EventRow | None:
        row = self._reader().execute(f"SELECT {_EVENT_COLS} FROM events e WHERE e.id = ?", (event_id,)).fetchone()
        return _event(row) if row else None

    def event_detail(self, event_id: str) -> EventDetail | None:
        found = self.event_row(event_id)
        if found is None:
            return None
        rows = self._reader().execute(
            f"SELECT {_CLAIM_COLS} FROM event_claims ec JOIN {_CLAIMS_IN_BLOCKS} c ON c.id = ec.claim_id "
            "JOIN articles a ON a.id = c.doc_id WHERE ec.event_id = ? "
            "ORDER BY a.published IS NULL, a.published, c.doc_id, c.start, c.id", (event_id,)).fetchall()
        return EventDetail(found, tuple(ClaimEvidence(**dict(r)) for r in rows))

    def claim_evidence(self, claim_ids: Sequence[str]) -> list[ClaimEvidence]:
        if not claim_ids:
            return []
        rows = self._reader().execute(f"SELECT {_CLAIM_COLS} FROM {_CLAIMS_IN_BLOCKS} c JOIN articles a "
                                      f"ON a.id = c.doc_id WHERE c.id IN ({_marks(claim_ids)})",
                                      list(claim_ids)).fetchall()
        found = {r["id"]: ClaimEvidence(**dict(r)) for r in rows}
        return [found[i] for i in claim_ids if i in found]

    def fatality_ranges(self, event_ids: Sequence[str]) -> list[FatalityRange]:
        if not event_ids:
            return []
        rows = self._reader().execute(
            "SELECT ec.event_id, MIN(c.fatalities), MAX(c.fatalities), COUNT(c.fatalities) FROM event_claims ec "
            "JOIN claims c ON c.id = ec.claim_id WHERE c.status IN ('asserted', 'reported', 'alleged') "
            f"AND ec.event_id IN ({_marks(event_ids)}) GROUP BY ec.event_id ORDER BY ec.event_id",
            list(event_ids)).fetchall()
        return [FatalityRange(r[0], r[1], r[2], r[3]) for r in rows]

    # -- documents ---------------------------------------------------------------------------
    def query_documents(self, *, outlet: str | None = None, limit: int = 100, offset: int = 0) -> DocumentPage:
        conn = self._reader()
        where, args = (" WHERE a.outlet = ?", [outlet]) if outlet else ("", [])
        total = conn.execute(f"SELECT COUNT(*) FROM articles a{where}", args).fetchone()[0]
        rows = conn.execute(
            "SELECT a.id, a.source, a.outlet, a.title, a.published, a.duplicate_of, "
            f"(SELECT COUNT(*) FROM claims c WHERE c.doc_id = a.id) AS claims FROM articles a{where} "
            "ORDER BY a.published IS NULL, a.published, a.source, a.id LIMIT ? OFFSET ?",
            [*args, limit, offset]).fetchall()
        return Page(tuple(DocumentSummary(**dict(r)) for r in rows), total, limit, offset)

    def document_view(self, doc_id: str) -> DocumentView | None:
        conn = self._reader()
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
            "ORDER BY start, trigger_start, id", (doc_id,)))
        return DocumentView(**dict(row), segments=segments, claims=claims)

    # -- places ------------------------------------------------------------------------------
    def search_places(self, name: str, *, limit: int = 20) -> list[PlaceRow]:
        rows = self._reader().execute(
            "SELECT p.gazetteer_id, p.name, p.latitude, p.longitude, p.admin1, p.admin2, p.feature, "
            "(SELECT COUNT(*) FROM events e WHERE e.gazetteer_id = p.gazetteer_id) AS events FROM places p "
            "WHERE p.name LIKE ? ESCAPE '\\' ORDER BY events DESC, p.name, p.gazetteer_id LIMIT ?",
            (_like(name), limit)).fetchall()
        return [PlaceRow(**dict(r)) for r in rows]

    def place_event_counts(self, place_ids: Sequence[str]) -> dict[str, int]:
        if not place_ids:
            return {}
        rows = self._reader().execute(f"SELECT gazetteer_id, COUNT(*) FROM events WHERE gazetteer_id IN "
                                      f"({_marks(place_ids)}) GROUP BY gazetteer_id", list(place_ids))
        return {r[0]: r[1] for r in rows}

    # -- control and sieges ------------------------------------------------------------------
    def _control_rows(self, where: str, args: list[Any], day: str | None) -> list[ControlRow]:
        conn = self._reader()
        fight_args: list[str] = []
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
                        f"(SELECT {axis} FROM events WHERE gazetteer_id = cp.place_id ORDER BY rowid LIMIT 1))"
                  for axis in ("latitude", "longitude")}
        sql = (
            "SELECT * FROM (SELECT cp.place_id, cp.place_name, cp.actor, "
            "(SELECT side FROM actors WHERE name = cp.actor) AS side, cp.start, cp.\"end\", cp.evidence, "
            f"{coords['latitude']} AS latitude, {coords['longitude']} AS longitude, ({contested}) AS contested, "
            f"{_optional(cols, 'confidence')} AS confidence, "
            "LAG(cp.actor) OVER (PARTITION BY cp.place_id ORDER BY cp.start, cp.actor) AS previous_actor, "
            f"{_optional(cols, 'rivals')} AS rivals, {_optional(cols, 'allies')} AS allies, "
            f"{_optional(cols, 'explanation')} AS explanation, "
            f"{_optional(cols, 'last_confirmed')} AS last_confirmed, {_optional(cols, 'origin')} AS origin "
            "FROM control_periods cp LEFT JOIN places p ON p.gazetteer_id = cp.place_id) AS cp"
            f"{where} ORDER BY cp.place_name, cp.place_id, cp.start, cp.actor")
        rows = conn.execute(sql, [*fight_args, *args]).fetchall()
        return [ControlRow(**{**dict(r), "contested": bool(r["contested"]), "evidence": _ids(r["evidence"]),
                              "rivals": _ids(r["rivals"]), "allies": _ids(r["allies"])}) for r in rows]

    def control_as_of(self, day: str) -> list[ControlRow]:
        where = ' WHERE (cp.start IS NULL OR cp.start <= ?) AND (cp."end" IS NULL OR ? < cp."end")'
        return self._control_rows(where, [day, day], day)

    def control_changes(self, start: str, end: str) -> list[ControlRow]:
        return self._control_rows(" WHERE cp.start BETWEEN ? AND ?", [start, end], None)

    def control_places(self, place_ids: Sequence[str]) -> list[ControlRow]:
        if not place_ids:
            return []
        return self._control_rows(f" WHERE cp.place_id IN ({_marks(place_ids)})", list(place_ids), None)

    def siege_rows(self, *, day: str | None = None, start: str | None = None,
                   end: str | None = None) -> list[SiegeRow]:
        conn = self._reader()
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
        order = ", s.id" if "id" in cols else ""
        rows = conn.execute(f"SELECT {picks}, {evidence} AS evidence, {coords['latitude']} AS latitude, "
                            f"{coords['longitude']} AS longitude FROM sieges s "
                            f"LEFT JOIN places p ON p.gazetteer_id = s.place_id{where} "
                            f"ORDER BY s.start, s.place_id{order}", args)
        return [SiegeRow(**{**dict(r), "evidence": _ids(r["evidence"])}) for r in rows]

    # -- outlets, summary, facets ------------------------------------------------------------
    def outlet_counts(self) -> list[OutletRow]:
        # the events per outlet in one pass over the events, not one pass per outlet
        rows = self._reader().execute(
            "WITH per AS (SELECT j.value AS outlet, COUNT(*) AS n FROM events e, json_each(e.sources) j "
            "GROUP BY j.value), docs AS (SELECT a.outlet AS name, COUNT(DISTINCT a.id) AS documents, "
            "COUNT(c.id) AS claims FROM articles a LEFT JOIN claims c ON c.doc_id = a.id "
            "WHERE a.outlet IS NOT NULL GROUP BY a.outlet) "
            "SELECT docs.name, docs.documents, docs.claims, COALESCE(per.n, 0) AS events "
            "FROM docs LEFT JOIN per ON per.outlet = docs.name ORDER BY docs.documents DESC, docs.name").fetchall()
        return [OutletRow(**dict(r)) for r in rows]

    def _counts(self, key: str, where: str, args: list[Any], order: str) -> tuple[Count, ...]:
        rows = self._reader().execute(f"SELECT {key} AS k, COUNT(*), COALESCE(SUM(e.fatalities), 0) FROM events e"
                                      f"{where} GROUP BY k ORDER BY {order}", args)
        return tuple(Count(r[0], r[1], r[2]) for r in rows)

    def event_summary(self, query: EventQuery) -> Summary:
        where, args = _where(query)
        total = self._reader().execute(f"SELECT COUNT(*) FROM events e{where}", args).fetchone()[0]
        return Summary(
            events=total,
            by_type=self._counts("e.event_type", where, args, "COUNT(*) DESC, k"),
            by_status=self._counts("e.status", where, args, "COUNT(*) DESC, k"),
            by_week=self._counts(WEEK, where, args, "k IS NULL, k"),
            by_admin1=self._counts("e.admin1", where, args, "COUNT(*) DESC, k"),
        )

    def weekly_by_type(self, query: EventQuery) -> list[tuple[str, str, int]]:
        where, args = _where(query)
        where += (" AND " if where else " WHERE ") + "e.event_date IS NOT NULL"
        rows = self._reader().execute(f"SELECT {WEEK} AS w, e.event_type, COUNT(*) FROM events e{where} "
                                      "GROUP BY w, e.event_type ORDER BY w, e.event_type", args)
        return [(r[0], r[1], r[2]) for r in rows if r[0]]

    def facets(self) -> Facets:
        conn = self._reader()
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
        tables = _tables(conn)
        counts: dict[str, int] = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "claims", "events", "control_periods") if t in tables}
        return Facets({k: tuple(v) for k, v in types.items()}, statuses, tuple((r[0], r[1]) for r in actor_rows),
                      tuple(r[0] for r in outlet_rows), first, last, counts)
