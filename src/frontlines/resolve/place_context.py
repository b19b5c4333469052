"""Disambiguation of toponyms by the document's context.

A name's candidates are re-scored with

* its own match score (name match, feature fit, prominence) from the gazetteer;
* document focus: the country and governorates of the document's unambiguous places;
* an explicit container nearby ("As-Safira district in Aleppo province",
  "the town of Tabqa ... in the province of Raqqah");
* spatial coherence: closeness to the document's other, already resolved places.

Every choice carries its score and a reason string.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from ..records import Candidate, Mention, Place
from ..taxonomy import MatchKind, has_arabic_article
from .gaz_admin import km
from .gazetteer import EVIDENCE, SUBURB, evidence, prominence
from .normalize import name_key, skeleton
from .place_patterns import has_place_cue

W_COUNTRY = 0.15
W_ADMIN1 = 0.2
W_CONTAINER = 0.35
W_NEARBY = 0.15  # the governorate the text named just before the name ("... in Daraa province. ... in Nawa city")
W_NEAR = 0.3
W_LOCAL = 0.2  # near the places named without doubt just before the name (Hints.local)
W_REF = 0.5  # "X (south of Y)": X lies near one of Y's candidates
NEAR_KM = 120.0
REF_KM = 60.0


@dataclass
class Focus:
    """What the document is about: country and governorate weights, and anchor places."""

    country: str | None = None
    ids: set[str] = field(default_factory=set)
    admin1: Counter[str] = field(default_factory=Counter)
    anchors: list[Place] = field(default_factory=list)
    named_by: dict[str, set[str]] = field(default_factory=dict)  # place id → name keys naming it
    #: the countries the text names ("Israeli jets", "in Lebanon"), and whether the focus country
    #: is the theater's own (a report about Syria) or another (a report from Gaza)
    countries_named: frozenset[str] = frozenset()
    abroad_focus: bool = False
    #: the theater's own country when the focus moved to a neighbour only because the text never
    #: names it ("Jordanian jets struck near Palmyra"): its places stay as eligible as the focus's
    theater: str | None = None
    _index: NearIndex | None = field(default=None, init=False, repr=False, compare=False)

    def near_index(self) -> NearIndex:
        """The anchors indexed for nearest-place queries (rebuilt when anchors were added)."""
        if self._index is None or self._index.size != len(self.anchors):
            self._index = NearIndex(self.anchors)
        return self._index

    def named_elsewhere(self, gazetteer_id: str, key: str, any_key: bool = False) -> bool:
        """Is the place among the document's places, named by another name (or by any)?"""
        if gazetteer_id not in self.ids:
            return False
        keys = self.named_by.get(gazetteer_id)
        return keys is None or any_key or bool(keys - {key})

    def distance(self, place: Place) -> float | None:
        """km from ``place`` to the nearest other anchor of the document."""
        return _nearness(place, self.near_index())[1]

    def admin1_share(self, admin1: str | None) -> float:
        total = sum(self.admin1.values())
        return self.admin1[admin1] / total if admin1 and total else 0.0


def unambiguous(cands: list[Candidate]) -> Candidate | None:
    """The candidate when a name clearly names one place (alone, or far ahead of the rest)."""
    if not cands:
        return None
    # a spelling variant ("Mu`addamiyah" for "Moadamiyah") does not compete with a place of the name
    # as written, unless that name is only a district's, whose town the gazetteer spells otherwise,
    # or matches only without feature words that ask for another class ("Kassab border crossing")
    exact = [c for c in cands if not is_fuzzy(c) and evidence("", c) < EVIDENCE.index(MatchKind.VOWEL)]
    if any(c.place.feature not in _UNITS for c in exact):
        cands = exact
    cands = sorted(cands, key=lambda c: -c.score)  # by score, whatever order the gazetteer gave
    top = cands[0]
    if len(cands) == 1 or top.score - cands[1].score >= 0.08:
        return top
    same = [c for c in cands if c.score >= top.score - 0.08]
    if all(km(top.place.latitude, top.place.longitude, c.place.latitude, c.place.longitude) < 15
           for c in same):
        return top
    return None


