"""The SQLite store: one file, WAL journal, plain tables (see schema.sql).

Opened read-only (``readonly=True``) it uses SQLite's ``mode=ro`` URI: it never writes,
never migrates, and reads behind a writer's open transaction without "database is locked".
Its read views (``sqlite_views.py``) may be called from any thread: a thread other than the one
that opened the store reads through a read-only connection of its own (the web server's workers).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ReadOnlyStoreError, StoreError
from ..records import (
    Article,
    BaselineEntry,
    Claim,
    ControlPeriod,
    Event,
    Failure,
    Mention,
    Segment,
    Siege,
    TerritorialFact,
)
from ..registry import stores
from . import rows
from .sqlite_views import SqliteViews

SCHEMA_VERSION = "1"
#: seconds a writer waits for another writer's transaction before giving up
BUSY_TIMEOUT = 30.0


def _insert(conn: sqlite3.Connection, table: str, row: rows.Row, verb: str = "INSERT OR REPLACE") -> None:
    cols = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join(f":{c}" for c in row)
    conn.execute(f"{verb} INTO {table} ({cols}) VALUES ({marks})", row)


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, Any]]:
    return [(r[1], r[2], r[4]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _split_schema(schema: str) -> tuple[str, str]:
    """The schema's table statements and its index statements (indexes go after migration)."""
    statements = [s.strip() for s in schema.split(";") if s.strip()]
    indexes = [s for s in statements if s.upper().startswith("CREATE INDEX")]
    tables = [s for s in statements if s not in indexes]
    return ";\n".join(tables) + ";", ";\n".join(indexes) + ";"


def _model(schema: str) -> dict[str, list[tuple[str, str, Any]]]:
    """Table → (column, type, default) of the current schema."""
    model = sqlite3.connect(":memory:")
    model.executescript(schema)
    tables = [r[0] for r in model.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = {table: _columns(model, table) for table in tables if not table.startswith("sqlite_")}
    model.close()
    return found


def _add_missing_columns(conn: sqlite3.Connection, model: dict[str, list[tuple[str, str, Any]]]) -> None:
    """Bring a database made by an older version up to the schema: add the columns it lacks, and
    fill those that have a backfill (``rows.BACKFILLS``) from what the database holds."""
    for table, columns in model.items():
        have = {name for name, _, _ in _columns(conn, table)}
        for name, kind, default in columns:
            if name not in have:  # NOT NULL needs a default on an existing table; else nullable
                default_sql = f" NOT NULL DEFAULT {default}" if default is not None else ""
                conn.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}{default_sql}')
                if (table, name) in rows.BACKFILLS:
                    conn.execute(rows.BACKFILLS[table, name])


def _connect_readonly(path: str) -> sqlite3.Connection:
    """SQLite's ``mode=ro``; ``immutable=1`` when that cannot read (a WAL file in a folder this
    process may not write, where SQLite cannot make the shared-memory file)."""
    if not Path(path).is_file():
        raise StoreError("no such database (create it with `frontlines run`)", source=path)
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    for attempt in (uri, uri + "&immutable=1"):
        conn = sqlite3.connect(attempt, uri=True, timeout=BUSY_TIMEOUT, check_same_thread=False)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            break
        except sqlite3.DatabaseError as exc:
            conn.close()
            error = exc
    else:
        raise error
    conn.execute("PRAGMA query_only=ON")
    return conn


def _connect(path: str, readonly: bool) -> sqlite3.Connection:
    if readonly and path != ":memory:":
        conn = _connect_readonly(path)
    else:  # other threads never write through it: their read views get connections of their own
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


