"""Sub-types of generic violence triggers (sentences written for the tests): the instrument
or agent decides, then the phrase, then the event the article already named."""

from __future__ import annotations

import pytest
from claimkit import only

from frontlines.extract.lexicon import parse_lexicon
from frontlines.records import Status

AIR, SHELLING = "Air/drone strike", "Shelling/artillery/missile attack"
IED, CHEMICAL = "Remote explosive/landmine/IED", "Chemical weapon"


@pytest.mark.parametrize(
    ("text", "trigger", "sub_type"),
    [
        ("Within an hour the Russian planes had killed more than 40 people in Saraqib.",
         "killed", AIR),
        ("Government warplanes killed nine civilians in Kafr Nabl on Tuesday.", "killed", AIR),
        ("The Russian Aerospace Forces killed 30 militants near Palmyra on Sunday.", "killed", AIR),
        ("Helicopters killed 12 people in Daraya on Friday.", "killed", AIR),
        ("A mortar shell killed two children in Jaramana on Monday.", "killed", SHELLING),
        ("Rebel artillery killed three people in Aleppo on Monday.", "killed", SHELLING),
        ("A bomb killed six people in Qamishli on Wednesday.", "killed", IED),
        ("Nine people were killed in a double bombing in Homs on Monday.", "killed", IED),
        ("Five civilians were killed in a terrorist bombing in Damascus on Sunday.", "killed", IED),
        ("A double attack in Homs on Tuesday left 20 people dead.", "attack", IED),
    ],
)  # fmt: skip
def test_the_instrument_decides_a_generic_trigger(claims_of, text, trigger, sub_type):
    claim = only(claims_of(text), trigger)
    assert claim.sub_event_type == sub_type
    assert claim.event_type == "Explosions/Remote violence"


def test_the_killers_stay_the_actor_of_an_air_strike(claims_of):
    claim = only(claims_of("Syrian government warplanes killed nine civilians in Idlib on Monday."),
                 "killed")  # fmt: skip
    assert claim.actor1 is not None and "Syria" in (claim.actor1.name or "")
    assert claim.fatalities == 9


def test_chemical_words_beat_the_delivery(claims_of):
    text = "On Monday a helicopter struck a district of Saraqib with chlorine gas, killing five."
    assert only(claims_of(text), "struck").sub_event_type == CHEMICAL
    text = "Militants fired shells filled with toxic gas at Aleppo on Friday, killing four people."
    assert only(claims_of(text), "fired").sub_event_type == CHEMICAL


def test_a_gas_field_is_no_chemical_weapon(claims_of):
    claim = only(claims_of("ISIS fighters attacked the gas field near Palmyra on Monday."),
                 "attacked")  # fmt: skip
    assert claim.sub_event_type == "Armed clash"


def test_a_ground_attack_stays_a_clash(claims_of):
    claim = only(claims_of("ISIS fighters attacked an army checkpoint in Deir ez-Zor on Monday."),
                 "attacked")  # fmt: skip
    assert claim.sub_event_type == "Armed clash"


def test_raids_that_hit_a_place_are_air_raids(claims_of):
    claim = only(claims_of("Overnight raids hit a village near Maarat al-Numan on Tuesday."), "raids")
    assert claim.sub_event_type == AIR
    ground = only(claims_of("Gunmen raided the house of a local official in Daraa on Monday."),
                  "raided")  # fmt: skip
    assert ground.sub_event_type != AIR


def test_the_weapon_in_the_same_phrase_types_a_massacre(claims_of):
    text = (
        "The regime committed a massacre in the village of Tal Rifaat where 14 civilians were "
        "killed in a barrel bomb attack on Sunday."
    )
    assert only(claims_of(text), "massacre").sub_event_type == AIR


@pytest.mark.parametrize(
    ("first", "second", "trigger", "sub_type"),
    [
        ("A car bomb exploded at a checkpoint in Azaz on Monday.",
         "At least five civilians were killed and many more wounded in the attack.", "killed",
         IED),
        ("Government forces shelled the town of Douma on Monday.",
         "The attack killed at least 16 people.", "attack", SHELLING),
        ("Warplanes bombed a market in Ariha on Sunday.",
         "Rescuers said the massacre left 23 people dead.", "massacre", AIR),
    ],
)  # fmt: skip
def test_a_back_reference_takes_the_earlier_event_type(claims_of, first, second, trigger, sub_type):
    claim = only(claims_of(f"{first} {second}"), trigger)
    assert claim.sub_event_type == sub_type and "referred back" in (claim.notes or "")


def test_the_last_attack_is_another_event(claims_of):
    text = (
        "Government forces shelled the town of Douma on Monday. The last attack on the town, "
        "in April, killed seven people."
    )
    claim = only(claims_of(text), "attack")
    assert claim.sub_event_type == "Armed clash"


def test_no_back_reference_without_an_earlier_specific_event(claims_of):
    claim = only(claims_of("The attack killed at least 16 people in Homs on Monday."), "attack")
    assert claim.sub_event_type == "Armed clash"


def test_possible_strikes_are_expected(claims_of):
    text = "France backs action including possible strikes against government forces."
    assert only(claims_of(text), "strikes").status == Status.EXPECTED


def test_instrument_rows_are_validated():
    data = {
        "triggers": [{"id": "a", "pos": "verb", "lemmas": ["kill"], "generic": True,
                      "type": "Battles / Armed clash"}],
        "instruments": [{"words": ["jet"], "colour": "red", "type": "Explosions/Remote violence / Air"},
                        {"words": "$nothing", "type": "Battles / Armed clash"}, "jet"],
    }  # fmt: skip
    lexicon, errors = parse_lexicon(data)
    text = "\n".join(errors)
    for expected in ("'colour'", "'Air'", "unknown set '$nothing'", "not a mapping", "no words"):
        assert expected in text
    assert lexicon.rules[0].generic


def test_a_negated_prospect_adjective_leaves_the_event_factual(claims_of):
    text = "Airdrops not imminent Regime bombing raids killed 12 people in Aleppo on Friday."
    claims = [c for c in claims_of(text) if c.trigger == "raids"]
    assert claims and claims[0].status != Status.EXPECTED


def test_a_raid_by_fighters_on_foot_is_no_air_strike(claims_of):
    claim = only(claims_of("The militants' raid on the village of Tal Jamal killed 12 civilians on Monday."), "raid")
    assert claim.sub_event_type != "Air/drone strike"
    claim = only(claims_of("Overnight raids hit the village of Tal Jamal, killing 12 civilians."), "raids")
    assert claim.sub_event_type == "Air/drone strike"
