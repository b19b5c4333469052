"""Dev scorer for claims against seeds-gold (used by test_claims_gold.py and by hand).

Builds Cleaned records from the gold segments, place mentions from the place resolver when
it is available (else from spaCy GPE/LOC/FAC entities), runs ClaimExtractor + ClaimResolver
and scores: core recall, precision of factual claims, non-factual gold output as happened,
status / actor / date accuracy on matched pairs.

    .venv/bin/python tests/extract/devscore.py [-v]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from factories import packaged_kb
from frontlines.records import Article, Claim, Cleaned, Mention, Precision, Role, Segment, text_id

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
GOLD = CORPUS / "seeds-gold"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def seed_documents() -> list[tuple[str, Cleaned]]:
    """(gold doc key, Cleaned) for the five seeds, segments taken from the gold."""
    docs = {r["doc"]: r for r in _rows(GOLD / "docs.jsonl")}
    segs = _rows(GOLD / "segments.jsonl")
    out = []
    for key, meta in sorted(docs.items()):
        text = (CORPUS / "seeds" / meta["file"]).read_text("utf-8")
        article = Article(
            id=text_id(text),
            text=text,
            source=meta["file"],
            outlet=meta.get("outlet"),
            published=dt.date.fromisoformat(meta["published_estimate"]),
            published_precision=Precision.DAY,
        )
        lines = text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        segments = []
        for i, s in enumerate(r for r in segs if r["doc"] == key):
            start, end = starts[s["first_line"] - 1], starts[s["last_line"]] - 1
            segments.append(
                Segment(
                    article.id,
                    i,
                    Role(s["role"]),
                    start,
                    min(end, len(text)),
                    s["first_line"],
                    s["last_line"],
                )
            )
        out.append((key, Cleaned(article, tuple(segments))))
    return out


def place_mentions(cleaned: Cleaned, nlp) -> list[Mention]:
    text = cleaned.article.text
    spans = [(s.start, s.end) for s in cleaned.segments if s.role in (Role.BODY, Role.QUOTE)]
    try:
        from frontlines.resolve.gazetteer import SqliteGazetteer
        from frontlines.resolve.places import PlaceResolver

        return list(PlaceResolver(SqliteGazetteer(None), packaged_kb()).find(text, cleaned.article.id, spans))
    except Exception:  # the place resolver is not there yet: spaCy entities
        out = []
        for start, end in spans:
            for ent in nlp(text[start:end]).ents:
                if ent.label_ in {"GPE", "LOC", "FAC"}:
                    out.append(
                        Mention(
                            cleaned.article.id,
                            "place",
                            start + ent.start_char,
                            start + ent.end_char,
                            ent.text,
                        )
                    )
        return out


@dataclass
class Score:
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

    def figures(self) -> dict[str, float]:
        div = lambda a, b: round(a / b, 3) if b else 0.0  # noqa: E731
        return {
            "core_recall": div(self.core_found, self.core),
            "precision": div(self.factual_ok, self.factual),
            "status_accuracy": div(self.status_ok, self.status_pairs),
            "actor_accuracy": div(self.actor_ok, self.actor_pairs),
            "date_accuracy": div(self.date_ok, self.date_pairs),
            "non_factual_as_happened": len(self.serious),
            "claims_factual": self.factual,
        }


def _compatible(claim: Claim, gold: dict) -> bool:
    types = {gold["sub_event_type"], *(gold.get("alt_sub_event_types") or [])}
    return claim.sub_event_type in types or claim.event_type == gold["event_type"]


def _overlaps(claim: Claim, gold: dict, text: str) -> int:
    start = text.find(gold["quote"])
    if start < 0:
        return 0
    end = start + len(gold["quote"])
    if start <= claim.trigger_start < end:
        return 2
    return 1 if claim.start < end and start < claim.end else 0


def _same_place(claim: Claim, gold: dict) -> bool:
    from frontlines.resolve.normalize import name_key

    if claim.location is None or not gold.get("location"):
        return False
    mine = {name_key(claim.location.text)} | (
        {name_key(claim.location.place.name)} if claim.location.place else set()
    )
    theirs = {name_key(gold["location"])} | (
        {name_key(gold["location_gazetteer"])} if gold.get("location_gazetteer") else set()
    )
    mine.discard("")
    return bool(mine & theirs) or any(m and m in t for m in mine for t in theirs)


def best_gold(claim: Claim, golds: list[dict], text: str) -> dict | None:
    scored = [
        (
            max(_overlaps(claim, g, text), 1 if _same_place(claim, g) else 0)
            + (0.5 if claim.sub_event_type == g["sub_event_type"] else 0)
            + (0.75 if claim.factual == (g["eval_tier"] != "non_factual") else 0),
            g,
        )
        for g in golds
        if _compatible(claim, g)
    ]
    scored = [s for s in scored if s[0] >= 1]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def _bounds(text: str) -> tuple[str, str]:
    lo, _, hi = text.partition("/")
    hi = hi or lo
    return _pad(lo, "-01-01"), _pad(hi, "-12-31")


def _pad(day: str, fill: str) -> str:
    """ "2016-03" → "2016-03-01" (or "-31"-ish for the end: compared as strings)."""
    return day + fill[len(day) - 4 :] if len(day) < 10 else day


def _date_ok(claim: Claim, gold: dict) -> bool:
    """The claim's date (or interval) overlaps the gold date (or interval)."""
    if not claim.event_date:
        return False
    glo, ghi = _bounds(gold.get("date") or gold.get("date_estimate"))
    clo, chi = _bounds(claim.event_date)
    return clo <= ghi and glo <= chi


