"""Spelling variants, stated relations, alternate-name collisions and person names.

Sentences and toy gazetteers are written for these tests (not corpus text).
"""

import pytest

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gaz_sources import label_names, target_names
from frontlines.resolve.gazetteer import MemoryGazetteer, SqliteGazetteer
from frontlines.resolve.normalize import name_key, vowel_variant
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words  # the feature words the packaged gazetteer was built with


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver(SqliteGazetteer(), packaged_kb())


def _find(resolver, text):
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}


# -- build: names taken from map labels and link targets -------------------------------------
def test_link_target_qualifier_is_not_a_name():
    assert target_names("Kafr Dael, Aleppo") == ["Kafr Dael"]
    assert target_names("Al-Bab#Siege") == ["Al-Bab"]
    assert target_names("#Battle of somewhere") == []
    assert "base" not in label_names("Shayrat, base")


def test_settlement_parentheses_are_alternate_names():
    assert "Tabqa" in label_names("al-Thawrah (Tabqa)", alternates=True)
    assert "Tabqa" not in label_names("al-Thawrah (Tabqa)")  # a feature: "(X)" is a nearby town
    names = label_names("Big Village (Qaryat Kabira, Kabira)", alternates=True)
    assert {"Qaryat Kabira", "Kabira"} <= set(names)
    assert "West" not in label_names("Hamlet al-Gharbi (West)", alternates=True)


# -- matching: vowel variants --------------------------------------------------------------------
@pytest.mark.parametrize("a,b,same", [
    ("Tabqa", "Tabaqah", True), ("al-Tanaf", "At Tanf", True), ("Rusafa", "Resafa", True),
    ("Rasif", "Rusafa", False), ("Homs", "Hama", False),
    ("Al Ateira", "Tayru", False), ("Atman", "Tumin", False), ("Arbin", "Irbin", True),
])
def test_vowel_variant(a, b, same):
    assert vowel_variant(name_key(a), name_key(b)) is same


def test_vowel_variant_needs_same_word_count():
    gaz = MemoryGazetteer([(Place("t:1", "Balaqsa", 34.7, 36.5, "SY", "Homs"), [])], WORDS)
    assert all(not c.reason.startswith("vowel") for c in gaz.candidates("Balaq Sa"))
    assert gaz.candidates("Bolaqsa")[0].reason.startswith("vowel")


def _toy():
    return MemoryGazetteer([
        (Place("t:far", "Nusayra", 35.50, 40.00, "SY", "Deir ez-Zor"), []),
        (Place("t:near", "An Nasayra", 35.62, 38.75, "SY", "Raqqa"), []),
        (Place("t:ref", "Karmaliya", 35.84, 38.55, "SY", "Raqqa", population=50000), []),
        (Place("t:dez", "Deir Qasr", 35.33, 40.14, "SY", "Deir ez-Zor", population=200000), []),
    ], WORDS)


def test_stated_relation_lets_a_vowel_variant_beat_a_far_homonym():
    text = ("Troops reached Deir Qasr on Monday. Others took Nusayra (south of Karmaliya) "
            "on Tuesday, and Nusayra is now a supply hub.")
    found = PlaceResolver(_toy(), packaged_kb()).find(text, "d", [(0, len(text))])
    nusayra = [m for m in found if m.text == "Nusayra"]
    assert len(nusayra) == 2
    assert all(m.place.gazetteer_id == "t:near" for m in nusayra)  # one sense per discourse
    assert "stated relative to" in nusayra[0].reason


def test_exact_name_wins_without_a_stated_relation():
    text = "Troops reached Deir Qasr on Monday and then took Nusayra on Tuesday."
    found = _find(PlaceResolver(_toy(), packaged_kb()), text)
    assert found["Nusayra"].place.gazetteer_id == "t:far"


# -- ranking: alternate names of other places -------------------------------------------------------
def test_alternate_name_of_a_bigger_place_loses():
    gaz = MemoryGazetteer([
        (Place("t:city", "Qarmal", 35.0, 37.0, "SY", "Hama", population=20000), []),
        (Place("t:ruin", "Qarmal Ruins", 35.02, 37.02, "SY", "Hama", feature="settlement"), ["Qarmal"]),
    ], WORDS)
    cands = gaz.candidates("Qarmal")
    assert cands[0].place.gazetteer_id == "t:city"
    assert cands[0].score - cands[1].score > 0.15


def test_village_listing_a_district_name_is_not_its_seat():
    gaz = MemoryGazetteer([
        (Place("t:seat", "Dayr Kamil", 36.0, 37.0, "SY", "Aleppo", population=20000), []),
        (Place("t:vil", "Umm Tina", 36.05, 37.05, "SY", "Aleppo"), ["Dayr Kamil"]),
        (Place("t:d", "Dayr Kamil", 36.02, 37.01, "SY", "Aleppo", feature="admin3", population=30000), []),
    ], WORDS)
    by_id = {c.place.gazetteer_id: c for c in gaz.candidates("Deir Kamil")}
    assert "seat of" not in by_id["t:vil"].reason
    assert "seat of" in by_id["t:seat"].reason


# -- recognition on the packaged gazetteer ----------------------------------------------------------
def test_crossing_followed_by_connector_is_a_full_name(resolver):
    text = "Iraqi troops will hold the Al Waleed border crossing at al-Tanf next month."
    found = _find(resolver, text)
    assert found["Al Waleed border crossing"].place.feature == "border_crossing"


def test_adjective_before_feature_word(resolver):
    text = "The army pushed towards the Arak rich oil field on Sunday."
    found = _find(resolver, text)
    assert found["Arak rich oil field"].place.feature == "oil_gas"


def test_spelling_variant_of_a_place_named_elsewhere(resolver):
    text = ("US troops are based at al-Tanf. Trucks from al-Tanaf now drive "
            "to the border every day.")
    found = _find(resolver, text)
    assert found["al-Tanaf"].place is not None
    assert abs(found["al-Tanaf"].place.latitude - 33.5) < 0.1


def test_people_rivers_and_sentence_starters_are_not_places(resolver):
    text = ("General Qassem Soleimani visited the front. Over 300 fighters crossed the Euphrates. "
            "Abu Bakr al-Baghdadi spoke; Al-Baghdadi was not seen. The offensive is over.")
    assert [m.text for m in resolver.find(text, "d", [(0, len(text))])] == []


def test_capital_beats_village_of_the_focus_country(resolver):
    text = "Fighting continued in Aleppo and Idlib while the talks were moved to Ankara."
    found = _find(resolver, text)
    assert found["Ankara"].place.country == "TR"
    assert found["Idlib"].place.feature in ("city", "admin1")
