"""Reading gold annotations and lining them up with the documents of a store.

A gold folder in the seeds-gold format holds ``docs.jsonl`` (doc, file, published or
published_estimate, …) and ``events.jsonl``, and optionally ``segments.jsonl``,
``toponyms.jsonl`` and ``captures.jsonl``; its texts lie in a folder beside it.  A figure whose
file is absent is not scored (reported as None), so a new gold set needs only docs and events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..records import Article
from .match import gold_types, half_of, quote_span


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read gold file ({exc.strerror})", source=str(path)) from None
    rows = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise EvalError(f"line {number} is not valid JSON ({exc.msg})", source=str(path)) from None
    return rows


def optional_rows(gold_dir: Path, name: str) -> list[dict[str, Any]] | None:
    """The rows of ``gold_dir/name.jsonl``, or None when the gold set has no such file."""
    path = gold_dir / f"{name}.jsonl"
    return read_jsonl(path) if path.exists() else None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    doc: str
    quote_start: int  # -1 when the quote is not in the text
    quote_end: int
    row: dict[str, Any]

    @property
    def types(self) -> set[str]:
        return gold_types(self.row)

    @property
    def tier(self) -> str:
        return str(self.row.get("eval_tier", "core"))


def published(row: dict[str, Any]) -> str | None:
    """A gold document's publication date: ``published``, else ``published_estimate``."""
    return row.get("published") or row.get("published_estimate")


def manifest_rows(gold_dir: Path) -> list[dict[str, Any]]:
    """Run-manifest rows (file, published) for the documents of a gold folder: the texts carry
    no date of their own, and the gold's publication date is what a user would know."""
    return [{"file": r["file"], "published": published(r)} for r in read_jsonl(gold_dir / "docs.jsonl")]


def in_half(keys: Iterable[str], half: str | None) -> set[str]:
    """The keys that fall in ``half`` ("A"/"B"; None: all)."""
    return {k for k in keys if half is None or half_of(k) == half.upper()}


def doc_articles(gold_dir: Path, articles: list[Article], half: str | None = None) -> dict[str, Article]:
    """Gold doc key ("000") → stored article, matched by file name (only ``half`` if given)."""
    by_name = {Path(a.source).name: a for a in articles}
    rows = read_jsonl(gold_dir / "docs.jsonl")
    keep = in_half((r["doc"] for r in rows), half)
    mapping = {}
    for row in rows:
        article = by_name.get(row.get("file", ""))
        if article is not None and row["doc"] in keep:
            mapping[row["doc"]] = article
    if not mapping:
        raise EvalError("no document of the gold set is in the database (files matched by name)",
                        source=str(gold_dir))
    return mapping


def gold_events(gold_dir: Path, docs: dict[str, Article]) -> list[GoldEvent]:
    events = []
    for row in read_jsonl(gold_dir / "events.jsonl"):
        article = docs.get(row["doc"])
        if article is None:
            continue
        start, end = quote_span(article.text, row["quote"])
        events.append(GoldEvent(row["id"], row["doc"], start, end, row))
    return events
