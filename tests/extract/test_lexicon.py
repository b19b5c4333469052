"""The trigger lexicon and the status cue lexicon are valid data files, and validation bites."""

from __future__ import annotations

from importlib import resources

import pytest

from factories import packaged_kb
from frontlines.errors import ResourceError
from frontlines.extract.lexicon import ACLED_TYPES, inflections, load_lexicon, validate_lexicon


def test_packaged_lexicon_is_valid():
    path = resources.files("frontlines").joinpath("data/triggers.yaml")
    assert validate_lexicon(str(path)) == []
    lexicon = packaged_kb().triggers
    assert {r.event_type for r in lexicon.rules} == set(ACLED_TYPES)


def test_every_rule_has_an_acled_pair():
    for rule in packaged_kb().triggers.rules:
        assert rule.sub_event_type in ACLED_TYPES[rule.event_type], rule.id


def test_unknown_types_and_fields_are_rejected(tmp_path):
    bad = tmp_path / "t.yaml"
    bad.write_text(
        "triggers:\n"
        "  - {id: a, pos: verb, lemmas: [hit], type: Battles / Skirmish}\n"
        "  - {id: b, pos: verb, lemmas: [hit], type: Fights / Armed clash}\n"
        "  - {id: c, pos: adverb, lemmas: [hit], type: Battles / Armed clash, colour: red}\n"
        "  - {id: d, pos: verb, lemmas: [hit], object: $nothing, type: Battles / Armed clash}\n",
        encoding="utf-8",
    )
    problems = "\n".join(validate_lexicon(bad))
    for expected in (
        "'Skirmish'",
        "'Fights'",
        "pos must be",
        "unknown field 'colour'",
        "unknown set '$nothing'",
    ):
        assert expected in problems
    with pytest.raises(ResourceError):
        load_lexicon(bad)


def test_unreadable_lexicon_is_reported(tmp_path):
    assert validate_lexicon(tmp_path / "missing.yaml")


def test_an_analyst_can_add_a_trigger(tmp_path):
    extra = tmp_path / "t.yaml"
    extra.write_text(
        "triggers:\n  - {id: x, pos: verb, lemmas: [overrun], type: Battles / Armed clash}\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(extra)
    assert [r.id for r in lexicon.candidates("overran", "overrun")] == ["x"]
    # remembered per (form, lemma): asked again, or in other case, the same rules
    assert lexicon.candidates("Overran", "overrun") == lexicon.candidates("overran", "overrun")
    assert lexicon.candidates("overran", "overrun") is lexicon.candidates("overran", "overrun")
    assert lexicon.candidates("ran", "run") == () and [r.id for r in lexicon.candidates("overrun", "x")] == ["x"]


def test_inflections():
    assert {"captured", "captures", "capturing"} <= inflections("capture")
    assert {"retook", "retaken"} <= inflections("retake")
    assert {"shelled", "shelling"} <= inflections("shell")


def test_status_cues_load():
    cues = packaged_kb().cues
    assert cues.has("hedge_adverbs", "reportedly") and cues.has("future_aux", "will")
