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


@pytest.mark.parametrize(("text", "expected"), [
    # date words the extractor finds that once resolved to nothing (the event lost its date)
    ("earlier this week", ("2017-01-23", 2)),              # a Monday: the week has only begun
    ("last May", ("2016-05-01/2016-05-31", 3)),            # "May" alone stays a verb
    ("previous month", ("2016-12-01/2016-12-31", 3)),
    ("previous week", ("2017-01-16/2017-01-22", 2)),
    ("past weekend", ("2017-01-21/2017-01-22", 2)),
    ("earlier this month", ("2017-01-01/2017-01-22", 3)),
    # agency style abbreviations
    ("on Jan. 19", ("2017-01-19", 1)),
    ("Sept. 3, 2016", ("2016-09-03", 1)),
    ("Dec. 30", ("2016-12-30", 1)),
    # counted back from the report
    ("three days ago", ("2017-01-20", 1)),
    ("2 days ago", ("2017-01-21", 1)),
    ("a week ago", ("2017-01-13/2017-01-19", 2)),
    ("two months ago", ("2016-11-01/2016-11-30", 3)),
    ("the day before yesterday", ("2017-01-21", 1)),
    ("over the weekend", ("2017-01-21/2017-01-22", 2)),
])
def test_more_phrasings(text, expected):
    assert resolve_date(text, MONDAY) == expected


def test_earlier_this_week_ends_the_day_before_the_report():
    assert resolve_date("earlier this week", dt.date(2017, 1, 26)) == ("2017-01-23/2017-01-25", 2)


def test_over_the_weekend_told_on_a_sunday_is_that_weekend():
    assert resolve_date("over the weekend", dt.date(2017, 1, 22)) == ("2017-01-21/2017-01-22", 2)


@pytest.mark.parametrize("text", ["May", "several days ago", "days ago"])
def test_still_unresolved(text):
    assert resolve_date(text, MONDAY) == (None, None)
