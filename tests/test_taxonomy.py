"""The taxonomy: one table of event types, one date-span parser, explicit enums."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines import records, taxonomy
from frontlines.taxonomy import DatePrecision, DateSpan, MatchKind, Standing


def test_every_sub_type_belongs_to_one_event_type() -> None:
    assert taxonomy.SUB_EVENT_TYPES["Air/drone strike"] == taxonomy.EXPLOSIONS
    assert sum(len(v) for v in taxonomy.EVENT_TYPES.values()) == len(taxonomy.SUB_EVENT_TYPES)
    assert taxonomy.is_sub_event_type("Armed clash", "Battles")
    assert not taxonomy.is_sub_event_type("Armed clash", "Protests")
    assert set(taxonomy.DISORDER_TYPES) == set(taxonomy.EVENT_TYPES)


@pytest.mark.parametrize(("value", "start", "end", "precision"), [
    ("2017-01-21", "2017-01-21", "2017-01-21", DatePrecision.DAY),
    ("2017-01-21/2017-01-22", "2017-01-21", "2017-01-22", DatePrecision.SPAN),
    ("2016-02", "2016-02-01", "2016-02-29", DatePrecision.MONTH),
    ("2016-12", "2016-12-01", "2016-12-31", DatePrecision.MONTH),
    ("2016", "2016-01-01", "2016-12-31", DatePrecision.YEAR),
])
def test_date_span_parses_every_event_date_form(value: str, start: str, end: str,
                                                precision: DatePrecision) -> None:
    span = DateSpan.parse(value)
    assert span == DateSpan(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision)


@pytest.mark.parametrize("value", [None, "", "soon", "2017-13-01", "2017-02-30", "2017-02-03/2017-01-01"])
def test_date_span_refuses_what_is_not_a_date(value: str | None) -> None:
    assert DateSpan.parse(value) is None


def test_date_span_round_trips_and_overlaps() -> None:
    span = DateSpan.parse("2017-01-21/2017-01-22")
    assert span is not None and span.iso() == "2017-01-21/2017-01-22" and span.days == 2
    assert span.first_day == "2017-01-21"
    assert DateSpan.parse("2017-06").first_day is None  # type: ignore[union-attr]
    other = DateSpan.of(dt.date(2017, 1, 24))
    assert not span.overlaps(other) and span.overlaps(other, slack_days=2)


def test_enums_compare_equal_to_the_old_strings() -> None:
    assert MatchKind.KEY == "key" and MatchKind.SKELETON.fuzzy and not MatchKind.CORE.fuzzy
    assert records.Status is Standing and records.Role is taxonomy.SegmentRole
    assert taxonomy.MentionKind.PLACE == "place"
    assert {s for s in Standing if taxonomy.counts_as_happened(s)} == {"asserted", "reported", "alleged"}


def test_interaction_codes() -> None:
    assert taxonomy.interaction(1, 2) == 12 and taxonomy.interaction(7, 1) == 17
    assert taxonomy.interaction(2, None) == 20 and taxonomy.interaction(None, None) is None


@pytest.mark.parametrize(("word", "bare"), [("al-Bab", "Bab"), ("ash-Sham", "Sham"), ("Ar-Raqqa", "Raqqa"),
                                            ("ez-Zor", "Zor"), ("Aleppo", "Aleppo"), ("alone", "alone")])
def test_one_arabic_article(word: str, bare: str) -> None:
    assert taxonomy.strip_arabic_article(word) == bare
    assert taxonomy.has_arabic_article(word) == (word != bare)


def test_candidates_carry_their_match_kind() -> None:
    from frontlines.records import Place
    from frontlines.resolve.gazetteer import MemoryGazetteer
    from frontlines.resolve.place_context import is_fuzzy

    gaz = MemoryGazetteer([(Place("1", "Manbij", 36.5, 37.9, "SY", population=100000), [])])
    exact = gaz.candidates("Manbij")[0]
    assert exact.match is MatchKind.KEY and not is_fuzzy(exact)
    fuzzy = gaz.candidates("Manbaj")[0]
    assert fuzzy.match in (MatchKind.VOWEL, MatchKind.SKELETON) and is_fuzzy(fuzzy)
    from dataclasses import replace
    assert is_fuzzy(replace(fuzzy, reason="key match"))  # the reason text is for people only
