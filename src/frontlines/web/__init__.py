"""The web face of frontlines: a read-only REST API and a map page over one database.

:func:`create_app` builds the FastAPI application; ``frontlines serve`` runs it under uvicorn.
Importing this package loads nothing and opens nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import ServerSettings


def create_app(settings: ServerSettings) -> Any:
    """The application for ``settings`` (see :class:`frontlines.web.app.ServerSettings`)."""
    from .app import create_app as build

    return build(settings)
