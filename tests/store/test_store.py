"""The Store contract, run against every store (SQLite and in-memory), plus SQLite's own promises."""

from __future__ import annotations

import dataclasses
import itertools
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factories import MAYADIN, claim
from frontlines.errors import ReadOnlyStoreError, StoreError
from frontlines.records import Article, ControlPeriod, Event, Failure, Mention, Role, Segment, Status
from frontlines.store import open_store, rows
from frontlines.store.memory import MemoryStore
from frontlines.store.postgres import PostgresStore
from frontlines.store.protocol import Store
from frontlines.store.sqlite import SqliteStore
from pgserver import with_schema

statuses = st.sampled_from(list(Status))
maybe_text = st.none() | st.text(min_size=1, max_size=20)

Factory = Callable[[], Store]
_schemas = itertools.count()


@pytest.fixture(params=["sqlite", "memory", "postgresql"])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Factory]:
    """A factory of empty stores of each kind (a fresh SQLite file, a MemoryStore, or a fresh
    schema on a real PostgreSQL server started for the session)."""
    made: list[Store] = []
    server = request.getfixturevalue("postgres_server") if request.param == "postgresql" else ""

    def make() -> Store:
        store: Store
        if request.param == "sqlite":
            store = SqliteStore(tmp_path / f"t{len(made)}.db")
        elif request.param == "postgresql":
            store = PostgresStore(with_schema(server, f"c{os.getpid()}_{next(_schemas)}"))
        else:
            store = MemoryStore()
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()


@given(status=statuses, fatalities=st.none() | st.integers(0, 10_000), date=st.none() | st.dates().map(str),
       place=st.sampled_from([None, MAYADIN]), actor2=maybe_text, source_id=maybe_text)
def test_claim_row_round_trip(status: Status, fatalities: int | None, date: str | None,
                              place: object, actor2: str | None, source_id: str | None) -> None:
    original = claim(status=status, fatalities=fatalities, date=date, place=place, actor2=actor2)  # type: ignore[arg-type]
    if original.location and original.location.place is None:
        original = dataclasses.replace(original, location=dataclasses.replace(original.location, place=None))
    original = dataclasses.replace(original, source_id=source_id,
                                   location=dataclasses.replace(original.location, source_id=source_id)
                                   if original.location else None)
    back = rows.row_claim(rows.claim_row(original))
    assert back == original


def _article(text: str = "Clashes in Deir ez-Zor.", doc_id: str = "d1", source: str = "a.txt") -> Article:
    return Article(id=doc_id, text=text, source=source, outlet="SANA", source_id=source.rsplit("/", 1)[-1])


def _event(claim_ids: tuple[str, ...], event_id: str = "ev-1", status: Status = Status.ASSERTED,
           date: str | None = "2017-09-05") -> Event:
    return Event(id=event_id, event_type="Battles", sub_event_type="Armed clash", status=status,
                 event_date=date, claim_ids=claim_ids)


# -- the contract: every store -------------------------------------------------------------------

def test_every_store_implements_the_protocol(new_store: Factory) -> None:
    assert isinstance(new_store(), Store)


def test_save_document_is_idempotent(new_store: Factory) -> None:
    store = new_store()
    seg = Segment("d1", 0, Role.BODY, 0, 23, 1, 1)
    place = Mention("d1", "place", 11, 22, "Deir ez-Zor", source_id="a.txt")
    for _ in range(2):
        store.save_document(_article(), [seg], [place], [claim("d1", 0), claim("d1", 50)])
    assert store.counts()["articles"] == 1
    assert [c.id for c in store.claims()] == ["d1:0-4", "d1:50-54"]
    assert store.segments("d1") == [seg]
    assert store.mentions("place") == [place] and store.mentions("actor") == []
    assert store.article("d1") == _article() and store.article("nope") is None
    assert store.has_article("d1") and store.source_of("d1") == "a.txt" and store.source_of("x") is None
    assert store.sources() == {"d1": "a.txt"} and store.source_ids() == {"d1": "a.txt"}
    assert store.outlets() == {"d1": "SANA"}


def test_an_edited_source_replaces_its_old_version(new_store: Factory) -> None:
    store = new_store()
    store.save_document(_article("old text", "d1"), [], [], [claim("d1", 0)])
    store.save_document(_article("new text", "d2"), [], [], [claim("d2", 0)])
    assert [a.id for a in store.articles()] == ["d2"]
    assert [c.doc_id for c in store.claims()] == ["d2"]


