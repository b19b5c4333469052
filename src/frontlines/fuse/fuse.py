"""Fusion of claims into events.

Two claims describe the same happening when they share the event type, their places
are the same or within ``radius_km``, their dates are compatible (unknown, or within
``window_days``), their actors do not conflict, and they stand on the same side of the
factual line (a forecast never merges into what happened).  Denied claims that match a
factual event mark it as contradicted; both are kept.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..geo import haversine_km
from ..records import ActorRef, Claim, Event, Status
from ..taxonomy import (
    ARMED_CLASH,
    GOVERNMENT_REGAINS,
    NONSTATE_OVERTAKES,
    NONVIOLENT_TRANSFER,
    TERRITORIAL,
    TERRITORY_TAKEN,
    DateSpan,
    strip_arabic_article,
)
from .tolls import event_toll, vague_toll
from .weighting import claim_support, event_support

#: strongest standing first: the event's status is that of its strongest claim
STATUS_ORDER = (Status.ASSERTED, Status.REPORTED, Status.ALLEGED, Status.DENIED,
                Status.EXPECTED, Status.HYPOTHETICAL, Status.BACKGROUND)

#: when merged claims disagree on the sub-event type, the more specific wins
SUB_EVENT_PRIORITY = (GOVERNMENT_REGAINS, NONSTATE_OVERTAKES, NONVIOLENT_TRANSFER, ARMED_CLASH)
#: ACLED inter codes of non-state armed groups (rebels, political and identity militias)
NONSTATE_INTER = frozenset({2, 3, 4})


@dataclass(frozen=True, slots=True)
class FuseOptions:
    radius_km: float = 10.0
    window_days: int = 2


@functools.lru_cache(maxsize=1 << 16)
def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """An ISO date, interval ("a/b"), month ("2017-06") or year as (first day, last day);
    remembered, since fusion asks it of the same few strings for every pair it compares."""
    span = DateSpan.parse(value)
    return (span.start, span.end) if span else None


def _place_key(claim: Claim) -> tuple[str, float | None, float | None]:
    loc = claim.location
    if loc is None:
        return ("", None, None)
    if loc.place is not None:
        return (loc.place.gazetteer_id, loc.place.latitude, loc.place.longitude)
    return ("surface:" + loc.text.lower(), None, None)


def _letters(name: str) -> str:
    """A name's letters, lower case, without its Arabic article ("Al-Hasakah" → "hasakah")."""
    return "".join(ch for ch in strip_arabic_article(name.strip()).lower() if ch.isalpha())


def _holds(area: Claim, spot: Claim) -> bool:
    """One report places a claim in a governorate ("an air strike in Idlib province") and another
    at a town inside it ("the strike on the village of Urum al-Joz"): the same location, told
    less precisely."""
    wide, narrow = area.location.place if area.location else None, spot.location.place if spot.location else None
    if area.location is None or wide is None or narrow is None:
        return False
    if wide.feature != "admin1" or narrow.feature == "admin1":
        return False
    # the governorate named as such: not an unknown village located at its governorate
    named = _letters(wide.name) in _letters(area.location.text)
    return named and wide.country == narrow.country and wide.admin1 is not None and wide.admin1 == narrow.admin1


#: how far from a district's centre a place of the same report may lie to be inside it
DISTRICT_KM = 25.0
#: a word that makes a named place an area ("Mabeta district", "the Afrin countryside")
_AREA_WORD = re.compile(r"(?i)\b(?:district|subdistrict|sub-district|region|countryside|area)s?$")


def _in_district(area: Claim, spot: Claim) -> bool:
    """One sentence places a happening in a district ("in Afrin's Mabeta district") and another
    of the same report, with the same toll, at a village in it ("the bombing of Kaxre village
    killed one civilian"): one location, told less precisely."""
    wide, narrow = area.location.place if area.location else None, spot.location.place if spot.location else None
    if area.location is None or wide is None or narrow is None:
        return False
    if wide.feature not in {"admin2", "admin3"} and not _AREA_WORD.search(area.location.text):
        return False
    if narrow.feature in {"admin1", "admin2", "admin3"} or area.fatalities is None \
            or area.fatalities != spot.fatalities:
        return False
    return (wide.admin1 == narrow.admin1 and wide.admin1 is not None
            and haversine_km(wide.latitude, wide.longitude, narrow.latitude, narrow.longitude) <= DISTRICT_KM)


