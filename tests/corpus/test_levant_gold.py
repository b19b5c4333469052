"""Validate the toponym set corpus/levant: every gold-*/ folder against texts/.

Each half holds docs.jsonl and toponyms.jsonl (no events: a toponym set); the texts of both halves
live in corpus/levant/texts/. Checked: every document has its file and a publication year the set
allows (never 2017, which is held out), every surface is written in its text as often as the row
says, points lie in range and vague rows have none, and no row is given twice.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

LEVANT = Path(__file__).resolve().parents[2] / "corpus" / "levant"
GOLD_DIRS = sorted(p for p in LEVANT.glob("gold-*") if p.is_dir())
YEARS = {"2012", "2013", "2014", "2015", "2016", "2018", "2019"}


def _rows(folder: Path, name: str) -> list[dict]:
    path = folder / name
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_there_are_two_halves_and_no_events() -> None:
    assert [p.name for p in GOLD_DIRS] == ["gold-a", "gold-b"]
    assert not any((p / "events.jsonl").exists() for p in GOLD_DIRS)


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=lambda p: p.name)
def test_documents_have_files_and_allowed_dates(folder: Path) -> None:
    docs = _rows(folder, "docs.jsonl")
    assert docs
    for d in docs:
        assert (LEVANT / "texts" / d["file"]).is_file(), d["doc"]
        assert d["published"][:4] in YEARS, (d["doc"], d["published"])
        assert d["url"] and d["outlet"], d["doc"]


def test_halves_share_no_document() -> None:
    a, b = ({d["doc"] for d in _rows(p, "docs.jsonl")} for p in GOLD_DIRS)
    assert a and b and not a & b
    assert {p.stem for p in (LEVANT / "texts").glob("*.txt")} == a | b


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=lambda p: p.name)
def test_toponyms_are_written_in_their_texts(folder: Path) -> None:
    texts = {d["doc"]: (LEVANT / "texts" / d["file"]).read_text(encoding="utf-8") for d in _rows(folder, "docs.jsonl")}
    seen = set()
    for r in _rows(folder, "toponyms.jsonl"):
        assert r["doc"] in texts, r
        assert (r["doc"], r["surface"]) not in seen, r
        seen.add((r["doc"], r["surface"]))
        n = len(re.findall(r"(?<!\w)" + re.escape(r["surface"]) + r"(?!\w)", texts[r["doc"]]))
        assert n == r["mentions"] >= 1, (r["doc"], r["surface"], n)
        if r["vague"]:
            assert r["lat"] is None and r["lon"] is None, r
        if r["lat"] is not None:
            assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180, r


def test_demonyms_are_not_toponyms() -> None:
    demonyms = {"Iraqi", "Syrian", "Lebanese", "Jordanian", "Turkish", "Kurdish", "Israeli", "Palestinian"}
    for folder in GOLD_DIRS:
        assert not [r for r in _rows(folder, "toponyms.jsonl") if r["surface"] in demonyms]
