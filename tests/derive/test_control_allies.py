"""Joint holds of allies and the expiry of contested periods (invented facts, not corpus text)."""

from __future__ import annotations

import dataclasses

from kit import HEZBOLLAH, ISIS, NUSRA, REBELS, SAA, SDF, fact

from frontlines.derive import control_as_of, derive_control, load_territory, validate_territory
from frontlines.derive.territory import ControlRules
from frontlines.records import FactKind, Status

FSA = "Free Syrian Army"


def fsa(**kw):  # type: ignore[no-untyped-def]
    """A capture by a rebel brand of the opposition side (the kit has no side for it)."""
    return dataclasses.replace(fact(gainer=FSA, **kw), gainer_side="opposition")


def spans(periods):  # type: ignore[no-untyped-def]
    return [(p.state, p.actor, p.allies, p.rivals, p.start, p.end) for p in periods]


def test_the_army_and_a_militia_taking_a_town_together_hold_it_jointly() -> None:
    periods = derive_control([fact(gainer=SAA, loser=REBELS, day="2016-05-02", outlet="Reuters"),
                              fact(gainer=SAA, loser=REBELS, day="2016-05-02", outlet="AFP"),
                              fact(gainer=HEZBOLLAH, loser=REBELS, day="2016-05-03", outlet="AP")])
    [held] = periods
    assert spans(periods) == [("held", SAA, (HEZBOLLAH,), (), "2016-05-02", None)]
    # the leader is the best-supported holder (two sources against one); the allies are explained
    assert "joint hold of allies" in held.explanation and HEZBOLLAH in held.explanation
    assert "contested" not in held.explanation


def test_the_leader_of_a_joint_hold_is_the_best_supported_whatever_the_order() -> None:
    facts = [fact(gainer=NUSRA, loser=SAA, day="2015-03-28", outlet="AP"),
             fact(gainer=REBELS, loser=SAA, day="2015-03-28", outlet="Reuters"),
             fact(gainer=REBELS, loser=SAA, day="2015-03-29", outlet="AFP")]
    for order in (facts, facts[::-1], facts[1:] + facts[:1]):
        assert spans(derive_control(order)) == [("held", REBELS, (NUSRA,), (), "2015-03-28", None)]


def test_rebel_brands_of_one_side_and_their_jihadist_allies_are_one_camp() -> None:
    periods = derive_control([fsa(loser=ISIS, day="2016-08-24"), fact(gainer=REBELS, loser=ISIS, day="2016-08-24",
                                                                      outlet="AFP"),
                              fact(FactKind.CONTROL, gainer=NUSRA, loser=None, day="2016-08-26", outlet="AP")])
    [held] = periods
    assert held.state == "held" and {held.actor, *held.allies} == {FSA, REBELS, NUSRA}


def test_opposing_sides_are_still_contested() -> None:
    periods = derive_control([fact(gainer=SAA, loser=ISIS, day="2016-05-02"),
                              fact(gainer=SDF, loser=ISIS, day="2016-05-03", outlet="AFP")])
    assert [(p.state, p.rivals, p.allies) for p in periods] == [("contested", (SAA, SDF), ())]


def test_an_ally_taking_it_from_its_ally_is_a_change_of_hands() -> None:
    periods = derive_control([fact(gainer=REBELS, loser=SAA, day="2015-01-10"),
                              fact(gainer=NUSRA, loser=REBELS, day="2015-01-11", outlet="AFP")])
    assert [(p.state, p.actor, p.allies) for p in periods] == [("held", REBELS, ()), ("held", NUSRA, ())]


def test_one_ally_leaving_a_joint_hold_leaves_the_other_holding() -> None:
    periods = derive_control([fact(gainer=SAA, loser=REBELS, day="2016-05-02"),
                              fact(gainer=SAA, loser=REBELS, day="2016-05-02", outlet="AFP"),
                              fact(gainer=HEZBOLLAH, loser=REBELS, day="2016-05-02", outlet="AP"),
                              fact(FactKind.WITHDRAWAL, gainer=None, loser=HEZBOLLAH, day="2016-07-01")])
    assert spans(periods) == [("held", SAA, (HEZBOLLAH,), (), "2016-05-02", "2016-07-01"),
                              ("held", SAA, (), (), "2016-07-01", None)]


