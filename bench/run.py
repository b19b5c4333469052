"""Throughput and memory of the pipeline, as medians over several runs and as a ratio
to the spaCy yardstick (parsing the same texts with the same model and nothing else).

    python bench/run.py [--runs 5] [--corpus PATH.jsonl] [--limit N]

Not a test: timings depend on the machine.  Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "fa-kes-dev" / "articles.jsonl"


def _texts(corpus: Path, limit: int) -> list[str]:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in rows[:limit]]


def _time(func, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=160)
    parser.add_argument("--engine", default="serial")
    args = parser.parse_args()

    from frontlines.extract.nlp import load_nlp
    from frontlines.pipeline import RunOptions, run
    from frontlines.store.sqlite import SqliteStore

    texts = _texts(args.corpus, args.limit)
    chars = sum(len(t) for t in texts)
    nlp = load_nlp()
    yard = _time(lambda: list(nlp.pipe(texts)), args.runs)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "c.jsonl"
        corpus.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts)))

        def once() -> None:
            db = Path(tmp) / "b.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            with SqliteStore(db) as store:
                run([corpus], store, options=RunOptions(engine=args.engine))

        once()  # warm caches (gazetteer pages, lexicons)
        full = _time(once, args.runs)
    pipe_med, yard_med = statistics.median(full), statistics.median(yard)
    print(json.dumps({
        "documents": len(texts), "characters": chars, "runs": args.runs, "engine": args.engine,
        "pipeline_median_s": round(pipe_med, 3), "spacy_yardstick_median_s": round(yard_med, 3),
        "ratio_to_spacy": round(pipe_med / yard_med, 2),
        "docs_per_s": round(len(texts) / pipe_med, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": sys.version.split()[0],
    }, indent=2))


if __name__ == "__main__":
    main()
