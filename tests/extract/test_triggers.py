"""Every trigger family of the lexicon maps to its ACLED type (sentences written for the tests)."""

from __future__ import annotations

import pytest
from claimkit import only

FAMILIES = [
    (
        "The army captured the village of Khan Tuman on Monday.",
        "captured",
        "Battles",
        "Government regains territory",
    ),
    (
        "Troops retook the town of Tadef on Sunday.",
        "retook",
        "Battles",
        "Government regains territory",
    ),
    (
        "Government forces liberated the district of Jobar last week.",
        "liberated",
        "Battles",
        "Government regains territory",
    ),
    (
        "Rebels seized the town of Morek on Friday.",
        "seized",
        "Battles",
        "Non-state actor overtakes territory",
    ),
    (
        "The army broke the siege of the town of Kuweires on Tuesday.",
        "broke",
        "Battles",
        "Government regains territory",
    ),
    (
        "Troops encircled the militants in the town of Uqayribat on Monday.",
        "encircled",
        "Battles",
        "Armed clash",
    ),
    (
        "Heavy clashes erupted between the army and the rebels in Jobar on Monday.",
        "clashes",
        "Battles",
        "Armed clash",
    ),
    (
        "The militants attacked an army checkpoint near Hama on Sunday.",
        "attacked",
        "Battles",
        "Armed clash",
    ),
    (
        "The rebels launched a counter-offensive near Khanasir on Friday.",
        "offensive",
        "Battles",
        "Armed clash",
    ),
    (
        "The army launched an operation against the militants in Wadi Barada on Monday.",
        "operation",
        "Battles",
        "Armed clash",
    ),
    (
        "The army repelled an attack by the rebels on Mahardah on Saturday.",
        "repelled",
        "Battles",
        "Armed clash",
    ),
    (
        "Kurdish fighters conducted a raid on the village of Tal Samen on Monday.",
        "raid",
        "Battles",
        "Armed clash",
    ),
    (
        "Russian warplanes carried out air strikes on Saraqib on Monday.",
        "strikes",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        "The army shelled the town of Kafr Zita on Tuesday.",
        "shelled",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        "Cruise missiles destroyed a depot near Palmyra on Monday.",
        "destroyed",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        "A chemical attack hit the town of Khan Shaykhun on Tuesday.",
        "attack",
        "Explosions/Remote violence",
        "Chemical weapon",
    ),
    (
        "The militants executed five prisoners in Raqqa on Monday.",
        "executed",
        "Violence against civilians",
        "Attack",
    ),
    (
        "Gunmen abducted a doctor in Douma on Monday.",
        "abducted",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (
        "The militants killed seven civilians in the village of Aqarib on Monday.",
        "killed",
        "Violence against civilians",
        "Attack",
    ),
    (
        "Troops captured 20 anti-tank missiles near Hama on Monday.",
        "captured",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    (
        "The army deployed reinforcements to the town of Suran on Monday.",
        "deployed",
        "Strategic developments",
        "Change to group/activity",
    ),
    (
        "The militants withdrew from the town of Jarablus on Monday.",
        "withdrew",
        "Strategic developments",
        "Change to group/activity",
    ),
    (
        "Russian troops established a base near Qamishli on Monday.",
        "established",
        "Strategic developments",
        "Headquarters or base established",
    ),
    (
        "The two sides signed a truce agreement in Homs on Monday.",
        "signed",
        "Strategic developments",
        "Agreement",
    ),
    (
        "Police arrested ten activists in Latakia on Monday.",
        "arrested",
        "Strategic developments",
        "Arrests",
    ),
    (
        "The rebels handed over the town of Tal Abyad to the army on Monday.",
        "handed",
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    (
        "Hundreds of residents protested in the town of Saraqib on Friday.",
        "protested",
        "Protests",
        "Peaceful protest",
    ),
    # strategic developments of the later war (written for these tests)
    ("A ceasefire took effect in the town of Kafr Zita at midnight on Sunday.", "took",
     "Strategic developments", "Agreement"),
    ("The truce came into force in Daraa on Friday.", "came", "Strategic developments", "Agreement"),
    ("Government forces and rebels exchanged prisoners in Hama on Tuesday.", "exchanged",
     "Strategic developments", "Agreement"),
    ("Russian and Turkish troops conducted a joint patrol near Kobani on Tuesday.", "patrol",
     "Strategic developments", "Change to group/activity"),
    ("Russian military police began patrolling Manbij on Friday.", "patrolling",
     "Strategic developments", "Change to group/activity"),
    ("Rebel groups in Idlib merged into a new alliance on Saturday.", "merged",
     "Strategic developments", "Change to group/activity"),
    ("Five factions formed a new coalition in Idlib on Monday.", "formed",
     "Strategic developments", "Change to group/activity"),
    ("A convoy of Turkish armoured vehicles entered Idlib province on Monday.", "entered",
     "Strategic developments", "Change to group/activity"),
    ("The army took up positions along the border near Tal Abyad on Monday.", "took",
     "Strategic developments", "Change to group/activity"),
    ("Hezbollah fighters arrived in Qusayr on Sunday.", "arrived",
     "Strategic developments", "Change to group/activity"),
    ("Hundreds of fighters were evacuated from Harasta to Idlib on Thursday.", "evacuated",
     "Strategic developments", "Change to group/activity"),
    ("The first buses carrying rebel fighters left Douma on Monday.", "left",
     "Strategic developments", "Change to group/activity"),
    ("A second batch of militants left the town of Madaya on Wednesday.", "left",
     "Strategic developments", "Change to group/activity"),
    ("The militants surrendered to the army in Beit Jinn on Friday.", "surrendered",
     "Strategic developments", "Other"),
    ("Nineteen soldiers were captured by rebels near Idlib on Monday.", "captured", "Battles", "Armed clash"),
    ("Syrian warplanes targeted areas in the town of Erbeen on Monday.", "targeted",
     "Explosions/Remote violence", "Air/drone strike"),
]


def test_strategic_rules_keep_to_their_subjects(claims_of):
    # the law is no agreement, the reporters' buses carry no forces, a town's people do not merge
    assert not [c for c in claims_of("The new law came into force in Damascus on Monday.")
                if c.event_type == "Strategic developments"]
    assert not [c for c in claims_of("Buses carrying journalists left Douma on Monday.")
                if c.sub_event_type == "Change to group/activity"]
    # troops that enter a town still take it
    claim = only(claims_of("Troops entered the town of Tal Abyad on Sunday."), "entered")
    assert claim.sub_event_type == "Government regains territory"


@pytest.mark.parametrize(("sentence", "trigger", "event_type", "sub_type"), FAMILIES)
def test_trigger_family(claims_of, sentence, trigger, event_type, sub_type):
    claim = only(claims_of(sentence), trigger)
    assert (claim.event_type, claim.sub_event_type) == (event_type, sub_type)
    assert claim.factual


@pytest.mark.parametrize(
    ("sentence", "trigger", "sub_type"),
    [
        (
            "A car bomb exploded in the city of Azaz on Monday.",
            "bomb",
            "Remote explosive/landmine/IED",
        ),
        ("A suicide bomber struck a checkpoint in Jableh on Monday.", "bomber", "Suicide bomb"),
        ("A drone strike hit a car near Idlib on Monday.", "strike", "Air/drone strike"),
        (
            "Air strikes killed twelve civilians in Saraqib on Monday.",
            "strikes",
            "Air/drone strike",
        ),
    ],
)
def test_a_weapon_subject_names_the_event(claims_of, sentence, trigger, sub_type):
    claims = claims_of(sentence)
    assert [(c.trigger, c.sub_event_type) for c in claims] == [(trigger, sub_type)]


def test_a_besieged_city_is_a_state_not_an_event(claims_of):
    assert claims_of("Food prices rose sharply in the besieged city of Madaya.") == []


def test_fighting_unit_is_not_a_clash(claims_of):
    assert claims_of("The brigade has a reputation as a fighting unit.") == []


def test_percent_liberated_is_a_statistic(claims_of):
    assert claims_of("The army has liberated 60 percent of the province.") == []


def test_noun_argument_of_a_verb_trigger_is_one_event(claims_of):
    claims = claims_of(
        "The army repelled an attack by the militants on the town of Mahardah on Monday."
    )
    assert [c.trigger for c in claims] == ["repelled"]


def test_idioms_and_descriptions_are_no_new_events(claims_of):
    # "took place" is no capture of the place named after it
    claims = claims_of("An exchange of rocket fire took place on the frontlines of Jabal al-Zawiya on Monday.")
    assert not [c for c in claims if c.event_type == "Battles" and c.sub_event_type != "Armed clash"]
    # the part of a place taken is a capture ("took part in" is not)
    claim = only(claims_of("Government forces captured the eastern part of the Jobar neighbourhood on Monday."),
                 "captured")
    assert claim.sub_event_type == "Government regains territory"
    assert not [c for c in claims_of("Rebels took part in the battle for Morek on Monday.") if c.trigger == "took"]
    # "took hold of" still is one
    claim = only(claims_of("Rebels took hold of the village of Tal Jamal on Monday."), "took")
    assert claim.sub_event_type == "Non-state actor overtakes territory"
    # a copula's description of an attack already told is no second attack
    assert not claims_of("It was the bloodiest opposition assault on the area in three years, a monitor said.")
    assert claims_of("There was an attack on an army checkpoint near Hama on Monday.")