def score(results: list[tuple[str, Cleaned, list[Claim]]]) -> Score:
    golds = _rows(GOLD / "events.jsonl")
    sc = Score()
    for key, cleaned, claims in results:
        text = cleaned.article.text
        doc_golds = [g for g in golds if g["doc"] == key]
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


def _inside_non_factual(sc: Score, claim: Claim, golds: list[dict], text: str, paired) -> None:
    """A factual claim whose trigger lies in the quote of a non-factual gold event."""
    if not claim.factual:
        return
    near = [g for g in golds if _compatible(claim, g) and _overlaps(claim, g, text) >= 1]
    if any(g["eval_tier"] != "non_factual" for g in near):
        return
    for g in near:
        if g is not paired:
            sc.serious.append(f"{g['id']} ← {claim.trigger} {claim.sentence[:60]!r}")


def _pair(sc: Score, claim: Claim, gold: dict | None) -> None:
    label = (
        f"{claim.doc_id[:6]} {claim.status} {claim.sub_event_type} «{claim.trigger}» "
        f"{claim.sentence[:80]!r}"
    )
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
    sc.status_ok += claim.status.value == gold["status"]
    if claim.status.value != gold["status"]:
        sc.status_errors.append(f"{gold['id']} gold={gold['status']} ← {label}")
    if gold.get("actor1"):
        sc.actor_pairs += 1
        ok = bool(claim.actor1 and claim.actor1.name == gold["actor1"])
        sc.actor_ok += ok
        if not ok:
            sc.actor_errors.append(
                f"{gold['id']} gold={gold['actor1']} got={claim.actor1} ← «{claim.trigger}»"
            )
    if gold.get("date_text") and (gold.get("date") or gold.get("date_estimate")):
        sc.date_pairs += 1
        sc.date_ok += _date_ok(claim, gold)


def run_seeds() -> tuple[Score, list[tuple[str, Cleaned, list[Claim]]]]:
    from frontlines.extract.claims import ClaimExtractor
    from frontlines.extract.nlp import load_nlp
    from frontlines.resolve.claims import ClaimResolver

    nlp = load_nlp()
    extractor, resolver = ClaimExtractor(packaged_kb(), nlp=nlp), ClaimResolver(packaged_kb().actors)
    results = []
    for key, cleaned in seed_documents():
        claims = extractor.extract(cleaned, place_mentions(cleaned, nlp))
        results.append((key, cleaned, resolver.resolve(claims, cleaned.article)))
    return score(results), results


if __name__ == "__main__":
    sc, res = run_seeds()
    if "-v" in sys.argv:
        for key, _, claims in res:
            for c in claims:
                a1 = c.actor1.name if c.actor1 else None
                a2 = c.actor2.name if c.actor2 else None
                loc = c.location.text if c.location else None
                print(
                    f"{key} {c.status:12} {c.sub_event_type:32} «{c.trigger}» a1={a1} a2={a2} "
                    f"loc={loc}/{c.geo_precision}"
                    f" date={c.date_text}->{c.event_date} fat={c.fatalities}"
                    f" src={c.attributed_to} | {c.notes}"
                )
    print(json.dumps(sc.figures(), indent=1))
    print("MISSED:", *sc.missed, sep="\n  ")
    print("FALSE POSITIVES:", *sc.false_positives, sep="\n  ")
    print("SERIOUS:", *sc.serious, sep="\n  ")
    print("STATUS ERRORS:", *sc.status_errors, sep="\n  ")
    print("ACTOR ERRORS:", *sc.actor_errors, sep="\n  ")
