from __future__ import annotations

from kit import ISIS, SAA, SDF, finder, said, town

from frontlines.derive import extract_facts, load_territory
from frontlines.derive.facts import SourceInfo
from frontlines.records import FactKind, Status

CUES = load_territory()
RAQQA, TABQA, KARAMA = town("Raqqa", 35.95, 39.01), town("Tabqa", 35.83, 38.55), town("Karama", 35.9, 39.3)
HAMRA, MANSURA = town("Hamra", 35.8, 38.9), town("Mansura", 35.83, 38.75)


def facts_of(*made, **kw):  # type: ignore[no-untyped-def]
    claims = [c for c, _ in made]
    mentions = [m for _, ms in made for m in ms]
    return extract_facts(claims, mentions, CUES, find_actors=finder, **kw)


def test_a_capture_applies_to_every_place_of_a_coordinated_list() -> None:
    facts = facts_of(said("The army recaptured the villages of Tabqa, Karama, Hamra and Mansura on Sunday.",
                          "recaptured", {"Tabqa": TABQA, "Karama": KARAMA, "Hamra": HAMRA, "Mansura": MANSURA}))
    assert sorted(f.place_name for f in facts if f.kind == FactKind.CAPTURE) == ["Hamra", "Karama", "Mansura", "Tabqa"]
    assert {(f.gainer, f.loser, f.scope) for f in facts} == {(SAA, ISIS, "full")}


def test_the_side_named_with_from_or_stronghold_of_is_the_loser_whatever_the_parse() -> None:
    # the parse made ISIS the captor: the text says ISIS held the town
    [stronghold] = facts_of(said("Government forces captured Tabqa, a stronghold of ISIS, on Sunday.", "captured",
                                 {"Tabqa": TABQA}, actor1=ISIS, actor2=SAA))
    assert (stronghold.gainer, stronghold.loser) == (SAA, ISIS) and "stronghold" in stronghold.cue
    [taken] = facts_of(said("The SDF seized Tabqa from ISIS.", "seized", {"Tabqa": TABQA}, actor1=ISIS, actor2=None))
    assert (taken.gainer, taken.loser) == (None, ISIS)
    [held] = facts_of(said("The army took the ISIS-held town of Tabqa.", "took", {"Tabqa": TABQA}, actor2=None))
    assert (held.kind, held.gainer, held.loser) == (FactKind.CAPTURE, SAA, ISIS)  # no control statement for ISIS


def test_a_district_or_part_of_a_city_is_a_partial_capture() -> None:
    [part] = facts_of(said("The SDF seized a district of Raqqa from ISIS.", "seized", {"Raqqa": RAQQA}, actor1=SDF))
    assert (part.scope, part.gainer, part.loser) == ("part", SDF, ISIS)
    [hill] = facts_of(said("The army retook the strategic hill in the city of Raqqa.", "retook", {"Raqqa": RAQQA},
                           location="nowhere"))
    assert hill.scope == "part" and hill.place_name == "Raqqa"
    [near] = facts_of(said("The army took several hilltops north of Raqqa.", "took", {"Raqqa": RAQQA}))
    assert (near.kind, near.scope) == (FactKind.ADVANCE, "near")


def test_a_neighbourhood_capture_holds_at_the_neighbourhood() -> None:
    quarter = town("Mashlab", 35.94, 39.05, feature="neighbourhood")
    [f] = facts_of(said("The SDF captured the Mashlab neighbourhood of Raqqa.", "captured",
                        {"Mashlab": quarter, "Raqqa": RAQQA}, actor1=SDF, location="Mashlab"))
    assert (f.place_name, f.scope) == ("Mashlab", "full")


def test_raids_shelling_clashes_and_breakthroughs_are_not_captures() -> None:
    made = [said("ISIS fighters raided Tabqa.", "raided", {"Tabqa": TABQA}, sub="Armed clash", actor1=ISIS),
            said("The army shelled Karama.", "shelled", {"Karama": KARAMA}, event_type="Explosions/Remote violence",
                 sub="Shelling/artillery/missile attack"),
            said("The army broke through the defence lines before Hamra.", "broke through", {"Hamra": HAMRA})]
    facts = facts_of(*made)
    assert all(f.kind == FactKind.ADVANCE for f in facts) and len(facts) == 1


def test_a_dateline_town_or_a_province_never_becomes_a_captured_town() -> None:
    claim, mentions = said("The army captured the town on Monday.", "captured", {})
    dateline = mentions + [m for _, ms in [said("RAQQA, May 3 -", "May", {"RAQQA": RAQQA}, offset=0)] for m in ms]
    assert extract_facts([claim], dateline, CUES, find_actors=finder) == []  # the place is outside the sentence
    province = town("Raqqa Governorate", feature="admin1")
    assert facts_of(said("The army captured Raqqa Governorate.", "captured", {"Raqqa Governorate": province})) == []


