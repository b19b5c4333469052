"""Claims an analyst can trust (issue 9): tolls by ACLED's rules, captures at claim level,
background as a standing of its own, actors named as on the event's day.  Sentences written
for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from claimkit import only

from frontlines.records import Status

PUBLISHED = dt.date(2015, 3, 14)  # a Saturday


# --- tolls ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("12-03-2015 Three killed in shelling on Aleppo.", "shelling", 3),  # a date is no count
    ("Clashes near the village of Kafr Nabl left 14 government troops dead.", "Clashes", 14),
    ("The air strike claimed the lives of 9 civilians in Douma.", "strike", 9),
    ("Rebels confirmed the killing of 7 soldiers in an ambush near Hama.", "ambush", 7),
    ("The death toll from the car bomb in Homs rose to 23, the monitor said.", "bomb", 23),
    ("A total of 28 rebels were killed by the army in the town of Zarzour.", "killed", 28),
    ("Shelling killed three people and wounded 15 others in Homs, while 6 were captured.", "Shelling", 3),
])
def test_tolls(claims_of, text: str, trigger: str, expected: int) -> None:  # type: ignore[no-untyped-def]
    assert only(claims_of(text, PUBLISHED), trigger).fatalities == expected


def test_one_toll_per_place(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("The army killed 25 rebels in Douma and four in Jobar.", PUBLISHED)
    assert {c.location.text: c.fatalities for c in claims if c.trigger == "killed" and c.location} == {
        "Douma": 25, "Jobar": 4}


def test_separate_strikes_keep_separate_tolls(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("The strike on Douma killed 5 people and a second strike on Harasta killed 7.", PUBLISHED)
    assert sorted(c.fatalities for c in claims if c.trigger == "strike") == [5, 7]


def test_a_toll_update_replaces_the_earlier_figure(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("A car bomb exploded in Homs on Monday, killing 12 people. The death toll rose to 23 "
                       "on Tuesday.", PUBLISHED)
    assert only(claims, "bomb").fatalities == 23


# --- captures --------------------------------------------------------------------------------------

def test_every_place_of_a_coordinated_list_is_captured(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("The Syrian army recaptured the villages of Kafr Nabl, Maarat al-Numan, Khan Shaykhun "
                       "and Saraqib in Idlib province on Monday.", PUBLISHED)
    places = [c.location.text for c in claims if c.trigger == "recaptured" and c.location]
    assert places == ["Kafr Nabl", "Maarat al-Numan", "Khan Shaykhun", "Saraqib"]
    assert len({c.id for c in claims}) == len(claims)
    assert {c.actor1.name for c in claims if c.actor1} == {"Military Forces of Syria (2000-2024)"}


@pytest.mark.parametrize("text", [
    "Rebels captured Jisr al-Shughur, a stronghold of the regime, on Saturday.",
    "The YPG took the town of Tal Abyad held by Islamic State fighters.",
    "Kurdish fighters seized a district of Hasakah from the Islamic State on Sunday.",
])
def test_the_holder_is_the_loser_never_the_captor(claims_of, text: str) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in claims_of(text, PUBLISHED) if c.sub_event_type.endswith("territory"))
    assert claim.actor1 is not None and claim.actor2 is not None
    assert claim.actor1.name != claim.actor2.name
    assert claim.actor1.name in {"Opposition Rebels (Syria)", "YPG: People's Protection Units"}


def test_part_of_a_city_is_a_partial_capture(claims_of) -> None:  # type: ignore[no-untyped-def]
    part = only(claims_of("Rebels took control of part of the city of Aleppo on Friday.", PUBLISHED), "took")
    whole = only(claims_of("Rebels took control of the city of Aleppo on Friday.", PUBLISHED), "took")
    assert part.partial and not whole.partial


def test_a_raid_is_not_a_capture(claims_of) -> None:  # type: ignore[no-untyped-def]
    claim = only(claims_of("Government forces raided the town of Douma on Monday.", PUBLISHED), "raided")
    assert not claim.sub_event_type.endswith("territory")


# --- background ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger"), [
    ("In 2013 rebels captured the town of Saraqib.", "captured"),  # an earlier year
    ("Last year the army recaptured the town of Morek.", "recaptured"),
    ("The army had captured the town of Morek before the truce.", "captured"),  # pluperfect narration
    ("Government forces have besieged the town for weeks.", "besieged"),
    ("Over 200,000 people have been killed in the war since 2011.", "killed"),
])
def test_history_is_background(claims_of, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    claim = only(claims_of(text, PUBLISHED), trigger)
    assert claim.status == Status.BACKGROUND and not claim.factual


@pytest.mark.parametrize(("text", "trigger"), [
    ("The army said it had recaptured the town of Morek on Thursday.", "recaptured"),  # reported speech
    ("Rebels captured the town of Saraqib on Friday.", "captured"),
])
def test_news_is_not_background(claims_of, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert only(claims_of(text, PUBLISHED), trigger).factual


# --- actors on the event's day ---------------------------------------------------------------------

@pytest.mark.parametrize(("published", "expected"), [
    (dt.date(2015, 3, 14), "Jabhat al Nusra"),
    (dt.date(2016, 10, 1), "Jabhat Fateh al Sham"),
    (dt.date(2018, 3, 14), "Hayat Tahrir al Sham"),
])
def test_actors_are_named_as_on_the_day(claims_of, published: dt.date, expected: str) -> None:  # type: ignore[no-untyped-def]
    claim = only(claims_of("Nusra Front fighters captured the town of Saraqib on Friday.", published), "captured")
    assert claim.actor1 is not None and claim.actor1.name == expected
