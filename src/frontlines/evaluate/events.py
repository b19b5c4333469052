"""Event scores against a seeds-gold folder: precision / recall / F1 of events output as
happened, the standing and attributes of matched events, and row precision (how many exported
rows are right in every field)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Article, Claim, Event
from .gold import GoldEvent
from .match import (
    date_starts_within,
    days_apart,
    f1,
    gold_date,
    quote_overlap,
    ratio,
    status_agrees,
    type_compatible,
    within_km,
)

#: distance and date window of the row-precision and capture scores
ROW_KM = 25.0
ROW_DAYS = 1


@dataclass(frozen=True, slots=True)
class SystemEvent:
    """An event as seen from one document: its claims in that document."""

    event: Event
    doc: str
    claims: tuple[Claim, ...]


def system_events(events: Sequence[Event], claims: dict[str, Claim],
                  docs: dict[str, Article]) -> list[SystemEvent]:
    key_of = {a.id: key for key, a in docs.items()}
    out: list[SystemEvent] = []
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
    if s.doc != g.doc or not type_compatible(s.event.event_type, s.event.sub_event_type, g.row):
        return 0.0
    span = (g.quote_start, g.quote_end)
    overlap = max((quote_overlap(span, c.trigger_start, c.start, c.end) for c in s.claims), default=0)
    score = {2: 3.0, 1: 1.0, 0: 0.0}[overlap]
    if score and s.event.sub_event_type in g.types:
        score += 0.5
    return score + place_bonus(s.event, g.row) if score else 0.0


#: what the event's place adds to a match: less than an agreeing sub-event type, so it only
#: tells apart gold events that share a quote and a type (the places of a coordinated list)
SAME_NAME_BONUS = 0.3
NEAR_BONUS = 0.1


def _name_key(name: object) -> str:
    return "".join(ch for ch in str(name or "").casefold() if ch.isalnum())


def place_bonus(event: Event, row: dict[str, Any]) -> float:
    """The system event lies at the gold event's place: the same name (one inside the other,
    case, spaces and hyphens aside), else within 10 km.  "recaptured A, B and C" is three gold
    events with one quote; each of the system's three events is scored against its own."""
    got = _name_key(event.location)
    names = [k for k in (_name_key(row.get("location")), _name_key(row.get("location_gazetteer"))) if k]
    if got and any(got in k or k in got for k in names):
        return SAME_NAME_BONUS
    if within_km(event.latitude, event.longitude, row.get("lat"), row.get("lon"), 10):
        return NEAR_BONUS
    return 0.0


def anchor(s: SystemEvent, g: GoldEvent) -> Claim | None:
    """The system's claim for the gold event: its trigger lies in the gold quote (the one of
    a matching sub-event type first, then the earliest)."""
    span = (g.quote_start, g.quote_end)
    inside = [c for c in s.claims if quote_overlap(span, c.trigger_start, c.trigger_start, c.trigger_start) == 2]
    inside.sort(key=lambda c: (c.sub_event_type not in g.types, c.trigger_start))
    return inside[0] if inside else None


def _gold_partners(system: list[SystemEvent], gold: list[GoldEvent]) -> list[tuple[SystemEvent, GoldEvent]]:
    """Each gold event once, with the system event that matches it best among those holding
    its own claim (a trigger in the gold quote); gold events the system did not anchor are left out."""
    pairs = []
    for g in gold:
        scored = [(match_score(s, g), -i, s) for i, s in enumerate(system) if anchor(s, g) is not None]
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


