"""Entry point of ``frontlines eval --db``: picks the scorer from the gold's format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..store.protocol import Store


def evaluate(store: Store, gold: Path, *, half: str | None = None) -> dict[str, Any]:
    """Score a store against gold: a folder in the seeds-gold format (docs.jsonl, events.jsonl and
    any of segments / toponyms / captures .jsonl), a toponym set (docs.jsonl and toponyms.jsonl, no
    events: scored for place names only) or FA-KES gold (a gold.jsonl file, or a folder
    holding one).  ``half`` ("A" or "B") scores only the documents of that stable half."""
    from .fakes import evaluate_fakes
    from .folder import evaluate_folder, evaluate_toponym_folder

    if half is not None and half.upper() not in {"A", "B"}:
        raise EvalError(f"half must be A or B, not {half!r}", source=str(gold))
    if gold.is_dir() and (gold / "events.jsonl").exists():
        return evaluate_folder(store, gold, half)
    if gold.is_dir() and (gold / "docs.jsonl").exists() and (gold / "toponyms.jsonl").exists():
        return evaluate_toponym_folder(store, gold, half)
    if gold.is_dir() and (gold / "gold.jsonl").exists():
        return evaluate_fakes(store, gold / "gold.jsonl", half)
    if gold.is_file() and gold.suffix == ".jsonl":
        return evaluate_fakes(store, gold, half)
    raise EvalError("not a gold set: expected a seeds-gold folder (events.jsonl, docs.jsonl) "
                    "or an FA-KES gold.jsonl", source=str(gold))
