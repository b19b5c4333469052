"""Everyday wire-report phrasing (sentences written for the tests)."""

from __future__ import annotations

from claimkit import only

from frontlines.records import Status


def test_monitor_attribution(claims_of):
    text = (
        "The Syrian Observatory for Human Rights said at least 20 civilians were killed "
        "in air strikes on Ariha."
    )
    claim = only(claims_of(text), "strikes")
    assert claim.status == Status.REPORTED
    assert claim.attributed_to == "The Syrian Observatory for Human Rights"
    assert claim.fatalities == 20
    assert claim.sub_event_type == "Air/drone strike"


def test_believed_is_a_hedge(claims_of):
    claim = only(
        claims_of("The army is believed to have captured the town of Latamneh."), "captured"
    )
    assert claim.status == Status.ALLEGED


def test_denied_reports(claims_of):
    text = "The ministry denied reports that its aircraft had bombed a school in Haas."
    claim = only(claims_of(text), "bombed")
    assert claim.status == Status.DENIED


def test_patron_is_not_the_actor(claims_of):
    claim = only(
        claims_of("Turkish-backed rebels captured the village of Tal Malid on Monday."), "captured"
    )
    # not Turkey: the Turkish-backed rebels (the Syrian National Army, coded FSA before Oct 2019)
    assert claim.actor1.name == "Free Syrian Army"
    assert claim.sub_event_type == "Non-state actor overtakes territory"


def test_shot_down(claims_of):
    claim = only(
        claims_of("Rebels shot down a government helicopter near Saraqib on Monday."), "shot"
    )
    assert claim.event_type == "Battles"


def test_civilian_victims_are_actor2(claims_of):
    claim = only(
        claims_of("Ten civilians were killed on Monday when warplanes bombed a market in Douma."),
        "bombed",
    )
    assert claim.actor2 is None or claim.actor2.name != claim.actor1.name
    assert claim.actor1 is None or claim.actor1.inter != 7


def test_vowed_future(claims_of):
    claim = only(claims_of("The rebels vowed to retake the town of Morek within days."), "retake")
    assert claim.status == Status.EXPECTED


def test_past_perfect_is_asserted(claims_of):
    claim = only(
        claims_of("By Sunday evening the army had recaptured the village of Hamdaniyah."),
        "recaptured",
    )
    assert claim.status == Status.ASSERTED


def test_title_case_outlet_intro_makes_a_quote_reported(claims_of):
    blocks = [
        ("body", "Levant News has just reported the following."),
        ("quote", "Troops stormed the village of Abu Dhuhur at dawn."),
    ]
    claim = only(claims_of(blocks), "stormed")
    assert claim.status == Status.REPORTED and claim.attributed_to == "Levant News"


def test_whole_war_tolls_are_background(claims_of):
    text = "The monitor says more than 200000 people have been killed since the war began in 2011."
    assert [c for c in claims_of(text) if c.factual] == []
    text = "Thousands of fighters have been killed in the Syrian conflict."
    assert [c for c in claims_of(text) if c.factual] == []


def test_rallying_support_is_not_a_protest(claims_of):
    assert claims_of("The president has rallied the minorities behind his government.") == []
    claim = only(claims_of("Hundreds rallied in the town of Kafr Nabl on Friday."), "rallied")
    assert claim.event_type == "Protests"


def test_based_in_is_not_the_actor(claims_of):
    text = "A Jordan-based activist said that warplanes bombed the village of Hish on Monday."
    claim = only(claims_of(text), "bombed")
    assert claim.actor1 is None or "Jordan" not in (claim.actor1.name or "")


def test_anchored_by_recent_weeks(claims_of):
    text = "The city was shaken by two bomb attacks in recent weeks."
    claim = only(claims_of(text), "attacks")
    assert claim.factual


def test_the_war_as_killer_is_background(claims_of):
    text = "The six-year war has killed hundreds of thousands of people."
    assert [c for c in claims_of(text) if c.factual] == []


def test_headline_present_with_a_count_is_an_event(claims_of):
    claim = only(claims_of("Air strikes kill 23 civilians in the town of Ariha."), "strikes")
    assert claim.factual and claim.fatalities == 23


def test_caused_to_explode_is_not_a_purpose(claims_of):
    text = "Police shot the second attacker on Monday, causing his bomb to explode near the gate."
    claim = only(claims_of(text), "explode")
    assert claim.factual


def test_present_progressive_is_ongoing(claims_of):
    claim = only(claims_of("Government troops are advancing on the town of Sukhnah."), "advancing")
    assert claim.ongoing and claim.event_date == "2017-03-15" and claim.time_precision == 1
    claim = only(claims_of("Government troops advanced on the town of Sukhnah."), "advanced")
    assert not claim.ongoing