def focus_of(groups: list[list[Candidate]], default_country: str | None,
             keys: list[str] | None = None, named: Mapping[str, int] | None = None) -> Focus:
    """Document focus from the unambiguous names of the document (``keys``: their name keys);
    ``named``: how often the text names each country by name or adjective ("the Syrian army",
    "the Lebanese town"): a foreign focus that the text names less often than the default
    country gives way to the default country."""
    countries: Counter[str] = Counter()
    focus = Focus()
    anchored: set[Place] = set()
    tops = [unambiguous(cands) for cands in groups]
    said = {t.place.country for t in tops if t is not None and major(t.place)} | {
        c for c, n in (named or {}).items() if n}
    for i, top in enumerate(tops):
        if top is None:
            continue
        # a village abroad, in a country the text never names, says little of where the report is
        # (when the caller says which countries the text names)
        if (named is None or default_country is None or top.place.country == default_country
                or top.place.country in said or major(top.place)):
            countries[top.place.country] += 1
        focus.ids.add(top.place.gazetteer_id)
        if keys is not None:
            focus.named_by.setdefault(top.place.gazetteer_id, set()).add(keys[i])
        if top.place.admin1:
            focus.admin1[top.place.admin1] += 1
        if top.place.feature not in ("country", "admin1", "region") and top.place not in anchored:
            anchored.add(top.place)  # each place once: nearness compares places, not mentions
            focus.anchors.append(top.place)
    focus.country = countries.most_common(1)[0][0] if countries else default_country
    # the theater's country keeps the focus unless twice as many unambiguous names lie in another;
    # when the text names the theater's country more often than the other; and against one name
    # alone (a namesake abroad, nothing else certain) unless the text names that country
    most = max(countries.values(), default=0)
    home, away = (named or {}).get(default_country or "", 0), (named or {}).get(focus.country or "", 0)
    if default_country and (countries[default_country] >= most / 2 or home > away or most < 2 and not away):
        focus.country = default_country
    # a report that never names the theater's country, but names a neighbour more than any other,
    # is about that neighbour ("Iraqi forces retook X"), unless it names a place of the theater's
    # country without doubt and no more of the neighbour's ("BEIRUT, Lebanon - ... in Daraa")
    other = _only_neighbour(named or {}, default_country)
    if other and focus.country == default_country:
        towns = Counter(t.place.country for t in tops
                        if t is not None and t.place.feature not in ("country", "admin1", "region"))
        if towns[other] > towns[default_country or ""] or not towns[default_country or ""]:
            focus.country, focus.theater = other, default_country
    focus.countries_named = frozenset(c for c, n in (named or {}).items() if n)
    focus.abroad_focus = bool(default_country and focus.country and focus.country != default_country)
    return focus


def _only_neighbour(named: Mapping[str, int], default_country: str | None) -> str | None:
    """The country a text names most (by name or adjective) when it never names the theater's
    own country ``default_country`` and no other country ties with it; else None."""
    if not default_country or named.get(default_country) or not named:
        return None
    ranked = sorted(named.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0] if ranked[0][1] > 0 else None


#: km per degree of latitude: a great-circle distance is never shorter than the latitude gap
KM_PER_DEGREE = math.pi * 6371.0088 / 180 * (1 - 1e-9)  # a hair under, against rounding


