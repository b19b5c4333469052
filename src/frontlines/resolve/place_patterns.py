"""Patterns around a toponym: "near X", "70 km north of X", "X province", containers, roads.

They set ACLED geo_precision (1 the town, 2 near a town or part of it, 3 a region),
move the point for "N km <direction> of X", and find a stated container
governorate ("... in Aleppo province", "in the province of Raqqah").
"""

from __future__ import annotations

import math
import re

from ..records import Place
from .gaz_admin import Admin1

_DIRS = {
    "north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135, "south-east": 135,
    "south": 180, "southwest": 225, "south-west": 225, "west": 270, "northwest": 315,
    "north-west": 315,
}
_DIR = "|".join(sorted(_DIRS, key=len, reverse=True))
_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
#: a distance in figures or in words ("70", "seventy", "twenty-five")
_NUMBER = (r"\d+(?:[.,]\d+)?|(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS[:9]) + r"))?|"
           r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")")


def _number(text: str) -> float:
    """The value of a distance of ``_NUMBER``."""
    word = text.lower().replace(",", ".")
    if word[0].isdigit():
        return float(word)
    tens, _, unit = word.replace(" ", "-").partition("-")
    if tens in _TENS:
        return 10.0 * (_TENS.index(tens) + 2) + (_UNITS.index(unit) + 1 if unit else 0)
    return float(_UNITS.index(word) + 1)


_OFFSET = re.compile(
    rf"\b({_NUMBER})[\s-]*(km|kms|kilomet(?:er|re)s?|miles?|mi)\s+(?:to\s+the\s+)?({_DIR})\s+of\s+"
    r"(?:the\s+)?(?:[a-z-]+\s+){0,4}?$", re.I)
_NEAR = re.compile(
    rf"\b(?:near|nearby|outside|around|close\s+to|vicinity\s+of|outskirts\s+of|edge\s+of|"
    rf"(?:{_DIR})(?:ern)?\s+(?:outskirts|countryside|suburbs|side|part|parts)\s+of|"
    rf"(?:{_DIR})\s+of|(?:the\s+)?(?:area|surroundings|countryside|environs)\s+of|towards?|"
    rf"between)\s+(?:the\s+)?(?:(?:town|city|village|area)\s+of\s+)?$", re.I)
_RELATION = re.compile(
    r"[ \t]*[(,][ \t]*(?:(?:located|situated|lying)\s+)?(?:(?:about|some|just|roughly|around|approximately|nearly|"
    r"almost)\s+)?"
    rf"(?:(?:{_NUMBER})[\s-]*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+)?(?:to\s+the\s+)?"
    rf"(?:(?:{_DIR})\s+of|near|outside|close\s+to)\s+(?:the\s+(?:town|city|village)\s+of\s+)?",
    re.I)
_AREA_AFTER = re.compile(r"^\s+(?:area|region|countryside|surroundings|outskirts|environs)\b", re.I)
PLACE_CUE = re.compile(
    r"\b(?:town|village|city|hamlet|area|district|suburb|neighbou?rhood|quarter|region|outskirts|"
    r"countryside|province|governorate|outpost|base|hill|mountain|village)s?\s+of\s+$|"
    rf"\b(?:in|near|around|outside|(?:{_DIR})\s+of|towards?|entered|captured|seized|liberated|"
    r"recaptured|(?:re)?took|retaken|regained|besieged|shelled|stormed|reached|control\s+(?:of|over))\s+(?:the\s+)?$|"
    # "five villages, Omeyir, Tolan and Nuh", "three more towns: A and B": a counted list of places
    # named in apposition
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)\s+(?:\w+\s+)?"
    r"(?:villages|towns|hamlets|settlements|hills|neighbou?rhoods|districts)\s*[,:]\s*$", re.I)
STRONG_CUE = re.compile(
    r"\b(?:town|village|city|hamlet|area|district|suburb|neighbou?rhood|quarter|region|outskirts|"
    r"countryside|province|governorate|outpost|base|hill|mountain)s?\s+of\s+(?:the\s+)?$", re.I)
_ADJ = rf"(?:(?:neighbou?ring|nearby|(?:{_DIR})(?:ern)?|central|the|both|either)\s+)*"
_LOCATIVE = re.compile(
    rf"\b(?:in|into|inside|within|to|from|across|at|via|towards?|near|outside|entered|reached|"
    rf"fled|returned|borders?(?:\s+(?:with|of))?|crossings?\s+(?:with|into)|frontier\s+with|"
    rf"(?:{_DIR})\s+of|parts\s+of|capital\s+of)\s+{_ADJ}"
    r"(?:(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s*(?:,|and|or)\s+" + _ADJ + r")?$", re.I)
