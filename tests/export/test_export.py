from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from factories import claim
from frontlines.export import export
from frontlines.export.writers import ACLED_COLUMNS
from frontlines.pipeline import refuse
from frontlines.records import Article, Status
from frontlines.store.sqlite import SqliteStore


@pytest.fixture()
def store() -> SqliteStore:
    s = SqliteStore(":memory:")
    s.save_document(Article(id="d1", text="x" * 100, source="reports/a.txt", outlet="SANA"), [], [],
                    [claim("d1", 0, fatalities=3), claim("d1", 50, status=Status.EXPECTED, sub="Government regains territory")])
    s.save_document(Article(id="d2", text="y" * 100, source="reports/b.txt", outlet="Reuters"), [], [],
                    [claim("d2", 0, status=Status.REPORTED, fatalities=5)])
    refuse(s)
    return s


def _export(store: SqliteStore, fmt: str, **kw: bool) -> bytes:
    buf = io.BytesIO()
    export(store, fmt, buf, **kw)
    return buf.getvalue()


def test_acled_has_acled_columns_and_only_what_happened(store: SqliteStore) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "acled").decode())))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert len(rows) == 1
    row = rows[0]
    assert row["event_id_cnty"].startswith("SYR") and row["country"] == "Syria"
    assert row["event_date"] == "2017-09-05" and row["year"] == "2017"
    assert row["fatalities"] == "3" and row["source"] == "Reuters; SANA"
    assert row["interaction"] == "12"


def test_jsonl_events_carry_their_claims(store: SqliteStore) -> None:
    lines = [json.loads(x) for x in _export(store, "jsonl").decode().splitlines()]
    assert len(lines) == 1
    event = lines[0]
    for key in ("id", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "country",
                "latitude", "longitude", "geo_precision", "event_date", "time_precision", "fatalities",
                "status", "sources", "claims"):
        assert key in event
    assert {c["file"] for c in event["claims"]} == {"reports/a.txt", "reports/b.txt"}
    assert {"doc_id", "start", "end", "text", "status", "attributed_to"} <= set(event["claims"][0])
    every = [json.loads(x) for x in _export(store, "jsonl", include_all=True).decode().splitlines()]
    assert sorted(e["status"] for e in every) == ["asserted", "expected"]


def test_claims_export_includes_forecasts(store: SqliteStore) -> None:
    claims = [json.loads(x) for x in _export(store, "claims").decode().splitlines()]
    assert sorted(c["status"] for c in claims) == ["asserted", "expected", "reported"]


def test_geojson_and_parquet(store: SqliteStore, tmp_path) -> None:  # type: ignore[no-untyped-def]
    geo = json.loads(_export(store, "geojson"))
    assert geo["type"] == "FeatureCollection"
    assert geo["features"][0]["geometry"]["coordinates"] == [40.141, 35.336]
    path = tmp_path / "e.parquet"
    path.write_bytes(_export(store, "parquet"))
    table = pq.read_table(path)
    assert table.num_rows == 1 and "sub_event_type" in table.column_names


def test_violence_against_civilians_is_civilian_targeting_even_without_a_named_victim() -> None:
    from frontlines.export.writers import _interaction, _targets_civilians
    from frontlines.records import Event

    kidnap = Event(id="ev-1", event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
                   status=Status.ASSERTED, actor1="Islamic State (Syria)", inter1=2)
    assert _targets_civilians(kidnap) and _interaction(kidnap) == 27
    clash = Event(id="ev-2", event_type="Battles", sub_event_type="Armed clash", status=Status.ASSERTED,
                  inter1=1, inter2=2)
    assert not _targets_civilians(clash) and _interaction(clash) == 12


def test_unnamed_protesters_are_coded_the_acled_way() -> None:
    from frontlines.export.writers import _crowd, _interaction
    from frontlines.records import Event

    protest = Event(id="ev-3", event_type="Protests", sub_event_type="Peaceful protest", status=Status.ASSERTED,
                    country="SY")
    assert _crowd(protest) == "Protesters (Syria)" and _interaction(protest) == 60
