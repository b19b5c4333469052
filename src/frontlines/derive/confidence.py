"""How sure a control period is, and why, in one line.

A fact's weight starts from its standing (stated > attributed > hedged) and follows the
rule analysts use for territorial maps: a source is weak evidence for a claim in its own
side's favour (x0.5) and strong evidence for one against it (x1.5).  Facts from one source
count once (the strongest of them): a wire or agency text republished by several outlets,
or quoted by them, is one source.  Independent sources combine as ``1 - prod(1 - w)``.
An open period loses confidence as its last confirmation ages: full for a month, then
halving every 180 days, never below a quarter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..records import FactKind, Status, TerritorialFact

BASE = {Status.ASSERTED: 0.6, Status.REPORTED: 0.5, Status.ALLEGED: 0.3}
FAVOURABLE, UNFAVOURABLE, CEILING = 0.5, 1.5, 0.9
BASELINE_WEIGHT = 0.8  # an imported snapshot: an analyst's map
FRESH_DAYS, HALF_LIFE_DAYS, RECENCY_FLOOR = 30, 180, 0.25
#: a control statement made in a sentence of its own (``TerritorialFact.alone``: no event claim in
#: it): it only says who holds the place, in passing, so it weighs less than a report of the
#: place's taking
ALONE_FACTOR = 0.5
CREDIBLE = 0.25  # below this, a lone fact does not overturn or contest credible evidence


def camp(side: str | None) -> str | None:
    """An outlet's side ("pro-opposition") as the actors' camp ("opposition")."""
    if not side:
        return None
    side = side.lower()
    return side if side == "pro-government" else side.removeprefix("pro-")


def stance(fact: TerritorialFact) -> int:
    """+1 when the fact is in its source's side's favour, -1 when against it, 0 otherwise."""
    source = camp(fact.outlet_side)
    if source is None:
        return 0
    if fact.kind == FactKind.CONTROL:
        return 1 if camp(fact.gainer_side) == source else 0
    if camp(fact.gainer_side) == source:
        return 1
    return -1 if camp(fact.loser_side) == source else 0


def fact_weight(fact: TerritorialFact) -> float:
    lean = stance(fact)
    factor = FAVOURABLE if lean > 0 else UNFAVOURABLE if lean < 0 else 1.0
    if fact.kind == FactKind.CONTROL and fact.alone:
        factor *= ALONE_FACTOR
    return round(min(CEILING, BASE.get(fact.status, 0.0) * factor), 3)


def _why(fact: TerritorialFact) -> str:
    lean = stance(fact)
    who = fact.source_key.split(":", 1)[-1] or fact.doc_id
    note = " (for its side x0.5)" if lean > 0 else " (against its side x1.5)" if lean < 0 else ""
    return f"{who} {fact.status.value}{note} {fact_weight(fact):.2f}"


@dataclass(frozen=True, slots=True)
class Support:
    """Combined support of some facts (and imported snapshots)."""

    value: float
    sources: int
    parts: tuple[str, ...]


def combine(facts: Iterable[TerritorialFact], imports: Sequence[str] = ()) -> Support:
    """Independent sources: the strongest fact of each source, combined; ``imports`` are the
    origins of baseline snapshots, each one source of weight ``BASELINE_WEIGHT``."""
    best: dict[str, TerritorialFact] = {}
    for fact in facts:
        key = fact.source_key or f"doc:{fact.doc_id}"
        held = best.get(key)
        if held is None or (fact_weight(fact), held.id) > (fact_weight(held), fact.id):
            best[key] = fact
    doubt = 1.0
    parts = []
    for key in sorted(best):
        doubt *= 1.0 - fact_weight(best[key])
        parts.append(_why(best[key]))
    for origin in sorted(set(imports)):
        doubt *= 1.0 - BASELINE_WEIGHT
        parts.append(f"{origin} {BASELINE_WEIGHT:.2f}")
    return Support(round(1.0 - doubt, 3), len(best) + len(set(imports)), tuple(parts))


def recency(last_confirmed: str | None, reference: str | None) -> tuple[float, int]:
    """(factor, days) for evidence last confirmed ``days`` before ``reference``."""
    if not last_confirmed or not reference:
        return 1.0, 0
    days = max(0, (dt.date.fromisoformat(reference) - dt.date.fromisoformat(last_confirmed)).days)
    if days <= FRESH_DAYS:
        return 1.0, days
    return max(RECENCY_FLOOR, 0.5 ** ((days - FRESH_DAYS) / HALF_LIFE_DAYS)), days


def held_confidence(support: Support, last_confirmed: str | None, reference: str | None) -> tuple[float, str]:
    """A held period's confidence and its one-line explanation."""
    factor, days = recency(last_confirmed, reference)
    value = round(support.value * factor, 2)
    plural = "s" if support.sources != 1 else ""
    line = (f"{value:.2f} = {support.sources} independent source{plural} [{'; '.join(support.parts)}] "
            f"combined {support.value:.2f}")
    if last_confirmed and reference:
        line += f" x recency {factor:.2f} (last confirmed {last_confirmed}, {days} days before {reference})"
    return value, line


def contested_confidence(sides: dict[str, Support], factor: float = 1.0, last_confirmed: str | None = None,
                         reference: str | None = None) -> tuple[float, str]:
    """A contested period: as sure as its weakest credible side, times the recency ``factor`` of
    its last fact; every side listed."""
    weakest = min(s.value for s in sides.values()) if sides else 0.0
    value = round(weakest * factor, 2)
    listed = "; ".join(f"{actor} {s.value:.2f} from {s.sources} source{'s' if s.sources != 1 else ''} "
                       f"[{', '.join(s.parts)}]" for actor, s in sorted(sides.items()))
    line = f"{value:.2f} contested: credible facts disagree within the window: {listed}"
    if last_confirmed and reference:
        days = max(0, (dt.date.fromisoformat(reference) - dt.date.fromisoformat(last_confirmed)).days)
        line += f"; x recency {factor:.2f} (last fact {last_confirmed}, {days} days before {reference})"
    return value, line
