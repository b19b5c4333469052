"""Reading gold annotations and lining them up with the documents of a store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..records import Article


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


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    doc: str
    quote_start: int  # -1 when the quote is not in the text
    quote_end: int
    row: dict[str, Any]

    @property
    def types(self) -> set[str]:
        return {self.row["sub_event_type"], *(self.row.get("alt_sub_event_types") or ())}

    @property
    def tier(self) -> str:
        return str(self.row.get("eval_tier", "core"))


def doc_articles(gold_dir: Path, articles: list[Article]) -> dict[str, Article]:
    """Gold doc key ("000") → stored article, matched by file name."""
    by_name = {Path(a.source).name: a for a in articles}
    mapping = {}
    for row in read_jsonl(gold_dir / "docs.jsonl"):
        article = by_name.get(row.get("file", ""))
        if article is not None:
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
        start = article.text.find(row["quote"])
        end = start + len(row["quote"]) if start >= 0 else -1
        events.append(GoldEvent(row["id"], row["doc"], start, end, row))
    return events
