"""Precision of place recognition: actor names, countries as states, people and common words.

Sentences written for these tests (not corpus text).
"""

import pytest

from factories import packaged_kb
from frontlines.resolve.gazetteer import SqliteGazetteer
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words  # the feature words the packaged gazetteer was built with


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver(SqliteGazetteer(), packaged_kb())


def _texts(resolver, text):
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))]) if m.place is not None}


def test_place_words_inside_actor_names_are_not_places(resolver):
    text = ("Fighters of Ahrar al-Sham and Jaish al-Islam attacked army posts near Harasta, "
            "while the Manbij Military Council held its lines east of Manbij.")
    found = _texts(resolver, text)
    assert "al-Sham" not in found and "Sham" not in found
    assert "Manbij Military" not in found and "Harasta" in found
    manbij = [m for m in resolver.find(text, "d", [(0, len(text))]) if m.text == "Manbij"]
    assert len(manbij) == 1 and manbij[0].start > text.index("Council")


def test_actor_masking_can_be_disabled():
    text = "A statement by Ahrar al-Sham was read out in Idlib."
    masked = PlaceResolver(SqliteGazetteer(), packaged_kb()).find(text, "d", [(0, len(text))])
    assert all(m.text != "al-Sham" for m in masked)
    assert PlaceResolver(SqliteGazetteer(), packaged_kb(), use_actors=False).actors is None


def test_group_heads_without_the_dictionary():
    text = "Liwa al-Quds and Faylaq al-Rahman clashed; the Idlib Martyrs Brigade and the Levant Front withdrew."
    spans = [text[s:e] for s, e in packaged_kb().theater.group_spans(text, 0, len(text))]
    assert "Liwa al-Quds" in spans and "Faylaq al-Rahman" in spans
    assert "Idlib Martyrs Brigade" in spans and "Levant Front" in spans
    found = _texts(PlaceResolver(SqliteGazetteer(), packaged_kb(), use_actors=False), text)
    assert "Rahman" not in found and "al-Rahman" not in found and "Idlib" not in found


def test_group_name_after_a_place_keeps_the_place():
    text = "The militants moved to Syria al-Nusra Front commanders said."
    spans = [text[s:e] for s, e in packaged_kb().theater.group_spans(text, 0, len(text))]
    assert spans == ["al-Nusra Front"]


def test_countries_resolve_as_countries(resolver):
    text = "Volunteers travelled from Yemen and from Georgia to fight in Syria."
    found = _texts(resolver, text)
    assert found["Yemen"].place.feature == "country" and found["Yemen"].place.country == "YE"
    assert found["Georgia"].place.country == "GE" and found["Georgia"].geo_precision == 3


def test_country_as_state_actor_is_not_a_place(resolver):
    text = ("Russia bombed the market again, and the opposition holds Turkey responsible for the "
            "delay. Iran-backed militias entered Maarat al-Numan. Wounded men were taken to Turkey.")
    found = resolver.find(text, "d", [(0, len(text))])
    countries = [(m.text, m.start, m.role) for m in found if m.place is not None and m.place.feature == "country"]
    assert countries == [("Russia", 0, "actor"), ("Turkey", text.index("Turkey"), "actor"),
                         ("Turkey", text.rindex("Turkey"), "other")]  # "Iran-backed": an adjective


def test_capital_as_government(resolver):
    text = "A truce mediated by Moscow and Ankara collapsed; Damascus denounced the raid on Douma."
    found = _texts(resolver, text)
    assert {found[n].role for n in ("Moscow", "Ankara", "Damascus")} == {"actor"}
    assert found["Douma"].role == "other"


def test_given_names_and_surnames_are_people(resolver):
    text = ("Local council head Taysir Hammoud said the shelling hit Saraqib. Hammoud added that "
            "Ahmed and Ali were among the wounded, and Abu Omar spoke to reporters.")
    found = _texts(resolver, text)
    assert set(found) == {"Saraqib"}


def test_speaker_is_a_person_throughout_the_document(resolver):
    text = "Hammoud said the road was cut. Later Hammoud visited the clinic in Saraqib."
    assert set(_texts(resolver, text)) == {"Saraqib"}


def test_person_helpers():
    theater = packaged_kb().theater
    assert theater.person_run(["Hassan", "Ali"]) and theater.person_run(["Abu", "Omar"])
    assert not theater.person_run(["Abu", "Kamal"]) and not theater.person_run(["Salah", "al-Din"])
    assert theater.surnames("director Taysir Hammoud said") == frozenset({"hammoud"})


def test_common_words_are_not_places(resolver):
    text = "Source: the International Criminal Court. East of the river, the Council met in Homs."
    assert set(_texts(resolver, text)) == {"Homs"}


def test_common_word_after_a_strong_cue_may_be_a_place():
    from frontlines.records import Place
    from frontlines.resolve.gazetteer import MemoryGazetteer
    gaz = MemoryGazetteer([(Place("t:1", "Center", 35.0, 37.0, "SY", "Hama"), [])], WORDS)
    text = "Shells fell on the village of Center. The Center was closed."
    found = PlaceResolver(gaz, packaged_kb(), use_actors=False).find(text, "d", [(0, len(text))])
    assert [m.start for m in found if m.place is not None] == [text.index("Center")]


def test_possessive_is_apostrophe_s(resolver):
    text = "Rebels left Raqqa. Raqqa's eastern suburbs were shelled."
    found = [m for m in resolver.find(text, "d", [(0, len(text))]) if m.place is not None]
    assert [m.text for m in found] == ["Raqqa", "Raqqa"]
    assert found[1].place.gazetteer_id == found[0].place.gazetteer_id
