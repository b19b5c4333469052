"""The Gazetteer seam: MemoryGazetteer, the packaged SqliteGazetteer, lookup, registry, CLI."""

import json
import pickle

from click.testing import CliRunner

from factories import packaged_kb
from frontlines.cli.places import places_command
from frontlines.records import Place
from frontlines.registry import geocoders
from frontlines.resolve.gazetteer import Gazetteer, MemoryGazetteer, SqliteGazetteer, lookup

WORDS = packaged_kb().theater.feature_words  # the feature words the packaged gazetteer was built with


def _memory() -> MemoryGazetteer:
    return MemoryGazetteer([
        (Place("t:1", "Al Mayadin", 35.02, 40.45, "SY", "Deir ez-Zor", feature="city",
               population=54000), ["Mayadeen"]),
        (Place("t:2", "Mayadin", 34.86, 40.30, "SY", "Deir ez-Zor", feature="admin2"), []),
        (Place("t:3", "Kuweires Airbase", 36.19, 37.58, "SY", "Aleppo", feature="airbase"), []),
        (Place("t:4", "Kuwayris", 35.74, 36.90, "SY", "Idlib"), []),
    ], WORDS)


def test_memory_gazetteer_ranks_and_filters():
    gaz = _memory()
    assert isinstance(gaz, Gazetteer)
    cands = gaz.candidates("al-Mayadeen")
    assert [c.place.gazetteer_id for c in cands[:2]] == ["t:1", "t:2"]
    assert cands[0].score > cands[1].score and "match" in cands[0].reason
    assert gaz.candidates("Kuweires air base")[0].place.gazetteer_id == "t:3"
    assert gaz.candidates("Mayadeen", country="IQ") == []
    assert gaz.get("t:4").name == "Kuwayris" and gaz.get("nope") is None


def test_registry_names():
    assert {"sqlite", "memory"} <= set(geocoders.names())
    assert geocoders.get("memory") is MemoryGazetteer


def test_packaged_gazetteer_finds_variants():
    gaz = SqliteGazetteer()
    for name, lat, lon in [("Deir Al-Zour", 35.34, 40.14), ("Khanasser", 35.78, 37.50),
                           ("al-Bu Kamal", 34.45, 40.92), ("Eastern Ghouta", 33.5, 36.4)]:
        top = gaz.candidates(name, country="SY")[0].place
        assert abs(top.latitude - lat) < 0.2 and abs(top.longitude - lon) < 0.2, (name, top)
    assert gaz.get("osy:sy-aleppo").feature == "admin1"
    clone = pickle.loads(pickle.dumps(gaz))  # picklable for a process pool: reopens lazily
    assert clone.candidates("Palmyra", limit=1)


def test_lookup_keeps_order():
    result = lookup(["Mayadeen", "Nowhere"], None, _memory())
    assert [q for q, _ in result] == ["Mayadeen", "Nowhere"] and result[1][1] == []


def test_places_cli_json_and_stdin():
    runner = CliRunner()
    one = runner.invoke(places_command, ["Deir Al-Zour", "--country", "SY", "--json", "--limit", "2"])
    rows = [json.loads(line) for line in one.output.splitlines()]
    assert len(rows) == 2 and rows[0]["admin1"] == "Deir ez-Zor"
    assert set(rows[0]) == {"name", "gazetteer_id", "latitude", "longitude", "country", "admin1",
                            "admin2", "feature", "score", "reason"}
    many = runner.invoke(places_command, ["-", "--json"], input="Tabqa\nAl-Sukhnah\n")
    lines = [json.loads(line) for line in many.output.splitlines()]
    assert [x["query"] for x in lines] == ["Tabqa", "Al-Sukhnah"] and lines[0]["candidates"]
    text = runner.invoke(places_command, ["Palmyra"])
    assert text.exit_code == 0 and "Palmyra" in text.output
