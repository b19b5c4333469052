"""Capture rules of issue 10 (invented sentences): the object taken, flags, evacuations."""

from __future__ import annotations

import dataclasses

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
    [part] = facts_of(said("The army captured a hill in the southern parts of the city of Raqqa.", "captured",
                           {"Raqqa": RAQQA}))
    assert part.scope == "part"
    [inside] = facts_of(said("IS fighters stormed government-held areas in the mostly Kurdish city of Raqqa.",
                             "stormed", {"Raqqa": RAQQA}, actor1=ISIS, actor2=None))
    assert (inside.kind, inside.scope) == (FactKind.CAPTURE, "part")
    # a part of the province named after a town is not a part of the town: it stays as it is
    [province] = facts_of(said("The army captured a hill in the southern parts of the province of Raqqa.", "captured",
                               {"Raqqa": RAQQA}))
    assert (province.kind, province.scope) == (FactKind.ADVANCE, "near")


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


def test_the_side_whose_spokesman_announces_a_capture_took_it() -> None:
    [fact] = facts_of(said("A spokesman for the SDF announced the capture of the village of Karama.", "capture",
                           {"Karama": KARAMA}, actor1=None, actor2=None))
    assert fact.gainer == SDF and "announced" in fact.cue
    [press] = facts_of(said("The SDF press centre said Karama was captured.", "captured", {"Karama": KARAMA},
                            actor1=None, actor2=None))
    assert press.gainer == SDF


def test_a_town_named_right_after_the_sentence_is_the_town_taken() -> None:
    text = "The army captured a strategic town near the border on Sunday. Tabqa was the last stronghold."
    claim, mentions = said(text, "captured", {"Tabqa": TABQA})
    first = text.index(".") + 1
    claim = dataclasses.replace(claim, sentence=text[:first], end=claim.start + first)
    [fact] = facts_of((claim, mentions))
    assert (fact.kind, fact.place_name, fact.scope) == (FactKind.CAPTURE, "Tabqa", "full")
    far = "The army captured a strategic town near the border on Sunday. " + "x" * 200 + " Tabqa is far."
    claim, mentions = said(far, "captured", {"Tabqa": TABQA})
    claim = dataclasses.replace(claim, sentence=far[:first], end=claim.start + first)
    assert facts_of((claim, mentions)) == []


def test_a_base_taken_in_the_province_of_a_city_does_not_take_the_city() -> None:
    [fact] = facts_of(said("Rebels seized an army base in the northern province of Raqqa on Monday.", "seized",
                           {"Raqqa": RAQQA}, actor1=REBELS, actor2=SAA))
    assert (fact.kind, fact.scope) == (FactKind.ADVANCE, "near")


def test_a_part_taken_is_read_when_the_claim_sits_at_a_place_named_after_it() -> None:
    # the claim located at the town named for distance; the place a part of which was taken
    [part] = facts_of(said("Rebels seized a number of buildings in the town of Tabqa, 15 km south of Raqqa.", "seized",
                           {"Tabqa": TABQA, "Raqqa": RAQQA}, actor1=REBELS, actor2=SAA, location="Raqqa"))
    assert (part.kind, part.place_name, part.scope, part.gainer) == (FactKind.CAPTURE, "Tabqa", "part", REBELS)
    [most] = facts_of(said("The army ousted ISIS from most parts of Tabqa town, 65 km west of Homs.", "ousted",
                           {"Tabqa": TABQA, "Homs": PROVINCE}, location="Homs"))
    assert (most.kind, most.place_name, most.scope) == (FactKind.CAPTURE, "Tabqa", "part")


def test_security_restored_to_a_place_takes_that_place_not_the_land_named_after_it() -> None:
    [taken] = facts_of(said("Army units restored security and stability to Tabqa city, in Raqqa's northern "
                            "countryside, after operations.", "restored", {"Tabqa": TABQA, "Raqqa": RAQQA},
                            location="Raqqa", actor2=None))
    assert (taken.kind, taken.place_name, taken.scope) == (FactKind.CAPTURE, "Tabqa", "full")
    # the countryside of a town, the province named after it: the town itself stays as it is
    for text in ("The army captured villages in Raqqa's northern countryside.",
                 "The army captured villages in the Raqqa countryside.", "Rebels seized Raqqa province."):
        [near] = facts_of(said(text, text.split()[2], {"Raqqa": RAQQA}, actor2=None))
        assert (near.kind, near.scope) == (FactKind.ADVANCE, "near"), text


def test_neighbourhoods_taken_in_a_place_named_before_the_trigger_are_a_part_of_it() -> None:
    # the clause's own setting, not the claim's place of an earlier clause; its districts, not all of it
    [part] = facts_of(said("Rebels launched an offensive on Raqqa, while in Tabqa the army wrested back control of "
                           "rebel-held neighbourhoods.", "wrested", {"Raqqa": RAQQA, "Tabqa": TABQA},
                           location="Raqqa", actor2=REBELS))
    assert (part.kind, part.place_name, part.scope) == (FactKind.CAPTURE, "Tabqa", "part")
    [districts] = facts_of(said("In Tabqa, the army retook several districts on Monday.", "retook", {"Tabqa": TABQA}))
    assert districts.scope == "part"
    [town] = facts_of(said("In Raqqa, the army retook the town of Tabqa.", "retook", {"Raqqa": RAQQA, "Tabqa": TABQA},
                           location="Raqqa"))
    assert (town.place_name, town.scope) == ("Tabqa", "full")


def test_a_side_in_control_of_a_place_is_a_control_statement() -> None:
    facts = facts_of(said("ISIS fighters fled as the SDF were now in almost full control of the town of Tabqa.", "fled",
                          {"Tabqa": TABQA}, event_type="Strategic developments", sub="Change to group/activity",
                          actor1=ISIS, actor2=None))
    assert [(f.kind, f.gainer, f.place_name) for f in facts if f.kind == FactKind.CONTROL] == [
        (FactKind.CONTROL, SDF, "Tabqa")]
    [theirs] = [f for f in facts_of(said("Rebels shelled the army, with Karama under their control since May.",
                                         "shelled", {"Karama": KARAMA}, event_type="Explosions/Remote violence",
                                         sub="Shelling/artillery/missile attack", actor1=REBELS, actor2=SAA))
                if f.kind == FactKind.CONTROL]
    assert (theirs.gainer, theirs.place_name) == (REBELS, "Karama")