def test_articles_come_in_source_order_and_claims_by_document(new_store: Factory) -> None:
    store = new_store()
    store.save_document(_article("b", "d2", "b.txt"), [], [], [claim("d2", 9), claim("d2", 1)])
    store.save_document(_article("a", "d1", "a.txt"), [], [], [claim("d1", 5)])
    assert [a.source for a in store.articles()] == ["a.txt", "b.txt"]
    assert [c.id for c in store.claims()] == ["d1:5-9", "d2:1-5", "d2:9-13"]
    assert [c.id for c in store.claims("d2")] == ["d2:1-5", "d2:9-13"]
    assert [m[0] for m in store.minhashes()] == ["d2", "d1"]


def test_failures_are_kept_once_and_cleared_by_success(new_store: Factory) -> None:
    store = new_store()
    failure = Failure(source="a.txt", stage="ingest", error="FL101", message="document is empty")
    store.save_failure(failure)
    store.save_failure(dataclasses.replace(failure, at="later"))
    store.save_failure(dataclasses.replace(failure, source="b.txt"))
    assert [f.source for f in store.failures()] == ["a.txt", "b.txt"]
    store.save_document(_article(), [], [], [])
    assert [f.source for f in store.failures()] == ["b.txt"]
    assert store.counts()["failures"] == 1


def test_events_link_their_claims_and_come_in_date_order(new_store: Factory) -> None:
    store = new_store()
    store.save_document(_article(), [], [], [claim("d1", 0), claim("d1", 50)])
    later = _event(("d1:50-54", "d1:0-4"), "ev-2", date="2017-10-01")
    undated = _event(("d1:0-4",), "ev-0", status=Status.EXPECTED, date=None)
    store.replace_events([later, undated, _event(("d1:0-4",))], [])
    assert [e.id for e in store.events()] == ["ev-1", "ev-2", "ev-0"]
    assert store.events()[1].claim_ids == ("d1:0-4", "d1:50-54")
    assert [e.id for e in store.events(happened_only=True)] == ["ev-1", "ev-2"]
    counts = store.counts()
    assert (counts["events"], counts["happened"], counts["claims"]) == (3, 2, 2)


def test_replacing_a_document_unlinks_its_claims_from_events(new_store: Factory) -> None:
    store = new_store()
    store.save_document(_article(), [], [], [claim("d1", 0)])
    store.replace_events([_event(("d1:0-4",))], [])
    store.save_document(_article("other text", "d1"), [], [], [])
    assert store.events()[0].claim_ids == ()


def test_control_periods_round_trip(new_store: Factory) -> None:
    store = new_store()
    periods = [ControlPeriod("p2", "Raqqa", "Islamic State (Syria)", "2014-01-01", None, ("c1",)),
               ControlPeriod("p1", "Palmyra", "Islamic State (Syria)", "2015-05-21", "2016-03-27", ("c2", "c3")),
               ControlPeriod("p1", "Palmyra", "Military Forces of Syria", None, "2015-05-21")]
    store.replace_events([], periods)
    assert store.control_periods() == [periods[2], periods[1], periods[0]]


def test_fusing_is_tracked_so_stale_events_are_seen(new_store: Factory) -> None:
    store = new_store()
    assert not store.needs_fusing()
    store.save_document(_article(), [], [], [claim("d1", 0)])
    assert store.needs_fusing() and store.check()
    version = store.write_version()
    store.replace_events([_event(("d1:0-4",))], [], fused_version=version)
    assert not store.needs_fusing() and store.check() == []
    store.save_document(_article("b", "d2", "b.txt"), [], [], [claim("d2", 0)])
    assert store.write_version() > version and store.needs_fusing()
    store.replace_events([], [], fused_version=version)  # fused from claims older than the last write
    assert store.needs_fusing()


def test_a_read_only_store_refuses_every_write(new_store: Factory, tmp_path: Path) -> None:
    store = new_store()
    store.save_document(_article(), [], [], [claim("d1", 0)])
    if isinstance(store, SqliteStore):
        store.close()
        store = SqliteStore(store.path, readonly=True)
    elif isinstance(store, PostgresStore):
        store = PostgresStore(store.target, readonly=True)
    else:
        store.readonly = True
    assert store.readonly and store.counts()["claims"] == 1
    for write in (lambda: store.save_document(_article(), [], [], []),
                  lambda: store.save_failure(Failure("a", "ingest", "FL1", "m")),
                  lambda: store.replace_events([], []), lambda: store.set_minhash("d1", "[]"),
                  store.remove_orphans):
        with pytest.raises(ReadOnlyStoreError):
            write()
    store.close()


