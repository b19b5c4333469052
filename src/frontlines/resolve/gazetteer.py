"""The gazetteer seam: a Protocol, the packaged SQLite gazetteer and an in-memory one for tests.

Both implementations share one ranking (:func:`rank`): how well the name matches
(exact key, core key without generic words, consonant skeleton), whether the
feature class fits the generic words of the query ("airbase", "gas field") and how
prominent the place is (feature class, population).
"""

from __future__ import annotations

import importlib.resources
import math
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..errors import ResourceError
from ..geo import haversine_km
from ..records import Candidate, Place
from ..registry import geocoders
from ..taxonomy import MatchKind
from .gaz_build import BuildReport, build_gazetteer
from .gaz_words import NO_WORDS, FeatureWords
from .normalize import key_words, name_key, similarity, skeleton, skeletons, spelled, vowel_variant

FEATURE_WEIGHT = {
    "city": 1.0, "country": 0.95, "admin1": 0.9, "region": 0.8, "admin2": 0.75, "admin3": 0.6,
    "airbase": 0.7, "border_crossing": 0.7, "dam": 0.65, "oil_gas": 0.65, "military_base": 0.45,
    "hill": 0.45, "neighbourhood": 0.45, "facility": 0.3, "road": 0.4, "water": 0.3,
}
MATCH_SCORE = {MatchKind.KEY: 1.0, MatchKind.CORE: 0.9, MatchKind.VOWEL: 0.9}


@runtime_checkable
class Gazetteer(Protocol):
    """What the place resolver needs from a gazetteer."""

    def candidates(self, name: str, country: str | None = None, limit: int = 10,
                   *, fuzzy: bool = True) -> list[Candidate]: ...

    def get(self, gazetteer_id: str) -> Place | None: ...


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer row that matched a query: the place, the name it matched and how."""

    place: Place
    name: str
    how: MatchKind


def prominence(place: Place) -> float:
    """How likely a place is meant when its name is ambiguous, in [0, 1]."""
    base = FEATURE_WEIGHT.get(place.feature, 0.35)
    if place.feature == "settlement":
        pop = place.population or 0
        base = 0.4 + min(0.45, math.log10(pop) / 14) if pop > 1 else 0.38
    return base


#: the classes of a word that names a town or a part of one ("suburb"): a city fits it too
SUBURB = frozenset({"neighbourhood", "settlement"})


def _fit(feature: str, wanted: frozenset[str]) -> float:
    """How well a feature class fits the generic words of the query."""
    if wanted:  # a word for a town or a part of one ("Douma suburb") may name a town the gazetteer calls a city
        return 1.0 if feature in wanted or (feature == "city" and wanted >= SUBURB) else 0.75
    if feature in ("settlement", "city", "country", "neighbourhood"):  # a town's part is named like a town
        return 1.0
    return 0.85 if feature in ("admin1", "admin2", "admin3") else 0.9


def _own_name(hit: Hit) -> bool:
    """True when the matched name is the place's own (primary) name in another spelling."""
    a, b = name_key(hit.name), name_key(hit.place.name)
    return a == b or skeleton(a) == skeleton(b)


def _seat_reach(town: Place, unit: Place) -> bool:
    """The town lies where the seat of the district or subdistrict ``unit`` may (about 30 km)."""
    return (town.country == unit.country and abs(unit.latitude - town.latitude) < 0.3
            and abs(unit.longitude - town.longitude) < 0.35)


def _near_seat(hit: Hit, s: Place) -> bool:
    """The settlement may be the seat of the district ``s`` (same name, within about 30 km)."""
    return (hit.place.feature == "settlement" and hit.how != MatchKind.SKELETON and _own_name(hit)
            and _seat_reach(hit.place, s))


