"""Place rules for reports about the countries around Syria (Iraq, Lebanon, Jordan, Turkey):
a region that belongs to a neighbour names that neighbour near a place ("in Iraqi Kurdistan").
Sentences written for these tests, a small in-memory gazetteer."""

from __future__ import annotations

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words

VILLAGE_SY = Place("t:sy-sinjar", "Sinjar", 35.59, 37.00, "SY", "Idlib", None, "settlement")
VILLAGE_SY2 = Place("t:sy-sinjar2", "Sinjar", 34.94, 36.96, "SY", "Hama", None, "settlement")
SUBDISTRICT_SY = Place("t:sy-sanjar", "Sinjar", 35.58, 37.01, "SY", "Idlib", None, "admin3", 33_000)
TOWN_IQ = Place("t:iq-sinjar", "Sinjar", 36.32, 41.86, "IQ", "Ninawa", None, "settlement", 38_000)


def _find(text: str) -> dict[str, object]:
    gaz = MemoryGazetteer([(VILLAGE_SY, []), (VILLAGE_SY2, []), (SUBDISTRICT_SY, []), (TOWN_IQ, [])],
                          WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}


def _country_of_sinjar(text: str) -> str | None:
    """The country of the place the resolver gives "Sinjar" in ``text``."""
    place = _find(text)["Sinjar"].place  # type: ignore[attr-defined]
    return place.country if place is not None else None


def test_iraqi_kurdistan_names_iraq_near_a_place() -> None:
    theater = packaged_kb().theater
    text = "Jets struck camps near Sinjar in Iraqi Kurdistan."
    assert "IQ" in theater.countries_near(text, 23, 29)
    assert "IQ" in theater.countries_near("Shelling hit Zakho, Kurdistan Region, on Monday.", 13, 18)


def test_a_town_stated_in_iraqi_kurdistan_is_the_iraqi_one() -> None:
    assert _country_of_sinjar("The army said its jets struck rebel camps around Sinjar in Iraqi Kurdistan overnight.") == "IQ"


def test_without_the_region_the_theaters_namesake_keeps_the_name() -> None:
    assert _country_of_sinjar("The army said its jets struck rebel camps around Sinjar overnight.") == "SY"


JORDAN = Place("t:jo", "Jordan", 31.0, 36.0, "JO", None, None, "country", 10_000_000)
SYRIA = Place("t:sy", "Syria", 35.0, 38.0, "SY", None, None, "country", 20_000_000)
ABU_HAMMAD = Place("t:abu", "Abu Hammad", 35.1, 37.1, "SY", "Hama", None, "settlement")


