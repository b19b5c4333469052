"""The PostgreSQL store: the SQLite store's tables on a shared server, for a team.

``--db postgresql://user@host/dbname`` (or ``postgres://``; libpq's environment variables
``PGPASSWORD``, ``PGHOST``... apply).  Same tables and columns as the SQLite store
(``schema_postgres.sql``), same orderings (text sorts bytewise, ``COLLATE "C"``), same
replacement rules and fusing versions, and the same idempotence: re-running a corpus changes
nothing.

Concurrent writers are safe: every write is one transaction, and the transactions that
replace rows (a document, the set of events) take one transaction-level advisory lock, so
two runs never interleave a document's deletes and inserts or link events to claims that
another run just replaced.  :meth:`PostgresStore.run_lock` is the session-level twin of the
SQLite store's run lock file, held by a whole writing run.

Needs the ``postgres`` extra (``pip install 'frontlines[postgres]'``, psycopg 3).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from typing import Any, TypeVar

from ..errors import ConfigError, ReadOnlyStoreError, StoreError
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
from .generic_views import GenericViews

SCHEMA_VERSION = "1"
#: advisory lock keys (one 64-bit number each, chosen for this program)
WRITE_LOCK = 0x66726F6E74_01  # transactions that replace rows
RUN_LOCK = 0x66726F6E74_02  # a whole writing run

T = TypeVar("T")


def redacted(target: str) -> str:
    """A connection URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", target)


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise ConfigError("the PostgreSQL store needs psycopg: pip install 'frontlines[postgres]'") from None
    return psycopg


