"""Event dates from date words and the publication date, with ACLED time_precision.

``resolve_date("last weekend", date(2017, 1, 23))`` → ``("2017-01-21/2017-01-22", 2)``.
Precision: 1 a day, 2 a few days / a week, 3 a month or vaguer.

:func:`background_reason` says when a dated claim is history told in a current report: it
ended more than :data:`BACKGROUND_DAYS` before the report, or it sums up weeks that began more
than a month before it.  Relative expressions
need the publication date; without it they stay unresolved (None), never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
Resolved = tuple[str | None, int | None]
NONE: Resolved = (None, None)


def _day(d: dt.date) -> Resolved:
    return d.isoformat(), 1


def _span(a: dt.date, b: dt.date, precision: int) -> Resolved:
    return (a.isoformat(), precision) if a == b else (f"{a.isoformat()}/{b.isoformat()}", precision)


def _month(year: int, month: int) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    return _span(dt.date(year, month, 1), dt.date(year, month, last), 3)


MONTHS["sept"] = 9
#: counts written as words ("three days ago")
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"(?<=[a-z])\.(?= )", "", text.lower().replace(",", " "))).strip()
    return re.sub(r"^(?:(?:on|in|at|by|since|during|over|the) )+", "", text).strip()


def resolve_date(text: str | None, published: dt.date | None) -> Resolved:
    """(ISO date or interval, time_precision) for *text*, or (None, None)."""
    if not text:
        return NONE
    words = _clean(text)
    absolute = _absolute(words, published)
    if absolute != NONE or published is None:
        return absolute
    return _relative(words, published)


def _absolute(words: str, published: dt.date | None) -> Resolved:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", words):
        return _day(dt.date(int(m[1]), int(m[2]), int(m[3])))
    if m := re.fullmatch(
        r"(?:(?:early|mid|late)[- ])?([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?", words
    ):
        return _month_day(m[1], int(m[2]), m[3], published)
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)(?: (\d{4}))?", words):
        return _month_day(m[2], int(m[1]), m[3], published)
    if m := re.fullmatch(r"(?:(?:early|mid|late)[- ])?([a-z]+) (\d{4})", words):
        return _month(int(m[2]), MONTHS[m[1]]) if m[1] in MONTHS else NONE
    if m := re.fullmatch(r"(?:(?:the )?(?:end|beginning|start) of )?(\d{4})", words):
        year = int(m[1])
        return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), 3) if 1900 < year < 2100 else NONE
    return NONE


def _month_day(month_word: str, day: int, year: str | None, published: dt.date | None) -> Resolved:
    month = MONTHS.get(month_word)
    if month is None:
        return NONE
    if year is None:
        if published is None:
            return NONE
        candidate_year = published.year
        if (month, day) > (published.month, published.day + 1):
            candidate_year -= 1
        year = str(candidate_year)
    try:
        return _day(dt.date(int(year), month, day))
    except ValueError:
        return NONE


def _relative(words: str, pub: dt.date) -> Resolved:
    one = dt.timedelta(days=1)
    fixed = {
        "today": _day(pub), "earlier today": _day(pub), "now": _day(pub), "currently": _day(pub),
        "at present": _day(pub), "this morning": _day(pub), "tonight": _day(pub),
        "this evening": _day(pub), "yesterday": _day(pub - one), "last night": _day(pub - one),
        "this week": _span(pub - dt.timedelta(days=pub.weekday()), pub, 2),
        "past week": _span(pub - 7 * one, pub, 2), "last week": _last_week(pub),
        "this month": _span(pub.replace(day=1), pub, 3), "last month": _last_month(pub),
        "last weekend": _last_weekend(pub), "this weekend": _last_weekend(pub + 2 * one),
        "last year": _year(pub.year - 1), "previous year": _year(pub.year - 1),
        "past year": _span(pub - 365 * one, pub, 3), "this year": _span(pub.replace(month=1, day=1), pub, 3),
    }  # fmt: skip
    fixed |= {"previous month": fixed["last month"], "previous week": fixed["last week"],
              "past weekend": fixed["last weekend"], "weekend": fixed["this weekend"],
              "day before yesterday": _day(pub - 2 * one),
              "earlier this week": _span(pub - dt.timedelta(days=pub.weekday()), max(pub - one, pub - dt.timedelta(
                  days=pub.weekday())), 2),
              "earlier this month": _span(pub.replace(day=1), max(pub - one, pub.replace(day=1)), 3)}
    if words in fixed:
        return fixed[words]
    if m := re.fullmatch(r"(\d{1,2}|[a-z]+) (day|week|month)s? ago", words):
        return _ago(int(m[1]) if m[1].isdigit() else COUNTS.get(m[1]), m[2], pub)
    if m := re.fullmatch(r"(last |this |past |previous )?([a-z]+)", words):
        if m[2] in WEEKDAYS:
            back = (pub.weekday() - WEEKDAYS[m[2]]) % 7
            return _day(pub - dt.timedelta(days=back or (7 if words.startswith("last") else 0)))
        if m[2] in MONTHS and (len(m[2]) > 3 or m[1]):  # "May" alone is a verb more often than not
            return _previous_month_named(MONTHS[m[2]], pub, strict=words.startswith("last"))
    return NONE


def _ago(count: int | None, unit: str, pub: dt.date) -> Resolved:
    """"three days ago" (a day), "two weeks ago" (that week), "a month ago" (that month)."""
    if count is None:
        return NONE
    if unit == "day":
        return _day(pub - dt.timedelta(days=count))
    if unit == "week":
        day = pub - dt.timedelta(weeks=count)
        return _span(day - dt.timedelta(days=3), day + dt.timedelta(days=3), 2)
    month = (pub.year * 12 + pub.month - 1) - count
    return _month(month // 12, month % 12 + 1)


def _year(year: int) -> Resolved:
    return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), 3)


def _last_week(pub: dt.date) -> Resolved:
    monday = pub - dt.timedelta(days=pub.weekday() + 7)
    return _span(monday, monday + dt.timedelta(days=6), 2)


def _last_month(pub: dt.date) -> Resolved:
    first = pub.replace(day=1) - dt.timedelta(days=1)
    return _month(first.year, first.month)


def _last_weekend(pub: dt.date) -> Resolved:
    back = (pub.weekday() - 6) % 7 or 7  # the Sunday before the publication day
    sunday = pub - dt.timedelta(days=back)
    return _span(sunday - dt.timedelta(days=1), sunday, 2)


def _previous_month_named(month: int, pub: dt.date, *, strict: bool) -> Resolved:
    year = pub.year if (month < pub.month or (month == pub.month and not strict)) else pub.year - 1
    return _month(year, month)


#: a day stated this many days before the report, at most, can date the report's later
#: sentences that give no date words of their own (the story's day)
STORY_DAYS = 7


def story_day(text: str | None, published: dt.date | None) -> bool:
    """Whether date words dated a report's story: they resolve to one day, at most
    :data:`STORY_DAYS` before its publication (and not after it)."""
    if published is None:
        return False
    day, precision = resolve_date(text, published)
    if day is None or precision != 1:
        return False
    return 0 <= (published - dt.date.fromisoformat(day)).days <= STORY_DAYS


#: a happening that ended this many days before its report is history, not news
BACKGROUND_DAYS = 14
#: a span longer than this (days) that began more than a month before the report is a
#: campaign or month total, not one event
AGGREGATE_DAYS = 14


def background_reason(event_date: str | None, published: dt.date | None) -> str | None:
    """Why a claim dated ``event_date`` is background in a report of ``published`` (None: it
    is not)."""
    from ..taxonomy import DateSpan

    span = DateSpan.parse(event_date)
    if span is None or published is None:
        return None
    if (published - span.end).days > BACKGROUND_DAYS:
        return f"background: dated {event_date}, {(published - span.end).days} days before the report"
    if span.days > AGGREGATE_DAYS and (published - span.start).days > 31:
        return f"background: a total over {span.days} days ({event_date})"
    return None
