"""Every store keeps the situation picture alike: facts, sieges, imported baselines, periods."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.records import BaselineEntry, ControlPeriod, FactKind, Siege, Status, TerritorialFact
from frontlines.store import rows
from frontlines.store.memory import MemoryStore
from frontlines.store.postgres import PostgresStore
from frontlines.store.protocol import Store
from frontlines.store.sqlite import SqliteStore

FACT = TerritorialFact("tf-1", FactKind.CAPTURE, "p1", "Raqqa", "d1:5", "d1", Status.REPORTED, "2017-10-17",
                       "2017-10-17", gainer="QSD: Syrian Democratic Forces", loser="Islamic State (Syria)",
                       gainer_side="kurdish", scope="part", latitude=35.95, longitude=39.01,
                       sentence="The SDF took a district of Raqqa.", cue="capture: 'took'", outlet="Reuters",
                       outlet_side=None, source_key="outlet:reuters")
DENIAL = dataclasses.replace(FACT, id="tf-0", status=Status.DENIED, start=None, end=None, denies=("tf-1",))
SIEGE = Siege("sg-1", "p1", "Raqqa", "A", "B", "2016-01-01", None, ("tf-1",), 35.95, 39.01, None)
ENTRY = BaselineEntry("p1", "Raqqa", "Islamic State (Syria)", "2017-06-01", "map", "m.csv", 35.95, 39.01)
PERIOD = ControlPeriod("p1", "Raqqa", "contested", "2017-06-12", None, ("d1:5",), state="contested",
                       rivals=("A", "B"), confidence=0.3, explanation="why", last_confirmed="2017-06-12",
                       facts=("tf-1",), origin="derived", latitude=35.95, longitude=39.01, outlets=1)
JOINT = dataclasses.replace(PERIOD, place_id="p3", actor="A", state="held", rivals=(), allies=("C", "D"))


@pytest.fixture(params=["sqlite", "memory", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    made: Store
    if request.param == "postgresql":
        made = PostgresStore(request.getfixturevalue("postgres_url"))
    else:
        made = SqliteStore(tmp_path / "s.db") if request.param == "sqlite" else MemoryStore()
    yield made
    made.close()


def test_facts_sieges_imports_and_periods_round_trip(store: Store) -> None:
    store.replace_situation([FACT, DENIAL], [SIEGE])
    assert store.territorial_facts() == [FACT, DENIAL] and store.territorial_facts("p2") == []
    assert store.sieges() == [SIEGE]
    assert store.save_control_imports([ENTRY, ENTRY]) == 2 and store.control_imports() == [ENTRY]
    store.replace_control([PERIOD, JOINT])
    assert sorted(store.control_periods(), key=lambda p: p.place_id) == [PERIOD, JOINT]
    store.replace_situation([], [])
    assert store.territorial_facts() == [] and store.sieges() == []


ALONE = dataclasses.replace(FACT, id="tf-2", kind=FactKind.CONTROL, loser=None, scope="full", alone=True,
                            sentence="Raqqa is under the control of the SDF.",
                            cue="control statement, a sentence of its own: 'under the control of'")


def test_a_statement_made_alone_keeps_its_flag(store: Store) -> None:
    plain = dataclasses.replace(ALONE, id="tf-3", alone=False, cue="control statement: 'under the control of'")
    store.replace_situation([ALONE, plain], [])
    found = {f.id: f for f in store.territorial_facts()}
    assert found == {"tf-2": ALONE, "tf-3": plain}
    assert found["tf-2"].alone is True and found["tf-3"].alone is False


def _facts_without_alone(conn: sqlite3.Connection) -> None:
    """A territorial_facts table as frontlines wrote it before the ``alone`` column."""
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, source TEXT NOT NULL, text TEXT NOT NULL, "
                 "ingested_at TEXT NOT NULL)")
    conn.execute("CREATE TABLE claims (id TEXT PRIMARY KEY)")
    conn.execute("CREATE TABLE events (id TEXT PRIMARY KEY)")
    conn.execute("CREATE TABLE territorial_facts (id TEXT PRIMARY KEY, kind TEXT NOT NULL, place_id TEXT NOT NULL, "
                 "place_name TEXT, claim_id TEXT NOT NULL, doc_id TEXT NOT NULL, status TEXT NOT NULL, start TEXT, "
                 '"end" TEXT, gainer TEXT, loser TEXT, gainer_side TEXT, loser_side TEXT, scope TEXT, latitude REAL, '
                 "longitude REAL, sentence TEXT, cue TEXT, outlet TEXT, outlet_side TEXT, source_key TEXT, "
                 "denies TEXT)")
    for fact in (FACT, ALONE):
        row = rows.fact_row(fact)
        del row["alone"]
        conn.execute(f"INSERT INTO territorial_facts ({', '.join(repr(c) for c in row)}) "
                     f"VALUES ({', '.join('?' * len(row))})", list(row.values()))


def test_an_older_sqlite_database_tells_a_statement_alone_by_its_cue(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        _facts_without_alone(conn)
    with SqliteStore(db, readonly=True) as old:  # never migrated: the cue tells
        assert old.territorial_facts() == [FACT, ALONE]
    with SqliteStore(db) as store:  # migrated: the column is added and filled once
        assert store.territorial_facts() == [FACT, ALONE]
        found = store.conn.execute("SELECT id, alone FROM territorial_facts ORDER BY id").fetchall()
        assert [tuple(r) for r in found] == [("tf-1", 0), ("tf-2", 1)]


def test_an_older_postgres_database_gains_the_alone_column_filled(postgres_url: str) -> None:
    import psycopg

    with PostgresStore(postgres_url) as store:
        store.replace_situation([FACT, ALONE], [])
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE territorial_facts DROP COLUMN alone")
        conn.execute("DELETE FROM meta WHERE key = 'pg_schema'")
    with PostgresStore(postgres_url) as store:
        assert store.territorial_facts() == [FACT, ALONE]
