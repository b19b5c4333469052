"""Control periods: who held a place from when to when, on which facts, and how sure we are.

Only territorial facts that happened (asserted, reported, alleged) and are dated move a
line; forecasts, hypotheses and denials never do (a denial is shown beside the fact it
denies).  Per place, the facts become *observations*, reports of one happening grouped
(the same side taking the place, reported by several outlets with dates a few days apart,
is one capture, dated by its earliest report):

- a capture or handover of the whole place, or a withdrawal to a named side: the place
  changes hands;
- a capture of part of it ("a district of X"): the place is contested between the taker
  and the holder;
- a control statement ("the Y-held town of X"): Y holds it on that day;
- a withdrawal with no one named taking over: the holder's period ends;
- an imported snapshot (a baseline): the analyst's map as of its date; older facts do not
  override it, later ones update it.

Sweeping the observations in date order, a place is **contested** (both sides listed) when
credible observations disagree within ``WINDOW_DAYS`` of the change they dispute: two
sides each claiming to have taken it, or a side still said to hold it after another is
said to have taken it.  A later observation outside the window settles it.  A siege does
not change who holds the besieged place (sieges are derived apart, in ``sieges``).

Facts disagree only across camps (``control:`` of ``territory.yaml``: the sides of one camp).
Allies taking or holding a place together (the army and a militia fighting beside it, two
rebel brands) make a **joint hold**: one held period under the best-supported of them (the
strongest support, then the most sources, then the name), the others in ``allies``.  A
capture that names an ally as the loser is still a change of hands.

A contested period with no new fact for ``contested_expiry_days`` **expires**: it ends that
many days after its last fact, and the side of its latest credible whole-place observation
holds the place from then (for a partial capture, the side still holding the rest of the
place, never the taker of a neighbourhood); with no such side the period just ends.  The
resolved period says so in its explanation, and its confidence decays with the age of the
facts behind it.  A later capture by that side opens its own period (the resolution was an
inference, the capture dates the change).  Held periods never expire: their confidence
decays with recency instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..geo import UNLOCATED, haversine_km
from ..records import BaselineEntry, ControlPeriod, FactKind, TerritorialFact
from .confidence import CREDIBLE, Support, combine, contested_confidence, held_confidence, recency
from .territory import ControlRules, load_territory


def locatable(place_id: str) -> bool:
    return bool(place_id) and not place_id.startswith(UNLOCATED)

MERGE_KM = 5.0  # entries of one name this close are one place
WINDOW_DAYS = 3  # reports of one change, and disagreements about it, fall within this many days
CONTESTED = "contested"

#: observation kinds, in the order they are taken on one day
_RANK = {"baseline": 0, "statement": 1, "change": 2, "part": 3, "leave": 4}


@dataclass(slots=True)
class _Obs:
    """Reports of one happening at one place."""

    kind: str  # baseline, statement, change, part, leave
    actor: str | None  # the side holding the place after it (the leaver for "leave")
    loser: str | None
    day: str
    last: str
    facts: list[TerritorialFact] = field(default_factory=list)
    baseline: list[BaselineEntry] = field(default_factory=list)

    @property
    def support(self) -> Support:
        return combine(self.facts, [_origin(b) for b in self.baseline])

    @property
    def key(self) -> tuple[str, int, str, str]:
        first = min([f.id for f in self.facts] + [_origin(b) for b in self.baseline])
        return self.day, _RANK[self.kind], self.actor or "", first


@dataclass(slots=True)
class _Period:
    state: str
    rivals: list[str]
    start: str
    by_change: bool
    obs: list[_Obs] = field(default_factory=list)
    prior: list[str] = field(default_factory=list)  # who held it before a partial capture contested it
    note: str = ""  # how an expired contested period resolved into this one

    @property
    def actor(self) -> str:
        return self.rivals[0] if self.state == "held" else CONTESTED

    @property
    def last(self) -> str:
        return max(o.last for o in self.obs)

    @property
    def support(self) -> Support:
        return combine([f for o in self.obs for f in o.facts], [_origin(b) for o in self.obs for b in o.baseline])


def _origin(entry: BaselineEntry) -> str:
    return f"import: {entry.file} ({entry.source})"


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def _observation_of(fact: TerritorialFact) -> tuple[str, str | None, str | None] | None:
    """(kind, actor, loser) of a fact that moves a line, or None."""
    if not fact.moves_line or fact.scope == "near" or fact.start is None:
        return None
    if fact.kind == FactKind.CONTROL:
        return ("statement", fact.gainer, None) if fact.gainer else None
    if fact.kind == FactKind.CAPTURE and fact.scope == "part":
        return ("part", fact.gainer, fact.loser) if fact.gainer else None
    if fact.gainer:
        return "change", fact.gainer, fact.loser
    return ("leave", fact.loser, None) if fact.loser else None


def _observations(facts: Iterable[TerritorialFact], baseline: Iterable[BaselineEntry]) -> list[_Obs]:
    """Facts grouped into reports of one happening: same kind and sides, each report within
    ``WINDOW_DAYS`` of the group's first."""
    keyed: dict[tuple[str, str | None, str | None], list[TerritorialFact]] = {}
    for fact in facts:
        found = _observation_of(fact)
        if found:
            keyed.setdefault(found, []).append(fact)
    out: list[_Obs] = []
    for (kind, actor, loser), group in keyed.items():
        group.sort(key=lambda f: (f.start or "", f.id))
        current: _Obs | None = None
        for fact in group:
            day = fact.start or ""
            if current is None or _days(current.day, day) > WINDOW_DAYS:
                current = _Obs(kind, actor, loser, day, fact.end or day)
                out.append(current)
            current.facts.append(fact)
            current.last = max(current.last, fact.end or day)
    for entry in baseline:
        out.append(_Obs("baseline", entry.controller, None, entry.as_of, entry.as_of, baseline=[entry]))
    return sorted(out, key=lambda o: o.key)


