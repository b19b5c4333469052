"""``frontlines segments FILE [--json]``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from frontlines.cli.segments import segments_command

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "wordpress_comments.html"


def test_json_rows_cover_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    text = "Army enters Tadmur\n\nThe Syrian army entered Tadmur on Thursday after heavy clashes, a source said.\n\nLeave a Reply"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(segments_command, [str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["role"] for r in rows] == ["title", "body", "boilerplate"]
    assert rows[0]["first_line"] == 1 and rows[-1]["last_line"] == 5 and rows[-1]["end"] == len(text)
    assert set(rows[0]) == {"role", "first_line", "last_line", "start", "end"}


def test_plain_listing_of_html() -> None:
    result = CliRunner().invoke(segments_command, [str(HTML)])
    assert result.exit_code == 0
    assert any(line.startswith("comments") for line in result.output.splitlines())


def test_errors_are_one_line_naming_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for path in (empty, tmp_path / "missing.txt"):
        result = CliRunner().invoke(segments_command, [str(path)])
        assert result.exit_code == 2
        assert str(path) in result.output and len(result.output.strip().splitlines()) == 1
