"""A store scored against a gold folder in the seeds-gold format: events (with row precision),
captures, segments and toponyms, each where the gold has the file.  A folder with no
``events.jsonl`` is a toponym gold set: only its toponyms are scored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store.protocol import Store
from .captures import score_captures
from .events import score_events, score_rows, system_events
from .gold import doc_articles, gold_events, optional_rows
from .segments import score_lines
from .toponyms import scorable, score_toponyms


def evaluate_folder(store: Store, gold_dir: Path, half: str | None = None) -> dict[str, Any]:
    """Every figure of a seeds-gold folder for the documents of ``store`` it names (only the
    documents of ``half`` "A"/"B" when given).  Reads the store through its methods only:
    ``articles``, ``claims``, ``events``, ``segments``, ``mentions``, ``territorial_facts``,
    ``control_periods``."""
    docs = doc_articles(gold_dir, list(store.articles()), half)
    claims = {c.id: c for c in store.claims()}
    system = system_events(store.events(), claims, docs)
    gold = gold_events(gold_dir, docs)
    result: dict[str, Any] = {"format": "seeds-gold", "documents": len(docs),
                              "events": score_events(system, gold), "rows": score_rows(system, gold)}
    if half is not None:
        result["half"] = half.upper()
    key_of = {a.id: key for key, a in docs.items()}
    captures = optional_rows(gold_dir, "captures")
    if captures is not None:
        result["captures"] = score_captures(store.territorial_facts(), store.control_periods(),
                                            [r for r in captures if r["doc"] in docs], key_of)
    segments = optional_rows(gold_dir, "segments")
    if segments is not None:
        result["segments"] = score_lines((a.text, store.segments(a.id), [r for r in segments if r["doc"] == key])
                                         for key, a in docs.items())
    toponyms = optional_rows(gold_dir, "toponyms")
    if toponyms is not None:
        result["toponyms"] = _toponyms(store, docs, toponyms)
    return result


def evaluate_toponym_folder(store: Store, gold_dir: Path, half: str | None = None) -> dict[str, Any]:
    """The toponym figures of a gold folder that holds docs and toponyms but no events (a set
    annotated for place names only), for the documents of ``store`` it names (of ``half``)."""
    docs = doc_articles(gold_dir, list(store.articles()), half)
    result: dict[str, Any] = {"format": "toponyms", "documents": len(docs),
                              "toponyms": _toponyms(store, docs, optional_rows(gold_dir, "toponyms") or [])}
    if half is not None:
        result["half"] = half.upper()
    return result


def _toponyms(store: Store, docs: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    key_of = {a.id: key for key, a in docs.items()}
    mentions: dict[str, list[Any]] = {}
    for m in store.mentions("place"):
        if m.doc_id in key_of:
            mentions.setdefault(key_of[m.doc_id], []).append(m)
    from ..kb import load_kb

    return score_toponyms(scorable(rows, set(docs)), mentions, load_kb().theater.feature_words)