class _Sweep:
    """The periods of one place, built observation by observation in date order."""

    def __init__(self, rules: ControlRules, side_of: dict[str, str]) -> None:
        self.done: list[tuple[_Period, str | None]] = []
        self.cur: _Period | None = None
        self.rules, self.side_of = rules, side_of

    def allied(self, actor: str, others: Iterable[str]) -> bool:
        """Whether ``actor`` is of one camp with every one of ``others`` (itself included)."""
        return all(o == actor or self.rules.allied(self.side_of.get(actor), self.side_of.get(o)) for o in others)

    def _camp_state(self, actors: Sequence[str]) -> str:
        return "held" if all(self.allied(a, actors) for a in actors) else CONTESTED

    def _open(self, state: str, rivals: list[str], obs: _Obs, start: str | None = None) -> None:
        start = start or obs.day
        if self.cur is not None:
            self.done.append((self.cur, start))
        self.cur = _Period(state, sorted(set(rivals)), start, obs.kind in ("change", "part"), [obs])

    def _close(self, day: str) -> None:
        if self.cur is not None:
            self.done.append((self.cur, day))
            self.cur = None

    def _contest(self, rivals: Iterable[str], obs: _Obs) -> None:
        """The current period becomes contested from its start (the change it disputes)."""
        assert self.cur is not None
        self.cur.state = CONTESTED
        self.cur.rivals = sorted(set(self.cur.rivals) | set(rivals))
        self.cur.obs.append(obs)

    def take(self, obs: _Obs) -> None:
        self.expire(obs.day)
        cur, actor = self.cur, obs.actor or ""
        if obs.kind == "leave":
            self._leave(obs)
        elif cur is None:
            if obs.kind == "part":
                others = [x for x in (obs.loser,) if x]
                if others:
                    self._open(CONTESTED, [actor, *others], obs)
            else:
                self._open("held", [actor], obs)
        elif obs.kind == "baseline":
            if cur.state == "held" and actor in cur.rivals:
                cur.obs.append(obs)
            else:
                self._open("held", [actor], obs)
        elif obs.kind == "part":
            self._part(obs)
        elif cur.state == "held" and cur.note and obs.kind == "change":
            self._open("held", [actor], obs)  # a capture dates what the expiry only inferred
        elif cur.state == "held" and actor in cur.rivals:
            cur.obs.append(obs)
        elif cur.state == "held" and self.allied(actor, cur.rivals) and obs.loser not in cur.rivals:
            cur.rivals = sorted({*cur.rivals, actor})  # allies taking or holding it together
            cur.obs.append(obs)
        elif cur.state == CONTESTED and actor in cur.rivals:
            if obs.kind == "change" or _days(cur.start, obs.day) > WINDOW_DAYS:
                self._open("held", [actor], obs)  # a capture or a later statement settles it
            else:
                cur.obs.append(obs)
        else:
            self._other_side(obs)

    def _credible(self, obs: _Obs) -> bool:
        """A weak observation does not overturn or contest credible evidence."""
        assert self.cur is not None
        return obs.support.value >= CREDIBLE or self.cur.support.value < CREDIBLE

    def _other_side(self, obs: _Obs) -> None:
        cur = self.cur
        assert cur is not None
        if not self._credible(obs):
            return
        actor = obs.actor or ""
        recent = _days(cur.last if not cur.by_change else cur.start, obs.day) <= WINDOW_DAYS
        # two sides taking it from the same holder; the side that just lost it saying it took it
        # back within days ("Y took X", "Z retook X from Y" two days apart: a battle not settled);
        # or a side still said to hold it soon after
        back = any(o.kind == "change" and o.loser == actor for o in cur.obs)
        disputes = cur.by_change and recent and (obs.loser not in cur.rivals or back) if obs.kind == "change" \
            else recent
        if disputes:
            self._contest([actor], obs)
        else:
            self._open("held", [actor], obs)

    def _part(self, obs: _Obs) -> None:
        cur = self.cur
        assert cur is not None
        actor = obs.actor or ""
        if actor in cur.rivals or (cur.state == "held" and self.allied(actor, cur.rivals)
                                   and obs.loser not in cur.rivals):
            if actor not in cur.rivals:
                cur.rivals = sorted({*cur.rivals, actor})
            cur.obs.append(obs)
        elif self._credible(obs):
            prior = list(cur.rivals) if cur.state == "held" else list(cur.prior)
            self._open(CONTESTED, [*cur.rivals, actor], obs)
            assert self.cur is not None
            self.cur.prior = prior

    def _leave(self, obs: _Obs) -> None:
        cur = self.cur
        if cur is None or obs.actor not in cur.rivals:
            return
        stay = [r for r in cur.rivals if r != obs.actor]
        if stay:
            self._open(self._camp_state(stay), stay, obs)
        else:
            cur.obs.append(obs)
            self._close(obs.day)

    def expire(self, day: str | None) -> None:
        """End the current contested period when ``day`` (the next observation, or "now") is
        more than ``contested_expiry_days`` after its last fact; the side of its latest credible
        whole-place observation holds the place from then."""
        cur, window = self.cur, self.rules.contested_expiry_days
        if cur is None or cur.state != CONTESTED or day is None or _days(cur.last, day) <= window:
            return
        ended = (dt.date.fromisoformat(cur.last) + dt.timedelta(days=window)).isoformat()
        claims: list[tuple[str, str, float, str]] = []  # (last day, first day, support, side)
        for o in cur.obs:
            if o.support.value < CREDIBLE:
                continue
            holders = [o.actor] if o.kind in ("change", "statement", "baseline") else \
                [o.loser] if o.kind == "part" and o.loser else list(cur.prior) if o.kind == "part" else []
            claims += [(o.last, o.day, o.support.value, h) for h in holders if h]
        self._close(ended)
        if not claims:
            return
        last, _, _, side = max(claims, key=lambda c: (c[0], c[1], c[2], c[3]))
        holders = sorted({side, *(r for r in cur.rivals if r != side and self.allied(r, [side]))})
        mine = [o for o in cur.obs if o.actor in holders or (o.kind == "part" and o.loser in holders)]
        self.cur = _Period("held", holders, ended, False, mine or list(cur.obs), note=(
            f"contested from {cur.start} ({' / '.join(cur.rivals)}) expired on {ended}: no new fact in "
            f"{window} days after {cur.last}; held by the side of the latest credible fact ({side}, {last})"))

    def periods(self, reference: str | None = None) -> list[tuple[_Period, str | None]]:
        self.expire(reference)
        return self.done + ([(self.cur, None)] if self.cur else [])


