from __future__ import annotations

import dataclasses

from kit import ISIS, REBELS, SAA, SDF, fact

from frontlines.derive import changes_between, control_as_of, derive_control, derive_sieges, situation_as_of
from frontlines.derive.queries import Near
from frontlines.export.serialize import control_geojson
from frontlines.records import BaselineEntry, FactKind, Status


def table(periods):  # type: ignore[no-untyped-def]
    return [(p.actor, p.start, p.end, p.rivals) for p in periods]


def test_capture_and_retake_make_two_periods() -> None:
    periods = derive_control([fact(gainer=ISIS, loser=SAA, day="2015-05-20"), fact(day="2016-03-27"),
                              fact(day="2016-12-11", status=Status.EXPECTED)])
    assert table(periods) == [(ISIS, "2015-05-20", "2016-03-27", ()), (SAA, "2016-03-27", None, ())]
    assert control_as_of(periods, "test:raqqa", "2016-01-01").actor == ISIS  # type: ignore[union-attr]
    assert control_as_of(periods, "test:raqqa", "2014-01-01") is None
    assert [p.actor for p in changes_between(periods, "2016-01-01", "2016-12-31")] == [SAA]


def test_several_outlets_one_capture_a_day_apart_is_one_change_with_their_confidence() -> None:
    one = derive_control([fact(outlet="Reuters", day="2017-01-10")])
    three = derive_control([fact(outlet="Reuters", day="2017-01-10"), fact(outlet="AFP", day="2017-01-11"),
                            fact(outlet="SANA", day="2017-01-11", side="pro-government")])
    [period] = three
    assert (period.actor, period.start, period.outlets) == (SAA, "2017-01-10", 3)
    assert period.confidence > one[0].confidence
    assert "3 independent sources" in period.explanation and "for its side x0.5" in period.explanation


def test_the_same_outlet_twice_counts_once() -> None:
    twice = derive_control([fact(outlet="Reuters", day="2017-01-10", n=1), fact(outlet="Reuters", day="2017-01-11", n=2)])
    assert twice[0].outlets == 1 and twice[0].confidence == derive_control([fact(outlet="Reuters")])[0].confidence


def test_a_claim_against_its_side_weighs_more_than_one_in_its_favour() -> None:
    favour = derive_control([fact(outlet="SANA", side="pro-government")])[0]
    against = derive_control([fact(outlet="Amaq", side="pro-islamic-state")])[0]
    assert against.confidence > favour.confidence
    assert "against its side x1.5" in against.explanation


def test_credible_disagreement_within_the_window_is_contested_with_both_sides() -> None:
    periods = derive_control([fact(day="2017-01-10", outlet="SANA"),
                              fact(FactKind.CONTROL, gainer=ISIS, loser=None, day="2017-01-11", outlet="Amaq"),
                              fact(FactKind.CONTROL, gainer=SAA, loser=None, day="2017-02-20", outlet="AFP")])
    assert table(periods) == [("contested", "2017-01-10", "2017-02-20", (ISIS, SAA)), (SAA, "2017-02-20", None, ())]
    assert "contested" in periods[0].explanation and ISIS in periods[0].explanation


def test_a_statement_before_the_capture_agrees_with_it() -> None:
    periods = derive_control([fact(FactKind.CONTROL, gainer=ISIS, loser=None, day="2017-01-09"),
                              fact(day="2017-01-10", outlet="AFP")])
    assert table(periods) == [(ISIS, "2017-01-09", "2017-01-10", ()), (SAA, "2017-01-10", None, ())]


def test_two_sides_taking_it_the_same_days_is_contested() -> None:
    periods = derive_control([fact(day="2017-01-10"), fact(gainer=SDF, day="2017-01-11", outlet="ANHA")])
    assert [p.state for p in periods] == ["contested"] and periods[0].rivals == (SAA, SDF)


def test_forecasts_hypotheses_and_denials_never_move_the_line() -> None:
    base = [fact(day="2017-01-10")]
    noise = [fact(gainer=ISIS, loser=SAA, day="2017-01-20", status=s, outlet="Amaq")
             for s in (Status.EXPECTED, Status.HYPOTHETICAL, Status.DENIED)]
    assert derive_control(base + noise) == derive_control(base)


