"""CLI commands ``places`` (geocode names) and ``gazetteer`` (check / build): thin shells.

Exported click objects: :data:`places_command` and :data:`gazetteer_group`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..api import geocode
from ..errors import FrontlinesError, ResourceError
from ..kb import packaged_dir
from ..records import Candidate
from ..resolve.gaz_build import EXTRA_SOURCES
from ..resolve.gaz_overlay import check_overlay
from ..resolve.gazetteer import build_gazetteer
from .kb import kb_option, load_kb_option


def _fail(exc: FrontlinesError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)


def candidate_json(c: Candidate) -> dict[str, str | float | None]:
    """The JSON object of one candidate (the documented field names)."""
    p = c.place
    return {"name": p.name, "gazetteer_id": p.gazetteer_id, "latitude": p.latitude,
            "longitude": p.longitude, "country": p.country, "admin1": p.admin1,
            "admin2": p.admin2, "feature": p.feature, "score": c.score, "reason": c.reason}


def _names(names: tuple[str, ...]) -> list[str]:
    if names == ("-",):
        return [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    return list(names)


@click.command("places")
@click.argument("names", nargs=-1, required=True)
@click.option("--country", default=None, help="Only candidates in this country (ISO2, e.g. SY).")
@click.option("--json", "as_json", is_flag=True, help="JSON output: objects per candidate / line per name.")
@click.option("--limit", default=5, show_default=True, help="Candidates per name.")
@click.option("--admin1", default=None,
              help="Only candidates in this governorate (first-level unit, any spelling); when none lies "
                   "there, all, each marked.")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Gazetteer file (default: the packaged one).")
@kb_option
def places_command(names: tuple[str, ...], country: str | None, as_json: bool, limit: int,
                   admin1: str | None, gazetteer_path: Path | None, kb_dir: Path | None) -> None:
    """Print the gazetteer candidates of place NAMES ("-" reads one name per line from stdin),
    ranked by the evidence of the match: the name as written, a transliteration variant, the
    name without feature words, a vowel variant, a consonant skeleton; the theater's own places
    before a minor place abroad of a closer spelling; of equal evidence, the theater's country
    first, then the place other records of the name put at the same spot; a district or
    subdistrict named after its seat town gives way to the town."""
    try:
        results = geocode(_names(names), country=country, admin1=admin1, limit=limit,
                          kb=load_kb_option(kb_dir), gazetteer=gazetteer_path)
    except FrontlinesError as exc:
        _fail(exc)
        return
    for query, cands in results:
        if as_json and len(results) > 1:
            click.echo(json.dumps({"query": query, "candidates": [candidate_json(c) for c in cands]},
                                  ensure_ascii=False))
        elif as_json:
            for c in cands:
                click.echo(json.dumps(candidate_json(c), ensure_ascii=False))
        else:
            click.echo(f"{query}:" if cands else f"{query}: no candidates")
            for c in cands:
                p = c.place
                click.echo(f"  {c.score:.3f}  {p.name} [{p.gazetteer_id}] {p.feature} "
                           f"{p.latitude:.4f},{p.longitude:.4f} {p.country} {p.admin1 or '-'}"
                           f" — {c.reason}")


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Check the gazetteer overlay or rebuild the gazetteer."""


@gazetteer_group.command("check")
@click.option("--overlay", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Overlay CSV (default: the knowledge base's overlay).")
@kb_option
def check_command(overlay: Path | None, kb_dir: Path | None) -> None:
    """Validate an overlay file: columns, coordinates, countries, ids, feature classes."""
    path = overlay or (kb_dir or packaged_dir()) / "gazetteer_overlay.csv"
    problems = check_overlay(path)
    for problem in problems:
        click.echo(f"{path}: {problem}", err=True)
    if problems:
        sys.exit(ResourceError.exit_code)
    click.echo(f"{path}: ok")


@gazetteer_group.command("build")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Source folder (layout of shared/data/gazetteer; default ../shared/data/gazetteer).")
@click.option("--geonames", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="GeoNames dump folder with SY.txt (and optionally alternateNames.txt).")
@click.option("--overlay", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Overlay CSV (default: the knowledge base's overlay).")
@kb_option
def build_command(out: Path, source_dir: Path | None, geonames: Path | None,
                  overlay: Path | None, kb_dir: Path | None) -> None:
    """Build a gazetteer SQLite file from the sources, a GeoNames dump and the overlay."""
    source_dir = source_dir or Path.cwd().parent / "shared" / "data" / "gazetteer"
    try:
        kb = load_kb_option(kb_dir)
        extra = (kb_dir or packaged_dir()) / EXTRA_SOURCES
        report = build_gazetteer(source_dir, out, overlay or kb.overlay, geonames, theater=kb.theater,
                                 home=kb.country or "SY", extra_dir=extra if extra.is_dir() else None)
    except FrontlinesError as exc:
        _fail(exc)
        return
    click.echo(f"{report.out}: {report.places} places, {report.names} names, "
               f"{report.bytes / 1e6:.1f} MB")
