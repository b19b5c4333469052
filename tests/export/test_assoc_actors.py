"""ACLED's associated actors (``assoc_actor_1`` / ``assoc_actor_2``): the actors a sentence names
together with actor1 or actor2, on its side, carried from the claim through fusion and the
stores to every export and the web API's event payload.  Sentences written for the tests."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sqlite3

import pytest

import frontlines
from factories import claim
from frontlines.pipeline import refuse
from frontlines.records import ActorRef, Article
from frontlines.store.memory import MemoryStore
from frontlines.store.protocol import Store
from frontlines.store.sqlite import SqliteStore

TURKEY = "Military Forces of Turkey (2016-)"
SYRIA = "Military Forces of Syria (2000-2024)"
RUSSIA = "Military Forces of Russia (2000-)"
FSA = "Free Syrian Army"
HEZBOLLAH = "Hezbollah"
DATELINE = "DAMASCUS, March 14, 2018 - "


def _acled(text: str) -> list[dict[str, str]]:
    data = frontlines.code([{"text": DATELINE + text, "published": "2018-03-14", "outlet": "Reuters"}])
    buf = io.BytesIO()
    data.export("acled", buf, include_all=True)
    return list(csv.DictReader(io.StringIO(buf.getvalue().decode())))


def _row(text: str, sub_event_type: str) -> dict[str, str]:
    rows = [r for r in _acled(text) if r["sub_event_type"] == sub_event_type]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(("text", "sub", "actor1", "assoc1", "assoc2"), [
    ("The Turkish Armed Forces and the Free Syrian Army captured the village of Kafr Tala from the YPG "
     "on Monday.", "Non-state actor overtakes territory", TURKEY, FSA, ""),
    ("The Syrian army and Hezbollah captured the town of Kafr Tala from the Nusra Front on Monday.",
     "Government regains territory", SYRIA, HEZBOLLAH, ""),
    ("Islamic State fighters attacked the army and Hezbollah in Kafr Tala on Monday, killing 10.",
     "Armed clash", "Islamic State (Syria)", "", HEZBOLLAH),
    ("Russian and Syrian warplanes struck Kafr Tala on Monday, killing 10 civilians.",
     "Air/drone strike", SYRIA, RUSSIA, ""),
])
def test_a_co_actor_named_with_a_side_is_its_associated_actor(
        text: str, sub: str, actor1: str, assoc1: str, assoc2: str) -> None:
    row = _row(text, sub)
    assert (row["actor1"], row["assoc_actor_1"], row["assoc_actor_2"]) == (actor1, assoc1, assoc2)


@pytest.mark.parametrize(("text", "sub"), [
    # a patron named in a modifier took no part
    ("Russian-backed government forces captured the town of Kafr Tala from the Free Syrian Army on Monday.",
     "Government regains territory"),
    # "between X and Y" coordinates the two sides, not two allies
    ("Clashes between the Syrian army and the Free Syrian Army killed 12 people in Kafr Tala on Monday.",
     "Armed clash"),
    # two actors of opposed camps coordinated are no allies
    ("Syrian troops and Free Syrian Army fighters clashed in Kafr Tala on Monday.", "Armed clash"),
])
def test_no_associated_actor_without_an_ally_taking_part(text: str, sub: str) -> None:
    row = _row(text, sub)
    assert (row["assoc_actor_1"], row["assoc_actor_2"]) == ("", "")


def _with_allies(store: Store) -> Store:
    hezbollah = ActorRef("Hezbollah", HEZBOLLAH, 8, "pro-government")
    russia = ActorRef("Russian troops", RUSSIA, 8, "pro-government")
    first = dataclasses.replace(claim("d1", 0), assoc1=(hezbollah,))
    second = dataclasses.replace(claim("d2", 0), assoc1=(russia, hezbollah))
    store.save_document(Article(id="d1", text="x" * 100, source="a.txt", outlet="SANA"), [], [], [first])
    store.save_document(Article(id="d2", text="y" * 100, source="b.txt", outlet="Reuters"), [], [], [second])
    refuse(store)
    return store


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest) -> Store:
    return _with_allies(SqliteStore(":memory:") if request.param == "sqlite" else MemoryStore())


def test_fusion_gathers_the_co_actors_of_its_claims_once_each(store: Store) -> None:
    (event,) = store.events()
    assert event.assoc_actor1 == (HEZBOLLAH, RUSSIA) and event.assoc_actor2 == ()
    assert {c.id: [r.name for r in c.assoc1] for c in store.claims()} == {
        c.id: n for c, n in zip(sorted(store.claims(), key=lambda c: c.id), ([HEZBOLLAH], [RUSSIA, HEZBOLLAH]),
                                strict=True)}


def test_every_event_export_and_the_api_carry_them(store: Store) -> None:
    from frontlines.export import export
    from frontlines.web import models

    out = io.BytesIO()
    export(store, "acled", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue().decode()))
    assert row["assoc_actor_1"] == f"{HEZBOLLAH}; {RUSSIA}" and row["assoc_actor_2"] == ""
    out = io.BytesIO()
    export(store, "jsonl", out)
    (event,) = [json.loads(line) for line in out.getvalue().decode().splitlines()]
    assert event["assoc_actor_1"] == [HEZBOLLAH, RUSSIA] and event["assoc_actor_2"] == []
    assert sorted(len(c["assoc_actor_1"]) for c in event["claims"]) == [1, 2]
    out = io.BytesIO()
    export(store, "geojson", out)
    (feature,) = json.loads(out.getvalue())["features"]
    assert feature["properties"]["assoc_actor_1"] == [HEZBOLLAH, RUSSIA]
    found = store.event_row(store.events()[0].id)
    assert found is not None and found.assoc_actor_1 == (HEZBOLLAH, RUSSIA)
    payload = models.Event.model_validate(found).model_dump()
    assert payload["assoc_actor_1"] == [HEZBOLLAH, RUSSIA] and payload["assoc_actor_2"] == []


def test_a_database_from_before_associated_actors_opens_without_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "old.db")
    _with_allies(SqliteStore(path)).close()
    conn = sqlite3.connect(path)
    for table, column in (("claims", "assoc1"), ("claims", "assoc2"), ("events", "assoc_actor1"),
                          ("events", "assoc_actor2")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.commit()
    conn.close()
    store = SqliteStore(path)
    (event,) = store.events()
    assert event.assoc_actor1 == () and all(c.assoc1 == () for c in store.claims())
    refuse(store)
    assert store.events()[0].assoc_actor1 == ()


@pytest.mark.parametrize("text", [
    "Russian or Syrian warplanes struck Kafr Tala on Monday, killing 10 civilians.",
    "Either the Syrian army or Hezbollah shelled Kafr Tala on Monday, killing 10 civilians.",
])
def test_alternatives_are_not_partners(text: str) -> None:
    rows = [r for r in _acled(text) if r["event_type"] == "Explosions/Remote violence"]
    assert rows and all(r["assoc_actor_1"] == "" for r in rows)

