"""Second pass over a document's claims: actors from context, territory sub-types, dates.

- a generic actor word ("the army", "the militants") becomes the nearest earlier named
  actor of that class in the document (else its most frequent one, else the class
  fallback), marked ``inferred``;
- an air strike that no sentence attributes is the state whose aircraft the report names
  (nearest before it, else the first after), marked ``inferred``;
- the loser of a territorial change, or the other side of a killing, is inferred from the
  document when the sentence does not name it (``surface=None``, ``inferred=True``);
- "Government regains territory" vs "Non-state actor overtakes territory" follows actor1;
- an actor is named as it was on the event's day (its ``eras`` in the dictionary);
- a factual claim dated well before its report (or a total over weeks) is ``background``;
- ``event_date``/``time_precision`` come from ``date_text`` and the publication date; a
  factual claim without date words is dated to the publication day, with time_precision 1
  when it is told as ongoing ("troops are advancing") and 2 (within the week) otherwise.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from ..records import ActorRef, Article, Claim, Status
from ..taxonomy import AIR_STRIKE, BATTLES, GOVERNMENT_REGAINS, NONSTATE_OVERTAKES, TERRITORY_TAKEN, VIOLENT
from .actors import ActorDictionary, DocumentActors, is_state
from .dates import background_reason, resolve_date

#: whether two sides fight as one camp (``KnowledgeBase.territory.control.allied``)
Camps = Callable[[str | None, str | None], bool]

TERRITORY = TERRITORY_TAKEN
INFER_OPPONENT = TERRITORY
#: ACLED's inter code of civilians
CIVILIANS = 7


#: where a sentence passes to a clause of another happening: "X seized A, while Kurdish fighters took B"
_CLAUSE_BREAK = re.compile(r",?\s+(?:while|whereas|but)\s+|;\s*|\s+—\s+", re.IGNORECASE)


def _clause_span(claim: Claim) -> tuple[int, int]:
    """The part of the claim's sentence that holds its trigger, between clause breaks (the
    opponent of a capture is sought there, not in a coordinated clause about another side)."""
    at = claim.trigger_start - claim.start
    lo, hi = 0, len(claim.sentence)
    for m in _CLAUSE_BREAK.finditer(claim.sentence):
        if m.end() <= at:
            lo = m.end()
        elif m.start() >= at:
            hi = m.start()
            break
    return claim.start + lo, claim.start + hi


def _said_at(claim: Claim, ref: ActorRef | None) -> int:
    """Where the sentence names an actor word before the trigger ("the government and its ally
    Russia pounded X": the state named before "the government", not Russia between it and the
    trigger), else the trigger's offset."""
    if ref is None or not ref.surface:
        return claim.trigger_start
    at = claim.sentence.find(ref.surface)
    return claim.start + at if at >= 0 and claim.start + at < claim.trigger_start else claim.trigger_start


