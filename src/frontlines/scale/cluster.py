"""The cluster engine on Ray: the same stage functions, on the nodes of a Ray cluster.

Two ways to use it:

- ``frontlines run INPUTS --engine ray --db DB``: the run reads its inputs and sends batches
  of articles to Ray workers (each builds its resources once); results come back in input
  order and are stored as a local run stores them.
- ``frontlines code SHARDS --engine ray --out DIR`` then ``frontlines load DIR --db DB``:
  each shard (a JSON Lines, CSV or Parquet corpus file, or any input file) is read and coded
  by one Ray task; the results are written as Parquet partitions (``scale.parquet``) that
  ``load`` merges into a store (near-duplicates, re-runs and fusion as in a local run).

The cluster is ``RunOptions.address`` (``ray://head:10001``, ``auto``), or Ray's own
``RAY_ADDRESS``; without either a local Ray instance is started for the run and stopped after.
Every node needs frontlines installed (with the same version).  Needs the ``ray`` extra.
"""

from __future__ import annotations

import contextlib
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from ..records import Article, Failure
from ..registry import engines
from .parquet import ShardRows

#: articles per Ray task in ``--engine ray`` runs, and tasks in flight per worker
BATCH = 16
IN_FLIGHT = 2

_cache: dict[bytes, Any] = {}  # per Ray worker process: resources by the options that built them


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError("the ray engine needs Ray: pip install 'frontlines[ray]'") from None
    return ray


@contextlib.contextmanager
def connected(options: Any) -> Iterator[Any]:
    """Ray, connected to ``options.address`` (or RAY_ADDRESS, or a local instance started here
    with ``options.workers`` CPUs and stopped on leaving)."""
    import logging

    ray = _ray()
    if ray.is_initialized():
        yield ray
        return
    local = {"num_cpus": options.workers} if options.workers and not options.address else {}
    try:
        ray.init(address=options.address, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.WARNING, configure_logging=True, **local)
    except ConnectionError as exc:
        raise ConfigError(f"cannot reach the Ray cluster at {options.address or 'RAY_ADDRESS'} ({exc})") from None
    try:
        yield ray
    finally:
        ray.shutdown()


def _resources(options: Any) -> Any:
    from ..pipeline import resources_for

    key = pickle.dumps(options)
    if key not in _cache:
        _cache.clear()
        _cache[key] = resources_for(options)
    return _cache[key]


def code_batch(articles: Sequence[Article], options: Any) -> list[Any]:
    """The per-document stages over a batch (on a Ray worker): DocResult or Failure each."""
    from ..pipeline import safe_process

    resources = _resources(options)
    return [safe_process(article, resources) for article in articles]


@engines.register("ray")
def ray_engine(articles: Iterable[Article], options: Any) -> Iterator[Any]:
    """Code articles on Ray workers, in batches; results in input order."""
    with connected(options) as ray:
        task = ray.remote(code_batch)
        slots = max(1, int(ray.available_resources().get("CPU", 1))) * IN_FLIGHT
        iterator = iter(articles)
        pending: deque[Any] = deque()
        try:
            while batch := list(islice(iterator, BATCH)):
                pending.append(task.remote(batch, options))
                if len(pending) >= slots:
                    yield from ray.get(pending.popleft())
            while pending:
                yield from ray.get(pending.popleft())
        finally:
            for ref in pending:  # a stopped run leaves no work behind
                ray.cancel(ref, force=True)


@dataclass(frozen=True, slots=True)
class Shard:
    """One input file to code as a unit, and the input it was found under (for source ids)."""

    index: int
    path: Path
    given: Path


def shards_of(inputs: Sequence[Path]) -> list[Shard]:
    """Every input file, in the order a local run reads them (a folder's files in its order)."""
    from ..ingest.readers import iter_files

    found: list[Shard] = []
    for given in inputs:
        if not given.exists():
            raise InputError("no such file or folder", source=str(given))
        for path in iter_files(given) if given.is_dir() else [given]:
            found.append(Shard(len(found), path, given))
    return found


def code_shard(shard: Shard, options: Any, read_options: Any = None) -> ShardRows:
    """Read one shard and code its documents (on a Ray worker, or here)."""
    from ..ingest.readers import ReadOptions, _read_one, _with_source_id
    from ..pipeline import safe_process

    resources = _resources(options)
    found = ShardRows(shard.index)
    items = _read_one(shard.path, read_options or ReadOptions(), {})
    for position, item in enumerate(items):
        item = _with_source_id(item, shard.path, shard.given)
        found.add(position, item, None if isinstance(item, Failure) else safe_process(item, resources))
    return found


@dataclass(slots=True)
class CodeSummary:
    """What ``frontlines code`` did: shards, documents coded, failures."""

    shards: int = 0
    documents: int = 0
    failures: int = 0

    def describe(self) -> str:
        return f"{self.shards} shards, {self.documents} documents, {self.failures} failures"


def code_to_parquet(inputs: Sequence[Path], out: Path, options: Any, *, read_options: Any = None,
                    progress: Callable[[Shard], None] | None = None) -> CodeSummary:
    """Code every shard of ``inputs`` (on Ray with ``options.engine == "ray"``, else here, one
    after another) and write its results under ``out``; the shards finish in any order."""
    shards = shards_of(inputs)
    summary = CodeSummary()
    for stale in out.glob("*/shard-*.parquet"):  # a results folder holds one coding's shards only
        stale.unlink()

    def done(found: ShardRows, shard: Shard) -> None:
        found.write(out)
        summary.shards += 1
        summary.documents += len(found.tables["documents"])
        summary.failures += len(found.tables["failures"])
        if progress:
            progress(shard)

    if options.engine != "ray":
        for shard in shards:
            done(code_shard(shard, options, read_options), shard)
        return summary
    with connected(options) as ray:
        task = ray.remote(code_shard)
        refs = {task.remote(shard, options, read_options): shard for shard in shards}
        while refs:
            ready, _ = ray.wait(list(refs), num_returns=1)
            shard = refs.pop(ready[0])
            done(ray.get(ready[0]), shard)
    return summary
