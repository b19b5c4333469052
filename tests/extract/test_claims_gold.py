"""The extractor on the seed articles cut by the gold's own segments (seeds-gold).

Its accuracy floors (core recall, precision, status / actor / date accuracy, no non-factual
gold event output as happened) are the ``seeds/claims`` group of
``frontlines/evaluate/floors.json``, gated in tests/evaluate/test_gold_gates.py; the details of
a run: ``frontlines eval --group seeds/claims --json``.  Here: what no floor expresses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import packaged_kb
from frontlines.evaluate.claims import extract_gold_documents, gold_documents
from frontlines.extract.claims import ClaimExtractor
from frontlines.resolve.claims import ClaimResolver
from frontlines.resolve.gazetteer import SqliteGazetteer
from frontlines.resolve.places import PlaceResolver


@pytest.fixture(scope="module")
def results(corpus: Path, extractor: ClaimExtractor):  # type: ignore[no-untyped-def]
    places = PlaceResolver(SqliteGazetteer(None), packaged_kb())
    return extract_gold_documents(gold_documents(corpus / "seeds", corpus / "seeds-gold"), places.find,
                                  extractor.extract, ClaimResolver(packaged_kb().actors).resolve)


def test_nothing_from_titles_comments_or_boilerplate(results) -> None:  # type: ignore[no-untyped-def]
    for _, cleaned, claims in results:
        allowed = [(s.start, s.end) for s in cleaned.segments if s.role in ("body", "quote")]
        for claim in claims:
            assert any(a <= claim.start and claim.end <= b for a, b in allowed), claim.sentence


def test_a_paragraph_longer_than_the_parser_takes_is_cut_at_sentence_ends() -> None:
    from frontlines.extract.context import MAX_PARAGRAPH, _pieces

    sentence = "Rebels shelled the town of Mhardeh on Monday, the army said. "
    text = sentence * (3 * MAX_PARAGRAPH // len(sentence))
    pieces = _pieces(text, 0, len(text))
    assert len(pieces) >= 3 and pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(b[0] == a[1] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(e - s <= MAX_PARAGRAPH and text[s:e].endswith(". ") for s, e in pieces[:-1])