_CONTAINERS = (
    re.compile(r"^[^.;!?]{0,90}?\b(?:in|of)\s+(?:the\s+)?(?:province|governorate)\s+of\s+"
               r"([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)"),
    re.compile(r"^[^.;!?]{0,60}?\b(?:in|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]+['’]s\s+)?"
               r"([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)\s+(?:province|governorate|countryside)\b"),
)
#: "in the northwestern countryside of Dara'a": the governorate, when the name is one (or its capital's)
_COUNTRYSIDE_OF = re.compile(r"^[^.;!?]{0,90}?\b(?:in|of)\s+(?:the\s+)?(?:[A-Za-z-]+ern\s+)?countryside\s+of\s+"
                             r"(?:the\s+)?([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)")


def countryside_after(text: str, end: int, admin1: Admin1) -> str | None:
    """A governorate stated after a name as "the countryside of X" ("al-Ghizlan farm in the
    northwestern countryside of Dara'a"): the writer's governorate, looser than a container."""
    m = _COUNTRYSIDE_OF.match(text[end:end + 160])
    return admin1(m.group(1)) if m else None


_FEATURE_PRECISION = {
    "city": 1, "settlement": 1, "airbase": 1, "military_base": 1, "border_crossing": 1, "dam": 1,
    "neighbourhood": 2, "hill": 2, "oil_gas": 2, "admin3": 2, "admin2": 2, "facility": 2,
    "road": 2, "bridge": 2, "water": 2, "admin1": 3, "region": 3, "country": 3,
}


def feature_precision(feature: str) -> int:
    return _FEATURE_PRECISION.get(feature, 2)


def offset_before(text: str, start: int) -> tuple[float, float] | None:
    """(km, bearing in degrees) when the name follows "N km <direction> of [the ...]"."""
    m = _OFFSET.search(text[max(0, start - 80):start])
    if not m:
        return None
    dist = _number(m.group(1))
    if m.group(2).lower().startswith("mi"):
        dist *= 1.609
    return dist, float(_DIRS[m.group(3).lower()])


def is_near(text: str, start: int, end: int) -> bool:
    """True for "near X", "north of X", "the X area": a point near the place, not in it."""
    return bool(_NEAR.search(text[max(0, start - 60):start]) or _AREA_AFTER.match(text[end:end + 20]))


def relation_after(text: str, end: int) -> int | None:
    """Where the reference place starts in "X (south of Y)" / "X, 10 km north of Y" / "X, near Y"."""
    m = _RELATION.match(text, end)
    return m.end() if m else None


#: the centre of a region stated around other places of the clause: "the countryside of Y", "Y
#: countryside", "in east Y" (``_SURROUNDS``), "to the southwest of Y" (``_BEARING``)
_SURROUNDS_BEFORE = re.compile(
    rf"(?:\b(?:countryside|outskirts|suburbs|environs|vicinity|surroundings)\s+of|\bin\s+(?:the\s+)?(?:{_DIR})(?:ern)?)"
    r"\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$", re.I)
_SURROUNDS_AFTER = re.compile(r"[ \t]+(?:countryside|outskirts|suburbs|environs)\b", re.I)
_BEARING_BEFORE = re.compile(rf"\b(?:to\s+the\s+)?(?:{_DIR})\s+of\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$", re.I)
_DISTANCE_BEFORE = re.compile(r"\b(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:to\s+the\s+)?\S+\s+of\s+(?:the\s+)?"
                              r"(?:(?:town|city)\s+of\s+)?$", re.I)
#: a region phrase of its own, coordinated with the one before ("in A and B villages and in the
#: surroundings of Y"): Y is not the centre of A and B
_COORDINATED = re.compile(r"\b(?:and|or)\s+(?:the\s+)?(?:in|near|around|at)\b[^,;]*$", re.I)
#: how far a place may lie from the centre of the surroundings it is stated in, and from a town it
#: is said to lie north (south, ...) of
SURROUNDS_KM = 30.0
BEARING_KM = 60.0


def coordinated_region(gap: str) -> bool:
    """The words between a place and a region's centre open a region phrase of their own."""
    return bool(_COORDINATED.search(gap))


