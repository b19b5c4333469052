"""Reader of a GeoNames country dump (``SY.txt``) and its ``alternateNames.txt``.

The formats are GeoNames' documented tab-separated ones without a header
(https://download.geonames.org/export/dump/readme.txt):

* ``SY.txt``: geonameid, name, asciiname, alternatenames (comma-separated), latitude,
  longitude, feature class, feature code, country code, cc2, admin1 code, admin2 code,
  admin3 code, admin4 code, population, elevation, dem, timezone, modification date;
* ``alternateNames.txt`` (or ``alternateNamesV2.txt``): alternateNameId, geonameid,
  isolanguage, alternate name, isPreferredName, isShortName, isColloquial, isHistoric[, from, to].
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from ..errors import MalformedRecordError, ResourceError
from .gaz_sources import Draft

_CODES = {
    "PPLC": "city", "PPLA": "city", "PPLA2": "city", "PPLX": "neighbourhood",
    "ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "PCLI": "country",
    "AIRB": "airbase", "AIRF": "airbase", "AIRP": "airbase", "AIRH": "airbase",
    "MILB": "military_base", "INSM": "military_base", "DAM": "dam", "DAMSB": "dam",
    "OILF": "oil_gas", "GASF": "oil_gas", "OILW": "oil_gas", "PSTB": "border_crossing",
    "RD": "road", "RGN": "region", "AREA": "region", "VAL": "region", "PLN": "region",
    "RDJCT": "road", "BDG": "bridge",
}
_CLASSES = {"P": "settlement", "T": "hill", "H": "water", "A": "region", "L": "region",
            "R": "road", "S": "facility", "V": "region", "U": "water"}
_SKIP_LANGS = {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc"}


def feature_of(fclass: str, fcode: str) -> str:
    """frontlines feature class of a GeoNames feature class/code."""
    if fcode in _CODES:
        return _CODES[fcode]
    if fclass == "T" and fcode.startswith(("MT", "HLL", "PK", "RDG", "UPLD")):
        return "hill"
    return _CLASSES.get(fclass, "facility")


def _rows(path: Path, min_cols: int) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) < min_cols:
                raise MalformedRecordError(
                    f"line {n}: {len(row)} columns, expected {min_cols}", source=str(path))
            yield row


def read_alternate_names(path: Path) -> dict[str, list[str]]:
    """geonameid → alternate names (links, codes and postcodes skipped)."""
    names: dict[str, list[str]] = {}
    for row in _rows(path, 4):
        if row[2] not in _SKIP_LANGS and row[3]:
            names.setdefault(row[1], []).append(row[3])
    return names


def read_geonames(directory: Path, country: str = "SY") -> Iterator[Draft]:
    """Entries of ``<directory>/<country>.txt`` with names from alternateNames when present."""
    main = directory / f"{country}.txt"
    if not main.is_file():
        raise ResourceError(f"no {country}.txt in the GeoNames directory", source=str(directory))
    alt_path = next((p for p in (directory / "alternateNamesV2.txt",
                                 directory / "alternateNames.txt") if p.is_file()), None)
    alternates = read_alternate_names(alt_path) if alt_path else {}
    for row in _rows(main, 15):
        try:
            lat, lon = float(row[4]), float(row[5])
        except ValueError:
            raise MalformedRecordError(f"bad coordinates for {row[0]}", source=str(main)) from None
        names = [row[1], row[2], *[n for n in row[3].split(",") if n], *alternates.get(row[0], [])]
        pop = int(row[14]) if row[14].isdigit() and int(row[14]) > 0 else None
        feature = feature_of(row[6], row[7])
        if feature == "settlement" and (pop or 0) >= 100_000:
            feature = "city"
        yield Draft(
            id=f"gn:{row[0]}", name=row[1], lat=lat, lon=lon, country=row[8] or country,
            feature=feature, source="geonames", population=pop, names=names, geonameid=row[0],
        )
