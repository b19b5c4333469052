"""Every standing, with sentences written for these tests (never taken from the corpora)."""

from __future__ import annotations

import pytest
from claimkit import only

from frontlines.records import Status

CASES = [
    # asserted
    ("Rebel fighters captured the village of Kafr Nabl on Tuesday.", "captured", Status.ASSERTED),
    ("Government troops shelled the town of Douma overnight.", "shelled", Status.ASSERTED),
    # reported: attribution by a named or unnamed source
    (
        "SANA reported that the army recaptured the town of Qaryatayn.",
        "recaptured",
        Status.REPORTED,
    ),
    (
        "According to local activists, warplanes bombed a market in Maarat al-Numan.",
        "bombed",
        Status.REPORTED,
    ),
    (
        "It is widely acknowledged that the militants withdrew from the town of Al-Bab.",
        "withdrew",
        Status.REPORTED,
    ),
    # alleged: hedges
    ("The army reportedly seized the airport of Kweires.", "seized", Status.ALLEGED),
    (
        "Opposition groups claimed that they had destroyed a tank near Hama.",
        "destroyed",
        Status.ALLEGED,
    ),
    ("Turkish jets allegedly struck a convoy near Afrin.", "struck", Status.ALLEGED),
    # expected: future, aims, predictions
    ("The army will launch an offensive on the city of Idlib.", "offensive", Status.EXPECTED),
    ("Government forces are expected to storm the town of Mayadin.", "storm", Status.EXPECTED),
    ("The militants could capture the town of Suran within a week.", "capture", Status.EXPECTED),
    ("The militants could capture the town of Suran next week.", "capture", Status.EXPECTED),
    # "could" with a time that can only be past: the past of "can" (translated reports)
    ("The rebels could capture the village of Tal Rifaat yesterday after fierce clashes.", "capture",
     Status.ASSERTED),
    ("Government forces could liberate the town of Suran two days ago.", "liberate", Status.ASSERTED),
    ("The coalition aims to retake the city of Tabqa.", "retake", Status.EXPECTED),
    (
        "Washington is considering withdrawing its troops from Manbij.",
        "withdrawing",
        Status.EXPECTED,
    ),
    (
        "Russian units are readying to a final assault on the town of Qusayr.",
        "assault",
        Status.EXPECTED,
    ),
    # hypothetical: conditions
    (
        "If the rebels capture the hill of Tal Rifaat, the road will be cut.",
        "capture",
        Status.HYPOTHETICAL,
    ),
    (
        "Should the talks fail, the army would storm the town of Madaya.",
        "storm",
        Status.HYPOTHETICAL,
    ),
]


@pytest.mark.parametrize(("sentence", "trigger", "status"), CASES)
def test_status(claims_of, sentence, trigger, status):
    assert only(claims_of(sentence), trigger).status == status


def test_attribution_names_the_source(claims_of):
    claim = only(
        claims_of("SANA reported that the army recaptured the town of Qaryatayn."), "recaptured"
    )
    assert claim.attributed_to == "SANA"
    claim = only(
        claims_of("According to local activists, warplanes bombed a market in Maarat al-Numan."),
        "bombed",
    )
    assert claim.attributed_to == "local activists"


def test_denial_in_the_next_sentence(claims_of):
    text = (
        "Pro-government media circulated reports that the rebel commander Abu Omar "
        "was killed in Idlib. "
        "These reports turned out to be false."
    )
    claim = only(claims_of(text), "killed")
    assert claim.status == Status.DENIED
    assert not claim.factual


def test_denial_verb(claims_of):
    claim = only(
        claims_of("The ministry denied that its jets bombed the hospital in Saraqib."), "bombed"
    )
    assert claim.status == Status.DENIED


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels failed to capture the town of Morek.",  # negation
        "The army did not retake the village of Atshan.",  # negation
        "The militants were stopped from reaching the town of Salamiyah.",  # non-occurrence
        "Militants regularly attack the road between Homs and Palmyra.",  # habitual
        "Gunmen routinely shell the suburbs of Aleppo.",  # habitual
        "Jets continue to strike positions of the militants in Idlib.",  # habitual
        "The army has been fighting the militants in Daraa since 2013.",  # background
    ],
)
def test_no_specific_event(claims_of, sentence):
    assert [c for c in claims_of(sentence) if c.factual] == []


