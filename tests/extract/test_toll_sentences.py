"""A toll given by a sentence of its own, after the happening (sentences written for the tests)."""

from __future__ import annotations

import pytest


def _tolls(claims):
    return [c.fatalities for c in claims if c.factual and c.event_type != "Strategic developments"]


@pytest.mark.parametrize(
    "text",
    [
        "A suspected chemical attack hit the village of Kafr Zita on Tuesday, activists said. "
        "The agency said in a statement putting the death toll at at least 70.",
        "A car bomb exploded near a mosque in the town of Azaz on Friday. The death toll rose to 70, the monitor said.",
    ],
)
def test_a_later_sentence_gives_the_toll_of_the_last_happening(claims_of, text):
    assert 70 in _tolls(claims_of(text))


def test_a_toll_after_a_capture_is_the_battles(claims_of):
    claims = claims_of("Rebels captured the town of Kafr Nabuda on Tuesday after heavy fighting with the army. "
                       "The death toll rose to 115, the monitor said.")
    assert 115 not in _tolls(claims)


def test_a_forecast_gives_no_toll(claims_of):
    claims = claims_of("A car bomb exploded near a mosque in the town of Azaz on Friday. "
                       "The monitor said the death toll could reach as many as 200.")
    assert 200 not in _tolls(claims)
