"""Fatality counts from kill words (sentences written for the tests)."""

from __future__ import annotations

import pytest

from frontlines.extract.fatalities import fatalities_of
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
    ],
)
def test_not_a_toll(sentence):
    assert _count(sentence) is None
