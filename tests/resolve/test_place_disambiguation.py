"""Disambiguation rules on sentences written for these tests (not corpus text), with a small
in-memory gazetteer: big cities keep their referent, cue words pick the feature class, minor
places abroad need their country in the text, parts of a town fall back to the town."""

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words  # the feature words the packaged gazetteer was built with

CITY = Place("t:city", "Qalbiya", 34.70, 36.70, "SY", "Homs", "Qalbiya", "city", 800_000)
NAMESAKE = Place("t:namesake", "Qalbiya", 33.40, 36.35, "SY", "Rif Dimashq", None, "settlement")
SUBURB_A = Place("t:a", "Tall Warda", 33.45, 36.38, "SY", "Rif Dimashq", None, "settlement", 30_000)
SUBURB_B = Place("t:b", "Kafr Zahra", 33.42, 36.33, "SY", "Rif Dimashq", None, "settlement", 25_000)
DAM = Place("t:dam", "Al-Nasim Dam", 34.07, 39.85, "SY", "Homs", None, "dam")
ABROAD = Place("t:iq", "Al Marja", 31.2, 46.4, "IQ", "Dhi-Qar", None, "settlement")
CAPITAL = Place("ovl:moscow", "Moscow", 55.75, 37.62, "RU", None, None, "city")


def _resolver() -> PlaceResolver:
    gaz = MemoryGazetteer([
        (CITY, []), (NAMESAKE, []), (SUBURB_A, []), (SUBURB_B, []), (DAM, []),
        (ABROAD, ["Marja"]), (CAPITAL, []),
    ], WORDS)
    return PlaceResolver(gaz, packaged_kb(), use_actors=False)


def _found(text: str) -> dict[str, object]:
    return {m.text: m for m in _resolver().find(text, "d", [(0, len(text))])}


def test_big_city_keeps_its_referent_among_namesake_neighbours():
    text = "Shells hit Tall Warda and Kafr Zahra on Monday. Officials in Qalbiya said the road was shut."
    assert _found(text)["Qalbiya"].place.gazetteer_id == "t:city"


def test_district_cue_is_not_a_dam_and_falls_back_to_the_stated_city():
    text = "Rebels still hold the Nasim district in western Qalbiya after a long siege."
    m = _found(text)["Nasim district"]
    assert m.place is not None and m.place.gazetteer_id == "t:city"
    assert m.geo_precision == 2


def test_dam_cue_keeps_the_dam():
    text = "Workers returned to the Al-Nasim Dam after the fighting."
    assert _found(text)["Al-Nasim Dam"].place.gazetteer_id == "t:dam"


def test_neighbourhood_abroad_needs_its_country_in_the_text():
    text = "Two car bombs struck the Marja neighbourhood of Qalbiya, killing a dozen people."
    m = _found(text)["Marja neighbourhood"]
    assert m.place is None or m.place.country == "SY"


def test_village_abroad_with_its_country_named_is_kept():
    text = "Militias moved through the Iraqi town of Marja towards the frontier."
    assert _found(text)["Marja"].place.gazetteer_id == "t:iq"


def test_allies_in_a_capital_are_a_government():
    text = "The government in Qalbiya and its allies in Moscow denied bombing the market."
    assert _found(text)["Moscow"].role == "actor"  # a place mention, in its role: never a location


def test_a_village_abroad_in_a_country_the_text_never_names_does_not_move_the_report_abroad():
    # the only unambiguous name is a village in Iraq; Iraq is never named: the namesake town
    # is read in the theatre's country, not across the border
    home = Place("t:tr-sy", "Tall Rahma", 36.5, 40.7, "SY", "Al-Hasakah", None, "settlement")
    away = Place("t:tr-iq", "Tall Rahma", 31.0, 47.0, "IQ", "Al-Basrah", None, "settlement")
    village = Place("t:nj-iq", "Nashwa Jadida", 30.8, 47.6, "IQ", "Al-Basrah", None, "settlement")
    gaz = MemoryGazetteer([(home, []), (away, []), (village, [])], WORDS)
    text = "Kurdish fighters expelled the militants from the district of Nashwa Jadida in Tall Rahma."
    found = {m.text: m for m in PlaceResolver(gaz, packaged_kb(), use_actors=False).find(text, "d", [(0, len(text))])}
    assert found["Tall Rahma"].place.gazetteer_id == "t:tr-sy"


def test_a_neighbour_named_once_does_not_take_the_focus_from_a_country_the_text_names_more():
    # "Lebanon" is the only unambiguous name, but the text speaks of the Syrian army three times
    home = Place("t:tr-sy", "Tall Rahma", 34.5, 36.6, "SY", "Homs", None, "settlement")
    away = Place("t:tr-lb", "Tall Rahma", 33.3, 35.5, "LB", "Nabatieh", None, "settlement")
    lebanon = Place("t:lb", "Lebanon", 33.9, 35.9, "LB", None, None, "country", 6_000_000)
    gaz = MemoryGazetteer([(home, []), (away, []), (lebanon, [])], WORDS)
    text = ("The Syrian army seized the border town of Tall Rahma on a supply route with neighbouring Lebanon, "
            "Syrian media said. Syrian state television showed the town.")
    found = {m.text: m for m in PlaceResolver(gaz, packaged_kb(), use_actors=False).find(text, "d", [(0, len(text))])}
    assert found["Tall Rahma"].place.gazetteer_id == "t:tr-sy"
    # a report about Lebanon that names Syria as often keeps its Lebanese town
    text = "ARSAL, Lebanon: the Lebanese army fought in Tall Rahma, near the border with Syria, against Syrian militants."
    found = {m.text: m for m in PlaceResolver(gaz, packaged_kb(), use_actors=False).find(text, "d", [(0, len(text))])}
    assert found["Tall Rahma"].place.gazetteer_id == "t:tr-lb"
