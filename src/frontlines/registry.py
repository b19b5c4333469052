"""Named registries for the pluggable parts (readers, cleaners, stores, engines...).

Built-in parts register themselves exactly as an outside package would::

    from frontlines.registry import readers

    @readers.register("warc")
    def read_warc(path): ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from .errors import ConfigError

if TYPE_CHECKING:
    from .export.writers import Context
    from .ingest.readers import ReadOptions
    from .kb import KnowledgeBase
    from .pipeline import DocResult, Resources, RunOptions
    from .records import Article, Claim, Cleaned, Failure, Mention
    from .resolve.gazetteer import Gazetteer
    from .store.protocol import Store

T = TypeVar("T")


class Registry(Generic[T]):
    """A name → factory mapping for one kind of component."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}
        self._info: dict[str, dict[str, Any]] = {}

    def register(self, name: str, **info: Any) -> Callable[[T], T]:
        """Register under ``name``; ``info`` is what callers may ask of it (a reader's
        ``suffixes`` and ``sniff``, for instance), returned by :meth:`info`."""

        def decorate(obj: T) -> T:
            if name in self._items and self._items[name] is not obj:
                raise ConfigError(f"{self.kind} {name!r} is already registered")
            self._items[name] = obj
            self._info[name] = dict(info)
            return obj

        return decorate

    def info(self, name: str) -> dict[str, Any]:
        """What ``name`` was registered with (empty when nothing)."""
        self.get(name)
        return dict(self._info.get(name, {}))

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise ConfigError(f"unknown {self.kind} {name!r}; known: {known}") from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())


# --- what each kind of part is: the contract a built-in or a plugin's part meets -----------------


class Reader(Protocol):
    """Reads one input file: its documents, and a Failure for each it cannot read.
    ``manifest`` maps a file name or document id to the metadata given for it."""

    def __call__(self, path: Path, options: ReadOptions, manifest: dict[str, dict[str, object]],
                 /) -> Iterator[Article | Failure]: ...


class Cleaner(Protocol):
    """Segments an article (and fills the metadata it can infer)."""

    def __call__(self, article: Article, kb: KnowledgeBase, /) -> Cleaned: ...


class PlaceFinder(Protocol):
    """A place resolver: the place mentions of ``text`` inside ``spans`` (character ranges)."""

    def find(self, text: str, doc_id: str, spans: list[tuple[int, int]], /) -> list[Mention]: ...


class ClaimFinder(Protocol):
    """A claim extractor: the claims of a cleaned article, given its place mentions."""

    def extract(self, cleaned: Cleaned, places: Sequence[Mention], /) -> list[Claim]: ...


class StoreFactory(Protocol):
    """Opens the store at ``target`` (what :func:`frontlines.store.store_kind` hands it)."""

    def __call__(self, target: str, /, *, readonly: bool = False) -> Store: ...


class Exporter(Protocol):
    """Writes one export format of a store's context to a binary stream; returns the rows written."""

    def __call__(self, ctx: Context, stream: IO[bytes], /) -> int: ...


class Engine(Protocol):
    """Maps the per-document stages over articles, results in input order."""

    def __call__(self, articles: Iterable[Article], options: RunOptions, /) -> Iterator[DocResult | Failure]: ...


#: input readers, each registered with the ``suffixes`` it reads (and an optional ``sniff(path)``)
readers: Registry[Reader] = Registry("reader")
cleaners: Registry[Cleaner] = Registry("cleaner")
#: claim extractors: factories called with the run's ``Resources``
extractors: Registry[Callable[[Resources], ClaimFinder]] = Registry("extractor")
#: gazetteers (place-name lookup backends); their constructors differ (a path, a list of places...)
geocoders: Registry[Callable[..., Gazetteer]] = Registry("geocoder")
#: place resolvers: factories called with the run's ``Resources``
resolvers: Registry[Callable[[Resources], PlaceFinder]] = Registry("place resolver")
#: stores: factories called with a target and ``readonly=``
stores: Registry[StoreFactory] = Registry("store")
exporters: Registry[Exporter] = Registry("exporter")
engines: Registry[Engine] = Registry("engine")


#: modules whose import registers the built-in parts
BUILTIN_MODULES = (
    "frontlines.ingest.readers",
    "frontlines.ingest.archives",
    "frontlines.clean.segmenter",
    "frontlines.extract.claims",
    "frontlines.resolve.gazetteer",
    "frontlines.store.sqlite",
    "frontlines.store.memory",
    "frontlines.store.postgres",
    "frontlines.pipeline",
    "frontlines.export.writers",
    "frontlines.scale.engines",
    "frontlines.scale.parquet",
    "frontlines.scale.cluster",
)

#: entry-point group through which outside packages register their parts
PLUGIN_GROUP = "frontlines.plugins"


_plugins_loaded: list[str] = []  # names of the entry points loaded in this process


def load_builtins(*, plugins: bool = True) -> None:
    """Import the built-in parts (and, once per process, the installed plugins) so that every
    registry is filled.  The CLI and the public API call it; a plugin is a package that
    declares an entry point in the ``frontlines.plugins`` group whose import registers parts."""
    import importlib
    from importlib.metadata import entry_points

    for module in BUILTIN_MODULES:
        importlib.import_module(module)
    if not plugins or _plugins_loaded:
        return
    for entry in entry_points(group=PLUGIN_GROUP):
        try:
            entry.load()
        except Exception as exc:  # a broken plugin is named, not a traceback
            raise ConfigError(f"plugin {entry.name!r} ({entry.value}) failed to load: {exc}") from None
        _plugins_loaded.append(entry.name)
    _plugins_loaded.append("")  # loaded, even when there were none
