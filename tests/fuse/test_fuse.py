from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from factories import DEIR, MAYADIN, claim
from frontlines.fuse import fuse_claims
from frontlines.records import Status


def test_two_reports_of_one_battle_become_one_event() -> None:
    events = fuse_claims([claim("d1", 0, fatalities=12), claim("d2", 10, status=Status.REPORTED, fatalities=30)])
    [event] = events
    assert event.corroboration == 2 and event.status == Status.ASSERTED
    assert event.fatalities == 12  # the most conservative figure
    assert len(event.claim_ids) == 2


def test_forecast_never_merges_into_what_happened() -> None:
    events = fuse_claims([claim("d1", 0), claim("d2", 0, status=Status.EXPECTED)])
    assert sorted(e.status for e in events) == [Status.ASSERTED, Status.EXPECTED]
    assert [e.happened for e in events if e.status == Status.EXPECTED] == [False]


def test_different_places_dates_or_types_stay_apart() -> None:
    events = fuse_claims([
        claim("d1", 0), claim("d2", 0, place=MAYADIN), claim("d3", 0, date="2017-10-20"),
        claim("d4", 0, event_type="Explosions/Remote violence", sub="Air/drone strike"),
    ])
    assert len(events) == 4


def test_denial_flags_the_matching_event() -> None:
    events = fuse_claims([claim("d1", 0), claim("d2", 0, status=Status.DENIED)])
    happened = [e for e in events if e.happened]
    assert happened[0].contradicted
    assert any(e.status == Status.DENIED for e in events)


def test_sub_event_priority_keeps_the_capture() -> None:
    [event] = fuse_claims([claim("d1", 0), claim("d1", 30, sub="Government regains territory")])
    assert event.sub_event_type == "Government regains territory"


@given(st.permutations([claim("d1", 0), claim("d2", 5), claim("d3", 0, place=MAYADIN),
                        claim("d4", 0, status=Status.EXPECTED), claim("d5", 0, date="2017-09-06")]))
def test_fusion_is_order_independent(claims: list) -> None:  # type: ignore[type-arg]
    reference = fuse_claims(sorted(claims, key=lambda c: c.id))
    assert fuse_claims(claims) == reference
    assert fuse_claims(claims + claims) == reference


def test_one_document_naming_two_nearby_places_gives_two_events() -> None:
    near = dataclasses.replace(DEIR, gazetteer_id="test:deir-quarter", latitude=35.33, longitude=40.13)
    same_doc = fuse_claims([claim("d1", 0), claim("d1", 80, place=near)])
    other_doc = fuse_claims([claim("d1", 0), claim("d2", 80, place=near)])
    assert len(same_doc) == 2 and len(other_doc) == 1


def test_a_denial_of_something_else_contradicts_nothing() -> None:
    events = fuse_claims([claim("d1", 0, sub="Government regains territory"),
                          claim("d2", 0, status=Status.DENIED, date="2017-01-20")])
    assert not any(e.contradicted for e in events)


PLACES = [DEIR, MAYADIN, dataclasses.replace(DEIR, gazetteer_id="test:near", latitude=35.40, longitude=40.10),
          dataclasses.replace(DEIR, gazetteer_id="test:edge", latitude=35.30, longitude=40.24),
          dataclasses.replace(DEIR, gazetteer_id="test:east", latitude=35.336, longitude=40.245), None]


@given(st.lists(st.tuples(st.sampled_from(["d1", "d2", "d3"]), st.integers(0, 5), st.sampled_from(PLACES),
                          st.sampled_from(["2017-09-05", "2017-09-06", "2017-09-20", None])), max_size=12))
def test_blocking_finds_the_same_clusters_as_comparing_everything(rows: list) -> None:  # type: ignore[type-arg]
    from unittest import mock

    from frontlines.fuse import fuse as module

    claims = [claim(doc, 10 * i, place=place, date=date) for doc, i, place, date in rows]
    blocked = fuse_claims(claims)
    with mock.patch.object(module, "_cells", lambda c, reach: [("all",)]):  # compare everything
        assert fuse_claims(claims) == blocked


def test_dates_compare_as_spans_and_unknown_dates_stay_in_their_document() -> None:
    assert len(fuse_claims([claim("d1", 0, date="2017-09"), claim("d2", 0, date="2017-09-20")])) == 1
    assert len(fuse_claims([claim("d1", 0, date="2017-09-01/2017-09-03"), claim("d2", 0, date="2017-09-05")])) == 1
    assert len(fuse_claims([claim("d1", 0, date="2017-09-01/2017-09-03"), claim("d2", 0, date="2017-09-09")])) == 2
    assert len(fuse_claims([claim("d1", 0, date=None), claim("d2", 0, date=None)])) == 2
    assert len(fuse_claims([claim("d1", 0, date=None), claim("d1", 0, date="2017-09-05")])) == 1


def test_blocking_reaches_far_enough_east_west_at_high_latitude() -> None:
    west = dataclasses.replace(DEIR, gazetteer_id="test:w", latitude=36.0, longitude=37.099)
    east = dataclasses.replace(DEIR, gazetteer_id="test:e", latitude=36.0, longitude=37.207)  # 9.7 km apart
    assert len(fuse_claims([claim("d1", 0, place=west), claim("d2", 0, place=east)])) == 1


