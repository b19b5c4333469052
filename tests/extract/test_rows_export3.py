"""Rows an analyst can trust, fourth pass: a campaign's name is not an event.  Sentences written
for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2015, 3, 14)  # a Saturday


def test_a_named_campaign_is_not_an_event(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Villagers returned to Kafr Tala after the rebels took the town from the militia "
            "within the \u201cOperation Desert Lion\u201d on Monday.")
    assert not [c for c in claims_of(text, PUBLISHED) if c.trigger == "Operation"]


def test_a_lowercase_operation_stays_an_event(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday the army launched an operation to retake Kafr Tala."
    assert [c.trigger for c in claims_of(text, PUBLISHED)] == ["operation"]


def test_a_title_case_headline_keeps_its_trigger(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "Army Launches Offensive Against Rebels Near Kafr Tala"
    assert "Offensive" in [c.trigger for c in claims_of(text, PUBLISHED)]


@pytest.mark.parametrize(("town", "province"), [
    ("Kafr Nabudah", "northern Hama"), ("Kafr Zeita", "northern Hama"), ("Ziyara", "western Hama"),
    ("Harim", "northern Idlib"), ("Armanaz", "western Idlib")])
def test_the_town_not_the_province_that_holds_it(claims_of, town: str, province: str) -> None:  # type: ignore[no-untyped-def]
    text = ("The government reached a reconciliation agreement on Wednesday with rebels in "
            f"{town}, in {province} province.")
    found = [c for c in claims_of(text, PUBLISHED) if c.sub_event_type == "Agreement"]
    assert found and found[0].location is not None and found[0].location.text == town


def test_a_named_campaign_among_many_names(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Fighters ride on a truck of the Free Syrian Army (FSA) after FSA and Turkish Armed Forces "
            "took the Tal Hamra and Ain Jara villages in the Rajo district from YPG militants within "
            "the \u201cOperation Desert Lion\u201d in Kafr Tala, Syria on March 3, 2015.")
    assert not [c for c in claims_of(text, PUBLISHED) if c.trigger == "Operation"]


@pytest.mark.parametrize(("text", "trigger", "day"), [
    ("The rebels said on March 10 they had recovered full control of the town of Kafr Tala after "
     "army troops raided its outskirts the day before.", "raided", "2015-03-09"),
    ("The rebels said on March 10 they had recovered full control of the town of Kafr Tala after "
     "army troops raided its outskirts the day before.", "recovered", "2015-03-10"),
    ("The monitor said on March 10 that rebels had attacked an army post in Kafr Tala a day earlier.",
     "attacked", "2015-03-09"),
    ("Army troops shelled Kafr Tala on March 10, the day before yesterday.", "shelled", "2015-03-10"),
])
def test_the_day_before_the_sentence_date(claims_of, text: str, trigger: str, day: str) -> None:  # type: ignore[no-untyped-def]
    found = [c for c in claims_of(text, PUBLISHED) if c.trigger == trigger]
    assert found and found[0].event_date == day


def test_an_event_told_in_an_announcement_is_not_dated_by_the_main_clause(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Despite the announcement of the Turkish government of reaching an agreement with "
            "Washington to suspend the bombing, Turkish aircraft carried out raids on Monday on the "
            "town of Kafr Tala.")
    found = {c.trigger: c for c in claims_of(text, PUBLISHED)}
    assert found["reaching"].date_text is None
    assert found["raids"].event_date == "2015-03-09"


def test_a_statement_on_a_day_still_dates_what_it_says(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of("The army said in a statement on Monday that it had recaptured Kafr Tala.", PUBLISHED)
    assert [c.event_date for c in found if c.trigger == "recaptured"] == ["2015-03-09"]


@pytest.mark.parametrize("text", [
    "Rebels launched a counteroffensive on Monday that retook the village of Kafr Tala.",
    "A counteroffensive by the rebels retook Kafr Tala on Monday.",
])
def test_a_counteroffensive_that_retook_a_place_is_a_capture(claims_of, text: str) -> None:  # type: ignore[no-untyped-def]
    found = claims_of(text, PUBLISHED)
    assert [(c.trigger, c.sub_event_type) for c in found] == [("retook", "Non-state actor overtakes territory")]


def test_air_strikes_that_destroyed_a_village_stay_strikes(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of("Air strikes destroyed the village of Kafr Tala on Monday.", PUBLISHED)
    assert [c.trigger for c in found] == ["strikes"]


def test_a_place_stated_a_distance_off_is_a_reference(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Government forces have regained control over the city of Kafr Zeita in the north of the "
            "Hama governorate located some 15 kilometers off the Hama-Aleppo highway, the agency "
            "reported on Sunday.")
    found = [c for c in claims_of(text, PUBLISHED) if c.trigger == "regained"]
    assert found and found[0].location is not None and found[0].location.text == "Kafr Zeita"


def test_civilians_are_never_the_side_that_lost_a_place(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "In Kafr Tala, an activist group said 10 people died on Thursday when IS fighters managed to enter the town."
    found = [c for c in claims_of(text, PUBLISHED) if c.trigger == "enter"]
    assert found and found[0].sub_event_type == "Non-state actor overtakes territory"
    assert found[0].actor2 is None or found[0].actor2.name != "Civilians (Syria)"


def test_the_side_a_place_was_taken_from_is_not_the_attacker(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Villagers returned to Kafr Tala after the army took the town from the YPG and the "
            "Islamic State, and an offensive began on Monday.")
    found = [c for c in claims_of(text, PUBLISHED) if c.trigger == "offensive"]
    assert found and found[0].actor1 is not None
    assert found[0].actor1.name != "Islamic State (Syria)"
