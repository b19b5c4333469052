"""Actor words that name an actor only in passing (sentences written for the tests)."""

from __future__ import annotations

from claimkit import only

SYR = "Military Forces of Syria (2000-2024)"
#: the stand-in of an unclaimed bombing (triggers.yaml ``unclaimed``): no actor of the text
UNCLAIMED = "Unidentified Armed Group (Syria)"


def _unnamed(actor) -> bool:  # type: ignore[no-untyped-def]
    return actor is None or (actor.name == UNCLAIMED and actor.surface is None)


def test_a_monitor_named_after_a_country_is_not_the_attacker(claims_of):
    text = "The Syrian Network for Civil Rights said a car bomb attack killed 9 people in Azaz."
    claim = only(claims_of(text), "attack")
    assert _unnamed(claim.actor1)


def test_state_tv_is_not_the_attacker(claims_of):
    text = "Syrian state television said a car bomb attack killed 6 people in Jableh."
    assert _unnamed(only(claims_of(text), "attack").actor1)


def test_a_dateline_is_not_the_attacker(claims_of):
    text = "MOSCOW (Interfax) An explosion occurred near a market in Homs, local media said Monday."
    assert _unnamed(only(claims_of(text), "explosion").actor1)


def test_a_nationality_before_a_person_is_no_actor(claims_of):
    text = "A Syrian boy walks past rubble after an airstrike on Sarmin in Idlib."
    assert only(claims_of(text), "airstrike").actor1 is None


def test_the_speaker_is_not_the_actor_of_the_reported_clause(claims_of):
    text = "Russian media reported that a bombing killed 4 people in Qamishli on Monday."
    assert only(claims_of(text), "killed").actor1 is None


def test_between_names_both_sides(claims_of):
    text = "Twenty people were killed in fighting between government troops and ISIS near Sukhna."
    claim = only(claims_of(text), "fighting")
    assert claim.actor1.name == SYR and claim.actor2.name == "Islamic State (Syria)"


def test_possessive_government_and_bare_government(claims_of):
    text = "Nine civilians were killed in air strikes by Syria's government on Monday in Binnish."
    assert only(claims_of(text), "strikes").actor1.name == SYR
    text = "Government shelling killed four people in Harasta on Monday."
    assert only(claims_of(text), "shelling").actor1.name == SYR


def test_government_held_is_not_the_attacker(claims_of):
    text = "Mortars hit government-held areas of Daraa on Monday."
    claims = claims_of(text)
    assert all(c.actor1 is None or c.actor1.name != SYR for c in claims)
