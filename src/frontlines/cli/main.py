"""``frontlines``: run the pipeline, export, evaluate, inspect."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import __version__
from ..errors import StoreError
from .common import db_option, friendly, one_line, open_db
from .kb import kb_option, load_kb_option


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="frontlines")
@friendly
def cli() -> None:
    """frontlines: news reports about an armed conflict in, an auditable event dataset out."""
    from ..registry import load_builtins

    load_builtins()  # the built-in parts and the installed plugins


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON Lines sidecar: file, outlet, published, url, title per file name.")
@click.option("--engine", default="auto", show_default=True,
              help="Where documents are coded: auto, serial (this process), process (a local pool), "
                   "ray (a Ray cluster, see --address), or a plugin's engine.")
@click.option("--address", envvar="RAY_ADDRESS", metavar="ADDRESS",
              help="Ray cluster for --engine ray (ray://head:10001, or auto); default RAY_ADDRESS, else a local "
                   "instance.")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes for the pool (default: CPU count).")
@click.option("--force", is_flag=True, help="Re-code documents already in the database.")
@click.option("--extractor", default="rules", show_default=True,
              help="Claim extractor, by its registered name.")
@click.option("--resolver", default="gazetteer", show_default=True,
              help="Place resolver, by its registered name.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=20 * 1024 * 1024, show_default=True,
              help="Refuse documents larger than this.")
@click.option("--max-chars", type=click.IntRange(min=1), default=500_000, show_default=True,
              help="Refuse documents whose text is longer than this (coding time grows with it).")
@click.option("--split-long", is_flag=True,
              help="Code a text longer than --max-chars in parts cut at paragraph ends, not refuse it.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of text inputs.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@kb_option
@friendly
def run(inputs: tuple[Path, ...], db: str, manifest: Path | None, engine: str, address: str | None,
        workers: int | None, force: bool, extractor: str, resolver: str, max_bytes: int, max_chars: int,
        split_long: bool, encoding: str, quiet: bool, kb_dir: Path | None) -> None:
    """Turn INPUTS (text/HTML files, folders, JSON Lines or CSV corpora) into events in --db."""
    from ..ingest.readers import ReadOptions
    from ..pipeline import RunOptions, count_documents
    from ..pipeline import run as run_pipeline

    options = RunOptions(engine=engine, workers=workers, force=force, extractor=extractor, resolver=resolver,
                         kb=load_kb_option(kb_dir), address=address)
    read = ReadOptions(max_bytes=max_bytes, encoding=encoding, max_chars=max_chars, split_long=split_long)
    with open_db(db, readonly=False) as store, \
            click.progressbar(length=count_documents(list(inputs)) or 1, label="documents", file=sys.stderr,
                              hidden=quiet or not sys.stderr.isatty(), show_pos=True) as bar:

        def tick(_source: str) -> None:
            bar.length = max(bar.length or 1, bar.pos + 1)  # parts of a long text: more than counted
            bar.update(1)

        summary = run_pipeline(list(inputs), store, manifest=manifest, options=options,
                               progress=tick, read_options=read)
    for line in summary.failure_messages:
        click.echo(f"failed: {one_line(line)}", err=True)
    click.echo(f"{summary.describe()} → {db}")
    if summary.all_failed:
        sys.exit(1)  # every input failed: say so to scripts and CI


@cli.command()
@db_option
@click.option("--format", "fmt", required=True,
              help="Export format: acled, geojson, jsonl, claims, places, parquet (or a plugin's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file, replaced only once complete (default: standard output).")
@click.option("--all", "include_all", is_flag=True,
              help="Add the rows not fully grounded in the text (column grounded=no); jsonl: also the "
                   "events that did not happen (expected, hypothetical, denied, background).")
@friendly
def export(db: str, fmt: str, output: Path | None, include_all: bool) -> None:
    """Export the events (or claims, or place mentions) of --db; the database is opened read-only."""
    from ..api import open_dataset

    with open_dataset(db) as data:
        count = data.export(fmt, output or sys.stdout.buffer, include_all=include_all)
    if output is not None:
        click.echo(f"{count} records → {output}", err=True)


@cli.command(name="eval")
@click.option("--db", metavar="DB", help="Score this database (with --gold): a SQLite file or a store URL.")
@click.option("--gold", type=click.Path(exists=True, path_type=Path),
              help="Gold folder (seeds-gold format) or FA-KES gold.jsonl, for --db.")
@click.option("--half", type=click.Choice(["A", "B"], case_sensitive=False),
              help="Score only one stable half of the documents (by a hash of their id).")
@click.option("--corpus", "corpora", multiple=True, type=click.Path(path_type=Path),
              help="Without --db: corpus folders to find gold sets in (default: $FRONTLINES_CORPUS or "
                   "../shared/corpus, and ./corpus).")
@click.option("--group", "only", multiple=True, help="Without --db: only the groups with this name or prefix.")
@click.option("--floors", "floors_file", type=click.Path(path_type=Path),
              help="Floors file (default: the packaged one).")
@click.option("--repin", is_flag=True, help="Raise the floors to the measured figures; never lowers one (exit 2).")
@click.option("--rebase", multiple=True, help="With --repin: pin this group anew (its corpus changed).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Keep the suite's databases here.")
@click.option("--json", "as_json", is_flag=True, help="Without --db: print the figures as JSON.")
@friendly
def eval_command(db: str | None, gold: Path | None, half: str | None, corpora: tuple[Path, ...],
                 only: tuple[str, ...], floors_file: Path | None, repin: bool, rebase: tuple[str, ...],
                 out: Path | None, as_json: bool) -> None:
    """Score --db against --gold (JSON), or, without --db, measure every gold set of the corpus
    folders, print each figure beside its floor and exit 1 if one drops (--repin: raise floors)."""
    from ..errors import EvalError
    from ..evaluate import evaluate

    if db is not None:
        if gold is None:
            raise EvalError("--db needs --gold (a gold folder or FA-KES gold.jsonl)", source=db)
        with open_db(db, readonly=True) as store:
            click.echo(json.dumps(evaluate(store, gold, half=half), indent=2))
        return
    _eval_suite(corpora, only, floors_file, repin, rebase, out, as_json)


def _eval_suite(corpora: tuple[Path, ...], only: tuple[str, ...], floors_file: Path | None, repin: bool,
                rebase: tuple[str, ...], out: Path | None, as_json: bool) -> None:
    import os
    import tempfile

    from ..errors import EvalError
    from ..evaluate import floors, suite

    roots = list(corpora) or [Path(os.environ.get("FRONTLINES_CORPUS", "../shared/corpus")), Path("corpus")]
    groups = [g for g in suite.discover(r for r in roots if r.is_dir())
              if not only or any(g.name == o or g.name.startswith(o.rstrip("/") + "/") for o in only)]
    if not groups:
        raise EvalError("no gold set found", source=", ".join(map(str, roots)))
    path = floors_file or floors.FLOORS_FILE
    data = floors.load_floors(path)
    with tempfile.TemporaryDirectory() as tmp:
        workspace = suite.Workspace(out or Path(tmp))
        try:
            results = suite.measure(groups, workspace)
        finally:
            workspace.close()
    if repin:
        new, changes = floors.repin(data, [r.measured() for r in results], rebase)
        path.write_text(floors.dump_floors(new), encoding="utf-8")
        for line in changes or ["no floor moved"]:
            click.echo(line)
        return
    rows, problems = suite.report(results, data)
    if as_json:
        click.echo(json.dumps({r.group.name: {"figures": r.figures, "details": r.details, "sha256": r.digest}
                               for r in results}, indent=2))
    else:
        for row in rows:
            value = "-" if row.value is None else row.value
            click.echo(f"{row.group:22} {row.figure:40} {value!s:>8}  {row.gate:>9}  {row.verdict}")
    for problem in problems:
        click.echo(f"eval: {problem.message}", err=True)
    if problems:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per failure.")
@click.option("--repair", is_flag=True,
              help="Remove orphaned rows and re-fuse claims an interrupted run left unfused.")
@friendly
def doctor(db: str, as_json: bool, repair: bool) -> None:
    """What failed in --db and why, and whether the database itself is sound (exit 4 if not)."""
    from ..export.serialize import failure_json
    from ..pipeline import repair as repair_store

    with open_db(db, readonly=not repair) as store:
        for line in repair_store(store) if repair else []:
            click.echo(f"repaired: {line}", err=True)
        failures, counts, problems = store.failures(), store.counts(), store.check()
    for f in failures:
        click.echo(json.dumps(failure_json(f), ensure_ascii=False) if as_json
                   else one_line(f"{f.source}: {f.message} [{f.error}, {f.stage}]"))
    if not as_json:
        click.echo(f"{counts['articles']} documents, {counts['claims']} claims, {counts['events']} events, "
                   f"{len(failures)} failures", err=True)
    for problem in problems:
        click.echo(f"problem: {one_line(problem)}", err=True)
    if problems:
        click.echo("run `frontlines doctor --repair` to fix what an interrupted run left", err=True)
        sys.exit(StoreError.exit_code)




def _register_subcommands() -> None:
    from .control import control_group, event_command
    from .load import code_command, load_command
    from .places import gazetteer_group, places_command
    from .segments import segments_command
    from .web import report_command, serve_command

    cli.add_command(segments_command, "segments")
    cli.add_command(places_command, "places")
    cli.add_command(gazetteer_group, "gazetteer")
    cli.add_command(serve_command, "serve")
    cli.add_command(report_command, "report")
    cli.add_command(control_group, "control")
    cli.add_command(event_command, "event")
    from .kb import check_command, kb_group

    cli.add_command(kb_group, "kb")
    cli.add_command(check_command, "check")
    cli.add_command(code_command, "code")
    cli.add_command(load_command, "load")


_register_subcommands()


def main() -> None:
    cli()
