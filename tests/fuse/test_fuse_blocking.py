"""Issue 12: fusion's blocking by grid cell and date bucket finds exactly what comparing
everything finds (clusters in the same order, the same closure, the same contradictions)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import DEIR, MAYADIN, claim
from frontlines.fuse.fuse import (
    FuseOptions,
    _cells,
    _cluster,
    _mark_contradictions,
    _reach,
    denies,
    fuse_claims,
    same_happening,
)
from frontlines.fuse.incremental import _Blocks
from frontlines.records import Claim, Event, Place, Status

NEAR_DEIR = Place("test:near", "Near Deir", 35.39, 40.20, "SY")  # ~8 km from Deir ez-Zor
#: days across bucket edges, months, years, intervals (one wider than a year), and no date
DATES = [None, "2017-09-03", "2017-09-04", "2017-09-05", "2017-09-07", "2017-09-10", "2017-09-11",
         "2017-09-30", "2017-10-01", "2017-09", "2017-10", "2016-12-31", "2017-01-01", "2017", "2016",
         "2017-09-01/2017-09-03", "2017-08-30/2017-09-12", "2015-06/2017-02", "1990/2030"]
PLACES: list[Place | str | None] = [DEIR, MAYADIN, NEAR_DEIR, None, "no place"]
ACTORS = [None, "Islamic State (Syria)"]
STATUSES = [Status.ASSERTED, Status.REPORTED, Status.DENIED, Status.EXPECTED]


@st.composite
def claims_st(draw: st.DrawFn) -> list[Claim]:
    found: dict[str, Claim] = {}
    for _ in range(draw(st.integers(0, 30))):
        doc = draw(st.sampled_from(["d1", "d2", "d3", "d4"]))
        place = draw(st.sampled_from(PLACES))
        made = claim(doc, 10 * draw(st.integers(0, 4)), place=place if isinstance(place, Place) else None,
                     date=draw(st.sampled_from(DATES)), actor2=draw(st.sampled_from(ACTORS)),
                     status=draw(st.sampled_from(STATUSES)), fatalities=draw(st.sampled_from([None, 3])))
        if place == "no place":
            made = dataclasses.replace(made, location=None)
        found[made.id] = made
    return sorted(found.values(), key=lambda c: (c.doc_id, c.trigger_start, c.id))


def _brute_clusters(claims: list[Claim], options: FuseOptions) -> list[list[Claim]]:
    """Complete linkage comparing every claim with every cluster, in creation order."""
    clusters: list[list[Claim]] = []
    for c in claims:
        chosen = next((cl for cl in clusters if all(same_happening(c, o, options) for o in cl)), None)
        if chosen is None:
            clusters.append([c])
        else:
            chosen.append(c)
    return clusters


@settings(max_examples=300, deadline=None)
@given(claims_st(), st.sampled_from([2, 0, 7, 40, -1, -3]))
def test_blocked_clustering_equals_comparing_every_cluster(claims: list[Claim], window: int) -> None:
    options = FuseOptions(window_days=window)
    assert _cluster(claims, options) == _brute_clusters(claims, options)


@settings(max_examples=200, deadline=None)
@given(claims_st())
def test_blocked_neighbours_equal_the_cell_only_neighbours(claims: list[Claim]) -> None:
    options = FuseOptions()
    blocks = _Blocks(claims, options)
    for c in claims:
        reach = set(_cells(c, _reach(c, options.radius_km)))
        expected = {o.id for o in claims if o.id != c.id
                    and (_cells(o, (0, 0))[0] in reach or _cells(c, (0, 0))[0] in set(_cells(o, _reach(o, options.radius_km))))
                    and (same_happening(c, o, options) or same_happening(o, c, options))}
        found = [o.id for o in blocks.neighbours(c)]
        assert sorted(found) == sorted(expected)  # each neighbour once


@settings(max_examples=200, deadline=None)
@given(claims_st())
def test_blocked_contradictions_equal_comparing_every_denial(claims: list[Claim]) -> None:
    options = FuseOptions()
    events = fuse_claims(claims)
    by_id = {c.id: c for c in claims}
    claims_by_event = {e.id: [by_id[i] for i in e.claim_ids] for e in events}
    plain = [dataclasses.replace(e, contradicted=False) for e in events]
    denied = [c for e in plain if e.status == Status.DENIED for c in claims_by_event[e.id]]
    expected: list[Event] = [dataclasses.replace(e, contradicted=e.happened and any(
        denies(d, c, options) for c in claims_by_event[e.id] for d in denied)) for e in plain]
    assert _mark_contradictions(plain, claims_by_event, options) == expected == events


def test_a_year_only_and_a_wide_interval_still_meet_a_day_inside_them() -> None:
    for wide in ("2017", "2015-06/2017-12", "1990/2030"):
        assert len(fuse_claims([claim("d1", 0, date=wide), claim("d2", 0, date="2017-09-05")])) == 1
        assert len(fuse_claims([claim("d1", 0, date="2017-09-05"), claim("d2", 0, date=wide)])) == 1
    assert len(fuse_claims([claim("d1", 0, date="2016"), claim("d2", 0, date="2017-09-05")])) == 2