def test_the_place_taken_is_the_one_the_sentence_names_as_taken() -> None:
    import dataclasses

    # the claim was located at the town named in an earlier sentence ...
    earlier, named = said("Fighting raged around Tabqa.", "Fighting", {"Tabqa": TABQA}, offset=0, sub="Armed clash")
    took, here = said("The army took full control of Tabqa on Wednesday.", "took", {"Tabqa": TABQA}, offset=40)
    [f] = facts_of((dataclasses.replace(took, location=named[0]), named + here))
    assert (f.kind, f.place_name, f.scope, f.gainer) == (FactKind.CAPTURE, "Tabqa", "full", SAA)
    # ... or at a dateline the place finder did not mark, or a place before the trigger
    for sentence, where in (("RAQQA - The army captured the strategic town of Tabqa.", "RAQQA"),
                            ("In Raqqa, the army captured Tabqa.", "Raqqa")):
        facts = facts_of(said(sentence, "captured", {where: RAQQA, "Tabqa": TABQA}, location=where))
        assert [(f.kind, f.place_name) for f in facts] == [(FactKind.CAPTURE, "Tabqa")], sentence
    # a dateline the place finder took for the event's place is no place taken
    assert facts_of(said("RAQQA (AP) - Five villages were liberated from ISIS.", "liberated", {"RAQQA": RAQQA},
                         offset=0)) == []
    # "took the town": the town as named, though the claim's copy of it carries a lower precision
    far = [dataclasses.replace(m, geo_precision=3) for m in named]
    [town_] = facts_of((dataclasses.replace(said("The army took the town on Monday.", "took", {}, offset=40)[0],
                                            location=far[0]), named))
    assert (town_.place_name, town_.scope) == ("Tabqa", "full")
    # a passive sentence keeps the place before its trigger
    [passive] = facts_of(said("Tabqa was captured by the army.", "captured", {"Tabqa": TABQA}))
    assert passive.place_name == "Tabqa"


def test_a_fall_or_a_loss_is_lost_by_its_subject() -> None:
    [fall] = facts_of(said("Admitting the fall of Tabqa, the army said it had pulled out.", "fall", {"Tabqa": TABQA},
                           actor1=SAA, actor2=ISIS))
    assert (fall.kind, fall.gainer, fall.loser) == (FactKind.CAPTURE, None, SAA) and fall.cue.startswith("loss")
    [fell] = facts_of(said("Tabqa fell to ISIS on Sunday.", "fell", {"Tabqa": TABQA}, actor1=SAA, actor2=None))
    assert (fell.gainer, fell.loser) == (ISIS, SAA)


def test_the_side_that_announces_a_passive_capture_took_it() -> None:
    [f] = facts_of(said("The SDF command said that Tabqa has been liberated from ISIS.", "liberated",
                        {"Tabqa": TABQA}, actor1=None, status=Status.REPORTED, attributed_to="The SDF command"))
    assert (f.gainer, f.loser) == (SDF, ISIS) and "announced" in f.cue
    [g] = facts_of(said("Reuters said that Tabqa has been liberated from ISIS.", "liberated", {"Tabqa": TABQA},
                        actor1=None, status=Status.REPORTED, attributed_to="Reuters"))
    assert (g.gainer, g.loser) == (None, ISIS)


def test_withdrawals_and_handovers() -> None:
    [left] = facts_of(said("ISIS withdrew from Tabqa overnight.", "withdrew", {"Tabqa": TABQA},
                           event_type="Strategic developments", sub="Change to group/activity", actor1=ISIS,
                           actor2=None))
    assert (left.kind, left.gainer, left.loser) == (FactKind.WITHDRAWAL, None, ISIS)
    [evacuated] = facts_of(said("The evacuation of ISIS fighters from Tabqa began.", "evacuation", {"Tabqa": TABQA},
                                event_type="Strategic developments", sub="Change to group/activity", actor1=None,
                                actor2=ISIS))
    assert (evacuated.kind, evacuated.gainer, evacuated.loser) == (FactKind.WITHDRAWAL, None, ISIS)
    [given] = facts_of(said("The SDF handed over Tabqa to the army.", "handed over", {"Tabqa": TABQA},
                            event_type="Strategic developments", sub="Non-violent transfer of territory",
                            actor1=SDF, actor2=None))
    assert (given.kind, given.gainer, given.loser) == (FactKind.HANDOVER, SAA, SDF)


