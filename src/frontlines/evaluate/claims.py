"""Claim scores: the extractor's claims (before fusion) against the gold events, on documents
cut into blocks by the gold's own segments, so that a segmenter error cannot hide or fake an
extraction error.  Figures: core recall, precision of factual claims, non-factual gold events
output as happened, status / actor1 / date accuracy on matched pairs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import Article, Claim, Cleaned, Mention, Precision, Role, Segment, text_id
from .gold import published, read_jsonl
from .match import date_overlaps, gold_date, line_offsets, quote_overlap, quote_span, status_agrees, type_compatible

#: what the scorer needs of the stages: place mentions, claims, resolved claims
FindPlaces = Callable[[str, str, list[tuple[int, int]]], Sequence[Mention]]
Extract = Callable[[Cleaned, Sequence[Mention]], list[Claim]]
Resolve = Callable[[list[Claim], Article], list[Claim]]


def gold_documents(texts: Path, gold_dir: Path) -> list[tuple[str, Cleaned]]:
    """(gold doc key, Cleaned) for every gold document, its blocks taken from the gold's segments."""
    segs = read_jsonl(gold_dir / "segments.jsonl")
    out = []
    for meta in sorted(read_jsonl(gold_dir / "docs.jsonl"), key=lambda r: r["doc"]):
        key = meta["doc"]
        text = (texts / meta["file"]).read_text("utf-8")
        day = published(meta)
        article = Article(id=text_id(text), text=text, source=meta["file"], outlet=meta.get("outlet"),
                          published=dt.date.fromisoformat(day) if day else None,
                          published_precision=Precision.DAY if day else None)
        starts = line_offsets(text)
        segments = [Segment(article.id, i, Role(s["role"]), starts[s["first_line"] - 1],
                            min(starts[s["last_line"]] - 1, len(text)), s["first_line"], s["last_line"])
                    for i, s in enumerate(r for r in segs if r["doc"] == key)]
        out.append((key, Cleaned(article, tuple(segments))))
    return out


def extract_gold_documents(documents: list[tuple[str, Cleaned]], find_places: FindPlaces, extract: Extract,
                           resolve: Resolve) -> list[tuple[str, Cleaned, list[Claim]]]:
    """Run place finding, extraction and claim resolution on each document's body and quote blocks."""
    results = []
    for key, cleaned in documents:
        spans = [(s.start, s.end) for s in cleaned.segments if s.role in (Role.BODY, Role.QUOTE)]
        mentions = list(find_places(cleaned.article.text, cleaned.article.id, spans))
        results.append((key, cleaned, resolve(extract(cleaned, mentions), cleaned.article)))
    return results


@dataclass
class ClaimScore:
    core: int = 0
    core_found: int = 0
    factual: int = 0
    factual_ok: int = 0
    serious: list[str] = field(default_factory=list)
    status_pairs: int = 0
    status_ok: int = 0
    actor_pairs: int = 0
    actor_ok: int = 0
    date_pairs: int = 0
    date_ok: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    status_errors: list[str] = field(default_factory=list)
    actor_errors: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def div(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "core_recall": div(self.core_found, self.core),
            "precision": div(self.factual_ok, self.factual),
            "status_accuracy": div(self.status_ok, self.status_pairs),
            "actor_accuracy": div(self.actor_ok, self.actor_pairs),
            "date_accuracy": div(self.date_ok, self.date_pairs),
            "non_factual_as_happened": len(self.serious),
            "claims_factual": self.factual,
        }


def _overlaps(claim: Claim, gold: dict[str, Any], text: str) -> int:
    return quote_overlap(quote_span(text, gold["quote"]), claim.trigger_start, claim.start, claim.end)


def _same_place(claim: Claim, gold: dict[str, Any]) -> bool:
    from ..resolve.normalize import name_key

    if claim.location is None or not gold.get("location"):
        return False
    mine = {name_key(claim.location.text)} | (
        {name_key(claim.location.place.name)} if claim.location.place else set())
    theirs = {name_key(gold["location"])} | (
        {name_key(gold["location_gazetteer"])} if gold.get("location_gazetteer") else set())
    mine.discard("")
    return bool(mine & theirs) or any(m and m in t for m in mine for t in theirs)


def best_gold(claim: Claim, golds: list[dict[str, Any]], text: str) -> dict[str, Any] | None:
    scored = [
        (max(_overlaps(claim, g, text), 1 if _same_place(claim, g) else 0)
         + (0.5 if claim.sub_event_type == g["sub_event_type"] else 0)
         + (0.75 if claim.factual == (g["eval_tier"] != "non_factual") else 0), g)
        for g in golds if type_compatible(claim.event_type, claim.sub_event_type, g)
    ]
    scored = [s for s in scored if s[0] >= 1]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def score_claims(results: list[tuple[str, Cleaned, list[Claim]]], gold_rows: list[dict[str, Any]]) -> ClaimScore:
    sc = ClaimScore()
    for key, cleaned, claims in results:
        text = cleaned.article.text
        doc_golds = [g for g in gold_rows if g["doc"] == key]
        found: set[str] = set()
        for claim in claims:
            gold = best_gold(claim, doc_golds, text)
            _pair(sc, claim, gold)
            _inside_non_factual(sc, claim, doc_golds, text, gold)
            if gold is not None and claim.factual:
                found.add(gold["id"])
        for g in doc_golds:
            if g["eval_tier"] == "core":
                sc.core += 1
                if g["id"] in found:
                    sc.core_found += 1
                else:
                    sc.missed.append(f"{g['id']}: {g['quote'][:90]}")
    return sc


def _inside_non_factual(sc: ClaimScore, claim: Claim, golds: list[dict[str, Any]], text: str,
                        paired: dict[str, Any] | None) -> None:
    """A factual claim whose trigger lies in the quote of a non-factual gold event."""
    if not claim.factual:
        return
    near = [g for g in golds if type_compatible(claim.event_type, claim.sub_event_type, g)
            and _overlaps(claim, g, text) >= 1]
    if any(g["eval_tier"] != "non_factual" for g in near):
        return
    for g in near:
        if g is not paired:
            sc.serious.append(f"{g['id']} ← {claim.trigger} {claim.sentence[:60]!r}")


def _pair(sc: ClaimScore, claim: Claim, gold: dict[str, Any] | None) -> None:
    label = (f"{claim.doc_id[:6]} {claim.status} {claim.sub_event_type} «{claim.trigger}» "
             f"{claim.sentence[:80]!r}")
    if claim.factual:
        sc.factual += 1
        if gold is not None and gold["eval_tier"] == "non_factual":
            sc.serious.append(f"{gold['id']} ← {label}")
        elif gold is not None:
            sc.factual_ok += 1
        else:
            sc.false_positives.append(label)
    if gold is None:
        return
    sc.status_pairs += 1
    agrees = status_agrees(claim.status.value, gold)
    sc.status_ok += agrees
    if not agrees:
        sc.status_errors.append(f"{gold['id']} gold={gold['status']} ← {label}")
    if gold.get("actor1"):
        sc.actor_pairs += 1
        ok = bool(claim.actor1 and claim.actor1.name == gold["actor1"])
        sc.actor_ok += ok
        if not ok:
            sc.actor_errors.append(f"{gold['id']} gold={gold['actor1']} got={claim.actor1} ← «{claim.trigger}»")
    if gold.get("date_text") and gold_date(gold):
        sc.date_pairs += 1
        sc.date_ok += date_overlaps(claim.event_date, gold_date(gold))
