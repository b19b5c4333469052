"""CLI commands of the knowledge base: ``kb export DIR`` and ``check [--kb DIR]``; the ``--kb``
option the other commands share.

Exported click objects: :data:`kb_group`, :data:`check_command`, :data:`kb_option`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import friendly

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

#: exit code of ``check`` when a file has problems (a usage-level error: the input is wrong)
PROBLEMS_EXIT = 2

kb_option = click.option(
    "--kb", "kb_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Knowledge base directory (written by `frontlines kb export`; default: the packaged one).")


def load_kb_option(kb_dir: Path | None) -> KnowledgeBase:
    """The knowledge base a command was given (the packaged one without ``--kb``)."""
    from ..kb import load_kb

    return load_kb(kb_dir)


@click.group("kb")
def kb_group() -> None:
    """Export the knowledge base (actors, triggers, cues, outlets, theater words) for editing."""


@kb_group.command("export")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@friendly
def export_command(dest: Path) -> None:
    """Write the packaged knowledge base into DEST; edit it, then pass --kb DEST to any command."""
    from ..kb import export_kb

    written = export_kb(dest)
    click.echo(f"{len(written)} files → {dest}", err=True)


@click.command("check")
@kb_option
@friendly
def check_command(kb_dir: Path | None) -> None:
    """Validate every file of the knowledge base and the rules across files (FILE:LINE: problem)."""
    from ..kb import check_kb, packaged_dir

    root = kb_dir or packaged_dir()
    problems = check_kb(root)
    for problem in problems:
        where = f"{root / problem.file}:{problem.line}" if problem.line else str(root / problem.file)
        click.echo(f"{where}: {' '.join(problem.message.split())}")
    if problems:
        click.echo(f"{len(problems)} problems", err=True)
        sys.exit(PROBLEMS_EXIT)
    click.echo(f"{root}: ok", err=True)
