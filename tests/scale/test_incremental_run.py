"""A run fuses incrementally (only what its new documents can touch) and ends with the events
a full re-fuse of every stored claim gives."""

from __future__ import annotations

from pathlib import Path

from frontlines.pipeline import RunOptions, refuse, run
from frontlines.store.sqlite import SqliteStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_runs_in_batches_fuse_as_one_full_fusion(tmp_path: Path) -> None:
    reports = sorted((EXAMPLES / "reports").iterdir())
    with SqliteStore(tmp_path / "t.db") as store:
        for batch in (reports[:5], reports[5:9], reports[9:]):
            run(batch, store, manifest=EXAMPLES / "manifest.jsonl", options=RunOptions(engine="serial"))
        assert not store.needs_fusing()
        incremental = store.events()
        refuse(store)  # everything again, from scratch
        assert store.events() == incremental and len(incremental) > 5
