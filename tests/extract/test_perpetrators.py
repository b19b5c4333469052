"""Perpetrators named apart from the trigger (sentences written for the tests): weapon owners
inside compound nouns, and groups that claim or are blamed for an attack."""

from __future__ import annotations

import pytest
from claimkit import only

SYR = "Military Forces of Syria (2000-2024)"
IS = "Islamic State (Syria)"


def test_weapon_owner_in_a_compound_before_the_trigger(claims_of):
    claim = only(claims_of("A barrel bomb attack killed four civilians in Hama on Tuesday."), "attack")
    assert claim.actor1 is not None and claim.actor1.name == SYR


def test_weapon_owner_as_the_trigger_noun(claims_of):
    text = "Barrel bombs dropped on the village of Kafr Nabl killed three people on Sunday."
    claim = only(claims_of(text), "bombs")
    assert claim.actor1 is not None and claim.actor1.name == SYR


def test_an_attack_claimed_by_a_group_in_the_same_sentence(claims_of):
    text = "A car bomb killed nine people in Tartus on Monday, an attack claimed by Daesh."
    claim = only(claims_of(text), "bomb")
    assert claim.actor1 is not None and claim.actor1.name == IS


def test_responsibility_claimed_in_the_next_sentence(claims_of):
    text = (
        "A suicide bombing killed 14 people in Manbij on Thursday. "
        "The Islamic State group claimed responsibility for the bombing."
    )
    claims = [c for c in claims_of(text) if c.event_type == "Explosions/Remote violence"]
    assert claims and all(c.actor1 is not None and c.actor1.name == IS for c in claims)


def test_blamed_on_names_the_attacker_not_the_victim(claims_of):
    text = "A blast killed eight people in Jarablus on Friday. The blast was blamed on ISIS."
    claims = [c for c in claims_of(text) if c.trigger.lower() == "blast"]
    assert claims and all(c.actor1 is not None and c.actor1.name == IS for c in claims)
    assert all(c.actor2 is None or c.actor2.name != IS for c in claims)


def test_a_claim_of_responsibility_does_not_override_a_named_attacker(claims_of):
    text = (
        "Syrian troops shelled Douma on Monday, killing five people. "
        "Daesh claimed responsibility for the attack."
    )
    claim = only(claims_of(text), "shelled")
    assert claim.actor1 is not None and claim.actor1.name == SYR


def test_no_attack_no_credit(claims_of):
    claims = claims_of("Rebels captured the village of Tal Rifaat on Monday. IS claimed it was lying.")
    assert all(c.actor1 is None or c.actor1.name != IS for c in claims)


RUS = "Military Forces of Russia (2000-)"


def test_the_next_sentence_says_who_carried_out_the_strike(claims_of):
    text = ("An air strike killed nine civilians in the village of Kafr Zita on Monday. "
            "The monitor said the raid was carried out by Russian planes.")
    claim = only(claims_of(text), "strike")
    assert claim.actor1 is not None and claim.actor1.name == RUS


def test_an_actor_doing_the_strikes_of_the_previous_sentence(claims_of):
    text = ("Air strikes killed six people in Saraqib on Friday. "
            "Activists said Russian warplanes carried out the strikes.")
    claims = [c for c in claims_of(text) if c.trigger.lower() == "strikes"]
    assert claims and all(c.actor1 is not None and c.actor1.name == RUS for c in claims)


def test_believed_to_be_behind_the_attack(claims_of):
    text = ("A car bomb killed five people in Azaz on Sunday. "
            "The Islamic State group is believed to be behind the attack.")
    claims = [c for c in claims_of(text) if c.event_type == "Explosions/Remote violence"]
    assert claims and all(c.actor1 is not None and c.actor1.name == IS for c in claims)


NOT_RUSSIA = {
    "a denied deed names no one": ("An air strike killed nine civilians in the village of Kafr Zita on Monday. "
                                   "Moscow denied that Russia had carried out the raid.", "strike"),
    "a new strike of its own does not credit the previous sentence": (
        "Rebels entered the army base of Kafr Nabl on Sunday. "
        "Meanwhile, Russian jets carried out an air strike on Saraqib.", "entered"),
    "a state named without aircraft flies no strike": (
        "An air strike killed 15 civilians in the village of Kafr Zita on Saturday. "
        "Russian diplomats met Turkish officials in Ankara on Sunday.", "strike"),
}


@pytest.mark.parametrize("text, trigger", NOT_RUSSIA.values(), ids=list(NOT_RUSSIA))
def test_russia_is_not_credited(claims_of, text, trigger):
    claim = only(claims_of(text), trigger)
    assert claim.actor1 is None or claim.actor1.name != RUS


INFERRED_FLIER = {
    "an unattributed air strike is the aircraft the report names": (
        "An air strike killed 15 civilians in the village of Kafr Zita on Saturday, a monitor said. "
        "Russian jets have been bombing the province for weeks in support of the government.", RUS),
    "a regime air strike is its military": (
        "An air strike killed 15 civilians in Saraqib on Saturday. "
        "Residents said Assad regime helicopters circled the town all day.", SYR),
}


