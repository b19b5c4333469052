"""Benchmark: end-to-end throughput, per-stage time and peak memory of the pipeline, against the
spaCy yardstick (``nlp.pipe`` over the same texts with the same model and nothing else), on the
seeds, FA-KES dev and a large synthetic corpus (bench/make_corpus.py), and how time grows with
the number of articles.

    python bench/run.py                 # fast: seeds + FA-KES dev (3 runs), growth 250 → 1,000
    python bench/run.py --large         # + growth 1k, 2k, 5k, 10k, 20k synthetic articles
    python bench/run.py --runs 5 --engine process --sizes 1000,5000
    python bench/run.py --keep-db out/bench/db   # keep each run's database to look at

Each measurement runs in a child process (its own peak memory, its own model load); the pipeline
and the yardstick alternate, run after run, so that a busy machine slows both alike.  The
pipeline's time includes loading its models and writing the store; the yardstick's is the parse
alone.  Prints a table and writes the figures as JSON (out/bench/bench.json).  Not a test: the
figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("FRONTLINES_CORPUS", REPO.parent / "shared" / "corpus"))
OUT = REPO / "out" / "bench"


# -- inputs ---------------------------------------------------------------------------------------

def texts_of(path: Path) -> list[str]:
    """The texts of a JSON Lines corpus (``text``) or of a folder of .txt files."""
    if path.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def head_jsonl(path: Path, n: int, folder: Path) -> Path:
    """The first ``n`` rows of a JSON Lines corpus, as a file of their own."""
    out = folder / f"{path.stem}_{n}.jsonl"
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i == n:
                break
            dst.write(line)
    return out


# -- children: one measurement each ---------------------------------------------------------------

def _peak_mb() -> float:
    """The peak resident memory of this process or of its largest worker process (the process
    engine's workers each hold a model), whichever is larger."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, workers) / 1024, 1)


def child_pipeline(path: Path, engine: str, keep_db: Path | None = None) -> dict[str, Any]:
    """One pipeline run into a fresh database: a temporary one, or ``keep_db/<input>.db`` (kept,
    to look at what the run coded; an older one there is replaced)."""
    from frontlines.pipeline import RunOptions, run
    from frontlines.store.sqlite import SqliteStore

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        if keep_db is not None:
            keep_db.mkdir(parents=True, exist_ok=True)
            db = keep_db / f"{path.stem}.db"
            for old in keep_db.glob(f"{path.stem}.db*"):
                old.unlink()
        store = SqliteStore(db)
        start = time.perf_counter()
        summary = run([path], store, options=RunOptions(engine=engine))
        seconds = time.perf_counter() - start
        store.close()
    return {"seconds": seconds, "peak_mb": _peak_mb(), "documents": summary.documents,
            "processed": summary.processed, "duplicates": summary.duplicates, "failures": summary.failures,
            "claims": summary.claims, "events": summary.events}


def child_spacy(path: Path) -> dict[str, Any]:
    """The yardstick: the model as spaCy ships it (every component, no frontlines speed-up)."""
    import spacy

    from frontlines.extract.nlp import MODEL_NAME

    texts = texts_of(path)
    nlp = spacy.load(MODEL_NAME)
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}


