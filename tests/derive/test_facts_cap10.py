"""Capture rules of issue 10 (invented sentences): the object taken, flags, evacuations."""

from __future__ import annotations

from kit import ISIS, REBELS, SAA, SDF, finder, said, town

from frontlines.derive import extract_facts, load_territory
from frontlines.records import FactKind

CUES = load_territory()
RAQQA, TABQA, KARAMA = town("Raqqa", 35.95, 39.01), town("Tabqa", 35.83, 38.55), town("Karama", 35.9, 39.3)
PROVINCE = town("Homs", 34.7, 37.5, feature="admin1")


def facts_of(*made):  # type: ignore[no-untyped-def]
    return extract_facts([c for c, _ in made], [m for _, ms in made for m in ms], CUES, find_actors=finder)


def test_the_object_is_taken_when_the_claim_sits_at_a_province_or_a_place_near_it() -> None:
    [taken] = facts_of(said("The army captured the town of Tabqa in the eastern province of Homs on Sunday.",
                            "captured", {"Tabqa": TABQA, "Homs": PROVINCE}, location="Homs"))
    assert (taken.kind, taken.place_name, taken.scope) == (FactKind.CAPTURE, "Tabqa", "full")
    facts = facts_of(said("The SDF captured the village of Karama, a stronghold of ISIS 20 km south of Raqqa.",
                          "captured", {"Karama": KARAMA, "Raqqa": RAQQA}, actor1=SDF, location="Raqqa"))
    assert [(f.kind, f.place_name, f.gainer, f.loser) for f in facts] == [(FactKind.CAPTURE, "Karama", SDF, ISIS)]


def test_a_later_name_of_the_same_list_keeps_its_own_claim() -> None:
    # unresolved names between two resolved ones: each claim keeps its own place
    facts = facts_of(said("The army seized full control over Tabqa, Jabal Umm Tuwaynah, al-Bir and Karama.",
                          "seized", {"Tabqa": TABQA, "Karama": KARAMA}, location="Karama"))
    assert [f.place_name for f in facts if f.kind == FactKind.CAPTURE] == ["Karama"]


def test_a_place_near_or_in_parts_of_a_named_city_is_not_taken_whole() -> None:
    [near] = facts_of(said("Rebels took control of an outpost north of the Syrian city of Raqqa.", "took",
                           {"Raqqa": RAQQA}, actor1=REBELS))
    assert (near.kind, near.scope) == (FactKind.ADVANCE, "near")
    [part] = facts_of(said("The army captured a hill in the southern parts of the province of Raqqa.", "captured",
                           {"Raqqa": RAQQA}))
    assert part.scope == "part"


def test_the_side_of_the_raised_flag_took_the_place() -> None:
    [flag] = facts_of(said("ISIS fighters watched as the regime flag was raised over Tabqa.", "raised",
                           {"Tabqa": TABQA}, actor1=ISIS, actor2=None))
    assert (flag.kind, flag.gainer) == (FactKind.CAPTURE, SAA) and "flag" in flag.cue
    [theirs] = facts_of(said("Fighters raised the flag of the SDF over Karama.", "raised", {"Karama": KARAMA},
                             actor1=None, actor2=None))
    assert theirs.gainer == SDF


def test_an_evacuation_hands_the_place_to_the_besieger_named_with_the_siege() -> None:
    [fact] = facts_of(said("Rebels began evacuating the town of Tabqa after a four-year regime siege.", "evacuating",
                           {"Tabqa": TABQA}, event_type="Strategic developments", sub="Change to group/activity",
                           actor1=REBELS, actor2=None))
    assert (fact.kind, fact.gainer, fact.loser) == (FactKind.HANDOVER, SAA, REBELS)


def test_an_evacuation_hands_the_place_to_the_besieger_of_an_earlier_siege() -> None:
    siege = said("The army besieged Tabqa in March.", "besieged", {"Tabqa": TABQA}, sub="Armed clash",
                 actor1=SAA, actor2=REBELS, date="2016-03-01", doc="d1")
    leave = said("The evacuation of rebels from Tabqa under a deal began on Monday.", "evacuation",
                 {"Tabqa": TABQA}, event_type="Strategic developments", sub="Change to group/activity",
                 actor1=None, actor2=REBELS, date="2016-08-26", doc="d2")
    facts = facts_of(siege, leave)
    [handover] = [f for f in facts if f.doc_id == "d2"]
    assert (handover.kind, handover.gainer, handover.loser) == (FactKind.HANDOVER, SAA, REBELS)
    assert "besieger" in handover.cue
    # with no siege, or a siege laid by the side that leaves, it stays a withdrawal
    [alone] = facts_of(leave)
    assert (alone.kind, alone.gainer) == (FactKind.WITHDRAWAL, None)
    own = said("Rebels besieged Tabqa in March.", "besieged", {"Tabqa": TABQA}, sub="Armed clash",
               actor1=REBELS, actor2=SAA, date="2016-03-01", doc="d1")
    assert {f.kind for f in facts_of(own, leave) if f.doc_id == "d2"} == {FactKind.WITHDRAWAL}
    # a withdrawal that is no evacuation never becomes a handover
    retreat = said("Rebels withdrew from Tabqa on Monday.", "withdrew", {"Tabqa": TABQA},
                   event_type="Strategic developments", sub="Change to group/activity", actor1=REBELS, actor2=None,
                   date="2016-08-26", doc="d3")
    assert {f.kind for f in facts_of(siege, retreat) if f.doc_id == "d3"} == {FactKind.WITHDRAWAL}
