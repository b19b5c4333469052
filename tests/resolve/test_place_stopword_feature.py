"""A word the theater lists as no place (a river's name) followed by a feature word that names a
town or a part of one ("the Yarmouk camp") names the place of that class the gazetteer knows;
alone, or with a word for water, it stays no place.  Sentences written for these tests, a small
in-memory gazetteer with invented names."""

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words
KB = packaged_kb()
RIVER_WORD = sorted(KB.theater.non_places & {"yarmouk", "khabur", "balikh", "orontes"})[0].capitalize()
CITY = Place("t:city", "Qalbiya", 33.51, 36.28, "SY", "Damascus", "Damascus", "city", 1_000_000)
CAMP = Place("t:camp", f"Mukhayyam al {RIVER_WORD}", 33.47, 36.30, "SY", "Damascus", None, "settlement")
RIVER = Place("t:river", f"Nahr {RIVER_WORD}", 32.70, 35.90, "SY", "Daraa", None, "water")


def _found(text: str) -> dict[str, object]:
    gaz = MemoryGazetteer([(CITY, []), (CAMP, [RIVER_WORD]), (RIVER, [RIVER_WORD])], WORDS)
    resolver = PlaceResolver(gaz, KB, use_actors=False)
    return {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_river_word_with_a_camp_word_names_the_camp() -> None:
    found = _found(f"Clashes erupted in the {RIVER_WORD} camp south of Qalbiya on Monday.")
    assert found.get(f"{RIVER_WORD} camp") == CAMP


def test_the_river_word_alone_or_with_a_water_word_is_no_place() -> None:
    assert RIVER_WORD.lower() in KB.theater.non_places
    for text in (f"Fighters crossed the {RIVER_WORD} near Qalbiya.",
                 f"Fighters crossed the {RIVER_WORD} river near Qalbiya."):
        found = _found(text)
        assert all(p not in (CAMP, RIVER) for p in found.values()), found
