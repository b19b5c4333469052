"""Named registries for the pluggable parts (readers, cleaners, stores, engines...).

Built-in parts register themselves exactly as an outside package would::

    from frontlines.registry import readers

    @readers.register("warc")
    def read_warc(path): ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from .errors import ConfigError

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


#: input readers, each registered with the ``suffixes`` it reads (and an optional ``sniff(path)``)
readers: Registry[Callable[..., object]] = Registry("reader")
cleaners: Registry[Callable[..., object]] = Registry("cleaner")
#: claim extractors: factories called with the run's ``Resources``
extractors: Registry[Callable[..., object]] = Registry("extractor")
#: gazetteers (place-name lookup backends)
geocoders: Registry[Callable[..., object]] = Registry("geocoder")
#: place resolvers: factories called with the run's ``Resources``
resolvers: Registry[Callable[..., object]] = Registry("place resolver")
#: stores: factories called with a target and ``readonly=``
stores: Registry[Callable[..., object]] = Registry("store")
exporters: Registry[Callable[..., object]] = Registry("exporter")
engines: Registry[Callable[..., object]] = Registry("engine")


#: modules whose import registers the built-in parts
BUILTIN_MODULES = (
    "frontlines.ingest.readers",
    "frontlines.ingest.archives",
    "frontlines.clean.segmenter",
    "frontlines.extract.claims",
    "frontlines.resolve.gazetteer",
    "frontlines.store.sqlite",
    "frontlines.store.memory",
    "frontlines.pipeline",
    "frontlines.export.writers",
    "frontlines.scale.engines",
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
