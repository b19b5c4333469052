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
from typing import TYPE_CHECKING, Any

from .errors import FrontlinesError, MalformedRecordError
from .records import EXTRACTABLE_ROLES, Article, Claim, Cleaned, Failure, Mention, Segment
from .registry import ClaimFinder, PlaceFinder, extractors, resolvers

if TYPE_CHECKING:
    from spacy.language import Language

    from .clean.outlets import OutletRegistry
    from .derive.facts import ActorSpan
    from .extract.claims import ClaimExtractor
    from .ingest.readers import ReadOptions
    from .kb import KnowledgeBase
    from .records import ControlPeriod, Siege, TerritorialFact
    from .resolve.actors import ActorDictionary
    from .resolve.claims import ClaimResolver
    from .resolve.places import PlaceResolver
    from .store.protocol import Store

Progress = Callable[[str], None]
#: what codes a stream of articles: DocResult or Failure for each, in input order
Mapper = Callable[[Iterable[Article], Any], Iterator[Any]]
#: documents written to the store in one transaction
STORE_BATCH = 64


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

    @property
    def all_failed(self) -> bool:
        """Every input failed: nothing was coded, unchanged or a duplicate, and something failed."""
        return self.failures > 0 and not (self.processed or self.unchanged or self.duplicates)

    def describe(self) -> str:
        """The run in one line, as ``frontlines run`` prints it."""
        return (f"{self.documents} documents ({self.processed} coded, {self.unchanged} unchanged, "
                f"{self.duplicates} duplicates), {self.claims} claims, {self.events} events "
                f"({self.happened} happened), {self.failures} failures")


class Resources:
    """The stage objects of a run, built from one knowledge base (the packaged one by default)
    on first use; ``gazetteer_path`` overrides the knowledge base's gazetteer."""

    def __init__(self, kb: KnowledgeBase | None = None, gazetteer_path: Path | None = None, *,
                 extractor: str = "rules", resolver: str = "gazetteer") -> None:
        from .kb import load_kb

        self.kb = kb if kb is not None else load_kb()
        self._gazetteer_path = gazetteer_path or self.kb.gazetteer
        self._names = {"extractor": extractor, "places": resolver}
        self._nlp: Language | None = None
        self._places: PlaceFinder | None = None
        self._extractor: ClaimFinder | None = None
        self._claim_resolver: ClaimResolver | None = None

    @property
    def nlp(self) -> Language:
        from .extract.nlp import load_nlp

        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    @property
    def gazetteer_path(self) -> Path | None:
        return self._gazetteer_path

    @property
    def places(self) -> PlaceFinder:
        """The place resolver named by the run's options (``resolvers`` registry)."""
        if self._places is None:
            self._places = resolvers.get(self._names["places"])(self)
        return self._places

    @property
    def extractor(self) -> ClaimFinder:
        """The claim extractor named by the run's options (``extractors`` registry)."""
        if self._extractor is None:
            self._extractor = extractors.get(self._names["extractor"])(self)
        return self._extractor

    @property
    def claim_resolver(self) -> ClaimResolver:
        from .resolve.claims import ClaimResolver

        if self._claim_resolver is None:
            self._claim_resolver = ClaimResolver(self.kb.actors, self.kb.country,
                                                 self.kb.territory.control.allied)
        return self._claim_resolver


@resolvers.register("gazetteer")
def gazetteer_resolver(resources: Resources) -> PlaceResolver:
    """The rule-based place resolver over the packaged (or given) SQLite gazetteer."""
    from .resolve.gazetteer import SqliteGazetteer
    from .resolve.places import PlaceResolver

    return PlaceResolver(SqliteGazetteer(resources.gazetteer_path), resources.kb)


@extractors.register("rules")
def rules_extractor(resources: Resources) -> ClaimExtractor:
    """The rule-based claim extractor (trigger lexicon, status cues, dependency parse)."""
    from .extract.claims import ClaimExtractor

    return ClaimExtractor(resources.kb, nlp=resources.nlp)


