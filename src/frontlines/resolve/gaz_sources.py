"""Readers of the gazetteer sources: Who's On First, Wikipedia map modules, OpenSyria, GeoNames.

Each reader yields :class:`Draft` entries (mutable while the build merges them); the
build turns them into :class:`frontlines.records.Place` rows.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ResourceError
from .gaz_admin import Admin1

csv.field_size_limit(10_000_000)


@dataclass
class Draft:
    """A gazetteer entry being built."""

    id: str
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    source: str
    admin1: str | None = None
    admin2: str | None = None
    population: int | None = None
    names: list[str] = field(default_factory=list)
    geonameid: str | None = None


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header line."""
    if not path.is_file():
        raise ResourceError("gazetteer source file is missing", source=str(path))
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None


_WOF_FEATURES = {"county": "admin2", "region": "admin1", "neighbourhood": "neighbourhood",
                 "campus": "airbase", "country": "country", "macrohood": "neighbourhood"}
_CITY_CODES = {"PPLC", "PPLA", "PPLA2"}


def _wof_feature(row: dict[str, str], population: int | None) -> str:
    if row["placetype"] != "locality":
        return _WOF_FEATURES.get(row["placetype"], "settlement")
    if row["fcode"] in _CITY_CODES or (population or 0) >= 100_000:
        return "city"
    return "settlement"


def read_wof(path: Path, country: str, admin1: Admin1, home: str, *, arabic: bool = True) -> Iterator[Draft]:
    """Who's On First TSV rows (see the source README for the columns)."""
    for row in read_tsv(path):
        if row["deprecated"] == "1" or row["is_current"] == "0":
            continue
        pop = _int(row["population"])
        names = [row["name"], row["name_ascii"], row["name_en"], *row["alt_names"].split("|")]
        if arabic:
            names.append(row["name_ar"])
        names = [n for n in names if n and (arabic or not re.search(r"[\u0600-\u06ff]", n))]
        names += [part.strip() for n in names if "(" in n for part in re.split(r"[()]", n)
                  if len(part.strip()) > 1]  # "al-Thawrah (Tabqa)": both are names of the town
        primary = row["name_en"] or row["name_ascii"] or row["name"]
        region = row["region"] or None
        yield Draft(
            id=f"wof:{row['wof_id']}", name=primary, lat=float(row["lat"]), lon=float(row["lon"]),
            country=country, feature=_wof_feature(row, pop), source="wof",
            admin1=admin1(region) if country == home else region,
            admin2=row["county"] or None, population=pop, names=names,
            geonameid=row["geonameid"] or None,
        )


_WIKI_KINDS = {
    "settlement": "settlement", "hill/mountain": "hill", "hill": "hill",
    "military base": "military_base", "military_base": "military_base", "other": "facility",
    "oil/gas": "oil_gas", "oil_gas": "oil_gas", "airbase": "airbase", "heliport": "airbase",
    "border crossing": "border_crossing", "border_crossing": "border_crossing",
    "border_crossing_icon": "border_crossing", "dam": "dam",
}
_NOT_A_NAME = re.compile(
    r"\b(battle|siege|offensive|campaign|massacre|clashes|operation|conflict|insurgency|war|"
    r"attack|bombing|capture|raid|strikes?|incident|fall|list)\b", re.I)


#: parenthesised words on a map label that describe rather than name ("Samadaniyah al-Gharbi (West)")
_DESCRIPTIVE = re.compile(
    r"(?i)(?:(?:east|west|north|south|eastern|western|northern|southern|upper|lower|big|small|"
    r"old|new|farms?|camp|station|village|town)\s*)+")