def test_a_siege_does_not_change_who_holds_the_town() -> None:
    facts = [fact(FactKind.CONTROL, gainer=SAA, loser=None, day="2016-01-01"),
             fact(FactKind.SIEGE_START, gainer=ISIS, loser=SAA, day="2016-02-01"),
             fact(FactKind.SIEGE_END, gainer=ISIS, loser=SAA, day="2017-09-05")]
    assert table(derive_control(facts)) == [(SAA, "2016-01-01", None, ())]
    [siege] = derive_sieges(facts)
    assert (siege.besieger, siege.besieged, siege.start, siege.end) == (ISIS, SAA, "2016-02-01", "2017-09-05")


def test_a_partial_capture_contests_the_city_and_a_full_one_settles_it() -> None:
    facts = [fact(FactKind.CONTROL, gainer=ISIS, loser=None, day="2017-06-01"),
             fact(gainer=SDF, scope="part", day="2017-06-10"), fact(gainer=SDF, day="2017-08-17", outlet="AFP")]
    assert table(derive_control(facts)) == [(ISIS, "2017-06-01", "2017-06-10", ()),
                                            ("contested", "2017-06-10", "2017-08-17", (ISIS, SDF)),
                                            (SDF, "2017-08-17", None, ())]


def test_handover_and_withdrawal() -> None:
    facts = [fact(gainer=SDF, day="2017-01-01"), fact(FactKind.HANDOVER, gainer=SAA, loser=SDF, day="2018-01-01")]
    assert table(derive_control(facts)) == [(SDF, "2017-01-01", "2018-01-01", ()), (SAA, "2018-01-01", None, ())]
    left = derive_control([fact(day="2017-01-01"), fact(FactKind.WITHDRAWAL, gainer=None, loser=SAA, day="2017-03-01")])
    assert table(left) == [(SAA, "2017-01-01", "2017-03-01", ())]


def test_a_weak_claim_does_not_overturn_credible_evidence() -> None:
    strong = [fact(day="2017-01-10", outlet="Reuters"), fact(day="2017-01-10", outlet="AFP")]
    weak = fact(FactKind.CONTROL, gainer=REBELS, loser=None, day="2017-01-12", outlet="Orient", side="pro-opposition",
                status=Status.ALLEGED)
    assert table(derive_control([*strong, weak])) == table(derive_control(strong))


def test_baseline_older_facts_do_not_override_later_ones_update() -> None:
    snap = BaselineEntry("test:raqqa", "Raqqa", ISIS, "2017-06-01", "analyst map", "map.csv", 35.95, 39.01)
    older = fact(gainer=SDF, day="2017-05-01")
    later = fact(gainer=SDF, day="2017-10-17", outlet="AFP")
    assert table(derive_control([older], [snap])) == [(SDF, "2017-05-01", "2017-06-01", ()), (ISIS, "2017-06-01", None, ())]
    periods = derive_control([older, later], [snap])
    assert table(periods)[1:] == [(ISIS, "2017-06-01", "2017-10-17", ()), (SDF, "2017-10-17", None, ())]
    assert periods[1].origin == "import: map.csv (analyst map)" and "map.csv" in periods[1].explanation


def test_recency_lowers_the_confidence_of_an_old_open_period() -> None:
    fresh = derive_control([fact(day="2017-01-10")], reference="2017-01-20")[0]
    stale = derive_control([fact(day="2017-01-10")], reference="2018-01-20")[0]
    assert stale.confidence < fresh.confidence and "recency" in stale.explanation


def test_queries_near_bbox_and_geojson() -> None:
    far = dataclasses.replace(fact(place="test:far", day="2017-01-10"), latitude=33.5, longitude=36.3)
    periods = derive_control([fact(day="2017-01-10"), far])
    assert [p.place_id for p in situation_as_of(periods, "2017-02-01", near=Near(35.9, 39.0, 20))] == ["test:raqqa"]
    assert [p.place_id for p in situation_as_of(periods, "2017-02-01", bbox=(36.0, 33.0, 37.0, 34.0))] == ["test:far"]
    geo = control_geojson(situation_as_of(periods, "2017-02-01"), "2017-02-01")
    assert len(geo["features"]) == 2 and geo["features"][0]["geometry"]["type"] == "Point"
    assert geo["features"][0]["properties"]["as_of"] == "2017-02-01"
