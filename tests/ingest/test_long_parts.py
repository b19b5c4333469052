"""A text longer than --max-chars: refused by default, coded in parts with --split-long."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.cli.main import cli
from frontlines.ingest.parts import cut_points

PLACES = ["Maskanah", "Dibsi Afnan", "Manbij", "Jarabulus", "Al-Bab", "Tadif", "Deir Hafer", "Safira"]
REPORT = "".join(f"Warplanes struck the town of {p} on Monday, killing {n + 2} people, activists said.\n\n"
                 for n, p in enumerate(PLACES))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .\n", max_size=400), st.integers(1, 60))
def test_parts_tile_the_text_in_order_within_the_limit(text, limit):
    spans = cut_points(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < e - s <= limit for s, e in spans[:-1]) and spans[-1][1] - spans[-1][0] <= limit


def test_cuts_fall_at_paragraph_ends():
    text = REPORT
    spans = cut_points(text, 300)
    assert len(spans) > 1
    assert all(text[e - 2:e] == "\n\n" for _, e in spans[:-1])


def test_a_long_text_is_refused_with_the_option_named(tmp_path: Path):
    (tmp_path / "long.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "long.txt"), "--db", str(db), "--quiet",
                                      "--max-chars", "200"])
    assert "--split-long" in result.output and "long.txt" in result.output


def test_split_long_codes_every_part_once_and_resumes(tmp_path: Path):
    (tmp_path / "long.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / "x.db"
    args = ["run", str(tmp_path / "long.txt"), "--db", str(db), "--quiet", "--max-chars", "200", "--split-long"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    rows = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "claims"]).output
    claims = [json.loads(line) for line in rows.splitlines() if line.strip()]
    sources = {c["source_id"] for c in claims}
    assert len(sources) >= 3 and all(s.startswith("long.txt#part") for s in sources)
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0
    rows_again = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "claims"]).output
    assert rows_again == rows  # the parts are stored once: a re-run codes nothing again
