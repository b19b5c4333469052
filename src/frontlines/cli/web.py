"""CLI commands ``serve`` (the REST API and the map) and ``report`` (a situation report): thin shells.

Exported click objects: :data:`serve_command` and :data:`report_command`.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from .common import bbox_value, day_value, db_option, friendly
from .kb import kb_option


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 exposes the server to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--tiles", metavar="URL", default=None,
              help="Online tile URL template ({z}/{x}/{y}) for the page's background; offline outlines "
                   "only when not given. The page's Content-Security-Policy then allows that host's images.")
@click.option("--tiles-attribution", default=None, help="Attribution text of --tiles.")
@click.option("--rate-limit", default=50.0, show_default=True, type=click.FloatRange(0),
              help="Requests a second per client address (0: no limit).")
@kb_option
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info"]), default="info",
              show_default=True, help="How much the server logs (info: one line a request).")
@friendly
def serve_command(db: str, host: str, port: int, tiles: str | None, tiles_attribution: str | None,
                  rate_limit: float, kb_dir: Path | None, log_level: str) -> None:
    """Serve --db read-only: the REST API under /api, its docs at /docs, the map at /."""
    import uvicorn

    from ..api import open_dataset
    from ..web.app import ServerSettings, create_app

    if tiles and not tiles.startswith(("https://", "http://")):
        raise InputError("--tiles: an http(s) URL template, e.g. https://tile.example/{z}/{x}/{y}.png",
                         source=tiles)
    settings = ServerSettings(tiles=tiles, tiles_attribution=tiles_attribution, rate_limit=rate_limit, kb=kb_dir)
    with open_dataset(db, readonly=True) as dataset:
        app = create_app(dataset, settings)
        click.echo(f"serving {dataset.store.location} read-only at http://{host}:{port}/ (API docs: /docs); "
                   "Ctrl-C stops", err=True)
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, proxy_headers=False)




@click.command("report")
@db_option
@click.option("--place", help="A place name (the places of --db whose name contains it, and 25 km around).")
@click.option("--bbox", metavar="W,S,E,N", help="A box in degrees instead of --place.")
@click.option("--from", "date_from", required=True, metavar="DAY", help="First day (YYYY-MM-DD).")
@click.option("--to", "date_to", required=True, metavar="DAY", help="Last day (YYYY-MM-DD).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="out.html (self-contained) or out.md (images written beside it).")
@click.option("--title", help="Title of the report.")
@kb_option
@friendly
def report_command(db: str, place: str | None, bbox: str | None, date_from: str, date_to: str, output: Path,
                   title: str | None, kb_dir: Path | None) -> None:
    """Write a situation report of --db for a place or box and a window: map, chart of events by
    type over time, control changes with evidence, casualty figures with ranges, sources by outlet."""
    from ..api import open_dataset
    from ..report import ReportRequest, write_report

    if place and bbox:
        raise InputError("give --place or --bbox, not both")
    start, end = day_value(date_from, "--from"), day_value(date_to, "--to")
    if start and end and start > end:
        raise InputError("--from is after --to", source=f"{start} > {end}")
    request = ReportRequest(place=place, bbox=bbox_value(bbox), date_from=start or "", date_to=end or "",
                            title=title, kb=kb_dir)
    with open_dataset(db, readonly=True) as dataset:
        written = write_report(dataset, request, output)
    click.echo(f"report → {written.path} ({written.events} events, {written.changes} control changes"
               f"{f', images in {written.images}' if written.images else ''})", err=True)
