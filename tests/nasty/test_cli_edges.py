"""Loose CLI edges: one-line errors, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli


def _invoke(*args: str):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output, result.output
    return result


@pytest.mark.parametrize("content", [bytes(range(256)) * 8, "actors:\n  - {name: caf\xe9}\n".encode("latin-1")])
def test_check_on_a_binary_or_latin1_data_file(tmp_path: Path, content: bytes) -> None:
    kb = tmp_path / "kb"
    assert _invoke("kb", "export", str(kb)).exit_code == 0
    (kb / "actors.yaml").write_bytes(content)
    result = _invoke("check", "--kb", str(kb))
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if "actors.yaml" in line]
    assert len(lines) == 1 and ("binary" in lines[0] or "not UTF-8" in lines[0])


@pytest.mark.parametrize("args", [
    ("run", "x.txt", "--db", "x.db", "--workers", "-3"),
    ("run", "x.txt", "--db", "x.db", "--max-chars", "0"),
    ("control", "--db", "x.db", "--as-of", "2016-13-45"),
    ("control", "--db", "x.db", "--as-of", "yesterday"),
])
def test_bad_options_are_refused_in_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "x.txt").write_text("Clashes in Hama on Monday.")
    args = tuple(str(tmp_path / a) if a in ("x.txt", "x.db") else a for a in args)
    if args[0] == "control":
        assert _invoke("run", str(tmp_path / "x.txt"), "--db", str(tmp_path / "x.db"), "--quiet").exit_code == 0
    result = _invoke(*args)
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if line.lower().startswith("error")]
    assert len(errors) == 1, result.output


def test_segments_has_the_options_its_messages_name(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Clashes in Hama on Monday.\n" * 100)
    refused = _invoke("segments", str(big), "--max-bytes", "100")
    assert refused.exit_code != 0 and "--max-bytes" in refused.output
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Clashes in Homs, caf\xe9.".encode("latin-1"))
    assert "--encoding" in _invoke("segments", str(latin)).output
    assert _invoke("segments", str(big), "--max-bytes", "100000").exit_code == 0
    assert _invoke("segments", str(latin), "--encoding", "latin-1").exit_code == 0