def test_presupposed_nominal_is_not_asserted(claims_of):
    claims = claims_of("The capture of Mayadin has a great importance for the whole region.")
    assert claims and all(not c.factual for c in claims)


def test_anchored_nominal_is_asserted(claims_of):
    claim = only(
        claims_of("After the recent capture of Palmyra by the army, the road reopened."), "capture"
    )
    assert claim.status == Status.ASSERTED


def test_quoted_block_is_reported_by_its_outlet(claims_of):
    blocks = [
        ("body", "Here is how the Daily Front explains it."),
        ("quote", "The army captured the village of Tal Salmo on Monday."),
    ]
    claim = only(claims_of(blocks), "captured")
    assert claim.status == Status.REPORTED
    assert claim.attributed_to == "the Daily Front"


def test_quoted_block_keeps_its_own_future(claims_of):
    blocks = [("quote", "The army will capture the village of Tal Salmo next month.")]
    claim = only(claims_of(blocks, quoted_source="Front News"), "capture")
    assert claim.status == Status.EXPECTED
    assert claim.attributed_to == "Front News"


def test_a_prospect_is_expected(claims_of):
    for text in (
        "Now the liberation of Tadmur is within sight.",
        "The fall of the town is imminent.",
    ):
        claims = claims_of(text)
        assert claims and all(not c.factual for c in claims), text


def test_an_attack_tried_was_made_a_place_tried_was_not_taken(claims_of):
    claims = claims_of("Militants tried to infiltrate army positions near Hama on Tuesday, the army said.")
    assert only(claims, "infiltrate").status == Status.REPORTED
    claims = claims_of("Islamic State fighters attempted to advance on the village of Tal Jamal on Monday.")
    assert only(claims, "advance").status == Status.ASSERTED
    claims = claims_of("Rebels tried to capture the town of Morek on Monday.")
    assert only(claims, "capture").status == Status.EXPECTED
    claims = claims_of("The army is trying to advance towards the town of Morek.")
    assert only(claims, "advance").status == Status.EXPECTED


@pytest.mark.parametrize("sentence", [
    "Warplanes pounded Morek on Monday ahead of an expected ground offensive.",
    "Rebels braced for a long-awaited offensive on Idlib.",
    "Residents of Idlib await an offensive by government forces.",
])
def test_an_offensive_awaited_is_no_offensive_made(claims_of, sentence):
    assert only(claims_of(sentence), "offensive").status == Status.EXPECTED


def test_going_on_a_named_day_is_that_days_event_going_on_daily_is_a_habit(claims_of):
    assert only(claims_of("Troops continued to advance on Morek on Monday."), "advance").status == Status.ASSERTED
    assert not [c for c in claims_of("Regime forces continue to shell Douma daily.") if c.trigger == "shell"]


def test_a_modal_on_what_is_said_of_an_attack_its_own_day_dates_does_not_make_it_a_forecast(claims_of):
    claim = only(claims_of("Officials would not comment on Tuesday's attack on Idlib."), "attack")
    assert claim.status == Status.ASSERTED
    claim = only(claims_of("Officials said a planned Tuesday attack on Idlib would be delayed."), "attack")
    assert claim.status == Status.EXPECTED
    claim = only(claims_of("The army would launch an offensive on Idlib."), "offensive")
    assert claim.status == Status.EXPECTED


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Over the past two years, thousands of fighters have been transferred from other fronts to Idlib.", "transferred"),
    ("A regime offensive aimed at seizing Idlib has killed hundreds of civilians.", "offensive"),
])
def test_months_of_happenings_and_a_campaigns_running_total_are_background(claims_of, sentence, trigger):
    assert only(claims_of(sentence), trigger).status == Status.BACKGROUND


def test_a_campaigns_toll_of_one_day_is_that_days_event(claims_of):
    assert only(claims_of("The offensive has killed 20 civilians in Idlib on Monday."), "offensive").factual


def test_a_timelines_historic_present_with_a_calendar_day_is_one_happening(claims_of):
    claim = only(claims_of("On March 12, government forces seize the town of Maarat al-Numan in Idlib province."),
                 "seize")
    assert claim.factual and claim.event_date.endswith("-03-12")
    assert not [c for c in claims_of("Regime forces shell Douma every day.") if c.trigger == "shell"]