def test_sieges_start_and_end() -> None:
    [start] = facts_of(said("ISIS besieged Raqqa in January.", "besieged", {"Raqqa": RAQQA}, sub="Armed clash",
                            actor1=ISIS, actor2=SAA))
    assert (start.kind, start.gainer, start.loser) == (FactKind.SIEGE_START, ISIS, SAA)
    [end] = facts_of(said("The siege of Raqqa was broken on September 5 by the army.", "broken", {"Raqqa": RAQQA},
                          date="2017-09-05"))
    assert (end.kind, end.gainer, end.loser, end.start) == (FactKind.SIEGE_END, ISIS, SAA, "2017-09-05")


def test_control_statements() -> None:
    clash = {"sub": "Armed clash", "trigger": "clashes", "date": "2017-05-01"}
    cases = {
        "Heavy clashes went on near Tabqa, held by ISIS.": ISIS,
        "Heavy clashes went on near the ISIS-held town of Tabqa.": ISIS,
        "Heavy clashes went on near Tabqa, which remains under the control of the army.": SAA,
        "Heavy clashes went on near Tabqa, a stronghold of the SDF.": SDF,
        "Heavy clashes went on near Tabqa, which remains under SDF control.": SDF,
    }
    for sentence, holder in cases.items():
        facts = facts_of(said(sentence, clash["trigger"], {"Tabqa": TABQA}, sub=clash["sub"], date=clash["date"]),
                         sources={"d1": SourceInfo("Reuters", None, "2017-05-02")})
        assert {(f.kind, f.gainer, f.start) for f in facts} == {(FactKind.CONTROL, holder, "2017-05-02")}, sentence
    # a part held says nothing of who holds the town
    part = facts_of(said("Rebels attacked ISIS-held parts of Tabqa city on Sunday.", "attacked",
                         {"Tabqa": TABQA}, sub=clash["sub"], date=clash["date"]))
    assert not [f for f in part if f.kind == FactKind.CONTROL]
    listed = facts_of(said("Tabqa, Karama and Hamra were controlled by the US-backed SDF, amid heavy clashes.",
                           "clashes", {"Tabqa": TABQA, "Karama": KARAMA, "Hamra": HAMRA}, sub="Armed clash"))
    assert sorted((f.place_name, f.gainer) for f in listed) == [("Hamra", SDF), ("Karama", SDF), ("Tabqa", SDF)]


def test_standing_is_kept_and_a_denial_names_what_it_denies() -> None:
    facts = facts_of(said("The army captured Tabqa on Monday.", "captured", {"Tabqa": TABQA}, doc="a"),
                     said("Reports that the army captured Tabqa are false.", "captured", {"Tabqa": TABQA}, doc="b",
                          status=Status.DENIED),
                     said("The army will capture Tabqa soon.", "capture", {"Tabqa": TABQA}, doc="c",
                          status=Status.EXPECTED, date=None))
    by_doc = {f.doc_id: f for f in facts}
    assert by_doc["b"].denies == (by_doc["a"].id,) and not by_doc["c"].moves_line and by_doc["a"].moves_line


def test_a_named_source_counts_as_that_outlet() -> None:
    made = said("The army captured Tabqa, Al-Masdar reported.", "captured", {"Tabqa": TABQA},
                status=Status.REPORTED, attributed_to="the Al-Masdar news agency")
    [f] = facts_of(made, source_of=lambda name: ("Al-Masdar News", "pro-government") if "Masdar" in name else None)
    assert (f.source_key, f.outlet_side) == ("outlet:al-masdar news", "pro-government")


def test_the_territory_file_is_validated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from frontlines.derive import validate_territory
    from frontlines.kb import check_kb, load_kb

    assert check_kb() == [] and load_kb().territory == load_territory()
    bad = tmp_path / "territory.yaml"
    bad.write_text("version: 1\nheld_words: []\nsiege: {nouns: [siege]}\nextra: 1\n")
    problems = validate_territory(bad)
    assert any("unknown sections" in p for p in problems) and any("held_words" in p for p in problems)
    assert any("siege.start_words" in p for p in problems)


def test_a_passive_capture_takes_its_subject_not_the_place_its_subject_lies_in() -> None:
    sentence = "The Mansura district east of the river in Raqqa was taken under control by the army on Monday."
    facts = facts_of(said(sentence, "taken", {"Mansura": MANSURA, "Raqqa": RAQQA}))
    assert [(f.kind, f.place_name) for f in facts] == [(FactKind.CAPTURE, "Mansura")]
    # an active clause set in a place still takes its object
    active = facts_of(said("In Raqqa, the army took Mansura on Monday.", "took", {"Raqqa": RAQQA, "Mansura": MANSURA}))
    assert [f.place_name for f in active] == ["Mansura"]
