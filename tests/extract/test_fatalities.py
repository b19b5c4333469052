"""Fatality counts from kill words (sentences written for the tests)."""

from __future__ import annotations

import pytest

from frontlines.extract.fatalities import fatalities_of, number, sentence_fatalities
from frontlines.extract.nlp import load_nlp


def _count(sentence: str) -> int | None:
    doc = load_nlp()(sentence)
    kill = next(t for t in doc if t.lemma_.lower() in {"kill", "die", "dead", "execute"})
    return fatalities_of(kill)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shelling killed 14 people in Douma.", 14),
        ("At least 9 soldiers were killed near Hama.", 9),
        ("Dozens of fighters were killed near Hama.", 12),
        ("Hundreds of militants were killed in the clashes.", 100),
        ("Six children and two women were killed in Ariha.", 8),
        ("17 rebels dead in a mortar attack.", 17),
        ("A senior commander was killed near Idlib.", 1),
        ("Three fighters died in the fighting.", 3),
        # the wounded counted apart do not spoil the toll
        ("At least 7 civilians were killed and over 20 others were wounded in Saraqeb.", 7),
        ("A car bomb killed 11 people and wounded dozens more in Azaz.", 11),
        ("Mortars hit the market killing 4 people and injuring 15 others.", 4),
        ("At least nine people were killed and many more injured in the raid.", 9),
        ("A suicide bomber killed 12 people injured 40 at a checkpoint.", 12),
        # hyphenated and split number words; a dateline year is no count
        ("Thirty-four fighters were killed near Tadef.", 34),
        ("Published March 3 2015 Twenty-one people were killed in Inkhil.", 21),
        # a participle after the victims ("among 27 people killed ...")
        ("Two nurses were among 27 people killed on Monday near Hama.", 27),
    ],
)
def test_counts(sentence, expected):
    assert _count(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Forty fighters were killed and wounded near Hama.",  # wounded mixed in
        "In total 300 militants were killed during the offensive.",  # an operation's total
        "Many people were killed in the shelling.",  # vague: unknown
        "A number of people were killed in the raid.",  # vague: unknown
        "Twelve people were killed or wounded in Jisr al-Shughour.",  # one count for both
        "Since then thousands of people have been killed in the province.",  # running total
        "Hundreds of thousands of people have been killed.",  # the whole war
    ],
)
def test_not_a_toll(sentence):
    assert _count(sentence) is None


def _sentence_count(sentence: str, trigger: str) -> int | None:
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.lower_ == trigger)
    return sentence_fatalities(doc[:], token)


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the deaths of the scene-setting "after ..." clause are another happening's
        ("Government forces have killed at least 31 people in the village in a revenge shelling "
         "attack after a captured soldier was killed by rebels.", "attack", 31),
        ("At least 25 people were killed by army shelling on the town after a pilot was "
         "executed by militants.", "shelling", 25),
        # "claimed the lives of N": a toll; the children among them are no separate total
        ("A car bomb attack in the city has claimed the lives of 14 people including five "
         "children, the channel reported.", "attack", 14),
        # a sub-count after "among them" is not the toll
        ("HOMS Seventeen villagers among them four children were killed in air attacks on the "
         "town a monitoring group said.", "attacks", 17),
    ],
)
def test_sentence_counts(sentence, trigger, expected):
    assert _sentence_count(sentence, trigger) == expected


def test_saved_lives_are_no_toll():
    assert _sentence_count("Rescue teams saved the lives of 30 people after the air strike.", "strike") is None



def test_a_dateline_day_is_no_count():
    doc = load_nlp()("December 4 2015 Nine civilians were killed in shelling on the town.")
    kill = next(t for t in doc if t.lower_ == "killed")
    assert fatalities_of(kill) == 9
    assert number(doc[1]) is None  # "December 4": a day, not a count
