"""The toll of a fused event: a specific figure beats a vague one ("dozens"), the most
conservative of the specific ones is kept, and another day's toll stays out."""

from __future__ import annotations

import dataclasses

from factories import claim
from frontlines.fuse import fuse_claims
from frontlines.fuse.tolls import vague_toll
from frontlines.records import Claim


def _told(doc: str, toll: int, sentence: str, date: str = "2017-09-05") -> Claim:
    return dataclasses.replace(claim(doc, 0, date=date, fatalities=toll), sentence=sentence)


def test_a_vague_figure_is_told_from_a_written_one() -> None:
    assert vague_toll(_told("d1", 12, "Dozens of fighters were killed in the clashes."))
    assert vague_toll(_told("d1", 100000, "Hundreds of thousands have died."))
    assert not vague_toll(_told("d1", 12, "Twelve fighters and dozens of civilians were killed."))
    assert not vague_toll(_told("d1", 12, "At least 12 were killed; dozens were wounded."))
    assert not vague_toll(_told("d1", 62, "At least 62 were killed."))
    assert not vague_toll(_told("d1", 1, "A commander was killed."))


def test_a_specific_toll_beats_a_vague_one_from_another_report() -> None:
    vague = _told("d1", 12, "Dozens of fighters were killed in the clashes.")
    specific = _told("d2", 62, "The clashes killed at least 62 fighters.")
    for order in ([vague, specific], [specific, vague]):
        [event] = fuse_claims(order)
        assert (event.fatalities, event.fatalities_max) == (62, 62)


def test_of_specific_tolls_the_most_conservative_is_kept() -> None:
    claims = [_told("d1", 12, "Dozens were killed."), _told("d2", 62, "At least 62 were killed."),
              _told("d3", 55, "Fifty-five were killed.")]
    [event] = fuse_claims(claims)
    assert (event.fatalities, event.fatalities_max) == (55, 62)


def test_vague_tolls_alone_keep_the_lowest() -> None:
    [event] = fuse_claims([_told("d1", 12, "Dozens were killed."), _told("d2", 20, "Scores were killed.")])
    assert event.fatalities == 12


def test_the_previous_days_toll_stays_out_of_the_event() -> None:
    before = _told("d1", 2, "Clashes on Monday killed two fighters.", date="2017-09-04")
    day = [_told("d2", 7, "The army took the town on Tuesday; seven were killed.", date="2017-09-05"),
           _told("d3", 5, "Five were killed as the town fell on Tuesday.", date="2017-09-05")]
    [event] = fuse_claims([before, *day])
    assert event.event_date == "2017-09-05"
    assert (event.fatalities, event.fatalities_max) == (5, 7)  # not Monday's two
    [alone] = fuse_claims([before, dataclasses.replace(day[0], fatalities=None)])
    assert alone.fatalities == 2  # no toll of the event's own day: the other day's is all there is


def test_one_report_telling_a_toll_vaguely_then_exactly_tells_of_one_event() -> None:
    vague = _told("d1", 12, "Dozens of fighters were killed in the clashes.")
    specific = dataclasses.replace(_told("d1", 62, "The clashes killed at least 62 fighters."),
                                   start=80, id="d1:80-84")
    [event] = fuse_claims([vague, specific])
    assert event.fatalities == 62
    twelve = dataclasses.replace(specific, fatalities=12, sentence="Twelve were killed.")
    assert len(fuse_claims([twelve, dataclasses.replace(specific, start=160, id="d1:160-164")])) == 2
