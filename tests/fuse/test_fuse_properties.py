"""Fusion keeps every claim, once; a toll range is kept beside ACLED's conservative figure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import DEIR, MAYADIN, claim
from frontlines.fuse import explain_event, fuse_claims
from frontlines.records import Status

claims_st = st.builds(
    lambda doc, i, place, date, status, toll, sub: claim(doc, 10 * i, place=place, date=date, status=status,
                                                         fatalities=toll, sub=sub),
    st.sampled_from(["d1", "d2", "d3"]), st.integers(0, 6), st.sampled_from([DEIR, MAYADIN, None]),
    st.sampled_from(["2017-09-05", "2017-09-06", "2017-09-20", None]), st.sampled_from(list(Status)),
    st.sampled_from([None, 3, 12, 30]), st.sampled_from(["Armed clash", "Government regains territory"]))


@settings(deadline=None, max_examples=150)
@given(st.lists(claims_st, max_size=14), st.randoms(use_true_random=False))
def test_no_claim_is_lost_and_fusion_is_order_independent_and_idempotent(claims: list, rnd) -> None:  # type: ignore[no-untyped-def,type-arg]
    claims = list({c.id: c for c in claims}.values())  # one claim per id (an id names one claim)
    events = fuse_claims(claims)
    members = [i for e in events for i in e.claim_ids]
    assert sorted(members) == sorted({c.id for c in claims})  # every claim in exactly one event
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert fuse_claims(shuffled) == events and fuse_claims(claims + claims) == events
    for event in events:
        if event.fatalities is not None:
            low, high = event.fatalities_range  # type: ignore[misc]
            assert low == event.fatalities <= high


def test_differing_tolls_keep_their_range_and_the_conservative_figure() -> None:
    claims = [claim("d1", 0, fatalities=12), claim("d2", 0, fatalities=30, status=Status.REPORTED),
              claim("d3", 0, status=Status.DENIED, fatalities=100)]
    events = fuse_claims(claims)
    [event] = [e for e in events if e.happened]
    assert (event.fatalities, event.fatalities_range) == (12, (12, 30))
    why = explain_event(event, claims, {"d1": "Reuters", "d2": "SANA"}, {"d2": "pro-government"})
    assert "12-30" in why.toll_reason and "12" in why.toll_reason
    assert [j.claim.id for j in why.joins] == sorted(event.claim_ids)
    assert all("the event's place" in j.place_reason and "overlaps" in j.date_reason for j in why.joins)
    assert [d.doc_id for d in why.contradictions] == ["d3"]