def _same_place(a: Claim, b: Claim, radius_km: float) -> bool:
    """Same place: the same gazetteer entry, or (across documents, which name places
    differently) entries within ``radius_km``.  Within one document, two different named
    places are two locations: ACLED codes one event per location."""
    ka, kb = _place_key(a), _place_key(b)
    if ka[0] == kb[0]:
        return True
    if a.doc_id == b.doc_id and (_holds(a, b) or _holds(b, a) or _in_district(a, b) or _in_district(b, a)):
        return True
    (_, lat_a, lon_a), (_, lat_b, lon_b) = ka, kb
    if a.doc_id == b.doc_id or lat_a is None or lon_a is None or lat_b is None or lon_b is None:
        return False
    if a.sub_event_type in TERRITORIAL and b.sub_event_type in TERRITORIAL and not _alike(a, b):
        return False  # the capture of X and the capture of Y nearby are two captures
    return haversine_km(lat_a, lon_a, lat_b, lon_b) <= radius_km


def _alike_names(x: str, y: str) -> bool:
    """Two spellings of one name ("Khan Sheikhoun", "Khan Shaykhun"): one inside the other, or
    most of their letters in the same order."""
    lx, ly = _letters(x), _letters(y)
    if not lx or not ly:
        return False
    if lx in ly or ly in lx:
        return True
    return difflib.SequenceMatcher(None, lx, ly, autojunk=False).ratio() >= NAME_LIKENESS


#: how alike two spellings of one place name are at least (difflib's ratio of their letters)
NAME_LIKENESS = 0.75


def _alike(a: Claim, b: Claim) -> bool:
    """The two claims' places (as named, or as the gazetteer names them) are spellings of one name."""
    names = [[m.text, m.place.name] if m.place else [m.text] for m in (a.location, b.location) if m is not None]
    return len(names) == 2 and any(_alike_names(x, y) for x in names[0] for y in names[1])


def _compatible_dates(a: Claim, b: Claim, window: int) -> bool:
    """Known dates: the spans overlap once widened by ``window`` days.  An unknown date is
    compatible only within its own document, whose context dates it."""
    sa, sb = date_span(a.event_date), date_span(b.event_date)
    if sa is None or sb is None:
        return a.doc_id == b.doc_id
    slack = dt.timedelta(days=window)
    return sa[0] - slack <= sb[1] and sb[0] - slack <= sa[1]


def _associated(claims: list[Claim], main: str | None, other: str | None, side: int) -> tuple[str, ...]:
    """ACLED's associated actors of one side of an event: the co-actors its claims name with
    that side's actor (``Claim.assoc1`` with actor1, ``assoc2`` with actor2), first named first;
    never the event's own actors."""
    if main is None:
        return ()
    out: dict[str, None] = {}
    for c in claims:
        actor, co = (c.actor1, c.assoc1) if side == 1 else (c.actor2, c.assoc2)
        if actor is None or actor.name != main:
            continue
        out.update((r.name, None) for r in co if r.name and r.name not in {main, other})
    return tuple(out)


def _compatible_actors(a: Claim, b: Claim) -> bool:
    def name(ref: ActorRef | None) -> str | None:
        # "an unidentified armed group", put in because no actor is named, conflicts with none
        if ref is None or ref.stand_in:
            return None
        return ref.name

    for x, y in ((name(a.actor1), name(b.actor1)), (name(a.actor2), name(b.actor2))):
        if x and y and x != y:
            return False
    return True


