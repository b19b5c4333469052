"""A toponym gold set (docs and toponyms, no events) in the evaluation suite: found, scored for
place names only, gated by its own floors; an event gold set beside it keeps its full measure."""

from __future__ import annotations

import json
from pathlib import Path

from frontlines.evaluate import suite


def _write(folder: Path, name: str, rows: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _corpus(root: Path) -> Path:
    """An invented corpus: one report, a toponym-only gold folder and an event gold folder."""
    texts = root / "borders" / "texts"
    texts.mkdir(parents=True)
    (texts / "t_001.txt").write_text(
        "Rockets fired from Syria hit the Turkish town of Kilis on Monday, the mayor said.\n\n"
        "Turkish artillery shelled positions near Azaz in response.\n", encoding="utf-8")
    docs = [{"doc": "t_001", "file": "t_001.txt", "published": "2016-04-11"}]
    _write(root / "borders" / "gold-places", "docs", docs)
    _write(root / "borders" / "gold-places", "toponyms", [
        {"doc": "t_001", "surface": "Kilis", "surface_forms": ["Kilis"], "feature": "city/town/village",
         "country": "Turkey", "admin1": "Kilis", "lat": 36.7184, "lon": 37.1212, "vague": False},
        {"doc": "t_001", "surface": "Azaz", "surface_forms": ["Azaz"], "feature": "city/town/village",
         "country": "Syria", "admin1": "Aleppo", "lat": 36.5862, "lon": 37.0463, "vague": False},
        {"doc": "t_001", "surface": "Syria", "surface_forms": ["Syria"], "feature": "country",
         "country": "Syria", "admin1": None, "lat": 35.0, "lon": 38.0, "vague": False},
    ])
    _write(root / "borders" / "gold-events", "docs", docs)
    _write(root / "borders" / "gold-events", "events", [])
    return root


def test_a_toponym_folder_is_discovered_with_toponym_floors_only(tmp_path: Path) -> None:
    groups = {g.name: g for g in suite.discover([_corpus(tmp_path)])}
    assert set(groups) == {"borders/gold-events", "borders/gold-places"}
    places = groups["borders/gold-places"]
    assert places.floors == suite.TOPONYM_FLOORS and places.ceilings == suite.TOPONYM_CEILINGS
    assert groups["borders/gold-events"].floors == suite.FOLDER_FLOORS


def test_a_folder_with_docs_alone_is_no_gold_set(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    (root / "borders" / "gold-places" / "toponyms.jsonl").unlink()
    assert {g.name for g in suite.discover([root])} == {"borders/gold-events"}


def test_a_toponym_folder_is_measured_for_place_names_only(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    group = {g.name: g for g in suite.discover([root])}["borders/gold-places"]
    workspace = suite.Workspace(tmp_path / "out")
    try:
        [result] = suite.measure([group], workspace)
    finally:
        workspace.close()
    figures = result.figures
    assert figures["toponyms.toponyms"] == 3
    assert figures["toponyms.found"] == 1.0
    assert figures["toponyms.within_161km"] == 1.0
    assert figures["place_strings.strings"] == 2  # the two towns; the country is no place string
    assert figures["run.failures"] == 0
    assert not any(f.startswith(("events.", "rows.", "captures.")) for f in figures)
