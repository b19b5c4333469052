"""Small geographic helpers shared by the stages and the evaluation."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from .records import Place

EARTH_RADIUS_KM = 6371.0088
#: the id prefix of an unlocated place: a name the gazetteer lacks, recorded at the point of the
#: place the text puts it by (its facts are kept; it is no place of the control map)
UNLOCATED = "unlocated:"


def unlocated_place(anchor: Place, name: str) -> Place:
    """A named place the gazetteer lacks, as a record of its own at ``anchor``'s point: its id
    joins the anchor's id and the name's letters ("unlocated:<id>:<name>"), so that the anchor
    neither changes hands with it nor fuses with its events."""
    if anchor.gazetteer_id.startswith(UNLOCATED):
        return anchor
    name = " ".join(name.split())
    slug = "-".join(re.findall(r"\w+", name.casefold())) or "unnamed"
    return replace(anchor, gazetteer_id=f"{UNLOCATED}{anchor.gazetteer_id}:{slug}", name=name, feature="settlement",
                   population=None)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


BBox = tuple[float, float, float, float]


def parse_bbox(text: str) -> BBox:
    """``west,south,east,north`` in degrees as a box; ValueError saying what is wrong."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise ValueError("four numbers west,south,east,north") from None
    finite = all(math.isfinite(v) for v in (west, south, east, north))
    if not finite or not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError("west <= east within -180..180 and south <= north within -90..90")
    return west, south, east, north


#: a compass direction or its adjective, as a regular-expression fragment ("north", "north-east",
#: "southwestern"): "east of Homs", "X's northern countryside"
COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
#: compass directions as the text writes them ("north", "south-east", "northwest")
_DIRECTION = r"(?:north|south)[ \t-]?(?:east|west)|north|south|east|west"
#: the words between a place and another it is stated relative to: "Saraqeb, southeast of Idlib",
#: "Kesab town, 65 km north of Latakia", "Douma suburb, east of the capital Damascus"
_REFERENCE_GAP = re.compile(
    rf"^(?:[ \t]+[a-z]+){{0,2}}[ \t]*[,(][ \t]*(?:(?:located|lying|situated)[ \t]+)?(?:(?:about|some|around|nearly|"
    rf"roughly|only)[ \t]+)?(?:[\w.-]+[ \t]+(?:km|kilomet(?:er|re)s?|miles)[ \t]+)?(?:\(?[ \t]*[\w.-]+[ \t]*"
    rf"(?:km|kilomet(?:er|re)s?|miles)[ \t]*\)?[ \t]+)?(?:to[ \t]+the[ \t]+)?(?:{_DIRECTION})(?:ern)?[ \t]+of[ \t]+"
    rf"(?:the[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?:city|town|capital|village|province|governorate)[ \t]*,?[ \t]+"
    rf"(?:of[ \t]+)?)?$",
    re.I)


def is_reference_gap(gap: str) -> bool:
    """Whether ``gap`` (the text between two place names) states the first relative to the
    second ("X, southeast of Y", "X town, 65 km north of Y"): the second is a reference point."""
    return bool(_REFERENCE_GAP.match(gap))
