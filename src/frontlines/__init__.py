"""frontlines: news reports about an armed conflict in, an auditable event dataset out.

The public API (see the README, "Python API")::

    import frontlines

    data = frontlines.code(["...a report...", {"id": "r2", "text": "...", "published": "2016-03-27"}])
    data.events, data.claims, data.mentions, data.control      # typed records
    data.to_acled("events.csv")

    with frontlines.open("reports.db") as data:                # a database `frontlines run` wrote
        data.to_geojson("events.geojson")

Importing the package does nothing but define names: no model loads, no file is read; the
names below are imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

#: public name → (module, attribute), imported on first use
_LAZY: dict[str, tuple[str, str]] = {
    "code": ("frontlines.api", "code"),
    "open": ("frontlines.api", "open_dataset"),
    "geocode": ("frontlines.api", "geocode"),
    "Dataset": ("frontlines.api", "Dataset"),
    "Document": ("frontlines.api", "Document"),
    "RunOptions": ("frontlines.pipeline", "RunOptions"),
    "RunSummary": ("frontlines.pipeline", "RunSummary"),
    "Store": ("frontlines.store.protocol", "Store"),
    "open_store": ("frontlines.store", "open_store"),
    "Article": ("frontlines.records", "Article"),
    "Segment": ("frontlines.records", "Segment"),
    "Mention": ("frontlines.records", "Mention"),
    "Place": ("frontlines.records", "Place"),
    "ActorRef": ("frontlines.records", "ActorRef"),
    "Claim": ("frontlines.records", "Claim"),
    "Event": ("frontlines.records", "Event"),
    "ControlPeriod": ("frontlines.records", "ControlPeriod"),
    "Failure": ("frontlines.records", "Failure"),
    "Status": ("frontlines.records", "Status"),
    "Role": ("frontlines.records", "Role"),
    "FrontlinesError": ("frontlines.errors", "FrontlinesError"),
    "KnowledgeBase": ("frontlines.kb", "KnowledgeBase"),
    "load_kb": ("frontlines.kb", "load_kb"),
}

__all__ = [  # written out so that type checkers and linters see it; a test keeps it equal to _LAZY
    "__version__", "code", "open", "geocode", "Dataset", "Document", "RunOptions", "RunSummary", "Store", "open_store",
    "Article", "Segment", "Mention", "Place", "ActorRef", "Claim", "Event", "ControlPeriod", "Failure",
    "Status", "Role", "FrontlinesError", "KnowledgeBase", "load_kb",
]

if TYPE_CHECKING:
    from .api import Dataset, Document, code, geocode
    from .api import open_dataset as open
    from .errors import FrontlinesError
    from .kb import KnowledgeBase, load_kb
    from .pipeline import RunOptions, RunSummary
    from .records import ActorRef, Article, Claim, ControlPeriod, Event, Failure, Mention, Place, Role, Segment, Status
    from .store import open_store
    from .store.protocol import Store


def __getattr__(name: str) -> object:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'frontlines' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
