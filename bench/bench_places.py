"""Benchmark: place-name lookup time and resolver throughput on the seed texts.

Run: .venv/bin/python bench/bench_places.py
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

from factories import packaged_kb
from frontlines.resolve.gazetteer import SqliteGazetteer
from frontlines.resolve.places import PlaceResolver

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("FRONTLINES_CORPUS", REPO.parent / "shared" / "corpus"))


def lookup_ms(names: list[str], runs: int = 5) -> tuple[float, float]:
    """(median ms per name without cache, ms per name with the warm cache)."""
    cold = []
    for _ in range(runs):
        gaz = SqliteGazetteer()
        gaz.candidates("warm up the connection")
        t = time.perf_counter()
        for n in names:
            gaz.candidates(n, limit=10)
        cold.append((time.perf_counter() - t) * 1000 / len(names))
    t = time.perf_counter()
    for n in names:
        gaz.candidates(n, limit=10)
    warm = (time.perf_counter() - t) * 1000 / len(names)
    return statistics.median(cold), warm


def throughput(texts: list[str], runs: int = 3) -> float:
    """Characters per second of PlaceResolver.find over the seed texts (fresh cache each run)."""
    rates = []
    for _ in range(runs):
        resolver = PlaceResolver(SqliteGazetteer(), packaged_kb())
        t = time.perf_counter()
        for text in texts:
            resolver.find(text, "bench", [(0, len(text))])
        rates.append(sum(map(len, texts)) / (time.perf_counter() - t))
    return statistics.median(rates)


def main() -> None:
    rows = [json.loads(line) for line in (CORPUS / "seeds-gold" / "toponyms.jsonl").open()]
    names = sorted({r["surface"] for r in rows})
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "seeds").glob("*.txt"))]
    cold, warm = lookup_ms(names)
    print(f"lookup: {len(names)} distinct gold surfaces; median {cold:.3f} ms/name (cold cache), "
          f"{warm:.4f} ms/name (warm cache)")
    rate = throughput(texts)
    print(f"resolver: {rate / 1000:.1f} k chars/s over {len(texts)} seed texts "
          f"({sum(map(len, texts))} chars)")
    db = REPO / "src" / "frontlines" / "data" / "gazetteer.sqlite"
    print(f"gazetteer: {db.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
