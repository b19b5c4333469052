"""Scores for the seeds-gold format: events, places, statuses, segments, toponyms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..geo import haversine_km
from ..records import FACTUAL_STATUSES, Article, Claim, Event, Status
from .gold import GoldEvent, doc_articles, gold_events, read_jsonl

FACTUAL = {s.value for s in FACTUAL_STATUSES}


@dataclass(frozen=True, slots=True)
class SystemEvent:
    """An event as seen from one document: its claims in that document."""

    event: Event
    doc: str
    claims: tuple[Claim, ...]


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    return round(2 * p * r / (p + r), 4) if p and r else (0.0 if p is not None and r is not None else None)


def system_events(events: Sequence[Event], claims: dict[str, Claim],
                  docs: dict[str, Article]) -> list[SystemEvent]:
    key_of = {a.id: key for key, a in docs.items()}
    out = []
    for event in events:
        by_doc: dict[str, list[Claim]] = {}
        for cid in event.claim_ids:
            claim = claims.get(cid)
            if claim and claim.doc_id in key_of:
                by_doc.setdefault(key_of[claim.doc_id], []).append(claim)
        out.extend(SystemEvent(event, doc, tuple(cs)) for doc, cs in by_doc.items())
    return out


def match_score(s: SystemEvent, g: GoldEvent) -> float:
    """How well a system event lines up with a gold event of the same document (0 = not)."""
    if s.doc != g.doc:
        return 0.0
    if s.event.sub_event_type not in g.types and s.event.event_type != g.row["event_type"]:
        return 0.0
    score = 0.0
    for c in s.claims:
        if g.quote_start >= 0 and g.quote_start <= c.trigger_start < g.quote_end:
            score = max(score, 3.0)
        elif g.quote_start >= 0 and c.start < g.quote_end and g.quote_start < c.end:
            score = max(score, 1.0)
    if score and s.event.sub_event_type in g.types:
        score += 0.5
    return score


def _anchor(s: SystemEvent, g: GoldEvent) -> Claim | None:
    """The system's claim for the gold event: its trigger lies in the gold quote (the one of
    a matching sub-event type first, then the earliest)."""
    inside = [c for c in s.claims if g.quote_start >= 0 and g.quote_start <= c.trigger_start < g.quote_end]
    inside.sort(key=lambda c: (c.sub_event_type not in g.types, c.trigger_start))
    return inside[0] if inside else None


def _gold_partners(system: list[SystemEvent], gold: list[GoldEvent]) -> list[tuple[SystemEvent, GoldEvent]]:
    """Each gold event once, with the system event that matches it best among those holding
    its own claim (a trigger in the gold quote); gold events the system did not anchor are left out."""
    pairs = []
    for g in gold:
        scored = [(match_score(s, g), -i, s) for i, s in enumerate(system) if _anchor(s, g) is not None]
        scored = [x for x in scored if x[0] > 0]
        if scored:
            pairs.append((max(scored, key=lambda x: (x[0], x[1]))[2], g))
    return pairs


def _one_to_one(candidates: list[int], system: list[SystemEvent], matches: dict[int, GoldEvent]) -> list[int]:
    """One system event per gold event: a second event for the same happening is a duplicate,
    which counts against precision."""
    best: dict[str, int] = {}
    for i in candidates:
        g = matches[i]
        if g.id not in best or match_score(system[i], g) > match_score(system[best[g.id]], g):
            best[g.id] = i
    return sorted(best.values())


def _best_matches(system: list[SystemEvent], gold: list[GoldEvent]) -> dict[int, GoldEvent]:
    """For each system event (by index), its best gold event."""
    matches = {}
    for i, s in enumerate(system):
        scored = [(match_score(s, g), g) for g in gold]
        scored = [x for x in scored if x[0] > 0]
        if scored:
            matches[i] = max(scored, key=lambda x: x[0])[1]
    return matches


def _date_ok(event: Event, g: GoldEvent) -> bool | None:
    """Whether the event's (first) date lies in the gold date or interval; None if no gold date."""
    want = g.row.get("date") or g.row.get("date_estimate")
    if not want:
        return None
    if not event.event_date:
        return False
    got = event.event_date.split("/")[0]
    lo, _, hi = want.partition("/")
    hi = hi or lo
    return got[: len(lo)] >= lo and got[: len(hi)] <= hi


def _merged_found(system: list[SystemEvent], gold: list[GoldEvent], matches: dict[int, GoldEvent],
                  happened: list[int]) -> set[str]:
    """Gold events found inside a system event that the gold allows to merge (``may_merge_with``):
    the event's best match is a merge partner and one of its triggers lies in the gold quote."""
    found = set()
    for i in happened:
        if i not in matches:
            continue
        best = matches[i]
        for g in gold:
            partners = set(g.row.get("may_merge_with") or ()) | set(best.row.get("may_merge_with") or ())
            if g.id != best.id and (best.id in partners or g.id in partners) and match_score(system[i], g) >= 3:
                found.add(g.id)
    return found


