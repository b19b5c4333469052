"""Every store keeps the situation picture alike: facts, sieges, imported baselines, periods."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.records import BaselineEntry, ControlPeriod, FactKind, Siege, Status, TerritorialFact
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
