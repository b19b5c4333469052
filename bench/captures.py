"""Capture recall and control agreement on the second development corpus (corpus/dev2).

    python bench/captures.py DB [--corpus corpus/dev2]

DB is a database made with `frontlines run corpus/dev2/texts --manifest M` (M: the docs.jsonl
rows' file, outlet and published).  For each half: of the gold captures that happened (status
asserted, reported or alleged), the share found as a territorial fact that happened (capture,
handover or withdrawal) within 10 km, by the same captor, within 7 days; and of the gold full
captures, the share whose place is held by the captor (or contested with it) in the derived
control, 7 days after the capture.  Not a test: figures to compare versions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from frontlines.derive import control_as_of
from frontlines.geo import haversine_km
from frontlines.records import FactKind
from frontlines.store import open_store

KINDS = {FactKind.CAPTURE, FactKind.HANDOVER, FactKind.WITHDRAWAL}


def _days(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def score(db: str, corpus: Path) -> dict[str, dict[str, float | int]]:
    store = open_store(db, readonly=True)
    facts = [f for f in store.territorial_facts() if f.factual and f.latitude is not None
             and (f.kind in KINDS or f.kind == FactKind.ADVANCE and f.scope == "near")]
    periods = store.control_periods()
    result = {}
    for half in sorted(p.name for p in corpus.glob("gold-*")):
        gold = [json.loads(line) for line in (corpus / half / "captures.jsonl").read_text().splitlines() if line]
        gold = [g for g in gold if g["status"] in {"asserted", "reported", "alleged"} and g.get("lat") is not None
                and g.get("date")]
        found = agreed = full = 0
        for g in gold:
            near = [f for f in facts if haversine_km(g["lat"], g["lon"], f.latitude, f.longitude) <= 10.0]  # type: ignore[arg-type]
            # a partial capture ("villages near X", "a district of X") is found as a capture of a
            # part of X or as one near it
            taken = [f for f in near if f.kind in KINDS or g.get("partial") and f.scope == "near"]
            if any(f.gainer == g["captor"] and f.start and _days(f.start, g["date"]) <= 7 for f in taken):
                found += 1
            if g.get("partial"):
                continue
            full += 1
            day = (dt.date.fromisoformat(g["date"][:10]) + dt.timedelta(days=7)).isoformat()
            places = {f.place_id for f in near}
            held = [p for pid in places if (p := control_as_of(periods, pid, day)) is not None]
            if any(p.actor == g["captor"] or g["captor"] in p.rivals for p in held):
                agreed += 1
        result[half] = {"captures": len(gold), "recall": round(found / len(gold), 3) if gold else 0.0,
                        "full_captures": full, "control_agreement": round(agreed / full, 3) if full else 0.0}
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db")
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / "corpus" / "dev2")
    args = parser.parse_args()
    print(json.dumps(score(args.db, args.corpus), indent=2))


if __name__ == "__main__":
    main()