class NearIndex:
    """Places sorted by latitude, for the k nearest to a point: scanning outward from its
    latitude stops when the latitude gap alone exceeds the k-th distance found.  Exact (the
    same distances as measuring every place) and fast for documents with thousands of places."""

    def __init__(self, places: list[Place]) -> None:
        self.size = len(places)
        copies = Counter(places)  # a place named many times is measured once, counted as often
        self.places = sorted(copies, key=lambda p: p.latitude)
        self.copies = [copies[p] for p in self.places]
        self.lats = [p.latitude for p in self.places]

    def nearest(self, place: Place, k: int, skip: Collection[str] = ()) -> list[float]:
        """Distances (km, ascending) to the ``k`` nearest places other than ``place`` itself
        and those whose id is in ``skip``."""
        lat, lon = place.latitude, place.longitude
        below, above = bisect_left(self.lats, lat) - 1, bisect_left(self.lats, lat)
        best: list[float] = []  # ascending, at most k
        while below >= 0 or above < len(self.lats):
            if above >= len(self.lats) or (below >= 0 and lat - self.lats[below] <= self.lats[above] - lat):
                i, below = below, below - 1
            else:
                i, above = above, above + 1
            if len(best) == k and abs(self.lats[i] - lat) * KM_PER_DEGREE > best[-1]:
                break  # every place left is farther in latitude alone
            other = self.places[i]
            if other.gazetteer_id == place.gazetteer_id or other.gazetteer_id in skip:
                continue
            d = km(lat, lon, other.latitude, other.longitude)
            for _ in range(min(self.copies[i], k)):
                if len(best) == k and d >= best[-1]:
                    break
                best.insert(bisect_left(best, d), d)
                del best[k:]
        return best


def _nearness(place: Place, index: NearIndex, skip: Collection[str] = ()) -> tuple[float, float | None]:
    """Closeness to the three nearest other anchors (mean of exp(-d/NEAR_KM)), nearest distance."""
    near = index.nearest(place, 3, skip)
    if not near:
        return 0.0, None
    return sum(math.exp(-d / NEAR_KM) for d in near) / len(near), near[0]


AREAS = frozenset({"admin1", "admin2", "admin3", "region", "country"})
WINDOW = 0.22
#: feature classes named by their own generic word ("dam", "airbase", "hill", "field", "crossing"):
#: a name called a district, neighbourhood or village is none of them
SPECIAL = frozenset({"dam", "airbase", "military_base", "hill", "oil_gas", "border_crossing", "facility"})
#: generic words that call a name part of a town or a town itself
URBAN = frozenset({"neighbourhood", "admin2", "admin3", "settlement", "city"})
MAJOR_POP = 250_000
TOWN_POP = 10_000  # a town, not a hamlet
PART_KM = 20.0  # a neighbourhood lies within this distance of its city


def capital(place: Place) -> bool:
    """A governorate capital: a city named as its governorate is (Idlib in Idlib, Hama in Hama)."""
    return place.feature in ("city", "settlement") and bool(place.admin1) and (
        name_key(place.name) == name_key(place.admin1 or ""))


def major(place: Place) -> bool:
    """A big city, a governorate capital (or a curated capital of the overlay): its name keeps
    its primary referent unless the text says otherwise."""
    return place.feature == "country" or capital(place) or place.feature == "city" and (
        (place.population or 0) >= MAJOR_POP or place.gazetteer_id.startswith("ovl:"))


@dataclass(frozen=True)
class Hints:
    """What the text says about one mention beyond its name.

    ``cue``: feature classes that the words around it ask for ("the X neighbourhood", "the
    district of X"); ``abroad``: countries the text names near it ("the Iraqi town of", "in
    Lebanon"); ``city``: the town it is stated to be part of ("X neighbourhood of Homs");
    ``local``: the places the text names without doubt just before it ("... west of Aleppo.
    ... the X base").
    """

    cue: frozenset[str] = frozenset()
    abroad: frozenset[str] = frozenset()
    city: Place | None = None
    local: tuple[Place, ...] = ()


