"""The day of the story: a report's lead dates its later sentences that give no date words of
their own (issue 9).  Sentences written for the tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

from claimkit import only

from frontlines.export.grounding import STORY_DATE_NOTE, claim_trust

PUBLISHED = dt.date(2015, 3, 14)  # a Saturday


def test_a_later_paragraph_takes_the_day_the_lead_gives(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of([
        ("body", "Government troops seized the village of Kafr Tala on Thursday, a monitor said."),
        ("body", "Rebel shelling killed three civilians in the town of Kafr Nabl."),
    ], PUBLISHED)
    shelling = only(found, "shelling")
    assert shelling.event_date == "2015-03-12"
    assert STORY_DATE_NOTE in (shelling.notes or "")


def test_the_lead_may_give_yesterday(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of([
        ("body", "Warplanes struck the town of Kafr Nabl yesterday, a monitor said."),
        ("body", "Rebel shelling killed three civilians in the village of Kafr Tala."),
    ], PUBLISHED)
    assert only(found, "shelling").event_date == "2015-03-13"


def test_an_ongoing_happening_stays_on_the_publication_day(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of([
        ("body", "Government troops seized the village of Kafr Tala on Thursday, a monitor said."),
        ("body", "Rebels are shelling the town of Kafr Nabl."),
    ], PUBLISHED)
    assert only(found, "shelling").event_date == "2015-03-14"


def test_a_day_more_than_a_week_old_is_no_day_of_the_story(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of([
        ("body", "Government troops seized the village of Kafr Tala on February 20, a monitor said."),
        ("body", "Rebel shelling killed three civilians in the town of Kafr Nabl."),
    ], PUBLISHED)
    shelling = only(found, "shelling")
    assert shelling.event_date == "2015-03-14" and shelling.date_text is None


def test_a_dateline_dates_the_report_not_its_story(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of([
        ("body", "March 12, 2015 Rebel shelling killed three civilians in the town of Kafr Nabl."),
        ("body", "Warplanes struck the village of Kafr Tala, killing two."),
    ], PUBLISHED)
    assert only(found, "struck").event_date == "2015-03-14"


def test_the_day_of_the_story_is_not_grounded_in_the_row(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of([
        ("body", "Government troops seized the village of Kafr Tala on Thursday, a monitor said."),
        ("body", "Rebel shelling killed three civilians in the town of Kafr Nabl."),
    ], PUBLISHED)
    shelling = only(found, "shelling")
    assert "date" not in claim_trust(shelling).grounded
    own = dataclasses.replace(shelling, notes=None)
    assert "date" in claim_trust(own).grounded


def test_an_agency_style_month_dates_the_claim(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of("Rebel shelling killed three civilians in the town of Kafr Nabl on Feb. 27.", PUBLISHED)
    shelling = only(found, "shelling")
    assert shelling.event_date == "2015-02-27" and shelling.date_text == "on Feb. 27"


def test_a_lead_that_opens_with_its_own_day_is_no_dateline(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = claims_of([
        ("body", "On March 12, 2015, government troops seized the village of Kafr Tala, a monitor said."),
        ("body", "Rebel shelling killed three civilians in the town of Kafr Nabl."),
    ], PUBLISHED)
    assert only(found, "shelling").event_date == "2015-03-12"