def _seats(hits: Sequence[Hit], seats: list[Place]) -> dict[str, str]:
    """Settlement id → name of the district it is the seat of: of the settlements named as a
    district is, the one nearest the district's centre ("Kassab", not the "Qasab" 20 km off).

    Only a settlement *called* that way counts: a village that merely lists the district's
    name among its alternates is not its seat.
    """
    out: dict[str, str] = {}
    for s in seats:
        near = [h.place for h in hits if _near_seat(h, s)]
        if near:
            best = min(near, key=lambda p: ((p.latitude - s.latitude) ** 2 + (p.longitude - s.longitude) ** 2,
                                            p.gazetteer_id))
            out.setdefault(best.gazetteer_id, s.name)
    return out


def _vowels(query: str, hits: Iterable[Hit], words: FeatureWords) -> list[Hit]:
    """Skeleton hits whose name differs from the query only in vowels (word by word: *Black
    Sea* is not *Blaqsah*) become "vowel" hits."""
    qkey, qwords = words.core_key(query), len(key_words(words.split(query)[0] or query))
    return [Hit(h.place, h.name, MatchKind.VOWEL) if h.how == MatchKind.SKELETON and vowel_variant(
        qkey, words.core_key(h.name)) and len(key_words(words.split(h.name)[0] or h.name)) == qwords
        else h for h in hits]


#: evidence of a match, strongest first: the name as written, a transliteration variant (the
#: key), the name without its feature words (core), a vowel variant, a consonant skeleton
EVIDENCE = ("exact", MatchKind.KEY, MatchKind.CORE, MatchKind.VOWEL, MatchKind.SKELETON)
#: a transliteration variant of a name is slightly weaker evidence than the name as written
VARIANT_FACTOR = 0.97


def evidence(query: str, c: Candidate) -> float:
    """Rank of a candidate's match evidence (0 = the name as written); see :data:`EVIDENCE`.

    A match found only without the query's feature words, of a place whose feature those
    words rule out ("Tabaqa air base": the village At Tabaqah), ranks below a vowel variant
    that has the feature (the air base "Tabqa Airbase")."""
    if c.match == MatchKind.KEY and "exact spelling" in c.reason:
        return 0
    if c.match == MatchKind.CORE and "exact spelling" in c.reason:
        return 0.5  # as written, with a fitting feature word ("Kesab town")
    if c.match in (MatchKind.CORE, MatchKind.VOWEL) and "feature differs" in c.reason:
        return EVIDENCE.index(MatchKind.VOWEL) + 0.5 + 0.1 * EVIDENCE.index(c.match)
    return EVIDENCE.index(c.match) if c.match in EVIDENCE else len(EVIDENCE)


def rank(query: str, hits: Iterable[Hit], limit: int, words: FeatureWords = NO_WORDS) -> list[Candidate]:
    """Score and order hits for ``query``; one candidate per place, best first.

    Candidates are ordered by the evidence of their match first (:data:`EVIDENCE`), then by
    score, so the first candidate does not depend on how many are asked for (``limit``);
    ``words``: the feature words the gazetteer's core keys were built without."""
    core_query, wanted = words.split(query)
    written = spelled(query)
    written_core = spelled(core_query) if core_query else written
    hits = _vowels(query, hits, words)
    named = (MatchKind.KEY, MatchKind.CORE)
    seats = [h.place for h in hits if h.place.feature in ("admin2", "admin3") and h.how in named]
    seat_of = _seats(hits, seats)
    owner = max((prominence(h.place) for h in hits if h.how == MatchKind.KEY and _own_name(h)), default=0.0)
    best: dict[str, Candidate] = {}
    for hit in hits:
        match = MATCH_SCORE.get(hit.how) or 0.85 * similarity(query, hit.name)
        exact = hit.how == MatchKind.KEY and written in (spelled(hit.name), spelled(hit.place.name))
        if hit.how == MatchKind.CORE and _fit(hit.place.feature, wanted) == 1.0 and wanted:
            # "Kesab town": the name as written, with a feature word that fits the place
            exact = written_core in (spelled(words.split(hit.name)[0]), spelled(words.split(hit.place.name)[0]))
            match = MATCH_SCORE[MatchKind.KEY] if exact else match
        if hit.how == MatchKind.KEY and not exact:
            match *= VARIANT_FACTOR
        fit = _fit(hit.place.feature, wanted)
        if hit.how == MatchKind.CORE and not wanted:
            fit *= 0.85  # "Kuweires" for "Kuweires Airbase": the bare name more often means the town
        if hit.name != hit.place.name:
            match *= 0.96  # an alternate name: slightly weaker evidence than the primary one
            if not _own_name(hit) and prominence(hit.place) < owner:
                match *= 0.88  # "Tombs Valley (Palmyra)": the name is another, bigger place's own
        prom = prominence(hit.place)
        seat = seat_of.get(hit.place.gazetteer_id)
        if seat:
            prom = max(prom, 0.7)
        score = round(match * fit * (0.75 + 0.25 * prom), 4)
        shown = hit.place.name if exact and spelled(hit.name) != written else hit.name
        why = f"{hit.how} match of {shown!r}{' (exact spelling)' if exact else ''}; {hit.place.feature}"
        if wanted:
            why += "; fits " + "/".join(sorted(wanted)) if fit == 1.0 else "; feature differs"
        if hit.place.population:
            why += f"; pop {hit.place.population}"
        if seat:
            why += f"; seat of {seat}"
        cand = Candidate(place=hit.place, score=score, reason=why, match=hit.how)
        old = best.get(hit.place.gazetteer_id)
        if old is None or (evidence(query, cand), -score) < (evidence(query, old), -old.score):
            best[hit.place.gazetteer_id] = cand
    ordered = sorted(best.values(), key=lambda c: (evidence(query, c), -c.score, c.place.gazetteer_id))
    return ordered[:limit]


