"""The evaluation suite: every gated measure on the gold sets found under corpus folders.

A *group* is one measure on one corpus: the whole pipeline scored against a gold folder
(``seeds``, ``fa-kes-dev``, any ``X/gold-*`` beside an ``X/texts`` folder), or one stage scored
alone (``seeds/claims``, ``seeds/segmenter``, ``seeds/resolver``, ``fa-kes-dev/resolver``,
``fa-kes-dev/datelines``, ``fa-kes-dev/wire``).  ``measure`` runs the groups and returns their
figures, flat ("events.precision"), with the digest of the corpus files each was measured on;
``floors.check_group`` and ``floors.repin`` compare them with the floors file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .floors import Measured, corpus_digest
from .gold import manifest_rows, read_jsonl
from .match import line_offsets

FOLDER_FLOORS = (
    "events.recall_core", "events.precision", "events.status_accuracy", "events.event_status_accuracy",
    "events.actor1_accuracy", "events.date_accuracy", "events.place_accuracy_10km", "rows.fully_right",
    "rows.exported_fully_right", "rows.exported_all_fully_right",
    "captures.recall", "captures.control_agreement", "captures.half_a.recall", "captures.half_b.recall",
    "captures.half_a.control_agreement", "captures.half_b.control_agreement",
    "segments.line_accuracy", "segments.debris_precision", "segments.debris_recall",
    "toponyms.found", "toponyms.within_10km", "toponyms.within_161km",
    "place_strings.within_25km", "place_strings.within_25km_with_admin1",
)
#: the floors of a toponym gold folder (docs + toponyms, no events): place names only
TOPONYM_FLOORS = ("toponyms.found", "toponyms.within_10km", "toponyms.within_161km",
                  "place_strings.within_25km", "place_strings.within_25km_with_admin1")
TOPONYM_CEILINGS = ("run.failures",)
FOLDER_CEILINGS = ("events.non_factual_as_happened", "segments.body_lines_dropped", "run.failures",
                   "rows.exported_location_not_a_place")
FAKES_FIGURES = ("governorate", "actor", "date", "cause", "casualties")


@dataclass
class Workspace:
    """Where the suite writes its databases, and the stage resources it shares between groups."""

    folder: Path
    kb: Any = None  # the knowledge base of every run and stage (None: the packaged one)
    _resources: Any = None
    _stores: dict[str, Any] = field(default_factory=dict)
    _runs: dict[str, Any] = field(default_factory=dict)

    @property
    def resources(self) -> Any:
        if self._resources is None:
            from ..pipeline import Resources

            self._resources = Resources(self.kb)
        return self._resources

    def pipeline_store(self, key: str, inputs: Sequence[Path], manifest: list[dict[str, Any]] | None,
                       engine: str, workers: int | None = None) -> tuple[Any, Any]:
        """(store, run summary) of the whole pipeline on ``inputs``, run once per workspace."""
        if key not in self._stores:
            from ..pipeline import RunOptions, run
            from ..store.sqlite import SqliteStore

            self.folder.mkdir(parents=True, exist_ok=True)
            db = self.folder / f"{key}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            path = None
            if manifest is not None:
                path = self.folder / f"{key}_manifest.jsonl"
                path.write_text("".join(json.dumps(r) + "\n" for r in manifest), encoding="utf-8")
            store = SqliteStore(db)
            summary = run(list(inputs), store, manifest=path, options=RunOptions(engine=engine, workers=workers),
                          kb=self.resources.kb)
            self._stores[key], self._runs[key] = store, summary
        return self._stores[key], self._runs[key]

    def store(self, key: str) -> Any:
        """The store of a pipeline run made earlier in this workspace ("seeds", "fa-kes-dev", …)."""
        return self._stores[key]

    def close(self) -> None:
        for store in self._stores.values():
            store.close()
        self._stores.clear()


@dataclass(frozen=True)
class Group:
    name: str
    root: Path
    files: tuple[str, ...]  # glob patterns under root: the corpus the figures depend on
    floors: tuple[str, ...]
    ceilings: tuple[str, ...]
    run: Callable[[Workspace], dict[str, Any]] = field(compare=False)


@dataclass(frozen=True)
class Result:
    group: Group
    figures: dict[str, Any]  # flat: numbers (or None) only
    details: dict[str, Any]  # lists of missed / wrong items, for reading
    digest: str

    def measured(self) -> Measured:
        g = self.group
        return Measured(g.name, self.figures, g.floors, g.ceilings, g.files, self.digest)


def flatten(result: dict[str, Any], prefix: str = "") -> tuple[dict[str, Any], dict[str, Any]]:
    """(numeric figures, everything else) of a nested result, keys joined with dots."""
    figures: dict[str, Any] = {}
    details: dict[str, Any] = {}
    for key, value in result.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            f, d = flatten(value, f"{name}.")
            figures.update(f)
            details.update(d)
        elif value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            figures[name] = value
        else:
            details[name] = value
    return figures, details


# -- the measures -----------------------------------------------------------------------------

def _folder_group(name: str, root: Path, texts: str, gold: str, manifest_from: Sequence[str],
                  engine: str = "auto", workers: int | None = None) -> Group:
    """The whole pipeline on ``texts`` scored against the gold folder ``gold`` (seeds-gold format);
    the run's manifest (publication dates) comes from the docs of every gold folder named.  A gold
    folder without events (a toponym set) is scored for its place names only."""
    toponyms_only = _gold_kind(root / gold) == "toponyms"

    def measure(ws: Workspace) -> dict[str, Any]:
        from .folder import evaluate_folder, evaluate_toponym_folder

        manifest = {r["file"]: r for g in manifest_from for r in manifest_rows(root / g)}
        store, summary = ws.pipeline_store(texts.replace("/", "_"), [root / texts], list(manifest.values()),
                                           engine, workers)
        scored = evaluate_toponym_folder(store, root / gold) if toponyms_only else evaluate_folder(store, root / gold)
        return {**scored, "place_strings": _place_strings(ws, root / gold, store),
                "run": {"failures": summary.failures}}

    files = (f"{texts}/*", f"{gold}/*.jsonl")
    if toponyms_only:
        return Group(name, root, files, TOPONYM_FLOORS, TOPONYM_CEILINGS, measure)
    return Group(name, root, files, FOLDER_FLOORS, FOLDER_CEILINGS, measure)


def _place_strings(ws: Workspace, gold: Path, store: Any) -> dict[str, Any]:
    """The gold folder's town names geocoded alone (``frontlines places``), for the documents of
    ``store`` it names."""
    from ..api import geocode
    from .gold import doc_articles, optional_rows
    from .place_strings import place_strings, score_place_strings

    docs = set(doc_articles(gold, list(store.articles())))
    strings = place_strings([r for r in optional_rows(gold, "events") or () if r["doc"] in docs],
                            [r for r in optional_rows(gold, "toponyms") or () if r["doc"] in docs])
    kb, path = ws.resources.kb, ws.resources.gazetteer_path

    def firsts(names: list[str], admin1: str | None) -> list[Any]:
        found = geocode(names, admin1=admin1, limit=1, kb=kb, gazetteer=path)
        return [cands[0].place if cands else None for _, cands in found]

    return score_place_strings(strings, firsts)


def _seeds_stage_groups(root: Path) -> list[Group]:
    texts, gold = root / "seeds", root / "seeds-gold"

    def claims(ws: Workspace) -> dict[str, Any]:
        from .claims import extract_gold_documents, gold_documents, score_claims

        r = ws.resources
        results = extract_gold_documents(gold_documents(texts, gold), r.places.find, r.extractor.extract,
                                         r.claim_resolver.resolve)
        sc = score_claims(results, read_jsonl(gold / "events.jsonl"))
        return {"claims": sc.figures(), "missed": sc.missed, "false_positives": sc.false_positives,
                "serious": sc.serious, "status_errors": sc.status_errors, "actor_errors": sc.actor_errors}

    def segmenter(ws: Workspace) -> dict[str, Any]:
        from ..clean import segment_text
        from .segments import score_lines

        segs = read_jsonl(gold / "segments.jsonl")
        docs = []
        for row in read_jsonl(gold / "docs.jsonl"):
            text = (texts / row["file"]).read_text(encoding="utf-8")
            docs.append((text, segment_text(text, row["doc"], ws.resources.kb),
                         [s for s in segs if s["doc"] == row["doc"]]))
        return score_lines(docs)

    def resolver(ws: Workspace) -> dict[str, Any]:
        from .toponyms import scorable, score_toponyms

        segs = read_jsonl(gold / "segments.jsonl")
        mentions = {}
        for row in read_jsonl(gold / "docs.jsonl"):
            text = (texts / row["file"]).read_text(encoding="utf-8")
            offsets = line_offsets(text)
            spans = [(offsets[s["first_line"] - 1], offsets[s["last_line"]] - 1) for s in segs
                     if s["doc"] == row["doc"] and s["role"] in ("body", "quote")]
            mentions[row["doc"]] = list(ws.resources.places.find(text, row["doc"], spans))
        return score_toponyms(scorable(read_jsonl(gold / "toponyms.jsonl"), set(mentions)), mentions,
                              ws.resources.kb.theater.feature_words)

    gold_files = ("seeds/*.txt", "seeds-gold/docs.jsonl", "seeds-gold/events.jsonl", "seeds-gold/segments.jsonl")
    return [
        Group("seeds/claims", root, gold_files,
              tuple(f"claims.{k}" for k in ("core_recall", "precision", "status_accuracy", "actor_accuracy",
                                             "date_accuracy")), ("claims.non_factual_as_happened",), claims),
        Group("seeds/segmenter", root, ("seeds/*.txt", "seeds-gold/docs.jsonl", "seeds-gold/segments.jsonl"),
              ("line_accuracy", "debris_precision", "debris_recall"), ("body_lines_dropped",), segmenter),
        Group("seeds/resolver", root, ("seeds/*.txt", "seeds-gold/docs.jsonl", "seeds-gold/segments.jsonl",
                                       "seeds-gold/toponyms.jsonl"),
              ("found", "within_10km", "within_161km"), (), resolver),
    ]


def reflow(text: str) -> list[str]:
    """A wire text one sentence per line, and one sentence per paragraph: plain text whose
    layout is gone, as a segmenter meets it."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text)
    return ["\n".join(sentences), "\n\n".join(sentences)]


