"""Captures at places the gazetteer lacks, and parts named after the place (invented sentences):
an unlocated village is taken, not the town the text places it by; a district of a city the
gazetteer lacks, "X's eastern periphery", "the edge of X" are parts of X; two sides taking a
place back and forth within days contest it."""

from __future__ import annotations

import dataclasses

from kit import ISIS, SAA, SDF, fact, finder, said, town

import frontlines
from frontlines.derive import derive_control, extract_facts, load_territory
from frontlines.derive.control import locatable
from frontlines.derive.facts import stand_in_kind
from frontlines.geo import UNLOCATED
from frontlines.records import FactKind, Mention

CUES = load_territory()
RAQQA, TABQA = town("Raqqa", 35.95, 39.01, feature="city"), town("Tabqa", 35.83, 38.55)
NEAR = "no candidate lies near Raqqa, which the text places it by; Raqqa's point"
PART = "part of Raqqa not in the gazetteer; the city's point"


def facts_of(*made):  # type: ignore[no-untyped-def]
    return extract_facts([c for c, _ in made], [m for _, ms in made for m in ms], CUES, find_actors=finder)


def standing_in(made, name: str, reason: str):  # type: ignore[no-untyped-def]
    """The claim with the mention of ``name`` made a stand-in (precision 2, ``reason``)."""
    claim, mentions = made
    mentions = [dataclasses.replace(m, reason=reason, geo_precision=2) if m.text == name else m for m in mentions]
    loc = next(m for m in mentions if m.text == name)
    return dataclasses.replace(claim, location=loc, geo_precision=2), mentions


def test_an_unlocated_village_is_taken_at_its_own_record_not_the_town_it_is_placed_by() -> None:
    made = said("The SDF said Umm Qubur, south of Raqqa, was liberated.", "liberated",
                {"Umm Qubur": RAQQA, "Raqqa": RAQQA}, actor1=SDF, location="Umm Qubur")
    [taken] = [f for f in facts_of(standing_in(made, "Umm Qubur", NEAR)) if f.kind == FactKind.CAPTURE]
    assert (taken.place_name, taken.scope, taken.gainer) == ("Umm Qubur", "full", SDF)
    assert taken.place_id.startswith(UNLOCATED) and (taken.latitude, taken.longitude) == (35.95, 39.01)
    # the control map leaves it out: Raqqa does not change hands, and the village has no point of its own
    assert derive_control([taken]) == []
    assert not locatable(taken.place_id) and locatable(RAQQA.gazetteer_id)


def test_a_district_the_gazetteer_lacks_is_a_part_of_its_city() -> None:
    made = said("The army took the Umm Qubur district in Raqqa.", "took", {"Umm Qubur": RAQQA}, actor2=None)
    [part] = facts_of(standing_in(made, "Umm Qubur", PART))
    assert (part.kind, part.place_name, part.scope) == (FactKind.CAPTURE, "Raqqa", "part")
    # a place that is only approximate for another reason is still no capture of the place
    [near] = facts_of(standing_in(made, "Umm Qubur", "near the place"))
    assert (near.kind, near.scope) == (FactKind.ADVANCE, "near")


def test_the_kind_of_stand_in_is_read_from_the_resolution() -> None:
    base = Mention("d", "place", 0, 5, "Qubur", place=RAQQA, geo_precision=2)
    assert stand_in_kind(dataclasses.replace(base, reason=NEAR)) == "near"
    assert stand_in_kind(dataclasses.replace(base, reason=PART)) == "part"
    assert stand_in_kind(dataclasses.replace(base, reason=NEAR, geo_precision=1)) is None
    assert stand_in_kind(dataclasses.replace(base, reason="key match of 'Raqqa'")) is None


def test_the_resolver_still_says_when_it_stands_in() -> None:
    # end to end: the words facts.py reads are those the resolver writes
    text = "Kurdish fighters said the village of Tell Qurmuz, southwest of Ras al-Ayn, was liberated on Monday."
    with frontlines.code([{"id": "u1", "text": text, "published": "2015-06-10"}]) as data:
        taken = [f for f in data.facts if f.kind == FactKind.CAPTURE]
        assert [(f.place_name, f.scope) for f in taken] == [("Tell Qurmuz", "full")]
        assert taken[0].place_id.startswith(UNLOCATED)
        assert not [p for p in data.control if p.place_name == "Tell Qurmuz"]


def test_a_part_named_after_the_place_is_a_part() -> None:
    for text in ("ISIS militants entered Tabqa's eastern periphery on Tuesday.",
                 "ISIS militants entered the eastern periphery of Tabqa on Tuesday.",
                 "ISIS militants seized Tabqa's southern neighbourhoods on Tuesday.",
                 "ISIS militants took positions on the edge of Tabqa on Tuesday."):
        [part] = facts_of(said(text, text.split()[2], {"Tabqa": TABQA}, actor1=ISIS, actor2=SAA))
        assert (part.kind, part.scope) == (FactKind.CAPTURE, "part"), text
    # a neighbourhood named after a place is that neighbourhood, not a part of a town
    [whole] = facts_of(said("The army took the Tabqa neighbourhood on Tuesday.", "took", {"Tabqa": TABQA}))
    assert whole.scope == "full"


