"""The web face of frontlines: a read-only REST API and a map page over one Dataset.

:func:`create_app` builds the FastAPI application from a :class:`frontlines.Dataset` (a SQLite
file, a store URL, or a dataset coded in memory); ``frontlines serve`` runs it under uvicorn.
Importing this package loads nothing and opens nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..api import Dataset
    from .app import ServerSettings


def create_app(dataset: Dataset, settings: ServerSettings | None = None) -> Any:
    """The application over ``dataset`` (see :class:`frontlines.web.app.ServerSettings`)."""
    from .app import create_app as build

    return build(dataset, settings)
