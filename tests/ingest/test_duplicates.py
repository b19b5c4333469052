"""Nothing counted twice, nothing dropped: duplicate ids, near-duplicates, engines, re-runs and
concurrent runs.  Every report here is written for these tests (not corpus text)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from frontlines.ingest.dedupe import Facts, NearDuplicateIndex
from frontlines.pipeline import RunOptions, run
from frontlines.scale.runlock import run_lock
from frontlines.store.sqlite import SqliteStore

REPO = Path(__file__).resolve().parents[2]

RUSSIAN = ("Russian warplanes struck the vegetable market in Maarat al-Numan on Monday, killing 12 civilians and "
           "wounding dozens more, local activists said. The strikes destroyed several shops and damaged a mosque "
           "near the centre of the town, residents told reporters, and rescue workers searched the rubble for "
           "survivors until late in the evening.")
SYRIAN = RUSSIAN.replace("Russian warplanes", "Syrian warplanes")
CREDITED = "IDLIB (Wire) - " + RUSSIAN + " Reporting by the desk."
ELEVEN = RUSSIAN.replace("killing 12", "killing 11")
KHANASIR = ("Syrian government forces captured the village of Khanasir south of Aleppo on Tuesday after heavy "
            "clashes with Islamic State fighters, a military source said.")
PALMYRA = "Islamic State fighters shelled government positions near Palmyra on Wednesday, the army said."
DARAA = "A car bomb exploded near a checkpoint in Daraa on Thursday, killing four soldiers, a monitor said."
HAMA = "Rebel fighters attacked an army checkpoint in northern Hama on Friday, the opposition said."


def test_a_report_with_another_perpetrator_is_not_a_copy() -> None:
    index = NearDuplicateIndex()
    assert index.add("russian", RUSSIAN) is None
    assert index.add("syrian", SYRIAN) is None  # 0.9 similar, but another perpetrator
    assert index.add("eleven", ELEVEN) is None  # another toll
    assert index.add("credited", CREDITED) == "russian"  # a reprint with a credit line is one
    assert frozenset({"russian", "credited"}) in index.clusters()


def test_facts_agree_only_on_same_numbers_and_names_contained() -> None:
    assert Facts.of(RUSSIAN).agree(Facts.of(CREDITED))
    assert not Facts.of(RUSSIAN).agree(Facts.of(SYRIAN))
    assert not Facts.of(RUSSIAN).agree(Facts.of(ELEVEN))


def test_stored_form_round_trips_and_old_signatures_link_nothing() -> None:
    one = NearDuplicateIndex()
    one.add("russian", RUSSIAN)
    two = NearDuplicateIndex()
    two.add_stored("russian", one.stored_form("russian"))
    assert two.add("credited", CREDITED) == "russian"
    old = NearDuplicateIndex()
    old.add_stored("russian", json.dumps(list(one.signature_of("russian"))))  # a bare list: older form
    assert old.add("credited", CREDITED) is None  # without its facts, nobody's copy


def _corpus(folder: Path) -> list[Path]:
    rows = [
        {"id": "r1", "text": RUSSIAN, "outlet": "Wire", "published": "2016-02-15"},
        {"id": "r2", "text": SYRIAN, "outlet": "Wire", "published": "2016-02-15"},
        {"id": "k1", "text": KHANASIR, "published": "2016-02-16"},
        {"id": "k1", "text": KHANASIR + " The village lies on the road to Aleppo.", "published": "2016-02-16"},
        {"id": "r3", "text": CREDITED, "outlet": "Other", "published": "2016-02-15"},  # a copy of r1, other file
        {"id": "p1", "text": PALMYRA, "published": "2016-02-17"},
        {"id": "d1", "text": DARAA, "published": "2016-02-18"},
        {"id": "h1", "text": HAMA, "published": "2016-02-19"},
        {"id": "e1", "text": ELEVEN, "published": "2016-02-15"},
        {"id": "p1", "text": PALMYRA, "published": "2016-02-17"},  # the same row again: one document
    ]
    first, second = folder / "a.jsonl", folder / "b.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in rows[:4]), encoding="utf-8")
    second.write_text("".join(json.dumps(r) + "\n" for r in rows[4:]), encoding="utf-8")
    return [first, second]


def _state(store: SqliteStore) -> tuple:  # type: ignore[type-arg]
    counts = store.counts()
    claims = sorted((c.id, c.doc_id) for c in store.claims())
    dup = sorted(tuple(r) for r in store.query("SELECT id, duplicate_of FROM articles"))
    return counts["articles"], counts["claims"], counts["events"], claims, dup, len(store.failures())


def test_duplicate_ids_engines_and_reruns_give_one_answer(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path)
    results = {}
    for engine in ("serial", "process"):
        store = SqliteStore(tmp_path / f"{engine}.db")
        summary = run(inputs, store, options=RunOptions(engine=engine, workers=2))
        assert summary.failures == 1  # k1's second text: a duplicate id, named
        [failure] = store.failures()
        assert "duplicate id 'k1'" in failure.message and failure.source == "k1 (occurrence 2)"
        assert summary.claims == store.counts()["claims"]  # what the summary says was stored
        results[engine] = _state(store)
        again = run(inputs, store, options=RunOptions(engine=engine, workers=2))
        assert again.processed == 0 and again.claims == 0
        assert _state(store) == results[engine]  # re-running changes nothing
        store.close()
    assert results["serial"] == results["process"]
    articles = dict(results["serial"][4])
    assert len(articles) == 8  # r1 r2 r3 k1 p1 d1 h1 e1: the repeated p1 row is stored once
    linked = {doc for doc, dup in articles.items() if dup}
    assert len(linked) == 1  # only the credited reprint is a copy; the Syrian and the 11-dead reports are coded


def test_a_second_run_waits_for_the_first(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    waited = threading.Event()
    done = threading.Event()

    def second() -> None:
        with run_lock(db, waiting=waited.set):
            done.set()

    with run_lock(db):
        thread = threading.Thread(target=second)
        thread.start()
        assert waited.wait(30)  # it found the lock taken
        assert not done.is_set()
    thread.join(30)
    assert done.is_set()


def test_concurrent_runs_on_one_database_count_once(tmp_path: Path) -> None:
    """Two runs at once, one per file, the copy of a report in one and its original in the other:
    without the run lock each would code its own and the claims would be counted twice."""
    inputs = _corpus(tmp_path)
    alone = SqliteStore(tmp_path / "alone.db")
    run(inputs, alone, options=RunOptions(engine="serial"))
    expected = _state(alone)
    alone.close()
    db = tmp_path / "shared.db"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "frontlines", "run", "--db", str(db), "--quiet", "--engine", "serial"]
    procs = [subprocess.Popen([*command, str(path)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for path in inputs]
    for proc in procs:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
    store = SqliteStore(db)
    state = _state(store)
    assert state[:3] == expected[:3]  # articles, claims, events
    assert sum(1 for _doc, dup in state[4] if dup) == 1  # one of the pair links to the other