def clean(article: Article, kb: KnowledgeBase) -> Cleaned:
    from .clean import clean_article
    from .ingest.metadata import infer_metadata

    cleaned = clean_article(article, kb)
    return Cleaned(infer_metadata(cleaned.article, cleaned.segments, kb), cleaned.segments)


def process_article(article: Article, resources: Resources) -> DocResult:
    """Run the per-document stages on one article (it may raise FrontlinesError)."""
    prepared = _prepare(article, resources)
    if isinstance(prepared, DocResult):
        return prepared
    cleaned, mentions = prepared
    return _finish(cleaned, mentions, resources.extractor.extract(cleaned, mentions), resources)


def _prepare(article: Article, resources: Resources) -> DocResult | tuple[Cleaned, list[Mention]]:
    """Clean an article and find its places; a duplicate is done here."""
    cleaned = clean(article, resources.kb)
    article = cleaned.article
    if article.duplicate_of:
        return DocResult(article, cleaned.segments, (), ())
    spans = [(s.start, s.end) for s in cleaned.segments if s.role in EXTRACTABLE_ROLES]
    return cleaned, resources.places.find(article.text, article.id, spans)


def _finish(cleaned: Cleaned, mentions: list[Mention], claims: list[Claim], resources: Resources) -> DocResult:
    """Resolve an article's claims and mark the mentions that locate them."""
    article = cleaned.article
    claims = resources.claim_resolver.resolve(claims, article)
    located = {(c.location.start, c.location.end) for c in claims if c.location}
    sid = article.source_id
    mentions = [replace(m, role="event location" if (m.start, m.end) in located else m.role, source_id=sid)
                for m in mentions]
    claims = [_with_source(c, sid) for c in claims]
    return DocResult(article, cleaned.segments, tuple(mentions), tuple(claims))


def _with_source(claim: Claim, source_id: str | None) -> Claim:
    location = replace(claim.location, source_id=source_id) if claim.location else None
    return replace(claim, source_id=source_id, location=location)


def _failure(article: Article, exc: BaseException) -> Failure:
    if isinstance(exc, FrontlinesError):
        return Failure(source=article.source, stage="process", error=exc.code, message=exc.message,
                       doc_id=article.id)
    # a bug in a stage must not sink the batch; it is recorded
    return Failure(source=article.source, stage="process", error=type(exc).__name__,
                   message=f"internal error: {exc}", doc_id=article.id)


def safe_process(article: Article, resources: Resources) -> DocResult | Failure:
    """``process_article`` that turns any error into a Failure record naming the document."""
    try:
        return process_article(article, resources)
    except Exception as exc:
        return _failure(article, exc)


def process_batch(articles: Sequence[Article], resources: Resources) -> list[DocResult | Failure]:
    """``safe_process`` over several articles, with one parse (``nlp.pipe``) across all of them
    when the extractor can parse in batches; results in input order."""
    extractor = resources.extractor
    if len(articles) < 2 or not hasattr(extractor, "extract_many"):
        return [safe_process(a, resources) for a in articles]
    out: list[DocResult | Failure | None] = [None] * len(articles)
    todo: list[tuple[int, Cleaned, list[Mention]]] = []
    for i, article in enumerate(articles):
        try:
            prepared = _prepare(article, resources)
        except Exception as exc:
            out[i] = _failure(article, exc)
            continue
        if isinstance(prepared, DocResult):
            out[i] = prepared
        else:
            todo.append((i, *prepared))
    try:
        extracted = extractor.extract_many([(c, m) for _, c, m in todo])
    except Exception:  # the batch parse failed: each document on its own, to find the culprit
        extracted = None
    for k, (i, cleaned, mentions) in enumerate(todo):
        try:
            claims = extracted[k] if extracted is not None else extractor.extract(cleaned, mentions)
            if isinstance(claims, Exception):
                raise claims
            out[i] = _finish(cleaned, mentions, claims, resources)
        except Exception as exc:
            out[i] = _failure(articles[i], exc)
    return [r for r in out if r is not None]


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a run is carried out: the engine, workers, re-coding, and which registered
    components do the work (``extractor`` in ``extractors``, ``resolver`` in ``resolvers``).
    ``kb`` is the knowledge base the stages use (None: the packaged one)."""

    engine: str = "auto"
    workers: int | None = None
    force: bool = False
    gazetteer: Path | None = None
    extractor: str = "rules"
    resolver: str = "gazetteer"
    kb: KnowledgeBase | None = None  # None: the packaged knowledge base
    #: where a cluster engine runs (Ray: ``ray://head:10001`` or ``auto``); None: a local instance
    address: str | None = None


def resources_for(options: RunOptions) -> Resources:
    """The resources a run's options ask for (each engine worker builds its own)."""
    return Resources(options.kb, options.gazetteer, extractor=options.extractor, resolver=options.resolver)