def _found(text: str) -> list[str]:
    gaz = MemoryGazetteer([(JORDAN, []), (SYRIA, []), (ABU_HAMMAD, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return [m.text for m in resolver.find(text, "d", [(0, len(text))]) if m.place is not None]


def test_countries_joined_by_a_hyphen_are_each_named() -> None:
    assert _found("A car bomb hit an army post on the Jordan-Syria border on Tuesday.") == ["Jordan", "Syria"]
    assert _found("Talks on the Syria-Jordan crossing resumed.") == ["Syria", "Jordan"]


def test_a_hyphenated_word_is_split_only_when_every_part_is_a_country() -> None:
    assert "Jordan" not in _found("Fighters of the Hammad-Jordan brigade retreated.")


def test_a_report_that_names_only_a_neighbour_is_about_that_neighbour() -> None:
    assert _country_of_sinjar("Iraqi forces retook Sinjar from the militants on Monday, the Iraqi military said.") == "IQ"


def test_a_report_that_names_the_theaters_country_keeps_its_focus() -> None:
    assert _country_of_sinjar("Iraqi militias fought near Sinjar on Monday, the Syrian army said.") == "SY"


def test_two_neighbours_named_as_often_leave_the_focus_at_home() -> None:
    assert _country_of_sinjar("Iraqi and Turkish officers met near Sinjar on Monday.") == "SY"


SURUC = Place("t:suruc", "Suruç", 37.00, 38.35, "TR", "Sanliurfa", "Suruç", "admin2", 100_000)
CHARK = Place("t:chark", "Chark", 36.99, 38.56, "TR", "Sanliurfa", "Suruç", "settlement")


def test_a_district_is_not_replaced_by_a_village_whose_consonants_alone_match() -> None:
    gaz = MemoryGazetteer([(SURUC, []), (CHARK, [])], WORDS)
    assert any(c.place.gazetteer_id == CHARK.gazetteer_id and c.match is not None and c.match.fuzzy
               for c in gaz.candidates("Suruc", limit=10, fuzzy=True))  # the trap is there
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "A bomb killed 32 young activists in Suruc, a Turkish town on the Syrian border."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Suruc"] is not None and found["Suruc"].gazetteer_id == SURUC.gazetteer_id


PALMYRA = Place("t:palmyra", "Palmyra", 34.56, 38.27, "SY", "Homs", None, "settlement")
PALMYRA_B = Place("t:palmyra-b", "Palmyra", 35.90, 36.60, "SY", "Idlib", None, "settlement")  # a namesake
RUWAISHED_JO = Place("t:ruw-jo", "Ruwaished", 32.51, 39.14, "JO", "Mafraq", None, "settlement")
RUWAISHED_SY = Place("t:ruw-sy", "Ruwaished", 35.20, 40.30, "SY", "Deir ez-Zor", None, "settlement")


def test_a_report_about_a_neighbour_still_places_the_theaters_towns() -> None:
    gaz = MemoryGazetteer([(PALMYRA, []), (PALMYRA_B, []), (RUWAISHED_JO, []), (RUWAISHED_SY, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = ("Jordanian jets struck militant targets near Palmyra, and the Jordanian army said it downed "
            "a drone near Ruwaished.")
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Palmyra"] is not None and found["Palmyra"].country == "SY"  # the theater's, never named
    assert found["Ruwaished"] is not None and found["Ruwaished"].country == "JO"  # the report's country


CEYLANPINAR = Place("t:ceylanpinar", "Ceylanpinar", 36.85, 40.05, "TR", "Sanliurfa", None, "city", 31_000)
SANLIURFA = Place("t:urfa", "Sanliurfa", 37.16, 38.79, "TR", "Sanliurfa", None, "city", 500_000)


def test_a_province_of_a_neighbour_stated_after_a_name_contains_it() -> None:
    gaz = MemoryGazetteer([(CEYLANPINAR, []), (SANLIURFA, []), (VILLAGE_SY, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "A mortar shell fired from Syria landed in Ceylanpinar in Sanliurfa province, wounding two."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Ceylanpinar"] is not None and found["Ceylanpinar"].gazetteer_id == CEYLANPINAR.gazetteer_id


def test_the_other_side_of_a_border_does_not_name_the_reports_country() -> None:
    theater = packaged_kb().theater
    text = "Lebanese troops clashed with gunmen near the border with Syria after rockets fired from Syria hit a town."
    assert theater.countries_named(text) == {"LB": 1}
    assert theater.countries_named("The Syrian army shelled rebels near the border with Turkey.") == {"SY": 1}


QAA_SY = Place("t:qaa-sy", "Qaa", 36.30, 36.73, "SY", "Idlib", None, "settlement")
QAA_LB = Place("t:qaa-lb", "Qaa", 34.34, 36.47, "LB", "Beqaa", None, "settlement")


def test_a_lebanese_border_report_places_its_villages_in_lebanon() -> None:
    gaz = MemoryGazetteer([(QAA_SY, []), (QAA_LB, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "Lebanese troops clashed with gunmen in al-Qaa near the border with Syria, the army said."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["al-Qaa"] is not None and found["al-Qaa"].country == "LB"


HIT = Place("t:hit", "Hit", 33.64, 42.83, "IQ", "Al-Anbar", None, "settlement", 60_000)


def test_retook_is_a_place_cue_for_a_short_name() -> None:
    gaz = MemoryGazetteer([(HIT, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    for text in ("Iraqi forces retook Hit from the militants on Monday.",
                 "Iraqi forces regained Hit on Monday, and Hit was retaken by the army."):
        found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
        assert found.get("Hit") is not None and found["Hit"].gazetteer_id == HIT.gazetteer_id, text
