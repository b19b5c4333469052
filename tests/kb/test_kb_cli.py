"""The knowledge base end to end through the CLI: export, edit, check, run with --kb."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli

NEW_ACTOR = "  - name: Zarqa Hawks Battalion\n    inter: 2\n    side: opposition\n    aliases: [Zarqa Hawks]\n"
REPORT = "Fighters of the Zarqa Hawks captured the town of Maskanah from ISIS on Monday.\n"


def _export(tmp_path: Path) -> Path:
    dest = tmp_path / "kb"
    result = CliRunner().invoke(cli, ["kb", "export", str(dest)])
    assert result.exit_code == 0, result.output
    return dest


def _add_actor(kb: Path, entry: str = NEW_ACTOR) -> None:
    actors = kb / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("actors:\n", "actors:\n" + entry, 1),
                      encoding="utf-8")


def _actor1(tmp_path: Path, name: str, *extra: str) -> list[str]:
    folder = tmp_path / f"in-{name}"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / f"{name}.db"
    result = CliRunner().invoke(cli, ["run", str(folder), "--db", str(db), "--quiet", *extra])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT actor1 FROM events")]


def test_an_alias_added_to_an_exported_kb_is_used_by_run(tmp_path: Path) -> None:
    kb = _export(tmp_path)
    _add_actor(kb)
    assert CliRunner().invoke(cli, ["check", "--kb", str(kb)]).exit_code == 0
    assert _actor1(tmp_path, "edited", "--kb", str(kb)) == ["Zarqa Hawks Battalion"]
    assert "Zarqa Hawks Battalion" not in _actor1(tmp_path, "packaged")  # the packaged kb is untouched


def test_check_refuses_an_alias_given_to_two_actors(tmp_path: Path) -> None:
    kb = _export(tmp_path)
    _add_actor(kb, NEW_ACTOR + NEW_ACTOR.replace("Zarqa Hawks Battalion", "Zarqa Hawks Brigade"))
    result = CliRunner().invoke(cli, ["check", "--kb", str(kb)])
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    first = _line_of(kb / "actors.yaml", "name: Zarqa Hawks Battalion") + 3  # its aliases line
    second = _line_of(kb / "actors.yaml", "name: Zarqa Hawks Brigade") + 3
    where, _, message = lines[0].partition(": ")
    assert where == f"{kb / 'actors.yaml'}:{second}"
    assert "'Zarqa Hawks Battalion'" in message and "'Zarqa Hawks Brigade'" in message
    assert f"actors.yaml:{first}" in message  # the other place is named too


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_run_refuses_an_invalid_kb_with_one_line(tmp_path: Path) -> None:
    kb = _export(tmp_path)
    (kb / "kb.yaml").write_text("name: x\nsides: [a]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "--db", str(tmp_path / "x.db"), "--kb", str(kb)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "unknown side" in result.output


@pytest.mark.parametrize("broken", ["actors: [1, 2\n", "actors:\n  - {name: X, inter: 12}\n"])
def test_check_names_file_and_line_of_a_broken_file(tmp_path: Path, broken: str) -> None:
    kb = _export(tmp_path)
    (kb / "actors.yaml").write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--kb", str(kb)])
    assert result.exit_code == 2
    assert any(line.startswith(f"{kb / 'actors.yaml'}:") for line in result.stdout.splitlines())
