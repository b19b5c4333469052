"""Dates resolved against the publication date, with ACLED time_precision."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.resolve.dates import resolve_date

MONDAY = dt.date(2017, 1, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last night", ("2017-01-22", 1)),
        ("yesterday", ("2017-01-22", 1)),
        ("earlier today", ("2017-01-23", 1)),
        ("Last weekend", ("2017-01-21/2017-01-22", 2)),
        ("this week", ("2017-01-23", 2)),
        ("last week", ("2017-01-16/2017-01-22", 2)),
        ("on Friday", ("2017-01-20", 1)),
        ("on September 5", ("2016-09-05", 1)),
        ("January 20", ("2017-01-20", 1)),
        ("5 January 2016", ("2016-01-05", 1)),
        ("in March 2016", ("2016-03-01/2016-03-31", 3)),
        ("last December", ("2016-12-01/2016-12-31", 3)),
        ("last month", ("2016-12-01/2016-12-31", 3)),
        ("at the end of 2015", ("2015-01-01/2015-12-31", 3)),
    ],
)
def test_resolved(text, expected):
    assert resolve_date(text, MONDAY) == expected


@pytest.mark.parametrize(
    "text", ["last night", "yesterday", "on Friday", "September 5", "last weekend"]
)
def test_relative_dates_need_a_publication_date(text):
    assert resolve_date(text, None) == (None, None)


def test_absolute_dates_without_publication_date():
    assert resolve_date("in March 2016", None) == ("2016-03-01/2016-03-31", 3)
    assert resolve_date("September 5, 2017", None) == ("2017-09-05", 1)


@pytest.mark.parametrize("text", [None, "", "soon", "the coming days", "Febtember 40"])
def test_unresolvable(text):
    assert resolve_date(text, MONDAY) == (None, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("on Friday", True),            # three days before a Monday
    ("yesterday", True),
    ("today", True),
    ("January 10", False),          # 13 days before: history, not the story
    ("last week", False),           # not one day
    ("in March 2016", False),
    ("tomorrow", False),
])
def test_story_day(text, expected):
    from frontlines.resolve.dates import story_day

    assert story_day(text, MONDAY) is expected


def test_story_day_needs_a_publication_date():
    from frontlines.resolve.dates import story_day

    assert story_day("January 20", None) is False
