"""The golden list of registered names (nothing drops out of a registry silently), and the
registries really used: readers by suffix, plugins through entry points in normal runs."""

from __future__ import annotations

import importlib.metadata
import json
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines import registry

GOLDEN = {
    "readers": ["csv", "feed", "file", "jsonl", "parquet", "warc"],
    "cleaners": ["default"],
    "extractors": ["rules"],
    "geocoders": ["memory", "sqlite"],
    "resolvers": ["gazetteer"],
    "stores": ["memory", "postgresql", "sqlite"],
    "exporters": ["acled", "claims", "geojson", "jsonl", "parquet", "places"],
    "engines": ["process", "ray", "serial"],
}


def test_registered_names_are_the_golden_list() -> None:
    registry.load_builtins(plugins=False)
    for name, expected in GOLDEN.items():
        assert getattr(registry, name).names() == expected, name


def test_unknown_name_lists_the_known_ones() -> None:
    registry.load_builtins(plugins=False)
    with pytest.raises(Exception, match="spark") as info:
        registry.engines.get("spark")
    assert "process" in str(info.value) and "serial" in str(info.value)


@pytest.mark.parametrize("name,reader", [
    ("a.txt", "file"), ("a.HTML", "file"), ("c.jsonl", "jsonl"), ("c.ndjson", "jsonl"), ("c.csv", "csv"),
    ("crawl.warc", "warc"), ("crawl.warc.gz", "warc"), ("f.rss", "feed"), ("notes.xml", None), ("a.pdf", None),
])
def test_readers_are_found_by_their_registered_suffixes(tmp_path: Path, name: str, reader: str | None) -> None:
    from frontlines.ingest.readers import reader_for

    registry.load_builtins(plugins=False)
    path = tmp_path / name
    path.write_text("<notes/>")
    assert reader_for(path) == reader


def test_a_feed_is_told_from_other_xml_by_its_head(tmp_path: Path) -> None:
    from frontlines.ingest.readers import reader_for

    registry.load_builtins(plugins=False)
    feed = tmp_path / "news.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    assert reader_for(feed) == "feed"


PLUGIN = '''
from frontlines.registry import exporters, readers
from frontlines.ingest.readers import article_from_text

@exporters.register("ids")
def write_ids(ctx, stream):
    for event in ctx.events:
        stream.write((event.id + "\\n").encode())
    return len(ctx.events)

@readers.register("shout", suffixes=(".shout",))
def read_shout(path, options, manifest):
    yield article_from_text(path.read_text().lower(), str(path))
'''


@pytest.fixture()
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed plugin, as a package declares it: an entry point in ``frontlines.plugins``."""
    (tmp_path / "fl_plugin_example.py").write_text(PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path))
    entry = EntryPoint(name="example", value="fl_plugin_example", group=registry.PLUGIN_GROUP)

    real = importlib.metadata.entry_points

    def entry_points(**select: str) -> object:  # other libraries (spaCy) ask for their own groups
        return [entry] if select.get("group") == registry.PLUGIN_GROUP else real(**select)

    monkeypatch.setattr("importlib.metadata.entry_points", entry_points)
    monkeypatch.setattr(registry, "_plugins_loaded", [])
    for reg in (registry.exporters, registry.readers):  # the plugin's names go when the test ends
        monkeypatch.setattr(reg, "_items", dict(reg._items))
        monkeypatch.setattr(reg, "_info", dict(reg._info))
    monkeypatch.delitem(sys.modules, "fl_plugin_example", raising=False)


@pytest.mark.usefixtures("plugin")
def test_a_plugin_registered_through_an_entry_point_works_in_a_normal_run(tmp_path: Path) -> None:
    from frontlines.cli.main import cli

    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "r.shout").write_text("SYRIAN ARMY UNITS CAPTURED THE TOWN OF MASKANAH FROM ISIS ON MONDAY.")
    db = str(tmp_path / "t.db")
    ran = CliRunner().invoke(cli, ["run", str(docs), "--db", db, "--quiet"])
    assert ran.exit_code == 0 and "1 coded" in ran.output, ran.output
    # --all: the report carries no date, so its row is not grounded (not in the default export)
    out = CliRunner().invoke(cli, ["export", "--db", db, "--format", "ids", "--all"])
    assert out.exit_code == 0, out.output
    jsonl = CliRunner().invoke(cli, ["export", "--db", db, "--format", "jsonl", "--all"]).output
    assert out.output.split() == [json.loads(line)["id"] for line in jsonl.splitlines()] != []


def test_a_broken_plugin_is_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from frontlines.cli.main import cli

    entry = EntryPoint(name="broken", value="no_such_module_anywhere", group=registry.PLUGIN_GROUP)
    real = importlib.metadata.entry_points
    monkeypatch.setattr("importlib.metadata.entry_points",
                        lambda **select: [entry] if select.get("group") == registry.PLUGIN_GROUP else real(**select))
    monkeypatch.setattr(registry, "_plugins_loaded", [])
    result = CliRunner().invoke(cli, ["doctor", "--db", "nowhere.db"])
    assert result.exit_code == 2 and "plugin 'broken'" in result.output and "Traceback" not in result.output


def test_the_extractor_and_place_resolver_are_chosen_by_name(tmp_path: Path) -> None:
    from frontlines.cli.main import cli

    doc = tmp_path / "r.txt"
    doc.write_text("Syrian army units captured the town of Maskanah from ISIS on Monday.")
    for option in ("--extractor", "--resolver"):
        result = CliRunner().invoke(cli, ["run", str(doc), "--db", str(tmp_path / "t.db"), "--quiet",
                                          option, "crystal-ball"])
        assert "crystal-ball" in result.output and "known:" in result.output, result.output
