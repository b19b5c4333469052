"""Bounded load test of ``frontlines serve`` on loopback: requests a second, latency percentiles, errors.

Starts the server on 127.0.0.1 (a free port) over --db with the rate limit off, sends a mix of API
requests from --concurrency threads over keep-alive connections until --requests are done or
--max-seconds have passed, prints the figures, and stops the server.  Loopback only; bounded in
count and time.  Not a test: the figures depend on the machine.

    python bench/web_load.py --db out/example.db [--concurrency 8] [--requests 3000] [--max-seconds 60]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

HOST = "127.0.0.1"  # loopback only, never another address
REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Accept": "application/json"})
    response = conn.getresponse()
    return response.status, response.read()


def start_server(db: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    server = subprocess.Popen([sys.executable, "-m", "frontlines", "serve", "--db", str(db), "--host", HOST,
                               "--port", str(port), "--rate-limit", "0", "--log-level", "warning"], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            if get(conn, "/api/info")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start within 60 s")


def request_mix(port: int) -> list[str]:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    facets = json.loads(get(conn, "/api/facets")[1])
    events = json.loads(get(conn, "/api/events?limit=200")[1])["items"]
    docs = json.loads(get(conn, "/api/documents?limit=100")[1])["items"]
    day = facets["last_day"] or "2017-01-01"
    paths = ["/api/events?limit=100", "/api/events?limit=100&offset=100&type=Battles",
             "/api/events?status=asserted&status=reported&min_support=0.5", "/api/events.geojson",
             f"/api/control?date={day}", "/api/summary", "/api/facets", "/api/outlets", "/api/places?q=aleppo"]
    paths += [f"/api/events/{e['id']}" for e in events[:40]]
    paths += [f"/api/documents/{d['id']}" for d in docs[:20]]
    return paths


def run(port: int, paths: list[str], concurrency: int, total: int, max_seconds: float) -> dict:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()
    issued = 0
    stop_at = time.monotonic() + max_seconds

    def worker(seed: int) -> None:
        nonlocal issued
        rng = random.Random(seed)
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < stop_at:
            with lock:
                if issued >= total:
                    return
                issued += 1
            path = rng.choice(paths)
            began = time.perf_counter()
            try:
                status, _ = get(conn, path)
            except (OSError, http.client.HTTPException) as exc:
                status, conn = 0, http.client.HTTPConnection(HOST, port, timeout=30)
                errors.append(f"{path}: {exc}")
            took = time.perf_counter() - began
            kind = path.split("?")[0].rsplit("/", 1)[0] if path.count("/") > 2 else path.split("?")[0]
            with lock:
                latencies[kind].append(took)
                if status != 200 and status != 0:
                    errors.append(f"{path}: HTTP {status}")

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    every = sorted(x for values in latencies.values() for x in values)

    def pct(values: list[float], p: float) -> float:
        return values[min(len(values) - 1, int(p * len(values)))] * 1000

    return {"requests": len(every), "seconds": round(elapsed, 2), "concurrency": concurrency,
            "requests_per_second": round(len(every) / elapsed, 1), "p50_ms": round(pct(every, 0.50), 1),
            "p95_ms": round(pct(every, 0.95), 1), "p99_ms": round(pct(every, 0.99), 1),
            "mean_ms": round(statistics.fmean(every) * 1000, 1), "errors": len(errors),
            "first_errors": errors[:5],
            "p99_ms_by_route": {k: round(pct(sorted(v), 0.99), 1) for k, v in sorted(latencies.items())}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=REPO / "out" / "example.db")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"{args.db}: no such database (make demo writes out/example.db)")
    port = free_port()
    server = start_server(args.db, port)
    try:
        result = run(port, request_mix(port), args.concurrency, min(args.requests, 100_000),
                     min(args.max_seconds, 600.0))
    finally:
        server.terminate()
        server.wait(timeout=10)
    result["database"] = str(args.db)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
