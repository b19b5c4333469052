"""Actor aliases are found by one Aho-Corasick pass; it must give exactly the spans of the
alias regular expression (leftmost match, longest alias there, whole words, any case)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import packaged_kb
from frontlines.resolve.actors import _fold_with_offsets

ACTORS = packaged_kb().actors
ALIASES = sorted(ACTORS._aliases)
PIECES = st.one_of(
    st.sampled_from(ALIASES),
    st.sampled_from(ALIASES).map(str.upper),
    st.sampled_from(ALIASES).map(str.title),
    st.sampled_from(ALIASES).map(lambda a: a[: len(a) // 2]),
    st.sampled_from(["", " ", "_", "x", "-", ".", "é", "1", "pro ", " backed by", "İ", "ı", "ſ", "K", "’s"]),
    st.text(max_size=3),
)


def _regex_spans(folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in ACTORS._pattern_i.finditer(folded)]


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=8), st.sampled_from(["", " "]))
def test_the_automaton_finds_what_the_regex_finds(pieces: list[str], glue: str) -> None:
    folded = _fold_with_offsets(glue.join(pieces))[0]
    assert ACTORS._alias_spans(folded) == _regex_spans(folded)


def test_on_news_sentences() -> None:
    text = ("Turkish-backed rebels and the Syrian Arab Army clashed near al-Bab; ISIS and Hayat Tahrir "
            "al-Sham (HTS) fighters, the YPG, the SDF and pro-Iranian militias were also there. Daesh said so.")
    folded = _fold_with_offsets(text)[0]
    assert ACTORS._alias_spans(folded) == _regex_spans(folded)
    assert ACTORS._alias_spans(folded)  # the sentence names actors: the comparison is not empty
