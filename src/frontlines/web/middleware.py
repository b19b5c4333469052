"""ASGI middleware: security headers (a strict Content-Security-Policy), request size limits and
a per-client rate limit.  Each answers its refusals in the one error shape."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def content_security_policy(tiles: str | None = None) -> str:
    """Self only: no inline script or style attribute, no framing; online tiles' origin only when asked."""
    img = "'self' data:"
    if tiles:
        parts = urlsplit(tiles.replace("{s}", "a"))
        host = parts.hostname or ""
        if "{s}" in tiles:
            host = "*." + host.split(".", 1)[1] if "." in host else host
        img += f" {parts.scheme}://{host}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src {img}; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")


async def _send_error(send: Send, status: int, code: str, message: str,
                      headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in have]
                if scope["path"].startswith("/api/"):
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class SizeLimit:
    """Refuse request bodies over ``max_body`` bytes (413) and query strings over ``max_query`` (414)."""

    def __init__(self, app: ASGIApp, max_body: int, max_query: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_query = max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) + len(scope.get("raw_path", b"")) > self.max_query:
            await _send_error(send, 414, "uri_too_long", f"request line over {self.max_query} bytes")
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.max_body):
                await _send_error(send, 413, "payload_too_large", f"request body over {self.max_body} bytes")
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _send_error(send, 413, "payload_too_large", f"request body over {self.max_body} bytes")


class _TooLarge(Exception):
    pass


class RateLimit:
    """A token bucket per client address: ``rate`` requests a second, bursts up to ``burst``."""

    def __init__(self, app: ASGIApp, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = self.clock()
        with self.lock:
            tokens, last = self.buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            allowed = tokens >= 1.0
            self.buckets[client] = (tokens - 1.0 if allowed else tokens, now)
            if len(self.buckets) > 10_000:  # forget idle clients
                self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < 60}
        return allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.rate <= 0:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        if not self.allow(client):
            await _send_error(send, 429, "rate_limited",
                              f"more than {self.rate:g} requests a second; slow down",
                              [(b"retry-after", b"1")])
            return
        await self.app(scope, receive, send)


class ResponseCache:
    """Keeps the answers to GET requests under ``prefix`` while the store's ``revision()`` stays
    the same, so that a map of tens of thousands of events, the facets or the summary are
    computed once per change of the database rather than once per request (and once when many
    ask at the same moment: the others wait for the first answer).  Bounded in entries
    and bytes (least recently used first out); an answer over ``max_entry`` bytes, a non-200
    answer and any request when ``revision()`` is None are passed through untouched."""

    def __init__(self, app: ASGIApp, revision: Callable[[], str | None], prefix: str = "/api/",
                 max_entries: int = 256, max_bytes: int = 64 * 1024 * 1024, max_entry: int = 16 * 1024 * 1024) -> None:
        self.app = app
        self.revision = revision
        self.prefix = prefix
        self.max_entries, self.max_bytes, self.max_entry = max_entries, max_bytes, max_entry
        self.entries: OrderedDict[tuple[str, bytes], tuple[str, Message, bytes]] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0
        #: questions being answered now: the requests that ask them again wait for that answer
        self.pending: dict[tuple[str, bytes], tuple[str, asyncio.Event]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        revision = self.revision()
        if revision is None:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        pending = self.pending.get(key)
        if pending is not None and pending[0] == revision:
            await pending[1].wait()  # the same question is being answered: wait for that answer
        held = self.entries.get(key)
        if held is not None and held[0] == revision:
            self.entries.move_to_end(key)
            self.hits += 1
            await send(dict(held[1]))
            await send({"type": "http.response.body", "body": held[2]})
            return
        self.misses += 1
        done = asyncio.Event()
        self.pending[key] = (revision, done)
        try:
            await self._answer(scope, receive, send, key, revision)
        finally:
            if self.pending.get(key, (None, None))[1] is done:
                del self.pending[key]
            done.set()

    async def _answer(self, scope: Scope, receive: Receive, send: Send, key: tuple[str, bytes],
                      revision: str) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = dict(message)
                keep = message.get("status") == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                keep = sum(map(len, chunks)) <= self.max_entry
            await send(message)

        await self.app(scope, receive, capture)
        if keep and start is not None:
            self._store(key, revision, start, b"".join(chunks))

    def _store(self, key: tuple[str, bytes], revision: str, start: Message, body: bytes) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old[2])
        self.entries[key] = (revision, start, body)
        self.size += len(body)
        while self.entries and (len(self.entries) > self.max_entries or self.size > self.max_bytes):
            _, (_, _, dropped) = self.entries.popitem(last=False)
            self.size -= len(dropped)
