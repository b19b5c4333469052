"""The pipeline: the only module that knows the order of the stages.

    ingest → clean → (places) → extract → resolve → store → fuse → derive

Stages never import each other; this module wires them.  A document that fails in
any stage becomes a ``Failure`` record and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import FrontlinesError, MalformedRecordError
from .records import EXTRACTABLE_ROLES, Article, Claim, Cleaned, Failure, Mention, Segment

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything the per-document stages produced for one article."""

    article: Article
    segments: tuple[Segment, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]


@dataclass(slots=True)
class RunSummary:
    """What a run did: counts of documents, claims, events and failures (with their messages)."""

    documents: int = 0
    processed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    claims: int = 0
    events: int = 0
    happened: int = 0
    failures: int = 0
    failure_messages: list[str] = field(default_factory=list)


class Resources:
    """The models and data files the stages are built with, loaded on first use."""

    def __init__(self, gazetteer_path: Path | None = None) -> None:
        self._gazetteer_path = gazetteer_path
        self._cache: dict[str, Any] = {}

    def _get(self, name: str, build: Callable[[], Any]) -> Any:
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    @property
    def nlp(self) -> Any:
        from .extract.nlp import load_nlp

        return self._get("nlp", load_nlp)

    @property
    def places(self) -> Any:
        from .resolve.gazetteer import SqliteGazetteer
        from .resolve.places import PlaceResolver

        return self._get("places", lambda: PlaceResolver(SqliteGazetteer(self._gazetteer_path)))

    @property
    def extractor(self) -> Any:
        from .extract.claims import ClaimExtractor

        return self._get("extractor", lambda: ClaimExtractor(nlp=self.nlp))

    @property
    def claim_resolver(self) -> Any:
        from .resolve.claims import ClaimResolver

        return self._get("claim_resolver", ClaimResolver)


def clean(article: Article) -> Cleaned:
    from .clean import clean_article
    from .ingest.metadata import infer_metadata

    cleaned = clean_article(article)
    return Cleaned(infer_metadata(cleaned.article, cleaned.segments), cleaned.segments)


def process_article(article: Article, resources: Resources) -> DocResult:
    """Run the per-document stages on one article (it may raise FrontlinesError)."""
    cleaned = clean(article)
    article = cleaned.article
    if article.duplicate_of:
        return DocResult(article, cleaned.segments, (), ())
    spans = [(s.start, s.end) for s in cleaned.segments if s.role in EXTRACTABLE_ROLES]
    mentions = resources.places.find(article.text, article.id, spans)
    claims = resources.extractor.extract(cleaned, mentions)
    claims = resources.claim_resolver.resolve(claims, article)
    located = {(c.location.start, c.location.end) for c in claims if c.location}
    mentions = [replace(m, role="event location") if (m.start, m.end) in located else m for m in mentions]
    return DocResult(article, cleaned.segments, tuple(mentions), tuple(claims))


