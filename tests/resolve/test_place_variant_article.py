"""A spelling variant of a name whose second word carries an Arabic article ("Moadamiyet
al-Sham") is name-like, as one opening with it is ("al-Tanaf"): near the document's other places
it is kept.  Sentences written for these tests, a small in-memory gazetteer, invented names."""

from factories import packaged_kb
from frontlines.records import Place
from frontlines.resolve.gazetteer import MemoryGazetteer
from frontlines.resolve.places import PlaceResolver

WORDS = packaged_kb().theater.feature_words
TOWN = Place("t:town", "Kafr Warda", 33.49, 36.24, "SY", "Rif Dimashq", None, "settlement", 20_000)
SUBURB = Place("t:suburb", "Zamalkat an Nur", 33.46, 36.20, "SY", "Rif Dimashq", None, "settlement")


def _found(text: str) -> dict[str, Place | None]:
    gaz = MemoryGazetteer([(TOWN, []), (SUBURB, [])], WORDS)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    return {m.text: m.place for m in resolver.find(text, "d", [(0, len(text))])}


def test_a_variant_with_an_article_inside_is_kept_near_the_document_s_places() -> None:
    found = _found("A jet carried out a raid on Kafr Warda, while artillery bombed Zamalkit al-Nur.")
    assert found.get("Zamalkit al-Nur") == SUBURB


def test_a_variant_without_an_article_is_not() -> None:
    found = _found("A jet carried out a raid on Kafr Warda, while artillery bombed Zamalkit Nur.")
    assert "Zamalkit Nur" not in found or found["Zamalkit Nur"] is None
