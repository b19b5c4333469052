"""The floors file: corpus digests, checks, and a re-pin that raises floors and never lowers one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli
from frontlines.evaluate import floors
from frontlines.evaluate.floors import Measured, RepinRefused, check_group, corpus_digest, repin


def _corpus(tmp: Path) -> Path:
    (tmp / "set").mkdir()
    (tmp / "set" / "a.txt").write_text("one")
    (tmp / "set" / "b.txt").write_text("two")
    return tmp


def _measured(digest: str, **figures: float) -> Measured:
    return Measured("g", figures, ("p", "r"), ("bad",), ("set/*.txt",), digest)


def test_the_digest_follows_the_files(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    before = corpus_digest(root, ["set/*.txt"])
    assert before == corpus_digest(root, ["set/*.txt", "set/a.txt"])  # each file once
    (root / "set" / "b.txt").write_text("two!")
    assert corpus_digest(root, ["set/*.txt"]) != before


def test_check_reports_low_high_missing_and_stale() -> None:
    entry = {"corpus": {"sha256": "d1"}, "floors": {"p": 0.8, "r": 0.5}, "ceilings": {"bad": 0}}
    assert check_group("g", entry, {"p": 0.8, "r": 0.9, "bad": 0}, "d1") == []
    kinds = {p.figure: p.kind for p in check_group("g", entry, {"p": 0.79, "bad": 1}, "d1")}
    assert kinds == {"p": "below floor", "r": "not measured", "bad": "above ceiling"}
    [stale] = check_group("g", entry, {"p": 0.9, "r": 0.9, "bad": 0}, "d2")
    assert stale.kind == "stale corpus" and "another version of the corpus" in stale.message


def test_repin_raises_floors_by_the_slack_and_keeps_higher_ones() -> None:
    data = {"slack": 0.02, "groups": {"g": {"corpus": {"sha256": "d"}, "floors": {"p": 0.5, "r": 0.9},
                                            "ceilings": {"bad": 0}}}}
    new, changes = repin(data, [_measured("d", p=0.876, r=0.905, bad=0)])
    assert new["groups"]["g"]["floors"] == {"p": 0.85, "r": 0.9}  # 0.876 - 0.02 rounded down; 0.885 < 0.9 kept
    assert new["groups"]["g"]["ceilings"] == {"bad": 0}
    assert any("p: floor 0.5 → 0.85" in c for c in changes) and data["groups"]["g"]["floors"]["p"] == 0.5


def test_repin_refuses_to_lower_a_floor_or_raise_a_ceiling() -> None:
    data = {"groups": {"g": {"corpus": {"sha256": "d"}, "floors": {"p": 0.9}, "ceilings": {"bad": 0}}}}
    with pytest.raises(RepinRefused, match=r"^g p: measured 0.8 is below its floor 0.9") as low:
        repin(data, [_measured("d", p=0.8, bad=0)])
    assert low.value.exit_code == 2
    with pytest.raises(RepinRefused, match="g bad: measured 2 is above its ceiling 0"):
        repin(data, [_measured("d", p=0.95, bad=2)])


def test_repin_of_a_changed_corpus_needs_rebase() -> None:
    data = {"groups": {"g": {"corpus": {"sha256": "old"}, "floors": {"p": 0.9}, "ceilings": {}}}}
    with pytest.raises(RepinRefused, match="another version of the corpus"):
        repin(data, [_measured("new", p=0.5)])
    new, _ = repin(data, [_measured("new", p=0.5, r=0.7, bad=1)], rebase=["g"])
    assert new["groups"]["g"] == {"corpus": {"files": ["set/*.txt"], "sha256": "new"},
                                  "floors": {"p": 0.48, "r": 0.68}, "ceilings": {"bad": 1}}


def test_the_packaged_floors_file_is_well_formed() -> None:
    data = floors.load_floors()
    for name, entry in data["groups"].items():
        assert len(entry["corpus"]["sha256"]) == 64 and entry["corpus"]["files"], name
        assert all(0 <= v <= 1 for v in entry["floors"].values()), name
        assert entry["floors"] or entry["ceilings"], name


def _tiny_gold_set(root: Path) -> Path:
    """A one-document corpus in the seeds-gold layout: texts/ and gold-a/ (docs, events)."""
    (root / "tiny" / "texts").mkdir(parents=True)
    (root / "tiny" / "texts" / "a.txt").write_text("Syrian army forces shelled the town of Mhardeh on Monday.\n")
    gold = root / "tiny" / "gold-a"
    gold.mkdir()
    (gold / "docs.jsonl").write_text(json.dumps({"doc": "a", "file": "a.txt", "published": "2017-09-06"}) + "\n")
    (gold / "events.jsonl").write_text(json.dumps({
        "doc": "a", "id": "a-e1", "quote": "Syrian army forces shelled the town of Mhardeh", "event_type":
        "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack", "actor1":
        "Military Forces of Syria (2000-2024)", "status": "asserted", "lat": 35.25, "lon": 36.57,
        "date": "2017-09-04", "fatalities": None, "eval_tier": "core"}) + "\n")
    return root


def test_the_cli_re_pins_a_new_gold_set_and_refuses_to_lower_it(tmp_path: Path) -> None:
    root = _tiny_gold_set(tmp_path / "corpus")
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"slack": 0.0, "groups": {}}))
    args = ["eval", "--corpus", str(root), "--floors", str(path)]
    first = CliRunner().invoke(cli, [*args, "--repin"])
    assert first.exit_code == 0, first.output
    pinned = json.loads(path.read_text())["groups"]["tiny/gold-a"]
    assert pinned["floors"]["events.recall_core"] == 1.0
    checked = CliRunner().invoke(cli, args)
    assert checked.exit_code == 0 and "tiny/gold-a" in checked.output
    pinned["floors"]["events.recall_core"] = 1.01  # as if a change had dropped the figure
    path.write_text(json.dumps({"groups": {"tiny/gold-a": pinned}}))
    low = CliRunner().invoke(cli, args)
    assert low.exit_code == 1 and "events.recall_core: 1.0 is below its floor 1.01" in low.output
    refused = CliRunner().invoke(cli, [*args, "--repin"])
    assert refused.exit_code == 2
    assert refused.output.strip().splitlines() == [
        "error: tiny/gold-a events.recall_core: measured 1.0 is below its floor 1.01; "
        "a re-pin never lowers a floor [FL401]"]
    assert json.loads(path.read_text())["groups"]["tiny/gold-a"]["floors"]["events.recall_core"] == 1.01
