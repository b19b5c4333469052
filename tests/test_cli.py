"""The command line, end to end, in-process (click's runner) on temporary files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli

REPO = Path(__file__).resolve().parents[1]

EXAMPLES = REPO / "examples"


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "ex.db"
    result = CliRunner().invoke(cli, ["run", str(EXAMPLES / "reports"), "--manifest",
                                      str(EXAMPLES / "manifest.jsonl"), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "documents" in result.output and "events" in result.output
    return db


def test_run_is_idempotent(example_db: Path) -> None:
    def snapshot() -> tuple[int, ...]:
        with sqlite3.connect(example_db) as conn:
            return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                         for t in ("articles", "segments", "claims", "events", "failures"))

    before = snapshot()
    result = CliRunner().invoke(cli, ["run", str(EXAMPLES / "reports"), "--manifest",
                                      str(EXAMPLES / "manifest.jsonl"), "--db", str(example_db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "0 coded" in result.output
    assert snapshot() == before
    assert before[0] >= 10 and before[3] > 0


@pytest.mark.parametrize("fmt", ["acled", "geojson", "jsonl", "claims", "places", "parquet"])
def test_every_export_format_writes_a_file(example_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--db", str(example_db), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_no_forecast_or_denial_is_exported_as_happened(example_db: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(example_db), "--format", "jsonl"])
    events = [json.loads(line) for line in result.output.splitlines()]
    assert events and all(e["status"] in {"asserted", "reported", "alleged"} for e in events)
    claims = CliRunner().invoke(cli, ["export", "--db", str(example_db), "--format", "claims"]).output
    statuses = {json.loads(line)["status"] for line in claims.splitlines()}
    assert {"expected", "denied"} <= statuses


def test_bad_input_is_one_line_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Syrian army units captured the town of Maskanah from ISIS on Monday.")
    (tmp_path / "blob.txt").write_bytes(b"\x00\xff\x00binary" * 100)
    (tmp_path / "empty.txt").write_text("")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert len(failed) == 2 and any("blob.txt" in l for l in failed) and any("empty.txt" in l for l in failed)
    doctor = CliRunner().invoke(cli, ["doctor", "--db", str(db), "--json"])
    assert {json.loads(l)["source"].rsplit("/", 1)[-1] for l in doctor.output.splitlines() if l.startswith("{")} \
        == {"blob.txt", "empty.txt"}


def test_missing_database_is_a_friendly_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.db"), "--format", "jsonl"])
    assert result.exit_code == 4
    assert "none.db" in result.output and "Traceback" not in result.output


def test_every_command_and_option_is_documented() -> None:
    readme = (REPO / "README.md").read_text()
    for name, command in cli.commands.items():
        assert f"frontlines {name}" in readme, f"command {name} missing from README"
        assert command.help, f"command {name} has no help"
        for param in command.params:
            assert getattr(param, "help", None) or param.param_type_name == "argument", \
                f"{name} {param.name} has no help"


def test_check_validates_data_files(tmp_path: Path) -> None:
    assert CliRunner().invoke(cli, ["check"]).exit_code == 0
    kb = tmp_path / "kb"
    assert CliRunner().invoke(cli, ["kb", "export", str(kb)]).exit_code == 0
    (kb / "actors.yaml").write_text("actors: [1, 2\n")
    result = CliRunner().invoke(cli, ["check", "--kb", str(kb)])
    assert result.exit_code == 2
    assert "actors.yaml:" in result.output
    assert all(len(line) < 400 for line in result.output.splitlines())


def test_control_lists_periods_and_answers_as_of(example_db: Path) -> None:
    every = CliRunner().invoke(cli, ["control", "--db", str(example_db), "--json"])
    assert every.exit_code == 0, every.output
    periods = [json.loads(line) for line in every.output.splitlines()]
    assert periods and all(p["evidence"] and p["start"] for p in periods)
    first = min(p["start"] for p in periods)
    before = CliRunner().invoke(cli, ["control", "--db", str(example_db), "--as-of", "2000-01-01", "--json"])
    assert before.output.strip() == ""
    after = CliRunner().invoke(cli, ["control", "--db", str(example_db), "--as-of", first, "--json"])
    assert after.output.strip()


def test_an_edited_file_replaces_its_old_version(tmp_path: Path) -> None:
    doc = tmp_path / "in" / "report.txt"
    doc.parent.mkdir()
    doc.write_text("Syrian army units captured the town of Maskanah from ISIS on Monday, the army said.")
    db = tmp_path / "t.db"
    assert CliRunner().invoke(cli, ["run", str(doc.parent), "--db", str(db), "--quiet"]).exit_code == 0
    doc.write_text("Syrian army units captured the town of Maskanah from ISIS on Tuesday, the army said.")
    assert CliRunner().invoke(cli, ["run", str(doc.parent), "--db", str(db), "--quiet"]).exit_code == 0
    with sqlite3.connect(db) as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM articles")]
        orphans = conn.execute("SELECT COUNT(*) FROM claims WHERE doc_id NOT IN (SELECT id FROM articles)").fetchone()
    assert len(texts) == 1 and "Tuesday" in texts[0] and orphans[0] == 0


def test_exit_codes_when_everything_fails_or_output_cannot_be_written(tmp_path: Path, example_db: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "t.db"), "--quiet"])
    assert result.exit_code == 1 and "missing.txt" in result.output
    out = tmp_path / "no" / "such" / "dir"
    out.parent.parent.mkdir()
    out.parent.write_text("a file, not a folder")
    result = CliRunner().invoke(cli, ["export", "--db", str(example_db), "--format", "jsonl", "-o", str(out / "x.jsonl")])
    assert result.exit_code == 2 and "Traceback" not in result.output and "error:" in result.output


def test_read_only_commands_work_behind_a_writer_and_never_write(example_db: Path, tmp_path: Path) -> None:
    writer = sqlite3.connect(example_db, timeout=0.1)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO failures (source, stage, error, message, at) VALUES ('x', 'ingest', 'e', 'm', 'now')")
    try:
        for args in (["export", "--format", "acled", "-o", str(tmp_path / "e.csv")], ["doctor"], ["control"]):
            result = CliRunner().invoke(cli, [*args, "--db", str(example_db)])
            assert result.exit_code == 0, (args, result.output)
            assert "locked" not in result.output
    finally:
        writer.rollback()
        writer.close()


def test_export_after_an_interrupted_run_says_so_and_doctor_repairs(tmp_path: Path) -> None:
    from frontlines.records import Article
    from frontlines.store.sqlite import SqliteStore

    db = tmp_path / "t.db"
    doc = tmp_path / "r.txt"
    doc.write_text("Syrian army units captured the town of Maskanah from ISIS on Monday.")
    assert CliRunner().invoke(cli, ["run", str(doc), "--db", str(db), "--quiet"]).exit_code == 0
    out = tmp_path / "e.jsonl"
    # --all: the report carries no date, so its row is not grounded (not in the default export)
    assert CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--all", "-o", str(out)]).exit_code == 0
    good = out.read_bytes()
    with SqliteStore(db) as store:  # a second run stored a document and died before fusing
        claim = store.claims()[0]
        store.save_document(Article(id="d2", text="x", source="other.txt"), [], [],
                            [claim.__class__(**{**{f: getattr(claim, f) for f in claim.__slots__},
                                                "id": "d2:0-4", "doc_id": "d2"})])
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--all", "-o", str(out)])
    assert result.exit_code == 4 and "interrupted" in result.output and "doctor --repair" in result.output
    assert out.read_bytes() == good  # the previous export is untouched
    doctor = CliRunner().invoke(cli, ["doctor", "--db", str(db)])
    assert doctor.exit_code == 4 and "problem:" in doctor.output
    repaired = CliRunner().invoke(cli, ["doctor", "--db", str(db), "--repair"])
    assert repaired.exit_code == 0 and "re-fused" in repaired.output, repaired.output
    assert CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--all"]).output.strip()


def test_loose_options_are_one_line_errors(example_db: Path, tmp_path: Path) -> None:
    for bad in ("2016-13-45", "yesterday"):
        result = CliRunner().invoke(cli, ["control", "--db", str(example_db), "--as-of", bad])
        assert result.exit_code == 2 and "YYYY-MM-DD" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "--db", str(tmp_path / "t.db"), "--workers", "-3"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["export", "--db", str(example_db), "--format", "xlsx"])
    assert result.exit_code == 2 and "xlsx" in result.output and "acled" in result.output


def test_a_file_name_with_a_newline_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad\nname.txt").write_text("")
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "--db", str(tmp_path / "t.db"), "--quiet"])
    failed = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert len(failed) == 1 and "name.txt" in failed[0]
