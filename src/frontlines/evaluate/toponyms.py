"""Toponym scores: gold place names (with coordinates, not vague) found among the system's
place mentions of the same document, and resolved within 10 / 161 km."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..geo import haversine_km
from ..records import Mention
from ..resolve.gaz_words import FeatureWords
from .match import ratio


def scorable(rows: Sequence[dict[str, Any]], docs: set[str]) -> list[dict[str, Any]]:
    """The gold rows that can be scored: in a scored document, with a point, not vague."""
    return [r for r in rows if r["doc"] in docs and r.get("lat") is not None and not r.get("vague")]


def score_toponyms(rows: Sequence[dict[str, Any]], mentions: Mapping[str, Sequence[Mention]],
                   words: FeatureWords) -> dict[str, Any]:
    """``mentions``: gold doc key → the system's place mentions in that document.  A gold row is
    found when a mention's text is one of its surface forms, or names the same place once the
    feature words are set aside ("Aleppo city" / "Aleppo", "Tal Mamo" / "Tal Mamo hill"); resolved within N km when the
    closest of those mentions' places is (``words``: the knowledge base's feature words)."""
    found = within10 = within161 = 0
    for row in rows:
        forms = {f.lower() for f in row.get("surface_forms") or [row["surface"]]}
        cores = {words.core_key(f) for f in forms}
        hits = [m for m in mentions.get(row["doc"], ()) if m.text.lower() in forms or words.core_key(m.text) in cores]
        found += bool(hits)
        dists = [haversine_km(m.place.latitude, m.place.longitude, row["lat"], row["lon"])
                 for m in hits if m.place]
        within10 += bool(dists) and min(dists) <= 10
        within161 += bool(dists) and min(dists) <= 161
    return {"toponyms": len(rows), "found": ratio(found, len(rows)),
            "within_10km": ratio(within10, len(rows)), "within_161km": ratio(within161, len(rows))}