def _supports_by_rival(period: _Period) -> dict[str, Support]:
    sides: dict[str, list[_Obs]] = {}
    for obs in period.obs:
        for side in [obs.actor, obs.loser] if obs.kind == "part" else [obs.actor]:
            if side in period.rivals:
                sides.setdefault(side, []).append(obs)
    return {side: combine([f for o in group for f in o.facts], [_origin(b) for o in group for b in o.baseline])
            for side, group in sides.items()}


def _leader(period: _Period, supports: dict[str, Support]) -> str:
    """The leading holder of a joint hold: the strongest support, then the most sources, then
    the name."""
    none = Support(0.0, 0, ())
    return min(period.rivals, key=lambda r: (-supports.get(r, none).value, -supports.get(r, none).sources, r))


def _record(place: tuple[str, str, float | None, float | None], period: _Period, end: str | None,
            reference: str | None) -> ControlPeriod:
    facts = sorted({f for o in period.obs for f in o.facts}, key=lambda f: (f.start or "", f.id))
    imports = sorted({_origin(b) for o in period.obs for b in o.baseline})
    actor = period.actor
    allies: tuple[str, ...] = ()
    if period.state == CONTESTED:
        factor, _ = recency(period.last, end or reference)
        confidence, explanation = contested_confidence(_supports_by_rival(period), factor, period.last,
                                                       end or reference)
    else:
        confidence, explanation = held_confidence(period.support, period.last, end or reference)
        if len(period.rivals) > 1:
            supports = _supports_by_rival(period)
            actor = _leader(period, supports)
            allies = tuple(r for r in period.rivals if r != actor)
            explanation += "; joint hold of allies: " + ", ".join(
                f"{r} {supports[r].value:.2f}" if r in supports else r for r in [actor, *allies])
        if period.note:
            explanation += "; " + period.note
    return ControlPeriod(
        place_id=place[0], place_name=place[1], actor=actor, allies=allies, start=period.start, end=end,
        evidence=tuple(dict.fromkeys(f.claim_id for f in facts)), state=period.state,
        rivals=tuple(period.rivals) if period.state == CONTESTED else (), confidence=confidence,
        explanation=explanation, last_confirmed=period.last, facts=tuple(f.id for f in facts),
        origin="; ".join(imports) if imports and not facts else ("derived" if not imports else
                                                                 "derived; " + "; ".join(imports)),
        latitude=place[2], longitude=place[3], outlets=period.support.sources)


