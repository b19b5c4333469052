"""Gazetteer build from a tiny hand-made source tree, GeoNames parser and overlay checks."""

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factories import packaged_kb
from frontlines.cli.places import gazetteer_group, places_command
from frontlines.errors import MalformedRecordError, ResourceError
from frontlines.resolve.gaz_geonames import read_geonames
from frontlines.resolve.gaz_overlay import COLUMNS, check_overlay
from frontlines.resolve.gazetteer import SqliteGazetteer, build_gazetteer

WOF_HEAD = ("wof_id\tgeonameid\twikidata\tplacetype\tfclass\tfcode\tname\tname_ascii\tname_en\t"
            "name_ar\tlat\tlon\tpopulation\tregion\tcounty\tis_current\tdeprecated\talt_names")
WOF_ROWS = [
    "1\t101\t\tlocality\tP\tPPL\tKhanasir\tKhanasir\t\tخناصر\t35.78\t37.50\t\tH'alab\tAs-Safirah\t-1\t0\tKhanasser|Khanāşir",
    "2\t102\t\tlocality\tP\tPPLA\tDayr az Zawr\tDayr az Zawr\tDeir ez-Zor\t\t35.34\t40.14\t242565\tDayr az Zawr\t\t1\t0\tDeir ez-Zor",
    "3\t103\t\tlocality\tP\tPPL\tNo Region\tNo Region\t\t\t35.80\t37.52\t\t\t\t-1\t0\t",
    "4\t104\t\tlocality\tP\tPPL\tGone\tGone\t\t\t35.0\t38.0\t\t\t\t0\t1\t",
]
OSY = ("id\tlevel\tparent_id\tname_en\tname_ar\tlat\tlon\tocha_pcode\tgeonameid\twikidata\tpopulation\t"
       "pop_year\taliases\n"
       "sy-aleppo\tgovernorate\t\tAleppo\tحلب\t36.25\t37.61\tSY02\t\t\t100\t2016\tAleppo Governorate\n")
WIKI = ("lat\tlon\tname\twiki_target\tkind\n"
        "36.185\t37.584\tKuweires Airbase\tKuweires Airbase\tairbase\n"
        "35.781\t37.501\tKhanasir\tBattle of Khanasir\tsettlement\n")
SY_TXT = "\t".join(["900", "Tall Test", "Tall Test", "Tell Test,Tal Test", "36.0", "37.0", "P", "PPL",
                    "SY", "", "09", "", "", "", "1200", "", "300", "Asia/Damascus", "2020-01-01"])
SY_TXT_UPDATE = "\t".join(["101", "Khanasir", "Khanasir", "Khunasira", "35.79", "37.51", "P", "PPL",
                           "SY", "", "09", "", "", "", "5000", "", "300", "Asia/Damascus", "2020-01-01"])
ALT = "1\t900\ten\tTel-Test\t1\t\t\t\n2\t900\tlink\thttps://example.org\t\t\t\t\n"


def _sources(root: Path) -> Path:
    (root / "wof").mkdir(parents=True)
    (root / "wof" / "wof_sy.tsv").write_text("\n".join([WOF_HEAD, *WOF_ROWS]) + "\n", encoding="utf-8")
    (root / "opensyria_geography").mkdir()
    (root / "opensyria_geography" / "syria_admin_units.tsv").write_text(OSY, encoding="utf-8")
    (root / "wikipedia_syria_map_full").mkdir()
    (root / "wikipedia_syria_map_full" / "places.tsv").write_text(WIKI, encoding="utf-8")
    (root / "wikipedia_syria_map").mkdir()
    (root / "wikipedia_syria_map" / "syria_detailed_map_20260924_head.tsv").write_text(
        "lat\tlon\tname\twiki_target\tkind\tmark\tcolour_code\tmarksize\tlink\n", encoding="utf-8")
    return root


def _overlay(path: Path, rows: list[list[str]]) -> Path:
    lines = [",".join(COLUMNS)] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD_ROW = ["ovl:test-region", "Test Region", "Testland", "33.5", "36.4", "SY", "Rif Dimashq",
            "region", "", "mean of OpenSyria subdistricts X and Y", ""]


def test_build_merges_sources_and_canonicalises_admin1(tmp_path):
    src = _sources(tmp_path / "src")
    out = tmp_path / "g.sqlite"
    report = build_gazetteer(src, out, _overlay(tmp_path / "o.csv", [GOOD_ROW]), theater=packaged_kb().theater)
    assert report.places == 6 and out.stat().st_size == report.bytes  # 3 WOF + 1 OSY + airbase + ovl
    gaz = SqliteGazetteer(out)
    khanasir = gaz.candidates("Khanasser")[0].place
    assert (khanasir.gazetteer_id, khanasir.admin1, khanasir.admin2) == ("wof:1", "Aleppo", "As-Safirah")
    assert gaz.get("wof:2").admin1 == "Deir ez-Zor"
    assert gaz.get("wof:3").admin1 == "Aleppo"  # filled from the nearest located locality
    assert gaz.get("wof:4") is None  # deprecated rows are dropped
    assert gaz.candidates("Kuweires air base")[0].place.feature == "airbase"
    assert gaz.candidates("Testland")[0].place.gazetteer_id == "ovl:test-region"
    con = sqlite3.connect(out)
    assert "CC BY-SA" in con.execute("SELECT v FROM meta WHERE k='license'").fetchone()[0]
    con.close()


