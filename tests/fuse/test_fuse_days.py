"""The day of a fused event: one report's two days are two events; reports that disagree by a
day are outvoted, the earliest day winning a tie."""

from __future__ import annotations

import dataclasses

from factories import claim
from frontlines.fuse import fuse_claims
from frontlines.records import Claim, Place


def test_one_report_dating_two_claims_to_two_days_tells_of_two_events() -> None:
    events = fuse_claims([claim("d1", 0, date="2017-09-05"), claim("d1", 80, date="2017-09-07")])
    assert sorted(e.event_date or "" for e in events) == ["2017-09-05", "2017-09-07"]


def test_a_claim_dated_only_by_its_report_still_joins_a_dated_one() -> None:
    undated = dataclasses.replace(claim("d1", 80, date="2017-09-06"), date_text=None, time_precision=2)
    [event] = fuse_claims([claim("d1", 0, date="2017-09-05"), undated])
    assert event.event_date == "2017-09-05"


def test_two_reports_a_day_apart_stay_one_event() -> None:
    [event] = fuse_claims([claim("d1", 0, date="2017-09-05"), claim("d2", 0, date="2017-09-06")])
    assert event.event_date == "2017-09-05"  # a tie: the earliest day


def test_the_day_most_reports_give_wins() -> None:
    claims = [claim("d1", 0, date="2017-09-05"), claim("d2", 0, date="2017-09-06"),
              claim("d3", 0, date="2017-09-06")]
    for order in (claims, claims[::-1]):
        [event] = fuse_claims(order)
        assert event.event_date == "2017-09-06"


IDLIB = Place("t:idlib-gov", "Idlib", 35.93, 36.63, "SY", "Idlib", None, "admin1", 1_500_000)
VILLAGE = Place("t:urum", "Urum al-Joz", 35.72, 36.50, "SY", "Idlib", None, "settlement")


def _at(doc: str, start: int, place: Place, text: str) -> Claim:
    base = claim(doc, start, place=place)
    assert base.location is not None
    return dataclasses.replace(base, location=dataclasses.replace(base.location, text=text),
                               geo_precision=3 if place.feature == "admin1" else 1)


def test_a_report_naming_the_province_and_then_the_village_tells_of_one_strike() -> None:
    [event] = fuse_claims([_at("d1", 0, IDLIB, "Idlib province"), _at("d1", 80, VILLAGE, "Urum al-Joz")])
    assert event.gazetteer_id == VILLAGE.gazetteer_id  # the more precise place


def test_a_village_located_at_its_province_or_told_by_another_report_stays_apart() -> None:
    stray = _at("d1", 0, IDLIB, "Kafr Qusra")  # an unknown village placed at its governorate
    assert len(fuse_claims([stray, _at("d1", 80, VILLAGE, "Urum al-Joz")])) == 2
    assert len(fuse_claims([_at("d1", 0, IDLIB, "Idlib province"), _at("d2", 80, VILLAGE, "Urum al-Joz")])) == 2


def test_two_reports_two_days_apart_tell_of_two_events() -> None:
    events = fuse_claims([claim("d1", 0, date="2017-09-05"), claim("d2", 0, date="2017-09-07")])
    assert sorted(e.event_date or "" for e in events) == ["2017-09-05", "2017-09-07"]


def test_a_claim_dated_by_its_report_is_of_no_day_after_it() -> None:
    undated = dataclasses.replace(claim("d1", 0, date="2017-09-05"), date_text=None, time_precision=2)
    events = fuse_claims([undated, claim("d2", 0, date="2017-09-07")])
    assert sorted(e.event_date or "" for e in events) == ["2017-09-05", "2017-09-07"]


def test_a_claim_dated_by_its_report_joins_a_day_before_it() -> None:
    undated = dataclasses.replace(claim("d1", 0, date="2017-09-07"), date_text=None, time_precision=2)
    [event] = fuse_claims([undated, claim("d2", 0, date="2017-09-05")])
    assert event.event_date == "2017-09-05"
