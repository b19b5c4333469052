"""Engines that map the per-document stages over a stream of articles.

``serial`` runs in this process; ``process`` runs on a local process pool, each worker
building its own resources once.  Results come back in input order either way, so a
run's output does not depend on the engine.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from typing import TYPE_CHECKING

from ..records import Article, Failure
from ..registry import engines

if TYPE_CHECKING:
    from ..pipeline import DocResult, Resources, RunOptions

_worker_resources: Resources | None = None  # set once per worker process by _init_worker


def _init_worker(options: RunOptions) -> None:
    global _worker_resources
    from ..pipeline import resources_for

    _worker_resources = resources_for(options)


def _work(article: Article) -> DocResult | Failure:
    from ..pipeline import safe_process

    assert _worker_resources is not None, "the pool's initializer builds the worker's resources"
    return safe_process(article, _worker_resources)


@engines.register("serial")
def serial(articles: Iterable[Article], options: RunOptions) -> Iterator[DocResult | Failure]:
    from ..pipeline import resources_for, safe_process

    resources = resources_for(options)
    for article in articles:
        yield safe_process(article, resources)


@engines.register("process")
def process_pool(articles: Iterable[Article], options: RunOptions) -> Iterator[DocResult | Failure]:
    workers = options.workers or max(1, (os.cpu_count() or 2))
    iterator = iter(articles)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(options,)) as pool:
        while batch := list(islice(iterator, workers * 8)):
            yield from pool.map(_work, batch, chunksize=2)


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
