"""Place resolution on reports nobody tuned for (issue 9, geo pass): a part of a town stated by
the word "city" or "capital" lies in that town; a district named like its town names the town;
"the border crossing at X" is the crossing.  Sentences written for these tests, a small
in-memory gazetteer."""

from __future__ import annotations

from factories import packaged_kb
from frontlines.geo import is_reference_gap
from frontlines.records import Mention, Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.place_patterns import city_after, cue_of, town_after
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words

ALEPPO = Place("t:aleppo", "Aleppo", 36.20, 37.17, "SY", "Aleppo", "Aleppo", "city", 1_600_000)
DAMASCUS = Place("t:damascus", "Damascus", 33.51, 36.28, "SY", "Damascus", "Damascus", "city", 1_500_000)
VILLAGE_FAR = Place("t:ashrafiyah", "Al Ashrafiyah", 35.30, 35.95, "SY", "Latakia", None, "settlement")
MAZZAH_FAR = Place("t:mazzah", "Al Mazzah", 35.90, 37.85, "SY", "Aleppo", None, "settlement")
DISTRICT = Place("t:jdist", "Jarablus", 36.69, 37.81, "SY", "Aleppo", None, "admin2", 58_000)
TOWN = Place("t:jtown", "Jarabulus", 36.82, 38.01, "SY", "Aleppo", None, "city", 25_000)
HAMLET = Place("t:hawa-v", "Bab al Hawa", 34.82, 37.21, "SY", "Homs", None, "settlement")
CROSSING = Place("t:hawa-x", "Bab al-Hawa", 36.25, 36.69, "SY", "Idlib", None, "border_crossing")


def _find(text: str) -> dict[str, Mention]:
    gaz = MemoryGazetteer([(p, []) for p in (ALEPPO, DAMASCUS, VILLAGE_FAR, MAZZAH_FAR, DISTRICT, TOWN,
                                              HAMLET, CROSSING)], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}


def test_the_town_a_part_is_stated_in_by_the_word_city() -> None:
    text = "Militants tried to infiltrate the safe areas in al-Ashrafiyeh in Aleppo city on Monday."
    assert town_after(text, text.index(" in Aleppo")) == "Aleppo"
    assert town_after("X in the city of Homs", 1) == "Homs"
    assert town_after("X in the capital, Damascus", 1) == "Damascus"
    assert town_after("X in Aleppo province", 1) is None and town_after("X in Aleppo", 1) is None
    mention = _find(text)["al-Ashrafiyeh"]
    assert mention.place is not None and mention.place.gazetteer_id == ALEPPO.gazetteer_id
    assert mention.geo_precision == 2  # the town's point, not a village of that name far away


def test_a_neighbourhood_in_the_capital_comma_named() -> None:
    text = "Militants fired four shells on the al-Mazzeh neighborhood in the capital, Damascus, on Monday."
    assert city_after(text, text.index(" neighborhood")) == "Damascus"
    assert city_after("X district in the Syrian northern city of Aleppo", 1) == "Aleppo"
    mention = _find(text)["al-Mazzeh neighborhood"]
    assert mention.place is not None and mention.place.gazetteer_id == DAMASCUS.gazetteer_id


def test_a_district_named_like_its_town_names_the_town() -> None:
    mention = _find("Rebels entered Jarablus on Monday.")["Jarablus"]
    assert mention.place is not None and mention.place.gazetteer_id == TOWN.gazetteer_id
    district = _find("Rebels advanced across Jarablus district on Monday.")["Jarablus district"]
    assert district.place is not None and district.place.gazetteer_id == DISTRICT.gazetteer_id


def test_the_border_crossing_at_a_name_is_the_crossing() -> None:
    text = "Rebels seized two border crossings into Turkey at Bab al-Hawa on Monday."
    assert "border_crossing" in cue_of(text, text.index("Bab"), text.index(" on"))
    own = "the Al Waleed border crossing at Bab al-Hawa"  # that crossing has its own name
    assert "border_crossing" not in cue_of(own, own.index("Bab"), len(own))
    mention = _find(text)["Bab al-Hawa"]
    assert mention.place is not None and mention.place.gazetteer_id == CROSSING.gazetteer_id
    village = _find("Rebels shelled Bab al-Hawa on Monday.")["Bab al-Hawa"]
    assert village.place is not None and village.place.gazetteer_id == HAMLET.gazetteer_id


def test_reference_gaps() -> None:
    for gap in (", southeast of ", " town, 65 km north of ", " suburb, east of the capital ",
                ", located to the north of the city of ", " (south of ", ", fifteen kilometers south of "):
        assert is_reference_gap(gap), gap
    for gap in (" and ", " in ", ", ", " and the villages south of "):
        assert not is_reference_gap(gap), gap


