"""Parquet in and out for the cluster path.

In: article shards as Parquet files with the JSON Lines corpus columns (``id``, ``text`` or
``html``, ``title``, ``url``, ``outlet``, ``author``, ``published``), read by the ``parquet``
reader.

Out: what coding a shard produced, as partitions of a results folder that ``frontlines load``
merges into a store::

    DIR/documents/shard-00000.parquet   one row per document read (the store's article columns,
                                        plus shard, position and whether coding it failed)
    DIR/segments/...  DIR/mentions/...  DIR/claims/...   the store's columns, per document
    DIR/failures/...                    documents that could not be read or coded

Rows are the store's own (``frontlines.store.rows``), so a partition holds exactly what the
store would.  Needs pyarrow (the ``parquet`` extra).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError, FrontlinesError, InputError, MalformedRecordError
from ..records import Article, Failure
from ..registry import readers
from ..store import rows

TABLES = ("documents", "segments", "mentions", "claims", "failures")


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("Parquet needs pyarrow: pip install 'frontlines[parquet]'") from None
    return pa, pq


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


@readers.register("parquet", suffixes=(".parquet",))
def read_parquet(path: Path, options: Any, manifest: Mapping[str, Any]) -> Iterator[Article | Failure]:
    """A Parquet corpus shard: one row per document, the JSON Lines corpus columns."""
    from ..ingest.readers import _corpus_row

    _, pq = _pyarrow()
    try:
        shard = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow's own errors: not a Parquet file, truncated...
        raise InputError(f"not a readable Parquet file ({' '.join(str(exc).split())[:200]})",
                         source=str(path)) from None
    number = 0
    for batch in shard.iter_batches(batch_size=256):
        for row in batch.to_pylist():
            number += 1
            source = str(row.get("id") or f"{path}:{number}")
            try:
                yield _corpus_row({k: _plain(v) for k, v in row.items()}, source)
            except FrontlinesError as exc:
                yield Failure(source=source, stage="ingest", error=exc.code, message=exc.message)


@dataclass(slots=True)
class ShardRows:
    """The rows of one coded shard, table by table."""

    shard: int
    tables: dict[str, list[rows.Row]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def add(self, position: int, item: Article | Failure, result: Any) -> None:
        """One item read from the shard and what coding it gave (None for a read failure)."""
        where = {"shard": self.shard, "position": position}
        if isinstance(item, Failure):
            self.tables["failures"].append({**where, "read": True, **rows.failure_row(item)})
            return
        if isinstance(result, Failure):
            self.tables["failures"].append({**where, "read": False, **rows.failure_row(result)})
            self.tables["documents"].append({**where, "failed": True, **_article(item)})
            return
        self.tables["documents"].append({**where, "failed": False, **_article(result.article)})
        self.tables["segments"] += [rows.segment_row(s) for s in result.segments]
        self.tables["mentions"] += [rows.mention_row(m) for m in result.mentions]
        self.tables["claims"] += [rows.claim_row(c) for c in result.claims]

    def write(self, directory: Path) -> None:
        """Write each table of the shard as ``DIR/<table>/shard-NNNNN.parquet`` (replacing it)."""
        pa, pq = _pyarrow()
        for table, found in self.tables.items():
            folder = directory / table
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"shard-{self.shard:05}.parquet"
            partial = target.with_suffix(".parquet.partial")
            pq.write_table(pa.Table.from_pylist(found, schema=_schema(pa, table, found)), partial)
            partial.replace(target)  # a partition is there whole or not at all


def _article(article: Article) -> rows.Row:
    row = rows.article_row(article, ingested_at="")
    del row["ingested_at"]
    return row


def _schema(pa: Any, table: str, found: list[rows.Row]) -> Any:
    """Columns typed from the rows (an empty or all-null column is a string column)."""
    if not found:
        return pa.schema([("shard", pa.int64()), ("position", pa.int64())])
    names = list(dict.fromkeys(k for r in found for k in r))
    inferred = pa.Table.from_pylist(found).schema
    return pa.schema([(n, pa.string() if inferred.field(n).type == pa.null() else inferred.field(n).type)
                      for n in names])


@dataclass(frozen=True, slots=True)
class Results:
    """A results folder read back: the items in reading order and what coding each gave."""

    items: list[Article | Failure]
    coded: dict[str, Any]  # document id → DocResult or Failure


def _table(directory: Path, table: str) -> list[rows.Row]:
    _, pq = _pyarrow()
    found: list[rows.Row] = []
    for part in sorted((directory / table).glob("shard-*.parquet")):
        found += pq.read_table(part).to_pylist()
    return found


def read_results(directory: Path) -> Results:
    """Read a results folder written by :meth:`ShardRows.write` (shards in order)."""
    from ..pipeline import DocResult

    if not (directory / "documents").is_dir():
        raise InputError("not a results folder (no documents/ partitions)", source=str(directory))
    by_doc: dict[str, dict[str, list[rows.Row]]] = {}
    for table in ("segments", "mentions", "claims"):
        for row in _table(directory, table):
            by_doc.setdefault(row["doc_id"], {}).setdefault(table, []).append(row)
    ordered: list[tuple[int, int, Article | Failure]] = []
    failed: dict[str, Failure] = {}
    for row in _table(directory, "failures"):
        failure = rows.row_failure({**row, "at": row.get("at")})
        if row["read"]:
            ordered.append((row["shard"], row["position"], failure))
        elif failure.doc_id:
            failed[failure.doc_id] = failure
    coded: dict[str, Any] = {}
    for row in _table(directory, "documents"):
        try:
            article = rows.row_article({**row, "text": row["text"]})
        except (KeyError, ValueError) as exc:
            raise MalformedRecordError(f"a documents row cannot be read ({exc})", source=str(directory)) from None
        ordered.append((row["shard"], row["position"], article))
        if row["failed"]:
            coded.setdefault(article.id, failed.get(article.id) or Failure(
                source=article.source, stage="process", error="FL000", message="coding failed", doc_id=article.id))
            continue
        parts = by_doc.get(article.id, {})
        coded.setdefault(article.id, DocResult(
            article, tuple(rows.row_segment(r) for r in parts.get("segments", ())),
            tuple(rows.row_mention(r) for r in parts.get("mentions", ())),
            tuple(rows.row_claim(r) for r in parts.get("claims", ()))))
    ordered.sort(key=lambda t: (t[0], t[1]))
    return Results([item for _, _, item in ordered], coded)


def replay(results: Results) -> Any:
    """A mapper (see ``pipeline.run_documents``) that hands back what was coded elsewhere; a
    document found to be a near-duplicate at loading keeps its segments and loses its claims,
    as a local run codes it."""
    from ..pipeline import DocResult

    def mapper(articles: Iterable[Article], _options: Any) -> Iterator[Any]:
        for article in articles:
            result = results.coded[article.id]
            if article.duplicate_of and isinstance(result, DocResult):
                result = DocResult(replace(result.article, duplicate_of=article.duplicate_of), result.segments, (), ())
            yield result

    return mapper


def load_results(directory: Path, store: Any, *, options: Any = None, progress: Any = None) -> Any:
    """Merge a results folder into ``store`` as a local run of the same inputs would have
    stored them (new documents only, near-duplicates linked, then fusion); a RunSummary."""
    from ..pipeline import run_documents

    results = read_results(directory)
    return run_documents(results.items, store, options=options, progress=progress, mapper=replay(results))