def region_reach(text: str, start: int, end: int) -> float | None:
    """How far (km) the places before this name in its clause may lie from it, when the name is
    the centre of a region stated for them ("X and Z villages in al-Qseir countryside": 30 km;
    "A, B and C, to the southwest of Y": 60 km); None when it is not ("70 km north of Y", a
    distance the point is moved by)."""
    before = text[max(0, start - 60):start]
    if _DISTANCE_BEFORE.search(before):
        return None
    if _SURROUNDS_BEFORE.search(before) or _SURROUNDS_AFTER.match(text, end):
        return SURROUNDS_KM
    return BEARING_KM if _BEARING_BEFORE.search(before) else None


#: one earlier item of a list of names, read backwards: "Deir Attiya and ", "Qara, "
_LIST_ITEM = re.compile(r"[A-Z][\w'’‑-]*(?:[ \t]+(?:al|el|ad|as|ash|at|an|ar|az|[A-Z][\w'’‑-]*)){0,3}"
                        r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$")
#: how many earlier items a listed name may follow its cue by
LIST_ITEMS = 6


def list_starts(text: str, start: int) -> list[int]:
    """Where the name at ``start`` and the earlier names of the list it ends begin, latest first
    ("Qara, Deir Attiya and Nabak" → the offsets of Nabak, Deir Attiya, Qara)."""
    out = [start]
    for _ in range(LIST_ITEMS):
        item = _LIST_ITEM.search(text, max(0, out[-1] - 80), out[-1])
        if item is None:
            break
        out.append(item.start())
    return out


def has_place_cue(text: str, start: int) -> bool:
    """True when the words before a name say a place follows ("the town of", "near"), also
    for a later name of a list they open ("the towns of Qara, Deir Attiya and Nabak")."""
    return any(PLACE_CUE.search(text[max(0, at - 40):at]) for at in list_starts(text, start))


#: "the Homs neighborhoods of X, Y and Z": parts of the town named before the plural
_PARTS_OF = re.compile(r"\b(?P<city>[A-Z][\w'’-]+)[ \t]+(?:neighbou?rhoods|districts|quarters)[ \t]+of[ \t]+"
                       r"(?:the[ \t]+)?$")
#: "Homs City, especially the neighborhoods of X, Y and Z": the town named just before the plural
_PARTS_AFTER_CITY = re.compile(
    r"\b(?P<city>[A-Z][\w'’-]+)(?:[ \t]+[Cc]ity)?[ \t]*,?[ \t]+(?:(?:especially|particularly|notably|mainly|"
    r"including|in)[ \t]+)?the[ \t]+(?:neighbou?rhoods|districts|quarters)[ \t]+of[ \t]+(?:the[ \t]+)?$")


def parts_of(text: str, start: int) -> str | None:
    """The town a list of its parts names before them ("the Homs neighborhoods of Bayadah, Baba
    Amr and Khaldiyeh", "Homs City, especially the neighborhoods of Baba Amr and Bab Dreib" →
    "Homs"), for every name of the list."""
    for at in list_starts(text, start):
        m = _PARTS_OF.search(text, max(0, at - 60), at) or _PARTS_AFTER_CITY.search(text, max(0, at - 80), at)
        if m:
            return m.group("city")
    return None


def has_strong_cue(text: str, start: int) -> bool:
    """True after "the town of", "the village of": the name that follows is a place."""
    return bool(STRONG_CUE.search(text[max(0, start - 40):start]))


def is_locative(text: str, start: int) -> bool:
    """True when a country name is used as a location ("in Turkey", "the border with Iraq",
    "in Syria and neighbouring Iraq"), not as a state actor ("Russia said", "holds Russia")."""
    return bool(_LOCATIVE.search(text[max(0, start - 60):start]))


def container_after(text: str, end: int, admin1: Admin1) -> str | None:
    """A governorate stated right after a name: "As-Safira district in Aleppo province"."""
    window = text[end:end + 160]
    for pattern in _CONTAINERS:
        m = pattern.match(window)
        if m:
            canon = admin1(m.group(1))
            if canon:
                return canon
    return None


_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
#: what follows the town of a dateline: an optional date, an optional agency in brackets or after a
#: comma, then a dash or colon ("BEIRUT, May 3 (Agency) -", "Hasaka, SANA-", "TEHRAN (FNA)–")
_DATELINE_TAIL = re.compile(
    r"[ \t]*(?:,[ \t]*(?:[A-Za-z]+[ \t]+)?(?:" + _MONTH + r"[ \t]+\d{1,2}|\d{1,2}[ \t]+" + _MONTH
    + r")(?:,?[ \t]+\d{4})?)?[ \t]*(?:\([^()\n]{1,80}\)|,[ \t]*[A-Z][\w.&' ]{1,30}?)?[ \t]*(?:[-‐‑–—]|\.[ \t]*-)")
#: a town and its date closed by a colon ("London, May 9: ...", "DAMASCUS, 12 March 2014:"); without
#: a date a colon is no dateline ("Aleppo: the army ...")
_DATELINE_DATED_COLON = re.compile(
    r"[ \t]*,[ \t]*(?:[A-Za-z]+[ \t]+)?(?:" + _MONTH + r"[ \t]+\d{1,2}|\d{1,2}[ \t]+" + _MONTH
    + r")(?:,?[ \t]+\d{4})?[ \t]*(?:\([^()\n]{1,80}\))?[ \t]*:")
#: a second town in a dateline ("ALEPPO, Syria (AP) -")
_DATELINE_MORE = re.compile(r"[ \t]*,[ \t]*[A-Z][A-Za-z' -]{1,30}?(?=[ \t]*[,(\-‐‑–—])")


#: a date alone opening the line before a town in capitals ("Last updated at Nov 272017 BEIRUT",
#: "Published July 27 2016 DAMASCUS"): the dateline of a wire text whose layout is lost
_DATE_LEAD = re.compile(
    r"[ \t]*(?:(?:last[ \t]+)?updated|published|posted)?(?:[ \t]+(?:at|on))?[ \t:]*"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?"
    r"(?:\d{1,2}[ \t]+" + _MONTH + r"|" + _MONTH + r"[ \t]+\d{1,2}(?:st|nd|rd|th)?)"
    r",?[ \t]*(?:19|20)\d\d(?:[ \t]+(?:at[ \t]+)?\d{1,2}:?\d{2}(?:[ \t]*GMT)?)?[ \t,]+", re.I)


#: what ends the text before a town in capitals that opens a report inside a paragraph: a
#: sentence or a photo caption ("... (AFP photo) BEIRUT Thirteen civilians", "... said. MOSCOW (Sputnik)")
_CAPS_BEFORE = re.compile(r"(?:[.!?\"”)\]]|\b(?:19|20)\d\d)[ \t]*$")
#: what follows it: an agency in brackets, a dash, then the report's first word, not a headline in capitals
_CAPS_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-‐‑–—:]?[ \t]*[A-Z][a-z]")