# -- opening stores by target ----------------------------------------------------------------------

def test_open_store_picks_the_store_from_the_target(tmp_path: Path) -> None:
    from frontlines.errors import ConfigError

    assert isinstance(open_store("memory:"), MemoryStore)
    with open_store(tmp_path / "x.db") as store:
        assert isinstance(store, SqliteStore)
    with open_store(f"sqlite:///{tmp_path}/y.db") as store:
        assert isinstance(store, SqliteStore) and (tmp_path / "y.db").exists()
    with pytest.raises(ConfigError, match="unknown store 'mysql'"):
        open_store("mysql://localhost/frontlines")
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


# -- SQLite's own promises -----------------------------------------------------------------------

def test_sqlite_uses_wal(tmp_path: Path) -> None:
    SqliteStore(tmp_path / "t.db").close()
    with SqliteStore(tmp_path / "t.db") as reopened:
        assert reopened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_database_of_an_older_version_gains_new_columns(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE events (id TEXT PRIMARY KEY, event_type TEXT NOT NULL)")
        conn.execute("INSERT INTO events VALUES ('ev-1', 'Battles')")
        conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, source TEXT NOT NULL, text TEXT NOT NULL, "
                     "ingested_at TEXT NOT NULL)")
        conn.execute("INSERT INTO articles VALUES ('d1', 'reports/a.txt', 'x', 'now')")
    store = SqliteStore(old)
    columns = {r[1] for r in store.conn.execute("PRAGMA table_info(events)")}
    assert {"support", "contradicted", "sub_event_type"} <= columns
    assert "source_id" in {r[1] for r in store.conn.execute("PRAGMA table_info(articles)")}
    assert store.conn.execute("SELECT id FROM events").fetchone()[0] == "ev-1"
    assert store.source_ids() == {"d1": "reports/a.txt"}  # no id was given then: the source stands in


