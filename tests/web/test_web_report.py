"""``frontlines report``: a self-contained HTML page and Markdown with images, hostile text inert."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import HOSTILE_META

from frontlines.cli.main import cli
from frontlines.report import ReportRequest, write_report
from frontlines.report.write import md


@pytest.fixture(scope="module")
def html_report(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report") / "maskanah.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(web_db), "--place", "Maskanah", "--from", "2017-01-01",
                                      "--to", "2017-12-31", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_html_is_self_contained_with_figures(html_report: str) -> None:
    images = re.findall(r'<img [^>]*src="([^"]+)"', html_report)
    assert len(images) == 2 and all(src.startswith("data:image/png;base64,") for src in images)
    assert not re.search(r'(src|href)="(https?:)?//', html_report)  # nothing loads from anywhere
    assert "<script" not in html_report
    assert "default-src 'none'" in html_report  # and the page forbids scripts if any slipped in
    for section in ("Map", "Events by type over time", "Control changes", "Casualties", "Sources by outlet and side"):
        assert f"<h2>{section}</h2>" in html_report


def test_html_shows_the_control_change_and_its_evidence(html_report: str) -> None:
    block = html_report.split("<h2>Control changes</h2>")[1].split("<h2>Casualties</h2>")[0]
    assert "→" in block and "<blockquote>" in block


def test_hostile_text_is_escaped_in_html(html_report: str) -> None:
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in html_report
    assert "&lt;img src=x onerror=alert(3)&gt;" in html_report  # the hostile outlet, in the sources table
    assert "<img src=x" not in html_report and "javascript:" not in html_report.replace("&#34;javascript:", "")
    assert not re.search(r"<a\s", html_report)


def test_markdown_with_images(web_dataset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "all.md"
    written = write_report(web_dataset, ReportRequest(date_from="2017-01-01", date_to="2017-12-31"), out)
    text = out.read_text(encoding="utf-8")
    assert written.images == tmp_path / "all_files"
    for name in ("map.png", "events_by_type.png"):
        assert f"]({written.images.name}/{name})" in text
        assert (written.images / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<script>" not in text and "<img src=x" not in text
    assert md(HOSTILE_META["outlet"]) in text


def test_markdown_escaping() -> None:
    assert md('<script>alert("x")</script>') == '&lt;script&gt;alert("x")&lt;/script&gt;'
    assert md("[link](javascript:alert(1))") == "\\[link\\](javascript:alert(1))"
    assert md("![x](y) *b* _i_ `c` ~~s~~") == "!\\[x\\](y) \\*b\\* \\_i\\_ \\`c\\` \\~\\~s\\~\\~"
    assert md("a | b\nc") == "a \\| b c"


@pytest.mark.parametrize("args,message", [
    (["--from", "2017-13-45", "--to", "2017-12-31"], "--from: not a day"),
    (["--from", "2017-12-31", "--to", "2017-01-01"], "--from is after --to"),
    (["--from", "2017-01-01", "--to", "2017-12-31", "--place", "Nowhereville Zzz"], "no place of this name"),
    (["--from", "2017-01-01", "--to", "2017-12-31", "--place", "A", "--bbox", "1,2,3,4"], "not both"),
    (["--from", "2017-01-01", "--to", "2017-12-31", "--bbox", "1,2,3"], "--bbox: four numbers"),
])
def test_report_errors_are_one_line(web_db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(web_db), "-o", str(out), *args])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def test_report_on_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", str(tmp_path / "none.db"), "--from", "2017-01-01",
                                      "--to", "2017-01-02", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 4 and "no such database" in result.output
