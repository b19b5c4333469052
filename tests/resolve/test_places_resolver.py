"""PlaceResolver on sentences written for these tests (not corpus text)."""

import pytest

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gaz_admin import km
from frontlines.resolve.gazetteer import MemoryGazetteer, SqliteGazetteer
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words  # the feature words the packaged gazetteer was built with


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver(SqliteGazetteer(), packaged_kb())


def _find(resolver, text):
    return resolver.find(text, "d", [(0, len(text))])


def _by_text(mentions):
    return {m.text: m for m in mentions}


def test_memory_gazetteer_resolver():
    gaz = MemoryGazetteer([
        (Place("t:1", "Maskanah", 35.96, 38.03, "SY", "Aleppo"), ["Maskana"]),
        (Place("t:2", "Maskanah", 34.66, 36.74, "SY", "Homs"), []),
        (Place("t:3", "Dayr Hafir", 36.16, 37.71, "SY", "Aleppo", population=28000), ["Deir Hafer"]),
    ], WORDS)
    text = "Troops moved from Deir Hafer to Maskana on Monday."
    found = _by_text(PlaceResolver(gaz, packaged_kb()).find(text, "d", [(0, len(text))]))
    assert found["Maskana"].place.gazetteer_id == "t:1"  # spatial coherence with Deir Hafer
    assert found["Deir Hafer"].geo_precision == 1
    assert text[found["Maskana"].start:found["Maskana"].end] == "Maskana"


def test_variants_and_patterns(resolver):
    text = ("Government troops entered Deir Ezzor on Tuesday after shelling the Deir ez-Zor airport. "
            "Fighting continued near al-Mayadeen and around the Al-Hayl gas field.")
    found = _by_text(_find(resolver, text))
    assert found["Deir Ezzor"].place.admin1 == "Deir ez-Zor" and found["Deir Ezzor"].geo_precision == 1
    assert found["Deir ez-Zor airport"].place.feature == "airbase"
    assert found["al-Mayadeen"].geo_precision == 2  # "near X"
    assert found["Al-Hayl gas field"].place.feature == "oil_gas"


def test_district_container_and_province(resolver):
    text = "The army encircled the militants in the As-Safira district in Aleppo province."
    found = _by_text(_find(resolver, text))
    district = found["As-Safira district"]
    assert district.place.feature in {"admin2", "admin3"} and district.place.admin1 == "Aleppo"
    assert district.geo_precision == 2
    assert found["Aleppo province"].place.feature == "admin1" and found["Aleppo province"].geo_precision == 3


def test_offset_point(resolver):
    text = "The convoy stopped 50 km north of the crossing point of Al-Tanf last week."
    (m,) = [m for m in _find(resolver, text) if "Tanf" in m.text]
    assert m.geo_precision == 3
    tanf = SqliteGazetteer().candidates("At Tanf", country="SY")[0].place
    assert 40 < km(m.place.latitude, m.place.longitude, tanf.latitude, tanf.longitude) < 60
    assert m.place.latitude > tanf.latitude


def test_road_between_two_places(resolver):
    text = "Rebels cut the Homs-Palmyra highway again."
    (m,) = _find(resolver, text)
    assert m.text == "Homs-Palmyra highway" and m.place.feature == "road" and m.geo_precision == 2


def test_metonymy_is_not_a_place(resolver):
    text = ("Moscow said the talks would resume. Damascus and Baghdad agreed to reopen the border. "
            "The delegation later flew from Damascus to Beirut.")
    mentions = [m for m in _find(resolver, text) if m.role != "actor"]  # states named as actors
    starts = {text[m.start:m.end]: m.start for m in mentions}
    assert "Moscow" not in starts
    assert "Baghdad" not in starts
    assert [m.start for m in mentions if m.text == "Damascus"] == [text.rindex("Damascus")]
    assert "Beirut" in starts
    possessive = _find(resolver, "The plan needs Damascus's approval before it starts.")
    assert [(m.text, m.role) for m in possessive] == [("Damascus", "actor")]


def test_unknown_name_is_kept(resolver):
    text = "Clashes broke out in the village of Qzwrtyh after midnight."
    (m,) = _find(resolver, text)
    assert m.text == "Qzwrtyh" and m.place is None and "unresolved" in m.reason


def test_words_that_are_not_places(resolver):
    text = ("However, President Bashar al-Assad met Russian officials in March. "
            "The Islamic State in Iraq claimed the attack. Sources told Reuters on Friday.")
    assert _find(resolver, text) == []


def test_only_inside_spans(resolver):
    text = "Aleppo was quiet. Idlib was shelled."
    mentions = resolver.find(text, "d", [(18, len(text))])
    assert [m.text for m in mentions] == ["Idlib"]
    assert all(m.kind == "place" and m.doc_id == "d" for m in mentions)


def test_lowercase_title_spelling_is_matched(resolver):
    text = "Reinforcements reached Tabqa and the Tabqa Dam in the province of Raqqa."
    found = _by_text(_find(resolver, text))
    assert found["Tabqa"].place.admin1 == "Raqqa" and found["Tabqa Dam"].place.feature == "dam"