def _fakes_groups(root: Path) -> list[Group]:
    folder = root / "fa-kes-dev"
    files = ("fa-kes-dev/articles.jsonl", "fa-kes-dev/gold.jsonl")

    def pipeline(ws: Workspace) -> dict[str, Any]:
        from .fakes import evaluate_fakes

        store, summary = ws.pipeline_store("fa-kes-dev", [folder / "articles.jsonl"], None, "process", 2)
        return {**evaluate_fakes(store, folder / "gold.jsonl"), "run": {"failures": summary.failures}}

    def articles() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
        return read_jsonl(folder / "articles.jsonl"), {r["id"]: r for r in read_jsonl(folder / "gold.jsonl")}

    def resolver(ws: Workspace) -> dict[str, Any]:
        from .fakes import score_salient_admin1

        return score_salient_admin1(*articles(), ws.resources.places.find, ws.resources.kb.theater.canonical_admin1)

    def datelines(ws: Workspace) -> dict[str, Any]:
        from ..clean.datelines import find_dateline
        from .fakes import score_datelines

        def find(text: str) -> Any:
            found = find_dateline(text)
            return found.date if found else None

        return score_datelines(*articles(), find)

    def wire(ws: Workspace) -> dict[str, Any]:
        from ..clean import segment_text
        from .segments import words_kept

        texts = [t for row in read_jsonl(folder / "articles.jsonl") for t in reflow(row["text"])]
        return words_kept((t, segment_text(t, "", ws.resources.kb)) for t in texts)

    accuracies = tuple(f"{p}{k}_accuracy" for p in ("", "fused_") for k in FAKES_FIGURES)
    return [
        Group("fa-kes-dev", root, files, accuracies, ("run.failures",), pipeline),
        Group("fa-kes-dev/resolver", root, files, ("admin1_accuracy",), (), resolver),
        Group("fa-kes-dev/datelines", root, files, ("recovered", "within_2_days"), (), datelines),
        Group("fa-kes-dev/wire", root, ("fa-kes-dev/articles.jsonl",), ("words_kept",), ("texts_with_comments",),
              wire),
    ]