def _text(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL characters: they are stored as U+FFFD."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def _clean(row: rows.Row) -> rows.Row:
    return {key: _text(value) for key, value in row.items()}


def _upsert_sql(table: str, columns: Sequence[str], key: Sequence[str] | None) -> str:
    """INSERT of one row; a row with the same ``key`` is replaced (SQLite's INSERT OR REPLACE),
    or with ``key`` None a conflicting row is left as it is (INSERT OR IGNORE)."""
    cols = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join(f"%({c})s" for c in columns)
    sql = f"INSERT INTO {table} ({cols}) VALUES ({marks}) ON CONFLICT"
    if key is None:
        return sql + " DO NOTHING"
    rest = [c for c in columns if c not in key]
    sets = ", ".join([f'"{c}" = EXCLUDED."{c}"' for c in rest] + (["seq = DEFAULT"] if table in SEQUENCED else []))
    target = ", ".join(f'"{c}"' for c in key)
    return f"{sql} ({target}) DO " + (f"UPDATE SET {sets}" if sets else "NOTHING")


#: tables whose rows keep their storage order in "seq": a replaced row goes last, as in SQLite
SEQUENCED = {"articles", "mentions", "claims", "control_periods"}
#: each table's key, for INSERT OR REPLACE
KEYS = {"articles": ("id",), "segments": ("doc_id", "idx"), "mentions": ("doc_id", "kind", "start", "end"),
        "claims": ("id",), "events": ("id",), "control_periods": ("place_id", "actor", "start"),
        "territorial_facts": ("id",), "sieges": ("id",), "control_imports": ("file", "place_id", "as_of")}


@stores.register("postgresql")
class PostgresStore(GenericViews):
    """Articles, segments, mentions, claims, events, control periods and failures in PostgreSQL;
    the read views over its records in Python (:class:`~frontlines.store.generic_views.GenericViews`:
    the SQLite store's answers, the view tests run on both).

    ``target`` is a libpq connection URL (``postgresql://user:password@host:port/dbname``).
    ``readonly=True`` opens a read-only session that never creates or changes anything."""

    def __init__(self, target: str, *, readonly: bool = False) -> None:
        psycopg = _psycopg()
        from psycopg.rows import dict_row

        self.target = target  # the connection URL as given (it may hold a password: never shown)
        self.location = redacted(target)
        self.readonly = readonly
        self._error: type[Exception] = psycopg.Error
        try:
            self.conn = psycopg.connect(target, autocommit=True, row_factory=dict_row, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database ({_first_line(exc)})", source=self.location) from None
        try:
            if readonly:
                self.conn.execute("SET default_transaction_read_only = on")
                self._check_readable()
            else:
                self._create()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"cannot open database ({_first_line(exc)})", source=self.location) from None
        except BaseException:
            self.conn.close()
            raise

    def _tables(self) -> set[str]:
        found = self.conn.execute("SELECT table_name FROM information_schema.tables "
                                  "WHERE table_schema = current_schema()").fetchall()
        return {r["table_name"] for r in found}

    def _create(self) -> None:
        """Create the tables, or bring those of an older version up to the schema, once per
        schema text (its digest is kept in ``meta``).  Nothing is run when they are current:
        even ``CREATE INDEX IF NOT EXISTS`` locks its table, against other writers."""
        schema = resources.files("frontlines.store").joinpath("schema_postgres.sql").read_text()
        digest = hashlib.sha1(schema.encode()).hexdigest()[:16]
        wanted = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", schema))
        if wanted <= self._tables() and self._meta("pg_schema") == digest:
            return
        with self.conn.transaction():  # under the write lock: no writer is inside a transaction
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            self.conn.execute("SET LOCAL client_min_messages = warning")  # no NOTICE per existing table
            self.conn.execute(schema)
            self._add_missing_columns(schema)
            self.conn.execute("INSERT INTO meta VALUES ('schema_version', %s) ON CONFLICT DO NOTHING",
                              (SCHEMA_VERSION,))
            self.conn.execute("INSERT INTO meta VALUES ('pg_schema', %s) ON CONFLICT (key) "
                              "DO UPDATE SET value = EXCLUDED.value", (digest,))

    def _add_missing_columns(self, schema: str) -> None:
        """Add the columns that tables made by an older version lack: the schema is made once
        more in this session's temporary schema, and its columns compared with the tables'.  A
        column with a backfill (``rows.BACKFILLS``) is filled from what the database holds."""
        columns = "SELECT table_name, column_name, column_default, is_nullable, collation_name, " \
                  "format_type(a.atttypid, a.atttypmod) AS type FROM information_schema.columns c " \
                  "JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || " \
                  "quote_ident(c.table_name))::regclass AND a.attname = c.column_name WHERE table_schema = %s"
        found = self.conn.execute("SELECT current_schema() AS s, current_setting('search_path') AS p").fetchone()
        here, path = found["s"], found["p"]
        have = {(r["table_name"], r["column_name"]) for r in self.conn.execute(columns, (here,)).fetchall()}
        self.conn.execute("SET LOCAL search_path = pg_temp")
        self.conn.execute(schema.replace("BIGSERIAL", "BIGINT"))
        temp = self.conn.execute("SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()").fetchone()
        model = self.conn.execute(columns, (temp["nspname"],)).fetchall()
        for table in {r["table_name"] for r in model}:  # gone first: temporary tables hide the real ones
            self.conn.execute(f"DROP TABLE IF EXISTS pg_temp.{table} CASCADE")
        self.conn.execute("SELECT set_config('search_path', %s, true)", (path,))
        for row in model:
            if (row["table_name"], row["column_name"]) in have:
                continue
            kind = "BIGSERIAL" if row["column_name"] == "seq" else row["type"]
            kind += ' COLLATE "C"' if row["collation_name"] == "C" else ""
            default = f" DEFAULT {row['column_default']}" if row["column_default"] else ""
            required = " NOT NULL" if row["is_nullable"] == "NO" and default else ""
            self.conn.execute(f'ALTER TABLE {row["table_name"]} ADD COLUMN "{row["column_name"]}" '
                              f"{kind}{default}{required}")
            backfill = rows.BACKFILLS.get((row["table_name"], row["column_name"]))
            if backfill:
                self.conn.execute(backfill)

    def _check_readable(self) -> None:
        if not {"articles", "claims", "events"} <= self._tables():
            raise StoreError("not a frontlines database (no articles, claims or events table)",
                             source=self.location)

    # -- plumbing --------------------------------------------------------------------------
    def _guard(self, what: str, call: Callable[[], T]) -> T:
        """Run ``call``; a database error becomes a StoreError naming ``what`` was being done."""
        try:
            return call()
        except self._error as exc:
            raise StoreError(f"cannot {what} ({_first_line(exc)})", source=self.location) from None

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[rows.Row]:
        return self._guard("read the database", lambda: self.conn.execute(sql, params).fetchall())

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        found = self._all(sql, params)
        return next(iter(found[0].values())) if found else None

    def _writable(self) -> None:
        if self.readonly:
            raise ReadOnlyStoreError("the database is open read-only", source=self.location)

    @contextlib.contextmanager
    def _writing(self, what: str, *, exclusive: bool = True) -> Iterator[Any]:
        """One write transaction (under the write lock when ``exclusive``); errors become StoreError."""
        self._writable()
        try:
            with self.conn.transaction():
                if exclusive:
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                with self.conn.cursor() as cur:
                    yield cur
        except self._error as exc:
            raise StoreError(f"cannot {what} ({_first_line(exc)})", source=self.location) from None

    @contextlib.contextmanager
    def run_lock(self) -> Iterator[None]:
        """Hold this database's run lock for a whole writing run; another run waits for it.
        The server releases it when the session ends, so a killed run leaves no stale lock."""
        self._guard("take the run lock", lambda: self.conn.execute("SELECT pg_advisory_lock(%s)", (RUN_LOCK,)))
        try:
            yield
        finally:
            with contextlib.suppress(self._error):
                self.conn.execute("SELECT pg_advisory_unlock(%s)", (RUN_LOCK,))

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """A group of writes.  On PostgreSQL each document is still committed in its own
        transaction (concurrent writers see whole documents early); nothing is held back."""
        yield

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents -------------------------------------------------------------------------
    def has_article(self, doc_id: str) -> bool:
        return bool(self._all("SELECT 1 FROM articles WHERE id = %s", (doc_id,)))

    def article(self, doc_id: str) -> Article | None:
        found = self._all("SELECT * FROM articles WHERE id = %s", (doc_id,))
        return rows.row_article(found[0]) if found else None

    def articles(self) -> Iterator[Article]:
        for row in self._all("SELECT * FROM articles ORDER BY source, seq"):
            yield rows.row_article(row)

    def source_of(self, doc_id: str) -> str | None:
        value = self._scalar("SELECT source FROM articles WHERE id = %s", (doc_id,))
        return None if value is None else str(value)

    def sources(self) -> dict[str, str]:
        return {r["id"]: r["source"] for r in self._all("SELECT id, source FROM articles ORDER BY seq")}

    def source_ids(self) -> dict[str, str | None]:
        return {r["id"]: r["source_id"] or r["source"]
                for r in self._all("SELECT id, source, source_id FROM articles ORDER BY seq")}

    def outlets(self) -> dict[str, str | None]:
        return {r["id"]: r["outlet"] for r in self._all("SELECT id, outlet FROM articles ORDER BY seq")}

    def minhashes(self) -> Iterator[tuple[str, str | None, str]]:
        sql = "SELECT id, minhash, CASE WHEN minhash IS NULL THEN text ELSE '' END AS text FROM articles ORDER BY seq"
        yield from ((r["id"], r["minhash"], r["text"]) for r in self._all(sql))

    def set_minhash(self, doc_id: str, signature: str | None) -> None:
        with self._writing("store a signature", exclusive=False) as cur:
            cur.execute("UPDATE articles SET minhash = %s WHERE id = %s", (signature, doc_id))

    def save_document(self, article: Article, segments: Sequence[Segment], mentions: Sequence[Mention],
                      claims: Sequence[Claim]) -> None:
        """Store one processed document in one transaction, replacing what was stored for it
        and any earlier version of the same source (an edited file replaces its old text)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._writing(f"store document {article.source}") as cur:
            older = [r["id"] for r in cur.execute("SELECT id FROM articles WHERE source = %s AND id != %s",
                                                  (_text(article.source), article.id)).fetchall()]
            for doc_id in (article.id, *older):
                _delete_document(cur, doc_id)
            _insert(cur, "articles", [rows.article_row(article, now)])
            _insert(cur, "segments", [rows.segment_row(s) for s in segments])
            _insert(cur, "mentions", [rows.mention_row(m) for m in mentions])
            _insert(cur, "claims", [rows.claim_row(c) for c in claims])
            cur.execute("DELETE FROM failures WHERE source = %s", (_text(article.source),))
            cur.execute("INSERT INTO meta VALUES ('write_version', '1') ON CONFLICT (key) "
                        "DO UPDATE SET value = (meta.value::bigint + 1)::text")

    def save_failure(self, failure: Failure) -> None:
        with self._writing(f"store a failure of {failure.source}", exclusive=False) as cur:
            row = _clean(rows.failure_row(failure))
            cur.execute(_upsert_sql("failures", list(row), None), row)

    # -- derived data ----------------------------------------------------------------------
    def write_version(self) -> int:
        return int(self._meta("write_version") or 0)

    def _meta(self, key: str) -> str | None:
        value = self._scalar("SELECT value FROM meta WHERE key = %s", (key,))
        return None if value is None else str(value)

    def replace_events(self, events: Iterable[Event], periods: Iterable[ControlPeriod], *,
                       fused_version: int | None = None) -> None:
        """Swap in a new set of fused events and derived control periods in one transaction;
        links to claims that another writer replaced meanwhile are left out."""
        events, periods = list(events), list(periods)
        with self._writing("store the events") as cur:
            version = self.write_version() if fused_version is None else fused_version
            for table in ("event_claims", "events", "control_periods", "places", "actors", "outlets"):
                cur.execute(f"DELETE FROM {table}")
            _insert(cur, "events", [rows.event_row(e) for e in events])
            links = [{"e": e.id, "c": c} for e in events for c in dict.fromkeys(e.claim_ids)]
            if links:
                cur.executemany("INSERT INTO event_claims SELECT %(e)s, %(c)s WHERE EXISTS "
                                "(SELECT 1 FROM claims WHERE id = %(c)s) ON CONFLICT DO NOTHING", links)
            _insert(cur, "control_periods", [rows.control_row(p) for p in periods])
            _fill_lookup_tables(cur)
            cur.execute("INSERT INTO meta VALUES ('fused_version', %s) ON CONFLICT (key) "
                        "DO UPDATE SET value = EXCLUDED.value", (str(version),))

    def needs_fusing(self) -> bool:
        written, fused = self._meta("write_version"), self._meta("fused_version")
        return written is not None and fused != written

    # -- reading ---------------------------------------------------------------------------
    def segments(self, doc_id: str) -> list[Segment]:
        return [rows.row_segment(r) for r in self._all("SELECT * FROM segments WHERE doc_id = %s ORDER BY idx",
                                                       (doc_id,))]

    def mentions(self, kind: str | None = None) -> list[Mention]:
        sql = "SELECT * FROM mentions" + (" WHERE kind = %s" if kind else "") + " ORDER BY doc_id, start, seq"
        return [rows.row_mention(r) for r in self._all(sql, (kind,) if kind else ())]

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        sql = ("SELECT * FROM claims" + (" WHERE doc_id = %s" if doc_id else "")
               + " ORDER BY doc_id, trigger_start, seq")
        return [rows.row_claim(r) for r in self._all(sql, (doc_id,) if doc_id else ())]

    def events(self, *, happened_only: bool = False) -> list[Event]:
        links: dict[str, list[str]] = {}
        for row in self._all("SELECT event_id, claim_id FROM event_claims ORDER BY claim_id"):
            links.setdefault(row["event_id"], []).append(row["claim_id"])
        sql = "SELECT * FROM events" + (" WHERE happened = 1" if happened_only else "")
        sql += " ORDER BY event_date IS NULL, event_date, id"
        return [rows.row_event(r, tuple(links.get(r["id"], ()))) for r in self._all(sql)]

    def control_periods(self) -> list[ControlPeriod]:
        sql = "SELECT * FROM control_periods ORDER BY place_name NULLS FIRST, place_id, start NULLS FIRST, seq"
        return [rows.row_control(r) for r in self._all(sql)]

    def failures(self) -> list[Failure]:
        return [rows.row_failure(r) for r in self._all("SELECT * FROM failures ORDER BY id")]

    def counts(self) -> dict[str, int]:
        found = {t: self._count(t) for t in ("articles", "claims", "events", "failures")}
        found["happened"] = self._count("events", "happened = 1")
        return found

    def _count(self, table: str, where: str = "") -> int:
        return int(self._scalar(f"SELECT COUNT(*) FROM {table}" + (f" WHERE {where}" if where else "")))

    def claim_count(self, doc_ids: Sequence[str]) -> int:
        """How many claims the store holds for these documents."""
        return int(self._scalar("SELECT COUNT(*) FROM claims WHERE doc_id = ANY(%s)", (list(doc_ids),)))

    def remove_orphans(self) -> int:
        """Delete rows that belong to no stored article or claim; returns how many went."""
        removed = 0
        with self._writing("remove orphaned rows") as cur:
            for table in ("segments", "mentions", "claims"):
                removed += cur.execute(f"DELETE FROM {table} WHERE doc_id NOT IN (SELECT id FROM articles)").rowcount
            removed += cur.execute("DELETE FROM event_claims WHERE claim_id NOT IN (SELECT id FROM claims)").rowcount
        return int(removed)

    def check(self) -> list[str]:
        """Orphaned rows and claims not fused into events (the server keeps its own pages sound:
        foreign keys hold, so orphans only appear in a database written by another tool)."""
        try:
            problems = []
            for table in ("segments", "mentions", "claims"):
                orphans = self._count(table, "doc_id NOT IN (SELECT id FROM articles)")
                if orphans:
                    problems.append(f"{orphans} {table} rows belong to no stored article")
            dangling = self._count("event_claims", "claim_id NOT IN (SELECT id FROM claims)")
            if dangling:
                problems.append(f"{dangling} event links name claims that are not stored")
        except StoreError as exc:
            return [f"the database cannot be read ({exc.message})"]
        if self.needs_fusing():
            problems.append("claims were stored after the events were last fused (an interrupted run?)")
        return problems

    # -- the situation picture (derive): territorial facts, control, sieges, baselines ----------
    def publication_days(self) -> dict[str, str | None]:
        """Article id → its publication day (ISO), without reading the texts."""
        return {r["id"]: r["published"] for r in self._all("SELECT id, published FROM articles ORDER BY seq")}

    def replace_situation(self, facts: Iterable[TerritorialFact], sieges: Iterable[Siege]) -> None:
        """Swap in the territorial facts and sieges derived from the stored claims, in one transaction."""
        facts, sieges = list(facts), list(sieges)
        with self._writing("store the situation") as cur:
            for table in ("territorial_facts", "sieges"):
                cur.execute(f"DELETE FROM {table}")
            _insert(cur, "territorial_facts", [rows.fact_row(f) for f in facts])
            _insert(cur, "sieges", [rows.siege_row(s) for s in sieges])

    def replace_control(self, periods: Iterable[ControlPeriod]) -> None:
        """Swap in re-derived control periods (after a baseline import), in one transaction."""
        periods = list(periods)
        with self._writing("store the control periods") as cur:
            cur.execute("DELETE FROM control_periods")
            _insert(cur, "control_periods", [rows.control_row(p) for p in periods])

    def territorial_facts(self, place_id: str | None = None) -> list[TerritorialFact]:
        sql = "SELECT * FROM territorial_facts" + (" WHERE place_id = %s" if place_id else "")
        sql += " ORDER BY place_id, start IS NULL, start, id"
        return [rows.row_fact(r) for r in self._all(sql, (place_id,) if place_id else ())]

    def sieges(self) -> list[Siege]:
        sql = "SELECT * FROM sieges ORDER BY start IS NULL, start, place_name NULLS FIRST, id"
        return [rows.row_siege(r) for r in self._all(sql)]

    def save_control_imports(self, entries: Iterable[BaselineEntry]) -> int:
        """Store the entries of an imported snapshot (an entry imported again replaces itself)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        found = [rows.baseline_row(e, now) for e in entries]
        with self._writing("store a control snapshot") as cur:
            _insert(cur, "control_imports", found)
        return len(found)

    def control_imports(self) -> list[BaselineEntry]:
        sql = "SELECT * FROM control_imports ORDER BY place_id, as_of, file"
        return [rows.row_baseline(r) for r in self._all(sql)]


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).strip().splitlines()[:1]) or type(exc).__name__