def opens_with_colon(text: str, start: int, end: int) -> bool:
    """The name opens its paragraph and a colon follows it ("Beirut: Rebels killed ..."): a
    dateline when the town lies outside the country the report is about (the caller knows)."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t\"“(") and re.match(r"[ \t]*:", text[end:end + 3]) is not None


def is_dateline(text: str, start: int, end: int) -> bool:
    """True when the name opens a paragraph as a dateline: publication metadata that says where
    the report was filed ("BEIRUT, May 3 (Agency) -", "Hasaka, SANA-"), not where anything
    happened; also a town in capitals that opens the report after a caption or a sentence once
    the layout is lost ("... (AFP photo) BEIRUT Thirteen civilians were killed")."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start]
    name = text[start:end]
    if _DATE_LEAD.fullmatch(lead) and name.isupper() and len(name) >= 3:
        return True  # "Last updated at Nov 27 2017 BEIRUT An intensifying push ...": the layout is lost
    if (name.isupper() and len(name) >= 4 and _CAPS_BEFORE.search(text, max(line_start, start - 80), start)
            and _CAPS_AFTER.match(text, end)):
        return True
    if lead.strip(" \t\"“(") or start - line_start > 4:
        return False
    more = _DATELINE_MORE.match(text, end)
    if more is not None and _DATELINE_TAIL.match(text, more.end()):
        return True
    return _DATELINE_TAIL.match(text, end) is not None or _DATELINE_DATED_COLON.match(text, end) is not None


def moved(place: Place, dist_km: float, bearing: float) -> Place:
    """A point ``dist_km`` from ``place`` towards ``bearing`` (flat-earth step, fine < 300 km)."""
    lat = place.latitude + dist_km / 111.32 * math.cos(math.radians(bearing))
    lon = place.longitude + dist_km / (111.32 * math.cos(math.radians(place.latitude))) * math.sin(
        math.radians(bearing))
    return Place(
        gazetteer_id=f"{place.gazetteer_id}@{dist_km:g}km/{bearing:g}", name=place.name,
        latitude=round(lat, 5), longitude=round(lon, 5), country=place.country,
        admin1=place.admin1, admin2=place.admin2, feature="offset", population=None,
    )