def label_names(label: str, *, alternates: bool = False) -> list[str]:
    """A map label and its parts: ``"A & B (C)"`` → ``["A & B (C)", "A & B", "A", "B"]``.

    Parenthesised words are dropped unless ``alternates``: on a feature they often name
    the town it is near (``Tombs Valley (Palmyra)``), which must not become the feature's
    name; on a settlement they are its other names (``al-Thawrah (Tabqa)``,
    ``Brije (Al-Hasad, Brij)``).  What follows a comma outside parentheses qualifies
    the name (``Al-Bustan, Syria``; ``Tabqah, base``) and is never a name itself.
    """
    names = [label]
    bare = re.sub(r"\s*\([^)]*\)\s*", " ", label).strip()
    head = bare.split(",")[0].strip()
    names += [bare, head]
    names.extend(p.strip() for p in re.split(r"\s+(?:&|and)\s+|/|\s+-\s+", head))
    if alternates:
        for inner in re.findall(r"\(([^)]*)\)", label):
            names.extend(p.strip() for p in inner.split(",")
                         if not re.search(r"\d", p) and not _DESCRIPTIVE.fullmatch(p.strip()))
    return [n for n in dict.fromkeys(names) if len(n) > 1 and "," not in n]


#: a designation standing apart in a feature's label ("Tiyas T-4 Airbase", "Abandoned T2 Airport")
_CODE = re.compile(r"(?:^|(?<=\s))[A-Z]{1,2}-?\d{1,3}(?=\s)")


def code_names(label: str) -> list[str]:
    """The name a feature goes by through its designation: the label from its code word on
    (``"Tiyas T-4 Airbase"`` → ``["T-4 Airbase"]``): reports call the base "T4" or "the T-4 air
    base".  A code joined to another word ("Arima-M4 checkpoint") is part of that word."""
    bare = re.sub(r"\s*\([^)]*\)\s*", " ", label).strip()
    return [bare[m.start():] for m in _CODE.finditer(bare) if m.start() > 0]


def target_names(target: str) -> list[str]:
    """Names in a Wikipedia link target: ``"Sinjar, Idlib"`` → ``["Sinjar"]``.

    The ``#section`` and the ``, container`` disambiguator are not names of the place.
    """
    title = target.split("#")[0].strip()
    return label_names(title.split(",")[0].strip()) if title else []


def read_wiki(path: Path, *, country: str | None = None, prefix: str = "wiki") -> Iterator[Draft]:
    """Rows of a Wikipedia map-module TSV (``lat, lon, name, wiki_target, kind, ...``)."""
    for i, row in enumerate(read_tsv(path)):
        feature = _WIKI_KINDS.get(row["kind"])
        name = (row.get("name") or "").strip()
        if not feature or not name or not row["lat"] or not row["lon"]:
            continue
        names = label_names(name, alternates=feature == "settlement")
        if feature != "settlement":
            names += code_names(name)
        target = (row.get("wiki_target") or "").strip()
        if target and not _NOT_A_NAME.search(target):
            names.extend(target_names(target))
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or str(i)
        yield Draft(
            id=f"{prefix}:{slug}", name=name, lat=float(row["lat"]), lon=float(row["lon"]),
            country=country, feature=feature, source=prefix, names=names,
        )


_OSY_LEVELS = {"governorate": "admin1", "district": "admin2", "subdistrict": "admin3"}


def read_opensyria(path: Path, admin1: Admin1) -> Iterator[Draft]:
    """OpenSyria admin units (governorates, districts, subdistricts)."""
    rows = list(read_tsv(path))
    by_id = {r["id"]: r for r in rows}
    for row in rows:
        chain = [row]
        while chain[-1]["parent_id"] in by_id:
            chain.append(by_id[chain[-1]["parent_id"]])
        gov = chain[-1]["name_en"]
        district = next((r["name_en"] for r in chain if r["level"] == "district"), None)
        names = [row["name_en"], row["name_ar"], *row["aliases"].split("|")]
        yield Draft(
            id=f"osy:{row['id']}", name=row["name_en"], lat=float(row["lat"]), lon=float(row["lon"]),
            country="SY", feature=_OSY_LEVELS[row["level"]], source="opensyria",
            admin1=admin1(gov), admin2=district, population=_int(row["population"]),
            names=[n for n in names if n], geonameid=row["geonameid"] or None,
        )
