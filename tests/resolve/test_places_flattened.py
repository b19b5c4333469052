"""Place names in text whose punctuation or case was lost on the way (wire copies, scraped pages)."""

from __future__ import annotations

import pytest

from factories import packaged_kb
from frontlines.resolve.gazetteer import SqliteGazetteer
from frontlines.resolve.places import PlaceResolver


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(SqliteGazetteer(), packaged_kb())


def _names(resolver: PlaceResolver, text: str) -> dict[str, str | None]:
    return {m.text: (m.place.admin1 if m.place else None) for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_last_word_in_lower_case_is_part_of_a_name_the_gazetteer_holds(resolver: PlaceResolver) -> None:
    found = _names(resolver, "Jets struck the eastern Deir ezzor province and rebels shelled Ras al-ain.")
    assert found.get("eastern Deir ezzor") == "Deir ez-Zor"
    assert "Ras al-ain" in found and found["Ras al-ain"] is not None
    # a lower-case word that makes no name the gazetteer holds stays out
    assert "Aleppo today" not in _names(resolver, "Jets struck Aleppo today.")


def test_a_countrys_name_with_its_apostrophe_lost_is_no_part_of_the_next_name(resolver: PlaceResolver) -> None:
    found = _names(resolver, "US airstrikes kill 23 civilians in Syrias Deir ezzor.")
    assert found.get("Deir ezzor") == "Deir ez-Zor"
    assert not any(name.startswith("Syrias") for name in found)


def test_a_bearing_from_a_big_city_may_state_a_place_far_from_it(resolver: PlaceResolver) -> None:
    text = "Kurdish fighters held Makhmour, south of Erbil, on Monday. Iraqi troops advanced on Sinjar, west of Mosul."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Makhmour"] is not None and found["Makhmour"].name != "Erbil"
    assert found["Sinjar"] is not None and found["Sinjar"].country == "IQ" and found["Sinjar"].name != "Mosul"


def test_a_place_named_in_full_keeps_its_class(resolver: PlaceResolver) -> None:
    text = "A car bomb killed 12 people in Sadr City in Baghdad on Monday."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Sadr City"] is not None and found["Sadr City"].admin1 == "Baghdad"


def test_a_town_abroad_that_opens_a_report_with_a_colon_is_its_dateline(resolver: PlaceResolver) -> None:
    from frontlines.taxonomy import MentionRole

    text = "Beirut: Rebels killed 20 soldiers in an attack near Latakia in Syria on Monday."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Beirut"].role == MentionRole.DATELINE
    text = "Aleppo: rebels advance on the town of Morek in Syria."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Aleppo"].role != MentionRole.DATELINE  # a town of the report's own country


def test_a_three_letter_skeleton_alone_places_no_unknown_village(resolver: PlaceResolver) -> None:
    text = "Rebels took the village of Al Ateira near Latakia on Monday."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found.get("Al Ateira") is None or found["Al Ateira"].admin1 == "Latakia"
