"""Generic words of place names ("airbase", "gas field", "district") and the features they imply.

``Kuweires Airbase``, ``the Kuweires air base`` and ``Kuweires military airport`` name
one place; the generic words are dropped from the *core* key and kept as a hint of
the feature class.
"""

from __future__ import annotations

import functools
import re

from .normalize import fold, name_key

#: generic phrase → feature classes it points to (longest phrases first when matching)
FEATURE_WORDS: dict[str, frozenset[str]] = {
    phrase: frozenset(features.split())
    for phrase, features in {
        "international airport": "airbase",
        "military airport": "airbase",
        "air base": "airbase military_base",
        "airbase": "airbase military_base",
        "airport": "airbase",
        "airfield": "airbase",
        "air field": "airbase",
        "heliport": "airbase",
        "military base": "military_base airbase",
        "base": "military_base airbase",
        "garrison": "military_base",
        "gas fields": "oil_gas",
        "gas field": "oil_gas",
        "oil fields": "oil_gas",
        "oil field": "oil_gas",
        "oilfield": "oil_gas",
        "gasfield": "oil_gas",
        "field": "oil_gas",
        "fields": "oil_gas",
        "gas plant": "oil_gas",
        "dam": "dam",
        "border crossing": "border_crossing",
        "crossing point": "border_crossing",
        "crossing": "border_crossing",
        "border post": "border_crossing",
        "subdistrict": "admin3",
        "sub-district": "admin3",
        "nahiya": "admin3",
        "district": "admin2 admin3",
        "province": "admin1",
        "governorate": "admin1",
        "mountains": "hill",
        "mountain": "hill",
        "mount": "hill",
        "hills": "hill",
        "hill": "hill",
        "heights": "hill",
        "city": "city settlement",
        "town": "settlement city",
        "village": "settlement",
        "highway": "road",
        "road": "road",
        "neighbourhood": "neighbourhood",
        "neighborhood": "neighbourhood",
        "neighbourhoods": "neighbourhood",
        "neighborhoods": "neighbourhood",
        "quarter": "neighbourhood",
        "suburb": "neighbourhood settlement",
        "suburbs": "neighbourhood settlement",
        "old city": "neighbourhood city",
        "industrial zone": "facility neighbourhood",
        "industrial city": "facility neighbourhood",
        "industrial area": "facility neighbourhood",
        "industrial district": "facility neighbourhood",
        "farms": "settlement",
        "farm": "settlement",
        "island": "settlement water",
        "islands": "settlement water",
        "checkpoint": "military_base facility",
        "outpost": "military_base",
        "barracks": "military_base",
        "camp": "settlement neighbourhood facility",
        "square": "neighbourhood facility",
        "roundabout": "neighbourhood facility",
        "bridge": "bridge",
        "junction": "road",
        "valley": "region water",
        "plain": "region",
        "plains": "region",
        "lake": "water",
        "station": "facility",
    }.items()
}

_FILLER = r"(?:int'?l|international|military|the|of|and|&)"
_PHRASES = sorted(FEATURE_WORDS, key=len, reverse=True)
_GENERIC_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in _PHRASES) + r"|" + _FILLER + r")\b", re.I
)


@functools.lru_cache(maxsize=65_536)
def split_generic(name: str) -> tuple[str, frozenset[str]]:
    """``("Kuweires", {"airbase", "military_base"})`` for ``"Kuweires Airbase"``."""
    features: set[str] = set()
    for m in _GENERIC_RE.finditer(fold(name)):
        features |= FEATURE_WORDS.get(m.group(0).lower(), frozenset())
    core = _GENERIC_RE.sub(" ", fold(name))
    return re.sub(r"\s+", " ", core).strip(), frozenset(features)


@functools.lru_cache(maxsize=65_536)
def core_key(name: str) -> str:
    """Key of the name without its generic words (``name_key`` when nothing is left)."""
    core, _ = split_generic(name)
    return name_key(core) if core else name_key(name)
