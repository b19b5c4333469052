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


# --- onlookers (hedges.yaml onlooker_verbs): who tells of or reacts to an attack did not do it


def test_the_teller_is_not_the_attacker_when_the_parse_takes_the_toll_as_object(claims_of):
    text = "Turkey says 14 Kurdish fighters killed in Russian-led strikes near Tal Rifaat on Monday."
    claims = [c for c in claims_of(text) if c.trigger == "strikes"]
    assert claims and all(c.actor1 is None or "Turkey" not in (c.actor1.name or "") for c in claims)
    assert any(c.actor1 is not None and "Russia" in (c.actor1.name or "") for c in claims)


def test_one_calling_for_access_to_the_site_is_not_the_attacker(claims_of):
    text = "The United States called for immediate access to the site of the alleged chemical attack in Saraqib."
    claims = claims_of(text)
    assert claims and all(c.actor1 is None or "United States" not in (c.actor1.name or "") for c in claims)


def test_the_agent_of_reported_by_is_not_the_attacker(claims_of):
    text = "The explosion in Jableh was also reported by Syrian state television on Monday."
    assert _unnamed(only(claims_of(text), "explosion").actor1)


def test_one_naming_the_attack_is_not_its_author(claims_of):
    text = "A car bomb killed five people in Azaz on Monday; Turkey has called the attack a massacre."
    claims = claims_of(text)
    assert all(c.actor1 is None or "Turkey" not in (c.actor1.name or "") for c in claims)


def test_a_place_naming_a_district_is_not_the_attacker(claims_of):
    text = "A bus blast in Damascus central district killed six people on Monday."
    assert all(_unnamed(c.actor1) for c in claims_of(text))


def test_onlooker_verbs_do_not_remove_the_announcer_of_its_own_strikes(claims_of):
    text = "The Russian Defence Ministry announced that its warplanes struck Islamic State positions near Palmyra."
    claims = [c for c in claims_of(text) if c.trigger == "struck"]
    assert claims and claims[0].actor1 is not None and "Russia" in (claims[0].actor1.name or "")


# --- the side an attack hit, or an earlier attack, names no attacker


def _not_rebels(actor) -> bool:  # type: ignore[no-untyped-def]
    return actor is None or actor.name != "Opposition Rebels (Syria)"


def test_the_object_of_a_bombardment_is_not_its_author(claims_of):
    text = ("Shelling of rebel bastion near Hama kills 9 At least nine civilians were killed on Monday in "
            "heavy aerial bombardment of several opposition-held villages in Hama province a monitoring group said.")
    claims = [c for c in claims_of(text) if c.trigger == "bombardment"]
    assert claims and all(_not_rebels(c.actor1) for c in claims)


def test_an_earlier_attack_after_which_strikes_came_names_no_author(claims_of):
    text = ("Syria strikes kill 30 after rebel fire on Damascus Monitor At least 30 people were killed in "
            "air raids on Douma on Thursday.")
    claims = [c for c in claims_of(text) if c.trigger in {"strikes", "raids"}]
    assert claims and all(_not_rebels(c.actor1) for c in claims)


def test_a_side_reporting_a_battle_is_a_side_of_it(claims_of):
    claim = only(claims_of("The YPG reported clashes with IS near Hasakah on Monday."), "clashes")
    assert claim.actor1 is not None and claim.actor1.name == "YPG: People's Protection Units"


def test_a_force_reporting_its_own_killing_is_the_killer(claims_of):
    claim = only(claims_of("The Kurdish YPG reported killing 20 IS fighters near Hasakah on Monday."), "killing")
    assert claim.actor1 is not None and claim.actor1.name == "YPG: People's Protection Units"
