"""Build the packaged gazetteer (SQLite) from the shared sources, a GeoNames dump and the overlay.

Syria in depth (every WOF locality with Arabic and variant names, the whole Wikipedia
war-map module, OpenSyria admin units), the neighbours in breadth (WOF localities of
Iraq, Lebanon, Jordan and Turkey's border strip, without Arabic names).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ResourceError
from .gaz_admin import Admin1, Grid
from .gaz_geonames import read_geonames
from .gaz_overlay import read_overlay
from .gaz_sources import Draft, read_opensyria, read_wiki, read_wof
from .gaz_words import NO_WORDS, FeatureWords
from .normalize import name_key, skeleton, spelled

if TYPE_CHECKING:
    from ..kb.theater import Theater

SCHEMA = """
CREATE TABLE places (pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT NOT NULL,
  population INTEGER, source TEXT);
CREATE TABLE names (key TEXT NOT NULL, core TEXT NOT NULL, skel TEXT NOT NULL,
  place INTEGER NOT NULL REFERENCES places(pk), name TEXT NOT NULL);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX names_core ON names(core);
CREATE INDEX names_skel ON names(skel);
"""
NEIGHBOURS = {"IQ": "wof_iq.tsv", "LB": "wof_lb.tsv", "JO": "wof_jo.tsv", "TR": "wof_tr_syria_border.tsv",
              "IL": "wof_il.tsv", "PS": "wof_ps.tsv", "IR": "wof_ir.tsv"}
#: the folder of the knowledge base that holds gazetteer sources the shared folder lacks (Who's
#: On First Israel, Palestine and Iran, flattened by scripts/flatten_wof.py)
EXTRA_SOURCES = "gazetteer_sources"
ATTRIBUTION = (
    "Data from Who's On First (https://whosonfirst.org/docs/licenses/), including GeoNames "
    "(CC BY 4.0, geonames.org) and foursquare Quattroshapes (CC BY), localities of Syria, Iraq, "
    "Lebanon, Jordan, Turkey's border strip, Israel, Palestine and Iran; Wikipedia contributors, "
    "'Module:Syrian Civil War detailed map' and 'Module:Lebanese insurgency detailed map', English "
    "Wikipedia (CC BY-SA 4.0); OpenSyria Data Geography (CC BY 4.0) with OCHA/HDX Syria CODs "
    "(CC BY 3.0 IGO), geoBoundaries, GeoNames, Wikidata. This file: CC BY-SA 4.0."
)


@dataclass(frozen=True)
class BuildReport:
    """What a gazetteer build produced."""

    out: Path
    places: int
    names: int
    bytes: int
    by_source: dict[str, int] = field(default_factory=dict)


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Merge WOF rows that share a GeoNames id (Quattroshapes + GeoNames copies)."""
    seen: dict[str, Draft] = {}
    out = []
    for d in drafts:
        if d.geonameid and d.geonameid in seen:
            seen[d.geonameid].names.extend(d.names)
            continue
        if d.geonameid:
            seen[d.geonameid] = d
        out.append(d)
    return out


def _fill_admin(drafts: list[Draft], reference: Grid[Draft]) -> None:
    """Country, admin1 and admin2 of entries that lack them, from the nearest located localities."""
    for d in drafts:
        if d.country and d.admin1 and d.admin2:
            continue
        near = [x for _, x in reference.nearest(d.lat, d.lon, k=5)]
        if not near:
            continue
        d.country = d.country or near[0].country
        same = [x for x in near if x.country == d.country] or near
        if not d.admin1 and d.feature not in ("country",):
            votes = Counter(x.admin1 for x in same if x.admin1)
            d.admin1 = votes.most_common(1)[0][0] if votes else None
        if not d.admin2 and d.feature not in ("country", "admin1"):
            d.admin2 = next((x.admin2 for x in same if x.admin2 and x.admin1 == d.admin1), None)


def _keys(d: Draft, words: FeatureWords) -> set[str]:
    return {name_key(n) for n in d.names} | {words.core_key(n) for n in d.names}


