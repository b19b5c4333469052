"""Title-case headlines glued to the body, and wire tolls (sentences written for the tests)."""

from __future__ import annotations

from claimkit import only

from frontlines.extract.headline import truecase

SYR = "Military Forces of Syria (2000-2024)"


def test_truecase_lowers_the_common_words_of_a_headline():
    text = "3 June 2015 Nine Civilians Killed 20 Injured in Regime Shelling on Harasta The town"
    assert truecase(text) == (
        "3 June 2015 Nine civilians killed 20 injured in regime shelling on Harasta The town"
    )
    assert len(truecase(text)) == len(text)


def test_truecase_leaves_ordinary_sentences_and_names_alone():
    for text in ("The Free Syrian Army said on Monday.", "The Army advanced toward Hama."):
        assert truecase(text) == text


def test_headline_toll_is_the_killed_not_the_injured(claims_of):
    claims = claims_of("3 June 2015 Nine Civilians Killed 20 Injured in Regime Shelling on Harasta.")
    claim = only(claims, "shelling")
    assert claim.fatalities == 9
    assert claim.actor1 is not None and claim.actor1.name == SYR


def test_killed_in_regime_shelling_names_the_shelling_side(claims_of):
    claim = only(claims_of("Six people were killed in regime shelling on Harasta on Monday."), "shelling")
    assert claim.fatalities == 6 and claim.actor1.name == SYR


def test_wounded_soldiers_killed_are_still_counted(claims_of):
    claim = only(claims_of("Rebels killed 11 wounded soldiers near Hama on Monday."), "killed")
    assert claim.fatalities == 11


def test_killed_and_wounded_aggregate_is_still_no_event(claims_of):
    claims = claims_of("The toll of the week is over 300 killed and wounded.")
    assert all(c.fatalities is None for c in claims)