def test_a_stale_contest_expires_to_the_side_of_its_latest_credible_fact() -> None:
    facts = [fact(gainer=SAA, loser=ISIS, day="2016-05-02"),
             fact(FactKind.CONTROL, gainer=ISIS, loser=None, day="2016-05-04", outlet="AFP"),
             fact(gainer=SAA, loser=ISIS, day="2017-01-15", outlet="AP")]  # the next fact, months later
    periods = derive_control(facts)
    assert spans(periods) == [("contested", "contested", (), (ISIS, SAA), "2016-05-02", "2016-08-02"),
                              ("held", ISIS, (), (), "2016-08-02", "2017-01-15"),
                              ("held", SAA, (), (), "2017-01-15", None)]
    resolved = periods[1]
    assert "expired on 2016-08-02" in resolved.explanation and "no new fact in 90 days" in resolved.explanation
    assert resolved.last_confirmed == "2016-05-04"  # the fact it rests on, not the expiry day
    assert resolved.confidence < 0.5  # counted to its end, months after its fact


def test_a_contest_is_open_until_the_window_has_passed() -> None:
    facts = [fact(gainer=SAA, loser=ISIS, day="2016-05-02"), fact(gainer=SDF, loser=ISIS, day="2016-05-03",
                                                                  outlet="AFP")]
    assert [p.state for p in derive_control(facts, reference="2016-07-01")] == ["contested"]
    late = derive_control(facts, reference="2016-12-31")
    assert [(p.state, p.start, p.end) for p in late] == [("contested", "2016-05-02", "2016-08-01"),
                                                         ("held", "2016-08-01", None)]
    assert control_as_of(late, "test:raqqa", "2016-07-31").state == "contested"  # type: ignore[union-attr]


def test_the_expiry_window_is_a_rule_of_the_territory_file() -> None:
    facts = [fact(gainer=SAA, loser=ISIS, day="2016-05-02"), fact(gainer=SDF, loser=ISIS, day="2016-05-03",
                                                                  outlet="AFP")]
    assert load_territory().control.contested_expiry_days == 90
    short = derive_control(facts, reference="2016-07-01", rules=ControlRules(contested_expiry_days=30))
    assert [(p.state, p.end) for p in short] == [("contested", "2016-06-02"), ("held", None)]
    # no camps: the army and its ally contest the town
    both = [fact(gainer=SAA, loser=REBELS, day="2016-05-02"),
            fact(gainer=HEZBOLLAH, loser=REBELS, day="2016-05-02", outlet="AP")]
    assert derive_control(both, rules=ControlRules(unaligned_sides=frozenset({"pro-government"})))[0].state == \
        "contested"


def test_a_forecast_or_a_denial_does_not_keep_a_contest_alive() -> None:
    facts = [fact(gainer=SAA, loser=ISIS, day="2016-05-02"), fact(gainer=SDF, loser=ISIS, day="2016-05-03",
                                                                  outlet="AFP")]
    noise = [fact(gainer=SDF, loser=ISIS, day="2016-07-20", status=Status.EXPECTED, outlet="AP"),
             fact(gainer=SAA, loser=ISIS, day="2016-07-25", status=Status.DENIED, outlet="SANA")]
    with_noise = derive_control(facts + noise, reference="2016-12-31")
    assert with_noise == derive_control(facts, reference="2016-12-31")
    assert with_noise[0].end == "2016-08-01"


def test_a_stale_partial_capture_leaves_the_city_to_its_holder_not_the_taker() -> None:
    facts = [fact(FactKind.CONTROL, gainer=ISIS, loser=None, day="2017-02-01"),
             fact(gainer=SDF, loser=ISIS, scope="part", day="2017-02-10", outlet="AFP")]
    periods = derive_control(facts, reference="2017-12-31")
    assert [(p.state, p.actor, p.start) for p in periods] == [("held", ISIS, "2017-02-01"),
                                                             ("contested", "contested", "2017-02-10"),
                                                             ("held", ISIS, "2017-05-11")]


def test_a_contested_confidence_decays_with_the_age_of_its_last_fact() -> None:
    facts = [fact(gainer=SAA, loser=ISIS, day="2016-05-02"), fact(gainer=SDF, loser=ISIS, day="2016-05-03",
                                                                  outlet="AFP")]
    fresh = derive_control(facts, reference="2016-05-10", rules=ControlRules(contested_expiry_days=400))[0]
    old = derive_control(facts, reference="2017-04-01", rules=ControlRules(contested_expiry_days=400))[0]
    assert old.confidence < fresh.confidence and "x recency" in old.explanation


def test_the_control_section_is_validated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    import frontlines.derive.territory as territory

    good = Path(territory.__file__).parent.parent / "data" / "territory.yaml"
    text = good.read_text()
    bad = tmp_path / "territory.yaml"
    bad.write_text(text.replace("contested_expiry_days: 90", "contested_expiry_days: soon").replace(
        "allied_sides: [[opposition, jihadist]", "allied_sides: [[opposition]"))
    problems = validate_territory(bad)
    assert any("contested_expiry_days" in p for p in problems) and any("allied_sides" in p for p in problems)
    assert validate_territory(good) == []