class ClaimResolver:
    """Fills actors, territory sub-types and dates of extracted claims."""

    def __init__(self, actors: ActorDictionary, home: str | None = "SY", camps: Camps | None = None) -> None:
        self.actors = actors
        #: which sides fight as one camp (territory.yaml ``control``): a co-actor is of its actor's
        #: camp (default: the packaged knowledge base's)
        if camps is None:
            from ..kb import load_kb

            camps = load_kb().territory.control.allied
        self.camps = camps
        #: the theater's country (ISO alpha-2): a foreign state taking a place there does not
        #: regain its own territory
        self.home = home

    def resolve(self, claims: Sequence[Claim], article: Article) -> list[Claim]:
        """The claims with their actors, sub-types and dates resolved."""
        context = DocumentActors(self.actors, article.text)
        return _same_toll_authors([self._one(claim, article, context) for claim in claims])

    def _in_theater(self, claim: Claim) -> bool:
        """The claim's place is in the theater's country (or has no known country)."""
        place = claim.location.place if claim.location is not None else None
        return self.home is not None and (place is None or place.country == self.home)

    def _one(self, claim: Claim, article: Article, context: DocumentActors) -> Claim:
        actor1 = self._actor(claim.actor1, _said_at(claim, claim.actor1), context)
        actor2 = self._actor(claim.actor2, _said_at(claim, claim.actor2), context)
        if claim.sub_event_type == AIR_STRIKE and (actor1 is None or actor1.name is None):
            # an air strike nobody is named for: the state whose aircraft the report names
            flier = context.air_force(claim.trigger_start)
            flier = None if flier is not None and actor2 is not None and actor2.name == flier.name else flier
            actor1 = self.actors.ref(actor1.surface if actor1 else None, flier, inferred=True) if flier else actor1
            if (actor1 is None or actor1.name is None) and self._in_theater(claim):
                day = claim.event_date or resolve_date(claim.date_text, article.published)[0] or (
                    article.published.isoformat() if article.published else None)
                sole = self.actors.sole_air_force(day)  # the only air force over the country that day
                actor1 = self.actors.ref(actor1.surface if actor1 else None, sole, inferred=True) if sole else actor1
        if claim.event_type in VIOLENT:
            actor1, actor2 = self._violent_roles(actor1, actor2)
        if claim.sub_event_type in TERRITORY_TAKEN and actor2 is not None and actor2.inter == CIVILIANS:
            actor2 = None  # civilians hold no ground: the dead of a capture are not the side that lost it
        actor1, actor2 = self._opponents(claim, actor1, actor2, context)
        sub_type = _territory_sub_type(claim.sub_event_type, actor1, self.actors, self._in_theater(claim))
        event_date, precision = claim.event_date, claim.time_precision
        if event_date is None:
            event_date, precision = resolve_date(claim.date_text, article.published)
        if event_date is None and claim.date_text is None and claim.factual and article.published:
            # no date words: the report's date bounds the event (ongoing: that day; else that week)
            event_date, precision = article.published.isoformat(), 1 if claim.ongoing else 2
        day = event_date or (article.published.isoformat() if article.published else None)
        swapped = claim.actor1 is not None and actor2 is not None and claim.actor1.surface == actor2.surface \
            and actor2.surface is not None
        own1, own2 = (claim.assoc2, claim.assoc1) if swapped else (claim.assoc1, claim.assoc2)
        assoc1 = self._co_actors(own1, actor1, actor2, claim.trigger_start, context, day)
        assoc2 = self._co_actors(own2, actor2, actor1, claim.trigger_start, context, day)
        status, notes = claim.status, claim.notes
        history = background_reason(event_date, article.published) if claim.factual else None
        if history is not None:
            status, notes = Status.BACKGROUND, f"{notes}; {history}" if notes else history
        return dataclasses.replace(
            claim,
            status=status,
            notes=notes,
            actor1=self.actors.dated(actor1, day),
            actor2=self.actors.dated(actor2, day),
            assoc1=assoc1,
            assoc2=assoc2,
            sub_event_type=sub_type,
            event_date=event_date,
            time_precision=precision,
        )

    def _co_actors(
        self, refs: tuple[ActorRef, ...], main: ActorRef | None, other: ActorRef | None, position: int,
        context: DocumentActors, day: str | None,
    ) -> tuple[ActorRef, ...]:
        """The co-actors of ``main`` that are of its camp (territory.yaml ``control``), named by
        their own words, other than ``main`` and its opponent ``other``; dated like them."""
        if main is None or main.name is None or not refs:
            return ()
        out: list[ActorRef] = []
        taken = {main.name} | ({other.name} if other is not None and other.name else set())
        for ref in refs:
            found = self._actor(ref, position, context)
            if found is None or found.name is None or found.inferred or not self.camps(main.side, found.side):
                continue
            dated = self.actors.dated(found, day)
            if dated is None or dated.name is None or dated.name in taken or found.name in taken:
                continue
            taken.add(dated.name)
            out.append(dated)
        return tuple(out)

    def _actor(
        self, ref: ActorRef | None, position: int, context: DocumentActors
    ) -> ActorRef | None:
        if ref is None or ref.name is not None or not ref.surface:
            return ref
        named = self.actors.lookup(ref.surface)
        if named is not None:
            return self.actors.ref(ref.surface, named)
        generic = self.actors.generic_class(ref.surface)
        if generic is None:
            return ref
        kind, fallback = generic
        found = context.nearest(position, kind)
        if found is None and fallback:
            found = self.actors.actors.get(fallback)
        if found is not None and found.armed_forces and not _GOVERNING.search(ref.surface):
            # "the Syrian government said the army pulled out": the army is its forces, not it
            found = self.actors.actors.get(found.armed_forces, found)
        return self.actors.ref(ref.surface, found, inferred=True) if found else ref

    def _violent_roles(
        self, a1: ActorRef | None, a2: ActorRef | None
    ) -> tuple[ActorRef | None, ActorRef | None]:
        """Civilians are never the attacker; a government's violence is its military's."""
        if a1 is not None and a1.inter == 7:
            a1, a2 = None, a2 or a1
        out = []
        for ref in (a1, a2):
            actor = self.actors.actors.get(ref.name) if ref and ref.name else None
            forces = (
                self.actors.actors.get(actor.armed_forces) if actor and actor.armed_forces else None
            )
            out.append(
                self.actors.ref(ref.surface, forces, inferred=ref.inferred)
                if ref and forces
                else ref
            )
        return out[0], out[1]

    def _opponents(
        self, claim: Claim, a1: ActorRef | None, a2: ActorRef | None, context: DocumentActors
    ) -> tuple[ActorRef | None, ActorRef | None]:
        if claim.sub_event_type not in INFER_OPPONENT and claim.event_type != BATTLES:
            return a1, a2
        known1 = self.actors.actors.get(a1.name) if a1 and a1.name else None
        known2 = self.actors.actors.get(a2.name) if a2 and a2.name else None
        if known1 is not None and known2 is None and claim.sub_event_type in INFER_OPPONENT:
            other = context.opponent(known1, claim.trigger_start, _clause_span(claim))
            a2 = self.actors.ref(None, other, inferred=True) if other else a2
        elif known2 is not None and known1 is None and a1 is None and known2.inter != 7:
            # civilians have no side: an unattributed killing of them stays unattributed
            other = context.opponent(known2, claim.trigger_start, _clause_span(claim))
            a1 = self.actors.ref(None, other, inferred=True) if other else a1
        elif known1 is None and a1 is None and claim.sub_event_type in TERRITORY:
            main = context.main_actor()
            a1 = self.actors.ref(None, main, inferred=True) if main else a1
            if main is not None and known2 is None:
                other = context.opponent(main, claim.trigger_start, _clause_span(claim))
                a2 = self.actors.ref(None, other, inferred=True) if other else a2
        return a1, a2


