"""The PostgreSQL store's own promises, on a real server (the contract tests in test_store.py run
on it too): the SQLite schema column for column, concurrent writers, the run lock, read-only
sessions, and messages that never show a password."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest

from factories import claim
from frontlines.errors import ReadOnlyStoreError, StoreError
from frontlines.records import Article, Event, Role, Segment
from frontlines.store import open_store
from frontlines.store.postgres import PostgresStore, redacted
from frontlines.store.sqlite import SqliteStore


def _article(n: int, text: str = "Clashes in Deir ez-Zor.") -> Article:
    return Article(id=f"d{n}", text=f"{text} {n}", source=f"{n}.txt", outlet="SANA", source_id=f"{n}.txt")


def _columns_pg(url: str) -> dict[str, list[str]]:
    with psycopg.connect(url) as conn:
        found = conn.execute("SELECT table_name, column_name FROM information_schema.columns "
                             "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position").fetchall()
    tables: dict[str, list[str]] = {}
    for table, column in found:
        tables.setdefault(table, []).append(column)
    return tables


def test_the_tables_are_sqlites_column_for_column(postgres_url: str, tmp_path: Path) -> None:
    PostgresStore(postgres_url).close()
    with SqliteStore(tmp_path / "t.db") as lite:
        names = [r[0] for r in lite.query("SELECT name FROM sqlite_master WHERE type = 'table' "
                                          "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        expected = {t: [r[1] for r in lite.query(f"PRAGMA table_info({t})")] for t in names}
    found = _columns_pg(postgres_url)
    for table in ("articles", "mentions", "claims", "control_periods"):
        found[table].remove("seq")  # the storage order SQLite keeps in its rowid
    assert found == expected


def test_tables_of_an_older_version_gain_the_new_columns(postgres_url: str) -> None:
    PostgresStore(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE claims DROP COLUMN partial")
        conn.execute("ALTER TABLE claims DROP COLUMN seq")
        conn.execute("ALTER TABLE events DROP COLUMN fatalities_max")
        conn.execute("DELETE FROM meta WHERE key = 'pg_schema'")
    with PostgresStore(postgres_url) as store:
        store.save_document(_article(1), [], [], [claim("d1", 9), claim("d1", 0)])
        assert [c.id for c in store.claims()] == ["d1:0-4", "d1:9-13"] and not store.claims()[0].partial
    found = _columns_pg(postgres_url)
    assert {"partial", "seq"} <= set(found["claims"]) and "fatalities_max" in found["events"]
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT collation_name FROM information_schema.columns WHERE table_schema = "
                            "current_schema() AND table_name = 'claims' AND column_name = 'id'").fetchone() == ("C",)


def test_open_store_reaches_postgres_by_url(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        assert isinstance(store, PostgresStore)
        store.save_document(_article(1), [], [], [claim("d1", 0)])
    with open_store(postgres_url.replace("postgresql://", "postgres://", 1), readonly=True) as store:
        assert store.counts()["claims"] == 1


def test_re_saving_is_idempotent_and_text_sorts_bytewise(postgres_url: str) -> None:
    """Byte order, as SQLite sorts (a locale's order would put 'b' before 'B' and mix accents)."""
    with PostgresStore(postgres_url) as store:
        for _ in range(2):
            for n, source in enumerate(["b.txt", "B.txt", "é.txt", "a.txt"]):
                store.save_document(Article(id=f"d{n}", text="x", source=source), [], [], [])
        assert [a.source for a in store.articles()] == ["B.txt", "a.txt", "b.txt", "é.txt"]
        assert store.counts()["articles"] == 4


def test_a_nul_character_in_untrusted_text_does_not_sink_the_document(postgres_url: str) -> None:
    with PostgresStore(postgres_url) as store:
        store.save_document(_article(1, "Shelling\x00 in Raqqa."), [Segment("d1", 0, Role.BODY, 0, 5, 1, 1)], [], [])
        assert store.article("d1").text == "Shelling\ufffd in Raqqa. 1"  # type: ignore[union-attr]


def test_concurrent_writers_leave_one_consistent_database(postgres_url: str) -> None:
    """Four sessions store and replace overlapping documents and swap event sets at once: no
    error, no document half-replaced, every event link names a stored claim."""
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            with PostgresStore(postgres_url) as store:
                for round_ in range(6):
                    for n in range(8):
                        claims = [claim(f"d{n}", 0), claim(f"d{n}", 40 + k)]
                        store.save_document(_article(n), [Segment(f"d{n}", 0, Role.BODY, 0, 9, 1, 1)], [], claims)
                    ids = tuple(c.id for c in store.claims())
                    store.replace_events([Event(id=f"ev-{k}-{round_}", event_type="Battles",
                                                sub_event_type="Armed clash", status=claim("d0", 0).status,
                                                claim_ids=ids)], [])
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with PostgresStore(postgres_url, readonly=True) as store:
        assert store.counts()["articles"] == 8
        for n in range(8):
            assert len(store.claims(f"d{n}")) == 2 and len(store.segments(f"d{n}")) == 1
        assert store.counts()["events"] == 1
        assert set(store.events()[0].claim_ids) <= {c.id for c in store.claims()}
        assert store.check() == []


def test_the_run_lock_admits_one_run_at_a_time(postgres_url: str) -> None:
    order: list[str] = []
    with PostgresStore(postgres_url) as first, PostgresStore(postgres_url) as second:
        entered = threading.Event()

        def other() -> None:
            entered.set()
            with second.run_lock():
                order.append("second")

        with first.run_lock():
            thread = threading.Thread(target=other)
            thread.start()
            entered.wait()
            thread.join(timeout=0.5)
            order.append("first")  # the second run is still waiting here
        thread.join()
    assert order == ["first", "second"]


def test_read_only_sessions_write_nothing(postgres_url: str) -> None:
    with pytest.raises(StoreError, match="not a frontlines database"):
        PostgresStore(postgres_url, readonly=True)
    PostgresStore(postgres_url).close()
    with PostgresStore(postgres_url, readonly=True) as store:
        with pytest.raises(ReadOnlyStoreError):
            store.save_document(_article(1), [], [], [])
        with pytest.raises(StoreError, match="read-only"):  # the server refuses too
            store._writable = lambda: None  # type: ignore[method-assign]
            store.save_failure(__import__("frontlines.records", fromlist=["Failure"]).Failure("a", "ingest", "E", "m"))


def test_an_unreachable_server_is_one_line_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://alice:s3cret@/frontlines?host={tmp_path}&port=1"
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "s3cret" not in str(info.value) and "\n" not in str(info.value)
    assert "alice:***@" in str(info.value)
    assert redacted("postgresql://bob@h/db") == "postgresql://bob@h/db"
