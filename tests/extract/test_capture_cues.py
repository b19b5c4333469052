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
