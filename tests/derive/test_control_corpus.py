"""The situation picture end to end on a small corpus written for it (tests/fixtures/control):
one capture told by several outlets with different spellings and dates a day apart, a denial,
a forecast, a siege and its breaking, a partial capture, a handover, a disputed capture and a
baseline import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "control"
SAA, ISIS, SDF = "Military Forces of Syria (2000-2024)", "Islamic State (Syria)", "QSD: Syrian Democratic Forces"
REBELS = "Opposition Rebels (Syria)"


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("control") / "c.db"
    invoke("run", str(HERE / "reports"), "--manifest", str(HERE / "manifest.jsonl"), "--db", str(path), "--quiet",
           "--engine", "serial")
    return path


@pytest.fixture(scope="module")
def periods(db: Path) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["control", "import", str(HERE / "baseline.csv"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "4 places imported" in result.output and "no gazetteer place named 'Qaryat Nowhere Fictional'" in result.output
    rows = [json.loads(line) for line in invoke("control", "--db", str(db), "--json").splitlines()]
    by_place: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for row in rows:
        by_place.setdefault(row["place"], []).append(row)
    return by_place


def spans(rows: list[dict]) -> list[tuple]:  # type: ignore[type-arg]
    return [(r["actor"], r["start"], r["end"], tuple(r["rivals"])) for r in rows]


def test_one_capture_from_several_outlets_starts_one_period_after_the_baseline(periods: dict) -> None:  # type: ignore[type-arg]
    [before, after] = periods["Maskanah"]
    assert (before["actor"], before["start"], before["end"]) == (ISIS, "2016-01-01", "2016-06-09")
    assert before["origin"].startswith("import: ") and "test analyst map" in before["origin"]
    assert (after["actor"], after["start"], after["end"], after["outlets"]) == (SAA, "2016-06-09", None, 2)
    assert "for its side x0.5" in after["explanation"]  # the state agency reports its own side's gain
    spellings = {f["sentence"].split(" from ")[0].split()[-1] for f in after["evidence_facts"]}
    assert spellings == {"Maskanah", "Meskene"}


def test_the_denial_is_shown_beside_the_claims_it_denies_and_moves_nothing(db: Path) -> None:
    text = invoke("control", "--db", str(db), "--place", "Maskanah")
    assert text.count("DENIED by Amaq") == 2


def test_a_forecast_never_moves_the_line(periods: dict) -> None:  # type: ignore[type-arg]
    assert spans(periods["Manbij"]) == [(SDF, "2017-05-15", "2019-10-13", ()), (SAA, "2019-10-13", None, ())]


def test_a_siege_and_its_breaking_do_not_change_the_holder(db: Path, periods: dict) -> None:  # type: ignore[type-arg]
    assert spans(periods["Nubl"]) == [(SAA, "2014-05-02", None, ())]
    [siege] = [json.loads(line) for line in invoke("control", "sieges", "--db", str(db), "--json").splitlines()]
    assert (siege["place"], siege["besieger"], siege["besieged"], siege["start"], siege["end"]) == (
        "Nubl", REBELS, SAA, "2014-05-01", "2016-02-03")
    assert invoke("control", "sieges", "--db", str(db), "--as-of", "2016-02-10").strip() == ""


def test_a_partial_capture_contests_the_city_until_it_falls(periods: dict) -> None:  # type: ignore[type-arg]
    # no fact for 90 days (territory.yaml control.contested_expiry_days): the contest expires and
    # the side still holding the rest of the city holds it, until the city falls
    assert spans(periods["Ar Raqqah"]) == [(ISIS, "2017-06-01", "2017-06-12", ()),
                                           ("contested", "2017-06-12", "2017-09-10", (ISIS, SDF)),
                                           (ISIS, "2017-09-10", "2017-10-17", ()),
                                           (SDF, "2017-10-17", None, ())]
    resolved = periods["Ar Raqqah"][2]
    assert "expired on 2017-09-10" in resolved["explanation"] and resolved["allies"] == []


def test_a_capture_disputed_within_days_is_contested_with_both_sides(periods: dict) -> None:  # type: ignore[type-arg]
    row, resolved = periods["Jarabulus"]  # no later fact: the contest expires after 90 days
    assert resolved["state"] == "held" and resolved["start"] == row["end"] and "expired" in resolved["explanation"]
    # "Turkish-backed rebels" are the Syrian National Army, coded as the Free Syrian Army before Oct 2019
    assert (row["state"], row["rivals"]) == ("contested", ["Free Syrian Army", ISIS])
    assert "afp reported" in row["explanation"] and "anadolu agency asserted" in row["explanation"]


def test_a_row_with_coordinates_only_is_imported_at_its_point(periods: dict) -> None:  # type: ignore[type-arg]
    [row] = periods["point:34.50000,38.20000"]
    assert (row["actor"], row["latitude"], row["longitude"]) == (SAA, 34.5, 38.2)


def test_as_of_near_bbox_changes_and_geojson(db: Path) -> None:
    rows = [json.loads(line) for line in invoke("control", "--db", str(db), "--as-of", "2017-07-01", "--near",
                                                  "Maskanah", "--km", "70", "--json").splitlines()]
    assert {(r["place"], r["actor"]) for r in rows} == {("Maskanah", SAA), ("Manbij", SDF)}
    assert all(r["latitude"] and r["evidence_facts"] or r["origin"].startswith("import") for r in rows)
    boxed = invoke("control", "--db", str(db), "--as-of", "2017-07-01", "--bbox", "38.9", "35.8", "39.1", "36.1")
    assert boxed.startswith("Ar Raqqah") and boxed.count("confidence") == 1
    changes = [json.loads(line) for line in invoke("control", "--db", str(db), "--changes", "2017-06-01",
                                                     "2017-12-31", "--json").splitlines()]
    assert [(c["place"], c["start"]) for c in changes] == [("Ar Raqqah", "2017-06-01"), ("Ar Raqqah", "2017-06-12"),
                                                           ("Ar Raqqah", "2017-09-10"), ("Ar Raqqah", "2017-10-17")]
    geo = json.loads(invoke("control", "--db", str(db), "--as-of", "2018-01-01", "--geojson"))
    assert {f["properties"]["place"] for f in geo["features"]} >= {"Ar Raqqah", "Maskanah", "Nubl"}


def test_event_shows_why_each_claim_joined(db: Path) -> None:
    import sqlite3

    with sqlite3.connect(db) as conn:
        [event_id] = conn.execute("SELECT id FROM events WHERE location = 'Maskanah' AND happened = 1 AND "
                                  "sub_event_type = 'Government regains territory'").fetchone()
    text = invoke("event", event_id, "--db", str(db))
    assert text.count("  claim ") >= 2 and "place: Maskanah" in text and "actors: actor1" in text
    data = json.loads(invoke("event", event_id, "--db", str(db), "--json"))
    assert len(data["claims"]) >= 2 and {c["outlet"] for c in data["claims"]} == {"SANA", "Reuters"}


def test_errors_are_one_line(db: Path, tmp_path: Path) -> None:
    bad = CliRunner().invoke(cli, ["control", "--db", str(db), "--as-of", "June"])
    assert bad.exit_code != 0 and "not a day" in bad.output
    missing = CliRunner().invoke(cli, ["event", "ev-nope", "--db", str(db)])
    assert missing.exit_code != 0 and "no event" in missing.output
    broken = tmp_path / "snap.geojson"
    broken.write_text("{not json")
    result = CliRunner().invoke(cli, ["control", "import", str(broken), "--db", str(db)])
    assert result.exit_code != 0 and "not valid GeoJSON" in result.output and len(result.output.splitlines()) == 1


def test_the_public_api_has_the_situation_picture(db: Path, periods: dict) -> None:  # type: ignore[type-arg]
    import frontlines
    from frontlines.derive import Near

    with frontlines.open(db) as data:
        now = {p.place_name: p for p in data.situation("2017-07-01")}
        assert now["Maskanah"].actor == SAA and now["Ar Raqqah"].state == "contested"
        near = data.situation("2017-07-01", near=Near(35.9658, 38.0416, 5))
        assert [p.place_name for p in near] == ["Maskanah"]
        assert [s.place_name for s in data.sieges] == ["Nubl"]
        history = data.history(now["Maskanah"].place_id)
        assert any(denials for _, denials in history) and all(f.sentence for f, _ in history)
        event = next(e for e in data.happened if e.location == "Maskanah")
        assert len(data.explain(event).joins) >= 2