def _is_gold_folder(path: Path) -> bool:
    return (path / "docs.jsonl").is_file() and (path / "events.jsonl").is_file()


def _gold_kind(path: Path) -> str | None:
    """"events" for a seeds-gold folder (docs and events), "toponyms" for a toponym set (docs and
    toponyms, no events), None for anything else."""
    if _is_gold_folder(path):
        return "events"
    if (path / "docs.jsonl").is_file() and (path / "toponyms.jsonl").is_file():
        return "toponyms"
    return None


def discover(roots: Iterable[Path]) -> list[Group]:
    """Every group whose corpus lies under one of ``roots``: the seeds (``seeds`` + ``seeds-gold``),
    FA-KES dev (``fa-kes-dev``), and any folder X with ``X/texts`` and gold folders ``X/gold*``
    (each scored on its own: a corpus split in halves has one gold folder per half); a gold folder
    with docs and toponyms but no events is a toponym set, scored for place names only."""
    groups: list[Group] = []
    for root in roots:
        if (root / "seeds").is_dir() and _is_gold_folder(root / "seeds-gold"):
            groups.append(_folder_group("seeds", root, "seeds", "seeds-gold", ["seeds-gold"], engine="serial"))
            groups.extend(_seeds_stage_groups(root))
        if (root / "fa-kes-dev" / "articles.jsonl").is_file() and (root / "fa-kes-dev" / "gold.jsonl").is_file():
            groups.extend(_fakes_groups(root))
        for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
            golds = sorted(g.name for g in folder.glob("gold*") if _gold_kind(g))
            if (folder / "texts").is_dir() and golds:
                for gold in golds:
                    groups.append(_folder_group(f"{folder.name}/{gold}", root, f"{folder.name}/texts",
                                                f"{folder.name}/{gold}", [f"{folder.name}/{g}" for g in golds]))
    return groups


