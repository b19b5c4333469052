"""Phrasings of events that reports nobody tuned for use (issue 9: event recall); the
sentences are invented for the tests."""

from __future__ import annotations

import pytest
from claimkit import only

from frontlines.records import Status


def _types(claims):
    return {(c.trigger, c.sub_event_type) for c in claims}


def test_targeting_the_other_sides_positions_is_an_attack(claims_of):
    claim = only(claims_of("An army unit targeted gatherings of gunmen in the village of Kafr Nabl on Monday."),
                 "targeted")
    assert claim.event_type == "Battles" and claim.status == Status.ASSERTED
    assert claim.location is not None and claim.location.text == "Kafr Nabl"


def test_a_destroyed_weapons_store_does_not_hide_the_killing(claims_of):
    """Both rules are weak: neither drops the other from the sentence."""
    claims = claims_of("Troops killed ten militants and destroyed their weapons depot near Saqba on Monday.")
    assert _types(claims) == {("killed", "Armed clash"), ("destroyed", "Disrupted weapons use")}
    assert only(claims, "killed").fatalities == 10


def test_a_plane_that_landed_is_no_event(claims_of):
    assert claims_of("The plane landed at the airport of Qamishli on Monday.") == []


def test_pounding_is_shelling(claims_of):
    claim = only(claims_of("Twelve people were killed in the continued pounding of Douma on Monday."), "pounding")
    assert claim.sub_event_type == "Shelling/artillery/missile attack"
    assert claim.status == Status.ASSERTED


def test_abandoned_positions_are_a_withdrawal(claims_of):
    claim = only(claims_of("Rebels abandoned their positions around the town of Saqba on Sunday."), "abandoned")
    assert claim.sub_event_type == "Change to group/activity"
    assert claim.actor1 is not None and claim.actor1.name == "Opposition Rebels (Syria)"


def test_a_past_tense_that_looks_like_the_present_is_past(claims_of):
    """ "hit", "cut", "set" are past forms too: tagged past, they are no habitual present."""
    claim = only(claims_of("Government warplanes hit the town of Saqba on Monday."), "hit")
    assert claim.sub_event_type == "Air/drone strike" and claim.status == Status.ASSERTED
    assert claims_of("Government warplanes regularly hit the town of Saqba.") == []


def test_clashes_that_continue_are_going_on(claims_of):
    claim = only(claims_of("Clashes continue between the army and the rebels in Douma."), "Clashes")
    assert claim.status == Status.ASSERTED


def test_a_battle_that_continues_as_a_frame_is_no_new_claim(claims_of):
    claims = claims_of("The army has not taken any ground in Douma as the battle continues at full strength.")
    assert all(not c.factual for c in claims)


def test_a_capture_that_will_continue_to_matter_is_not_a_capture(claims_of):
    claim = only(claims_of("The capture of Douma will continue to shape the war."), "capture")
    assert claim.status == Status.EXPECTED


def test_fighters_who_give_themselves_up_surrender(claims_of):
    claim = only(claims_of("Some 40 wanted gunmen turned themselves in to the authorities in Saqba on Monday."),
                 "turned")
    assert (claim.event_type, claim.sub_event_type) == ("Strategic developments", "Other")
    claim = only(claims_of("About 30 gunmen laid down their arms in Saqba on Monday."), "laid")
    assert claim.sub_event_type == "Other"


def test_turning_in_a_report_is_no_surrender(claims_of):
    assert claims_of("The monitor turned in its report on Monday.") == []


def test_fighters_martyred_were_killed(claims_of):
    claim = only(claims_of("Two fighters were martyred in clashes near Saqba on Monday."), "clashes")
    assert claim.fatalities == 2
    claim = only(claims_of("Two fighters were martyred near Saqba on Monday."), "martyred")
    assert claim.event_type == "Battles" and claim.fatalities == 2


def test_entering_a_towns_outskirts_named_by_a_possessive(claims_of):
    """ "X's eastern outskirts" names X as "the eastern outskirts of X" does."""
    claim = only(claims_of("The militants entered Manbij's eastern periphery on Tuesday."), "entered")
    assert claim.sub_event_type == "Non-state actor overtakes territory"
    assert claim.location is not None and claim.location.text == "Manbij"