def _merge_into(d: Draft, grid: Grid[Draft], radius_km: float, same_feature: bool,
                words: FeatureWords = NO_WORDS) -> bool:
    """Add ``d``'s names to a nearby entry with a shared key; True when merged."""
    keys = _keys(d, words)
    skels = {skeleton(k) for k in keys if len(skeleton(k)) >= 3}
    for dist, other in grid.nearest(d.lat, d.lon, k=8, max_rings=1):
        if dist > radius_km or (same_feature and other.feature != d.feature):
            continue
        other_keys = _keys(other, words)
        if keys & other_keys or skels & {skeleton(k) for k in other_keys}:
            other.names.extend(d.names)
            return True
    return False


def _city_label(d: Draft, cities: Grid[Draft], radius_km: float = 25.0) -> bool:
    """A war-map label that names a city away from its centre (the label of a city minimap:
    "Damascus" 17 km south-east of the city) is that city, not a namesake village: its names
    go to the city.  Only the primary names must agree."""
    key = name_key(d.name)
    for dist, city in cities.nearest(d.lat, d.lon, k=4, max_rings=3):
        if dist <= radius_km and name_key(city.name) == key:
            city.names.extend(d.names)
            return True
    return False


def _unique_ids(drafts: list[Draft]) -> None:
    seen: Counter[str] = Counter()
    for d in drafts:
        seen[d.id] += 1
        if seen[d.id] > 1:
            d.id = f"{d.id}-{seen[d.id]}"


def _wiki_drafts(source_dir: Path) -> tuple[list[Draft], list[Draft]]:
    full = list(read_wiki(source_dir / "wikipedia_syria_map_full" / "places.tsv"))
    head_dir = source_dir / "wikipedia_syria_map"
    head = list(read_wiki(head_dir / "syria_detailed_map_20260924_head.tsv", prefix="wikimap"))
    lebanon = head_dir / "lebanon_detailed_map_20260924.tsv"
    if lebanon.is_file():
        head += list(read_wiki(lebanon, country="LB", prefix="wikilb"))
    return full, head


def collect(source_dir: Path, overlay: Path | None, geonames_dir: Path | None, admin1: Admin1,
            home: str = "SY", extra_dir: Path | None = None, words: FeatureWords = NO_WORDS) -> list[Draft]:
    """All entries from all sources, merged and with admin units filled in (``admin1``: the
    theater's canonical governorate spelling, for places of its country ``home``); neighbour
    files missing from ``source_dir/wof`` are read from ``extra_dir`` when it has them."""
    wof_dir = source_dir / "wof"
    syria = _dedupe(list(read_wof(wof_dir / "wof_sy.tsv", "SY", admin1, home)))
    neighbours = []
    for country, fname in NEIGHBOURS.items():
        found = next((d / fname for d in (wof_dir, extra_dir) if d is not None and (d / fname).is_file()), None)
        if found is not None:
            neighbours += _dedupe(list(read_wof(found, country, admin1, home, arabic=False)))
    located = [d for d in syria + neighbours if d.admin1 and d.feature in ("settlement", "city")]
    reference: Grid[Draft] = Grid((d.lat, d.lon, d) for d in located)
    _fill_admin(syria, reference)
    entries = syria + neighbours
    if geonames_dir is not None:
        entries = _add_geonames(entries, list(read_geonames(Path(geonames_dir))), reference)
    entries += list(read_opensyria(source_dir / "opensyria_geography" / "syria_admin_units.tsv", admin1))
    entries += _add_wiki(entries, source_dir, reference, words)
    if overlay is not None:
        entries += list(read_overlay(Path(overlay), admin1, home))
    _unique_ids(entries)
    return entries


