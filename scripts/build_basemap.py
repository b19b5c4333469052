"""Build the offline basemap (``src/frontlines/data/basemap.geojson``): Syria and its governorates.

The shared gazetteer sources hold no boundary polygons (only points, centroids and bounding
boxes), so the outlines are *derived* from the ~10,600 Who's On First / GeoNames localities of
Syria: the country is a concave hull of the localities, and each governorate is the union of the
Voronoi cells of its localities, clipped to the country.  They are approximate (good to a few
km where villages are dense, coarser in the desert) and are drawn for orientation only; the
attribution is in ``src/frontlines/data/ATTRIBUTION.md``.

Run (needs shapely, a build-time tool only; the output is committed):
    python scripts/build_basemap.py [--source-dir ../shared/data/gazetteer] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from shapely import MultiPoint, Point, STRtree, concave_hull, voronoi_polygons
from shapely.geometry import mapping
from shapely.ops import unary_union

REPO = Path(__file__).resolve().parents[1]

#: WOF parent-region spellings -> the OpenSyria governorate names used everywhere else
GOVERNORATES = {
    "H'alab": "Aleppo", "Hasaka (Al Haksa)": "Al-Hasakah", "Al Ladhiqiyah": "Latakia", "Idlib": "Idlib",
    "Homs (Hims)": "Homs", "Hamah": "Hama", "Tartus": "Tartus", "Rif Dimashq": "Rif Dimashq",
    "Ar Raqqah": "Raqqa", "Dayr az Zawr": "Deir ez-Zor", "Dar`a": "Daraa", "As Suwayda'": "As-Suwayda",
    "Al Qunaytirah": "Quneitra", "Dimashq": "Damascus",
}
SIMPLIFY_DEG = 0.004  # about 400 m
DIGITS = 3


def _localities(path: Path) -> list[tuple[float, float, str | None]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for r in csv.DictReader(handle, delimiter="\t"):
            if r["placetype"] != "locality" or r["deprecated"] == "1":
                continue
            rows.append((float(r["lon"]), float(r["lat"]), GOVERNORATES.get(r["region"])))
    return list({(x, y): (x, y, g) for x, y, g in rows}.values())


def _label_missing(points: list[tuple[float, float, str | None]]) -> list[tuple[float, float, str]]:
    """Localities without a governorate take their nearest labelled neighbour's."""
    labelled = [p for p in points if p[2]]
    tree = STRtree([Point(x, y) for x, y, _ in labelled])
    return [(x, y, g) if g else (x, y, labelled[int(tree.nearest(Point(x, y)))][2]) for x, y, g in points]


def _round(geometry: dict) -> dict:
    def walk(value: object) -> object:
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(v, DIGITS) for v in value]
            return [walk(v) for v in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def build(source_dir: Path) -> dict:
    points = _label_missing(_localities(source_dir / "wof" / "wof_sy.tsv"))
    cloud = MultiPoint([(x, y) for x, y, _ in points])
    country = concave_hull(cloud, ratio=0.35).buffer(0.04).buffer(-0.02)
    cells = voronoi_polygons(cloud, extend_to=country.envelope.buffer(1))
    tree = STRtree([Point(x, y) for x, y, _ in points])
    by_gov: dict[str, list] = {}
    for cell in cells.geoms:
        inside = tree.query(cell, predicate="contains")
        if len(inside):
            by_gov.setdefault(points[int(inside[0])][2], []).append(cell)
    features = [{"type": "Feature", "properties": {"kind": "country", "name": "Syria"},
                 "geometry": _round(mapping(country.simplify(SIMPLIFY_DEG)))}]
    for name in sorted(by_gov):
        shape = unary_union(by_gov[name]).intersection(country).simplify(SIMPLIFY_DEG)
        features.append({"type": "Feature", "properties": {"kind": "governorate", "name": name},
                         "geometry": _round(mapping(shape))})
    return {"type": "FeatureCollection", "features": features,
            "attribution": "Approximate outlines derived from Who's On First / GeoNames locality points "
                           "(CC BY 4.0); see ATTRIBUTION.md"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=REPO.parent / "shared" / "data" / "gazetteer")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "frontlines" / "data" / "basemap.geojson")
    args = parser.parse_args()
    data = build(args.source_dir)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['features'])} features, {args.out.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