def test_what_the_supporting_forces_did_is_an_event(claims_of):
    """A relative clause whose subject stands for armed forces ("the air force, which bombed
    ...") tells what they did; a relative clause about a place stays an aside."""
    claims = claims_of("The operation was backed by the air force, which bombed the positions of the gunmen "
                       "around Saqba on Monday.")
    assert only(claims, "bombed").sub_event_type == "Air/drone strike"
    assert only(claims, "bombed").factual
    assert claims_of("The town of Saqba, which the rebels took, lies on the highway.") == []


def test_a_description_of_the_forces_is_still_an_aside(claims_of):
    """ "a unit which spearheaded the offensive on X" says who the unit is, not a new event."""
    claims = claims_of("The Tiger Forces, an elite unit of the army which spearheaded the offensive on Saqba, "
                       "cleared the highway.")
    assert [c.trigger for c in claims if c.factual] == ["cleared"]


SHELLING = "Shelling/artillery/missile attack"


@pytest.mark.parametrize(("sentence", "trigger", "sub_event_type"), [
    # destroying the other side's hideouts is fighting; destroying a weapons store disrupts its weapons
    ("Soldiers destroyed three hideouts of the gunmen near Saqba on Tuesday.", "destroyed", "Armed clash"),
    ("The army destroyed an arms depot in the town of Saqba on Monday.", "destroyed", "Disrupted weapons use"),
    # shells and rockets that landed or fell are shelling
    ("Two mortar shells landed on a market in Douma on Tuesday.", "landed", SHELLING),
    ("Rockets fell on the town of Saqba on Monday, wounding three people.", "fell", SHELLING),
    ("Army units confronted the gunmen in Saqba on Monday and inflicted heavy losses on them.", "confronted",
     "Armed clash"),
    ("Troops flushed the gunmen from their last positions near Kafr Nabl on Monday.", "flushed",
     "Government regains territory"),
    # "bombed" by artillery or with mortars is shelling; by warplanes an air strike
    ("Government artillery bombed Douma on Monday.", "bombed", SHELLING),
    ("The army bombed Douma with mortars on Monday.", "bombed", SHELLING),
    ("Warplanes bombed Douma on Monday.", "bombed", "Air/drone strike"),
    # a ground force's bombing that killed civilians is shelling, not an attack on civilians;
    # a bombardment whose agent is aircraft (hung by the parser on the verb) is an air strike
    ("The army's bombing killed one civilian in the town of Saqba on Friday.", "killed", SHELLING),
    ("A man died of wounds from bombardment by warplanes on Douma on Monday.", "bombardment",
     "Air/drone strike"),
    ("Five people were killed in a bombardment by helicopters on Douma on Monday.", "bombardment",
     "Air/drone strike"),
    ("A terrorist bombing killed three people in Douma on Monday.", "killed",
     "Remote explosive/landmine/IED"),
    ("Five people were killed in a bombardment by government forces on Douma on Monday.", "bombardment",
     SHELLING),
])
def test_phrasings_and_their_sub_event_types(claims_of, sentence, trigger, sub_event_type):
    assert only(claims_of(sentence), trigger).sub_event_type == sub_event_type