def _by_cue(cands: list[Candidate], hints: Hints, wanted: frozenset[str]) -> list[Candidate]:
    """A district, neighbourhood or village is not a dam, airbase or hill of the same name; a
    part of a stated city lies near that city.  The name's own generic word ("Tabqa dam")
    outranks the cues of its other mentions ("the town of Tabqa")."""
    cue = wanted or hints.cue
    if cue and cue <= URBAN:
        cands = [c for c in cands if c.place.feature not in SPECIAL]
    if hints.city is not None and not any(  # a town or governorate of that name is no part of a town
            (c.place.feature in ("city", "country", "admin1") or prominence(c.place) >= 0.7)
            and not is_fuzzy(c) for c in cands):  # (of that name, not of a spelling variant)
        city = hints.city
        # a suburb may lie across the city's governorate line (Damascus / Rif Dimashq)
        cands = [c for c in cands if (c.place.feature in AREAS and c.place.admin1 == city.admin1) or (
            c.place.feature not in AREAS and km(c.place.latitude, c.place.longitude,
                                                city.latitude, city.longitude) <= PART_KM)]
    return cands


def _at_home(cands: list[Candidate], focus: Focus, container: str | None, hints: Hints,
             wanted: frozenset[str]) -> list[Candidate]:
    """A minor place abroad ("Al 'Ikrimah", Iraq) does not stand for a name in a report about Syria
    unless the text names its country near the name; big cities, countries and features named
    by their own generic word ("Al Waleed border crossing") always may."""
    home = focus.country
    if not home:
        return cands
    return [c for c in cands if c.place.country in (home, focus.theater) or major(c.place)
            or c.place.country in hints.abroad
            or (container is not None and c.place.admin1 == container)
            or (c.place.feature in wanted and c.place.feature in SPECIAL)
            or _neighbours_town(c, focus)]


def _neighbours_town(c: Candidate, focus: Focus) -> bool:
    """In a report about a place outside the theater's country (Gaza, Lebanon), a town of another
    country the report names is as likely as one of the focus country ("Israeli jets struck Gaza
    ... rockets hit Sderot"): named exactly, it may stand for the name.  A report about the
    theater's own country keeps the stricter rule (a village abroad is a pin in the wrong country)."""
    return (focus.abroad_focus and c.place.country in focus.countries_named
            and c.place.feature in ("city", "settlement") and c.match == MatchKind.KEY)


def is_fuzzy(c: Candidate) -> bool:
    """A candidate found by a vowel or consonant-skeleton variant of the name."""
    return c.match is not None and c.match.fuzzy


def _ref_bonus(place: Place, refs: list[Place]) -> tuple[float, float | None]:
    """Bonus for lying within REF_KM of a stated reference place ("south of Y"), decaying beyond."""
    if not refs:
        return 0.0, None
    d = min(km(place.latitude, place.longitude, r.latitude, r.longitude) for r in refs)
    return W_REF * (1.0 if d <= REF_KM else math.exp(-(d - REF_KM) / 40)), d


def _major_city(cands: list[Candidate], container: str | None, refs: list[Place],
                wanted: frozenset[str] = frozenset()) -> list[Candidate]:
    """A city far ahead of the rest ("Ankara") is not displaced by a village of the focus country
    ("Anqarah") unless a stated container or reference place speaks for the village; a big city
    ("Damascus") is not displaced by a namesake settlement however close it lies to the
    document's other places (population dominates spatial coherence)."""
    top = max(cands, key=lambda c: c.score, default=None)
    if top is None or is_fuzzy(top) or refs or any(container and c.place.admin1 == container for c in cands):
        return cands
    if top.place.feature == "settlement" and not capital(top.place) and (top.place.population or 0) >= TOWN_POP:
        # a town the gazetteer counts people in ("Al-Qusayr", 41 000) beats namesake hamlets it
        # counts none in, however close they lie to the document's other places
        return [c for c in cands if c is top or c.place.feature != "settlement" or c.place.population]
    if top.place.feature != "city" and not capital(top.place):
        return cands
    big = major(top.place)
    # nor by a feature named after it that the name matches only without the query's feature
    # words, when those words do not ask for it ("a south Damascus pocket": not "Damascus Int'l Airport")
    return [c for c in cands if c is top or (not big and c.score >= top.score - 0.12)
            or (c.place.feature not in ("settlement", "city")
                and not (big and c.match == MatchKind.CORE and c.place.feature not in wanted))]