def _place_of(facts: Sequence[TerritorialFact],
              baseline: Sequence[BaselineEntry]) -> tuple[str, str, float | None, float | None]:
    named = sorted((f.place_name, f.latitude, f.longitude) for f in facts) or \
        sorted((b.place_name, b.latitude, b.longitude) for b in baseline)
    pid = facts[0].place_id if facts else baseline[0].place_id
    name, lat, lon = named[0]
    return pid, name, lat, lon


def reference_day(facts: Iterable[TerritorialFact], baseline: Iterable[BaselineEntry] = ()) -> str | None:
    """The latest day a fact that happened, or a snapshot, speaks of: "now" for the recency of
    open periods (a forecast's or a denial's day is not "now")."""
    days = [f.end or f.start for f in facts if f.start and f.factual] + [b.as_of for b in baseline]
    return max(d for d in days if d) if any(days) else None


def same_places(facts: Iterable[TerritorialFact], baseline: Iterable[BaselineEntry] = ()) -> dict[str, str]:
    """Place id → the id it is one place with: gazetteer entries of the same name within
    ``MERGE_KM`` (a town and its border crossing, two records of one town) are one place for
    control; the id most facts use stands for them (then the smallest)."""
    points: dict[str, tuple[str, float | None, float | None]] = {}
    uses: dict[str, int] = {}
    for pid, name, lat, lon in [(f.place_id, f.place_name, f.latitude, f.longitude) for f in facts] + \
            [(b.place_id, b.place_name, b.latitude, b.longitude) for b in baseline]:
        points.setdefault(pid, (name.casefold(), lat, lon))
        uses[pid] = uses.get(pid, 0) + 1
    parent = {pid: pid for pid in points}

    def root(pid: str) -> str:
        while parent[pid] != pid:
            pid = parent[pid]
        return pid

    by_name: dict[str, list[str]] = {}
    for pid in sorted(points):
        by_name.setdefault(points[pid][0], []).append(pid)
    for ids in by_name.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                (_, la, oa), (_, lb, ob) = points[a], points[b]
                if la is not None and oa is not None and lb is not None and ob is not None \
                        and haversine_km(la, oa, lb, ob) <= MERGE_KM:
                    parent[root(b)] = root(a)
    groups: dict[str, list[str]] = {}
    for pid in points:
        groups.setdefault(root(pid), []).append(pid)
    canonical = {}
    for members in groups.values():
        best = min(members, key=lambda pid: (-uses[pid], pid))
        canonical.update(dict.fromkeys(members, best))
    return canonical


