"""The day of a fused event: one report's two days are two events; reports that disagree by a
day are outvoted, the earliest day winning a tie."""

from __future__ import annotations

import dataclasses

from factories import claim
from frontlines.fuse import fuse_claims


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
