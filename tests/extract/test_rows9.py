"""Rows an analyst can trust, third pass: the means of a bombardment, the facility hit, the
instrument "using X", who killed in an ambush, the fighting that won a place, unclaimed bombings,
a capture told by its taker, and the victims of "N people killed in X".  Sentences written for
the tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from claimkit import only

from factories import claim
from frontlines.extract.lexicon import parse_lexicon
from frontlines.fuse import fuse_claims
from frontlines.records import ActorRef

PUBLISHED = dt.date(2015, 3, 14)  # a Saturday
SYRIA = "Military Forces of Syria (2000-2024)"
REBELS = "Opposition Rebels (Syria)"
UNIDENTIFIED = "Unidentified Armed Group (Syria)"
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"


# --- the means of the attack -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "sub"), [
    ("Government forces bombarded the village of Kafr Tala with tanks on Monday.", "bombarded", SHELLING),
    ("Russian warplanes bombarded the village of Kafr Tala on Monday.", "bombarded", AIR),
    ("Rebels were shelling a military air base near Kafr Tala on Monday.", "shelling", SHELLING),
    ("The army shelled the village of Kafr Tala on Monday, using barrel bombs.", "shelled", AIR),
])
def test_the_means_decide_the_sub_type(claims_of, text: str, trigger: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert only(claims_of(text, PUBLISHED), trigger).sub_event_type == sub


# --- who attacked --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("The army killed 15 rebels in an ambush near Kafr Tala on Monday.", "ambush", SYRIA),
    ("Rebels killed 15 soldiers in an ambush near Kafr Tala on Monday.", "ambush", REBELS),
    ("Syrian troops killed as many as 40 rebels in separate clashes on Monday.", "clashes", SYRIA),
    ("Regime planes killed 12 people in a wave of raids on Kafr Tala on Monday.", "raids", SYRIA),
])
def test_the_subject_of_the_kill_verb_is_the_attacker(claims_of, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                      actor: str) -> None:
    found = only(claims_of(text, PUBLISHED), trigger)
    assert found.actor1 is not None and found.actor1.name == actor


def test_people_killed_in_shelling_are_its_victims(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "At least 20 people killed on Monday in Syrian government shelling of Kafr Tala were buried."
    found = only(claims_of(text, PUBLISHED), "shelling")
    assert found.actor1 is not None and found.actor1.name == SYRIA


def test_a_descriptive_name_of_the_islamic_state(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of("The al-Qaeda splinter group stormed the village of Kafr Tala on Monday.",
                           PUBLISHED), "stormed")
    assert found.actor1 is not None and found.actor1.name == "Islamic State (Syria)"


# --- the fighting that won a place ---------------------------------------------------------------

def test_the_fighting_before_a_capture_is_the_capture(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("Rebels seized the village of Kafr Tala on Monday after weeks of fierce fighting.",
                       PUBLISHED)
    assert [c.trigger for c in claims] == ["seized"]


def test_the_toll_of_that_fighting_is_the_captures(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("Rebels seized the village of Kafr Tala on Monday after weeks of fighting that "
                       "killed 30 soldiers.", PUBLISHED)
    assert [(c.trigger, c.fatalities) for c in claims] == [("seized", 30)]


# --- bombings nobody claimed ---------------------------------------------------------------------

def test_an_unclaimed_car_bomb_is_an_unidentified_groups(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of("A car bomb exploded near a checkpoint in Kafr Tala on Monday, killing four.",
                           PUBLISHED), "bomb")
    assert found.actor1 is not None and found.actor1.name == UNIDENTIFIED and found.actor1.inferred


def test_a_claimed_bombing_keeps_its_author(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("A car bomb exploded near a checkpoint in Kafr Tala on Monday. "
                       "The Islamic State claimed responsibility for the attack.", PUBLISHED)
    found = only(claims, "bomb")
    assert found.actor1 is not None and found.actor1.name == "Islamic State (Syria)"


def test_the_unclaimed_table_is_validated() -> None:
    data = {"triggers": [], "unclaimed": [{"type": "Explosions/Remote violence / Nonsense", "actor": "X"},
                                          {"type": "Explosions/Remote violence / Suicide bomb"}]}
    lexicon, errors = parse_lexicon(data)
    assert len(errors) == 2 and len(lexicon.unclaimed) <= 1


# --- a capture told by its taker ----------------------------------------------------------------

def test_a_capture_told_by_an_armed_group_is_its_own(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of("The YPG press office said that the village of Kafr Tala was liberated "
                           "from ISIS on Monday.", PUBLISHED), "liberated")
    assert found.actor1 is not None and found.actor1.name == "YPG: People's Protection Units"
    assert found.sub_event_type == "Non-state actor overtakes territory"


def test_a_monitor_is_not_the_taker(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of("The Syrian Observatory said that the village of Kafr Tala was captured "
                           "on Monday.", PUBLISHED), "captured")
    assert "speaker's own capture" not in (found.notes or "")


# --- fusion -------------------------------------------------------------------------------------

def test_a_capture_is_typed_by_the_events_taker() -> None:
    untold = claim("d1", 0, sub="Government regains territory", actor1=None, actor2=None)
    ypg = ActorRef("the YPG", "YPG: People's Protection Units", 2, "kurdish")
    told = dataclasses.replace(claim("d2", 0, sub="Armed clash", actor2=None), actor1=ypg)
    [event] = fuse_claims([untold, told])
    assert event.actor1 == ypg.name and event.sub_event_type == "Non-state actor overtakes territory"


def test_a_named_actor_wins_over_an_inferred_one() -> None:
    inferred = dataclasses.replace(claim("d1", 0), actor1=ActorRef(None, UNIDENTIFIED, 3, "unknown", True))
    named = claim("d2", 0, actor1="Islamic State (Syria)")
    [event] = fuse_claims([inferred, named])
    assert event.actor1 == "Islamic State (Syria)"


@pytest.mark.parametrize(("text", "trigger", "sub"), [
    ("Coalition warplanes fired missiles at a convoy near Kafr Tala on Monday.", "fired", AIR),
    ("Rebels fired rockets at a military air base near Kafr Tala on Monday.", "fired", SHELLING),
    ("Militants launched missiles at an army helicopter near Kafr Tala on Monday.", "launched", SHELLING),
])
def test_a_missile_from_the_air_is_an_air_strike(claims_of, text: str, trigger: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    assert only(claims_of(text, PUBLISHED), trigger).sub_event_type == sub


# --- tolls ----------------------------------------------------------------------------------------

def test_a_count_of_massacres_is_no_toll(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert only(claims_of("Militants perpetrated three massacres in Kafr Tala on Monday.", PUBLISHED),
                "massacres").fatalities is None


def test_two_tolls_of_one_report_are_two_events() -> None:
    first = claim("d1", 0, event_type="Explosions/Remote violence", sub=AIR, fatalities=12)
    second = claim("d1", 200, event_type="Explosions/Remote violence", sub=SHELLING, fatalities=1)
    again = claim("d2", 0, event_type="Explosions/Remote violence", sub=AIR, fatalities=14)
    events = fuse_claims([first, second, again])
    assert sorted(e.fatalities for e in events) == [1, 12]


@pytest.mark.parametrize(("text", "trigger", "actor2"), [
    ("Four loyalist officers were killed in clashes with rebels in Kafr Tala on Monday.", "clashes", SYRIA),
    ("Clashes near the village of Kafr Tala left 14 loyalist troops dead on Monday.", "Clashes", SYRIA),
    ("Hundreds of soldiers were killed in months of battles for the town with rebel fighters.", "battles", SYRIA),
])
def test_the_dead_are_never_the_attacker(claims_of, text: str, trigger: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of(text, PUBLISHED), trigger)
    assert found.actor2 is not None and found.actor2.name == actor2
    assert found.actor1 is None or found.actor1.name != actor2


# --- dates ----------------------------------------------------------------------------------------

def test_on_the_same_day_takes_the_previous_sentences_date(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("On March 10, 2015, the YPG were able to expel IS fighters from Kafr Tala. On the same day, "
            "skirmishes between YPG fighters and army soldiers took place in the centre of the city.")
    found = only(claims_of(text, PUBLISHED), "skirmishes")
    assert found.event_date == "2015-03-10"


def test_the_date_of_a_places_own_story_does_not_date_the_event(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Government troops have seized two hills near Kafr Tala, which has been the target of "
            "heavy air raids since early February.")
    found = only(claims_of(text, PUBLISHED), "seized")
    assert found.event_date is not None and found.event_date.startswith("2015-03")


def test_a_lead_up_with_a_row_of_its_own_keeps_its_toll(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("Kurdish fighters recaptured the town of Kafr Tala on Monday after two days of fierce "
                       "fighting with the militants that has left some 90 people dead.", PUBLISHED)
    tolls = {c.trigger: c.fatalities for c in claims}
    assert tolls == {"recaptured": None, "fighting": 90}
