"""Segment scores: the role of every line against the gold's blocks, and how much of a wire
text (no debris) is kept."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..records import EXTRACTABLE_ROLES, Segment
from .match import line_roles, ratio

DEBRIS = {"comments", "boilerplate"}
KEPT = {"title", "body", "quote"}
EXTRACTED = {r.value for r in EXTRACTABLE_ROLES}


def score_lines(docs: Iterable[tuple[str, Sequence[Segment], Sequence[dict[str, Any]]]]) -> dict[str, Any]:
    """Per line, the system's role against the gold's, over (text, segments, gold rows) per
    document: line accuracy, comments+boilerplate precision and recall, body/quote lines dropped."""
    total = correct = tp = fp = fn = dropped = 0
    for text, segments, gold_rows in docs:
        n = len(text.split("\n"))
        gold = line_roles(gold_rows, n, lambda r: (r["first_line"], r["last_line"], r["role"]))
        got = line_roles(segments, n, lambda s: (s.first_line, s.last_line, s.role.value))
        for g, s in zip(gold, got, strict=True):
            total += 1
            correct += g == s
            tp += g in DEBRIS and s in DEBRIS
            fp += g not in DEBRIS and s in DEBRIS
            fn += g in DEBRIS and s not in DEBRIS
            dropped += g in EXTRACTED and s not in EXTRACTED
    return {"lines": total, "line_accuracy": ratio(correct, total),
            "debris_precision": ratio(tp, tp + fp), "debris_recall": ratio(tp, tp + fn),
            "body_lines_dropped": dropped}


def words_kept(docs: Iterable[tuple[str, Sequence[Segment]]]) -> dict[str, Any]:
    """For texts without debris (wire stories): the share of words kept in title/body/quote
    blocks, and how many texts got a comments block."""
    texts = total = kept = with_comments = 0
    for text, segments in docs:
        texts += 1
        with_comments += any(s.role.value == "comments" for s in segments)
        for seg in segments:
            words = len(seg.text_of(text).split())
            total += words
            kept += words if seg.role.value in KEPT else 0
    return {"texts": texts, "words_kept": ratio(kept, total), "texts_with_comments": with_comments}