def sides_of(facts: Iterable[TerritorialFact]) -> dict[str, str]:
    """Actor → its side, as the facts name it (the first side in name order where they differ)."""
    named: dict[str, set[str]] = {}
    for fact in facts:
        for actor, side in ((fact.gainer, fact.gainer_side), (fact.loser, fact.loser_side)):
            if actor and side:
                named.setdefault(actor, set()).add(side)
    return {actor: min(sides) for actor, sides in named.items()}


def derive_control(facts: Iterable[TerritorialFact], baseline: Iterable[BaselineEntry] = (), *,
                   reference: str | None = None, rules: ControlRules | None = None) -> list[ControlPeriod]:
    """Control periods per place, in date order; a place's last period is open-ended.

    ``reference`` is "now" for the recency of open periods and the expiry of contested ones
    (default: the latest day of the evidence).  ``rules``: the camps and the expiry (default:
    the packaged ``territory.yaml``).  The result does not depend on the order of ``facts``
    or ``baseline``, and a fact given twice counts once."""
    rules = rules if rules is not None else load_territory().control
    facts = sorted({f.id: f for f in sorted(facts, key=repr)}.values(), key=lambda f: f.id)
    baseline = sorted(set(baseline), key=lambda b: (b.place_id, b.as_of, b.controller, b.file))
    reference = reference or reference_day(facts, baseline)
    canonical = same_places(facts, baseline)
    side_of = sides_of(facts)
    facts = [replace(f, place_id=canonical[f.place_id]) for f in facts]
    baseline = [replace(b, place_id=canonical[b.place_id]) for b in baseline]
    by_place: dict[str, tuple[list[TerritorialFact], list[BaselineEntry]]] = {}
    for fact in facts:
        if locatable(fact.place_id):
            by_place.setdefault(fact.place_id, ([], []))[0].append(fact)
    for entry in baseline:
        by_place.setdefault(entry.place_id, ([], []))[1].append(entry)
    periods: list[ControlPeriod] = []
    for place_id in sorted(by_place):
        place_facts, entries = by_place[place_id]
        sweep = _Sweep(rules, side_of)
        for obs in _observations(place_facts, entries):
            sweep.take(obs)
        place = _place_of(place_facts, entries)
        periods += [_record(place, period, end, reference) for period, end in sweep.periods(reference)]
    return periods