def child_stages(path: Path) -> dict[str, Any]:
    """Each stage function called directly on every article, its time summed."""
    from frontlines.ingest.readers import read_inputs
    from frontlines.pipeline import Resources, clean, refuse
    from frontlines.records import EXTRACTABLE_ROLES, Article
    from frontlines.store.sqlite import SqliteStore

    spent = dict.fromkeys(("load", "read", "clean", "places", "extract", "resolve", "store", "fuse+derive"), 0.0)

    def timed(stage: str, func: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        value = func()
        spent[stage] += time.perf_counter() - start
        return value

    resources = Resources()
    timed("load", lambda: (resources.nlp, resources.places, resources.extractor, resources.claim_resolver))
    articles = [a for a in timed("read", lambda: list(read_inputs([path]))) if isinstance(a, Article)]
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "stages.db")
        for article in articles:
            cleaned = timed("clean", lambda a=article: clean(a, resources.kb))
            spans = [(s.start, s.end) for s in cleaned.segments if s.role in EXTRACTABLE_ROLES]
            a = cleaned.article
            mentions = timed("places", lambda a=a, spans=spans: resources.places.find(a.text, a.id, spans))
            claims = timed("extract", lambda c=cleaned, m=mentions: resources.extractor.extract(c, m))
            claims = timed("resolve", lambda c=claims, a=a: resources.claim_resolver.resolve(c, a))
            timed("store", lambda a=a, c=cleaned, m=mentions, cl=claims: store.save_document(a, c.segments, m, cl))
        timed("fuse+derive", lambda: refuse(store))
        store.close()
    total = sum(spent.values())
    return {"seconds": {k: round(v, 3) for k, v in spent.items()},
            "share": {k: round(v / total, 3) for k, v in spent.items()}, "peak_mb": _peak_mb()}


#: where pipeline runs keep their databases (``--keep-db``); None: temporary ones
KEEP_DB: list[Path] = []