def test_build_with_geonames_dump(tmp_path):
    src = _sources(tmp_path / "src")
    gn = tmp_path / "gn"
    gn.mkdir()
    (gn / "SY.txt").write_text(SY_TXT + "\n" + SY_TXT_UPDATE + "\n", encoding="utf-8")
    (gn / "alternateNames.txt").write_text(ALT, encoding="utf-8")
    out = tmp_path / "g.sqlite"
    build_gazetteer(src, out, None, gn, theater=packaged_kb().theater)
    gaz = SqliteGazetteer(out)
    new = gaz.candidates("Tel-Test")[0].place
    assert new.gazetteer_id == "gn:900" and new.population == 1200 and new.admin1 == "Aleppo"
    assert gaz.get("wof:1").latitude == pytest.approx(35.79)  # the dump updates the WOF row
    assert gaz.candidates("Khunasira")[0].place.gazetteer_id == "wof:1"
    assert not gaz.candidates("https://example.org", fuzzy=False)


def test_geonames_parser_rejects_short_rows(tmp_path):
    (tmp_path / "SY.txt").write_text("1\tonly\ttwo\n", encoding="utf-8")
    with pytest.raises(MalformedRecordError):
        list(read_geonames(tmp_path))
    with pytest.raises(ResourceError):
        list(read_geonames(tmp_path / "missing"))


def test_build_refuses_a_wrong_source_dir(tmp_path):
    with pytest.raises(ResourceError):
        build_gazetteer(tmp_path, tmp_path / "x.sqlite", theater=packaged_kb().theater)


def test_check_overlay_finds_problems(tmp_path):
    assert check_overlay(_overlay(tmp_path / "ok.csv", [GOOD_ROW])) == []
    bad = [GOOD_ROW, GOOD_ROW[:3] + ["95", "36", "Syria", "", "castle", "x", "", ""],
           ["ovl:b", "B", "", "33", "36", "SY", "Atlantis", "region", "", "somewhere", ""]]
    problems = check_overlay(_overlay(tmp_path / "bad.csv", bad))
    text = "\n".join(problems)
    for needle in ("duplicate id", "out of range", "ISO 3166", "unknown feature",
                   "whole number", "coord_source"):
        assert needle in text
    (tmp_path / "cols.csv").write_text("id,name\novl:a,A\n", encoding="utf-8")
    assert "lacks columns" in check_overlay(tmp_path / "cols.csv")[0]


def test_packaged_overlay_is_valid():
    overlay = Path(__file__).resolve().parents[2] / "src/frontlines/data/gazetteer_overlay.csv"
    assert check_overlay(overlay) == []


def test_cli_check_and_build(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(gazetteer_group, ["check", "--overlay", str(_overlay(tmp_path / "o.csv", [GOOD_ROW]))])
    assert ok.exit_code == 0 and "ok" in ok.output
    bad = runner.invoke(gazetteer_group, ["check", "--overlay", str(tmp_path / "none.csv")])
    assert bad.exit_code == ResourceError.exit_code
    src = _sources(tmp_path / "src")
    out = tmp_path / "built.sqlite"
    built = runner.invoke(gazetteer_group, ["build", "--out", str(out), "--source-dir", str(src),
                                            "--overlay", str(tmp_path / "o.csv")])
    assert built.exit_code == 0, built.output
    res = runner.invoke(places_command, ["Khanasser", "--gazetteer", str(out), "--json"])
    assert '"gazetteer_id": "wof:1"' in res.output
    missing = runner.invoke(gazetteer_group, ["build", "--out", str(out), "--source-dir", str(tmp_path)])
    assert missing.exit_code == ResourceError.exit_code


def test_build_reads_neighbours_from_the_extra_sources_of_the_kb(tmp_path):
    src = _sources(tmp_path / "src")
    extra = tmp_path / "extra"
    extra.mkdir()
    row = "9\t909\t\tlocality\tP\tPPLC\tTestopolis\tTestopolis\t\t\t32.0\t34.8\t400000\tCentral\t\t1\t0\tTestopol"
    (extra / "wof_il.tsv").write_text(WOF_HEAD + "\n" + row + "\n", encoding="utf-8")
    out = tmp_path / "g.sqlite"
    report = build_gazetteer(src, out, None, theater=packaged_kb().theater, extra_dir=extra)
    assert report.by_source["wof"] == 4
    place = SqliteGazetteer(out).candidates("Testopol")[0].place
    assert (place.country, place.feature) == ("IL", "city")


def test_the_packaged_gazetteer_covers_israel_palestine_iran_and_the_ghouta():
    gaz = SqliteGazetteer()
    for name, country in (("Tel Aviv", "IL"), ("Gaza", "PS"), ("Isfahan", "IR"), ("Ghouta", "SY")):
        assert gaz.candidates(name, limit=1)[0].place.country == country, name
