"""The SQLite store: one file, WAL journal, plain tables (see schema.sql)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import StoreError
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

SCHEMA_VERSION = "1"


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


def _add_missing_columns(conn: sqlite3.Connection, schema: str) -> None:
    """Bring a database made by an older version up to the schema: add the columns it lacks."""
    model = sqlite3.connect(":memory:")
    model.executescript(schema)
    tables = [r[0] for r in model.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        have = {name for name, _, _ in _columns(conn, table)}
        for name, kind, default in _columns(model, table):
            if name not in have:  # NOT NULL needs a default on an existing table; else nullable
                default_sql = f" NOT NULL DEFAULT {default}" if default is not None else ""
                conn.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}{default_sql}')
    model.close()


@stores.register("sqlite")
class SqliteStore:
    """Articles, segments, mentions, claims, events, control periods and failures in SQLite.

    ``path`` may be ``":memory:"`` for an in-memory store (tests)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.row_factory = sqlite3.Row
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            schema = resources.files("frontlines.store").joinpath("schema.sql").read_text()
            tables, indexes = _split_schema(schema)
            self.conn.executescript(tables)
            _add_missing_columns(self.conn, tables)
            self.conn.executescript(indexes)
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            self.conn.commit()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database ({exc})", source=self.path) from None

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents -------------------------------------------------------------------
    def has_article(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (doc_id,)).fetchone() is not None

    def minhashes(self) -> Iterator[tuple[str, str | None, str]]:
        """(id, stored MinHash signature or None, text if the signature is missing) per article."""
        cur = self.conn.execute("SELECT id, minhash, CASE WHEN minhash IS NULL THEN text ELSE '' END "
                                "FROM articles ORDER BY rowid")
        yield from ((r[0], r[1], r[2]) for r in cur)

    def set_minhash(self, doc_id: str, signature: str) -> None:
        with self.conn:
            self.conn.execute("UPDATE articles SET minhash = ? WHERE id = ?", (signature, doc_id))

    def source_of(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT source FROM articles WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

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
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            with self.conn:
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
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot store document {article.source} ({exc})", source=self.path) from None

    def save_failure(self, failure: Failure) -> None:
        with self.conn:
            _insert(self.conn, "failures", rows.failure_row(failure), verb="INSERT OR IGNORE")

    def replace_events(self, events: Iterable[Event], periods: Iterable[ControlPeriod]) -> None:
        """Swap in a new set of fused events and derived control periods, atomically."""
        with self.conn:
            for table in ("event_claims", "events", "control_periods", "places", "actors", "outlets"):
                self.conn.execute(f"DELETE FROM {table}")
            for event in events:
                _insert(self.conn, "events", rows.event_row(event))
                for claim_id in event.claim_ids:
                    _insert(self.conn, "event_claims", {"event_id": event.id, "claim_id": claim_id})
            for period in periods:
                _insert(self.conn, "control_periods", rows.control_row(period))
            self._fill_lookup_tables()

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
        return self.conn.execute(sql, params).fetchall()

    def articles(self) -> Iterator[Article]:
        for row in self.conn.execute("SELECT * FROM articles ORDER BY source"):
            yield rows.row_article(dict(row))

    def article(self, doc_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (doc_id,)).fetchone()
        return rows.row_article(dict(row)) if row else None

    def segments(self, doc_id: str) -> list[Segment]:
        cur = self.conn.execute("SELECT * FROM segments WHERE doc_id = ? ORDER BY idx", (doc_id,))
        return [rows.row_segment(dict(r)) for r in cur]

    def mentions(self, kind: str | None = None) -> list[Mention]:
        sql = "SELECT * FROM mentions" + (" WHERE kind = ?" if kind else "") + " ORDER BY doc_id, start"
        return [rows.row_mention(dict(r)) for r in self.conn.execute(sql, (kind,) if kind else ())]

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        sql = "SELECT * FROM claims" + (" WHERE doc_id = ?" if doc_id else "") + " ORDER BY doc_id, trigger_start"
        return [rows.row_claim(dict(r)) for r in self.conn.execute(sql, (doc_id,) if doc_id else ())]

    def events(self, *, happened_only: bool = False) -> list[Event]:
        links: dict[str, list[str]] = {}
        for row in self.conn.execute("SELECT event_id, claim_id FROM event_claims ORDER BY claim_id"):
            links.setdefault(row["event_id"], []).append(row["claim_id"])
        sql = "SELECT * FROM events" + (" WHERE happened = 1" if happened_only else "")
        sql += " ORDER BY event_date IS NULL, event_date, id"
        return [rows.row_event(dict(r), tuple(links.get(r["id"], ()))) for r in self.conn.execute(sql)]

    def failures(self) -> list[Failure]:
        return [rows.row_failure(dict(r)) for r in self.conn.execute("SELECT * FROM failures ORDER BY id")]

    def control_periods(self) -> list[ControlPeriod]:
        cur = self.conn.execute('SELECT * FROM control_periods ORDER BY place_name, place_id, start')
        return [rows.row_control(dict(r)) for r in cur]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "claims", "events", "failures")
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}

    # -- the situation picture (derive): territorial facts, control, sieges, baselines ----------
    def replace_situation(self, facts: Iterable[TerritorialFact], sieges: Iterable[Siege]) -> None:
        """Swap in the territorial facts and sieges derived from the stored claims, atomically."""
        with self.conn:
            for table in ("territorial_facts", "sieges"):
                self.conn.execute(f"DELETE FROM {table}")
            for fact in facts:
                _insert(self.conn, "territorial_facts", rows.fact_row(fact))
            for siege in sieges:
                _insert(self.conn, "sieges", rows.siege_row(siege))

    def replace_control(self, periods: Iterable[ControlPeriod]) -> None:
        """Swap in re-derived control periods (after a baseline import), atomically."""
        with self.conn:
            self.conn.execute("DELETE FROM control_periods")
            for period in periods:
                _insert(self.conn, "control_periods", rows.control_row(period))

    def territorial_facts(self, place_id: str | None = None) -> list[TerritorialFact]:
        sql = "SELECT * FROM territorial_facts" + (" WHERE place_id = ?" if place_id else "")
        cur = self.conn.execute(sql + " ORDER BY place_id, start IS NULL, start, id", (place_id,) if place_id else ())
        return [rows.row_fact(dict(r)) for r in cur]

    def sieges(self) -> list[Siege]:
        cur = self.conn.execute("SELECT * FROM sieges ORDER BY start IS NULL, start, place_name, id")
        return [rows.row_siege(dict(r)) for r in cur]

    def save_control_imports(self, entries: Iterable[BaselineEntry]) -> int:
        """Store the entries of an imported snapshot (an entry imported again replaces itself)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        count = 0
        with self.conn:
            for entry in entries:
                _insert(self.conn, "control_imports", rows.baseline_row(entry, now))
                count += 1
        return count

    def control_imports(self) -> list[BaselineEntry]:
        cur = self.conn.execute("SELECT * FROM control_imports ORDER BY place_id, as_of, file")
        return [rows.row_baseline(dict(r)) for r in cur]
