"""A name names one place without doubt when one place bears it as written, whatever places
abroad bear a vowel variant of it; the variant still counts where the name as written is only a
district's, or matches only without a feature word that asks for another class.  Invented
names, a small in-memory gazetteer."""

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.place_context import focus_of, unambiguous

WORDS = packaged_kb().theater.feature_words
HOME = Place("t:home", "Mudariya", 33.46, 36.20, "SY", "Rif Dimashq", None, "settlement")
ABROAD = Place("t:abroad", "Madariya", 31.0, 44.0, "IQ", "Babil", None, "settlement", 60_000)
UNIT = Place("t:unit", "Zarabla", 36.69, 37.81, "SY", "Aleppo", None, "admin2")
TOWN = Place("t:town", "Zarabula", 36.82, 38.01, "SY", "Aleppo", None, "city", 25_000)
VILLAGE = Place("t:village", "Kassiba", 35.92, 35.99, "SY", "Latakia", None, "settlement")
CROSSING = Place("t:crossing", "Kesiba Border Crossing", 35.93, 35.98, "TR", "Hatay", None, "border_crossing")
GAZ = MemoryGazetteer([(p, []) for p in (HOME, ABROAD, UNIT, TOWN, VILLAGE, CROSSING)], WORDS)


def _one(name: str) -> Place | None:
    top = unambiguous(GAZ.candidates(name))
    return top.place if top else None


def test_the_name_as_written_beats_a_vowel_variant_abroad() -> None:
    cands = GAZ.candidates("Mudariya")
    assert {c.place for c in cands} >= {HOME, ABROAD}
    assert _one("Mudariya") == HOME
    assert focus_of([cands], "SY").anchors == [HOME]


def test_a_district_s_name_leaves_its_town_s_spelling_in_play() -> None:
    assert _one("Zarabla") == TOWN


def test_a_feature_word_the_name_as_written_does_not_fit_leaves_the_variant_in_play() -> None:
    assert _one("Kassiba border crossing") == CROSSING
