"""The segmenter on the seed corpus against seeds-gold/segments.jsonl, line by line.

Its accuracy floors (line accuracy, comments+boilerplate precision and recall) are the
``seeds/segmenter`` group of ``frontlines/evaluate/floors.json``, gated in
tests/evaluate/test_gold_gates.py; here: exact properties that no floor expresses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factories import packaged_kb
from frontlines.clean import segment_text
from frontlines.records import Role


def _gold(corpus: Path) -> dict[tuple[str, int], str]:
    gold = {}
    for row in map(json.loads, (corpus / "seeds-gold" / "segments.jsonl").read_text().splitlines()):
        for n in range(row["first_line"], row["last_line"] + 1):
            gold[(row["doc"], n)] = row["role"]
    return gold


@pytest.fixture(scope="module")
def pairs(corpus: Path) -> list[tuple[str, str, str, int]]:
    """(gold role, predicted role, doc, line) for every line of every seed."""
    gold = _gold(corpus)
    out = []
    for path in sorted((corpus / "seeds").glob("*.txt")):
        doc = path.name[:3]
        text = path.read_text(encoding="utf-8")
        segments = segment_text(text, doc, packaged_kb())
        assert sum(s.last_line - s.first_line + 1 for s in segments) == len(text.split("\n"))
        for seg in segments:
            out += [(gold[(doc, n)], seg.role.value, doc, n) for n in range(seg.first_line, seg.last_line + 1)]
    return out


def test_every_gold_line_is_scored(pairs, corpus: Path) -> None:
    assert len(pairs) == len(_gold(corpus))


def test_no_body_line_dropped(pairs) -> None:
    dropped = [(doc, n, p) for g, p, doc, n in pairs if g in {"body", "quote"} and p not in {"body", "quote"}]
    assert dropped == []


def test_comments_found_exactly_where_gold_has_them(pairs) -> None:
    got = {(doc, n) for g, p, doc, n in pairs if p == "comments"}
    want = {(doc, n) for g, p, doc, n in pairs if g == "comments"}
    assert got == want


def test_quote_blocks_name_their_outlet(corpus: Path) -> None:
    text = next((corpus / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    sources = {s.quoted_source for s in segment_text(text, "", packaged_kb()) if s.role is Role.QUOTE}
    assert sources == {"Al-Masdar News", "Moon of Alabama"}