def best_matches(system: list[SystemEvent], gold: list[GoldEvent]) -> dict[int, GoldEvent]:
    """For each system event (by index), its best gold event."""
    matches = {}
    for i, s in enumerate(system):
        scored = [(match_score(s, g), g) for g in gold]
        scored = [x for x in scored if x[0] > 0]
        if scored:
            matches[i] = max(scored, key=lambda x: x[0])[1]
    return matches


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
    matches = best_matches(system, gold)
    happened = [i for i, s in enumerate(system) if s.event.happened]
    tp = _one_to_one([i for i in happened if i in matches and matches[i].tier != "non_factual"], system, matches)
    serious = sorted({matches[i].id for i in happened if i in matches and matches[i].tier == "non_factual"})
    found = {matches[i].id for i in happened if i in matches} | _merged_found(system, gold, matches, happened)
    core = [g for g in gold if g.tier == "core"]
    recall = ratio(sum(1 for g in core if g.id in found), len(core))
    precision = ratio(len(tp), len(happened))
    # attributes are scored where the system's claim is the gold's own: its trigger lies in the
    # gold quote (a claim that only shares the sentence is another claim, with its own standing)
    loose = [(system[i], g) for i, g in matches.items()]
    pairs = _gold_partners(system, gold)
    # every partner holds its anchor (_gold_partners keeps only those)
    status_ok = [status_agrees(c.status.value, g.row) for s, g in pairs if (c := anchor(s, g)) is not None]
    place = [within_km(s.event.latitude, s.event.longitude, g.row["lat"], g.row["lon"], 10)
             for s, g in pairs if s.event.latitude is not None and g.row.get("lat") is not None]
    actors = [s.event.actor1 == g.row["actor1"] for s, g in pairs if g.row.get("actor1")]
    dates = [ok for s, g in pairs if (ok := date_starts_within(s.event.event_date, gold_date(g.row))) is not None]
    return {
        "core_events": len(core), "core_found": sum(1 for g in core if g.id in found),
        "system_happened": len(happened), "true_positives": len(tp),
        "precision": precision, "recall_core": recall, "f1": f1(precision, recall),
        "attribute_pairs": len(pairs),
        "status_accuracy": ratio(sum(status_ok), len(status_ok)),
        # the fused event's standing (its strongest claim) against every matched gold event
        "event_status_accuracy": ratio(sum(status_agrees(s.event.status.value, g.row) for s, g in loose),
                                       len(loose)),
        "place_accuracy_10km": ratio(sum(place), len(place)),
        "actor1_accuracy": ratio(sum(actors), len(actors)),
        "date_accuracy": ratio(sum(dates), len(dates)),
        "non_factual_as_happened": len(serious), "non_factual_as_happened_ids": serious,
        "missed_core": sorted(g.id for g in core if g.id not in found),
    }


def not_a_place(event: Event) -> bool:
    """The row's location is not a gazetteer place with a point (no place, or no coordinates)."""
    return event.gazetteer_id is None or event.latitude is None


def row_errors(event: Event, g: GoldEvent) -> list[str]:
    """The fields of an exported row that the gold event contradicts: type (an accepted
    sub-event type), actor1, place (within 25 km), date (within a day of a gold day; inside a
    gold month or interval) and fatalities (equal, none for none).  A place or date the gold
    does not give is not scored."""
    row, wrong = g.row, []
    if event.sub_event_type not in g.types:
        wrong.append("type")
    if event.actor1 != row.get("actor1"):
        wrong.append("actor1")
    if row.get("lat") is not None and not within_km(event.latitude, event.longitude, row["lat"], row["lon"], ROW_KM):
        wrong.append("place")
    want = gold_date(row)
    if want and len(want) == 10:
        if (apart := days_apart(event.event_date, want)) is None or apart > ROW_DAYS:
            wrong.append("date")
    elif want and not date_starts_within(event.event_date, want):
        wrong.append("date")
    if event.fatalities != row.get("fatalities"):
        wrong.append("fatalities")
    return wrong


def score_rows(system: list[SystemEvent], gold: list[GoldEvent]) -> dict[str, Any]:
    """Row precision: of the exported (happened) events matched to a gold event, the share right
    in every field, and the share whose location is not a place; ``exported_all_fully_right``
    counts every exported row, so that a row matching no gold event (a duplicate, an event the
    gold does not hold) counts as not right."""
    from ..export.grounding import event_trust, grounded_row

    matches = best_matches(system, gold)
    rows = [(system[i].event, g) for i, g in matches.items() if system[i].event.happened]
    errors = [row_errors(event, g) for event, g in rows]
    fields = ("type", "actor1", "place", "date", "fatalities")
    # the default export: rows whose type, place, date and actors are grounded in the text
    exported = [i for i, g in matches.items() if system[i].event.happened
                and grounded_row(system[i].event, event_trust(system[i].event, system[i].claims))]
    wrong = [row_errors(system[i].event, matches[i]) for i in exported]
    # every row of the default export, matched or not: one that tells no gold event is not right
    every_exported = sum(1 for item in system if item.event.happened
                         and grounded_row(item.event, event_trust(item.event, item.claims)))
    return {
        "matched_rows": len(rows),
        "fully_right": ratio(sum(not e for e in errors), len(rows)),
        "location_not_a_place": ratio(sum(not_a_place(event) for event, _ in rows), len(rows)),
        **{f"{name}_right": ratio(sum(name not in e for e in errors), len(rows)) for name in fields},
        "exported": len(exported),
        "exported_fully_right": ratio(sum(not e for e in wrong), len(wrong)),
        "exported_all": every_exported,
        "exported_all_fully_right": ratio(sum(not e for e in wrong), every_exported),
        "exported_location_not_a_place": ratio(sum(not_a_place(system[i].event) for i in exported), len(exported)),
        **{f"exported_{name}_right": ratio(sum(name not in e for e in wrong), len(wrong)) for name in fields},
    }
