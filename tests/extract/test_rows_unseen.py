"""Rows an analyst can trust on reports nobody tuned for (issue 9, fourth pass): a place the
tagger reads as a person's name, … Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from claimkit import only

PUBLISHED = dt.date(2015, 3, 4)  # a Wednesday


# --- the event location ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("On Monday, Kurdish fighters captured the city of Tall Hamis, a stronghold of the Islamic State "
     "located seventy kilometers south of al-Qamishli.", "captured", "Tall Hamis"),
    ("After capturing villages around Tall Hamis, the militia burned down several houses there.",
     "burned", "Tall Hamis"),
])
def test_a_place_read_as_a_whole_personal_name_is_still_a_place(claims_of, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                                place: str) -> None:
    found = only(claims_of(text, PUBLISHED), trigger)
    assert found.location is not None and found.location.text == place


def test_a_province_alone_is_still_the_location(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of("Rebels shelled government positions in Hama province on Monday.", PUBLISHED),
                 "shelled")
    assert found.location is not None and found.location.text == "Hama province"


# --- who acted -------------------------------------------------------------------------------------

SYRIA = "Military Forces of Syria (2000-2024)"
ISLAMIC_STATE = "Islamic State (Syria)"


@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("On Monday, fighters for the Islamic State advanced into territory held by the YPG and attacked a "
     "checkpoint near the village of Hulaqi.", "attacked", ISLAMIC_STATE),
    ("Government forces are now said to be on the advance supported by Russian air strikes on villages "
     "near Kafr Nabudah.", "advance", SYRIA),
    ("He said that army reinforcements backed by tanks were sent to the suburb of Zabadani on Monday, a "
     "region held by the opposition.", "sent", SYRIA),
])
def test_the_actor_on_unseen_phrasings(claims_of, text: str, trigger: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of(text, PUBLISHED), trigger)
    assert found.actor1 is not None and found.actor1.name == actor


def test_no_break_hyphens_are_hyphens(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday, the advance on the village was supported by air strikes by the US\u2011led coalition."
    plain = only(claims_of(text.replace("\u2011", "-"), PUBLISHED), "strikes")
    found = only(claims_of(text, PUBLISHED), "strikes")
    assert found.actor1 is not None and plain.actor1 is not None
    assert found.actor1.name == plain.actor1.name and "coalition" in found.actor1.name.lower()


# --- standing --------------------------------------------------------------------------------------

def test_a_hedged_description_does_not_hedge_its_subject(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "Airstrikes on a school in Kafr Nabudah on Monday may be the deadliest attack on a school this year."
    found = only(claims_of(text, PUBLISHED), "Airstrikes")
    assert found.status.value == "asserted"


def test_a_hedged_event_stays_hedged(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of("Airstrikes on Kafr Nabudah may resume on Monday.", PUBLISHED), "Airstrikes")
    assert found.status.value != "asserted"


# --- tolls -----------------------------------------------------------------------------------------

def test_no_casualties_is_a_toll_of_zero(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Regime helicopters targeted the town of Kafr Nabudah on Monday with three barrel bombs. However, "
            "no casualties were reported thus far.")
    found = only(claims_of(text, PUBLISHED), "targeted")
    assert found.fatalities == 0


def test_no_casualties_elsewhere_leaves_a_toll_unknown(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Rebels shelled the town of Kafr Nabudah on Monday, wounding several people. Rebels said on "
            "Tuesday that they fight on. No casualties were reported in Aleppo.")
    found = only(claims_of(text, PUBLISHED), "shelled")
    assert found.fatalities is None


def test_a_dateline_read_as_a_second_subject_is_not_the_actor(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("KURDWATCH, March 21 2015—On March 8, 2015, fighters for the Islamic State advanced into territory "
            "held by the YPG southeast of Kobani and attacked a checkpoint near the village of Hulaqi.")
    found = only(claims_of(text, PUBLISHED), "attacked")
    assert found.actor1 is not None and found.actor1.name == ISLAMIC_STATE


def test_a_trigger_that_owns_a_kill_verb_takes_its_toll_only(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("The troops on Sunday killed 7 rebels in separate clashes, state media reported, as activists "
            "claimed that aerial bombing on rebel-held areas of Kafr Nabudah killed 47 people on Sunday.")
    found = only(claims_of(text, PUBLISHED), "bombing")
    assert found.fatalities == 47


def test_the_dead_of_an_active_kill_verb_are_never_the_attacker(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("The troops on Sunday killed 73 rebels in separate clashes, state media reported, as activists "
            "claimed that aerial bombing on Kafr Nabudah killed 47 people over the past week.")
    found = only(claims_of(text, PUBLISHED), "bombing")
    assert found.fatalities is None  # a weekly total, and never the other clause's 73
    assert found.actor1 is None or found.actor1.name != "Opposition Rebels (Syria)"


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("Twelve people were killed when a barrel bomb hit a shelter in the rebel-held town of Saraqeb, "
     "southeast of Idlib, on Tuesday.", "bomb", "Saraqeb"),
    ("Government troops killed 30 fighters in the rebel-held Douma suburb, east of the capital Damascus.",
     "killed", "Douma"),
    # the first place only says where the part named next lies
    ("Troops confirmed the ambush near the Damascus suburb of Zamalka at dawn on Wednesday.", "ambush", "Zamalka"),
    ("Jets struck the Idlib town of Saraqeb on Monday.", "struck", "Saraqeb"),
    ("Jets struck the northern Aleppo district of Hreitan on Monday.", "struck", "Hreitan"),
])
def test_a_place_stated_relative_to_another_is_the_location(claims_of, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                            place: str) -> None:
    found = only(claims_of(text, PUBLISHED), trigger)
    assert found.location is not None and found.location.text.startswith(place)


def test_the_target_of_an_offensive_to_take_it_is_its_location(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Syrian rebels have launched an offensive to liberate the city of Aleppo, a commander said on "
            "Sunday, while in Hama government troops shelled rebel-held neighborhoods.")
    found = only(claims_of(text, PUBLISHED), "offensive")
    assert found.location is not None and found.location.text == "Aleppo"
