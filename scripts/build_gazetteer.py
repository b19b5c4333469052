"""Rebuild the packaged gazetteer: python scripts/build_gazetteer.py [--geonames DIR]."""

from __future__ import annotations

import argparse
from pathlib import Path

from frontlines.kb import packaged_dir
from frontlines.kb.files import MANIFEST, THEATER
from frontlines.resolve.gaz_build import EXTRA_SOURCES
from frontlines.resolve.gazetteer import build_gazetteer

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source-dir", type=Path, default=REPO.parent / "shared" / "data" / "gazetteer")
    parser.add_argument("--out", type=Path, default=REPO / "src/frontlines/data/gazetteer.sqlite")
    parser.add_argument("--overlay", type=Path, default=REPO / "src/frontlines/data/gazetteer_overlay.csv")
    parser.add_argument("--geonames", type=Path, default=None)
    args = parser.parse_args()
    # the theater and manifest alone: the whole knowledge base is not valid while its gazetteer
    # was built with other feature words, which is what this rebuild mends
    root = packaged_dir()
    theater, manifest = THEATER.load_from(root), MANIFEST.load_from(root)
    report = build_gazetteer(args.source_dir, args.out, args.overlay, args.geonames, theater=theater,
                             home=manifest.country or "SY", extra_dir=root / EXTRA_SOURCES)
    print(f"{report.out}: {report.places} places, {report.names} names, {report.bytes / 1e6:.1f} MB")
    print("by source:", report.by_source)


if __name__ == "__main__":
    main()