def _add_geonames(entries: list[Draft], gn: list[Draft], reference: Grid[Draft]) -> list[Draft]:
    """A user-supplied GeoNames dump updates entries with its geonameid and adds the rest."""
    by_gn = {d.geonameid: d for d in entries if d.geonameid}
    new = []
    for g in gn:
        old = by_gn.get(g.geonameid) if g.geonameid else None
        if old is not None:
            old.lat, old.lon = g.lat, g.lon
            old.population = g.population or old.population
            old.names.extend(g.names)
        else:
            new.append(g)
    _fill_admin(new, reference)
    return entries + new


def _add_wiki(entries: list[Draft], source_dir: Path, reference: Grid[Draft],
              words: FeatureWords = NO_WORDS) -> list[Draft]:
    full, head = _wiki_drafts(source_dir)
    _fill_admin(full + head, reference)
    towns: Grid[Draft] = Grid((d.lat, d.lon, d) for d in entries if d.source == "wof")
    cities: Grid[Draft] = Grid((d.lat, d.lon, d) for d in entries if d.source == "wof" and d.feature == "city")
    kept: list[Draft] = []
    features: Grid[Draft] = Grid([])
    for d in full + head:
        if d.feature == "settlement" and (_merge_into(d, towns, 3.0, False, words)
                                          or _city_label(d, cities)):
            continue
        if _merge_into(d, features, 3.0, True, words):
            continue
        features.cells.setdefault(features._cell(d.lat, d.lon), []).append((d.lat, d.lon, d))
        kept.append(d)
    return kept


def _name_rows(pk: int, d: Draft, words: FeatureWords = NO_WORDS) -> list[tuple[str, str, str, int, str]]:
    # one row per spelling (the evidence "as written" needs it), not only per key: (key, spelling) → row
    rows: dict[tuple[str, str], tuple[str, str, str, int, str]] = {}
    for n in dict.fromkeys(x.strip() for x in d.names if x and x.strip()):
        key = name_key(n)
        if len(key) < 2 or (key, spelled(n)) in rows or re.search(r"[^\x00-\u024f]", n) and key in {k for k, _ in rows}:
            continue
        core = words.core_key(n)
        rows[(key, spelled(n))] = (key, core, skeleton(core), pk, n)
    return list(rows.values())


def write_db(entries: list[Draft], out: Path, words: FeatureWords = NO_WORDS) -> tuple[int, int]:
    """Write the entries to a fresh SQLite file (core keys without ``words``, which the file
    keeps in its ``meta`` table for lookups); returns (places, names)."""
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
            (pk, d.id, d.name, round(d.lat, 5), round(d.lon, 5), d.country, d.admin1, d.admin2,
             d.feature, d.population, d.source) for pk, d in enumerate(entries, 1)])
        names = [row for pk, d in enumerate(entries, 1) for row in _name_rows(pk, d, words)]
        con.executemany("INSERT INTO names VALUES (?,?,?,?,?)", names)
        con.executescript(INDEXES)
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("attribution", ATTRIBUTION), ("license", "CC BY-SA 4.0"), ("schema", "1"),
            ("feature_words", words.to_json())])
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    os.replace(tmp, out)
    return len(entries), len(names)


def build_gazetteer(source_dir: Path, out: Path, overlay: Path | None = None,
                    geonames_dir: Path | None = None, *, theater: Theater, home: str = "SY",
                    extra_dir: Path | None = None) -> BuildReport:
    """Build the gazetteer SQLite file ``out`` from ``source_dir`` (layout of shared/data/gazetteer);
    governorate names are spelled as the knowledge base's ``theater`` spells them."""
    source_dir, out = Path(source_dir), Path(out)
    if not (source_dir / "wof" / "wof_sy.tsv").is_file():
        raise ResourceError("not a gazetteer source directory (no wof/wof_sy.tsv)", source=str(source_dir))
    entries = collect(source_dir, overlay, geonames_dir, theater.canonical_admin1, home, extra_dir,
                      theater.feature_words)
    out.parent.mkdir(parents=True, exist_ok=True)
    places, names = write_db(entries, out, theater.feature_words)
    by_source = dict(Counter(d.source for d in entries))
    return BuildReport(out=out, places=places, names=names, bytes=out.stat().st_size,
                       by_source=by_source)