#: the classes of a unit named after its seat town ("Manbij" district and subdistrict)
SEATED_UNITS = frozenset({"admin2", "admin3"})


def _town_first(ordered: list[Candidate]) -> list[Candidate]:
    """A name that is first a district's or a subdistrict's, and also its seat town's under any
    spelling short of a bare consonant skeleton ("Menbij": the district so written, the city
    "Manbij" a vowel away), is the town: a district named alone is located at its seat, as a
    province is at its capital."""
    if not ordered or ordered[0].place.feature not in SEATED_UNITS:
        return ordered
    units = [c.place for c in ordered if c.place.feature in SEATED_UNITS]
    towns = [c for c in ordered if c.place.feature in ("city", "settlement") and c.match != MatchKind.SKELETON
             and any(c.place.admin1 == u.admin1 and _seat_reach(c.place, u) for u in units)]
    if not towns:
        return ordered
    town = towns[0]
    return [town, *(c for c in ordered if c is not town)]


def _query_keys(name: str, words: FeatureWords) -> tuple[str, str, str]:
    key, core = name_key(name), words.core_key(name)
    return key, core, skeleton(core)


def default_path() -> Path:
    """Path of the packaged gazetteer file."""
    return Path(str(importlib.resources.files("frontlines") / "data" / "gazetteer.sqlite"))


_PLACE_COLS = "p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, p.feature, p.population"


def _place(row: tuple[Any, ...]) -> Place:  # a row of _PLACE_COLS, as sqlite3 returns it
    return Place(gazetteer_id=row[0], name=row[1], latitude=row[2], longitude=row[3],
                 country=row[4] or "", admin1=row[5], admin2=row[6], feature=row[7],
                 population=row[8])


