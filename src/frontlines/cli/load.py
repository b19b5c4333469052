"""``frontlines code`` (shards to Parquet results, on Ray or here) and ``frontlines load``
(Parquet results into a store)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import db_option, friendly, one_line, open_db

address_option = click.option(
    "--address", envvar="RAY_ADDRESS", metavar="ADDRESS",
    help="Ray cluster for --engine ray (ray://head:10001, or auto); default RAY_ADDRESS, else a local instance.")


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Results folder: Parquet partitions documents/, segments/, mentions/, claims/, failures/.")
@click.option("--engine", default="ray", show_default=True,
              help="ray (one task per shard on a Ray cluster) or serial (the shards one after another here).")
@address_option
@click.option("--workers", type=click.IntRange(min=1), help="CPUs of a local Ray instance (default: all).")
@click.option("--quiet", is_flag=True, help="No line per finished shard.")
@friendly
def code_command(inputs: tuple[Path, ...], out: Path, engine: str, address: str | None, workers: int | None,
                 quiet: bool) -> None:
    """Code sharded INPUTS (JSON Lines, CSV or Parquet corpus files, or folders) into Parquet
    results under --out; `frontlines load` merges them into a database."""
    from ..pipeline import RunOptions
    from ..scale.cluster import code_to_parquet

    options = RunOptions(engine=engine, workers=workers, address=address)
    summary = code_to_parquet(list(inputs), out, options,
                              progress=None if quiet else lambda s: click.echo(f"coded {one_line(str(s.path))}",
                                                                               err=True))
    click.echo(f"{summary.describe()} → {out}")


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@friendly
def load_command(directory: Path, db: str) -> None:
    """Merge the Parquet results of `frontlines code` in DIRECTORY into --db (documents already
    stored are skipped, near-duplicates linked, events fused), as a local run would."""
    from ..scale.parquet import load_results

    with open_db(db, readonly=False) as store:
        summary = load_results(directory, store)
    for line in summary.failure_messages:
        click.echo(f"failed: {one_line(line)}", err=True)
    click.echo(f"{summary.describe()} → {db}")
    if summary.all_failed:
        sys.exit(1)
