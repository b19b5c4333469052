from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from factories import claim
from frontlines.errors import UnfusedError
from frontlines.export import export, export_file
from frontlines.export.writers import ACLED_COLUMNS, EXPORT_FORMATS
from frontlines.pipeline import refuse, repair
from frontlines.records import Article, Status
from frontlines.store.memory import MemoryStore
from frontlines.store.protocol import Store
from frontlines.store.sqlite import SqliteStore


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest) -> Store:
    s: Store = SqliteStore(":memory:") if request.param == "sqlite" else MemoryStore()
    s.save_document(Article(id="d1", text="x" * 100, source="/data/reports/a.txt", outlet="SANA", source_id="reports/a.txt"),
                    [], [], [claim("d1", 0, fatalities=3),
                             claim("d1", 50, status=Status.EXPECTED, sub="Government regains territory")])
    s.save_document(Article(id="d2", text="y" * 100, source="/data/reports/b.txt", outlet="Reuters", source_id="b-17"),
                    [], [], [claim("d2", 0, status=Status.REPORTED, fatalities=5)])
    refuse(s)
    return s


def _export(store: Store, fmt: str, **kw: bool) -> bytes:
    buf = io.BytesIO()
    export(store, fmt, buf, **kw)
    return buf.getvalue()


def test_acled_has_acled_columns_and_only_what_happened(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "acled").decode())))
    # ACLED's columns first, in ACLED's order; then the documents' ids and the row's grounding
    assert tuple(rows[0].keys()) == (*ACLED_COLUMNS, "source_id", "grounded", "grounded_fields", "confidence")
    assert len(rows) == 1
    row = rows[0]
    assert row["event_id_cnty"].startswith("SYR") and row["country"] == "Syria"
    assert row["event_date"] == "2017-09-05" and row["year"] == "2017"
    assert row["fatalities"] == "3" and row["source"] == "Reuters; SANA"
    assert row["interaction"] == "12"


def test_jsonl_events_carry_their_claims(store: Store) -> None:
    lines = [json.loads(x) for x in _export(store, "jsonl").decode().splitlines()]
    assert len(lines) == 1
    event = lines[0]
    for key in ("id", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "country",
                "latitude", "longitude", "geo_precision", "event_date", "time_precision", "fatalities",
                "status", "sources", "claims"):
        assert key in event
    assert {c["file"] for c in event["claims"]} == {"/data/reports/a.txt", "/data/reports/b.txt"}
    assert {"doc_id", "start", "end", "text", "status", "attributed_to"} <= set(event["claims"][0])
    every = [json.loads(x) for x in _export(store, "jsonl", include_all=True).decode().splitlines()]
    assert sorted(e["status"] for e in every) == ["asserted", "expected"]


def test_claims_export_includes_forecasts(store: Store) -> None:
    claims = [json.loads(x) for x in _export(store, "claims").decode().splitlines()]
    assert sorted(c["status"] for c in claims) == ["asserted", "expected", "reported"]


def test_geojson_and_parquet(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
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


def _rows(store: Store, fmt: str, tmp_path) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    data = _export(store, fmt, include_all=True) if fmt == "jsonl" else _export(store, fmt)
    if fmt == "acled":
        return list(csv.DictReader(io.StringIO(data.decode())))
    if fmt == "geojson":
        return [f["properties"] for f in json.loads(data)["features"]]
    if fmt == "parquet":
        path = tmp_path / "e.parquet"
        path.write_bytes(data)
        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in data.decode().splitlines()]


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_row_of_every_format_has_the_users_own_document_id(store: Store, fmt: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from frontlines.records import Mention

    store.save_document(Article(id="d3", text="z" * 100, source="/data/c.txt", source_id="c.txt"), [],
                        [Mention("d3", "place", 0, 5, "Raqqa")], [])
    refuse(store)
    rows = _rows(store, fmt, tmp_path)
    assert rows
    ids = {"reports/a.txt", "b-17", "c.txt"}
    for row in rows:
        given = row.get("source_id") or row.get("source_ids")
        assert given, (fmt, row)
        values = given if isinstance(given, list) else given.split("; ")
        assert set(values) <= ids, (fmt, values)
    if fmt in {"acled", "parquet"}:
        assert rows[0]["source_id"] == "b-17; reports/a.txt" or rows[0]["source_id"] == "reports/a.txt; b-17"


def test_a_failed_export_leaves_the_previous_file(store: Store, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from frontlines.export import writers

    out = tmp_path / "events.jsonl"
    assert export_file(store, "jsonl", out) == 1
    good = out.read_bytes()

    def broken(event, ctx):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(writers, "event_json", broken)
    with pytest.raises(RuntimeError):
        export_file(store, "jsonl", out)
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]  # no temporary file left behind


def test_events_left_unfused_by_an_interrupted_run_are_not_exported_as_nothing(store: Store) -> None:
    store.save_document(Article(id="d3", text="z" * 100, source="c.txt", source_id="c.txt"), [], [],
                        [claim("d3", 0, status=Status.ASSERTED)])  # the run died before fusing
    for fmt in ("acled", "jsonl", "geojson", "parquet"):
        with pytest.raises(UnfusedError, match="interrupted"):
            _export(store, fmt)
    assert len(_export(store, "claims").splitlines()) == 4  # claims need no fusing
    assert repair(store) == ["re-fused the claims into 2 events"]
    assert len(_export(store, "jsonl").splitlines()) == 1
