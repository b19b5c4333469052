from __future__ import annotations

import dataclasses

from factories import claim
from frontlines.fuse import fuse_claims
from frontlines.fuse.weighting import camp, claim_support, event_support
from frontlines.records import ActorRef, Status

ARMY = ActorRef("the army", "Military Forces of Syria (2000-2024)", 1, "pro-government")
REBELS = ActorRef("rebels", "Opposition Rebels (Syria)", 2, "opposition")


def test_partisan_source_is_weak_for_its_side_and_strong_against_it() -> None:
    army_wins = dataclasses.replace(claim(), actor1=ARMY, actor2=REBELS)
    rebels_win = dataclasses.replace(claim(), actor1=REBELS, actor2=ARMY)
    neutral = claim_support(army_wins, None)
    assert claim_support(army_wins, "pro-government") < neutral
    assert claim_support(rebels_win, "pro-government") > neutral
    assert claim_support(army_wins, "pro-opposition") > neutral
    assert camp("pro-opposition") == "opposition" and camp("pro-government") == "pro-government"


def test_forecasts_support_nothing_and_hedges_less_than_statements() -> None:
    assert claim_support(claim(status=Status.EXPECTED), None) == 0.0
    assert claim_support(claim(status=Status.ALLEGED), None) < claim_support(claim(status=Status.REPORTED), None) \
        < claim_support(claim(status=Status.ASSERTED), None)


def test_independent_reports_add_up_below_one() -> None:
    assert event_support([]) == 0.0
    assert 0.6 < event_support([0.6, 0.3]) < 1.0


def test_fused_event_carries_its_support() -> None:
    a, b = (dataclasses.replace(claim(doc), actor1=ARMY, actor2=REBELS) for doc in ("d1", "d2"))
    [one] = fuse_claims([a], {"d1": "SANA"}, outlet_sides={"d1": "pro-government"})
    [two] = fuse_claims([a, b], outlet_sides={"d1": "pro-government", "d2": "pro-opposition"})
    assert 0 < one.support < two.support < 1
