"""Rows an analyst can trust on reports nobody tuned for (issue 9, fourth pass): a place the
tagger reads as a person's name, … Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from claimkit import only

PUBLISHED = dt.date(2015, 3, 4)  # a Wednesday


# --- the event location ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("On Monday, Kurdish fighters captured the city of Tall Hamis, a stronghold of the Islamic State "
     "located seventy kilometers south of al-Qamishli.", "captured", "Tall Hamis"),
    ("After capturing villages around Tall Hamis, the militia burned down several houses there.",
     "burned", "Tall Hamis"),
])
def test_a_place_read_as_a_whole_personal_name_is_still_a_place(claims_of, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                                place: str) -> None:
    found = only(claims_of(text, PUBLISHED), trigger)
    assert found.location is not None and found.location.text == place


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("The government reached a reconciliation agreement on Wednesday with rebels in Nawa, in southern "
     "Daraa province.", "reached", "Nawa"),
    ("Rebels shelled the town of Mhardeh in Hama province on Monday.", "shelled", "Mhardeh"),
])
def test_a_town_of_the_sentence_beats_the_province_holding_it(claims_of, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                              place: str) -> None:
    found = only(claims_of(text, PUBLISHED), trigger)
    assert found.location is not None and found.location.text == place


def test_a_province_alone_is_still_the_location(claims_of) -> None:  # type: ignore[no-untyped-def]
    found = only(claims_of("Rebels shelled government positions in Hama province on Monday.", PUBLISHED),
                 "shelled")
    assert found.location is not None and found.location.text == "Hama province"
