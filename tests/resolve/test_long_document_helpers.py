"""The indexes that keep long documents linear give the answers of a whole-document scan."""

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import packaged_kb
from frontlines.resolve.place_text import tokens
from frontlines.resolve.place_words import common_word, text_words

words = st.sampled_from(["over", "Over", "the", "Hama", "hama", "al-Bab", "Bab", "bab", "x", "Éz", "éz",
                         "-", ".", "\n", " ", "'s", "1982", "Tall-Bab"])


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=1, max_size=40))
def test_common_word_with_the_word_set_equals_searching_the_text(parts):
    text = " ".join(parts)
    known = text_words(text)
    for tok in tokens(text, 0, len(text)):
        assert common_word(text, tok, known) == common_word(text, tok)


def test_a_capitalised_word_the_text_also_writes_in_lower_case_is_no_place():
    from frontlines.records import Place
    from frontlines.resolve.gazetteer import MemoryGazetteer
    from frontlines.resolve.places import PlaceResolver

    gaz = MemoryGazetteer([(Place("t:zorba", "Zorba", 35.0, 37.0, "SY", "Hama"), [])], packaged_kb().theater.feature_words)
    resolver = PlaceResolver(gaz, packaged_kb(), use_actors=False)
    text = "Zorba was shelled on Monday. Fighters ate zorba bread."
    assert resolver.find(text, "d", [(0, len(text))]) == []  # "Zorba" is a common word here
    text = "Zorba was shelled on Monday."
    assert [m.text for m in resolver.find(text, "d", [(0, len(text))])] == ["Zorba"]  # no lower-case use


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12), st.integers(-5, 90))
def test_covered_equals_testing_every_span(raw, offset):
    from frontlines.resolve.places import covered

    spans = [(s, s + n) for s, n in raw]
    assert covered(spans)(offset) == any(s <= offset < e for s, e in spans)
