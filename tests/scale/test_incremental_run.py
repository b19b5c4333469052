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


def test_a_re_fuse_reads_the_claims_once_and_loads_the_knowledge_base_once(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: fusion and the situation share one read of every claim (a large database
    holds hundreds of thousands) and one knowledge base."""
    import frontlines.kb as kb_module

    reports = sorted((EXAMPLES / "reports").iterdir())[:4]
    with SqliteStore(tmp_path / "t.db") as store:
        run(reports, store, manifest=EXAMPLES / "manifest.jsonl", options=RunOptions(engine="serial"))
        before = (store.events(), store.territorial_facts())
        reads, loads = [], []
        claims, load_kb = store.claims, kb_module.load_kb
        monkeypatch.setattr(store, "claims", lambda doc_id=None: reads.append(doc_id) or claims(doc_id))
        monkeypatch.setattr(kb_module, "load_kb", lambda *a, **k: loads.append(1) or load_kb(*a, **k))
        refuse(store)
        assert (reads, loads) == ([None], [1])
        assert (store.events(), store.territorial_facts()) == before
