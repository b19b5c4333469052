"""Place lookup ranks by evidence (name as written > transliteration > core > vowel > skeleton),
whatever the number of candidates asked for; ``--admin1`` settles homonyms."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factories import packaged_kb
from frontlines.cli.places import places_command
from frontlines.records import Place
from frontlines.resolve.gazetteer import MemoryGazetteer, SqliteGazetteer, alternatives, lookup, spelled

WORDS = packaged_kb().theater.feature_words  # the feature words the packaged gazetteer was built with

NAMES = ["Tall Hamid", "Al-Bab", "At Tall", "Foua", "Palmyra", "Nawa", "Kasab", "Qusayr", "Tadmur",
         "Ghouta", "Jisr al-Shughur", "Deir ez-Zor", "Raqqa", "Idlib", "Tell Abyad"]


def _first(name: str, limit: int, *extra: str) -> str | None:
    result = CliRunner().invoke(places_command, [name, "--json", "--limit", str(limit), *extra])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert len(lines) <= limit
    return lines[0]["gazetteer_id"] if lines else None


@pytest.mark.parametrize("name", NAMES)
def test_first_candidate_does_not_depend_on_limit(name: str) -> None:
    firsts = {_first(name, n) for n in (1, 2, 3, 5, 10, 40)}
    assert len(firsts) == 1, (name, firsts)


def _toy() -> MemoryGazetteer:
    village = Place("t:village", "Tall Hamid", 36.0, 40.0, "SY", "Al-Hasakah", None, "settlement", 300)
    town = Place("t:town", "Tell Hamed", 35.0, 38.0, "SY", "Raqqa", None, "city", 150_000)
    skel = Place("t:skel", "Tal Hamdi", 34.0, 37.0, "SY", "Homs", None, "city", 900_000)
    return MemoryGazetteer([(village, []), (town, []), (skel, [])], WORDS)


def test_the_name_as_written_outranks_a_variant_and_a_skeleton_for_every_limit() -> None:
    gaz = _toy()
    for limit in (1, 2, 3):
        (_, cands), = lookup(["Tall Hamid"], None, gaz, limit=limit)
        assert cands[0].place.gazetteer_id == "t:village", cands
        assert "exact spelling" in cands[0].reason
    (_, cands), = lookup(["Tell Hamed"], None, gaz, limit=3)
    assert [c.place.gazetteer_id for c in cands][:2] == ["t:town", "t:village"]


def test_admin1_keeps_the_candidates_of_that_governorate() -> None:
    (_, cands), = lookup(["Tall Hamid"], None, _toy(), limit=3, admin1="Raqqa")
    assert [c.place.gazetteer_id for c in cands] == ["t:town"]


def test_admin1_option_accepts_any_spelling_the_theater_knows() -> None:
    home = _first("Nawa", 3, "--admin1", "Homs")
    assert home is not None and home == _first("Nawa", 1, "--admin1", "Hims")
    assert home != _first("Nawa", 1, "--admin1", "Daraa")


def test_spelled_ignores_case_marks_and_the_article() -> None:
    assert spelled("Tall-Hamid") == spelled("tall hamid") == spelled("at-Tall Ḥamid".replace("at-", "")) \
        == "tall hamid"
    assert spelled("al-Bab") == spelled("Al Bab") and spelled("Tell Hamed") != spelled("Tall Hamid")


def test_alternatives_are_split_and_the_place_both_name_comes_first() -> None:
    town = Place("t:town", "Tadmur", 34.56, 38.28, "SY", "Homs", None, "settlement", 50_000)
    other = Place("t:other", "Palmyra", 40.0, 20.0, "XX", None, None, "city", 900_000)
    gaz = MemoryGazetteer([(town, ["Palmyra"]), (other, [])], WORDS)
    assert alternatives("Tadmur/Palmyra") == ["Tadmur", "Palmyra"]
    assert alternatives("Tadmur (Palmyra)") == ["Tadmur", "Palmyra"] and alternatives("Tadmur") == ["Tadmur"]
    for query in ("Tadmur/Palmyra", "Tadmur (Palmyra)", "Palmyra / Tadmur"):
        (_, cands), = lookup([query], None, gaz, limit=1)
        assert cands[0].place.gazetteer_id == "t:town", query


def test_a_district_named_after_its_seat_gives_way_to_the_town() -> None:
    """ "Zabrij" is the district's name as written and the town's a vowel away: the town, as a
    province named alone is located at its capital; the district stays further down."""
    district = Place("t:district", "Zabrij", 36.07, 37.92, "SY", "Aleppo", None, "admin2", 400_000)
    subdistrict = Place("t:sub", "Zabrij", 36.50, 37.94, "SY", "Aleppo", None, "admin3", 200_000)
    town = Place("t:town", "Zabraj", 36.52, 37.95, "SY", "Aleppo", None, "city", 70_000)
    far = Place("t:far", "Zabraj", 33.0, 36.0, "SY", "Daraa", None, "settlement", 500)
    gaz = MemoryGazetteer([(district, []), (subdistrict, []), (town, []), (far, [])], WORDS)
    for limit in (1, 3):
        (_, cands), = lookup(["Zabrij"], None, gaz, limit=limit)
        assert cands[0].place.gazetteer_id == "t:town", cands
    alone = MemoryGazetteer([(district, []), (far, [])], WORDS)
    (_, cands), = lookup(["Zabrij"], None, alone, limit=2)
    assert cands[0].place.gazetteer_id == "t:district"  # no seat town within reach: the district


def test_the_theaters_country_goes_first_among_equal_evidence() -> None:
    abroad = Place("t:jo", "As Sukhra", 32.1, 36.1, "JO", "Al Zarqa", None, "settlement", 20_000)
    home = Place("t:sy", "As Sukhra", 34.9, 38.9, "SY", "Homs", None, "settlement", 5_000)
    gaz = MemoryGazetteer([(abroad, []), (home, [])], WORDS)
    (_, cands), = lookup(["As Sukhra"], None, gaz, limit=2, home="SY")
    assert [c.place.gazetteer_id for c in cands] == ["t:sy", "t:jo"]
    (_, cands), = lookup(["As Sukhra"], None, gaz, limit=2)
    assert cands[0].place.gazetteer_id == "t:jo"  # no theater: the evidence and the score decide


def _city_and_parts() -> MemoryGazetteer:
    city = Place("t:city", "Zabrij", 36.20, 37.17, "SY", "Aleppo", None, "city", 2_000_000)
    part = Place("t:part", "Karmal", 36.21, 37.15, "SY", "Aleppo", None, "neighbourhood")
    namesake = Place("t:far", "Karmal", 33.0, 36.0, "SY", "Daraa", None, "settlement", 9_000)
    province = Place("t:prov", "Daraa", 32.8, 36.2, "SY", "Daraa", None, "admin1", 1_000_000)
    return MemoryGazetteer([(city, []), (part, []), (namesake, []), (province, [])], WORDS)


def test_a_town_and_a_part_of_it_name_the_part_inside_the_town() -> None:
    """ "Zabrij - Karmal" (how event datasets write a neighbourhood): the Karmal inside Zabrij, not
    the bigger namesake elsewhere; a part the gazetteer lacks falls back to the town; "Karmal -
    Daraa" puts the coarser side first whichever way round, so Daraa's Karmal wins."""
    gaz = _city_and_parts()
    for limit in (1, 4):
        (_, cands), = lookup(["Zabrij - Karmal"], None, gaz, limit=limit)
        assert cands[0].place.gazetteer_id == "t:part" and "in Zabrij" in cands[0].reason
    (_, cands), = lookup(["Zabrij \u2013 Qwxyz"], None, gaz, limit=2)
    assert cands[0].place.gazetteer_id == "t:city"
    (_, cands), = lookup(["Karmal - Daraa"], None, gaz, limit=2)
    assert cands[0].place.gazetteer_id == "t:far"
    (_, cands), = lookup(["Zabrij-Karmal"], None, gaz, limit=2)  # no spaces: one name, not a part
    assert not cands or "as the name says" not in cands[0].reason


