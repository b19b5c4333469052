"""Fixtures of the web tests: one database coded once per session, an app, a live server, a browser.

The database holds the bundled examples and a hostile document (markup and a javascript: link in its
text, title, outlet and URL); with the shared corpus present, also the seeds and FA-KES dev.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.pipeline import RunOptions, run
from frontlines.store.sqlite import SqliteStore

REPO = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("FRONTLINES_CORPUS", REPO.parent / "shared" / "corpus"))
CHROMIUM = Path(os.environ.get("FRONTLINES_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = REPO / "out" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

HOSTILE_FILE = "99_hostile.txt"
HOSTILE_TEXT = (
    'Army retakes Maskanah <script>alert("title")</script>\n\n'
    'MASKANAH, June 3 (Levant Wire) - Syrian army troops captured the town of Maskanah on Saturday '
    '<script>alert("xss")</script> after clashes with Islamic State fighters <img src=x onerror=alert(1)> '
    'near <a href="javascript:alert(2)">the Euphrates</a>, a military source said.\n')
HOSTILE_META = {"file": HOSTILE_FILE, "outlet": "<img src=x onerror=alert(3)>", "published": "2017-06-04",
                "url": "javascript:alert(4)", "title": "<script>alert(5)</script> Maskanah"}


def _missing(what: str) -> None:
    """A missing corpus or browser: a one-line skip on a developer's machine, a failure in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI must have it: `make test` installs it)")
    pytest.skip(what)


def _manifest(tmp: Path, with_corpus: bool) -> Path:
    rows = [json.loads(line) for line in (REPO / "examples" / "manifest.jsonl").read_text().splitlines() if line]
    rows.append(HOSTILE_META)
    if with_corpus:
        for line in (CORPUS / "seeds-gold" / "docs.jsonl").read_text().splitlines():
            if line.strip():
                doc = json.loads(line)
                rows.append({"file": doc["file"], "published": doc["published_estimate"]})
    path = tmp / "manifest.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples, the hostile document and (when present) the seeds and FA-KES dev, coded once."""
    tmp = tmp_path_factory.mktemp("web")
    hostile = tmp / HOSTILE_FILE
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    with_corpus = CORPUS.is_dir()
    inputs = [REPO / "examples" / "reports", hostile]
    if with_corpus:
        inputs += [CORPUS / "seeds", CORPUS / "fa-kes-dev" / "articles.jsonl"]
    db = tmp / "web.db"
    store = SqliteStore(db)
    summary = run(inputs, store, manifest=_manifest(tmp, with_corpus),
                  options=RunOptions(engine="process" if with_corpus else "serial", workers=2))
    store.close()
    assert summary.failures == 0, summary.failure_messages
    return db


@pytest.fixture(scope="session")
def corpus_db(web_db: Path) -> Path:
    """The database with the seeds and FA-KES dev in it (skipped with a reason when the corpus is missing)."""
    if not CORPUS.is_dir():
        _missing(f"shared corpus not found at {CORPUS} (set FRONTLINES_CORPUS)")
    return web_db


@pytest.fixture(scope="session")
def web_dataset(web_db: Path):  # type: ignore[no-untyped-def]
    """The web database opened read-only, as ``frontlines serve`` opens it."""
    import frontlines

    with frontlines.open(web_db) as dataset:
        yield dataset


@pytest.fixture(scope="session")
def app(web_dataset):  # type: ignore[no-untyped-def]
    from frontlines.web.app import ServerSettings, create_app

    return create_app(web_dataset, ServerSettings(rate_limit=0))


@pytest.fixture(scope="session")
def client(app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(corpus_db: Path) -> Iterator[str]:
    """``frontlines serve`` on the corpus database, on a free loopback port, in a thread."""
    import uvicorn

    import frontlines
    from frontlines.web.app import ServerSettings, create_app

    dataset = frontlines.open(corpus_db)
    app = create_app(dataset, ServerSettings(rate_limit=0))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    dataset.close()


@pytest.fixture(scope="session")
def browser(live_server: str):  # type: ignore[no-untyped-def]
    if not CHROMIUM.is_file() and not shutil.which("chromium"):
        _missing(f"no Chromium at {CHROMIUM} (`make chromium` installs Debian's)")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM if CHROMIUM.is_file()
                                                                  else shutil.which("chromium")),
                                              args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()