def test_wanted_before_a_counted_noun_is_no_aim():
    """"Some 40 wanted gunmen turned themselves in": the parser may read "wanted" as a verb with
    the number for subject and the surrender for its complement; "wanted" is the noun's adjective."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from frontlines.extract.status import _counted_participle

    words = ["Some", "40", "wanted", "gunmen", "turned", "themselves", "in"]
    doc = Doc(Vocab(), words=words, heads=[1, 2, 2, 4, 2, 4, 4],
              deps=["det", "nsubj", "ROOT", "nsubj", "ccomp", "dobj", "prt"],
              tags=["DT", "CD", "VBD", "NNS", "VBD", "PRP", "RP"],
              pos=["DET", "NUM", "VERB", "NOUN", "VERB", "PRON", "ADP"])
    assert _counted_participle(doc[2], doc[4])
    words = ["Rebels", "wanted", "gunmen", "turned", "in"]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1, 3], deps=["nsubj", "ROOT", "nsubj", "ccomp", "prt"],
              tags=["NNS", "VBD", "NNS", "VBD", "RP"], pos=["NOUN", "VERB", "NOUN", "VERB", "ADP"])
    assert not _counted_participle(doc[1], doc[3])


def test_an_item_of_a_bulleted_digest_tells_the_days_event_in_the_present(claims_of):
    claims = claims_of("* Clashes near Douma.\n\n* The air force targets the district of Harasta.")
    assert ("targets", Status.ASSERTED) in {(c.trigger, c.status) for c in claims if c.factual}
    claims = claims_of("* Clashes near Douma.\n\n* [The army] bombs Saqba with mortars.")
    assert ("bombs", Status.ASSERTED) in {(c.trigger, c.status) for c in claims if c.factual}
    assert not [c for c in claims_of("The air force targets the district of Harasta every week.")
                if c.trigger == "targets" and c.factual]


def test_heavy_gunfire_in_a_place_is_a_clash(claims_of):
    claim = only(claims_of("Heavy gunfire continued in the town of Mhardeh on Monday."), "gunfire")
    assert claim.sub_event_type == "Armed clash" and claim.location is not None
    assert claim.location.text == "Mhardeh"


def test_forces_that_leave_change_their_activity(claims_of):
    claims = claims_of("The governor said more than 800 fighters and their families had left.")
    assert only(claims, "left").sub_event_type == "Change to group/activity"
    claim = only(claims_of("The rebels left the town of Mhardeh on Monday."), "left")
    assert claim.sub_event_type == "Change to group/activity" and claim.status == Status.ASSERTED
    # a blow that leaves the dead behind is no departure
    assert not [c for c in claims_of("The attack left ten fighters dead in Hama on Monday.")
                if c.sub_event_type == "Change to group/activity"]


def test_a_lead_in_the_news_present_with_its_source_is_no_habit(claims_of):
    for text in ("The army seizes control of the town of Mhardeh, local sources confirm, in a major advance.",
                 "The army seizes control of the town of Mhardeh, local sources confirm."):
        claim = only([c for c in claims_of(text) if c.trigger == "seizes"], "seizes")
        assert claim.factual and claim.sub_event_type == "Government regains territory"
    assert not [c for c in claims_of("The army shells the town of Mhardeh every day, residents say.") if c.factual]


def test_a_relative_clause_on_the_victims_leaves_the_killing_standing(claims_of):
    """"killed gunmen who tried to infiltrate": the clause tells who was killed; the weak "killed"
    is not dropped for the attack it names."""
    claims = claims_of("On Monday border guards near Tal Kalakh killed and wounded several gunmen who tried to "
                       "infiltrate from Lebanon.")
    assert only(claims, "killed").status == Status.ASSERTED


@pytest.mark.parametrize("text", [
    "The army also killed 25 rebels in Douma and four in Harasta, both suburbs of Damascus, and six rebels in "
    "the town of Nabek on Friday.",
    "Government forces killed 25 militants in Douma and four in Harasta and six in Nabek on Friday.",
])
def test_a_toll_counted_place_by_place_is_one_event_per_place(claims_of, text):
    tolls = {c.location.text: c.fatalities for c in claims_of(text) if c.trigger == "killed" and c.location}
    assert tolls == {"Douma": 25, "Harasta": 4, "Nabek": 6}


def test_a_count_without_its_own_place_is_no_list_of_tolls(claims_of):
    claims = [c for c in claims_of("The army killed 25 rebels in Douma and their commander on Friday.")
              if c.trigger == "killed"]
    assert len(claims) == 1 and claims[0].fatalities == 25


def test_a_retreat_forced_after_the_fight_is_the_captures_other_half(claims_of):
    claims = claims_of("The army seized full control over Mhardeh after defeating the militants and forcing "
                       "them to leave the area, the sources said.")
    assert {c.trigger for c in claims} == {"seized"}
    claims = claims_of("The army seized Mhardeh on Monday and the rebels withdrew from Kafr Zita.")
    assert {c.trigger for c in claims} == {"seized", "withdrew"}


@pytest.mark.parametrize(("text", "trigger", "sub_event_type"), [
    ("The rebels destroyed an army tank near Mhardeh on Monday.", "destroyed", "Armed clash"),
    ("* The rebels wreck an army tank near Mhardeh.", "wreck", "Armed clash"),
    ("Warplanes destroyed two tanks near Mhardeh on Monday.", "destroyed", "Air/drone strike"),
])
def test_a_blow_at_the_other_sides_armour_is_a_clash(claims_of, text, trigger, sub_event_type):
    assert only(claims_of(text), trigger).sub_event_type == sub_event_type


def test_troops_that_regroup_change_their_activity(claims_of):
    claim = only(claims_of("Government troops regrouped near the town of Mhardeh on Monday."), "regrouped")
    assert claim.sub_event_type == "Change to group/activity" and claim.status == Status.ASSERTED


def test_a_killing_beside_a_clause_of_another_kind_stands(claims_of):
    """"two civilians were killed in X, and the gunmen took policemen hostage": the hostage-taking
    of the coordinated clause does not tell the killing, so the weak "killed" is kept; a strike
    in the other clause is what killed ("shells hit X, and five people were killed")."""
    claims = claims_of("Two civilians were reported killed in the town of Mhardeh on Monday, and local media said "
                       "the gunmen had also kidnapped a number of policemen.")
    assert {c.trigger for c in claims} == {"killed", "kidnapped"}
    claims = claims_of("Mortar shells hit the town of Mhardeh on Monday, and five people were killed.")
    assert "killed" not in {c.trigger for c in claims}


def test_holding_people_captive_is_an_abduction(claims_of):
    claim = only(claims_of("Gunmen are holding captive several nuns in the town of Mhardeh."), "holding")
    assert claim.sub_event_type == "Abduction/forced disappearance"
    assert not [c for c in claims_of("The rebels held a meeting in the town of Mhardeh on Monday.")
                if c.trigger == "held"]


def test_troops_approaching_a_town_change_their_activity(claims_of):
    claim = only(claims_of("Syrian troops are approaching the town of Mhardeh, the state news agency said."),
                 "approaching")
    assert claim.sub_event_type == "Change to group/activity" and claim.factual
    assert not [c for c in claims_of("The anniversary of the uprising is approaching.") if c.factual]


def test_stepping_on_a_mine_is_a_landmine_event(claims_of):
    claim = only(claims_of("Two fighters were killed near Mhardeh on Monday after stepping on a mine."), "stepping")
    assert claim.sub_event_type == "Remote explosive/landmine/IED"
    assert not [c for c in claims_of("The army stepped up its pressure on Mhardeh on Monday.")
                if c.trigger == "stepped"]


def test_a_counted_place_noun_in_a_capture_list_names_more_places(claims_of):
    claims = claims_of("The army took control over Tal Kurdi hill and the two villages of Mhardeh and Kafr Zita "
                       "on Monday.")
    assert {c.location.text for c in claims if c.trigger == "took" and c.location} >= {"Mhardeh", "Kafr Zita"}


def test_a_count_whose_apposition_names_civilians_is_an_attack_on_them(claims_of):
    claim = only(claims_of("3 were killed in the town of Mhardeh on Monday, a teenager and a woman, as victims "
                           "of random shooting."), "killed")
    assert claim.sub_event_type == "Attack"


def test_what_a_blow_left_done_to_people_is_no_aside(claims_of):
    claims = claims_of("The attack on Monday left 50 civilians killed in Mhardeh and 10 villagers executed in "
                       "nearby Kafr Zita.")
    assert only(claims, "executed").sub_event_type == "Attack"


def test_a_where_clause_tells_what_was_done_at_the_place(claims_of):
    """"pushed into X, where they set off three car bombs": the clause on the place is the
    sentence's own news, not an aside about the place."""
    claims = claims_of("IS militants pushed into the town of Mhardeh on Thursday, where they set off three car "
                       "bombs, killing dozens.")
    assert only(claims, "bombs").sub_event_type == "Remote explosive/landmine/IED"