def _old_database(path: Path) -> None:
    """A database as frontlines wrote it before source ids and fusing versions."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, source TEXT NOT NULL, outlet TEXT, url TEXT, "
                     "title TEXT, author TEXT, published TEXT, published_precision TEXT, published_basis TEXT, "
                     "language TEXT, duplicate_of TEXT, text TEXT NOT NULL, ingested_at TEXT NOT NULL)")
        conn.execute("CREATE TABLE claims (id TEXT PRIMARY KEY, doc_id TEXT, trigger_start INTEGER)")
        conn.execute("CREATE TABLE events (id TEXT PRIMARY KEY, happened INTEGER, event_date TEXT)")
        conn.execute("INSERT INTO articles (id, source, text, ingested_at) VALUES ('d1', 'a.txt', 'x', 'now')")


def test_read_only_opening_never_writes_nor_migrates(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _old_database(db)
    before = db.read_bytes()
    with SqliteStore(db, readonly=True) as store:
        assert [a.source_id for a in store.articles()] == [None]
        assert store.source_ids() == {"d1": "a.txt"} and store.failures() == [] and store.control_periods() == []
        assert store.counts()["articles"] == 1
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]


def test_read_only_opening_of_something_else_is_a_store_error(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (a)")
    with pytest.raises(StoreError, match="not a frontlines database"):
        SqliteStore(other, readonly=True)
    text = tmp_path / "notes.db"
    text.write_text("not a database at all " * 100)
    with pytest.raises(StoreError, match="cannot open"):
        SqliteStore(text, readonly=True)


def test_reading_behind_a_writer_holding_a_transaction(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with SqliteStore(db) as store:
        store.save_document(_article(), [], [], [claim("d1", 0)])
    writer = sqlite3.connect(db, timeout=0.1)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO failures (source, stage, error, message, at) VALUES ('x', 'ingest', 'e', 'm', 'now')")
    try:
        reader = SqliteStore(db, readonly=True)
        reader.conn.execute("PRAGMA busy_timeout = 100")
        assert reader.counts()["claims"] == 1 and reader.failures() == []  # the uncommitted row is not seen
        reader.close()
    finally:
        writer.rollback()
        writer.close()


def test_check_finds_orphans_and_repair_removes_them(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    store = SqliteStore(db)
    store.save_document(_article(), [], [], [claim("d1", 0)])
    store.replace_events([], [])
    store.conn.execute("PRAGMA foreign_keys=OFF")
    with store.conn:
        store.conn.execute("DELETE FROM articles")
    assert any("no stored article" in p for p in store.check())
    assert store.remove_orphans() == 1 and store.check() == []
    store.close()


def test_check_reports_a_corrupted_database(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with SqliteStore(db) as store:
        for n in range(200):
            store.save_document(_article(f"text {n} " * 50, f"d{n}", f"{n}.txt"), [], [], [claim(f"d{n}", 0)])
        store.replace_events([], [])
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(3 * page + 100, min(len(data), 12 * page), page):
        data[offset:offset + 200] = b"\xff" * 200  # scribble over the middle of several pages
    db.write_bytes(bytes(data))
    try:
        problems = SqliteStore(db, readonly=True).check()
    except StoreError:
        return  # refusing to open is an honest answer too
    assert problems, "a database with corrupted pages was reported healthy"


# -- batched writes (one transaction per batch of documents) --------------------------------------

def test_a_batch_stores_every_document_of_it(new_store: Factory) -> None:
    store = new_store()
    with store.batch():
        for i in range(3):
            store.save_document(_article(f"text {i}", f"d{i}", f"{i}.txt"), [], [], [claim(f"d{i}", 0)])
            store.set_minhash(f"d{i}", f"sig{i}")
        store.save_failure(Failure(source="bad.txt", stage="ingest", error="E", message="unreadable"))
    assert store.counts()["articles"] == 3 and len(store.failures()) == 1
    assert {m[1] for m in store.minhashes()} == {"sig0", "sig1", "sig2"}


def test_sqlite_commits_a_batch_once_at_its_end(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    store = SqliteStore(path)
    with store.batch():
        store.save_document(_article("one", "d1", "1.txt"), [], [], [])
        with store.batch():  # nested: the outer batch commits
            store.save_document(_article("two", "d2", "2.txt"), [], [], [])
        other = sqlite3.connect(path)
        assert other.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0  # not committed yet
    assert other.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    other.close()
    store.close()


def test_sqlite_a_failed_document_in_a_batch_undoes_only_its_own_rows(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "b.db")
    bad = claim("d2", 0)
    with store.batch():
        store.save_document(_article("one", "d1", "1.txt"), [], [], [claim("d1", 0)])
        with pytest.raises(StoreError):  # a claim of no stored document breaks a foreign key
            store.save_document(_article("two", "d2", "2.txt"), [], [],
                                [bad, dataclasses.replace(bad, doc_id="nowhere")])
        store.save_document(_article("three", "d3", "3.txt"), [], [], [])
    assert [a.id for a in store.articles()] == ["d1", "d3"]
    assert [c.id for c in store.claims()] == ["d1:0-4"]
    store.close()


def test_sqlite_an_error_escaping_a_batch_rolls_it_back(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "b.db")
    store.save_document(_article("kept", "d0", "0.txt"), [], [], [])
    with pytest.raises(RuntimeError), store.batch():
        store.save_document(_article("lost", "d1", "1.txt"), [], [], [])
        raise RuntimeError("the run was interrupted")
    assert [a.id for a in store.articles()] == ["d0"]
    store.close()


def test_a_read_only_store_refuses_a_batch(tmp_path: Path) -> None:
    SqliteStore(tmp_path / "r.db").close()
    store = SqliteStore(tmp_path / "r.db", readonly=True)
    with pytest.raises(ReadOnlyStoreError), store.batch():
        pass
    store.close()


def test_saving_a_document_looks_up_its_source_by_index_not_by_reading_every_article(tmp_path: Path) -> None:
    """Issue 12: each save asks for the earlier versions of its source; without an index on the
    source SQLite read the whole articles table for it, and a run grew with its square."""
    with SqliteStore(tmp_path / "t.db") as store:
        store.save_document(Article(id="a1", text="x", source="s1"), [], [], [])
        plan = " ".join(str(r[-1]) for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE source = ? AND id != ?", ("s1", "a2")))
    assert "articles_source" in plan and "SCAN articles" not in plan, plan


def test_a_database_from_before_the_source_index_gets_it_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with SqliteStore(path) as store:
        store.save_document(Article(id="a1", text="x", source="s1"), [], [], [])
    con = sqlite3.connect(path)
    con.execute("DROP INDEX articles_source")
    con.commit()
    con.close()
    with SqliteStore(path) as store:
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "articles_source" in names and [a.id for a in store.articles()] == ["a1"]
