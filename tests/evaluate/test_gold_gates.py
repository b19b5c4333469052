"""Accuracy gates: the whole pipeline on the shared gold sets, against pinned floors.

The floors live in ``floors.json`` beside this file.  Moving one is an explicit, reviewed
step (edit the file, say why in the commit); a change that drops a figure below its floor
fails here.  ``non_factual_as_happened`` is a ceiling of zero, never a floor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.evaluate import evaluate
from frontlines.pipeline import RunOptions, run
from frontlines.store.sqlite import SqliteStore

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())


def _manifest(corpus: Path, tmp: Path) -> Path:
    rows = [json.loads(line) for line in (corpus / "seeds-gold" / "docs.jsonl").read_text().splitlines() if line]
    path = tmp / "manifest.jsonl"
    path.write_text("\n".join(json.dumps({"file": r["file"], "published": r["published_estimate"]}) for r in rows))
    return path


@pytest.fixture(scope="module")
def seeds(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    tmp = tmp_path_factory.mktemp("seeds")
    store = SqliteStore(tmp / "seeds.db")
    run([corpus / "seeds"], store, manifest=_manifest(corpus, tmp), options=RunOptions(engine="serial"))
    result = evaluate(store, corpus / "seeds-gold")
    result["store"] = store
    return result


@pytest.fixture(scope="module")
def fakes(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    store = SqliteStore(tmp_path_factory.mktemp("fakes") / "fakes.db")
    summary = run([corpus / "fa-kes-dev" / "articles.jsonl"], store, options=RunOptions(engine="process", workers=2))
    assert summary.failures == 0, summary.failure_messages
    return evaluate(store, corpus / "fa-kes-dev" / "gold.jsonl")


@pytest.mark.parametrize("section,key", [tuple(k.split(".")) for k in FLOORS["seeds"]])
def test_seeds_floor(seeds: dict, section: str, key: str) -> None:  # type: ignore[type-arg]
    floor = FLOORS["seeds"][f"{section}.{key}"]
    assert seeds[section][key] is not None and seeds[section][key] >= floor, (section, key, seeds[section][key])


def test_no_non_factual_claim_output_as_happened(seeds: dict) -> None:  # type: ignore[type-arg]
    assert seeds["events"]["non_factual_as_happened"] == 0, seeds["events"]["non_factual_as_happened_ids"]


def test_no_body_line_dropped(seeds: dict) -> None:  # type: ignore[type-arg]
    assert seeds["segments"]["body_lines_dropped"] == 0


def test_nothing_from_comments_titles_or_boilerplate(seeds: dict) -> None:  # type: ignore[type-arg]
    store = seeds["store"]
    roles = {r[0] for r in store.query("SELECT DISTINCT segment_role FROM claims")}
    assert roles <= {"body", "quote"}
    for article in store.articles():
        debris = [s for s in store.segments(article.id) if s.role.value not in {"body", "quote"}]
        for claim in store.claims(article.id):
            assert not any(s.start <= claim.trigger_start < s.end for s in debris), claim.sentence


@pytest.mark.parametrize("key", list(FLOORS["fakes"]))
def test_fakes_floor(fakes: dict, key: str) -> None:  # type: ignore[type-arg]
    assert fakes[key] is not None and fakes[key] >= FLOORS["fakes"][key], (key, fakes[key])