def test_a_provinces_own_name_gives_the_province() -> None:
    """ "Rural Damascus" (the theater's name for Rif Dimashq) is the governorate, even where the
    gazetteer knows that name only as a district's; a name the capital shares ("Aleppo", "Idleb")
    stays the city."""
    theater = packaged_kb().theater
    assert theater.province_named("Rural Damascus") == "Rif Dimashq"
    assert theater.province_named("Aleppo") is None and theater.province_named("Idleb") is None
    unit = Place("t:unit", "Rif Dimashq", 33.5, 37.4, "SY", "Rif Dimashq", None, "admin1", 2_800_000)
    district = Place("t:dist", "Markaz Rif Dimashq", 33.35, 36.29, "SY", "Rif Dimashq", None, "admin2", 300_000)
    gaz = MemoryGazetteer([(unit, []), (district, ["Rural Damascus"])], WORDS)
    (_, cands), = lookup(["Rural Damascus"], None, gaz, limit=1, province=theater.province_named)
    assert cands[0].place.gazetteer_id == "t:unit"
    (_, cands), = lookup(["Rural Damascus"], None, gaz, limit=1)
    assert cands[0].place.gazetteer_id == "t:dist"  # without the theater: what the gazetteer says


def test_turkmen_mountain_is_in_latakia() -> None:
    """The overlay's Turkmen Mountain (a Wikipedia article's coordinates): "Jabal Turkman" was an
    Iraqi village's skeleton before."""
    for name in ("Jabal Turkman", "Jebel Turkman"):
        (_, cands), = lookup([name], None, SqliteGazetteer(None), limit=1, home="SY")
        assert cands[0].place.gazetteer_id == "ovl:turkmen-mountain" and cands[0].place.admin1 == "Latakia"