def safe_process(article: Article, resources: Resources) -> DocResult | Failure:
    """``process_article`` that turns any error into a Failure record naming the document."""
    try:
        return process_article(article, resources)
    except FrontlinesError as exc:
        return Failure(source=article.source, stage="process", error=exc.code, message=exc.message,
                       doc_id=article.id)
    except Exception as exc:  # a bug in a stage must not sink the batch; it is recorded
        return Failure(source=article.source, stage="process", error=type(exc).__name__,
                       message=f"internal error: {exc}", doc_id=article.id)


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a run is carried out: the engine ("serial" or "process"), workers, re-coding."""

    engine: str = "auto"
    workers: int | None = None
    force: bool = False
    gazetteer: Path | None = None


def _new_articles(items: Iterable[Article | Failure], store: Any, summary: RunSummary,
                  force: bool, progress: Progress, signatures: dict[str, str]) -> Iterator[Article]:
    """Articles not stored yet, with near-duplicates linked; failures are stored on the way.

    Every decision here depends only on the store as it was when the run began and on the
    input order, never on which documents an engine has saved so far, so the serial and
    process engines give the same answer.  One source id stands for one document in a run:
    a later item with the source of an earlier one but another text is a "duplicate id"
    failure (the first is coded), the same on every re-run."""
    from .errors import shown
    from .ingest.dedupe import NearDuplicateIndex

    index = NearDuplicateIndex()
    for doc_id, signature, text in store.minhashes():
        if signature:  # kept from the run that stored the article: no text to re-read or re-hash
            index.add_stored(doc_id, signature)
        else:
            index.add(doc_id, text)
    seen: set[str] = set()
    coded: dict[str, str] = {}  # id → source of the articles handed on in this run
    first_id: dict[str, str] = {}  # source → id of its first article in this run
    repeats: dict[str, int] = {}
    for item in items:
        summary.documents += 1
        if isinstance(item, Failure):
            _record_failure(store, summary, item)
            progress(item.source)
            continue
        earlier = first_id.setdefault(item.source, item.id)
        if earlier != item.id:
            repeats[item.source] = repeats.get(item.source, 1) + 1
            _record_failure(store, summary, Failure(
                source=f"{item.source} (occurrence {repeats[item.source]})", stage="ingest",
                error=MalformedRecordError.code, doc_id=item.id,
                message=f"duplicate id {shown(item.source)!r}: an earlier document of this run has this id and "
                        "another text; the first is coded, give each document its own id"))
            progress(item.source)
            continue
        stored_as = store.source_of(item.id) if item.id not in seen else None
        if item.id in seen or (stored_as is not None and not force):
            if item.id in seen or stored_as != item.source:
                summary.duplicates += 1  # the same text from another source: stored once
            else:
                summary.unchanged += 1
            progress(item.source)
            continue
        seen.add(item.id)
        duplicate = index.add(item.id, item.text)
        signatures[item.id] = index.stored_form(item.id)
        if duplicate and duplicate != item.id and _source_of(duplicate, coded, store) != item.source:
            summary.duplicates += 1
            item = replace(item, duplicate_of=duplicate)
        coded[item.id] = item.source
        yield item


def _source_of(doc_id: str, coded: dict[str, str], store: Any) -> str | None:
    """The source of an article of this run, or of one stored before it began."""
    return coded[doc_id] if doc_id in coded else store.source_of(doc_id)


def _record_failure(store: Any, summary: RunSummary, failure: Failure) -> None:
    summary.failures += 1
    summary.failure_messages.append(f"{failure.source}: {failure.message} [{failure.error}]")
    store.save_failure(failure)


def run(inputs: Sequence[Path], store: Any, *, manifest: Path | None = None,
        options: RunOptions | None = None, progress: Progress | None = None,
        read_options: Any = None) -> RunSummary:
    """Ingest, process and store every document of ``inputs``, then fuse and derive.

    One run writes to a database at a time (``scale.runlock``): a second run on the same
    database waits for the first, then sees everything it stored."""
    from .scale.runlock import run_lock

    with run_lock(getattr(store, "path", None)):
        return _run(inputs, store, manifest=manifest, options=options, progress=progress,
                    read_options=read_options)


def _run(inputs: Sequence[Path], store: Any, *, manifest: Path | None = None,
         options: RunOptions | None = None, progress: Progress | None = None,
         read_options: Any = None) -> RunSummary:
    from .ingest.readers import read_inputs
    from .scale.engines import map_documents

    options = options or RunOptions()
    tick = progress or (lambda _source: None)
    summary = RunSummary()
    from .scale.runlock import database_files

    items = read_inputs(inputs, manifest=manifest, options=read_options,
                        skip=database_files(getattr(store, "path", None)))
    signatures: dict[str, str] = {}
    articles = _new_articles(items, store, summary, options.force, tick, signatures)
    coded: list[str] = []
    try:
        for result in map_documents(articles, options):
            if isinstance(result, Failure):
                _record_failure(store, summary, result)
            else:
                store.save_document(result.article, result.segments, result.mentions, result.claims)
                store.set_minhash(result.article.id, signatures.pop(result.article.id, None))
                summary.processed += 1
                coded.append(result.article.id)
            tick(result.source if isinstance(result, Failure) else result.article.source)
    except BrokenProcessPool:
        refuse(store, summary)  # what was stored stays usable
        raise FrontlinesError(f"a worker process died (out of memory?) after {summary.processed} documents; "
                              "run again to go on (stored documents are skipped) or use --engine serial") from None
    summary.claims = _stored_claims(store, coded)
    stored_events = store.counts()["events"]
    if summary.processed or not stored_events:
        refuse(store, summary)
    else:  # nothing new was coded: the events stand as they are
        summary.events = stored_events
        summary.happened = store.query("SELECT COUNT(*) FROM events WHERE happened = 1")[0][0]
    return summary


def _stored_claims(store: Any, doc_ids: Sequence[str]) -> int:
    """The claims the store holds for these documents: what a run reports is what was kept."""
    total = 0
    for start in range(0, len(doc_ids), 500):
        chunk = list(doc_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        total += store.query(f"SELECT COUNT(*) FROM claims WHERE doc_id IN ({marks})", chunk)[0][0]
    return total


def outlet_sides(outlets: dict[str, str | None]) -> dict[str, str | None]:
    """Document id → the side its outlet is documented to favour (latest dated statement)."""
    from .clean.outlets import default_registry

    registry = default_registry()
    sides: dict[str, str | None] = {}
    for doc_id, name in outlets.items():
        outlet = registry.lookup(name) if name else None
        dated = sorted((s.as_of, s.side) for s in outlet.statements if s.side) if outlet else []
        sides[doc_id] = dated[-1][1] if dated else None
    return sides


def refuse(store: Any, summary: RunSummary | None = None) -> RunSummary:
    """Re-fuse every stored claim into events and re-derive control periods."""
    from .derive import derive_control
    from .fuse import fuse_claims

    summary = summary or RunSummary()
    outlets = {r[0]: r[1] for r in store.query("SELECT id, outlet FROM articles")}
    events = fuse_claims(store.claims(), outlets, outlet_sides=outlet_sides(outlets))
    store.replace_events(events, derive_control(events))
    summary.events = len(events)
    summary.happened = sum(1 for e in events if e.happened)
    return summary
