"""The cluster path gives the local engine's output: sharded JSON Lines and Parquet input coded
into Parquet results and merged by `load`, and `--engine ray` runs on a local Ray instance,
each end with exactly the rows of a local run of the same inputs."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli
from frontlines.pipeline import RunOptions, run
from frontlines.scale.cluster import code_to_parquet
from frontlines.scale.parquet import load_results
from frontlines.store.sqlite import SqliteStore

REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"


def _row(name: str, n: int) -> dict[str, Any]:
    return {"id": f"doc-{n}", "text": (REPORTS / name).read_text(), "outlet": "Test Wire",
            "published": "2017-03-0" + str(n % 9 + 1)}


@pytest.fixture
def shards(tmp_path: Path) -> list[Path]:
    """Two shards: JSON Lines (with a broken line) and Parquet (with a near-copy of a report of
    the first shard and a row without text)."""
    first = tmp_path / "in" / "a.jsonl"
    first.parent.mkdir()
    lines = [json.dumps(_row("01_maskanah_wire.txt", 1)), "{not json", json.dumps(_row("04_douma_denial.txt", 2))]
    first.write_text("\n".join(lines) + "\n")
    second = tmp_path / "in" / "b.parquet"
    rows = [_row("02_maskanah_copy.txt", 3), _row("06_idlib_airstrikes.txt", 4), {"id": "doc-5", "text": " "}]
    pq.write_table(pa.Table.from_pylist(rows), second)
    return [first, second]


def _contents(store: SqliteStore) -> dict[str, Any]:
    articles = sorted(store.articles(), key=lambda a: a.id)
    return {"articles": articles, "segments": {a.id: store.segments(a.id) for a in articles},
            "mentions": store.mentions(), "claims": store.claims(), "events": store.events(),
            "periods": store.control_periods(),
            "failures": sorted((dataclasses.replace(f, at="") for f in store.failures()), key=repr)}


def _local(shards: list[Path], tmp: Path) -> dict[str, Any]:
    with SqliteStore(tmp / "local.db") as store:
        summary = run(shards, store, options=RunOptions(engine="serial"))
        assert summary.processed >= 3 and summary.duplicates == 1 and summary.failures == 2
        return _contents(store)


def test_parquet_results_load_to_the_rows_of_a_local_run(shards: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "results"
    summary = code_to_parquet(shards, out, RunOptions(engine="serial"))
    assert (summary.shards, summary.documents) == (2, 4)
    assert sorted(p.name for p in out.iterdir()) == ["claims", "documents", "failures", "mentions", "segments"]
    with SqliteStore(tmp_path / "loaded.db") as store:
        load_results(out, store)
        assert _contents(store) == _local(shards, tmp_path)
        again = load_results(out, store)  # loading twice changes nothing
        assert again.processed == 0 and again.unchanged == 4


def test_code_and_load_commands(shards: list[Path], tmp_path: Path) -> None:
    out, db = tmp_path / "results", tmp_path / "cli.db"
    coded = CliRunner().invoke(cli, ["code", *map(str, shards), "--out", str(out), "--engine", "serial", "--quiet"])
    assert coded.exit_code == 0, coded.output
    assert "2 shards, 4 documents" in coded.output
    loaded = CliRunner().invoke(cli, ["load", str(out), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    assert "1 duplicates" in loaded.output and "2 failures" in loaded.output
    missing = CliRunner().invoke(cli, ["load", str(tmp_path), "--db", str(db)])
    assert missing.exit_code == 2 and "not a results folder" in missing.output


# -- on a local Ray instance -------------------------------------------------------------------

@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    """One local Ray instance (one CPU) for the module's tests."""
    try:
        import ray
    except ImportError:
        if os.environ.get("CI", "").lower() in {"true", "1"}:
            pytest.fail("ray is not installed (the test extra installs it)")
        pytest.skip("ray is not installed: pip install 'frontlines[ray]'")
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


def test_ray_gives_the_output_of_the_local_engine(local_ray: Any, shards: list[Path], tmp_path: Path) -> None:
    local = _local(shards, tmp_path)
    with SqliteStore(tmp_path / "ray.db") as store:
        summary = run(shards, store, options=RunOptions(engine="ray"))
        assert summary.failures == 2
        assert _contents(store) == local
    out = tmp_path / "results"
    assert code_to_parquet(shards, out, RunOptions(engine="ray")).shards == 2
    with SqliteStore(tmp_path / "loaded.db") as store:
        load_results(out, store)
        assert _contents(store) == local
