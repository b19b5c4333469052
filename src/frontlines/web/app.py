"""The FastAPI application: the API routes, the map page and its built assets, the OpenAPI docs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..kb import load_kb
from ..resolve.gazetteer import SqliteGazetteer
from . import errors
from .middleware import RateLimit, ResponseCache, SecurityHeaders, SizeLimit, content_security_policy
from .outlets import OutletSides
from .routes import router

if TYPE_CHECKING:
    from ..api import Dataset

STATIC = Path(str(resources.files("frontlines.web") / "static"))


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """What ``frontlines serve`` runs with.  ``tiles``: an online tile URL template
    (``https://tile.example/{z}/{x}/{y}.png``) the page may load; None keeps the page offline."""

    tiles: str | None = None
    tiles_attribution: str | None = None
    rate_limit: float = 50.0  # requests a second per client; 0 turns the limit off
    burst: int = 200
    max_body: int = 64 * 1024
    max_query: int = 8 * 1024
    kb: Path | None = None  # knowledge base directory (outlet registry, gazetteer); None: the packaged one


def _basemap() -> dict[str, Any]:
    basemap: dict[str, Any] = json.loads((resources.files("frontlines") / "data" / "basemap.geojson")
                                         .read_text(encoding="utf-8"))  # GeoJSON, served as it is
    return basemap


def create_app(dataset: Dataset, settings: ServerSettings | None = None) -> FastAPI:
    """The read-only application over ``dataset`` (``frontlines.open(db)`` or ``frontlines.code([...])``):
    every route reads its views (``dataset.views``), whatever the store.  The caller keeps the dataset
    and closes it when the server is done; no route writes."""
    settings = settings or ServerSettings()
    app = FastAPI(
        title="frontlines", version=__version__, docs_url=None, redoc_url=None,
        description="Read-only API over a frontlines database: events with their claims and evidence, "
                    "documents, places, control of places, sieges, outlets and summaries. Every error is "
                    '`{"error": {"code": ..., "message": ...}}`.')
    app.state.settings = settings
    app.state.views = dataset.views
    app.state.label = dataset.label
    kb = load_kb(settings.kb)
    app.state.outlet_sides = OutletSides(kb.outlets)
    app.state.gazetteer = SqliteGazetteer(Path(kb.gazetteer))
    app.state.basemap = _basemap()
    errors.install(app)
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> RedirectResponse:
        return RedirectResponse("/docs")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(ResponseCache, revision=dataset.views.revision)  # innermost: after the limits
    app.add_middleware(SizeLimit, max_body=settings.max_body, max_query=settings.max_query)
    app.add_middleware(RateLimit, rate=settings.rate_limit, burst=settings.burst)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(settings.tiles))
    return app