#: generic words for a state's government itself (the others name its forces: "the army")
_GOVERNING = re.compile(r"\b(?:government|authorities|regime|administration|ministry)\b", re.IGNORECASE)


def _territory_sub_type(sub_type: str, actor1: ActorRef | None, actors: ActorDictionary,
                        in_theater: bool = False) -> str:
    """ "Government regains territory" when the government or its camp takes a place (or a
    state takes one on its own soil); any other taker, a foreign state's forces included
    (Turkish troops taking a Syrian village), "overtakes territory" (ACLED)."""
    if sub_type not in TERRITORY or actor1 is None or actor1.name is None:
        return sub_type
    actor = actors.actors.get(actor1.name)
    if actor is None:
        return sub_type
    intervening = in_theater and actor.inter != 1 and actor.side != "pro-government"
    return GOVERNMENT_REGAINS if is_state(actor) and not intervening else NONSTATE_OVERTAKES


def _unnamed(ref: ActorRef | None) -> bool:
    """No author, or only one inferred for want of a name ("Unidentified Armed Group")."""
    return ref is None or ref.name is None or ref.stand_in


def _same_toll_authors(claims: list[Claim]) -> list[Claim]:
    """A report tells one attack twice ("A bomb killed 14 fighters… Fourteen members were
    killed when a bomb targeted them; IS is believed to be behind it"): a claim with no named
    author takes the author named for a claim of the same report with the same sub-event type
    and the same toll (one such author only)."""
    named: dict[tuple[str, int], set[ActorRef]] = {}
    for c in claims:
        ref = c.actor1
        if c.factual and c.fatalities and c.event_type in VIOLENT and ref is not None and not _unnamed(ref) \
                and not ref.inferred:
            named.setdefault((c.sub_event_type, c.fatalities), set()).add(ref)
    if not named:
        return claims
    out = []
    for c in claims:
        found = named.get((c.sub_event_type, c.fatalities or 0), set())
        if c.factual and c.fatalities and _unnamed(c.actor1) and len({r.name for r in found}) == 1:
            ref = dataclasses.replace(next(iter(found)), inferred=True)
            c = dataclasses.replace(c, actor1=ref, notes=f"{c.notes}; actor1: named for the same toll in the report")
        out.append(c)
    return out
