"""A final *-ia* is looked for as *-iya* too ("Qaroutia" / "Al Qarutiyah"), as a skeleton match
ranked below names as written and their vowel variants whatever the limit; not the other way
round; and a spelling variant of a part of a town does not stand for a town of that name.
Invented names, a small in-memory gazetteer."""

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.normalize import skeletons
from frontlines.resolve.places import PlaceResolver
from frontlines.taxonomy import MatchKind

WORDS = packaged_kb().theater.feature_words
GLIDE = Place("t:glide", "Al Qaburiyah", 36.13, 37.40, "SY", "Aleppo", None, "settlement")
VOWEL = Place("t:vowel", "Qabira", 35.0, 36.0, "SY", "Hama", None, "settlement")
WRITTEN = Place("t:written", "Qaburia", 34.0, 36.5, "SY", "Homs", None, "settlement")
BARE = Place("t:bare", "Zahdiya", 35.5, 36.0, "SY", "Hama", None, "settlement")


def test_skeletons_add_the_glide_of_a_final_ia_only() -> None:
    assert skeletons("karutia") == ["krt", "krty"]
    assert skeletons("karutiya") == ["krty"]
    assert skeletons("tabka") == ["tbk"]


def test_the_iya_spelling_is_found_below_written_names_and_vowel_variants_whatever_the_limit() -> None:
    gaz = MemoryGazetteer([(p, []) for p in (GLIDE, VOWEL, WRITTEN)], WORDS)
    for limit in (3, 10, 50):
        cands = gaz.candidates("Qaburia", limit=limit)
        assert [c.place for c in cands] == [WRITTEN, VOWEL, GLIDE]
        assert cands[-1].match == MatchKind.SKELETON
    gaz = MemoryGazetteer([(GLIDE, [])], WORDS)
    assert [c.place for c in gaz.candidates("Qaburia")] == [GLIDE]


def test_a_name_written_iya_is_not_looked_for_without_its_glide() -> None:
    gaz = MemoryGazetteer([(Place("t:z", "Zahdi", 35.5, 36.0, "SY", "Hama", None, "settlement"), [])], WORDS)
    assert gaz.candidates("Zahdiya") == []


HOMS = Place("t:homs", "Qalbiya", 34.73, 36.69, "SY", "Homs", "Homs", "city", 700_000)
FAR_VILLAGE = Place("t:far-v", "Al Hamidia", 34.71, 35.95, "SY", "Tartus", None, "settlement")
FAR_TOWN = Place("t:far-t", "Al Hamidah", 35.71, 36.95, "SY", "Hama", None, "city", 30_000)


def test_a_spelling_variant_of_a_town_does_not_take_a_part_of_a_stated_city_away() -> None:
    gaz = MemoryGazetteer([(HOMS, []), (FAR_VILLAGE, []), (FAR_TOWN, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "Troops destroyed two hideouts in the al-Hamidia neighbourhood of Qalbiya city on Sunday."
    part = next(m for m in resolver.find(text, "d", [(0, len(text))]) if "Hamidia" in m.text)
    assert part.place == HOMS and part.geo_precision == 2
