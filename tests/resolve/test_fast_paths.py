"""Issue 12: the faster place and actor finding gives what the plain code gave (folding a
sentence with its offsets, remembered feature-word splits and trigger lookups)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.resolve import gaz_words
from frontlines.resolve.actors import _APOSTROPHES, _fold_with_offsets
from frontlines.resolve.gaz_words import FeatureWords
from frontlines.resolve.normalize import name_key


def _plain_fold(text: str) -> tuple[str, list[int]]:
    """The character-by-character fold the fast one replaced: the reference."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in _APOSTROPHES or (
                ch == "." and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()):
            continue
        if ch == "." and i > 0 and text[i - 1].isupper() and (i + 1 == len(text) or text[i + 1] == " "):
            continue
        ch = " " if ch in "-–—/(),;:\u00a0\n\t" else ch
        if ch == " " and out and out[-1] == " ":
            continue
        out.append(ch)
        offsets.append(i)
    return "".join(out), offsets


TRICKY = "aZ .'’\"“-–—/(),;:\u00a0\n\t\r_1éİı"
PIECES = st.one_of(st.text(alphabet=TRICKY, max_size=6), st.sampled_from(
    ["U.S.", "U.S. ", "the U.N.", "al-Qaeda", "Ja'ish", "Aleppo,  Idlib", " - ", "a.b", "A.", ". .", "  "]))


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=10))
def test_the_fast_fold_equals_the_character_by_character_fold(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _fold_with_offsets(text) == _plain_fold(text)


def test_the_fold_of_a_news_sentence() -> None:
    text = "The U.S.-led coalition's jets (and Russia's) struck Raqqa,  Deir ez-Zor; 12 died."
    folded, offsets = _fold_with_offsets(text)
    assert (folded, offsets) == _plain_fold(text)
    assert folded.startswith("The US. led coalitions jets and Russias struck Raqqa Deir ez Zor 12 died")
    assert all(text[o] == c for o, c in zip(offsets, folded, strict=True) if c != " ")


def test_feature_word_splits_are_remembered_and_stay_right_past_the_memo_size(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    words = FeatureWords.of({"airbase": "airbase", "air base": "airbase", "gas field": "field"}, ["the"])
    fresh = FeatureWords.of({"airbase": "airbase", "air base": "airbase", "gas field": "field"}, ["the"])
    monkeypatch.setattr(gaz_words, "MEMO_SIZE", 3)
    names = ["Kuweires Airbase", "the Kuweires air base", "Shaer gas field", "Tabqa", "Kuweires Airbase", "air base"]
    for name in names * 2:
        assert words.split(name) == fresh._split(name)
        core = fresh._split(name)[0]
        assert words.core_key(name) == ((name_key(core) if core else "") or name_key(name))
    assert words.split("Kuweires Airbase") == ("kuweires", frozenset({"airbase"}))
    assert words.core_key("air base") == words.core_key("Air Base") != ""
    assert len(words._splits) <= 3 and words == fresh  # the memo is no part of equality


def test_a_possessive_after_a_country_still_makes_it_the_state() -> None:
    """The tokenizer's precompiled final-'s pattern must not shadow the metonymy patterns."""
    from frontlines.resolve.normalize import name_key as key
    from frontlines.resolve.place_text import is_metonym, tokens

    text = "Russia's forces struck the town, and Turkey's approval came later."
    assert is_metonym(text, 0, 6, key("Russia"), "country", frozenset())
    assert is_metonym(text, 37, 43, key("Turkey"), "country", frozenset())
    assert [t.text for t in tokens(text, 0, 22)] == ["Russia", "forces", "struck"]