def _separate_tolls(a: Claim, b: Claim) -> bool:
    """One report giving two tolls in two sentences tells of two happenings ("a barrel bomb
    killed 12 in X ... a missile strike killed a woman in Y"); an update of one toll is folded
    into its claim at extraction ("the toll rose to 15"); a vague figure ("dozens were killed")
    beside a written one ("at least 62") is one toll told twice."""
    return (a.doc_id == b.doc_id and a.start != b.start and a.fatalities is not None
            and b.fatalities is not None and a.fatalities != b.fatalities
            and not vague_toll(a) and not vague_toll(b))


#: days by which two reports of one happening may disagree on its day, each in its own words
#: (a report written after midnight, another time zone)
REPORTS_DAY_SLACK = 1


def _separate_days(a: Claim, b: Claim) -> bool:
    """One report dating two claims to two different days in its own words ("took X on Wednesday
    ... took Y on Friday") tells of two happenings: ACLED codes one event per day.  Two reports
    that each give a day, more than :data:`REPORTS_DAY_SLACK` apart, tell of two happenings too
    ("seized the town on Wednesday" is not "cleared two villages nearby on Friday").  A claim
    without date words, dated by its report, is of no day more than that slack after the report."""
    if _after_report(a, b) or _after_report(b, a):
        return True
    if not (a.date_text and b.date_text and a.time_precision == 1 and b.time_precision == 1):
        return False
    if a.event_date is None or b.event_date is None or a.event_date == b.event_date:
        return False
    if a.doc_id == b.doc_id:
        return True
    apart = _days_apart(a.event_date, b.event_date)
    return apart is not None and apart > REPORTS_DAY_SLACK


def _after_report(undated: Claim, other: Claim) -> bool:
    """``other`` is dated more than :data:`REPORTS_DAY_SLACK` days after the publication day
    that dates ``undated`` (a claim without date words)."""
    if undated.date_text or undated.doc_id == other.doc_id:
        return False
    report, told = date_span(undated.event_date), date_span(other.event_date)
    if report is None or told is None or report[0] != report[1]:
        return False
    return (told[0] - report[1]).days > REPORTS_DAY_SLACK


def _days_apart(a: str, b: str) -> int | None:
    """Days between two single days; None unless both are one day."""
    sa, sb = date_span(a), date_span(b)
    if sa is None or sb is None or sa[0] != sa[1] or sb[0] != sb[1]:
        return None
    return abs((sa[0] - sb[0]).days)


def _group(claim: Claim) -> str:
    """Claims merge only within one group: what happened, or one kind of what did not
    (a denial, a forecast and a condition are three different standings)."""
    return "factual" if claim.factual else claim.status.value


def same_happening(a: Claim, b: Claim, options: FuseOptions) -> bool:
    return (a.event_type == b.event_type and _group(a) == _group(b)
            and _same_place(a, b, options.radius_km) and _compatible_dates(a, b, options.window_days)
            and _compatible_actors(a, b) and not _separate_tolls(a, b) and not _separate_days(a, b)
            and (a.location is not None or a.doc_id == b.doc_id and a.start == b.start))


#: grid cell size in degrees for blocking; a cell (~11 km) is wider than the default radius
CELL_DEGREES = 0.1


def _reach(claim: Claim, radius_km: float) -> tuple[int, int]:
    """How many cells (rows, columns) around a claim's cell can hold a point within the radius;
    a degree of longitude shrinks with the cosine of the latitude."""
    lat = _place_key(claim)[1] or 0.0
    km_per_cell = CELL_DEGREES * 111.2
    cols = radius_km / (km_per_cell * max(math.cos(math.radians(abs(lat))), 0.01))
    return math.ceil(radius_km / km_per_cell), math.ceil(cols)