def test_an_actor_never_fights_itself() -> None:
    [event] = fuse_claims([claim("d1", 0, actor1="Islamic State (Syria)", actor2="Islamic State (Syria)")])
    assert event.actor1 == "Islamic State (Syria)" and event.actor2 is None and event.inter2 is None


def _naive(claims: list) -> list:  # type: ignore[type-arg]
    """Complete linkage the slow, obvious way: the reference for the optimised clustering."""
    from frontlines.fuse.fuse import FuseOptions, same_happening

    clusters: list[list] = []  # type: ignore[type-arg]
    for c in sorted({c.id: c for c in claims}.values(), key=lambda c: (c.doc_id, c.trigger_start, c.id)):
        for cluster in clusters:
            if cluster[0].event_type == c.event_type and all(same_happening(c, o, FuseOptions()) for o in cluster):
                cluster.append(c)
                break
        else:
            clusters.append([c])
    return sorted(sorted(x.id for x in cl) for cl in clusters)


@given(st.lists(st.tuples(st.sampled_from(["d1", "d2", "d3"]), st.integers(0, 5), st.sampled_from(PLACES),
                          st.sampled_from(["2017-09-05", "2017-09-06", "2017-09-20", None]),
                          st.sampled_from([None, "Islamic State (Syria)"])), max_size=12))
def test_clusters_equal_plain_complete_linkage(rows: list) -> None:  # type: ignore[type-arg]
    claims = [claim(doc, 10 * i, place=place, date=date, actor2=a2) for doc, i, place, date, a2 in rows]
    assert sorted(sorted(e.claim_ids) for e in fuse_claims(claims)) == _naive(claims)


def test_a_denial_must_have_the_same_sub_type_and_the_same_actor_order() -> None:
    """Issue 10: 'IS denied that the army took X' denies the army's capture of X; a denied clash,
    or a denied capture of X by IS from the army, does not."""
    army, isis = "Military Forces of Syria (2000-2024)", "Islamic State (Syria)"
    taken = claim("d1", 0, sub="Government regains territory")
    same = fuse_claims([taken, claim("d2", 0, sub="Government regains territory", status=Status.DENIED)])
    assert any(e.contradicted for e in same if e.happened)
    other_sub = fuse_claims([taken, claim("d2", 0, sub="Armed clash", status=Status.DENIED)])
    assert not any(e.contradicted for e in other_sub)
    reversed_sides = fuse_claims([taken, claim("d2", 0, sub="Government regains territory", status=Status.DENIED,
                                               actor1=isis, actor2=army)])
    assert not any(e.contradicted for e in reversed_sides)
    one_side = fuse_claims([taken, claim("d2", 0, sub="Government regains territory", status=Status.DENIED,
                                         actor1=army, actor2=None)])
    assert any(e.contradicted for e in one_side if e.happened)


def test_two_reports_of_captures_of_two_nearby_villages_are_two_captures() -> None:
    """Across reports, places within the radius merge (spellings the gazetteer holds apart, a
    town and its district); two captures are one only when their places are spellings of one
    name: taking X and taking Y five km away are two events, one per location."""
    take = "Government regains territory"
    alpha = dataclasses.replace(DEIR, gazetteer_id="test:alpha", name="Kafr Alpha", latitude=35.30, longitude=40.10)
    bravo = dataclasses.replace(DEIR, gazetteer_id="test:bravo", name="Tell Bravo", latitude=35.33, longitude=40.12)
    spelled = dataclasses.replace(DEIR, gazetteer_id="test:alpha2", name="Kafar Alfa", latitude=35.31, longitude=40.10)
    assert len(fuse_claims([claim("d1", 0, sub=take, place=alpha), claim("d2", 0, sub=take, place=bravo)])) == 2
    assert len(fuse_claims([claim("d1", 0, sub=take, place=alpha), claim("d2", 0, sub=take, place=spelled)])) == 1
    # fighting near both, told by two reports, is still one battle
    assert len(fuse_claims([claim("d1", 0, place=alpha), claim("d2", 0, place=bravo)])) == 1


def test_a_district_and_a_village_in_it_with_one_toll_in_one_report_are_one_event() -> None:
    district = dataclasses.replace(DEIR, gazetteer_id="test:district-town", name="Qarad", latitude=35.30,
                                   longitude=40.10, feature="settlement")
    village = dataclasses.replace(DEIR, gazetteer_id="test:village", name="Kafr Qarad", latitude=35.34,
                                  longitude=40.14, feature="settlement")

    def told(start: int, place: object, text: str, toll: int | None) -> object:
        c = claim("d1", start, place=place, fatalities=toll)  # type: ignore[arg-type]
        return dataclasses.replace(c, location=dataclasses.replace(c.location, text=text))

    one = fuse_claims([told(0, district, "Qarad district", 1), told(80, village, "Kafr Qarad village", 1)])
    assert len(one) == 1
    # other tolls, or none: two happenings at two places of one report
    assert len(fuse_claims([told(0, district, "Qarad district", 1), told(80, village, "Kafr Qarad", 3)])) == 2
    assert len(fuse_claims([told(0, district, "Qarad district", None), told(80, village, "Kafr Qarad", None)])) == 2
