"""Feature phrases of running text that name a place by its head (issue 9): "X area", "X region",
"X enclave", "X town center", "X fortress"; and a base named by its designation ("the T4 air
base" for the war map's "Tiyas T-4 Airbase").  Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gaz_sources import code_names, read_wiki
from frontlines.resolve.gazetteer import MemoryGazetteer, SqliteGazetteer
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words

AFRIN = Place("t:afrin", "Afrin", 36.51, 36.87, "SY", "Aleppo", "Afrin", "city", 48_693)
CASTLE = Place("t:castle", "Shillif Castle (Qal'at Shillif)", 35.73, 36.18, "SY", "Latakia", None, "military_base")
VILLAGE = Place("t:village", "Shillif", 35.73, 36.17, "SY", "Latakia", None, "settlement")


def test_area_region_enclave_and_town_centre_are_feature_words() -> None:
    assert WORDS.split("Afrin area") == ("afrin", frozenset({"region"}))
    assert WORDS.split("the Afrin region")[1] == frozenset({"region"})
    assert WORDS.split("Afrin enclave")[0] == "afrin"
    assert WORDS.split("Afrin town center") == ("afrin", frozenset({"city", "settlement"}))
    assert {"military_base"} <= WORDS.split("Shellef fortress")[1]
    assert WORDS.core_key("Afrin area") == WORDS.core_key("Afrin")  # one place, with or without the word


def _find(text: str) -> dict[str, Place | None]:
    gaz = MemoryGazetteer([(AFRIN, ["‘Afrīn"]), (CASTLE, ["Shillif Castle"]), (VILLAGE, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_feature_phrase_is_one_mention_of_its_head() -> None:
    found = _find("The wounded were moved to hospitals in the Afrin enclave, and shells fell on the Afrin "
                  "area. Troops entered Afrin town center on Sunday.")
    for text in ("Afrin enclave", "Afrin area", "Afrin town center"):
        place = found[text]
        assert place is not None and place.gazetteer_id == AFRIN.gazetteer_id, text


def test_a_fortress_is_the_castle_not_the_village() -> None:
    place = _find("The army took the Shellef fortress on Monday.")["Shellef fortress"]
    assert place is not None and place.gazetteer_id == CASTLE.gazetteer_id


def test_a_code_word_of_a_label_names_the_feature() -> None:
    assert code_names("Tiyas T-4 Airbase") == ["T-4 Airbase"]
    assert code_names("Abandoned T2 Airport (near Palmyra)") == ["T2 Airport"]
    assert code_names("T3 Airbase") == []  # the code already opens the label
    assert code_names("Arima-M4 checkpoint") == []  # joined to a word: part of that word
    assert code_names("Tell Mahrouqat") == []


def test_the_war_map_feature_is_found_by_its_designation(tmp_path: Path) -> None:
    tsv = tmp_path / "map.tsv"
    tsv.write_text("lat\tlon\tname\twiki_target\tkind\n34.517\t37.6312\tTiyas T-4 Airbase\t\tairbase\n"
                   "34.545\t37.65\tTiyas\t\tsettlement\n", encoding="utf-8")
    drafts = list(read_wiki(tsv))
    base = next(d for d in drafts if d.feature == "airbase")
    assert "T-4 Airbase" in base.names
    place = Place("t:t4", base.name, base.lat, base.lon, "SY", "Homs", None, "airbase")
    gaz = MemoryGazetteer([(place, base.names)], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "Israeli jets struck the T4 airbase in the desert; the T-4 base was hit again."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["T4 airbase"] is not None and found["T-4 base"] is not None


def test_the_packaged_gazetteer_knows_the_t4_base() -> None:
    cands = SqliteGazetteer().candidates("T4 airbase", limit=3)
    assert cands and cands[0].place.feature == "airbase" and cands[0].place.admin1 == "Homs"


MOUNT = Place("t:mount", "Mount Abdulaziz", 36.45, 40.30, "SY", "Al-Hasakah", None, "hill")
HASAKAH = Place("t:hasakah", "Al-Hasakah", 36.50, 40.75, "SY", "Al-Hasakah", None, "city", 188_000)
BAFLUN = Place("t:baflun", "Baflun", 36.62, 36.99, "SY", "Aleppo", None, "hill")


def test_jabal_opens_a_mountains_name_like_mount() -> None:
    for word in ("Jabal", "Jebel", "Mount"):
        assert WORDS.split(f"{word} Abdulaziz") == ("abdulaziz", frozenset({"hill"})), word
    gaz = MemoryGazetteer([(MOUNT, []), (HASAKAH, []), (BAFLUN, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = ("Kurdish fighters took Jabal ʿAbdulʿaziz south-west of al-Hasakah; "
            "the Kurds also took Mount Baflun and the villages around it.")
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    # the whole name, not its last word: the mountain's own point
    assert found["Jabal ʿAbdulʿaziz"] is not None and found["Jabal ʿAbdulʿaziz"].gazetteer_id == MOUNT.gazetteer_id
    assert found["Mount Baflun"] is not None and found["Mount Baflun"].gazetteer_id == BAFLUN.gazetteer_id


QARIMA = Place("t:qarima", "Al Qarima", 35.66, 35.98, "SY", "Latakia", None, "settlement")
MURUJ = Place("t:muruj", "Al Muruj", 35.64, 35.95, "SY", "Latakia", None, "settlement")


def test_a_mountain_known_only_by_a_spelling_variant_is_judged_by_its_name() -> None:
    # "Jabal al-Qrima": only a vowel variant of "al-Qrima" is known; the Arabic article of the
    # name after "Jabal" makes the variant plausible, as it does for "al-Qrima" alone
    gaz = MemoryGazetteer([(QARIMA, []), (MURUJ, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    for name in ("Jabal al-Qrima", "al-Qrima"):
        text = f"The army seized full control over Al-Muruj and {name} in the mountains on Monday."
        found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
        assert found.get(name) is not None and found[name].gazetteer_id == QARIMA.gazetteer_id, name


DAMASCUS = Place("t:damascus", "Damascus", 33.51, 36.28, "SY", "Damascus", None, "city", 1_569_394)
AIRPORT = Place("t:airport", "Damascus International Airport", 33.41, 36.51, "SY", "Rif Dimashq", None, "airbase")
HAJAR = Place("t:hajar", "Al Hajar al Aswad", 33.46, 36.30, "SY", "Rif Dimashq", None, "settlement", 85_000)
GHOUTA = Place("t:ghouta", "Harasta", 33.56, 36.37, "SY", "Rif Dimashq", None, "settlement", 37_000)


def test_a_big_city_is_not_displaced_by_a_feature_named_after_it() -> None:
    gaz = MemoryGazetteer([(DAMASCUS, []), (AIRPORT, []), (HAJAR, []), (GHOUTA, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "Militants were pushed out of a south Damascus pocket near Al Hajar al Aswad and Harasta."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    pocket = found["south Damascus pocket"]  # the direction word is part of the mention
    assert pocket is not None and pocket.gazetteer_id == DAMASCUS.gazetteer_id
    text = "Israeli jets struck the Damascus airport near Al Hajar al Aswad and Harasta."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Damascus airport"] is not None and found["Damascus airport"].gazetteer_id == AIRPORT.gazetteer_id


ALEPPO_CITY = Place("t:aleppo", "Aleppo", 36.20, 37.17, "SY", "Aleppo", None, "city", 1_602_264)
DABIQ_VILLAGE = Place("t:dabiq", "Dabiq", 36.54, 37.27, "SY", "Aleppo", None, "settlement", 3_000)
HOMS_GOV = Place("t:homs-gov", "Homs", 34.55, 37.50, "SY", "Homs", None, "admin1", 1_800_000)
HOMS_CITY = Place("t:homs", "Homs", 34.73, 36.72, "SY", "Homs", "Homs", "city", 775_404)
HAMIDIYAH_FAR = Place("t:hamidiyah", "Al-Hamidiyah", 35.90, 36.60, "SY", "Idlib", None, "settlement")


def test_a_direction_word_before_a_big_place_is_part_of_its_mention() -> None:
    gaz = MemoryGazetteer([(ALEPPO_CITY, []), (DABIQ_VILLAGE, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "Rebels tried to break the siege on eastern Aleppo. Fighters left Eastern Aleppo City for northern Dabiq."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    for name in ("eastern Aleppo", "Eastern Aleppo City"):
        assert found[name].place is not None and found[name].place.gazetteer_id == ALEPPO_CITY.gazetteer_id, name
    assert "Dabiq" in found and "northern Dabiq" not in found  # a village is named alone


def test_a_governorate_named_with_a_direction_still_places_the_names_after_it() -> None:
    gaz = MemoryGazetteer([(HOMS_GOV, []), (HOMS_CITY, []), (HAMIDIYAH_FAR, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "Meanwhile, in central Homs province, the authorities destroyed two hideouts in al-Hamidieh neighborhood."
    found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
    assert "central Homs province" in found
    hamidieh = found["al-Hamidieh neighborhood"]  # not the village of Idlib: a part of Homs city
    assert hamidieh is not None and hamidieh.gazetteer_id == HOMS_CITY.gazetteer_id


CROSSING = Place("t:crossing", "Bab al-Salame", 36.63, 37.09, "SY", "Aleppo", None, "border_crossing")


def test_a_spelling_variant_of_the_class_its_feature_words_name_near_the_documents_places() -> None:
    # only a vowel variant of "Bab al-Salamah" is known; the crossing the words ask for, 48 km
    # from the city the report names, is the place meant
    text = ("Rebels launched an offensive on Aleppo. Gunmen stood in front of the Bab al-Salamah crossing "
            "on the Turkish frontier.")
    for crossing, known in ((CROSSING, True), (Place("t:far", "Bab al-Salame", 33.30, 38.90, "SY", "Homs", None,
                                                     "border_crossing"), False)):
        gaz = MemoryGazetteer([(ALEPPO_CITY, []), (crossing, [])], WORDS)
        resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
        found = {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}
        place = found.get("Bab al-Salamah crossing")
        assert (place is not None and place.gazetteer_id == crossing.gazetteer_id) == known, crossing.latitude
