"""Flatten a Who's On First admin repository into the gazetteer's WOF TSV schema.

    python scripts/flatten_wof.py GIT_DIR OUT.tsv [--min-population N]

``GIT_DIR`` is a clone (or bare mirror) of ``whosonfirst-data/whosonfirst-data-admin-XX``; the
output has the columns of ``shared/data/gazetteer/wof/wof_*.tsv`` (see its README):
``wof_id, geonameid, wikidata, placetype, fclass, fcode, name, name_ascii, name_en, name_ar,
lat, lon, population, region, county, is_current, deprecated, alt_names``.  Countries,
regions, counties and neighbourhoods are always kept; localities only when they are an
admin seat (PPLA*, PPLC) or have at least ``--min-population`` people (0: every locality).
Who's On First data: CC0, with CC BY sources (GeoNames, Quattroshapes); keep the attribution.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
from pathlib import Path

COLUMNS = ("wof_id geonameid wikidata placetype fclass fcode name name_ascii name_en name_ar lat lon "
           "population region county is_current deprecated alt_names").split()
KEEP = {"country", "region", "county", "locality", "neighbourhood", "macrohood", "localadmin"}
LANGS = ("eng", "und", "ara", "heb", "fas", "kur", "tur", "fra", "deu")
SEATS = {"PPLA", "PPLA2", "PPLA3", "PPLC", "PPLG"}


def _records(git_dir: Path) -> list[dict]:
    names = subprocess.run(["git", "-C", str(git_dir), "ls-tree", "-r", "--name-only", "HEAD"],
                           check=True, capture_output=True, text=True).stdout.split()
    paths = [n for n in names if n.startswith("data/") and n.endswith(".geojson") and "-alt-" not in n]
    batch = subprocess.run(["git", "-C", str(git_dir), "cat-file", "--batch"], check=True,
                           input="".join(f"HEAD:{p}\n" for p in paths).encode(), capture_output=True).stdout
    out, pos = [], 0
    while pos < len(batch):
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        body = batch[header_end + 1:header_end + 1 + size]
        pos = header_end + 2 + size
        out.append(json.loads(body))
    return out


def _first(props: dict, key: str) -> str:
    value = props.get(key)
    if isinstance(value, list):
        return value[0] if value else ""
    return "" if value is None else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("git_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--min-population", type=int, default=0)
    args = parser.parse_args()
    records = [r["properties"] for r in _records(args.git_dir)]
    by_id = {p.get("wof:id"): p for p in records}

    def parent_name(p: dict, level: str) -> str:
        for h in p.get("wof:hierarchy") or []:
            parent = by_id.get(h.get(f"{level}_id"))
            if parent is not None:
                return _first(parent, "name:eng_x_preferred") or parent.get("wof:name", "")
        return ""

    rows = []
    for p in records:
        kind = p.get("wof:placetype")
        if kind not in KEEP:
            continue
        pop = p.get("gn:population") or p.get("wof:population") or 0
        if kind == "locality" and p.get("gn:feature_code") not in SEATS and int(pop or 0) < args.min_population:
            continue
        alts = [v for lang in LANGS for suffix in ("preferred", "variant")
                for v in p.get(f"name:{lang}_x_{suffix}") or []]
        alts += [p.get("gn:name") or "", p.get("gn:asciiname") or ""]
        rows.append({
            "wof_id": p.get("wof:id"), "geonameid": p.get("gn:geonameid") or "",
            "wikidata": (p.get("wof:concordances") or {}).get("wd:id", ""), "placetype": kind,
            "fclass": p.get("gn:feature_class") or "", "fcode": p.get("gn:feature_code") or "",
            "name": p.get("wof:name", ""), "name_ascii": p.get("gn:asciiname") or "",
            "name_en": _first(p, "name:eng_x_preferred"), "name_ar": _first(p, "name:ara_x_preferred"),
            "lat": p.get("geom:latitude"), "lon": p.get("geom:longitude"), "population": pop or "",
            "region": parent_name(p, "region"), "county": parent_name(p, "county"),
            "is_current": p.get("mz:is_current", -1), "deprecated": int(bool(p.get("edtf:deprecated"))),
            "alt_names": "|".join(dict.fromkeys(a.replace("|", " ").replace("\t", " ") for a in alts if a)),
        })
    rows.sort(key=lambda r: int(r["wof_id"]))
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, escapechar=None,
                                lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: str(v).replace("\t", " ").replace("\n", " ") for k, v in row.items()})
    print(f"{args.out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
