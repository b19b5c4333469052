"""Rows an analyst can trust, fourth pass: the first-named of coordinated attackers is actor1
and the other is no opponent; the words of what a strike hit are never its author; the
subject of "learned that ..." is a source, not the bomber; a foreign state's capture overtakes
territory.  Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from claimkit import only

from factories import packaged_kb

PUBLISHED = dt.date(2018, 3, 14)  # a Wednesday
TURKEY = "Military Forces of Turkey (2016-)"
FSA = "Free Syrian Army"
YPG = "YPG: People's Protection Units"


@pytest.mark.parametrize(("text", "first", "other"), [
    ("The Turkish Armed Forces and the Free Syrian Army captured the village of Kafr Tala from the YPG "
     "on Monday.", TURKEY, FSA),
    ("The Free Syrian Army and Turkish troops captured the village of Kafr Tala from the YPG on Monday.",
     FSA, TURKEY),
])
def test_the_first_named_co_actor_is_actor1(claims_of, text: str, first: str, other: str) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of(text, PUBLISHED), "captured")
    assert found.actor1 is not None and found.actor1.name == first
    assert found.actor2 is not None and found.actor2.name == YPG


def test_a_co_actor_is_not_inferred_as_the_loser(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of("The Free Syrian Army and Turkish troops captured the village of Kafr Tala "
                           "on Monday.", PUBLISHED), "captured")
    assert found.actor2 is None or found.actor2.name != TURKEY


def test_the_dead_of_a_strike_are_not_its_author(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Turkish warplanes destroyed 12 ISIS positions and killed 30 members of the group in air "
            "strikes on Kafr Tala on Monday.")
    found = only(claims_of(text, PUBLISHED), "strikes")
    assert found.actor1 is not None and found.actor1.name == TURKEY


@pytest.mark.parametrize(("text", "word", "target"), [
    ("Jets destroyed 17 ISIS positions near the town.", "ISIS", True),
    ("Jets killed 26 members of the ISIS group near the town.", "ISIS", True),
    ("ISIS fighters destroyed the bridge near the town.", "ISIS", False),
])
def test_the_words_of_what_was_hit_name_a_target(extractor, text: str, word: str, target: bool) -> None:  # type: ignore[no-untyped-def]
    from frontlines.extract.roles import hit_target

    token = next(t for t in extractor.nlp(text) if t.text == word)
    assert hit_target(token) is target


def test_whoever_learned_of_a_bombing_did_not_detonate_it(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Police officers learned that one of the attackers detonated his explosive belt at the gate "
            "of the station in Kafr Tala on Monday.")
    found = only(claims_of(text, PUBLISHED), "detonated")
    assert found.actor1 is None or found.actor1.name != "Police Forces of Syria (2000-2024)"


@pytest.mark.parametrize(("text", "sub"), [
    ("Turkish troops captured the village of Kafr Tala from the YPG on Monday.",
     "Non-state actor overtakes territory"),
    ("Syrian troops captured the village of Kafr Tala from the rebels on Monday.",
     "Government regains territory"),
])
def test_a_foreign_state_overtakes_territory(claims_of, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert only(claims_of(text, PUBLISHED), "captured").sub_event_type == sub


@pytest.mark.parametrize(("text", "trigger", "first", "second"), [
    ("Fighting between rebels and Hezbollah raged in the village of Kafr Tala on Monday.", "Fighting",
     "Opposition Rebels (Syria)", "Hezbollah"),
    ("Heavy clashes erupted on Monday between Assad militiamen and Nusra Front fighters in Kafr Tala.",
     "clashes", "Military Forces of Syria (2000-2024)", "Hayat Tahrir al Sham"),
])
def test_fighting_between_two_sides(claims_of, text: str, trigger: str, first: str, second: str) -> None:  # type: ignore[no-untyped-def]
    """ "Fighting between X and Y" names both sides, whether the parser reads the word as a noun
    or a verb; the government's militias are its forces (ACLED codes them to the military)."""
    found = only(claims_of(text, PUBLISHED), trigger)
    assert found.actor1 is not None and found.actor1.name == first
    assert found.actor2 is not None and found.actor2.name == second


def test_a_clause_after_the_speaker_is_the_takers(claims_of) -> None:  # type: ignore[no-untyped-def]
    """ "X took the town, the ministry said, raising the flag": X raised it; the flag is no side."""
    text = ("Syrian troops took full control of the town of Kafr Tala on Thursday, the Russian defence "
            "ministry said, raising the government flag over the town.")
    found = only(claims_of(text, PUBLISHED), "raising")
    assert found.actor1 is not None and found.actor1.name == "Military Forces of Syria (2000-2024)"
    assert found.actor2 is None or found.actor2.name != found.actor1.name


def test_turkey_s_government_and_its_name_for_the_ypg(claims_of) -> None:  # type: ignore[no-untyped-def]
    """Turkey's government signs (its forces fight); Turkish reports name the YPG "PYD/PKK"."""
    text = "The Turkish government reached an agreement with Washington on Thursday to halt the offensive."
    found = only(claims_of(text, PUBLISHED), "reached")
    assert found.actor1 is not None and found.actor1.name == "Government of Turkey (2016-)"
    assert packaged_kb().actors.lookup("PYD/PKK terrorists").name == YPG


@pytest.mark.parametrize(("text", "trigger", "sub"), [
    ("The US-led coalition committed a new massacre in the town of Kafr Tala on Friday, killing 12 "
     "civilians.", "massacre", "Air/drone strike"),
    ("The rebel coalition attacked the town of Kafr Tala on Friday.", "attacked", "Armed clash"),
])
def test_the_international_coalition_strikes_from_the_air(claims_of, text: str, trigger: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    """ACLED codes the US-led coalition's violence in Syria as air strikes; a rebel coalition
    is not that coalition."""
    assert only(claims_of(text, PUBLISHED), trigger).sub_event_type == sub