@geocoders.register("sqlite")
class SqliteGazetteer:
    """The packaged (or any built) gazetteer file, opened read-only on first use, once per process."""

    def __init__(self, path: Path | None = None, cache_size: int = 50_000) -> None:
        self._setup(path, cache_size)

    def _setup(self, path: Path | None, cache_size: int) -> None:
        self.path = Path(path) if path is not None else None
        self.cache_size = cache_size
        self._con: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()
        #: (name, country, limit, fuzzy) → candidates
        self._cache: dict[tuple[str, str | None, int, bool], list[Candidate]] = {}
        #: the feature words the file's core keys were built without (stored by the build)
        self.words: FeatureWords = NO_WORDS

    def __getstate__(self) -> dict[str, object]:
        return {"path": self.path, "cache_size": self.cache_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._setup(state["path"], state["cache_size"])

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            path = self.path or default_path()
            if not path.is_file():
                raise ResourceError("gazetteer file not found; run `frontlines gazetteer build`",
                                    source=str(path))
            uri = f"file:{path.resolve().as_posix()}?mode=ro&immutable=1"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
            row = self._con.execute("SELECT v FROM meta WHERE k = 'feature_words'").fetchone()
            self.words = FeatureWords.from_json(row[0]) if row else NO_WORDS
        return self._con

    def _hits(self, column: str, value: str, country: str | None, how: MatchKind) -> list[Hit]:
        sql = (f"SELECT {_PLACE_COLS}, n.name FROM names n JOIN places p ON p.pk = n.place "
               f"WHERE n.{column} = ?")
        args: list[object] = [value]
        if country:
            sql += " AND p.country = ?"
            args.append(country)
        rows = self._connection().execute(sql + " LIMIT 400", args).fetchall()
        return [Hit(_place(r), r[9], how) for r in rows]

    def candidates(self, name: str, country: str | None = None, limit: int = 10,
                   *, fuzzy: bool = True) -> list[Candidate]:
        """Places that ``name`` may refer to, best first (see :func:`rank`)."""
        cache_key = (name, country, limit, fuzzy)
        with self._lock:
            if cache_key in self._cache:
                return self._cache[cache_key]
            self._connection()
            key, core, skel = _query_keys(name, self.words)
            hits = self._hits("key", key, country, MatchKind.KEY) + self._hits("core", core, country, MatchKind.CORE)
            if fuzzy and len(skel) >= 3 and len(hits) < limit:
                for form in skeletons(core):
                    hits += self._hits("skel", form, country, MatchKind.SKELETON)
            result = rank(name, hits, limit, self.words)
            if len(self._cache) >= self.cache_size:
                self._cache.clear()
            self._cache[cache_key] = result
            return result

    def get(self, gazetteer_id: str) -> Place | None:
        with self._lock:
            row = self._connection().execute(
                f"SELECT {_PLACE_COLS} FROM places p WHERE p.id = ?", (gazetteer_id,)).fetchone()
        return _place(row) if row else None

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


@geocoders.register("memory")
class MemoryGazetteer:
    """An in-memory gazetteer: ``MemoryGazetteer([(place, ["Alt name", ...]), ...], words)``
    (``words``: the feature words left out of the core keys, e.g. ``kb.theater.feature_words``)."""

    def __init__(self, places_with_names: Iterable[tuple[Place, Iterable[str]]],
                 words: FeatureWords = NO_WORDS) -> None:
        self.words = words
        self._places: dict[str, Place] = {}
        self._index: dict[str, dict[str, list[tuple[Place, str]]]] = {"key": {}, "core": {}, "skel": {}}
        for place, names in places_with_names:
            self._places[place.gazetteer_id] = place
            for n in dict.fromkeys([place.name, *names]):
                key, core, skel = _query_keys(n, words)
                for column, value in (("key", key), ("core", core), ("skel", skel)):
                    self._index[column].setdefault(value, []).append((place, n))

    def _hits(self, column: str, value: str, country: str | None, how: MatchKind) -> list[Hit]:
        return [Hit(p, n, how) for p, n in self._index[column].get(value, [])
                if country is None or p.country == country]

    def candidates(self, name: str, country: str | None = None, limit: int = 10,
                   *, fuzzy: bool = True) -> list[Candidate]:
        key, core, skel = _query_keys(name, self.words)
        hits = self._hits("key", key, country, MatchKind.KEY) + self._hits("core", core, country, MatchKind.CORE)
        if fuzzy and len(skel) >= 3 and len(hits) < limit:
            for form in skeletons(core):
                hits += self._hits("skel", form, country, MatchKind.SKELETON)
        return rank(name, hits, limit, self.words)

    def get(self, gazetteer_id: str) -> Place | None:
        return self._places.get(gazetteer_id)


#: how many candidates a lookup ranks before it cuts the list to the number asked for
LOOKUP_POOL = 50
_ALTERNATIVES = re.compile(r"\s*/\s*|\s*[()]\s*")


def alternatives(name: str) -> list[str]:
    """The names of a query that gives alternatives: "Tadmur/Palmyra", "Tabqa (al-Thawrah)"."""
    parts = [p for p in _ALTERNATIVES.split(name) if p.strip()]
    return parts if len(parts) > 1 else [name]


#: "Aleppo - Bustan al-Qasr", "Damascus – Jobar": a place and a part of it, as event datasets write
#: a neighbourhood (a dash between spaces; "Deir-ez-Zor" is one name)
_PART_OF = re.compile(r"^\s*(.+?)\s+[-\u2013\u2014]\s+(.+?)\s*$")
#: how coarse a place class is: the coarser side of "X - Y" contains the other
_COARSENESS = {"country": 5, "admin1": 4, "region": 3, "admin2": 3, "admin3": 2, "city": 1}
#: how far a part may lie from the town it is stated to be part of
PART_OF_KM = 30.0


def _inside(place: Place, container: Place) -> bool:
    if container.feature in ("admin1", "country"):
        return place.country == container.country and (container.feature == "country"
                                                       or place.admin1 == container.admin1)
    return haversine_km(place.latitude, place.longitude, container.latitude, container.longitude) <= PART_OF_KM


def _coarse(c: Candidate) -> int:
    return _COARSENESS.get(c.place.feature, 0)


def _part_of_candidates(container: str, part: str, country: str | None, gazetteer: Gazetteer,
                        home: str | None) -> list[Candidate]:
    """Candidates of "X - Y": the places of the finer side that lie in the coarser side's best
    place, then the coarser side's places (the event is at least there), then the rest."""
    left = _alternatives_candidates(container, country, gazetteer, home)
    right = _alternatives_candidates(part, country, gazetteer, home)
    if not left or not right:
        return right or left
    outer, inner = (left, right) if _coarse(left[0]) >= _coarse(right[0]) else (right, left)
    town = outer[0].place
    within = [replace(c, reason=f"{c.reason}; in {town.name}, as the name says") for c in inner
              if c.place.gazetteer_id != town.gazetteer_id and _inside(c.place, town)]
    seen: set[str] = set()
    out = []
    for c in [*within, *outer, *inner]:
        if c.place.gazetteer_id not in seen:
            seen.add(c.place.gazetteer_id)
            out.append(c)
    return out


#: how many evidence steps a minor place abroad stands behind the theater's own places when a
#: name is looked up without a country: a Syrian village a vowel away ("Khalsa": Khalasah) is
#: meant before a Lebanese hamlet of the exact spelling, but a consonant skeleton alone is not
ABROAD_PENALTY = 3.5
#: a place abroad that keeps its rank: a city, a country or an administrative unit ("Beirut",
#: "Hatay", the district "Rutba"), a town of this many people ("Haditha") or a district's seat
LANDMARK_FEATURES = frozenset({"city", "country", "admin1", "admin2", "admin3"})
LANDMARK_POPULATION = 10_000


def _in_full(query: str, c: Candidate) -> bool:
    """A name of two words or more, spelled as written ("Sadr City"): no coincidence of spelling."""
    return evidence(query, c) == 0 and len(key_words(query)) >= 2


def _landmark(c: Candidate) -> bool:
    p = c.place
    return (p.feature in LANDMARK_FEATURES or (p.population or 0) >= LANDMARK_POPULATION
            or "; seat of " in c.reason)


def _alternatives_candidates(name: str, country: str | None, gazetteer: Gazetteer,
                             home: str | None = None) -> list[Candidate]:
    """Candidates of a name, or of each of its alternatives (best evidence first, one per place);
    of equal evidence, those in the ``home`` country (the theater's) first ("As Sukhnah": the
    Syrian town before the Jordanian one); "X - Y" is a place and a part of it."""
    split = _PART_OF.match(name)
    if split:
        return _part_of_candidates(split.group(1), split.group(2), country, gazetteer, home)
    parts = alternatives(name)
    pooled: dict[str, tuple[tuple[float, float, float], Candidate]] = {}
    for part in parts:
        for c in gazetteer.candidates(part, country=country, limit=LOOKUP_POOL):
            foreign = home is not None and c.place.country != home
            minor_abroad = foreign and not _landmark(c) and not _in_full(part, c)
            order = (evidence(part, c) + (ABROAD_PENALTY if minor_abroad else 0.0), float(foreign), -c.score)
            old = pooled.get(c.place.gazetteer_id)
            # a place that several alternatives name is the one meant
            if old is not None:
                order = (min(order[0], old[0][0]) - (1 if len(parts) > 1 else 0), order[1], min(order[2], old[0][2]))
            if old is None or order < old[0]:
                pooled[c.place.gazetteer_id] = (order, c)
    support = _support([c for _, c in pooled.values()])
    return _town_first([c for _, c in sorted(pooled.values(),
                                             key=lambda x: (x[0], -support[x[1].place.gazetteer_id],
                                                            x[1].place.gazetteer_id))])


#: how near two candidates of one name lie for the one to back the other
SUPPORT_KM = 10.0


def _support(cands: list[Candidate]) -> dict[str, int]:
    """Place id → how many other candidates of the same name lie within :data:`SUPPORT_KM`: of
    homonyms of equal evidence, the one that other records of the name (a town, its
    subdistrict, a base named after it) place at the same spot is the one meant ("Tabaqah": the
    village by the city of Tabqa, not the hamlet of the same spelling in Hama)."""
    return {a.place.gazetteer_id: sum(b is not a and haversine_km(a.place.latitude, a.place.longitude,
                                                                   b.place.latitude, b.place.longitude) <= SUPPORT_KM
                                      for b in cands) for a in cands}


def _unit_record(cands: list[Candidate], unit: str) -> list[Candidate]:
    """The first-level unit's own record among ``cands`` (a list of one), or an empty list."""
    return [c for c in cands if c.place.feature == "admin1" and c.place.admin1 == unit][:1]


def _in_unit(cands: list[Candidate], admin1: str) -> list[Candidate]:
    """The candidates in the first-level unit ``admin1`` (any spelling of its name); when none
    is, every candidate, each marked as lying elsewhere: a border place the gazetteer files under
    the next governorate ("Al-Tanf, Homs"), or a unit the gazetteer does not record ("Cairo")."""
    key = name_key(admin1)
    inside = [c for c in cands if c.place.admin1 and name_key(c.place.admin1) == key]
    return inside or [replace(c, reason=f"{c.reason}; not in {admin1} as the gazetteer has it") for c in cands]


def lookup(names: list[str], country: str | None, gazetteer: Gazetteer, limit: int = 10,
           admin1: str | None = None, home: str | None = None,
           province: Callable[[str], str | None] | None = None) -> list[tuple[str, list[Candidate]]]:
    """Candidates of each name, in order: how an analyst geocodes a column of names.

    The same pool is ranked whatever ``limit`` is, so the first candidate never depends on how
    many are asked for; ``admin1`` (a canonical governorate name) keeps only the candidates in
    that first-level unit, which is how a stated province settles a homonym (all of them, marked,
    when none lies there); ``home`` (the theater's country) goes first among candidates of equal
    evidence, and before minor places abroad of a closer spelling; ``province`` tells the
    first-level unit a name means as a whole ("Rural Damascus": Rif Dimashq, not a district of
    it), whose record then goes first."""
    out = []
    for n in names:
        cands = _alternatives_candidates(n, country, gazetteer, home)
        unit = province(n) if province is not None else None
        if unit is not None:  # the unit's own record, looked up by its canonical name if need be
            named = _unit_record(cands, unit) or _unit_record(_alternatives_candidates(unit, country, gazetteer, home),
                                                              unit)
            ids = {c.place.gazetteer_id for c in named}
            cands = named + [c for c in cands if c.place.gazetteer_id not in ids]
        if admin1 is not None:
            cands = _in_unit(cands, admin1)
        out.append((n, cands[:limit]))
    return out


__all__ = ["BuildReport", "Candidate", "Gazetteer", "Hit", "MemoryGazetteer", "SqliteGazetteer", "spelled",
           "build_gazetteer", "lookup", "prominence", "rank"]