@stores.register("sqlite")
class SqliteStore(SqliteViews):
    """Articles, segments, mentions, claims, events, control periods and failures in SQLite.

    ``path`` may be ``":memory:"`` for a throw-away database.  ``readonly=True`` opens an
    existing file for reading only (export, doctor, control, eval)."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.location = self.path
        self.readonly = readonly
        self._missing_tables: set[str] = set()
        self._batch_depth = 0
        self._owner = threading.get_ident()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        try:
            self.conn = _connect(self.path, readonly)
            schema = resources.files("frontlines.store").joinpath("schema.sql").read_text()
            tables, indexes = _split_schema(schema)
            model = _model(tables)
            if readonly:
                self._check_readable(model)
            else:
                self._create(tables, indexes, model)
            # columns an older database lacks read as NULL (a read-only store is not migrated)
            self._defaults = {t: dict.fromkeys(name for name, _, _ in cols) for t, cols in model.items()}
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database ({exc})", source=self.path) from None

    def _create(self, tables: str, indexes: str, model: dict[str, list[tuple[str, str, Any]]]) -> None:
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(tables)
        _add_missing_columns(self.conn, model)
        self.conn.executescript(indexes)
        self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        self.conn.commit()

    def _check_readable(self, model: dict[str, list[tuple[str, str, Any]]]) -> None:
        have = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"articles", "claims", "events"} <= have:
            raise StoreError("not a frontlines database (no articles, claims or events table)", source=self.path)
        self._missing_tables = set(model) - have

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        with self._readers_lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
        self.conn.close()

    def revision(self) -> str | None:
        """The database file's and its write-ahead log's size and modification time: every
        commit, by this or another process, changes one of them (None for ``:memory:``)."""
        if self.path == ":memory:":
            return None
        marks = []
        for path in (self.path, self.path + "-wal"):
            try:
                st = os.stat(path)
            except OSError:
                marks.append("-")
                continue
            marks.append(f"{st.st_mtime_ns}:{st.st_size}")
        return "|".join(marks)

    def _reader(self) -> sqlite3.Connection:
        """The connection the read views use in this thread: the store's own in the thread that
        opened it (and for ``:memory:``), elsewhere a read-only connection per thread."""
        if threading.get_ident() == self._owner or self.path == ":memory:":
            return self.conn
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = _connect(self.path, readonly=True)
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"cannot open database ({exc})", source=self.path) from None
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _writable(self) -> None:
        if self.readonly:
            raise ReadOnlyStoreError("the database is open read-only", source=self.path)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Writes inside are committed together, in one transaction, when the block ends (each
        document stays all-or-nothing: a failed ``save_document`` undoes only its own rows).
        An error escaping the block rolls the whole batch back."""
        self._writable()
        if self._batch_depth:
            self._batch_depth += 1
            try:
                yield
            finally:
                self._batch_depth -= 1
            return
        if self.conn.in_transaction:
            self.conn.commit()
        self.conn.execute("BEGIN")
        self._batch_depth = 1
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()
        finally:
            self._batch_depth = 0

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One atomic write: its own transaction, or a savepoint inside a :meth:`batch`."""
        if not self._batch_depth:
            with self.conn:
                yield
            return
        self.conn.execute("SAVEPOINT frontlines_write")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO frontlines_write")
            self.conn.execute("RELEASE frontlines_write")
            raise
        self.conn.execute("RELEASE frontlines_write")

    def _rows(self, table: str, sql: str, params: Sequence[Any] = ()) -> Iterator[rows.Row]:
        if table in self._missing_tables:
            return
        defaults = self._defaults.get(table, {})
        for row in self.conn.execute(sql, params):
            yield {**defaults, **dict(row)}

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone() \
            if "meta" not in self._missing_tables else None
        return row[0] if row else None

    # -- documents -------------------------------------------------------------------
    def has_article(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (doc_id,)).fetchone() is not None

    def minhashes(self) -> Iterator[tuple[str, str | None, str]]:
        """(id, stored MinHash signature or None, text if the signature is missing) per article."""
        cur = self.conn.execute("SELECT id, minhash, CASE WHEN minhash IS NULL THEN text ELSE '' END "
                                "FROM articles ORDER BY rowid")
        yield from ((r[0], r[1], r[2]) for r in cur)

    def set_minhash(self, doc_id: str, signature: str | None) -> None:
        self._writable()
        with self._transaction():
            self.conn.execute("UPDATE articles SET minhash = ? WHERE id = ?", (signature, doc_id))

    def source_of(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT source FROM articles WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def sources(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, source FROM articles ORDER BY rowid")}

    def source_ids(self) -> dict[str, str | None]:
        """Article id → source id (the source itself for articles stored before source ids)."""
        return {r["id"]: r["source_id"] or r["source"]
                for r in self._rows("articles", "SELECT * FROM articles ORDER BY rowid")}

    def outlets(self) -> dict[str, str | None]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, outlet FROM articles ORDER BY rowid")}

    def _delete_documents(self, doc_ids: Sequence[str]) -> None:
        for doc_id in doc_ids:
            self.conn.execute("DELETE FROM event_claims WHERE claim_id IN (SELECT id FROM claims WHERE doc_id = ?)",
                              (doc_id,))
            for table in ("claims", "mentions", "segments"):
                self.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            self.conn.execute("DELETE FROM articles WHERE id = ?", (doc_id,))

    def save_document(self, article: Article, segments: Sequence[Segment], mentions: Sequence[Mention],
                      claims: Sequence[Claim]) -> None:
        """Store one processed document atomically, replacing what was stored for it, and any
        earlier version of the same source (an edited file replaces its old text)."""
        self._writable()
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            with self._transaction():
                older = [r[0] for r in self.conn.execute(
                    "SELECT id FROM articles WHERE source = ? AND id != ?", (article.source, article.id))]
                self._delete_documents([article.id, *older])
                _insert(self.conn, "articles", rows.article_row(article, now))
                for segment in segments:
                    _insert(self.conn, "segments", rows.segment_row(segment))
                for mention in mentions:
                    _insert(self.conn, "mentions", rows.mention_row(mention))
                for claim in claims:
                    _insert(self.conn, "claims", rows.claim_row(claim))
                self.conn.execute("DELETE FROM failures WHERE source = ?", (article.source,))
                self.conn.execute("INSERT INTO meta VALUES ('write_version', '1') ON CONFLICT(key) "
                                  "DO UPDATE SET value = CAST(value AS INTEGER) + 1")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot store document {article.source} ({exc})", source=self.path) from None

    def save_failure(self, failure: Failure) -> None:
        self._writable()
        with self._transaction():
            _insert(self.conn, "failures", rows.failure_row(failure), verb="INSERT OR IGNORE")

    # -- derived data ----------------------------------------------------------------
    def write_version(self) -> int:
        return int(self._meta("write_version") or 0)

    def replace_events(self, events: Iterable[Event], periods: Iterable[ControlPeriod], *,
                       fused_version: int | None = None) -> None:
        """Swap in a new set of fused events and derived control periods, atomically."""
        self._writable()
        with self._transaction():
            version = self.write_version() if fused_version is None else fused_version
            for table in ("event_claims", "events", "control_periods", "places", "actors", "outlets"):
                self.conn.execute(f"DELETE FROM {table}")
            for event in events:
                _insert(self.conn, "events", rows.event_row(event))
                for claim_id in event.claim_ids:
                    _insert(self.conn, "event_claims", {"event_id": event.id, "claim_id": claim_id})
            for period in periods:
                _insert(self.conn, "control_periods", rows.control_row(period))
            self._fill_lookup_tables()
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('fused_version', ?)", (str(version),))

    def needs_fusing(self) -> bool:
        written, fused = self._meta("write_version"), self._meta("fused_version")
        if written is None:  # a database from before versions were kept: claims but no events
            counts = self.counts()
            return counts["claims"] > 0 and counts["events"] == 0
        return fused != written

    def _fill_lookup_tables(self) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO places SELECT gazetteer_id, name, latitude, longitude, country, admin1, "
            "admin2, feature, population FROM mentions WHERE gazetteer_id IS NOT NULL")
        for n in (1, 2):
            self.conn.execute(f"INSERT OR IGNORE INTO actors SELECT actor{n}, inter{n}, side{n} FROM claims "
                              f"WHERE actor{n} IS NOT NULL")
        self.conn.execute("INSERT OR IGNORE INTO outlets SELECT outlet, COUNT(*) FROM articles "
                          "WHERE outlet IS NOT NULL GROUP BY outlet")

    # -- reading ---------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Raw SQL, for inspecting a database by hand; SQLite only, not part of the Store seam."""
        return self.conn.execute(sql, params).fetchall()

    def articles(self) -> Iterator[Article]:
        for row in self._rows("articles", "SELECT * FROM articles ORDER BY source"):
            yield rows.row_article(row)

    def article(self, doc_id: str) -> Article | None:
        found = list(self._rows("articles", "SELECT * FROM articles WHERE id = ?", (doc_id,)))
        return rows.row_article(found[0]) if found else None

    def segments(self, doc_id: str) -> list[Segment]:
        sql = "SELECT * FROM segments WHERE doc_id = ? ORDER BY idx"
        return [rows.row_segment(r) for r in self._rows("segments", sql, (doc_id,))]

    def mentions(self, kind: str | None = None) -> list[Mention]:
        sql = "SELECT * FROM mentions" + (" WHERE kind = ?" if kind else "") + " ORDER BY doc_id, start"
        return [rows.row_mention(r) for r in self._rows("mentions", sql, (kind,) if kind else ())]

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        sql = "SELECT * FROM claims" + (" WHERE doc_id = ?" if doc_id else "") + " ORDER BY doc_id, trigger_start"
        return [rows.row_claim(r) for r in self._rows("claims", sql, (doc_id,) if doc_id else ())]

    def events(self, *, happened_only: bool = False) -> list[Event]:
        links: dict[str, list[str]] = {}
        for row in self._rows("event_claims", "SELECT event_id, claim_id FROM event_claims ORDER BY claim_id"):
            links.setdefault(row["event_id"], []).append(row["claim_id"])
        sql = "SELECT * FROM events" + (" WHERE happened = 1" if happened_only else "")
        sql += " ORDER BY event_date IS NULL, event_date, id"
        return [rows.row_event(r, tuple(links.get(r["id"], ()))) for r in self._rows("events", sql)]

    def failures(self) -> list[Failure]:
        return [rows.row_failure(r) for r in self._rows("failures", "SELECT * FROM failures ORDER BY id")]

    def control_periods(self) -> list[ControlPeriod]:
        sql = "SELECT * FROM control_periods ORDER BY place_name, place_id, start"
        return [rows.row_control(r) for r in self._rows("control_periods", sql)]

    def counts(self) -> dict[str, int]:
        found = {t: self._count(t) for t in ("articles", "claims", "events", "failures")}
        found["happened"] = self._count("events", "happened = 1")
        return found

    def _count(self, table: str, where: str = "") -> int:
        if table in self._missing_tables:
            return 0
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}" + (f" WHERE {where}" if where else ""))
                   .fetchone()[0])

    def remove_orphans(self) -> int:
        """Delete rows that belong to no stored article or claim; returns how many went."""
        self._writable()
        removed = 0
        with self._transaction():
            for table in ("segments", "mentions", "claims"):
                removed += self.conn.execute(f"DELETE FROM {table} WHERE doc_id NOT IN "
                                             "(SELECT id FROM articles)").rowcount
            removed += self.conn.execute("DELETE FROM event_claims WHERE claim_id NOT IN "
                                         "(SELECT id FROM claims)").rowcount
        return removed

    def check(self) -> list[str]:
        """SQLite's integrity check, orphaned rows, and claims not fused into events."""
        try:
            problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            for table in ("segments", "mentions", "claims"):
                orphans = self._count(table, "doc_id NOT IN (SELECT id FROM articles)")
                if orphans:
                    problems.append(f"{orphans} {table} rows belong to no stored article")
            dangling = self._count("event_claims", "claim_id NOT IN (SELECT id FROM claims)")
            if dangling:
                problems.append(f"{dangling} event links name claims that are not stored")
        except sqlite3.DatabaseError as exc:
            return [f"the database is damaged ({exc})"]
        if self.needs_fusing():
            problems.append("claims were stored after the events were last fused (an interrupted run?)")
        return problems

    # -- the situation picture (derive): territorial facts, control, sieges, baselines ----------
    def publication_days(self) -> dict[str, str | None]:
        """Article id → its publication day (ISO), without reading the texts."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, published FROM articles ORDER BY rowid")}

    def replace_situation(self, facts: Iterable[TerritorialFact], sieges: Iterable[Siege]) -> None:
        """Swap in the territorial facts and sieges derived from the stored claims, atomically."""
        self._writable()
        with self._transaction():
            for table in ("territorial_facts", "sieges"):
                self.conn.execute(f"DELETE FROM {table}")
            for fact in facts:
                _insert(self.conn, "territorial_facts", rows.fact_row(fact))
            for siege in sieges:
                _insert(self.conn, "sieges", rows.siege_row(siege))

    def replace_control(self, periods: Iterable[ControlPeriod]) -> None:
        """Swap in re-derived control periods (after a baseline import), atomically."""
        self._writable()
        with self._transaction():
            self.conn.execute("DELETE FROM control_periods")
            for period in periods:
                _insert(self.conn, "control_periods", rows.control_row(period))

    def territorial_facts(self, place_id: str | None = None) -> list[TerritorialFact]:
        sql = "SELECT * FROM territorial_facts" + (" WHERE place_id = ?" if place_id else "")
        sql += " ORDER BY place_id, start IS NULL, start, id"
        return [rows.row_fact(r) for r in self._rows("territorial_facts", sql, (place_id,) if place_id else ())]

    def sieges(self) -> list[Siege]:
        sql = "SELECT * FROM sieges ORDER BY start IS NULL, start, place_name, id"
        return [rows.row_siege(r) for r in self._rows("sieges", sql)]

    def save_control_imports(self, entries: Iterable[BaselineEntry]) -> int:
        """Store the entries of an imported snapshot (an entry imported again replaces itself)."""
        self._writable()
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        count = 0
        with self._transaction():
            for entry in entries:
                _insert(self.conn, "control_imports", rows.baseline_row(entry, now))
                count += 1
        return count

    def control_imports(self) -> list[BaselineEntry]:
        sql = "SELECT * FROM control_imports ORDER BY place_id, as_of, file"
        return [rows.row_baseline(r) for r in self._rows("control_imports", sql)]