def road(a: Place, b: Place, label: str) -> Place:
    """A road between two places, located at its midpoint."""
    return Place(
        gazetteer_id=f"road:{a.gazetteer_id}|{b.gazetteer_id}", name=label,
        latitude=round((a.latitude + b.latitude) / 2, 5),
        longitude=round((a.longitude + b.longitude) / 2, 5),
        country=a.country if a.country == b.country else a.country,
        admin1=a.admin1 if a.admin1 == b.admin1 else None, admin2=None, feature="road",
    )


_CUE_WORDS = {
    "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood", "quarter": "neighbourhood",
    "suburb": "neighbourhood", "district": "admin2 admin3 neighbourhood", "village": "settlement",
    "town": "settlement city", "city": "city settlement",
}
_CUE = r"(neighbou?rhood|quarter|suburb|district|village|town|city)s?"
_CUE_AFTER = re.compile(rf"[ \t]+{_CUE}\b", re.I)
#: "the border crossings into Turkey at X", "the crossing of X": X is a border crossing
_CROSSING_BEFORE = re.compile(
    r"\b(?:border[ \t]+)?crossings?[ \t]+(?:(?:into|with|to|from)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*[ \t]+)?"
    r"(?:at|of)[ \t]+(?:the[ \t]+)?$")
_CUE_BEFORE = re.compile(rf"\b{_CUE}\s+of\s+(?:the\s+)?$", re.I)
#: "the city of", "the capital, ", "the Syrian northern city of": the word that calls the next name a town
_CITY_WORD = r"(?:(?:[A-Z][a-z]+|[a-z]+ern)[ \t]+){0,2}(?:city|capital)[ \t]*,?[ \t]+(?:of[ \t]+)?"
_CITY_AFTER = re.compile(
    rf"(?:[ \t]+{_CUE})?[ \t]*,?[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?(?:{_CITY_WORD})?"
    r"(?:(?:central|old|(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?)[ \t]+)?"
    r"(?P<city>[A-Z][\w'’-]+)(?:['’]s)?\b(?![ \t]+(?:province|governorate|countryside|region|area|district))")


def cue_of(text: str, start: int, end: int) -> frozenset[str]:
    """Feature classes the generic words at or around a name ask for: "the Waer district",
    "the neighbourhood of Akrama", "Akrama neighbourhood" → neighbourhood-like classes."""
    out: set[str] = set()
    last = re.search(rf"\b{_CUE}$", text[start:end], re.I)
    before = _CUE_BEFORE.search(text[max(0, start - 40):start])
    if before and re.search(r"[A-Z][\w'’-]*[ \t]+$", before.string[:before.start()]):
        before = None  # "the Bustan al-Qasr district of Aleppo": the cue is the other name's
    for m in (last, _CUE_AFTER.match(text, end), before):
        if m:
            word = m.group(1).lower().replace("neighborhood", "neighbourhood")
            out.update(_CUE_WORDS[word].split())
    crossing = _CROSSING_BEFORE.search(text[max(0, start - 50):start])
    if crossing and not re.search(r"[A-Z][\w'’-]*[ \t]+$", crossing.string[:crossing.start()]):
        out.add("border_crossing")  # not "the Al Waleed border crossing at X": that crossing has its name
    return frozenset(out)


#: "X in Aleppo city", "X in the city of Aleppo", "X in the capital, Damascus": X is stated inside a town
_IN_TOWN = re.compile(
    rf"[ \t]*,?[ \t]+in[ \t]+(?:(?:the[ \t]+)?{_CITY_WORD}(?P<a>[A-Z][\w'’-]+)\b|(?P<b>[A-Z][\w'’-]+)[ \t]+city\b)")


def town_after(text: str, end: int) -> str | None:
    """The town a name is stated to lie in by the word "city" or "capital" itself ("al-Ashrafiyeh
    in Aleppo city", "X in the city of Homs", "X in the capital, Damascus") → the town's name."""
    m = _IN_TOWN.match(text, end)
    return (m.group("a") or m.group("b")) if m else None


def city_after(text: str, end: int) -> str | None:
    """The town a part of it is stated in: "Bustan al-Qasr district of Aleppo", "al-Sinaa
    neighbourhood in central Damascus" → the town's name."""
    m = _CITY_AFTER.match(text, end)
    return m.group("city") if m else None