def _insert(cur: Any, table: str, found: list[rows.Row]) -> None:
    if not found:
        return
    cleaned = [_clean(r) for r in found]
    cur.executemany(_upsert_sql(table, list(cleaned[0]), KEYS.get(table)), cleaned)


def _delete_document(cur: Any, doc_id: str) -> None:
    cur.execute("DELETE FROM event_claims WHERE claim_id IN (SELECT id FROM claims WHERE doc_id = %s)", (doc_id,))
    for table in ("claims", "mentions", "segments"):
        cur.execute(f"DELETE FROM {table} WHERE doc_id = %s", (doc_id,))
    cur.execute("DELETE FROM articles WHERE id = %s", (doc_id,))


def _fill_lookup_tables(cur: Any) -> None:
    cur.execute("INSERT INTO places SELECT DISTINCT ON (gazetteer_id) gazetteer_id, name, latitude, longitude, "
                "country, admin1, admin2, feature, population FROM mentions WHERE gazetteer_id IS NOT NULL "
                "ORDER BY gazetteer_id, doc_id, kind, start, \"end\" ON CONFLICT DO NOTHING")
    for n in (1, 2):
        cur.execute(f"INSERT INTO actors SELECT actor{n}, inter{n}, side{n} FROM claims "
                    f"WHERE actor{n} IS NOT NULL ON CONFLICT DO NOTHING")
    cur.execute("INSERT INTO outlets SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL "
                "GROUP BY outlet ON CONFLICT DO NOTHING")
