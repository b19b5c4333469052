"""The engine does not change the output: a folder coded serially or on a pool gives the same data."""

from __future__ import annotations

from pathlib import Path

from frontlines.pipeline import RunOptions, run
from frontlines.store.sqlite import SqliteStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _code(tmp: Path, engine: str) -> tuple[list, list]:  # type: ignore[type-arg]
    store = SqliteStore(tmp / f"{engine}.db")
    summary = run([EXAMPLES / "reports"], store, manifest=EXAMPLES / "manifest.jsonl",
                  options=RunOptions(engine=engine, workers=2))
    assert summary.failures == 0 and summary.processed >= 10
    return store.claims(), store.events()


def test_serial_and_process_pool_agree(tmp_path: Path) -> None:
    assert _code(tmp_path, "serial") == _code(tmp_path, "process")
