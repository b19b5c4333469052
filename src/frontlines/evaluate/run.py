"""Entry point of ``frontlines eval``: picks the scorer from the gold's format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import EvalError


def evaluate(store: Any, gold: Path) -> dict[str, Any]:
    """Score a store against gold: a seeds-gold folder (events.jsonl, docs.jsonl, segments.jsonl,
    toponyms.jsonl) or FA-KES gold (a gold.jsonl file, or a folder holding one)."""
    from .fakes import evaluate_fakes
    from .seeds import evaluate_seeds

    if gold.is_dir() and (gold / "events.jsonl").exists():
        return evaluate_seeds(store, gold)
    if gold.is_dir() and (gold / "gold.jsonl").exists():
        return evaluate_fakes(store, gold / "gold.jsonl")
    if gold.is_file() and gold.suffix == ".jsonl":
        return evaluate_fakes(store, gold)
    raise EvalError("not a gold set: expected a seeds-gold folder (events.jsonl, docs.jsonl) "
                    "or an FA-KES gold.jsonl", source=str(gold))