def _new_articles(items: Iterable[Article | Failure], store: Store, summary: RunSummary,
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


def _source_of(doc_id: str, coded: dict[str, str], store: Store) -> str | None:
    """The source of an article of this run, or of one stored before it began."""
    return coded[doc_id] if doc_id in coded else store.source_of(doc_id)


def _record_failure(store: Store, summary: RunSummary, failure: Failure) -> None:
    summary.failures += 1
    from .errors import shown

    summary.failure_messages.append(f"{shown(failure.source)}: {failure.message} [{failure.error}]")
    store.save_failure(failure)


def run(inputs: Sequence[Path], store: Store, *, manifest: Path | None = None,
        options: RunOptions | None = None, progress: Progress | None = None,
        read_options: ReadOptions | None = None, kb: KnowledgeBase | None = None) -> RunSummary:
    """Ingest, process and store every document of ``inputs``, then fuse and derive
    (with the knowledge base ``kb``; None: ``options.kb``, else the packaged one)."""
    from .ingest.readers import read_inputs
    from .scale.runlock import database_files

    items = read_inputs(inputs, manifest=manifest, options=read_options,
                        skip=database_files(getattr(store, "path", None)))
    return run_documents(items, store, options=options, progress=progress, kb=kb)


def run_documents(items: Iterable[Article | Failure], store: Store, *, options: RunOptions | None = None,
                  progress: Progress | None = None, kb: KnowledgeBase | None = None,
                  mapper: Mapper | None = None) -> RunSummary:
    """Process and store already-read documents (failures are stored as they come), then fuse
    and derive.  Events are re-fused whenever something was coded or the store holds claims
    that were never fused (a run interrupted before its end).  ``mapper`` codes the new
    articles (default: the engine the options name; ``frontlines load`` hands in results
    coded elsewhere).

    One run writes to a database at a time (``scale.runlock``; a store with a ``run_lock`` of
    its own, such as PostgreSQL's, uses that): a second run on the same database waits for the
    first, then sees everything it stored."""
    from .scale.runlock import run_lock

    lock = store.run_lock() if hasattr(store, "run_lock") else run_lock(getattr(store, "path", None))
    with lock:
        return _run_documents(items, store, options=options, progress=progress, kb=kb, mapper=mapper)


def _run_documents(items: Iterable[Article | Failure], store: Store, *, options: RunOptions | None = None,
                   progress: Progress | None = None, kb: KnowledgeBase | None = None,
                   mapper: Mapper | None = None) -> RunSummary:
    from .kb import load_kb
    from .registry import load_builtins
    from .scale.engines import batches, map_documents

    load_builtins()
    options = options or RunOptions()
    options = replace(options, kb=kb or options.kb or load_kb())
    code = mapper or map_documents
    tick = progress or (lambda _source: None)
    summary = RunSummary()
    signatures: dict[str, str] = {}
    articles = _new_articles(items, store, summary, options.force, tick, signatures)
    coded: list[str] = []  # documents stored by this run: fusion starts from their claims
    try:
        for chunk in batches(code(articles, options), STORE_BATCH):
            with store.batch():  # one transaction per chunk of documents, not one per document
                for result in chunk:
                    if isinstance(result, Failure):
                        _record_failure(store, summary, result)
                    else:
                        store.save_document(result.article, result.segments, result.mentions, result.claims)
                        store.set_minhash(result.article.id, signatures.pop(result.article.id, None))
                        coded.append(result.article.id)
                        summary.processed += 1
                        summary.claims += len({c.id for c in result.claims})  # what the store keeps
            for result in chunk:
                tick(result.source if isinstance(result, Failure) else result.article.source)
    except BrokenProcessPool:
        refuse(store, summary, options.kb, changed=coded)  # what was stored stays usable
        raise FrontlinesError(f"a worker process died (out of memory?) after {summary.processed} documents; "
                              "run again to go on (stored documents are skipped) or use --engine serial") from None
    counts = store.counts()
    if summary.processed or not counts["events"] or store.needs_fusing():
        refuse(store, summary, options.kb, changed=coded)
    else:  # nothing new was coded: the events stand as they are
        summary.events, summary.happened = counts["events"], counts["happened"]
    return summary


def count_documents(inputs: Sequence[Path]) -> int:
    """About how many documents ``inputs`` hold (a corpus counts its non-blank lines), for
    progress bars; unreadable inputs count as one (they will be one failure)."""
    from .ingest import archives  # noqa: F401 - registers the WARC and feed readers
    from .ingest.readers import iter_files, reader_for

    total = 0
    for given in inputs:
        paths = list(iter_files(given)) if given.is_dir() else [given]
        for path in paths:
            try:
                if reader_for(path) in {"jsonl", "csv"} and path.is_file():
                    with path.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                    continue
            except OSError:
                pass  # the reader will report it, as a failure of that input
            total += 1
    return total


def _registry_side(registry: OutletRegistry, name: str | None) -> str | None:
    outlet = registry.lookup(name) if name else None
    dated = sorted((s.as_of, s.side) for s in outlet.statements if s.side) if outlet else []
    return dated[-1][1] if dated else None


def outlet_sides(outlets: dict[str, str | None], registry: OutletRegistry) -> dict[str, str | None]:
    """Document id → the side its outlet is documented to favour (latest dated statement)."""
    return {doc_id: _registry_side(registry, name) for doc_id, name in outlets.items()}


def refuse(store: Store, summary: RunSummary | None = None, kb: KnowledgeBase | None = None, *,
           changed: Sequence[str] | None = None) -> RunSummary:
    """Re-fuse every stored claim into events and re-derive control periods (outlet sides from
    ``kb``, the packaged knowledge base by default).  Given ``changed`` (the documents coded
    since the events were fused), only the events that their claims, and claims never fused,
    can touch are clustered again (``fuse.incremental``), with the same result."""
    from .fuse import fuse_claims
    from .fuse.incremental import refuse_claims
    from .kb import load_kb

    summary = summary or RunSummary()
    kb = kb if kb is not None else load_kb()  # loaded once, for the outlets and the situation
    version = store.write_version()
    outlets = store.outlets()
    sides = outlet_sides(outlets, kb.outlets)
    claims = store.claims()  # read once, for fusion and the situation
    if changed is not None and store.counts()["events"]:
        events = refuse_claims(claims, store.events(), changed, outlets, outlet_sides=sides).events
    else:
        events = fuse_claims(claims, outlets, outlet_sides=sides)
    facts, periods, sieges = situation(store, kb, claims=claims)
    store.replace_events(events, periods, fused_version=version)
    store.replace_situation(facts, sieges)
    summary.events = len(events)
    summary.happened = sum(1 for e in events if e.happened)
    return summary


def repair(store: Store, kb: KnowledgeBase | None = None) -> list[str]:
    """Put right what an interrupted run can leave: rows of no stored document, and claims
    that were never fused into events.  Returns what was done, one line each."""
    done: list[str] = []
    removed = store.remove_orphans()
    if removed:
        done.append(f"removed {removed} orphaned rows")
    if store.needs_fusing():
        summary = refuse(store, kb=kb)
        done.append(f"re-fused the claims into {summary.events} events")
    return done


# -- the situation picture (derive): territorial facts, control periods, sieges ---------------
def actor_finder(actors: ActorDictionary) -> Callable[[str], list[ActorSpan]]:
    """Named actors, and generic words with a known side ("government-held"), in a sentence."""
    from .derive.facts import ActorSpan

    def find(text: str) -> list[ActorSpan]:
        found = []
        for start, end in actors.find_spans(text):
            actor = actors.lookup(text[start:end])
            generic = None if actor else actors.generic_class(text[start:end])
            if actor is None and generic and generic[1]:
                actor = actors.actors.get(generic[1])
            if actor is not None:
                found.append(ActorSpan(start, end, actor.name, actor.side))
        return found

    return find


def _named_source(registry: OutletRegistry, name: str) -> tuple[str, str | None] | None:
    """A source named in a claim ("the Al-Masdar news agency") as a registry outlet."""
    outlet = registry.lookup(name) or next((o for _, o in registry.find_in_text(name)), None)
    return (outlet.name, _registry_side(registry, outlet.name)) if outlet else None


def _statement_sentences(store: Store, claims: Sequence[Claim], places: Sequence[Mention],
                         kb: KnowledgeBase) -> list[Claim]:
    """The body sentences of no claim that may state who holds a place they name (read for
    control statements only)."""
    from .derive.statements import control_cue, statement_sentences

    by_doc: dict[str, list[Mention]] = {}
    for mention in places:
        if mention.place is not None:
            by_doc.setdefault(mention.doc_id, []).append(mention)
    of_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        of_doc.setdefault(claim.doc_id, []).append(claim)
    cue, out = control_cue(kb.territory), []
    for doc_id in sorted(by_doc):
        article = store.article(doc_id)
        if article is None or not cue.search(article.text):
            continue
        spans = [(g.start, g.end) for g in store.segments(doc_id) if g.role in EXTRACTABLE_ROLES]
        out += statement_sentences(doc_id, article.text, spans, of_doc.get(doc_id, ()), by_doc[doc_id],
                                   cue, source_id=by_doc[doc_id][0].source_id)
    return out


def situation(store: Store, kb: KnowledgeBase | None = None, *, claims: Sequence[Claim] | None = None
              ) -> tuple[list[TerritorialFact], list[ControlPeriod], list[Siege]]:
    """Territorial facts, control periods and sieges from the stored claims (or ``claims``, the
    stored claims as the caller already read them) and baselines, with the territorial cues,
    actors and outlets of ``kb`` (the packaged knowledge base by default)."""
    from .derive import derive_control, derive_sieges, extract_facts
    from .derive.facts import SourceInfo
    from .kb import load_kb

    kb = kb if kb is not None else load_kb()
    outlets, published = store.outlets(), store.publication_days()
    sides = outlet_sides(outlets, kb.outlets)
    sources = {doc_id: SourceInfo(outlet, sides.get(doc_id), published.get(doc_id))
               for doc_id, outlet in outlets.items()}
    claims = store.claims() if claims is None else claims
    places = store.mentions("place")
    claims = [*claims, *_statement_sentences(store, claims, places, kb)]
    facts = extract_facts(claims, places, kb.territory, sources=sources,
                          find_actors=actor_finder(kb.actors), source_of=lambda name: _named_source(kb.outlets, name))
    return facts, derive_control(facts, store.control_imports(), rules=kb.territory.control), derive_sieges(facts)


def rederive_control(store: Store, kb: KnowledgeBase | None = None) -> list[ControlPeriod]:
    """Control periods again from the stored facts and baselines (after ``control import``), with
    the control rules of ``kb`` (default: the packaged ones)."""
    from .derive import derive_control

    periods = derive_control(store.territorial_facts(), store.control_imports(),
                             rules=kb.territory.control if kb is not None else None)
    store.replace_control(periods)
    return periods
