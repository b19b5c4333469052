"""Place rules checked on reports nobody tuned for (issue 9): a province named alone is located
at its capital; one name abroad does not move a document's focus out of the theater's country.
Sentences written for these tests, a small in-memory gazetteer."""

from __future__ import annotations

from factories import packaged_kb
from frontlines.records import Candidate, Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.place_context import focus_of
from frontlines.resolve.places import PlaceResolver
from frontlines.taxonomy import MatchKind

WORDS = packaged_kb().theater.feature_words

PROVINCE = Place("t:hama-gov", "Hama", 35.23, 37.20, "SY", "Hama", None, "admin1", 1_900_000)
CAPITAL = Place("t:hama", "Hama", 35.13, 36.76, "SY", "Hama", "Hama", "city", 460_000)
RURAL = Place("t:rif-gov", "Rif Dimashq", 33.50, 37.38, "SY", "Rif Dimashq", None, "admin1", 2_900_000)
TOWN = Place("t:hasakah", "Al-Hasakah", 36.50, 40.75, "SY", "Al-Hasakah", None, "settlement", 80_000)
NAMESAKE_ABROAD = Place("t:iq", "Al Qurnah", 30.82, 47.60, "IQ", "Al-Basrah", None, "settlement")
QURNAH = Place("t:sy", "Qirnah", 36.48, 40.69, "SY", "Al-Hasakah", None, "settlement")