def measure(groups: Iterable[Group], workspace: Workspace) -> list[Result]:
    """Run each group; its figures, details and the digest of its corpus files."""
    results = []
    for group in groups:
        figures, details = flatten(group.run(workspace))
        results.append(Result(group, figures, details, corpus_digest(group.root, group.files)))
    return results


@dataclass(frozen=True, slots=True)
class Row:
    """One figure of the suite's report, with its gate (if any) and whether it holds."""

    group: str
    figure: str
    value: Any
    gate: str  # ">= 0.94", "<= 0", or "" when the figure is not gated
    verdict: str  # "ok", "LOW", "HIGH", "STALE", "" (not gated)


def report(results: Iterable[Result], floors: dict[str, Any]) -> tuple[list[Row], list[Any]]:
    """Every measured figure with its gate, and the problems (``floors.Problem``) of each group."""
    from .floors import check_group

    rows, problems = [], []
    for result in results:
        entry = floors.get("groups", {}).get(result.group.name, {})
        found = check_group(result.group.name, entry, result.figures, result.digest) if entry else []
        problems.extend(found)
        stale = any(p.kind == "stale corpus" for p in found)
        bad = {p.figure: p.kind for p in found}
        for figure, value in result.figures.items():
            gate, verdict = "", ""
            if figure in entry.get("floors", {}):
                gate = f">= {entry['floors'][figure]}"
            elif figure in entry.get("ceilings", {}):
                gate = f"<= {entry['ceilings'][figure]}"
            if gate:
                verdict = "STALE" if stale else {"below floor": "LOW", "above ceiling": "HIGH",
                                                 "not measured": "MISSING"}.get(bad.get(figure, ""), "ok")
            rows.append(Row(result.group.name, figure, value, gate, verdict))
        missing = [f for f in (*entry.get("floors", {}), *entry.get("ceilings", {})) if f not in result.figures]
        rows.extend(Row(result.group.name, f, None, "gated", "MISSING") for f in missing if not stale)
    return rows, problems
