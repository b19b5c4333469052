"""The toll words are data (``data/tolls.yaml``): an edited file changes what is counted, and a
broken one gives one line naming the file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from claimkit import build, entity_places

from factories import edited_kb, packaged_kb
from frontlines.errors import ResourceError
from frontlines.extract.claims import ClaimExtractor
from frontlines.extract.fatalities import TollReader
from frontlines.extract.nlp import load_nlp
from frontlines.extract.tollwords import LISTS, load_tolls, validate_tolls
from frontlines.kb import check_kb, load_kb

STRIKE = "The air strike obliterated 14 fighters in Douma."


def _count(reader: TollReader, sentence: str, trigger: str) -> int | None:
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.lower_ == trigger)
    return reader.sentence_fatalities(doc[:], token)


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the packaged knowledge base whose tolls.yaml has ``old`` replaced by ``new``."""
    return edited_kb(tmp_path / "kb", "tolls.yaml", old, new)


def test_the_packaged_file_holds_every_list() -> None:
    words = packaged_kb().tolls
    assert all(getattr(words, name) for name in LISTS)
    assert "kill" in words.kill_words and "wounded" in words.wound_words
    assert words.max_event_toll == 5000


def test_a_custom_rules_object_with_an_extra_kill_word_reads_a_new_toll() -> None:
    packaged = packaged_kb().tolls
    assert _count(TollReader(packaged), STRIKE, "strike") is None  # "obliterate" is no kill word
    custom = dataclasses.replace(packaged, kill_words=packaged.kill_words | {"obliterate"})
    assert _count(TollReader(custom), STRIKE, "strike") == 14
    assert _count(TollReader(packaged), STRIKE, "strike") is None  # the packaged words are untouched


def test_an_edited_file_changes_the_extracted_toll(tmp_path: Path) -> None:
    root = _edited(tmp_path, "kill_words: [kill,", "kill_words: [obliterate, kill,")
    assert "obliterate" in load_tolls(root / "tolls.yaml").kill_words
    cleaned = build([("body", STRIKE)])
    places = entity_places(cleaned)
    claims = {e: ClaimExtractor(kb, nlp=load_nlp()).extract(cleaned, places)
              for e, kb in (("packaged", packaged_kb()), ("edited", load_kb(root)))}
    tolls = {e: [c.fatalities for c in found if c.trigger.lower() == "strike"] for e, found in claims.items()}
    assert tolls == {"packaged": [None], "edited": [14]}


def test_an_edited_ceiling_makes_a_large_figure_a_running_total(tmp_path: Path) -> None:
    root = _edited(tmp_path, "max_event_toll: 5000", "max_event_toll: 10")
    sentence = "Shelling killed 14 people in Douma."
    assert _count(TollReader(packaged_kb().tolls), sentence, "shelling") == 14
    assert _count(TollReader(load_kb(root).tolls), sentence, "shelling") is None


def test_a_file_that_is_no_yaml_gives_one_line_naming_the_file(tmp_path: Path) -> None:
    root = _edited(tmp_path, "kill_words: [kill,", "kill_words: [[kill,")
    with pytest.raises(ResourceError) as caught:
        load_tolls(root / "tolls.yaml")
    message = str(caught.value)
    assert "\n" not in message and str(root / "tolls.yaml") in message and "toll words" in message
    with pytest.raises(ResourceError) as caught:
        load_kb(root)
    assert "\n" not in str(caught.value) and "tolls.yaml" in str(caught.value)


def test_a_malformed_list_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    root = _edited(tmp_path, "max_event_toll: 5000", "max_event_toll: lots\nkill_word: [kill]")
    line = next(i for i, text in enumerate((root / "tolls.yaml").read_text().splitlines(), 1)
                if text.startswith("max_event_toll"))
    problems = [str(p) for p in check_kb(root) if p.file == "tolls.yaml"]
    assert f"tolls.yaml:{line}: max_event_toll: needs a whole number >= 1, not 'lots'" in problems
    assert any(p.startswith(f"tolls.yaml:{line + 1}: unknown section 'kill_word'") for p in problems)
    with pytest.raises(ResourceError) as caught:
        load_tolls(root / "tolls.yaml")
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(root / "tolls.yaml") + ": invalid toll words: ")


@pytest.mark.parametrize(("text", "problem"), [
    ("version: 1\n", "kill_words: needs a non-empty list of words"),
    ("- kill\n- die\n", "the file must be a mapping of word lists"),
])
def test_validation_lists_what_is_missing(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "tolls.yaml"
    path.write_text(text, encoding="utf-8")
    assert any(problem in p for p in validate_tolls(path))