def _find(text: str) -> dict[str, object]:
    gaz = MemoryGazetteer([(PROVINCE, []), (CAPITAL, []), (RURAL, []), (TOWN, []), (NAMESAKE_ABROAD, []),
                           (QURNAH, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_province_named_alone_is_located_at_its_capital() -> None:
    found = _find("Government forces advanced in Hama province on Monday.")
    mention = found["Hama province"]
    assert mention.place is not None and mention.place.feature == "admin1"  # still the province
    assert mention.place.gazetteer_id == PROVINCE.gazetteer_id and mention.geo_precision == 3
    assert (mention.place.latitude, mention.place.longitude) == (CAPITAL.latitude, CAPITAL.longitude)
    assert "capital" in (mention.reason or "")


def test_a_province_without_a_seat_keeps_its_point() -> None:
    mention = _find("Government forces advanced in Rif Dimashq province on Monday.")["Rif Dimashq province"]
    assert mention.place is not None and (mention.place.latitude, mention.place.longitude) == (33.50, 37.38)


def test_one_name_abroad_does_not_move_the_focus_abroad() -> None:
    def names(*places: Place) -> list[list[Candidate]]:
        return [[Candidate(p, 0.85, "test", MatchKind.KEY)] for p in places]

    assert focus_of(names(NAMESAKE_ABROAD), "SY").country == "SY"  # one unambiguous name in Iraq
    far = Place("t:iq2", "Al Fao", 29.97, 48.47, "IQ", "Al-Basrah", None, "settlement")
    assert focus_of(names(NAMESAKE_ABROAD, far), "SY").country == "IQ"  # a report about Iraq
    assert focus_of(names(NAMESAKE_ABROAD, far, TOWN), "SY").country == "SY"  # half as many at home


def test_the_seats_name_governorates_of_the_theater() -> None:
    theater = packaged_kb().theater
    assert theater.governorate_seats and set(theater.governorate_seats) <= set(theater.governorates)
    assert theater.seat_of("Hamah") == "Hama" and theater.seat_of("Rif Dimashq") is None


CENTRE = Place("t:centre", "Qarmala", 34.51, 36.58, "SY", "Homs", None, "settlement", 40_000)
FAR_NAMESAKE = Place("t:far", "Marj Hamra", 34.70, 36.19, "SY", "Homs", None, "settlement")
NEAR_VILLAGE = Place("t:near", "Tall Zahra", 34.55, 36.60, "SY", "Homs", None, "settlement")


def _find_near(text: str) -> dict[str, object]:
    gaz = MemoryGazetteer([(CENTRE, []), (FAR_NAMESAKE, []), (NEAR_VILLAGE, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_village_stated_in_a_towns_countryside_lies_near_that_town() -> None:
    found = _find_near("Army units restored security to Marj Hamra and Tall Zahra villages in Qarmala countryside.")
    far, near = found["Marj Hamra"], found["Tall Zahra"]
    # the only Marj Hamra the gazetteer knows lies 41 km away: the text's village is another one,
    # located at the town the text places it by, less precisely
    assert far.place is not None and far.place.gazetteer_id == CENTRE.gazetteer_id and far.geo_precision == 2
    assert near.place is not None and near.place.gazetteer_id == NEAR_VILLAGE.gazetteer_id


def test_a_bearing_without_a_distance_reaches_farther_than_a_countryside() -> None:
    found = _find_near("Three villages, Marj Hamra, Tall Zahra and Qarmala, were taken. "
                       "The militia took Marj Hamra, to the southwest of Qarmala.")
    assert found["Marj Hamra"].place is not None and found["Marj Hamra"].place.gazetteer_id == FAR_NAMESAKE.gazetteer_id


def test_a_stated_distance_or_a_second_region_phrase_is_no_region() -> None:
    for text in ("The militia took Marj Hamra, 45 km northwest of the town of Qarmala.",
                 "Clashes in Marj Hamra and Tall Zahra villages and in the surroundings of Qarmala."):
        mention = _find_near(text)["Marj Hamra"]
        assert mention.place is not None and mention.place.gazetteer_id == FAR_NAMESAKE.gazetteer_id, text


ABROAD_TOWN = Place("t:lb", "Aarsal", 34.18, 36.42, "LB", "Baalbek-Hermel", None, "settlement")


def test_a_town_abroad_after_a_place_noun_in_a_report_naming_its_country() -> None:
    gaz = MemoryGazetteer([(ABROAD_TOWN, ["Arsal"]), (TOWN, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    filler = "The army said the fighting went on through the night and that more troops were on the way. " * 4
    text = f"Eight soldiers were killed in clashes in eastern Lebanon on Sunday. {filler}Gunmen stormed a post in the town of Arsal."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Arsal"].place is not None and found["Arsal"].place.country == "LB"
    bare = text.replace("in the town of Arsal", "in Arsal")
    found = {m.text: m for m in resolver.find(bare, "d", [(0, len(bare))])}
    assert found["Arsal"].place is not None and found["Arsal"].place.country == "LB"  # the report names Lebanon
    elsewhere = bare.replace("in eastern Lebanon", "in the east")  # a report that never names Lebanon
    found = {m.text: m for m in resolver.find(elsewhere, "d", [(0, len(elsewhere))])}
    assert "Arsal" not in found or found["Arsal"].place is None  # a village abroad: the focus country rules


DARAA_GOV = Place("t:daraa-gov", "Daraa", 32.80, 36.20, "SY", "Daraa", None, "admin1", 850_000)
DARAA = Place("t:daraa", "Daraa", 32.62, 36.10, "SY", "Daraa", "Daraa", "settlement", 100_000)
FARM_FAR = Place("t:farm", "Ghizlan", 36.74, 36.71, "SY", "Aleppo", None, "settlement")
FARM_NEAR_LINE = Place("t:farm2", "Zahra", 33.20, 36.30, "SY", "Rif Dimashq", None, "settlement")


def _find_daraa(text: str) -> dict[str, object]:
    gaz = MemoryGazetteer([(DARAA_GOV, []), (DARAA, []), (FARM_FAR, []), (FARM_NEAR_LINE, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_place_found_only_far_outside_its_stated_governorate_is_located_at_the_governorate() -> None:
    found = _find_daraa("The army shelled militants near Ghizlan in the northwestern countryside of Daraa on Monday.")
    mention = found["Ghizlan"]
    assert mention.place is not None and mention.place.gazetteer_id == DARAA_GOV.gazetteer_id
    assert (mention.place.latitude, mention.place.longitude) == (DARAA.latitude, DARAA.longitude)
    assert mention.geo_precision == 3


def test_a_namesake_just_across_the_governorate_line_is_kept() -> None:
    found = _find_daraa("The army shelled militants near Zahra in the northern countryside of Daraa on Monday.")
    assert found["Zahra"].place is not None and found["Zahra"].place.gazetteer_id == FARM_NEAR_LINE.gazetteer_id


def test_distances_in_words_move_the_point_and_state_a_reference() -> None:
    from frontlines.resolve.place_patterns import offset_before, relation_after

    assert offset_before("a stronghold located seventy kilometers south of ", 50) == (70.0, 180.0)
    assert offset_before("twenty-five kilometers southeast of ", 36) == (25.0, 135.0)
    assert offset_before("some 70 km north of the town of ", 32) == (70.0, 0.0)
    text = "the village of Tall Zahra, approximately fifty kilometers east of Qarmala"
    assert relation_after(text, text.index(",")) == text.index("Qarmala")


TOWN_41K = Place("t:town", "Qusra", 34.51, 36.58, "SY", "Homs", None, "settlement", 41_000)
HAMLET = Place("t:hamlet", "Qusra", 36.10, 37.74, "SY", "Aleppo", None, "settlement")
BIG = Place("t:big", "Halabiya", 36.20, 37.17, "SY", "Aleppo", "Aleppo", "city", 1_600_000)


def test_a_town_beats_a_namesake_hamlet_near_the_documents_other_places() -> None:
    gaz = MemoryGazetteer([(TOWN_41K, []), (HAMLET, []), (BIG, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = ("Troops seized the border town of Qusra on Wednesday. A militiaman said the fighting may now move "
            "to the province of Halabiya.")
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Qusra"].place is not None and found["Qusra"].place.gazetteer_id == TOWN_41K.gazetteer_id
    stated = text.replace("border town of Qusra", "village of Qusra, east of Halabiya,")
    found = {m.text: m for m in resolver.find(stated, "d", [(0, len(stated))])}
    assert found["Qusra"].place is not None and found["Qusra"].place.gazetteer_id == HAMLET.gazetteer_id


def test_an_unknown_member_of_a_list_stands_by_the_nearest_known_one() -> None:
    """ "the villages of Zqqarin and Qirnah": the unknown name is a place of its own at Qirnah's
    point (precision 2), never Qirnah itself; a name alone, or listed only with a province, stays
    without a point."""
    found = _find("The army restored security in the villages of Zqqarin and Qirnah on Monday.")
    unknown, known = found["Zqqarin"], found["Qirnah"]
    assert known.place is not None and known.place.gazetteer_id == QURNAH.gazetteer_id
    assert unknown.place is not None and unknown.geo_precision == 2
    assert unknown.place.gazetteer_id.startswith("unlocated:") and unknown.place.gazetteer_id != QURNAH.gazetteer_id
    assert (unknown.place.latitude, unknown.place.longitude) == (QURNAH.latitude, QURNAH.longitude)
    assert unknown.place.name == "Zqqarin" and "Qirnah" in (unknown.reason or "")
    alone = _find("The army restored security in the village of Zqqarin on Monday.")
    assert alone["Zqqarin"].place is None
    with_province = _find("The army restored security in Zqqarin and Hama province on Monday.")
    assert with_province["Zqqarin"].place is None


def test_a_counted_list_of_villages_names_places_the_gazetteer_lacks() -> None:
    """ "five villages, Zqqarin, Zubbat and Qirnah, were liberated": the counted plural says the
    names that follow are places, known or not; a name after "three towns, " that is no list
    member of places ("Amnesty said") is not made one."""
    found = _find("The militia said that three villages, Zqqarin, Zubbat and Qirnah, were liberated on Monday.")
    assert {"Zqqarin", "Zubbat", "Qirnah"} <= set(found)
    assert found["Zqqarin"].place is not None and found["Zqqarin"].geo_precision == 2  # stands by Qirnah
    assert "Amnesty" not in _find("Rebels seized three towns, Amnesty said on Monday.")


def test_a_region_stated_for_a_list_reaches_only_that_list() -> None:
    """ "Fighting continued near Tikrit, Baiji and Samarra, while peshmerga held Makhmour south of
    Erbil": only Makhmour is placed by Erbil; the towns of the other clause keep their own points."""
    from frontlines.resolve.gazetteer import SqliteGazetteer

    text = ("Fighting continued near Tikrit, Baiji and Samarra, while Kurdish peshmerga held Sinjar and "
            "Makhmour south of Erbil.")
    found = {m.text: m for m in PlaceResolver(SqliteGazetteer(None), packaged_kb()).find(text, "d", [(0, len(text))])}
    for name in ("Baiji", "Samarra"):
        place = found[name].place
        assert place is not None and place.name != "Erbil" and place.latitude < 35.5, (name, place)


def test_a_known_name_rejected_by_its_context_gets_no_stand_in() -> None:
    """ "Soldiers raided Jenin and Nablus": in a report the resolver reads as Syrian, Nablus (a name
    the gazetteer has, in Palestine) may stay unresolved, but it is never placed at the other
    town's point as an unknown village would be."""
    from frontlines.resolve.gazetteer import SqliteGazetteer

    text = "Soldiers raided Jenin and Nablus on Monday."
    found = {m.text: m for m in PlaceResolver(SqliteGazetteer(None), packaged_kb()).find(text, "d", [(0, len(text))])}
    nablus = found.get("Nablus")
    assert nablus is None or nablus.place is None or not nablus.place.gazetteer_id.startswith("unlocated:")


def test_a_report_from_abroad_takes_the_towns_of_the_countries_it_names() -> None:
    """ "Israeli jets struck Gaza City ... while rockets hit Sderot": in a report about Gaza the
    Israeli towns resolve; in a report about Syria a minor place abroad still needs its country
    named near it."""
    from frontlines.resolve.gazetteer import SqliteGazetteer

    resolver = PlaceResolver(SqliteGazetteer(None), packaged_kb())
    text = ("Israeli jets struck Gaza City and Khan Younis overnight, and soldiers raided Jenin and Nablus in "
            "the West Bank, while rockets hit Sderot and Ashkelon.")
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert all(found[n].place is not None and found[n].place.country == "IL" for n in ("Sderot", "Ashkelon"))
    syria = "Syrian troops shelled Sderot on Monday, the army said."
    here = {m.text: m for m in resolver.find(syria, "d", [(0, len(syria))])}
    assert "Sderot" not in here or here["Sderot"].place is None or here["Sderot"].place.country != "IL"