#: a town lies within this distance (km) of the centre of the district or subdistrict named after it
SEAT_KM = 30.0
_UNITS = frozenset({"admin2", "admin3"})


def _fits(place: Place, wanted: frozenset[str]) -> bool:
    """The place is of a class the words around its name ask for (a suburb may be a city)."""
    return place.feature in wanted or (place.feature == "city" and wanted >= SUBURB)


def _seat_towns(cands: list[Candidate], exact: list[Candidate], wanted: frozenset[str]) -> list[Candidate]:
    """A name spelled exactly as a district or subdistrict only, whose town the gazetteer spells
    otherwise ("Jarablus": the district; the town "Jarābulus"), names the town: the town (a
    spelling variant inside the unit) stands in for the unit, unless the text asks for a district.
    Only a vowel variant is the same name: a village whose consonants alone match ("Chark" for
    "Suruc") is another place, and the unit keeps the name."""
    units = [c for c in exact if c.place.feature in _UNITS]
    if not units or wanted & _UNITS or any(c.place.feature in ("city", "settlement") for c in exact):
        return exact
    towns = [c for c in cands if c.match == MatchKind.VOWEL and c.place.feature in ("city", "settlement") and any(
        u.place.admin1 == c.place.admin1 and u.place.country == c.place.country
        and km(u.place.latitude, u.place.longitude, c.place.latitude, c.place.longitude) <= SEAT_KM
        for u in units)]
    if not towns:
        return exact
    return [c for c in exact if c.place.feature not in _UNITS] + towns


def choose(cands: list[Candidate], focus: Focus, container: str | None,
           wanted: frozenset[str] = frozenset(), refs: list[Place] | None = None,
           hints: Hints | None = None, nearby: str | None = None, in_name: bool = False) -> Candidate | None:
    """The best candidate in context, with its combined score (0..1) and reason.

    ``wanted``: feature classes the surface asks for ("province" → admin1); when some
    candidates fit them, the others are not considered.  ``refs``: candidates of a place
    the text relates this one to ("Rusafa (south of Tabaqah)").  Spelling variants
    (vowels, skeleton) compete with exact names only when such a reference or a stated
    container can tell them apart; otherwise an exact name wins.  ``hints``: see :class:`Hints`.
    ``in_name``: the words that ask for the classes are written in the name ("Sadr City"), so a
    place named by the whole of it is meant whatever its class.
    """
    best: tuple[float, Candidate, str] | None = None
    refs = refs or []
    hints = hints or Hints()
    if wanted:  # the classes the words ask for, unless only minor places abroad have them
        # a place whose own name holds the word ("Sadr City", a quarter) is named in full, whatever its class
        fitting = [c for c in cands if _fits(c.place, wanted) or (in_name and c.match == MatchKind.KEY)]
        if fitting and _at_home(_by_cue(fitting, hints, wanted), focus, container, hints, wanted):
            cands = fitting
    cands = _at_home(_by_cue(cands, hints, wanted), focus, container, hints, wanted)
    cands = _major_city(cands, container, refs, wanted)
    exact = _seat_towns(cands, [c for c in cands if not is_fuzzy(c)], wanted)
    if exact and not refs and not (container and not any(c.place.admin1 == container for c in exact)):
        cands = exact
    if not cands:
        return None
    top = max(c.score for c in cands)
    own = {c.place.gazetteer_id for c in cands}  # the places this very name may be
    decisive = [c for c in cands if c.place.feature == "country" and c.score == top]
    if decisive:
        return decisive[0]
    for c in (c for c in cands if c.score >= top - WINDOW):
        p = c.place
        parts = [c.reason]
        score = c.score
        if focus.country and p.country == focus.country:
            score += W_COUNTRY
            parts.append(f"in focus country {p.country}")
        share = focus.admin1_share(p.admin1)
        if share:
            score += W_ADMIN1 * share
            parts.append(f"focus governorate {p.admin1} ({share:.0%})")
        if container and p.admin1 == container:
            score += W_CONTAINER
            parts.append(f"inside stated {container}")
        elif nearby and p.admin1 == nearby and not container:
            score += W_NEARBY
            parts.append(f"in {nearby}, the governorate named just before")
        near, dist = _nearness(p, focus.near_index(), own)  # not its namesakes
        if near > 0.05 and p.feature not in AREAS:
            score += W_NEAR * near
            parts.append(f"{dist:.0f} km from other places of the document")
        elif p.feature in AREAS and p.admin1 and any(a.admin1 == p.admin1 and a.gazetteer_id not in own
                                                     for a in focus.anchors):  # not the name's own town
            score += W_NEAR * 0.5
            parts.append("contains other places of the document")
        local = [a for a in hints.local if a.gazetteer_id not in own]
        if local and p.feature not in AREAS:
            d = min(km(p.latitude, p.longitude, a.latitude, a.longitude) for a in local)
            score += W_LOCAL * math.exp(-d / NEAR_KM)
            parts.append(f"{d:.0f} km from a place named just before")
        bonus, ref_km = _ref_bonus(p, refs)
        if ref_km is not None:
            score += bonus
            parts.append(f"{ref_km:.0f} km from the place it is stated relative to")
        if is_fuzzy(c):
            score -= 0.05
        if best is None or score > best[0]:
            best = (score, c, "; ".join(parts))
    if best is None:
        return None
    total = W_COUNTRY + W_ADMIN1 + W_CONTAINER + W_NEAR
    score = min(1.0, best[0] / (1.0 + total * 0.5))
    return Candidate(place=best[1].place, score=round(score, 4), reason=best[2], match=best[1].match)


