"""Sieges and encirclements: who besieged whom at a place, from when until it was broken.

A siege does not change who holds the besieged place; it is its own record.  Per place and
besieging side, a siege starts at the first dated report of it (a "besieged", "encircled",
"blockade" claim that happened) and ends at the first report, after that, that it was broken
or lifted; a later report of a siege opens a new one.  A report of a siege ending with no
report of its start still makes a siege (start unknown) so that its end is on record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ..records import FactKind, Siege, TerritorialFact


def _siege_id(place_id: str, besieger: str | None, start: str | None, end: str | None) -> str:
    digest = hashlib.sha1(f"{place_id}|{besieger}|{start}|{end}".encode()).hexdigest()[:12]
    return f"sg-{digest}"


def _siege(facts: list[TerritorialFact], end_fact: TerritorialFact | None) -> Siege:
    starts = [f for f in facts if f.kind == FactKind.SIEGE_START]
    first = starts[0] if starts else facts[0] if facts else end_fact
    assert first is not None
    every = facts + ([end_fact] if end_fact else [])
    # siege facts: gainer = the besieger, loser = the besieged (who broke a siege is its loser)
    besieger = next((f.gainer for f in every if f.gainer), None)
    besieged = next((f.loser for f in every if f.loser), None)
    start = starts[0].start if starts else None
    end = end_fact.start if end_fact else None
    return Siege(id=_siege_id(first.place_id, besieger, start, end), place_id=first.place_id,
                 place_name=first.place_name, besieger=besieger, besieged=besieged, start=start, end=end,
                 facts=tuple(f.id for f in every), latitude=first.latitude, longitude=first.longitude,
                 end_cue=end_fact.cue if end_fact else None)


def derive_sieges(facts: Iterable[TerritorialFact]) -> list[Siege]:
    """Sieges of every place, in date order; independent of the order of ``facts``."""
    usable = sorted({f.id: f for f in facts if f.factual and f.start and f.kind in
                     (FactKind.SIEGE_START, FactKind.SIEGE_END)}.values(),
                    key=lambda f: (f.place_id, f.start or "", f.kind != FactKind.SIEGE_START, f.id))
    sieges: list[Siege] = []
    by_place: dict[str, list[TerritorialFact]] = {}
    for fact in usable:
        by_place.setdefault(fact.place_id, []).append(fact)
    for place_facts in by_place.values():
        running: list[TerritorialFact] = []
        for fact in place_facts:
            if fact.kind == FactKind.SIEGE_START:
                running.append(fact)
            else:
                sieges.append(_siege(running, fact))
                running = []
        if running:
            sieges.append(_siege(running, None))
    return sorted(sieges, key=lambda s: (s.start or s.end or "", s.place_id, s.id))


def sieges_as_of(sieges: Iterable[Siege], day: str) -> list[Siege]:
    """Sieges going on on ``day`` (ISO): started by then, not yet broken."""
    return [s for s in sieges if (s.start or "") <= day and (s.end is None or day < s.end) and s.start]
