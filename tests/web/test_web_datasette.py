"""The Datasette metadata shipped with the package names real tables, columns and facets."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path

import pytest

METADATA = json.loads((resources.files("frontlines.web") / "metadata.json").read_text(encoding="utf-8"))


def _schema() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript((resources.files("frontlines.store") / "schema.sql").read_text())
    return conn


def test_tables_columns_and_facets_exist() -> None:
    conn = _schema()
    tables = METADATA["databases"]["example"]["tables"]
    for table, spec in tables.items():
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        assert columns, f"no table {table}"
        named = [*spec.get("facets", []), *spec.get("columns", {}), spec.get("label_column"), spec.get("sort"),
                 spec.get("sort_desc")]
        assert {n for n in named if n} <= columns, (table, {n for n in named if n} - columns)


def test_canned_queries_run_on_the_schema() -> None:
    conn = _schema()
    for name, query in METADATA["databases"]["example"]["queries"].items():
        conn.execute(query["sql"]).fetchall(), name


def test_datasette_loads_it(web_db: Path) -> None:
    datasette = pytest.importorskip("datasette.app", reason="datasette is an optional extra (.[datasette])")
    import asyncio

    meta = {**METADATA, "databases": {web_db.stem: METADATA["databases"]["example"]}}
    ds = datasette.Datasette([str(web_db)], metadata=meta)

    async def fetch() -> int:
        response = await ds.client.get(f"/{web_db.stem}/events.json?_facet=event_type")
        return response.status_code

    assert asyncio.run(fetch()) == 200