def _cells(claim: Claim, reach: tuple[int, int]) -> list[tuple[object, ...]]:
    """Blocking keys: a located claim's grid cell and, with ``reach``, its neighbours; an
    unresolved place its surface; a claim with no place its own sentence."""
    key, lat, lon = _place_key(claim)
    if lat is None or lon is None:
        return [(key,) if key else ("sentence", claim.doc_id, claim.start)]
    row, col = int(lat // CELL_DEGREES), int(lon // CELL_DEGREES)
    rows, cols = reach
    cells: list[tuple[object, ...]] = [(row + dr, col + dc) for dr in range(-rows, rows + 1)
                                       for dc in range(-cols, cols + 1)]
    place = claim.location.place if claim.location else None
    if place is not None and place.admin1:  # a governorate and the towns in it, within one report (_holds)
        cells.append(("governorate", claim.doc_id, place.country, place.admin1))
    return cells


def _signature(claim: Claim) -> tuple[object, ...]:
    """Everything ``same_happening`` looks at: claims with one signature compare alike, so a
    cluster is checked against one member per signature (a report repeating itself is cheap)."""
    return (claim.event_type, _group(claim), _place_key(claim), claim.event_date, claim.doc_id,
            claim.actor1.name if claim.actor1 else None, claim.actor2.name if claim.actor2 else None,
            claim.start if claim.location is None else None,
            # _alike: captures compare by the names of their places
            claim.location.text if claim.location is not None and claim.sub_event_type in TERRITORIAL else None)


Cell = tuple[object, ...]
#: days in one date bucket of the blocking index
BUCKET_DAYS = 7
#: a span over more buckets than this is filed once, as "wide" (a year is 53 buckets)
MAX_BUCKETS = 60
_WIDE: tuple[str] = ("wide",)
_ALL: tuple[str] = ("all",)


def _buckets(first: int, last: int) -> range:
    """The date buckets from day ordinal ``first`` to ``last``."""
    return range(first // BUCKET_DAYS, last // BUCKET_DAYS + 1)


def _filed_under(claim: Claim, cells: Iterable[Cell]) -> list[tuple[Cell, object]]:
    """Blocking keys a member is filed under, in each of ``cells``: every member under its
    document (an unknown date is compatible only within its document) and under the whole
    cell; a dated member under each date bucket its span touches, or "wide"."""
    span = date_span(claim.event_date)
    dates: list[object] = [("doc", claim.doc_id), _ALL]
    if span is not None:
        buckets = _buckets(span[0].toordinal(), span[1].toordinal())
        dates += [_WIDE] if len(buckets) > MAX_BUCKETS else list(buckets)
    return [(cell, d) for cell in cells for d in dates]


def _looked_up(claim: Claim, cells: Iterable[Cell], window: int) -> list[tuple[Cell, object]]:
    """Blocking keys that hold, in ``cells``, every member whose date can be compatible with
    ``claim``'s (``_compatible_dates``): its document's members, and for a known date the
    buckets of its span widened by ``window`` days and the wide spans (or, for a query
    wider than that, the whole cell)."""
    span = date_span(claim.event_date)
    dates: list[object] = [("doc", claim.doc_id)]
    if span is not None:
        # sorted: with a negative window the widened span can turn over and still meet a member
        buckets = _buckets(*sorted((span[0].toordinal() - window, span[1].toordinal() + window)))
        dates = [_ALL] if len(buckets) > MAX_BUCKETS else [*dates, _WIDE, *buckets]
    return [(cell, d) for cell in cells for d in dates]


def _cluster(claims: Sequence[Claim], options: FuseOptions) -> list[list[Claim]]:
    """Complete-linkage clusters, in input order.  Only clusters with a member in a nearby
    cell whose date bucket the claim's date can reach are compared (a cluster without one
    cannot take the claim: every member must be about the same happening), so the work grows
    with the number of claims, not with its square, even in a town reported on for years."""
    clusters: list[list[Claim]] = []
    kinds: list[dict[tuple[object, ...], Claim]] = []  # per cluster: one member per signature
    index: dict[tuple[Cell, object], set[int]] = {}
    for claim in claims:
        keys = _looked_up(claim, _cells(claim, _reach(claim, options.radius_km)), options.window_days)
        candidates = sorted(set().union(*(index.get(key, ()) for key in keys)))
        chosen = next((i for i in candidates
                       if all(same_happening(claim, other, options) for other in kinds[i].values())), None)
        if chosen is None:
            chosen = len(clusters)
            clusters.append([])
            kinds.append({})
        clusters[chosen].append(claim)
        signature = _signature(claim)
        if signature not in kinds[chosen]:
            kinds[chosen][signature] = claim
            for key in _filed_under(claim, _cells(claim, (0, 0))):
                index.setdefault(key, set()).add(chosen)
    return clusters


def _event_id(claims: Sequence[Claim]) -> str:
    digest = hashlib.sha1("|".join(sorted(c.id for c in claims)).encode()).hexdigest()[:12]
    return f"ev-{digest}"


def _territory_sub(sub: str, claims: Sequence[Claim], first: ActorRef | None) -> str:
    """A capture is typed by who took the place: the event's actor1.  A claim that told the
    capture without naming its taker keeps the default ("Government regains territory"), so
    the event takes the sub-type of the claims by its actor1, else follows actor1's camp."""
    if sub not in TERRITORY_TAKEN or first is None:
        return sub
    own = [c.sub_event_type for c in claims if c.actor1 and c.actor1.name == first.name
           and c.sub_event_type in TERRITORY_TAKEN]
    if own:
        return own[0]
    if first.inter == 1 or first.side == "pro-government":
        return GOVERNMENT_REGAINS
    if first.inter in NONSTATE_INTER:
        return NONSTATE_OVERTAKES
    return sub


def _event_day(claims: Sequence[Claim]) -> Claim | None:
    """The claim that dates the event: of the most precise dates, the one the most documents
    give (reports that disagree by a day are outvoted), the earliest on a tie."""
    dated = [c for c in claims if c.event_date]
    if not dated:
        return None
    best = min(c.time_precision or 9 for c in dated)
    precise = [c for c in dated if (c.time_precision or 9) == best]
    docs: dict[str, set[str]] = {}
    for c in precise:
        docs.setdefault(c.event_date or "", set()).add(c.doc_id)
    day = min(docs, key=lambda d: (-len(docs[d]), d))
    return next(c for c in precise if c.event_date == day)


def _build_event(claims: list[Claim], outlets: Mapping[str, str | None],
                 sides: Mapping[str, str | None]) -> Event:
    claims.sort(key=lambda c: (STATUS_ORDER.index(c.status), c.geo_precision or 9, c.doc_id, c.trigger_start))
    best = claims[0]
    subs = [c.sub_event_type for c in claims]
    sub = min(subs, key=lambda s: SUB_EVENT_PRIORITY.index(s) if s in SUB_EVENT_PRIORITY else len(SUB_EVENT_PRIORITY))
    located = [c for c in claims if c.location and c.location.place]
    where = min(located, key=lambda c: c.geo_precision or 9) if located else best
    place = where.location.place if where.location else None
    when = _event_day(claims)
    toll, most = event_toll(claims, when.event_date if when else None)
    sources = sorted({outlets.get(c.doc_id) or c.attributed_to or "unknown" for c in claims})
    # an actor the text names wins over one inferred from context ("the army", no perpetrator)
    named = [c.actor1 for c in claims if c.actor1 and c.actor1.name]
    first = next((a for a in named if not a.inferred), named[0] if named else None)
    sub = _territory_sub(sub, claims, first)
    # an actor never fights itself: actor2 is the first named side other than actor1
    second = next((c.actor2 for c in claims if c.actor2 and c.actor2.name
                   and c.actor2.name != (first.name if first else None)), None)
    assoc1 = _associated(claims, first.name if first else None, second.name if second else None, 1)
    assoc2 = _associated(claims, second.name if second else None, first.name if first else None, 2)
    return Event(
        id=_event_id(claims), event_type=best.event_type, sub_event_type=sub, status=best.status,
        actor1=first.name if first else None, inter1=first.inter if first else None,
        actor2=second.name if second else None, inter2=second.inter if second else None,
        assoc_actor1=assoc1, assoc_actor2=assoc2,
        location=where.location.text if where.location else None,
        gazetteer_id=place.gazetteer_id if place else None, admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None, country=place.country if place else None,
        latitude=place.latitude if place else None, longitude=place.longitude if place else None,
        geo_precision=where.geo_precision if place else None,
        event_date=when.event_date if when else None,
        time_precision=when.time_precision if when else None,
        fatalities=toll,  # ACLED: the most specific figure, and of those the most conservative
        fatalities_max=most,  # the range of the tolls is kept
        claim_ids=tuple(sorted(c.id for c in claims)), sources=tuple(sources),
        corroboration=len({c.doc_id for c in claims}),
        support=event_support(claim_support(c, sides.get(c.doc_id)) for c in claims),
    )


def denies(denial: Claim, claim: Claim, options: FuseOptions) -> bool:
    """Whether a denied claim is about the same happening as a factual one."""
    return (denial.sub_event_type == claim.sub_event_type and _same_place(denial, claim, options.radius_km)
            and _compatible_dates(denial, claim, options.window_days) and _compatible_actors(denial, claim))


def _denial_keys(claim: Claim, reach: tuple[int, int]) -> list[Cell]:
    """Where a denial about the same place can be: nearby grid cells for a located claim, else
    the same place key (an unresolved name, or no place at all: those match only their kind)."""
    key, lat, lon = _place_key(claim)
    if lat is None or lon is None:
        return [("key", key)]
    return _cells(claim, reach)


def _mark_contradictions(events: list[Event], claims_by_event: Mapping[str, list[Claim]],
                         options: FuseOptions) -> list[Event]:
    """Mark the factual events a denial is about as contradicted, comparing each claim only with
    the denials near it (within twice the radius) whose dates can be compatible: the same
    answers as comparing every event with every denial."""
    near: dict[tuple[Cell, object], list[Claim]] = {}
    for event in events:
        if event.status == Status.DENIED:
            for denial in claims_by_event[event.id]:
                for key in _filed_under(denial, _denial_keys(denial, (0, 0))):
                    near.setdefault(key, []).append(denial)
    out = []
    for event in events:
        hit = bool(near) and event.happened and any(
            denies(denial, claim, options)
            for claim in claims_by_event[event.id]
            for key in _looked_up(claim, _denial_keys(claim, _reach(claim, 2 * options.radius_km)),
                                  options.window_days)
            for denial in near.get(key, ()))
        out.append(replace(event, contradicted=True) if hit else event)
    return out


def fuse_claims(claims: Iterable[Claim], outlets: Mapping[str, str | None] | None = None,
                options: FuseOptions | None = None,
                outlet_sides: Mapping[str, str | None] | None = None) -> list[Event]:
    """Fuse claims into events; deterministic whatever the order of ``claims``.

    ``outlets`` maps a document id to its outlet (the events' ``sources``).

    ``outlet_sides`` maps a document id to the side its outlet is documented to favour
    (from the outlet registry), for the partisan-source weighting of ``Event.support``."""
    options = options or FuseOptions()
    unique = {c.id: c for c in claims}  # the same claim given twice is one claim
    ordered = sorted(unique.values(), key=lambda c: (c.doc_id, c.trigger_start, c.id))
    outlets = outlets or {}
    by_type: dict[str, list[Claim]] = {}
    for claim in ordered:
        by_type.setdefault(claim.event_type, []).append(claim)
    events: list[Event] = []
    claims_by_event: dict[str, list[Claim]] = {}
    for group in by_type.values():
        for cluster in _cluster(group, options):
            event = _build_event(cluster, outlets, outlet_sides or {})
            events.append(event)
            claims_by_event[event.id] = cluster
    events = _mark_contradictions(events, claims_by_event, options)
    return sorted(events, key=lambda e: (e.event_date or "9999", e.id))
