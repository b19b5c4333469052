"""Answers kept while the database is unchanged, recomputed once it changes; bounded."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

from frontlines.store.sqlite import SqliteStore
from frontlines.web.middleware import ResponseCache


def _app(calls: list[str], status: int = 200, body: bytes = b"answer"):
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        calls.append(scope["path"])
        await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": body + str(len(calls)).encode()})
    return app


def _get(app: Any, path: str, query: bytes = b"", method: str = "GET") -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    asyncio.run(app({"type": "http", "method": method, "path": path, "query_string": query}, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_an_answer_is_kept_until_the_revision_changes():
    calls: list[str] = []
    revision = ["r1"]
    cache = ResponseCache(_app(calls), lambda: revision[0])
    first = _get(cache, "/api/summary", b"type=Battles")
    assert _get(cache, "/api/summary", b"type=Battles") == first and len(calls) == 1
    assert _get(cache, "/api/summary", b"type=Protests") != first and len(calls) == 2  # another question
    revision[0] = "r2"  # the database changed
    assert _get(cache, "/api/summary", b"type=Battles") != first and len(calls) == 3


def test_errors_other_methods_other_paths_and_unknown_revisions_pass_through():
    calls: list[str] = []
    cache = ResponseCache(_app(calls, status=404), lambda: "r")
    _get(cache, "/api/events/x"), _get(cache, "/api/events/x")
    assert len(calls) == 2  # a 404 is not kept
    calls.clear()
    ok = ResponseCache(_app(calls), lambda: "r")
    _get(ok, "/api/x", method="POST"), _get(ok, "/api/x", method="POST")
    _get(ok, "/static/app.js"), _get(ok, "/static/app.js")
    assert len(calls) == 4
    calls.clear()
    never = ResponseCache(_app(calls), lambda: None)
    _get(never, "/api/summary"), _get(never, "/api/summary")
    assert len(calls) == 2


def test_the_cache_is_bounded_in_entries_and_bytes():
    calls: list[str] = []
    cache = ResponseCache(_app(calls, body=b"x" * 100), lambda: "r", max_entries=3, max_bytes=250)
    for n in range(10):
        _get(cache, f"/api/e{n}")
    assert len(cache.entries) <= 2 and cache.size <= 250
    big = ResponseCache(_app(calls, body=b"x" * 100), lambda: "r", max_entry=50)
    _get(big, "/api/big")
    assert not big.entries  # over the per-answer bound: served, not kept


def test_a_sqlite_store_revision_changes_with_every_commit(tmp_path: Path):
    db = tmp_path / "x.db"
    store = SqliteStore(db)
    before = store.revision()
    assert before is not None and store.revision() == before
    other = sqlite3.connect(db)  # another process's writer
    other.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    other.execute("INSERT INTO scratch VALUES (1)")
    other.commit()
    other.close()
    assert store.revision() != before
    store.close()
    assert SqliteStore(":memory:").revision() is None


def test_the_same_question_asked_at_once_is_answered_once():
    calls: list[str] = []

    async def slow(scope: dict[str, Any], receive: Any, send: Any) -> None:
        calls.append(scope["path"])
        await asyncio.sleep(0.05)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"done"})

    cache = ResponseCache(slow, lambda: "r")

    async def ask() -> bytes:
        sent: list[dict[str, Any]] = []

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b""}

        await cache({"type": "http", "method": "GET", "path": "/api/facets", "query_string": b""}, receive, send)
        return b"".join(m.get("body", b"") for m in sent[1:])

    async def main() -> list[bytes]:
        return list(await asyncio.gather(*(ask() for _ in range(8))))

    assert asyncio.run(main()) == [b"done"] * 8
    assert len(calls) == 1
