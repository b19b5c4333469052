"""Named registries for the pluggable parts (readers, cleaners, stores, engines...).

Built-in parts register themselves exactly as an outside package would::

    from frontlines.registry import readers

    @readers.register("warc")
    def read_warc(path): ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from .errors import ConfigError

T = TypeVar("T")


class Registry(Generic[T]):
    """A name → factory mapping for one kind of component."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def decorate(obj: T) -> T:
            if name in self._items and self._items[name] is not obj:
                raise ConfigError(f"{self.kind} {name!r} is already registered")
            self._items[name] = obj
            return obj

        return decorate

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


readers: Registry[Callable[..., object]] = Registry("reader")
cleaners: Registry[Callable[..., object]] = Registry("cleaner")
extractors: Registry[Callable[..., object]] = Registry("extractor")
geocoders: Registry[Callable[..., object]] = Registry("geocoder")
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
    "frontlines.export.writers",
    "frontlines.scale.engines",
)

#: entry-point group through which outside packages register their parts
PLUGIN_GROUP = "frontlines.plugins"


def load_builtins(*, plugins: bool = True) -> None:
    """Import the built-in parts (and installed plugins) so that every registry is filled."""
    import importlib
    from importlib.metadata import entry_points

    for module in BUILTIN_MODULES:
        importlib.import_module(module)
    if plugins:
        for entry in entry_points(group=PLUGIN_GROUP):
            entry.load()
