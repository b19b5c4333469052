"""Engines that map the per-document stages over a stream of articles.

``serial`` runs in this process; ``process`` runs on a local process pool, each worker
building its own resources once.  Results come back in input order either way, so a
run's output does not depend on the engine.

Pool workers die with the run: they ignore Ctrl-C (the run stops them, so no worker prints a
traceback), ask the kernel to kill them when their parent dies (``prctl(PR_SET_PDEATHSIG)``
on Linux, a watching thread elsewhere), and are stopped when the run stops early.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TYPE_CHECKING, TypeVar

from ..records import Article, Failure
from ..registry import engines

if TYPE_CHECKING:
    from ..pipeline import DocResult, Resources, RunOptions

T = TypeVar("T")

_worker_resources: Resources | None = None  # set once per worker process by _init_worker

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """Make this (worker) process end when process ``parent`` ends, however it ends."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    else:  # no parent-death signal: watch the parent
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _init_worker(options: RunOptions, parent: int) -> None:
    global _worker_resources
    from ..pipeline import resources_for

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's to handle
    die_with_parent(parent)
    _worker_resources = resources_for(options)


def _work(batch: list[Article]) -> list[DocResult | Failure]:
    from ..pipeline import process_batch

    assert _worker_resources is not None, "the pool's initializer builds the worker's resources"
    return process_batch(batch, _worker_resources)


#: articles handed to the stages at once: they are parsed in one ``nlp.pipe`` call
BATCH = 32


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@engines.register("serial")
def serial(articles: Iterable[Article], options: RunOptions) -> Iterator[DocResult | Failure]:
    from ..pipeline import process_batch, resources_for

    resources = resources_for(options)
    for batch in batches(articles):
        yield from process_batch(batch, resources)


@engines.register("process")
def process_pool(articles: Iterable[Article], options: RunOptions) -> Iterator[DocResult | Failure]:
    workers = options.workers or max(1, (os.cpu_count() or 2))
    size = max(1, BATCH // 2)  # per task: a pool balances better on smaller batches
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(options, os.getpid()))
    finished = False
    try:
        ahead: deque[Future[list[DocResult | Failure]]] = deque()
        for batch in batches(articles, size):  # a few batches in flight, results in input order
            ahead.append(pool.submit(_work, batch))
            if len(ahead) > workers * 2:
                yield from ahead.popleft().result()
        while ahead:
            yield from ahead.popleft().result()
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:  # Ctrl-C, an error, or the caller stopped early: drop the queued work, stop the workers
            _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        if process.is_alive():
            process.terminate()
    for process in workers:
        process.join(timeout=5)


#: below this many documents a pool costs more (one model load per worker) than it saves
POOL_THRESHOLD = 8


def map_documents(articles: Iterable[Article], options: RunOptions) -> Iterator[DocResult | Failure]:
    """Pick the engine: ``auto`` uses the pool for larger batches on a machine with several cores."""
    name = options.engine
    iterator = iter(articles)
    head: list[Article] = []
    if name == "auto":
        head = list(islice(iterator, POOL_THRESHOLD))
        cores = options.workers or os.cpu_count() or 1
        name = "process" if cores > 1 and len(head) >= POOL_THRESHOLD else "serial"
    yield from engines.get(name)(chain(head, iterator), options)


__all__ = ["map_documents", "Failure"]
