"""``frontlines``: run the pipeline, export, evaluate, inspect."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import __version__
from .common import db_option, friendly, open_store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="frontlines")
def cli() -> None:
    """frontlines: news reports about an armed conflict in, an auditable event dataset out."""


def _count_inputs(inputs: tuple[Path, ...]) -> int | None:
    from ..ingest.readers import iter_files

    total = 0
    for given in inputs:
        paths = list(iter_files(given)) if given.is_dir() else [given]
        for path in paths:
            try:
                if path.suffix.lower() in {".jsonl", ".ndjson", ".csv"} and path.is_file():
                    with path.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                    continue
            except OSError:
                pass  # the reader will report it, as a failure of that input
            total += 1
    return total


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON Lines sidecar: file, outlet, published, url, title per file name.")
@click.option("--engine", type=click.Choice(["auto", "serial", "process"]), default="auto",
              show_default=True, help="Run in this process or on a local process pool.")
@click.option("--workers", type=int, help="Worker processes for the pool (default: CPU count).")
@click.option("--force", is_flag=True, help="Re-code documents already in the database.")
@click.option("--max-bytes", type=int, default=20 * 1024 * 1024, show_default=True,
              help="Refuse documents larger than this.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of text inputs.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@friendly
def run(inputs: tuple[Path, ...], db: Path, manifest: Path | None, engine: str, workers: int | None,
        force: bool, max_bytes: int, encoding: str, quiet: bool) -> None:
    """Turn INPUTS (text/HTML files, folders, JSON Lines or CSV corpora) into events in --db."""
    from ..ingest.readers import ReadOptions
    from ..pipeline import RunOptions
    from ..pipeline import run as run_pipeline

    store = open_store(db, must_exist=False)
    options = RunOptions(engine=engine, workers=workers, force=force)
    read = ReadOptions(max_bytes=max_bytes, encoding=encoding)
    show = not quiet
    with click.progressbar(length=_count_inputs(inputs) or 1, label="documents", file=sys.stderr,
                           hidden=not (show and sys.stderr.isatty()), show_pos=True) as bar:
        summary = run_pipeline(list(inputs), store, manifest=manifest, options=options,
                               progress=lambda _source: bar.update(1), read_options=read)
    for line in summary.failure_messages:
        click.echo(f"failed: {line}", err=True)
    nothing = summary.processed == 0 and summary.unchanged == 0 and summary.duplicates == 0
    s = summary
    click.echo(f"{s.documents} documents ({s.processed} coded, {s.unchanged} unchanged, "
               f"{s.duplicates} duplicates), {s.claims} claims, {s.events} events "
               f"({s.happened} happened), {s.failures} failures → {db}")
    store.close()
    if nothing and summary.failures:
        sys.exit(1)  # every input failed: say so to scripts and CI


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["acled", "geojson", "jsonl", "claims", "places", "parquet"]),
              required=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (default: standard output).")
@click.option("--all", "include_all", is_flag=True,
              help="jsonl: include events that did not happen (expected, hypothetical, denied).")
@friendly
def export(db: Path, fmt: str, output: Path | None, include_all: bool) -> None:
    """Export the events (or claims, or place mentions) of --db."""
    from ..export import export as export_store

    store = open_store(db)
    if output is None:
        count = export_store(store, fmt, sys.stdout.buffer, include_all=include_all)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("wb") as stream:
            count = export_store(store, fmt, stream, include_all=include_all)
        click.echo(f"{count} records → {output}", err=True)
    store.close()


@cli.command(name="eval")
@db_option
@click.option("--gold", type=click.Path(exists=True, path_type=Path), required=True,
              help="Gold folder (seeds-gold format) or FA-KES gold.jsonl.")
@friendly
def eval_command(db: Path, gold: Path) -> None:
    """Score --db against gold annotations; prints the figures as JSON."""
    from ..evaluate import evaluate

    store = open_store(db)
    click.echo(json.dumps(evaluate(store, gold), indent=2))
    store.close()


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per failure.")
@friendly
def doctor(db: Path, as_json: bool) -> None:
    """What failed in --db, and why."""
    store = open_store(db)
    failures = store.failures()
    counts = store.counts()
    for f in failures:
        if as_json:
            click.echo(json.dumps({"source": f.source, "stage": f.stage, "error": f.error,
                                   "message": f.message, "at": f.at}))
        else:
            click.echo(f"{f.source}: {f.message} [{f.error}, {f.stage}]")
    if not as_json:
        click.echo(f"{counts['articles']} documents, {counts['claims']} claims, {counts['events']} events, "
                   f"{len(failures)} failures", err=True)
    store.close()


@cli.command()
@db_option
@click.option("--place", help="Only places whose name contains this (case-insensitive).")
@click.option("--as-of", "as_of", help="Who held each place on this day (YYYY-MM-DD).")
@click.option("--changes", nargs=2, metavar="START END", help="Changes of control between two days.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per control period.")
@friendly
def control(db: Path, place: str | None, as_of: str | None, changes: tuple[str, str] | None,
            as_json: bool) -> None:
    """Who held which place from when to when, derived from captures, retakes and handovers."""
    from ..derive import changes_between, control_as_of

    store = open_store(db)
    periods = [p for p in store.control_periods() if not place or place.lower() in p.place_name.lower()]
    if as_of:
        periods = [p for pid in dict.fromkeys(p.place_id for p in periods)
                   if (p := control_as_of(periods, pid, as_of)) is not None]
    if changes:
        periods = changes_between(periods, *changes)
    for p in periods:
        if as_json:
            click.echo(json.dumps({"place_id": p.place_id, "place": p.place_name, "actor": p.actor,
                                   "start": p.start, "end": p.end, "evidence": list(p.evidence)}))
        else:
            click.echo(f"{p.place_name}: {p.actor} from {p.start} to {p.end or 'now'} "
                       f"({len(p.evidence)} claims)")
    store.close()


@cli.command()
@click.option("--triggers", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Check this trigger lexicon instead of the packaged one.")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Check this actor dictionary instead of the packaged one.")
@click.option("--outlets", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Check this outlet registry instead of the packaged one.")
@click.option("--overlay", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Check this gazetteer overlay instead of the packaged one.")
@friendly
def check(triggers: Path | None, actors: Path | None, outlets: Path | None, overlay: Path | None) -> None:
    """Validate the data files: trigger lexicon, actor dictionary, outlet registry, gazetteer overlay."""
    from ..resources import check_resources

    given = {"triggers": triggers, "actors": actors, "outlets": outlets, "gazetteer_overlay": overlay}
    report = check_resources({k: v for k, v in given.items() if v is not None})
    bad = 0
    for name, problems in report.items():
        click.echo(f"{name}: {'ok' if not problems else f'{len(problems)} problems'}")
        for problem in problems:
            click.echo("  " + " ".join(problem.split()))
        bad += len(problems)
    if bad:
        sys.exit(1)


def _register_subcommands() -> None:
    from .places import gazetteer_group, places_command
    from .segments import segments_command
    from .web import report_command, serve_command

    cli.add_command(segments_command, "segments")
    cli.add_command(places_command, "places")
    cli.add_command(gazetteer_group, "gazetteer")
    cli.add_command(serve_command, "serve")
    cli.add_command(report_command, "report")


_register_subcommands()


def main() -> None:
    cli()