def _abroad() -> tuple[MemoryGazetteer, MemoryGazetteer]:
    home_variant = Place("t:home", "Qarrad", 35.0, 37.0, "SY", "Aleppo", None, "settlement", None)
    hamlet = Place("t:hamlet", "Qarad", 34.0, 36.0, "LB", "North Lebanon", None, "settlement", None)
    town = Place("t:town", "Qarad", 33.0, 41.0, "IQ", "Al-Anbar", None, "settlement", 40_000)
    return MemoryGazetteer([(home_variant, []), (hamlet, [])], WORDS), MemoryGazetteer(
        [(home_variant, []), (town, [])], WORDS)


def test_the_theaters_places_go_before_a_minor_place_abroad_of_a_closer_spelling() -> None:
    with_hamlet, with_town = _abroad()
    (_, cands), = lookup(["Qarad"], None, with_hamlet, limit=2, home="SY")
    assert [c.place.gazetteer_id for c in cands] == ["t:home", "t:hamlet"]
    # without a theater, or asked for that country, the spelling decides as before
    (_, cands), = lookup(["Qarad"], None, with_hamlet, limit=2)
    assert cands[0].place.gazetteer_id == "t:hamlet"
    (_, cands), = lookup(["Qarad"], "LB", with_hamlet, limit=2, home="SY")
    assert [c.place.gazetteer_id for c in cands] == ["t:hamlet"]


def test_a_town_abroad_of_some_size_keeps_its_rank() -> None:
    _, with_town = _abroad()
    (_, cands), = lookup(["Qarad"], None, with_town, limit=2, home="SY")
    assert cands[0].place.gazetteer_id == "t:town"


def test_admin1_is_matched_in_any_spelling_and_falls_back_marked_when_nothing_lies_there() -> None:
    gaz = _toy()
    (_, cands), = lookup(["Tall Hamid"], None, gaz, limit=3, admin1="al hasakah")
    assert [c.place.gazetteer_id for c in cands] == ["t:village"]
    (_, cands), = lookup(["Tall Hamid"], None, gaz, limit=3, admin1="Daraa")
    assert cands[0].place.gazetteer_id == "t:village"
    assert all("not in Daraa as the gazetteer has it" in c.reason for c in cands)


def test_of_homonyms_the_one_other_records_of_the_name_place_there_goes_first() -> None:
    lone = Place("t:a", "Kafr Sabt", 34.0, 36.0, "SY", "Hama", None, "settlement", None)
    twin = Place("t:z", "Kafr Sabt", 36.0, 38.0, "SY", "Raqqa", None, "settlement", None)
    unit = Place("t:unit", "Kafr Sabt", 36.02, 38.01, "SY", "Raqqa", None, "admin3", None)
    for places in ([(lone, []), (twin, [])], [(lone, []), (twin, []), (unit, [])]):
        (_, cands), = lookup(["Kafr Sabt"], None, MemoryGazetteer(places, WORDS), limit=3, home="SY")
        settlements = [c.place.gazetteer_id for c in cands if c.place.feature == "settlement"]
        assert settlements == (["t:a", "t:z"] if len(places) == 2 else ["t:z", "t:a"])


def test_a_name_of_two_words_spelled_as_written_abroad_keeps_its_rank() -> None:
    home_variant = Place("t:home", "Qarrad Kabir", 35.0, 37.0, "SY", "Aleppo", None, "settlement", None)
    abroad = Place("t:abroad", "Qarad Kabir", 34.0, 36.0, "LB", "North Lebanon", None, "neighbourhood", None)
    (_, cands), = lookup(["Qarad Kabir"], None, MemoryGazetteer([(home_variant, []), (abroad, [])], WORDS),
                         limit=2, home="SY")
    assert cands[0].place.gazetteer_id == "t:abroad"
