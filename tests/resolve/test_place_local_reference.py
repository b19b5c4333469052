"""A namesake is pulled towards the places the text names without doubt just before it ("... west
of the city of Qalbiya. ... the Tall Nur base"), more than towards the document's other places
named later.  Sentences written for these tests, a small in-memory gazetteer, invented names."""

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words
NORTH = Place("t:north", "Qalbiya", 36.20, 37.17, "SY", "Aleppo", None, "city", 900_000)
SOUTH = Place("t:south", "Zabdaniya", 33.51, 36.28, "SY", "Damascus", None, "city", 900_000)
SOUTH2 = Place("t:south2", "Kafr Warda", 33.49, 36.24, "SY", "Damascus", None, "settlement", 20_000)
NUR_N = Place("t:nur-n", "Tall Nur", 36.28, 36.91, "SY", "Aleppo", None, "settlement")
NUR_S = Place("t:nur-s", "Tall Nur", 33.45, 36.35, "SY", "Rif Dimashq", None, "settlement")
TEXT = ("Rebels captured parts of a large army base just west of the city of Qalbiya, activists say.\n\n"
        "The monitor said the rebels entered the sprawling Tall Nur base on Sunday.\n\n"
        "Meanwhile, jets struck Zabdaniya and Kafr Warda, and artillery shelled Zabdaniya again.")


def _found(text: str) -> dict[str, Place | None]:
    gaz = MemoryGazetteer([(p, []) for p in (NORTH, SOUTH, SOUTH2, NUR_N, NUR_S)], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_namesake_lies_near_the_place_named_just_before() -> None:
    assert _found(TEXT)["Tall Nur base"] == NUR_N


def test_without_a_place_just_before_the_document_s_places_decide() -> None:
    text = TEXT.replace("just west of the city of Qalbiya", "in the north")
    assert _found(text)["Tall Nur base"] == NUR_S


def _resolve(text: str, *places: Place) -> list[tuple[str, Place | None]]:
    resolver = PlaceResolver(MemoryGazetteer([(p, []) for p in places], WORDS), packaged_kb(), use_actors=False)
    return [(m.text, m.place) for m in resolver.find(text, "d", [(0, len(text))])]


NUR_D = Place("t:nur-d", "Tall Nur", 33.45, 36.35, "SY", "Damascus", None, "settlement")
FILLER = "The monitor gave no figure for the dead, and the talks were said to go on for another week. " * 4


def test_a_place_after_it_in_its_sentence_counts_too() -> None:
    text = ("Rebels left the city of Qalbiya on Sunday.\n\n"
            "Residents of Tall Nur near Zabdaniya were waiting at a bus garage.")
    assert dict(_resolve(text, NORTH, SOUTH, NUR_N, NUR_D))["Tall Nur"] == NUR_D


def test_a_name_used_before_keeps_its_place() -> None:
    text = ("Residents of Tall Nur near Zabdaniya fled on Monday. " + FILLER + "\n\n"
            "Rebels left the city of Qalbiya on Sunday, and a Tall Nur resident spoke from a garage.")
    found = _resolve(text, NORTH, SOUTH, NUR_N, NUR_D)
    assert [p for t, p in found if t == "Tall Nur"] == [NUR_D, NUR_D]


def test_a_governorate_s_part_named_with_a_direction_is_no_point_to_pull_towards() -> None:
    text = ("Rebels left the village of Kafr Warda on Sunday. " + FILLER + "\n\n"
            "Troops reached the outskirts of the village of Tall Nur in northern Qalbiya.")
    assert dict(_resolve(text, NORTH, SOUTH, SOUTH2, NUR_N, NUR_D))["Tall Nur"] == NUR_D
