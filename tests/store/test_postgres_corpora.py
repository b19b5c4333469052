"""PostgreSQL and SQLite give the same events on the seeds and FA-KES dev: each corpus is run
once per store and every event, claim and control period is compared.

The documents are coded once (the process engine, during the SQLite run) and the PostgreSQL
run replays those results through its own engine slot, so that what depends on the store
(what is new, near-duplicates, storing, fusing, deriving) runs for both while spaCy runs once."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from frontlines.pipeline import RunOptions, run
from frontlines.records import Article, Failure
from frontlines.registry import engines
from frontlines.store.postgres import PostgresStore
from frontlines.store.sqlite import SqliteStore


def _seeds_manifest(corpus: Path, tmp: Path) -> Path:
    rows = [json.loads(line) for line in (corpus / "seeds-gold" / "docs.jsonl").read_text().splitlines() if line]
    path = tmp / "manifest.jsonl"
    path.write_text("\n".join(json.dumps({"file": r["file"], "published": r["published_estimate"]}) for r in rows))
    return path


def _contents(store: Any) -> dict[str, Any]:
    return {"events": store.events(), "claims": store.claims(), "periods": store.control_periods(),
            "articles": sorted(store.sources().items()), "counts": store.counts()}


@pytest.fixture(scope="module")
def coded(corpus: Path, postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from pgserver import with_schema

    tmp = tmp_path_factory.mktemp("pg-vs-sqlite")
    inputs = {"seeds": ([corpus / "seeds"], _seeds_manifest(corpus, tmp)),
              "fakes": ([corpus / "fa-kes-dev" / "articles.jsonl"], None)}
    coded_once: dict[str, Any] = {}

    def recording(articles: Iterable[Article], options: Any) -> Iterator[Any]:
        for result in engines.get("process")(articles, options):
            coded_once[result.source if isinstance(result, Failure) else result.article.id] = result
            yield result

    def replaying(articles: Iterable[Article], options: Any) -> Iterator[Any]:
        for article in articles:
            yield coded_once.get(article.id) or coded_once[article.source]

    found: dict[str, Any] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(engines._items, "test-recording", recording)
        patch.setitem(engines._items, "test-replaying", replaying)
        for name, (paths, manifest) in inputs.items():
            for kind, engine in (("sqlite", "test-recording"), ("postgresql", "test-replaying")):
                store = SqliteStore(tmp / f"{name}.db") if kind == "sqlite" \
                    else PostgresStore(with_schema(postgres_server, f"corpus_{name}"))
                with store:
                    summary = run(paths, store, manifest=manifest, options=RunOptions(engine=engine, workers=2))
                    assert summary.failures == 0, summary.failure_messages
                    found[f"{name}/{kind}"] = _contents(store)
    return found


@pytest.mark.parametrize("name", ["seeds", "fakes"])
def test_postgres_and_sqlite_give_the_same_events(coded: dict[str, Any], name: str) -> None:
    lite, pg = coded[f"{name}/sqlite"], coded[f"{name}/postgresql"]
    assert lite["counts"]["events"] > 10
    assert [(e.id, e.event_type, e.location, e.event_date, e.claim_ids) for e in pg["events"]] == \
        [(e.id, e.event_type, e.location, e.event_date, e.claim_ids) for e in lite["events"]]
    assert pg == lite