def score_events(system: list[SystemEvent], gold: list[GoldEvent]) -> dict[str, Any]:
    matches = _best_matches(system, gold)
    happened = [i for i, s in enumerate(system) if s.event.happened]
    tp = _one_to_one([i for i in happened if i in matches and matches[i].tier != "non_factual"], system, matches)
    serious = sorted({matches[i].id for i in happened if i in matches and matches[i].tier == "non_factual"})
    found = {matches[i].id for i in happened if i in matches} | _merged_found(system, gold, matches, happened)
    core = [g for g in gold if g.tier == "core"]
    recall = _ratio(sum(1 for g in core if g.id in found), len(core))
    precision = _ratio(len(tp), len(happened))
    # attributes are scored where the system's claim is the gold's own: its trigger lies in the
    # gold quote (a claim that only shares the sentence is another claim, with its own standing)
    loose = [(system[i], g) for i, g in matches.items()]
    pairs = _gold_partners(system, gold)
    status_ok = [_anchor(s, g).status.value == g.row["status"] for s, g in pairs]  # type: ignore[union-attr]
    place = [haversine_km(s.event.latitude, s.event.longitude, g.row["lat"], g.row["lon"]) <= 10
             for s, g in pairs if s.event.latitude is not None and g.row.get("lat") is not None]
    actors = [s.event.actor1 == g.row["actor1"] for s, g in pairs if g.row.get("actor1")]
    dates = [ok for s, g in pairs if (ok := _date_ok(s.event, g)) is not None]
    return {
        "core_events": len(core), "core_found": sum(1 for g in core if g.id in found),
        "system_happened": len(happened), "true_positives": len(tp),
        "precision": precision, "recall_core": recall, "f1": _f1(precision, recall),
        "attribute_pairs": len(pairs),
        "status_accuracy": _ratio(sum(status_ok), len(status_ok)),
        # the fused event's standing (its strongest claim) against every matched gold event
        "event_status_accuracy": _ratio(sum(s.event.status.value == g.row["status"] for s, g in loose), len(loose)),
        "place_accuracy_10km": _ratio(sum(place), len(place)),
        "actor1_accuracy": _ratio(sum(actors), len(actors)),
        "date_accuracy": _ratio(sum(dates), len(dates)),
        "non_factual_as_happened": len(serious), "non_factual_as_happened_ids": serious,
        "missed_core": sorted(g.id for g in core if g.id not in found),
    }


def _line_roles(segments: list[Any], n_lines: int, role_of: Any) -> list[str | None]:
    roles: list[str | None] = [None] * n_lines
    for seg in segments:
        first, last, role = role_of(seg)
        for line in range(first, min(last, n_lines) + 1):
            roles[line - 1] = role
    return roles


def score_segments(gold_dir: Path, docs: dict[str, Article], store: Any) -> dict[str, Any]:
    gold_rows = read_jsonl(gold_dir / "segments.jsonl")
    total = correct = tp = fp = fn = dropped = 0
    debris = {"comments", "boilerplate"}
    for key, article in docs.items():
        n = len(article.text.split("\n"))
        gold = _line_roles([r for r in gold_rows if r["doc"] == key], n,
                           lambda r: (r["first_line"], r["last_line"], r["role"]))
        got = _line_roles(store.segments(article.id), n,
                          lambda s: (s.first_line, s.last_line, s.role.value))
        for g, s in zip(gold, got, strict=True):
            total += 1
            correct += g == s
            tp += g in debris and s in debris
            fp += g not in debris and s in debris
            fn += g in debris and s not in debris
            dropped += g in {"body", "quote"} and s not in {"body", "quote"}
    return {"lines": total, "line_accuracy": _ratio(correct, total),
            "debris_precision": _ratio(tp, tp + fp), "debris_recall": _ratio(tp, tp + fn),
            "body_lines_dropped": dropped}


def score_toponyms(gold_dir: Path, docs: dict[str, Article], store: Any) -> dict[str, Any]:
    mentions: dict[str, list[Any]] = {}
    for m in store.mentions("place"):
        mentions.setdefault(m.doc_id, []).append(m)
    rows = [r for r in read_jsonl(gold_dir / "toponyms.jsonl")
            if r["doc"] in docs and r.get("lat") is not None and not r.get("vague")]
    found = within10 = within161 = 0
    for row in rows:
        forms = {f.lower() for f in row.get("surface_forms") or [row["surface"]]}
        hits = [m for m in mentions.get(docs[row["doc"]].id, []) if m.text.lower() in forms]
        found += bool(hits)
        dists = [haversine_km(m.place.latitude, m.place.longitude, row["lat"], row["lon"])
                 for m in hits if m.place]
        within10 += bool(dists) and min(dists) <= 10
        within161 += bool(dists) and min(dists) <= 161
    return {"toponyms": len(rows), "found": _ratio(found, len(rows)),
            "within_10km": _ratio(within10, len(rows)), "within_161km": _ratio(within161, len(rows))}


def evaluate_seeds(store: Any, gold_dir: Path) -> dict[str, Any]:
    docs = doc_articles(gold_dir, list(store.articles()))
    claims = {c.id: c for c in store.claims()}
    system = system_events(store.events(), claims, docs)
    gold = gold_events(gold_dir, docs)
    return {"format": "seeds-gold", "documents": len(docs),
            "events": score_events(system, gold),
            "segments": score_segments(gold_dir, docs, store),
            "toponyms": score_toponyms(gold_dir, docs, store)}


__all__ = ["evaluate_seeds", "Status"]