def test_a_place_taken_back_within_days_is_contested_and_later_settled() -> None:
    periods = derive_control([fact(gainer=ISIS, loser=SAA, day="2017-01-10", outlet="Amaq"),
                              fact(gainer=SAA, loser=ISIS, day="2017-01-12", outlet="SANA")])
    assert [(p.state, p.rivals) for p in periods] == [("contested", (ISIS, SAA))]
    # outside the window it is a retake: two held periods
    periods = derive_control([fact(gainer=ISIS, loser=SAA, day="2017-01-10", outlet="Amaq"),
                              fact(gainer=SAA, loser=ISIS, day="2017-01-20", outlet="SANA")])
    assert [(p.state, p.actor) for p in periods] == [("held", ISIS), ("held", SAA)]


def test_a_side_that_withdraws_after_fighting_leaves_the_place_to_the_side_it_fought() -> None:
    [left] = facts_of(said("ISIS fighters withdrew from Tabqa after heavy fighting with the SDF.", "withdrew",
                           {"Tabqa": TABQA}, event_type="Strategic developments", sub="Change to group/activity",
                           actor1=ISIS, actor2=None))
    assert (left.kind, left.gainer, left.loser) == (FactKind.WITHDRAWAL, SDF, ISIS)
    [pressed] = facts_of(said("ISIS fighters pulled out of Tabqa under pressure from the army.", "pulled",
                              {"Tabqa": TABQA}, event_type="Strategic developments", sub="Change to group/activity",
                              actor1=ISIS, actor2=None))
    assert (pressed.kind, pressed.gainer, pressed.loser) == (FactKind.WITHDRAWAL, SAA, ISIS)
    # no side fought named: nobody is said to take it
    [alone] = facts_of(said("ISIS fighters withdrew from Tabqa on Monday, the SDF said.", "withdrew",
                            {"Tabqa": TABQA}, event_type="Strategic developments", sub="Change to group/activity",
                            actor1=ISIS, actor2=None))
    assert (alone.kind, alone.gainer, alone.loser) == (FactKind.WITHDRAWAL, None, ISIS)


def test_the_area_of_a_town_taken_is_the_town_taken_but_villages_in_its_area_are_not() -> None:
    for text in ("The army liberated the area of Tabqa on Monday.", "The army took the Tabqa area on Monday."):
        [whole] = facts_of(said(text, text.split()[2], {"Tabqa": TABQA}, precision=2))
        assert (whole.kind, whole.scope) == (FactKind.CAPTURE, "full"), text
    for text in ("The army captured two villages in the Tabqa area on Monday.",
                 "The army captured villages in the area of Tabqa on Monday."):
        [near] = facts_of(said(text, "captured", {"Tabqa": TABQA}, precision=2))
        assert (near.kind, near.scope) == (FactKind.ADVANCE, "near"), text


def test_the_places_named_after_including_are_taken_whole() -> None:
    made = said("The army liberated 12 villages east of Raqqa, including Tabqa and Karama.", "liberated",
                {"Raqqa": RAQQA, "Tabqa": TABQA, "Karama": town("Karama", 35.9, 39.3)}, actor2=None)
    facts = facts_of(made)
    assert sorted((f.place_name, f.kind, f.scope) for f in facts) == [
        ("Karama", FactKind.CAPTURE, "full"), ("Raqqa", FactKind.ADVANCE, "near"), ("Tabqa", FactKind.CAPTURE, "full")]
    # not when "including" belongs to another clause
    other = said("The army captured Karama after clashes that killed fighters in several towns, including Tabqa.",
                 "captured", {"Karama": town("Karama", 35.9, 39.3), "Tabqa": TABQA}, actor2=None)
    assert [f.place_name for f in facts_of(other)] == ["Karama"]


def test_the_side_a_place_fell_into_the_hands_of_or_was_seized_back_from() -> None:
    [fell] = facts_of(said("Tabqa fell into the hands of ISIS on Sunday.", "fell", {"Tabqa": TABQA},
                           sub="Non-state actor overtakes territory", actor1=ISIS, actor2=None))
    assert (fell.kind, fell.gainer) == (FactKind.CAPTURE, ISIS) and "taken by" in fell.cue
    [back] = facts_of(said("The army seized Tabqa back from ISIS.", "seized", {"Tabqa": TABQA}, actor2=None))
    assert (back.gainer, back.loser) == (SAA, ISIS)


def test_villages_taken_in_a_town_s_land_do_not_take_the_town() -> None:
    for text in ("Five villages have been liberated from ISIS in Tabqa.", "The army seized two villages in Tabqa."):
        [near] = facts_of(said(text, text.split()[-4] if "liberated" in text else "seized", {"Tabqa": TABQA}))
        assert (near.kind, near.scope) == (FactKind.ADVANCE, "near"), text
    # one village named in a town's land is that village; a list of villages is each of them
    [one] = facts_of(said("The army captured the village of Karama in Tabqa.", "captured",
                          {"Karama": town("Karama", 35.9, 39.3), "Tabqa": TABQA}))
    assert (one.place_name, one.kind, one.scope) == ("Karama", FactKind.CAPTURE, "full")