def spawn(kind: str, path: Path, engine: str = "serial") -> dict[str, Any]:
    """One measurement in a child process (its own memory and model load), with the machine's
    load average (1 minute) as it started: other jobs on the machine slow a measurement."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")]))}
    keep = ["--keep-db", str(KEEP_DB[0])] if KEEP_DB and kind == "pipeline" else []
    load = round(os.getloadavg()[0], 2)
    done = subprocess.run([sys.executable, __file__, "--child", kind, "--input", str(path), "--engine", engine, *keep],
                          capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench child {kind} on {path} failed:\n{done.stderr[-2000:]}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "load": load}


# -- the measurements -----------------------------------------------------------------------------

def throughput(name: str, path: Path, runs: int, engine: str) -> dict[str, Any]:
    """Pipeline and yardstick alternately, ``runs`` times each; medians and their ratio."""
    texts = texts_of(path)
    words = sum(len(t.split()) for t in texts)
    pipe, yard = [], []
    for _ in range(runs):
        yard.append(spawn("spacy", path))
        pipe.append(spawn("pipeline", path, engine))
    p = statistics.median(r["seconds"] for r in pipe)
    y = statistics.median(r["seconds"] for r in yard)
    last = pipe[-1]
    return {"corpus": name, "articles": len(texts), "words": words, "runs": runs, "engine": engine,
            "pipeline_s": round(p, 2), "spacy_s": round(y, 2), "ratio": round(p / y, 2),
            "articles_per_s": round(len(texts) / p, 1), "words_per_s": round(words / p),
            "spacy_articles_per_s": round(len(texts) / y, 1),
            "pipeline_runs_s": [round(r["seconds"], 2) for r in pipe],
            "spacy_runs_s": [round(r["seconds"], 2) for r in yard],
            "peak_mb": max(r["peak_mb"] for r in pipe), "spacy_peak_mb": max(r["peak_mb"] for r in yard),
            "load": max(r["load"] for r in pipe + yard),
            "processed": last["processed"], "duplicates": last["duplicates"], "failures": last["failures"],
            "events": last["events"]}


def growth(source: Path, sizes: list[int], runs: int, engine: str, folder: Path) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        part = head_jsonl(source, n, folder)
        row = throughput(f"synthetic {n}", part, runs, engine)
        row["ms_per_article"] = round(1000 * row["pipeline_s"] / n, 2)
        row["spacy_ms_per_article"] = round(1000 * row["spacy_s"] / n, 2)
        rows.append(row)
        print(f"measured: {table([row])[-1]}", file=sys.stderr, flush=True)  # a long run shows its progress
    return rows


def table(rows: list[dict[str, Any]]) -> list[str]:
    head = (f"{'corpus':18} {'articles':>8} {'words':>9} {'frontlines s':>12} {'spaCy s':>8} {'ratio':>6} "
            f"{'art/s':>7} {'words/s':>8} {'peak MB':>8} {'load':>5}")
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r['corpus']:18} {r['articles']:>8} {r['words']:>9} {r['pipeline_s']:>12} {r['spacy_s']:>8} "
                     f"{r['ratio']:>6} {r['articles_per_s']:>7} {r['words_per_s']:>8} {r['peak_mb']:>8} "
                     f"{r.get('load', ''):>5}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per corpus (medians)")
    parser.add_argument("--engine", default="serial", choices=["serial", "process", "auto"])
    parser.add_argument("--large", action="store_true", help="growth on 1k … 20k synthetic articles")
    parser.add_argument("--sizes", help="growth sizes, comma-separated (default 250,500,1000; --large 1k…20k)")
    parser.add_argument("--growth-runs", type=int, default=None, help="runs per growth size (default 1 with --large)")
    parser.add_argument("--no-stages", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--keep-db", type=Path, metavar="DIR",
                        help="keep each pipeline run's database in DIR (named after its input)")
    parser.add_argument("--child", choices=["pipeline", "spacy", "stages"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        func = {"pipeline": lambda: child_pipeline(args.input, args.engine, args.keep_db),
                "spacy": lambda: child_spacy(args.input), "stages": lambda: child_stages(args.input)}[args.child]
        print(json.dumps(func()))
        return

    sys.path.insert(0, str(REPO / "bench"))
    from make_corpus import build

    if args.keep_db:
        KEEP_DB.append(args.keep_db.resolve())
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (
        [1000, 2000, 5000, 10000, 20000] if args.large else [250, 500, 1000])
    growth_runs = args.growth_runs or (1 if args.large else 2)
    args.out.mkdir(parents=True, exist_ok=True)
    synthetic = args.out / f"synthetic_{max(sizes)}.jsonl"
    if not synthetic.exists():
        build(max(sizes), synthetic)

    corpora = [("seeds", CORPUS / "seeds"), ("fa-kes-dev", CORPUS / "fa-kes-dev" / "articles.jsonl")]
    result: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                          "platform": platform.platform()}}
    started = time.perf_counter()
    result["throughput"] = [throughput(name, path, args.runs, args.engine) for name, path in corpora]
    with tempfile.TemporaryDirectory() as tmp:
        result["growth"] = growth(synthetic, sizes, growth_runs, args.engine, Path(tmp))
        if not args.no_stages:
            stage_inputs = [*corpora, ("synthetic 1000", head_jsonl(synthetic, min(1000, max(sizes)), Path(tmp)))]
            result["stages"] = {name: spawn("stages", path) for name, path in stage_inputs}
    g = result["growth"]
    result["growth_flatness"] = round(g[-1]["ms_per_article"] / g[0]["ms_per_article"], 2)
    result["bench_wall_s"] = round(time.perf_counter() - started, 1)
    (args.out / "bench.json").write_text(json.dumps(result, indent=2) + "\n")

    print(f"{result['machine']['cpus']} CPUs, Python {result['machine']['python']}, engine {args.engine}; "
          f"medians of {args.runs} runs (growth: {growth_runs}); ratio = frontlines / spaCy parse only; "
          "load = the highest 1-minute load average as a run started")
    print("\n".join(table(result["throughput"] + g)))
    print("growth, ms per article (frontlines / spaCy): " + ", ".join(
        f"{r['articles']}: {r['ms_per_article']} / {r['spacy_ms_per_article']}" for r in g)
        + f"  (last / first: {result['growth_flatness']})")
    for name, stages in result.get("stages", {}).items():
        print(f"stages, {name}: " + ", ".join(f"{k} {v}s ({stages['share'][k]:.0%})"
                                              for k, v in stages["seconds"].items()))
    print(f"figures: {args.out / 'bench.json'}  ({result['bench_wall_s']} s)")


if __name__ == "__main__":
    main()
