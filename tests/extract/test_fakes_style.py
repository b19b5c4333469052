"""Wire-style casualty reports (sentences written for the tests): cause, actors, place."""

from __future__ import annotations

from claimkit import only

SYR = "Military Forces of Syria (2000-2024)"


def test_bare_strikes_are_air_strikes(claims_of):
    claim = only(claims_of("Strikes killed 45 people in Douma on Thursday."), "strikes")
    assert claim.sub_event_type == "Air/drone strike" and claim.fatalities == 45


def test_a_labour_strike_is_no_event(claims_of):
    assert not claims_of("Teachers went on strike in Damascus on Monday.")


def test_bombing_raids_are_air_strikes(claims_of):
    claim = only(claims_of("Regime bombing raids killed 31 civilians in Aleppo on Friday."), "raids")
    assert claim.sub_event_type == "Air/drone strike" and claim.actor1.name == SYR


def test_car_bomb_attack_is_a_remote_explosive(claims_of):
    claim = only(claims_of("At least six people were killed in a car bomb attack in Homs."), "attack")
    assert claim.sub_event_type == "Remote explosive/landmine/IED"
    # nobody named: the unclaimed stand-in of triggers.yaml, no actor of the text
    assert claim.actor1 is not None and claim.actor1.surface is None
    assert claim.actor1.name == "Unidentified Armed Group (Syria)"


def test_carried_out_by_names_the_attacker(claims_of):
    text = (
        "At least 20 people were killed on Saturday in a barrel bomb attack carried out by "
        "Syrian regime troops in Aleppo province."
    )
    claim = only(claims_of(text), "attack")
    assert claim.actor1.name == SYR and claim.actor2.name == "Civilians (Syria)"


def test_nationality_before_an_air_strike(claims_of):
    text = "Eight women were killed in Syrian air strikes on Tuesday in Maarat al-Numan."
    claim = only(claims_of(text), "strikes")
    assert claim.actor1.name == SYR and claim.fatalities == 8


def test_victims_are_never_the_attacker(claims_of):
    text = "At least 14 rebels were killed in clashes with government troops near Hama on Sunday."
    claim = only(claims_of(text), "clashes")
    assert claim.actor1.name == SYR
    assert claim.actor2.name == "Opposition Rebels (Syria)"


def test_country_gives_way_to_the_previous_town(claims_of):
    text = (
        "Rebels shelled the town of Maarat al-Numan on Monday. "
        "Air strikes in Syria killed 12 people on Tuesday."
    )
    claim = only(claims_of(text), "strikes")
    assert claim.location.text == "Maarat al-Numan" and claim.geo_precision in (2, 3)
    lone = only(claims_of("Air strikes in Syria killed 12 people on Tuesday."), "strikes")
    assert lone.location.text == "Syria" and lone.geo_precision == 3


def test_toll_of_a_participle_victims_phrase(claims_of):
    text = "Two nurses were among 27 people killed on Monday in army shelling on the town of Kafr Nabl."
    claim = only(claims_of(text), "shelling")
    assert claim.fatalities == 27


def test_wounded_counted_apart_keep_the_toll(claims_of):
    text = "At least 9 civilians were killed and 30 others wounded when jets struck Ariha on Monday."
    claim = only(claims_of(text), "struck")
    assert claim.fatalities == 9


def test_government_premodifier_of_shelling_is_the_attacker(claims_of):
    text = "Nine people were killed on Monday in Syrian government shelling of a village near Hama."
    claim = only(claims_of(text), "shelling")
    assert claim.actor1 is not None and claim.actor1.name == SYR


def test_leader_of_led_strikes_is_the_attacker(claims_of):
    claim = only(claims_of("US-led strikes killed 11 jihadists near Tabqa on Sunday."), "strikes")
    assert claim.actor1 is not None and "United States" in (claim.actor1.name or "")


def test_unattributed_bombing_of_civilians_stays_unknown(claims_of):
    text = (
        "Syrian troops took control of a hill near Homs on Sunday. "
        "Seven civilians killed 3 injured in terrorist bombing in Homs."
    )
    killings = [c for c in claims_of(text) if c.fatalities == 7]
    assert killings and all(c.actor1 is None or c.actor1.name is None for c in killings)
