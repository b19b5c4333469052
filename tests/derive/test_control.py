from __future__ import annotations

from factories import claim
from frontlines.derive import changes_between, control_as_of, derive_control
from frontlines.fuse import fuse_claims
from frontlines.records import Status

SYRIA = "Military Forces of Syria (2000-2024)"
ISIS = "Islamic State (Syria)"


def test_capture_and_retake_make_two_periods() -> None:
    claims = [
        claim("d1", 0, sub="Non-state actor overtakes territory", actor1=ISIS, actor2=SYRIA, date="2015-05-20"),
        claim("d2", 0, sub="Government regains territory", actor1=SYRIA, actor2=ISIS, date="2016-03-27"),
        claim("d3", 0, sub="Government regains territory", actor1=SYRIA, actor2=ISIS, date="2016-12-11",
              status=Status.EXPECTED),
    ]
    periods = derive_control(fuse_claims(claims))
    assert [(p.actor, p.start, p.end) for p in periods] == [
        (ISIS, "2015-05-20", "2016-03-27"), (SYRIA, "2016-03-27", None)]
    assert control_as_of(periods, "test:deir", "2016-01-01").actor == ISIS  # type: ignore[union-attr]
    assert control_as_of(periods, "test:deir", "2017-01-01").actor == SYRIA  # type: ignore[union-attr]
    assert control_as_of(periods, "test:deir", "2014-01-01") is None
    assert [p.actor for p in changes_between(periods, "2016-01-01", "2016-12-31")] == [SYRIA]


def test_clashes_and_undated_captures_do_not_move_the_front() -> None:
    claims = [claim("d1", 0), claim("d2", 0, sub="Government regains territory", date=None)]
    assert derive_control(fuse_claims(claims)) == []
