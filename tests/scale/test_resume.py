"""Interrupted runs resume: `frontlines run` killed at several points (kill -9 of the run, of a
pool worker, Ctrl-C, during fusion), then run again with the same command, ends with exactly
the rows of an uninterrupted run.  Pool workers die with the run, and Ctrl-C prints no worker
traceback."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from frontlines.errors import StoreError
from frontlines.store.sqlite import SqliteStore

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
TOTAL = len(list((EXAMPLES / "reports").iterdir()))

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for the worker processes")


def _command(db: Path, engine: str) -> list[str]:
    return [sys.executable, "-m", "frontlines", "run", str(EXAMPLES / "reports"), "--manifest",
            str(EXAMPLES / "manifest.jsonl"), "--db", str(db), "--engine", engine, "--workers", "2", "--quiet"]


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(REPO / "src"), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


def _start(db: Path, engine: str) -> subprocess.Popen[str]:
    """The run, its messages going to a file beside the database (not to a pipe, which a worker
    that outlived the run would hold open)."""
    with (db.parent / "stderr.txt").open("w") as err:
        return subprocess.Popen(_command(db, engine), env=_env(), stdout=subprocess.DEVNULL, stderr=err, text=True,
                                start_new_session=True)  # its own process group, as a terminal gives


def _finish(run: subprocess.Popen[str], db: Path) -> str:
    """Wait for the run to end; what it wrote to standard error."""
    run.wait(timeout=300)
    return (db.parent / "stderr.txt").read_text()


def _run(db: Path, engine: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(_command(db, engine), env=_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done


def _stored(db: Path) -> int:
    try:
        with SqliteStore(db, readonly=True) as store:
            return store.counts()["articles"]
    except StoreError:
        return 0  # not created yet


def _wait_until(run: subprocess.Popen[str], db: Path, articles: int) -> bool:
    """Wait until ``articles`` documents are stored; False when the run ended first."""
    deadline = time.monotonic() + 300
    while run.poll() is None and time.monotonic() < deadline:
        if _stored(db) >= articles:
            return True
        time.sleep(0.05)
    return False


def _wait_for_workers(run: subprocess.Popen[str]) -> list[int]:
    """The run's pool workers once they are up and working (the store is written in batches, so
    stored documents do not show that the pool works); [] when the run ended first."""
    deadline = time.monotonic() + 300
    while run.poll() is None and time.monotonic() < deadline:
        if _children(run.pid):
            time.sleep(1.0)  # past the model load: the workers have documents in hand
            return _children(run.pid)
        time.sleep(0.05)
    return []


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in {"Z", "X"}


def _contents(db: Path) -> dict[str, Any]:
    """Every row of the database, less what records the time of writing."""
    with SqliteStore(db, readonly=True) as store:
        articles = sorted(store.articles(), key=lambda a: a.id)
        return {
            "articles": articles, "segments": {a.id: store.segments(a.id) for a in articles},
            "mentions": store.mentions(), "claims": store.claims(), "events": store.events(),
            "periods": store.control_periods(),
            "failures": sorted((dataclasses.replace(f, at="") for f in store.failures()), key=repr),
            "fused": not store.needs_fusing() and store.check() == [],
        }


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    _run(db, "serial")
    return _contents(db)


def test_killed_runs_resume_to_the_rows_of_an_uninterrupted_run(clean: dict[str, Any], tmp_path: Path) -> None:
    db = tmp_path / "resumed.db"
    assert clean["fused"] and len(clean["events"]) > 5

    # kill -9 of the run while its pool works: the workers die with it
    run = _start(db, "process")
    if workers := _wait_for_workers(run):
        run.send_signal(signal.SIGKILL)
        _finish(run, db)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = [w for w in workers if _alive(w)]
        for pid in survivors:
            os.kill(pid, signal.SIGKILL)  # not left behind by the test either
        assert workers and not survivors, "pool workers outlived the killed run"
    else:
        _finish(run, db)

    # kill -9 of one pool worker: the run says so on one line and stops; stored work stays
    run = _start(db, "process")
    if _wait_until(run, db, _stored(db) + 1) and (workers := _children(run.pid)):
        os.kill(workers[0], signal.SIGKILL)
    err = _finish(run, db)
    assert "Traceback" not in err, err

    # Ctrl-C (to the whole process group, as a terminal sends it): no traceback from the run or its workers
    run = _start(db, "process")
    if _wait_until(run, db, _stored(db) + 1):
        os.killpg(run.pid, signal.SIGINT)
        err = _finish(run, db)
        assert run.returncode in {0, 130} and "Traceback" not in err, err
    else:
        _finish(run, db)

    # kill -9 once every document is stored: during fusion (or just after it)
    run = _start(db, "serial")
    if _wait_until(run, db, TOTAL):
        run.send_signal(signal.SIGKILL)
    _finish(run, db)

    _run(db, "process")  # the same command, to its end
    assert _contents(db) == clean
