"""The public Python API, used as a notebook would: texts in memory in, typed records out."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import frontlines
from frontlines.errors import ConfigError, ReadOnlyStoreError, UnfusedError

REPO = Path(__file__).resolve().parents[1]

#: written for this test (not from any corpus)
RETAKEN = "Government forces recaptured the town of Khanasser from Islamic State fighters on Tuesday, the army said."
BOMBED = "Russian jets bombed a market in Maarat al-Numan on Sunday, killing 12 civilians, activists said."


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> tuple[frontlines.Dataset, list[str]]:
    """Two documents coded in memory, from an empty working folder and an empty temp folder."""
    work = tmp_path_factory.mktemp("cwd")
    temp = tmp_path_factory.mktemp("tmp")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        mp.setattr(tempfile, "tempdir", str(temp))
        mp.setenv("TMPDIR", str(temp))
        data = frontlines.code([RETAKEN, {"id": "r-2", "text": BOMBED, "published": "2016-03-27",
                                          "outlet": "Reuters", "title": "Market struck"}])
        left = sorted(str(p) for d in (work, temp) for p in d.rglob("*"))
    return data, left


def test_code_returns_typed_events_with_their_evidence(coded: tuple[frontlines.Dataset, list[str]]) -> None:
    data, _ = coded
    events = data.events
    assert events and all(isinstance(e, frontlines.Event) for e in events)
    retaken = next(e for e in events if e.location == "Khanasser")
    assert retaken.event_type == "Battles" and retaken.happened
    (evidence,) = data.evidence(retaken)
    assert isinstance(evidence, frontlines.Claim)
    assert evidence.sentence == RETAKEN and evidence.source_id == "0"
    article = next(a for a in data.articles if a.id == evidence.doc_id)
    assert article.text[evidence.start:evidence.end] == RETAKEN
    assert article.text[evidence.trigger_start:evidence.trigger_end] == evidence.trigger
    assert evidence.status is frontlines.Status.REPORTED and evidence.attributed_to
    bombed = next(e for e in events if e.location == "Maarat al-Numan")
    assert bombed.event_date and bombed.event_date.startswith("2016-03") and bombed.fatalities == 12
    assert [c.source_id for c in data.evidence(bombed)] == ["r-2"]
    assert {m.source_id for m in data.mentions} == {"0", "r-2"}
    assert data.summary is not None and data.summary.processed == 2 and data.failures == []


def test_code_writes_no_database_anywhere(coded: tuple[frontlines.Dataset, list[str]]) -> None:
    data, left = coded
    assert left == []
    assert data.store.location == "memory:"


def test_a_bad_document_is_a_failure_and_the_others_go_on() -> None:
    data = frontlines.code([{"id": "no-text", "title": "x"}, "   ", RETAKEN])
    assert [(f.source, f.error) for f in data.failures] == [("no-text", "FL105"), ("1", "FL105")]
    assert "has no 'text' or 'html'" in data.failures[0].message
    assert [c.source_id for c in data.claims] == ["2"]
    with pytest.raises(ConfigError):
        frontlines.code(RETAKEN)  # type: ignore[arg-type] - one text, not a list of them


def test_a_dataset_exports_every_format_with_source_ids(coded: tuple[frontlines.Dataset, list[str]],
                                                         tmp_path: Path) -> None:
    data, _ = coded
    assert data.to_acled(tmp_path / "e.csv", include_all=True) == len(data.happened)
    rows = list(csv.DictReader((tmp_path / "e.csv").read_text().splitlines()))
    assert {r["source_id"] for r in rows} == {"0", "r-2"}
    grounded = [r for r in rows if r["grounded"] == "yes"]
    assert data.to_acled(tmp_path / "g.csv") == len(grounded)  # by default, only the grounded rows
    assert data.to_jsonl(tmp_path / "e.jsonl") == len(grounded)
    assert data.to_geojson(tmp_path / "e.geojson") >= 1
    assert json.loads((tmp_path / "e.geojson").read_text())["type"] == "FeatureCollection"
    assert data.to_parquet(tmp_path / "e.parquet") == len(grounded)
    assert data.to_claims(tmp_path / "c.jsonl") == len(data.claims)


def test_open_reads_a_database_read_only(tmp_path: Path) -> None:
    from frontlines.records import Article
    from frontlines.store.sqlite import SqliteStore

    db = tmp_path / "t.db"
    with SqliteStore(db) as store:
        store.save_document(Article(id="d1", text="x", source="a.txt", source_id="a.txt"), [], [], [])
    with frontlines.open(db) as data:
        assert data.store.readonly and [a.source_id for a in data.articles] == ["a.txt"]
        with pytest.raises(UnfusedError):
            _ = data.events  # stored, never fused: said, not shown as no events
        with pytest.raises(ReadOnlyStoreError):
            data.repair()
    with frontlines.open(db, readonly=False) as data:
        assert data.repair() == ["re-fused the claims into 0 events"] and data.events == []


def test_control_at_refuses_a_day_that_is_not_one() -> None:
    data = frontlines.code([])
    for bad in ("2016-13-45", "yesterday"):
        with pytest.raises(ConfigError, match="YYYY-MM-DD"):
            data.control_at(as_of=bad)
    assert data.control_at(as_of="2016-03-27") == []


def test_the_public_names_are_complete_and_documented() -> None:
    public = set(frontlines.__all__) - {"__version__"}
    assert public == set(frontlines._LAZY)
    for name in sorted(public):
        value = getattr(frontlines, name)
        assert value is not None and (getattr(value, "__doc__", None) or name == "Document"), name
    assert {"code", "open", "Dataset"} <= set(dir(frontlines))
    with pytest.raises(AttributeError):
        _ = frontlines.nothing_of_the_sort  # type: ignore[attr-defined]
    readme = (REPO / "README.md").read_text()
    for name in ("frontlines.code(", "frontlines.open(", "Dataset", "to_acled", "source_id"):
        assert name in readme, name
    assert (REPO / "src" / "frontlines" / "py.typed").is_file()


def test_importing_frontlines_imports_nothing_else() -> None:
    code = "import sys, frontlines; print(sorted(m for m in sys.modules if m.startswith('frontlines')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['frontlines']"


def test_geocode_ranks_as_the_places_command_and_takes_a_governorate_in_any_spelling() -> None:
    (query, cands), = frontlines.geocode(["Maskanah"], limit=3)
    assert query == "Maskanah" and cands and cands[0].place.country == "SY"
    assert cands[0].place.admin1 == "Aleppo"
    (_, first), = frontlines.geocode(["Nawa"], admin1="Hims", limit=1)
    (_, same), = frontlines.geocode(["Nawa"], admin1="Homs", limit=5)
    assert first[0].place.gazetteer_id == same[0].place.gazetteer_id and first[0].place.admin1 == "Homs"
    with pytest.raises(ConfigError):
        frontlines.geocode("Maskanah")
