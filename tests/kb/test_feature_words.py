"""Feature words are knowledge-base data: validated, stored in the gazetteer, checked against it."""

from __future__ import annotations

from pathlib import Path

from factories import edited_kb
from frontlines.kb import check_kb, load_kb
from frontlines.resolve.gaz_words import FeatureWords
from frontlines.resolve.gazetteer import SqliteGazetteer
from frontlines.resolve.normalize import name_key


def test_theater_feature_words_split_names():
    words = load_kb().theater.feature_words
    assert words.split("Kuweires military air base") == ("kuweires", frozenset({"airbase", "military_base"}))
    assert words.split("Hawija Sakr island")[1] == frozenset({"settlement", "water"})
    assert words.core_key("Sheikh Najjar industrial zone") == words.core_key("Sheikh Najjar")
    assert words.core_key("Base") == name_key("Base")  # nothing but feature words: the name itself


def test_packaged_gazetteer_was_built_with_the_kb_words():
    gaz = SqliteGazetteer()
    gaz.candidates("Aleppo", limit=1)
    assert gaz.words == load_kb().theater.feature_words
    assert FeatureWords.from_json(gaz.words.to_json()) == gaz.words


def _edit(tmp_path: Path, old: str, new: str) -> Path:
    return edited_kb(tmp_path, "theater.yaml", old, new)


def test_unknown_feature_class_is_a_problem(tmp_path):
    root = _edit(tmp_path, "  dam: dam\n", "  dam: reservoir\n")
    assert any(p.file == "theater.yaml" and "reservoir" in p.message for p in check_kb(root))


def test_edited_words_need_a_rebuilt_gazetteer(tmp_path):
    root = _edit(tmp_path, "  lake: water\n", "  lake: water\n  reservoir: water\n")
    problems = [p for p in check_kb(root) if p.file == "theater.yaml"]
    assert problems and "rebuild" in problems[0].message and problems[0].line > 0
