"""The losing side's retreat told as a clause of a capture is the capture's other half, not an
event of its own; a withdrawal told on its own stays.  Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2015, 3, 14)


@pytest.mark.parametrize("text", [
    ("The observatory said on Friday that the rebels, backed by Turkish warplanes and artillery, "
     "seized Zabadani after IS fighters withdrew from the area."),
    ("On Tuesday, a news network reported rebels had seized a number of buildings in the town of "
     "Zabadani, forcing regime troops to withdraw from the town as the battle continues.")])
def test_a_retreat_that_a_capture_forced_is_the_capture(claims_of, text: str) -> None:  # type: ignore[no-untyped-def]
    types = [c.sub_event_type for c in claims_of(text, PUBLISHED)]
    assert "Change to group/activity" not in types
    assert any(t in types for t in ("Non-state actor overtakes territory", "Government regains territory"))


@pytest.mark.parametrize("text", [
    "Rebels seized Zabadani on Tuesday, and the army withdrew its troops from Madaya.",
    "The army withdrew from Zabadani on Tuesday."])
def test_a_withdrawal_of_its_own_stays(claims_of, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "Change to group/activity" in [c.sub_event_type for c in claims_of(text, PUBLISHED)]
