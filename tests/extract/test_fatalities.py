"""Fatality counts from kill words (sentences written for the tests)."""

from __future__ import annotations

import pytest

from factories import packaged_kb
from frontlines.extract.fatalities import TollReader
from frontlines.extract.nlp import load_nlp
from frontlines.extract.numbers import number


def _tolls() -> TollReader:
    """The toll reader of the packaged knowledge base (``data/tolls.yaml``)."""
    return TollReader(packaged_kb().tolls)


def _count(sentence: str) -> int | None:
    doc = load_nlp()(sentence)
    kill = next(t for t in doc if t.lemma_.lower() in {"kill", "die", "dead", "execute"})
    return _tolls().fatalities_of(kill)


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
        ("8 persons killed 58 others injured in rocket attacks on the city", 8),
        ("Rebels killed 12 soldiers injured in the fighting near Hama.", 12),
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
    return _tolls().sentence_fatalities(doc[:], token)


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
    assert _tolls().fatalities_of(kill) == 9
    assert number(doc[1]) is None  # "December 4": a day, not a count


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a number hung under a compound of the victims noun
        ("At least 30 ISIS militants have been killed in the fight while others fled the village.", 30),
        # "another" before a singular noun is one, before a count the count
        ("Another farmer named Ali Hasan was reportedly killed by sniper fire in the village.", 1),
        ("Another 6 people were killed in the village.", 6),
        # an operation bounded by one day is that day's toll
        ("One policeman was killed during Tuesday's operations, the ministry said.", 1),
    ],
)
def test_counts_issue9(sentence, expected):
    assert _count(sentence) == expected


def test_so_far_is_a_running_total():
    assert _count("So far, 23 soldiers have been killed and 9 are missing in the valley.") is None


def _count_among(sentence: str, trigger: str, others: tuple[str, ...]) -> int | None:
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.lower_ == trigger)
    return _tolls().sentence_fatalities(doc[:], token, [t for t in doc if t.lower_ in others])


@pytest.mark.parametrize(
    ("sentence", "trigger", "others", "expected"),
    [
        # a capture does not carry the toll of a lead-up that is a row of its own
        ("Kurdish fighters recaptured the town on Monday after three days of heavy fighting "
         "with the militants that has left some 90 people dead.", "recaptured", ("fighting",), None),
        ("The command said that after eliminating dozens of militants, army units restored "
         "security to the village.", "restored", ("eliminating",), None),
        ("Following clashes that killed 15 fighters, the rebels seized the hill.", "seized", ("clashes",), None),
        # ... the lead-up keeps its own toll
        ("Kurdish fighters recaptured the town on Monday after three days of heavy fighting "
         "with the militants that has left some 90 people dead.", "fighting", ("recaptured",), 90),
        # a lead-up the capture absorbed (no trigger of its own) leaves its toll to the capture
        ("Kurdish fighters recaptured the town on Monday after three days of heavy fighting "
         "with the militants that has left some 90 people dead.", "recaptured", (), 90),
        # a toll tied to the capture stays the capture's
        ("Eight soldiers were killed when the rebels overran the checkpoint.", "overran", (), 8),
        # the dead and the wounded of one attack: the trigger hangs under the wound verb
        ("In another incident, one police officer was killed and four others were injured in a "
         "militant attack near the border, the ministry said.", "attack", (), 1),
        ("Three villagers were killed and eight others were injured in the east of the town due "
         "to the explosion of a car bomb, a source said.", "explosion", (), 3),
    ],
)
def test_sentence_counts_issue9(sentence, trigger, others, expected):
    assert _count_among(sentence, trigger, others) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The jets hit the clinic in the village before dawn killing three nurses.",
        "The jets hit the clinic in the village after midnight, killing three nurses.",
    ],
)
def test_a_time_phrase_is_no_other_happening(sentence):
    assert _sentence_count(sentence, "jets") == 3


def test_a_count_of_groups_is_no_toll():
    doc = load_nlp()("The army said it eliminated dozens of terrorist gangs near the village.")
    kill = next(t for t in doc if t.lower_ == "eliminated")
    assert _tolls().fatalities_of(kill) is None
    doc = load_nlp()("The monitor documented the death of 45 fighters, including 31 of the militant groups.")
    kill = next(t for t in doc if t.lower_ == "death")
    assert _tolls().fatalities_of(kill) == 45