def plausible(text: str, how: str, surface: str, start: int, best: Candidate, focus: Focus,
              fits: bool = False) -> bool:
    """Weak evidence (a minor place, a fuzzy match, a name prefix) needs support from the context
    (``fits``: the place is of the class the name's own feature words ask for, "X crossing")."""
    place = best.place
    if how == "name" and (prominence(place) >= 0.5 or place.feature != "settlement"):
        return True
    if focus.named_elsewhere(place.gazetteer_id, name_key(surface), how != "name"):
        return True  # the document names this place elsewhere without doubt
    if how != "fuzzy" and focus.country and place.country != focus.country:
        return has_place_cue(text, start)
    if how == "name":
        return True  # an exact name in the focus country
    near = focus.distance(place)
    close = near is not None and near <= 60
    supported = close or focus.admin1_share(place.admin1) >= 0.25
    if how == "variant":  # only a spelling variant is known ("al-Tanaf" for At Tanf)
        if focus.named_elsewhere(place.gazetteer_id, name_key(surface), True):
            return True
        # "al-Tanaf", "Moadamiyet al-Sham": an Arabic article opens the name or one of its words
        arabic = has_arabic_article(surface, space=True) or any(has_arabic_article(w) for w in surface.split()[1:])
        # a variant of the very class its feature words name ("X crossing") within reach of the
        # document's other places
        return supported and (arabic or has_place_cue(text, start)) or (fits and close)
    if how == "fuzzy":
        # a bare consonant skeleton of three letters matches too much ("Al Ateira": Tayru)
        return supported and (best.match != MatchKind.SKELETON or len(skeleton(name_key(surface))) >= 4)
    return supported or has_place_cue(text, start)


def part_of_city(base: Mention, known: bool, hints: Hints) -> Mention:
    """A neighbourhood or city district the gazetteer lacks (``known``: it has the name, but no
    candidate fits): the city's point, precision 2; kept unresolved when no city is stated."""
    city = hints.city
    if city is None:
        why = "no candidate fits the context" if known else "not in the gazetteer"
        return replace(base, reason=why + "; kept unresolved")
    return replace(base, place=city, score=0.5, geo_precision=2,
                   reason=f"part of {city.name} not in the gazetteer; the city's point")
