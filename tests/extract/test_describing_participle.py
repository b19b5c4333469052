"""A participle that only says where a place lies ("the hills surrounding X") is no
encirclement; forces surrounding a town are.  Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2015, 3, 14)


@pytest.mark.parametrize("text", [
    ("Outgunned by the army and its allies, rebels abandoned their positions on the hills surrounding "
     "Zabadani overnight Sunday, allowing government forces to move in from the east, a spokesman said.")])
def test_the_hills_surrounding_a_town_are_no_encirclement(claims_of, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in claims_of(text, PUBLISHED) if c.trigger == "surrounding"]


def test_forces_surrounding_a_town_still_encircle_it(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "On Friday the army surrounded Kafr Tala, a spokesman said."
    assert [c.trigger for c in claims_of(text, PUBLISHED)] == ["surrounded"]
    text = "The army is surrounding Kafr Tala, activists said on Friday."
    assert "surrounding" in [c.trigger for c in claims_of(text, PUBLISHED)]