def test_a_suburb_may_be_a_town_the_gazetteer_calls_a_city() -> None:
    douma = Place("t:douma", "Douma", 33.57, 36.40, "SY", "Rif Dimashq", None, "city", 110_000)
    hamlet = Place("t:douma-s", "Douma", 32.85, 36.77, "SY", "As-Suwayda", None, "settlement")
    village = Place("t:idlib-v", "Idlib", 35.00, 36.00, "SY", "Hama", None, "settlement")
    city = Place("t:idlib", "Idlib", 35.93, 36.63, "SY", "Idlib", "Idlib", "city", 165_000)
    gaz = MemoryGazetteer([(p, []) for p in (douma, hamlet, DAMASCUS, village, city)], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "Troops killed 30 fighters in the rebel-held Douma suburb, east of the capital Damascus."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Douma suburb"].place is not None and found["Douma suburb"].place.gazetteer_id == douma.gazetteer_id
    first = gaz.candidates("Douma suburb", limit=1)[0]
    assert first.place.gazetteer_id == douma.gazetteer_id  # whatever the limit
    assert gaz.candidates("Douma suburb", limit=5)[0].place.gazetteer_id == douma.gazetteer_id
    village_first = gaz.candidates("Idlib village", limit=5)[0]  # a village is not a city
    assert village_first.place.gazetteer_id == village.gazetteer_id


def test_a_word_opening_a_sentence_is_not_the_core_of_a_feature_name() -> None:
    base = Place("t:art", "Artillery Base", 33.32, 36.11, "SY", "Rif Dimashq", None, "military_base")
    gaz = MemoryGazetteer([(base, []), (DAMASCUS, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    for text in ("* Artillery bombardment targets Damascus since the morning.",
                 "Artillery bombardment targets Damascus since the morning."):
        found = {m.text for m in resolver.find(text, "d", [(0, len(text))])}
        assert "Artillery" not in found and "Damascus" in found
    text = "Rebels shelled the Artillery Base near Damascus."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Artillery Base"].place is not None


def test_a_cue_holds_for_every_name_of_the_list_it_opens() -> None:
    from frontlines.resolve.place_patterns import has_place_cue

    text = "They recaptured the towns of Qara, Deir Attiya and Nabak, north-east of Yabroud."
    assert has_place_cue(text, text.index("Nabak")) and has_place_cue(text, text.index("Deir"))
    for text in ("Hezbollah and Nabak", "said that Ali, Omar and Nabak"):
        assert not has_place_cue(text, text.index("Nabak"))
    nabk = Place("t:nabk", "An Nabk", 34.03, 36.73, "SY", "Rif Dimashq", None, "settlement", 50_000)
    qara = Place("t:qara", "Qara", 34.15, 36.74, "SY", "Rif Dimashq", None, "settlement", 20_000)
    gaz = MemoryGazetteer([(nabk, []), (qara, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "They recaptured the towns of Qara and Nabak on Sunday."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Nabak"].place is not None and found["Nabak"].place.gazetteer_id == nabk.gazetteer_id


def test_a_reference_point_keeps_its_own_point() -> None:
    birak = Place("t:birak", "Tall Birak", 36.65, 41.08, "SY", "Al-Hasakah", None, "settlement")
    hasakah = Place("t:hasakah", "Al-Hasakah", 36.50, 40.75, "SY", "Al-Hasakah", None, "city", 80_000)
    gaz = MemoryGazetteer([(birak, []), (hasakah, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "On Monday, Tall Birak, located thirty kilometers northeast of al-Hasakah, was taken."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    ref = found["al-Hasakah"].place
    assert ref is not None and (ref.latitude, ref.longitude) == (36.50, 40.75)  # not moved 30 km
    text = "Clashes broke out thirty kilometers northeast of al-Hasakah on Monday."
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    moved = found["al-Hasakah"].place
    assert moved is not None and moved.latitude > 36.6 and found["al-Hasakah"].geo_precision == 3


def test_the_governorate_named_just_before_prefers_its_namesake() -> None:
    daraa = Place("t:daraa-gov", "Daraa", 32.62, 36.10, "SY", "Daraa", None, "admin1", 845_000)
    homs = Place("t:palmyra", "Palmyra", 34.55, 38.27, "SY", "Homs", None, "city", 50_000)
    nawa_d = Place("t:nawa-d", "Nawa", 32.89, 36.04, "SY", "Daraa", None, "settlement")
    nawa_h = Place("t:nawa-h", "Nawa", 34.84, 36.98, "SY", "Homs", None, "settlement")
    gaz = MemoryGazetteer([(p, []) for p in (daraa, homs, nawa_d, nawa_h)], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)

    def nawa(text: str) -> str | None:
        found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
        place = found["Nawa city"].place
        return place.gazetteer_id if place else None

    head = "The army killed a number of terrorists in Daraa province.\n\nOther units confronted them in Nawa city."
    assert nawa(head + " A source in Palmyra said the border was calm.") == nawa_d.gazetteer_id
    far = "The army killed a number of terrorists in Daraa province." + " Nothing else happened there." * 12
    assert nawa(far + "\n\nOther units confronted them in Nawa city. A source in Palmyra said so.") == nawa_h.gazetteer_id


def test_parts_of_a_town_named_before_them_or_in_a_governorate_named_just_before() -> None:
    from frontlines.resolve.place_patterns import parts_of

    homs = Place("t:homs", "Homs", 34.73, 36.69, "SY", "Homs", "Homs", "city", 775_000)
    homs_gov = Place("t:homs-gov", "Homs", 34.60, 37.90, "SY", "Homs", None, "admin1", 1_500_000)
    namesake = Place("t:bayadah", "Bayadah", 33.60, 36.41, "SY", "Rif Dimashq", None, "settlement")
    hamidiah = Place("t:hamidiah", "Al-Hamidiah", 35.62, 36.66, "SY", "Idlib", None, "settlement")
    text = "Fifty people were killed in the shelling of the Homs neighborhoods of Bayadah, Baba Amr and Khaldiyeh."
    assert parts_of(text, text.index("Khaldiyeh")) == "Homs" and parts_of(text, text.index("Bayadah")) == "Homs"
    assert parts_of("the town of Bayadah", 12) is None
    gaz = MemoryGazetteer([(p, []) for p in (homs, homs_gov, namesake, hamidiah)], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    assert found["Bayadah"].place is not None and found["Bayadah"].place.gazetteer_id == homs.gazetteer_id
    text = ("Meanwhile, in central Homs province, SANA said the authorities destroyed two hideouts of armed "
            "groups in al-Hamidieh neighborhood.")
    found = {m.text: m for m in resolver.find(text, "d", [(0, len(text))])}
    part = found["al-Hamidieh neighborhood"]
    assert part.place is not None and part.place.gazetteer_id == homs.gazetteer_id and part.geo_precision == 2


def test_of_the_settlements_named_as_a_subdistrict_the_nearest_is_its_seat() -> None:
    unit = Place("t:kasab-u", "Kasab", 35.88, 35.97, "SY", "Latakia", None, "admin3", 1_900)
    near = Place("t:kassab", "Kassab", 35.93, 35.99, "SY", "Latakia", None, "settlement")
    off = Place("t:qasab", "Qasab", 35.71, 36.05, "SY", "Latakia", None, "settlement")
    gaz = MemoryGazetteer([(unit, []), (off, []), (near, [])], WORDS)
    for limit in (1, 3, 10):
        towns = [c for c in gaz.candidates("Kasab", limit=10) if c.place.feature == "settlement"][:limit]
        assert towns[0].place.gazetteer_id == near.gazetteer_id
    by_id = {c.place.gazetteer_id: c for c in gaz.candidates("Kasab", limit=10)}
    assert "seat of" in by_id[near.gazetteer_id].reason and "seat of" not in by_id[off.gazetteer_id].reason
    assert gaz.candidates("Kasab", limit=1)[0].place.gazetteer_id == gaz.candidates("Kasab", limit=10)[0].place.gazetteer_id


def test_counted_places_in_apposition_and_control_over_are_cues() -> None:
    from frontlines.resolve.place_patterns import has_place_cue

    text = "Five villages, Omara, Teluk and Ferhan, were liberated; the army took control over Qarim."
    for name in ("Omara", "Teluk", "Ferhan", "Qarim"):
        assert has_place_cue(text, text.index(name)), name
    for text in ("In the villages, Omara said", "the two fighters, Omara and Teluk", "control, Qarim said"):
        assert not has_place_cue(text, text.index("Omara" if "Omara" in text else "Qarim"))
    resolver = PlaceResolver(MemoryGazetteer([], WORDS), packaged_kb(), use_actors=False)
    text = "Three villages, Omara, Teluk and Ferhan, were cleared of the militants."
    found = {m.text for m in resolver.find(text, "d", [(0, len(text))])}
    assert {"Omara", "Teluk", "Ferhan"} <= found
