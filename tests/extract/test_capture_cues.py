"""Capture and control cues of issue 10 (invented sentences): control claimed or restored,
flags raised, security restored, fighters expelled, fighters evacuated, actors by era."""

from __future__ import annotations

import pytest

from frontlines.records import Claim

NONSTATE = "Non-state actor overtakes territory"
STATE = "Government regains territory"


def one(claims: list[Claim], trigger: str) -> Claim:
    [claim] = [c for c in claims if c.trigger == trigger]
    return claim


@pytest.mark.parametrize(("text", "trigger", "sub"), [
    ("The YPG said it reestablished full control over Manbij on Saturday.", "reestablished", NONSTATE),
    ("Rebels also claimed control of the border crossing at Azaz.", "claimed", NONSTATE),
    ("Opposition fighters raised their flag over the town of Binnish on Monday.", "raised", NONSTATE),
    ("Army units restored security and stability to Khan Tuman village on Friday.", "restored", STATE),
    ("YPG fighters expelled Islamic State fighters from Tell Tamr.", "expelled", NONSTATE),
    ("Kurdish fighters have driven Islamic State out of Tell Tamr.", "driven", NONSTATE),
    ("The army expelled Daesh from Khan Tuman on Friday.", "expelled", STATE),
    ("The evacuation of fighters from Zabadani under a deal began on Monday.", "evacuation",
     "Non-violent transfer of territory"),
])
def test_control_phrases_are_territorial_claims(claims_of, text: str, trigger: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert one(claims_of(text), trigger).sub_event_type == sub


def test_restored_security_is_a_capture_beside_another_trigger(claims_of) -> None:  # type: ignore[no-untyped-def]
    # an operation or an attack named in the same sentence does not hide the retaken place
    claims = claims_of("After a series of successful operations, army units restored security and stability "
                       "to Khan Tuman village on Friday.")
    assert one(claims, "restored").sub_event_type == STATE


def test_a_capture_told_in_an_as_clause_with_its_own_subject_is_a_capture(claims_of) -> None:  # type: ignore[no-untyped-def]
    # the clause keeps its own standing: not the aside of "as agreed", not the "has yet to" above it
    claims = claims_of("The army has yet to let up its assault in southern Idlib, as its troops captured the "
                       "town of Khan Tuman on Thursday.")
    captured = one(claims, "captured")
    assert (captured.sub_event_type, captured.status.value) == (STATE, "asserted")
    assert not [c for c in claims_of("The rebels withdrew from Khan Tuman, as agreed by the sides.")
                if c.trigger == "agreed" and c.factual]


def test_what_is_no_capture_stays_none(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in claims_of("Turkey expelled two diplomats on Monday.") if c.trigger == "expelled"]
    assert not [c for c in claims_of("The evacuation of civilians from Zabadani began on Monday.")
                if c.trigger == "evacuation"]


@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("The al-Qaeda breakaway group stormed the Kuweires air base.", "stormed", "Islamic State (Syria)"),
    ("A Syrian Kurdish militia said on 1 July 2015 it had recovered the town of Manbij.", "recovered",
     "YPG: People's Protection Units"),
    ("A Syrian Kurdish militia said on 1 July 2016 it had recovered the town of Manbij.", "recovered",
     "QSD: Syrian Democratic Forces"),
    ("Turkish-backed rebels seized the town of Manbij on 3 March 2018.", "seized", "Free Syrian Army"),
    ("Turkish-backed rebels seized the town of Manbij on 12 October 2019.", "seized", "Syrian National Army"),
])
def test_actor_names_by_era(claims_of, text: str, trigger: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    claim = one(claims_of(text), trigger)
    assert claim.actor1 is not None and claim.actor1.name == actor


@pytest.mark.parametrize(("text", "trigger"), [
    # a verb of control with a verb of success above it, or an adverb of completeness
    ("Government troops managed to control the village of Khan Tuman on Thursday.", "control"),
    ("The rebels were able to control the town of Binnish after two days of fighting.", "control"),
    ("Army units fully controlled the town of Khan Tuman on Friday.", "controlled"),
    # "brought X (back) under control"
    ("The YPG has brought Tell Tamr back under control in a counteroffensive.", "brought"),
    # a control that is complete, told as a state of the victor
    ("The Kurdish fighters are in almost full control of Tell Tamr, the monitor said.", "control"),
    # "near complete control": an adverb the parser reads as a preposition
    ("The rebels have taken near complete control of Binnish.", "taken"),
    # a passive hung on the aside before it by the parser
    ("On Sunday, Tell Tamr, located 30 kilometers northwest of Hasakah, was taken.", "taken"),
])
def test_control_phrasings_are_captures(claims_of, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert one(claims_of(text), trigger).sub_event_type in {STATE, NONSTATE}


@pytest.mark.parametrize("text", [
    "The Islamic State controls most of the province of Raqqa.",
    "The rebels, who control the town of Binnish, shelled army positions on Monday.",
    "The Islamic State has controlled Tell Tamr since 2014.",
    "The rebels are under pressure but have not lost control of Binnish.",
    "Rebels raided an army checkpoint in Saraqib on Monday.",
    "Clashes erupted between the army and rebels in Saraqib on Monday.",
    "The army shelled Saraqib with artillery on Monday, killing two rebels.",
    "A drone armed with explosives crossed the border and was immediately shot down.",
])
def test_a_state_of_control_a_raid_shelling_or_a_clash_is_no_capture(claims_of, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in claims_of(text) if c.sub_event_type in {STATE, NONSTATE}]


def test_a_passive_hung_on_the_aside_before_it_takes_the_aside_s_subject() -> None:
    # the parser makes "was taken" a conjunct of "located" (no subject of its own): the place
    # named before the aside is what was taken
    from frontlines.extract.nlp import load_nlp
    from frontlines.extract.triggers import objects

    doc = load_nlp()("On February 28, Tall Barak, located thirty kilometers northeast of al-Hasakah, was taken.")
    taken = next(t for t in doc if t.text == "taken")
    assert "Barak" in [o.text for o in objects(taken)]


def test_a_side_that_lost_a_place_to_another_is_the_loser(claims_of) -> None:  # type: ignore[no-untyped-def]
    lost = one(claims_of("The rebels lost control of the town of Binnish to the army on Monday."), "lost")
    assert lost.sub_event_type == STATE
    assert (lost.actor1 and lost.actor1.name, lost.actor2 and lost.actor2.name) == (
        "Military Forces of Syria (2000-2024)", "Opposition Rebels (Syria)")
    # "X fell to Y" keeps its roles; lives lost are no place lost
    fell = one(claims_of("The town of Binnish fell to the rebels on Sunday."), "fell")
    assert fell.actor1 is not None and fell.actor1.name == "Opposition Rebels (Syria)" and fell.actor2 is None
    assert not [c for c in claims_of("Dozens of fighters lost their lives in Binnish on Monday.")
                if c.sub_event_type in {STATE, NONSTATE}]


@pytest.mark.parametrize(("text", "trigger", "taker"), [
    ("The town of Binnish fell into the hands of the rebels on Sunday.", "fell", "Opposition Rebels (Syria)"),
    ("Binnish came under the full control of the army on Sunday.", "came", "Military Forces of Syria (2000-2024)"),
])
def test_a_place_that_came_into_a_side_s_hands_was_taken_by_it(claims_of, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                              taker: str) -> None:
    claim = one(claims_of(text), trigger)
    assert claim.sub_event_type in {STATE, NONSTATE} and claim.actor1 is not None and claim.actor1.name == taker


def test_coming_under_fire_is_no_capture(claims_of) -> None:  # type: ignore[no-untyped-def]
    for text in ("An army convoy came under fire near Binnish on Sunday.",
                 "Binnish came under heavy shelling on Sunday."):
        assert not [c for c in claims_of(text) if c.sub_event_type in {STATE, NONSTATE}], text


def test_a_name_the_document_calls_a_district_or_a_region_is_no_town() -> None:
    from frontlines.extract.captures import _admin_named

    named = _admin_named("Rebels took Qarad district, the Shera region and Kafr Nabl.",
                         frozenset({"district", "region", "province"}))
    assert named("Qarad") and named("Shera") and named("shera")
    assert not named("Kafr Nabl") and not named("arad")
