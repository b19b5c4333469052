"""ACLED conformity: every row of an export holds ACLED's values (country names, numeric ISO,
regions, event_id_cnty, source_scale, integer year, one-sentence notes)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from factories import claim, packaged_kb
from frontlines.export import acled_codebook as codebook
from frontlines.export import export
from frontlines.pipeline import RunOptions, refuse, run
from frontlines.records import Article, Place
from frontlines.store.sqlite import SqliteStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WASHINGTON = Place("test:dc", "Washington", 38.9, -77.04, "US", "District of Columbia", None, "city")
MOSCOW = Place("test:moscow", "Moscow", 55.75, 37.62, "RU", "Moscow", None, "city")
BAGHDAD = Place("test:baghdad", "Baghdad", 33.34, 44.4, "IQ", "Baghdad", None, "city")


def _rows(store: SqliteStore) -> list[dict[str, str]]:
    buf = io.BytesIO()
    export(store, "acled", buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue().decode())))


def test_the_country_table_is_sound() -> None:
    table = codebook.countries()
    assert len({c.iso3 for c in table.values()}) == len(table)
    for c in table.values():
        assert len(c.iso2) == 2 and len(c.iso3) == 3 and c.iso3.isupper()
        assert c.region in codebook.ACLED_REGIONS
        assert c.name and len(c.name) > 3 and c.name != c.iso2  # a name, never a code
    assert (table["SY"].iso, table["SY"].iso3, table["SY"].region) == (760, "SYR", "Middle East")
    assert (table["US"].name, table["US"].region) == ("United States", "North America")
    assert (table["RU"].name, table["RU"].region) == ("Russia", "Europe")
    for code in ("SY", "IQ", "LB", "JO", "IL", "PS", "IR", "TR"):
        assert table[code].region == "Middle East", code


def test_every_gazetteer_country_is_in_the_table() -> None:
    import sqlite3

    path = packaged_kb().gazetteer
    with sqlite3.connect(path) as conn:
        codes = {r[0] for r in conn.execute("SELECT DISTINCT country FROM places") if r[0]}
    assert codes <= set(codebook.countries()), codes - set(codebook.countries())


def test_rows_abroad_take_their_own_country_and_region() -> None:
    store = SqliteStore(":memory:")
    store.save_document(Article(id="d1", text="x" * 300, source="a.txt", outlet="SANA"), [], [],
                        [claim("d1", 0, place=WASHINGTON), claim("d1", 100, place=MOSCOW),
                         claim("d1", 200, place=BAGHDAD, fatalities=4)])
    refuse(store)
    rows = {r["location"]: r for r in _rows(store)}
    assert (rows["Washington"]["country"], rows["Washington"]["region"], rows["Washington"]["iso"]) == (
        "United States", "North America", "840")
    assert (rows["Moscow"]["country"], rows["Moscow"]["region"], rows["Moscow"]["iso"]) == ("Russia", "Europe", "643")
    assert rows["Baghdad"]["event_id_cnty"].startswith("IRQ") and rows["Baghdad"]["region"] == "Middle East"
    # SANA is Syrian: national for nothing here, regional for Baghdad, international for Washington
    assert rows["Baghdad"]["source_scale"] == "Regional"
    assert rows["Washington"]["source_scale"] == "International"
    for row in rows.values():
        assert codebook.check_row(row) == [], row


@pytest.mark.parametrize(("outlets", "expected"), [
    (["SANA"], "National"),
    (["SANA", "Reuters"], "National-International"),
    (["Unknown Blog Nobody Lists"], "Other"),
    ([], "Other"),
])
def test_source_scale_rule(outlets: list[str], expected: str) -> None:
    assert codebook.source_scale(outlets, codebook.country("SY"), packaged_kb().outlets) == expected


def test_an_export_of_the_examples_conforms_row_by_row(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "x.db")
    run([EXAMPLES / "reports"], store, manifest=EXAMPLES / "manifest.jsonl", options=RunOptions(engine="serial"))
    rows = _rows(store)
    assert rows
    sentences = {c.sentence for c in store.claims()}
    for row in rows:
        assert codebook.check_row(row) == [], row
        assert int(row["year"]) == int(row["event_date"][:4])
        assert row["notes"] not in sentences and not any(s in row["notes"] for s in sentences if len(s) > 40)
