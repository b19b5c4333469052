"""The fast path gives the output of the slow one: the stand-in for spaCy's attribute ruler and
lemmatizer annotates token for token alike, paragraphs left unparsed could make no claim, and
documents processed in a batch (one ``nlp.pipe``) come out as when processed one by one."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import spacy

from factories import packaged_kb
from frontlines.extract.claims import ClaimExtractor
from frontlines.extract.fastpipe import speed_up
from frontlines.extract.nlp import MODEL_NAME, UNUSED, load_nlp
from frontlines.ingest.readers import read_inputs
from frontlines.pipeline import Resources, clean, process_batch, safe_process
from frontlines.records import Article, Failure

EDGE_CASES = [
    "Y'all gonna see it, ain't that right? Let's go. C'mon, there is a man; there are two.",
    "He'd said they're gotta leave.   \n\n  IS claimed the attack, and it was blamed on ISIS.",
    "Regime forces shelled the towns of Kafr Nabl and Maarat al-Numan, killing 12 people.",
]


def _seed_texts(corpus: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((corpus / "seeds").glob("*.txt"))]


def _annotations(doc: spacy.tokens.Doc) -> list[tuple[object, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_,
             t.is_sent_start) for t in doc]


def test_the_fast_morphology_annotates_like_spacy(corpus: Path) -> None:
    stock = spacy.load(MODEL_NAME, exclude=list(UNUSED))
    fast = load_nlp()
    assert "fast_morphology" in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    texts = _seed_texts(corpus) + EDGE_CASES
    for want, got in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert _annotations(got) == _annotations(want)


def test_a_pipeline_it_cannot_reproduce_is_left_alone() -> None:
    nlp = spacy.blank("en")
    assert speed_up(nlp).pipe_names == []


def _articles(path: Path) -> list[Article]:
    return [a for a in read_inputs([path]) if isinstance(a, Article)]


def test_every_paragraph_that_can_hold_a_trigger_is_parsed(corpus: Path) -> None:
    """On the seeds: a paragraph the filter skips has no token that the lexicon would fire on,
    and every gold event quote lies in a parsed paragraph."""
    from frontlines.extract.context import paragraphs

    kb = packaged_kb()
    extractor = ClaimExtractor(kb, nlp=load_nlp())
    nlp = extractor.nlp
    lines = (corpus / "seeds-gold" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    quotes = [json.loads(line).get("quote") or "" for line in lines if line.strip()]
    skipped = 0
    for article in _articles(corpus / "seeds"):
        cleaned = clean(article, kb)
        for para, piece in zip(paragraphs(cleaned), extractor.pieces(cleaned), strict=True):
            if piece is not None:
                continue
            skipped += 1
            text = cleaned.article.text[para.start : para.end]
            parsed = nlp(text)
            assert not any(kb.triggers.candidates(t.text, t.lemma_) for t in parsed), text
            assert not any(q[:40] in text for q in quotes if len(q) >= 20), text
    assert skipped > 0  # the seeds have such paragraphs (datelines, captions): the test tests something


def test_unparsed_paragraphs_change_no_claim(corpus: Path) -> None:
    kb = packaged_kb()
    resources = Resources(kb)
    filtered = resources.extractor
    everything = ClaimExtractor(kb, nlp=resources.nlp)
    everything.parse_filter.active = False
    for article in _articles(corpus / "seeds"):
        cleaned = clean(article, kb)
        spans = [(s.start, s.end) for s in cleaned.segments if s.role in {"body", "quote"}]
        places = resources.places.find(cleaned.article.text, cleaned.article.id, spans)
        assert filtered.extract(cleaned, places) == everything.extract(cleaned, places)


def test_a_batch_gives_what_one_by_one_gives(corpus: Path) -> None:
    resources = Resources(packaged_kb())
    articles = _articles(corpus / "seeds")
    broken = dataclasses.replace(articles[1], text=None)  # type: ignore[arg-type]  # fails in clean
    batch = [articles[0], broken, *articles[2:]]
    got = process_batch(batch, resources)
    assert isinstance(got[1], Failure) and got[1].doc_id == broken.id
    assert [r for i, r in enumerate(got) if i != 1] == [safe_process(a, resources) for a in [articles[0], *articles[2:]]]


@pytest.mark.parametrize("size", [1, 2])
def test_small_batches_take_the_one_by_one_path(corpus: Path, size: int) -> None:
    resources = Resources(packaged_kb())
    articles = _articles(corpus / "seeds")[:size]
    assert process_batch(articles, resources) == [safe_process(a, resources) for a in articles]
