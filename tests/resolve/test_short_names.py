"""Every name the gazetteer holds is findable in running text, short or not, without letting
common words in; a possessive is only "'s" (invented sentences)."""

from __future__ import annotations

import pytest

from factories import packaged_kb
from frontlines.geo import haversine_km
from frontlines.records import Place
from frontlines.resolve.gazetteer import MemoryGazetteer, SqliteGazetteer
from frontlines.resolve.places import PlaceResolver


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver(SqliteGazetteer(), packaged_kb())


def _places(resolver, text):
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))]) if m.place is not None}


def _near(m, lat, lon, km=15):
    return haversine_km(m.place.latitude, m.place.longitude, lat, lon) <= km


def test_short_name_with_its_article(resolver):
    found = _places(resolver, "Rebels shelled Al-Bab on Monday and then moved west.")
    assert "Al-Bab" in found and _near(found["Al-Bab"], 36.37, 37.52)


def test_short_name_after_a_place_cue(resolver):
    found = _places(resolver, "Buses carrying residents left the besieged village of Foua at dawn.")
    assert "Foua" in found and _near(found["Foua"], 35.99, 36.69)


def test_article_that_is_an_english_word_starts_a_name(resolver):
    found = _places(resolver, "Heavy fighting was reported around At Tall, north of the capital.")
    assert "At Tall" in found and _near(found["At Tall"], 33.61, 36.31)


def test_common_words_stay_out(resolver):
    text = ("At least ten people were killed. As a result, the Ram truck was destroyed and Tel said "
            "nothing. An official left.")
    assert _places(resolver, text) == {}


def test_short_bare_word_without_a_cue_is_not_a_place():
    gaz = MemoryGazetteer([(Place("t:ram", "Ram", 35.0, 37.0, "SY", "Hama"), [])])
    found = PlaceResolver(gaz, packaged_kb(), use_actors=False).find(
        "They drove a Ram pickup into the square.", "d", [(0, 41)])
    assert [m for m in found if m.place is not None] == []


def test_final_s_of_a_name_is_kept():
    """Only "'s" is a possessive: a town whose name ends in s is not cut to a namesake of the stem."""
    gaz = MemoryGazetteer([
        (Place("t:stem", "Tadif", 36.0, 37.0, "SY", "Aleppo", feature="city", population=200_000), []),
        (Place("t:town", "Tadifs", 35.0, 36.0, "SY", "Hama"), []),
    ], packaged_kb().theater.feature_words)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "Clashes broke out in Tadifs on Friday."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))]) if m.place is not None}
    assert found["Tadifs"].place.gazetteer_id == "t:town"
    text = "Tadif's mayor fled; shells hit Tadif."
    found = [m for m in resolver.find(text, "d", [(0, len(text))]) if m.place is not None]
    assert found and all(m.text == "Tadif" and m.place.gazetteer_id == "t:stem" for m in found)


def test_feature_word_suffixes_find_the_feature(resolver):
    """A feature word after the name picks the feature of that kind, even when only a vowel variant
    of the name has one ("Tabaqa air base": the air base, not the village At Tabaqah)."""
    cands = SqliteGazetteer().candidates("Tabaqa air base", limit=5)
    assert cands[0].place.feature in ("airbase", "military_base")