@pytest.mark.parametrize("text, flier", INFERRED_FLIER.values(), ids=list(INFERRED_FLIER))
def test_an_unattributed_air_strike_is_the_flier_the_report_names(claims_of, text, flier):
    claim = only(claims_of(text), "strike")
    assert claim.actor1 is not None and claim.actor1.name == flier and claim.actor1.inferred


COALITION = "Global Coalition Against Daesh"


def test_aircraft_owned_by_a_named_coalition(claims_of):
    text = ("Air strikes killed 20 civilians in Al-Bukamal on Tuesday. "
            "Witnesses said the planes belonged to the US-led coalition.")
    claims = [c for c in claims_of(text) if c.trigger.lower() == "strikes"]
    assert claims and all(c.actor1 is not None and c.actor1.name == COALITION for c in claims)


def test_the_same_attack_told_twice_takes_the_author_named_once(claims_of):
    text = ("A suicide bomb blast struck the town of Dumayr on Sunday, killing 14 fighters. "
            "Fourteen members of the rebel group were killed when a suicide bomber targeted their positions. "
            "The Islamic State group is believed to be behind the suicide attack.")
    claims = [c for c in claims_of(text) if c.sub_event_type == "Suicide bomb" and c.fatalities == 14]
    assert len(claims) >= 2 and all(c.actor1 is not None and c.actor1.name == IS for c in claims)


def test_a_different_toll_is_another_attack(claims_of):
    text = ("A suicide bomb blast struck the town of Dumayr on Sunday, killing 14 fighters. "
            "In Azaz, a suicide bomber killed six people on Monday. "
            "The Islamic State group claimed responsibility for the Azaz bombing.")
    claims = [c for c in claims_of(text) if c.sub_event_type == "Suicide bomb" and c.fatalities == 14]
    assert claims and all(c.actor1 is None or c.actor1.name != IS for c in claims)


def test_the_dead_of_a_headline_run_into_the_lead_do_not_claim_the_bombing(claims_of):
    text = ("More than 20 Kurdish fighters killed in IS group suicide blast The Islamic State militants group "
            "on Sunday claimed responsibility for a suicide bombing that killed more than 20 Kurdish fighters "
            "near Hasakah.")
    claims = [c for c in claims_of(text) if c.trigger in {"blast", "bombing"}]
    assert claims and all(c.actor1 is not None and c.actor1.name == "Islamic State (Syria)" for c in claims)


BLAMED = "At least 12 civilians were killed on Monday when a missile struck a market in Maarat al-Numan"
BOMBED = "At least 15 people were killed on Sunday in a suicide bombing at a checkpoint in Jableh. "
ASSAD = "Military Forces of Syria (2000-2024)"
IS = "Islamic State (Syria)"


@pytest.mark.parametrize(("text", "trigger", "attacker"), [
    # a monitor blaming the attack on forces loyal to a leader
    (f"{BLAMED}, a monitoring group said. Another 30 were wounded, the monitor said, blaming the attack on "
     "forces loyal to President Bashar al-Assad.", "struck", ASSAD),
    # a claim of responsibility two sentences after the bombing
    (f"{BOMBED}The state news agency put the toll at 11. "
     "The Islamic State group claimed responsibility in a statement.", "bombing", IS),
], ids=["blamed-on-loyal-forces", "claimed-two-sentences-after"])
def test_the_attacker_named_after_the_attack(claims_of, text, trigger, attacker):
    claim = only(claims_of(text), trigger)
    assert claim.actor1 is not None and claim.actor1.name == attacker


@pytest.mark.parametrize(("text", "trigger", "not_attacker"), [
    # denying blame names no attacker
    (f"{BLAMED}. The ministry denied blaming the attack on government forces.", "struck", ASSAD),
    # a claim of responsibility long after the bombing names no one
    (f"{BOMBED}The state news agency put the toll at 11. Roads into the town were closed. "
     "Schools stayed shut on Monday. The Islamic State group claimed responsibility in a statement.",
     "bombing", IS),
], ids=["blame-denied", "claimed-long-after"])
def test_no_attacker_named_after_the_attack(claims_of, text, trigger, not_attacker):
    claim = only(claims_of(text), trigger)
    assert claim.actor1 is None or claim.actor1.name != not_attacker


def test_a_group_saying_it_killed_in_a_bombing_is_its_author(claims_of):
    text = "DAESH said that it killed at least 40 fighters in a suicide bombing at a checkpoint near Azaz."
    claim = only(claims_of(text), "bombing")
    assert claim.actor1 is not None and claim.actor1.name == "Islamic State (Syria)"


def test_a_monitor_saying_people_died_in_a_bombing_is_not_its_author(claims_of):
    text = "The Observatory said that 40 fighters were killed in a suicide bombing at a checkpoint near Azaz."
    claim = only(claims_of(text), "bombing")
    assert claim.actor1 is None or claim.actor1.name != "Islamic State (Syria)"


def test_a_monitor_saying_it_counted_the_dead_of_strikes_is_not_their_author(claims_of):
    text = "The Syrian Observatory for Human Rights said it documented 20 deaths in air strikes on Douma on Monday."
    claim = only(claims_of(text), "strikes")
    assert claim.actor1 is None or claim.actor1.name != "Military Forces of Syria (2000-2024)"
