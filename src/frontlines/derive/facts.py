"""Territorial facts from claims: who takes, holds, besieges or leaves which place.

A claim carries its sentence, type, sub-type, place, actors, date span and standing.  This
module reads, within the claim's own sentence only, what it says about places:

- **captures and retakes** (``Government regains territory``, ``Non-state actor overtakes
  territory``): every place of a coordinated list ("retook A, B and C"); the side named with
  "from", "held by", "a stronghold of" or "Y-held" is the loser, whatever the parse made it;
  "part of X", "a district of X", "points in X" make a capture of a *part* (X is contested,
  not taken); "hilltops north of X" one *near* X (X does not change hands); a breakthrough,
  an advance or a line taken before a town is no capture of the town;
- **withdrawals** ("withdrew from X") and **handovers** ("handed X over to Y");
- **sieges and encirclements** and their end ("the siege of X was broken on ...");
- **control statements**: "the Y-held town of X", "X, held by Y", "X, a stronghold of Y",
  "X remains under Y's control".

A place must be named in the sentence, resolved, and of a kind a side can hold (a town, a
neighbourhood, a base, a hill ...): a dateline town, an inherited paragraph place or a
province never becomes a captured town.  The words are data (``territory.yaml``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..geo import COMPASS, haversine_km, unlocated_place
from ..records import ALONE_CUE, ActorRef, Claim, FactKind, Mention, Status, TerritorialFact
from ..taxonomy import DateSpan
from .statements import factual_statement
from .territory import TerritoryCues

CAPTURE_SUBS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
HANDOVER_SUB = "Non-violent transfer of territory"
STATUS_ORDER = (Status.ASSERTED, Status.REPORTED, Status.ALLEGED, Status.DENIED, Status.EXPECTED,
                Status.HYPOTHETICAL, Status.BACKGROUND)
#: mention roles that are publication metadata, never where something happened
METADATA_ROLES = frozenset({"dateline", "byline", "agency"})
#: between two places of one coordinated list: commas, "and", "or", "as well as"
LIST_GAP = re.compile(r"^\s*(?:,|;|&|\band\b|\bor\b|\bas well as\b|\s)*\s*(?:the\s+(?:towns?|villages?|"
                      r"cities|city|areas?|hills?|neighbou?rhoods?|districts?)\s+of\s+)?$", re.IGNORECASE)
#: the words between two names of one list, unresolved names included ("A, B al-C and D")
NAME_LIST = re.compile(r"(?:[\s,;]+|\b(?:and|or)\b|\b[A-Z][\w'’‑-]*|\b[a-z]{1,4}[-‑][\w'’‑-]+)*")
#: words that open another clause between a trigger and the places it took
OTHER_CLAUSE = re.compile(r"[;.]|\b(?:that|which|who|whom|whose|after|before|while|when|where|as|since|until|"
                          r"because|following)\b", re.IGNORECASE)
DENIAL_WINDOW = 3  # days: a denial within this many days of a fact denies it
SAME_PLACE_KM = 5.0  # two gazetteer entries of one name this close are one place
ANAPHOR_REACH = 800  # characters: "took the town" reaches back this far for the town
LATER_REACH = 120  # characters: "took a town" reaches forward this far for the town


def _dateline_like(mention: Mention) -> bool:
    """A place name in capitals opening the text ("BEIRUT (AP) -"): a dateline, whatever role the
    place finder gave it."""
    return mention.start < 60 and len(mention.text) > 3 and mention.text.isupper()


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """A named actor (or a generic word resolved to one) found in a sentence."""

    start: int
    end: int
    name: str | None
    side: str | None = None


ActorFinder = Callable[[str], Sequence[ActorSpan]]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What the facts of one document need to know about it."""

    outlet: str | None = None
    side: str | None = None  # the side its outlet is documented to favour
    published: str | None = None  # ISO day


@dataclass(frozen=True, slots=True)
class _Place:
    """A resolved place mention, in sentence offsets."""

    start: int
    end: int
    mention: Mention


def day_span(value: str | None) -> tuple[str, str] | None:
    """An ISO date, interval, month or year as (first day, last day), ISO strings."""
    span = DateSpan.parse(value)
    return (span.start.isoformat(), span.end.isoformat()) if span else None


def _fact_id(claim_id: str, kind: FactKind, place_id: str, extra: str = "") -> str:
    digest = hashlib.sha1(f"{claim_id}|{kind.value}|{place_id}|{extra}".encode()).hexdigest()[:12]
    return f"tf-{digest}"


class _Sentence:
    """One claim's sentence with its resolved places and actors, in sentence offsets."""

    def __init__(self, claim: Claim, mentions: Sequence[Mention], find_actors: ActorFinder | None,
                 anaphor: re.Pattern[str] | None = None) -> None:
        self.claim = claim
        self.text = claim.sentence
        base = claim.start
        self.places = sorted((_Place(m.start - base, m.end - base, m) for m in mentions
                              if m.place is not None and m.role not in METADATA_ROLES and not _dateline_like(m)
                              and claim.start <= m.start and m.end <= claim.end),
                             key=lambda p: (p.start, p.end))
        self.named = {(m.start, m.end): m for m in mentions if m.place is not None}
        self.inherited = self._inherited(anaphor) if anaphor else None
        if self.inherited:
            self.places = sorted([*self.places, self.inherited], key=lambda p: (p.start, p.end))
        self.actors = list(find_actors(self.text)) if find_actors else self._claim_actors()
        self.trigger = (claim.trigger_start - base, claim.trigger_end - base)

    def _claim_actors(self) -> list[ActorSpan]:
        """Without an actor dictionary: the claim's own actors where their words occur."""
        spans = []
        for ref in (self.claim.actor1, self.claim.actor2):
            if ref and ref.surface and ref.name:
                for m in re.finditer(rf"(?<!\w){re.escape(ref.surface)}(?!\w)", self.text):
                    spans.append(ActorSpan(m.start(), m.end(), ref.name, ref.side))
        return sorted(set(spans), key=lambda a: (a.start, a.end))

    def _inherited(self, anaphor: re.Pattern[str]) -> _Place | None:
        """'took the town': the claim's place named shortly before this sentence, standing at
        the words that refer to it (never a dateline or byline, never a place far back)."""
        loc, claim = self.claim.location, self.claim
        if loc is None or loc.place is None or loc.role in METADATA_ROLES or _dateline_like(loc):
            return None
        if loc.start >= claim.start:
            # "captured a strategic town near the border. Yabroud was ...": the place named
            # right after the sentence, where the claim found it
            if loc.start < claim.end or loc.start - claim.end > LATER_REACH:
                return None
            later = re.compile(anaphor.pattern.replace(r"(?:the|this|that)", r"(?:the|a|an)", 1), re.IGNORECASE)
            found = later.search(self.text, claim.trigger_end - claim.start)
            if found is None or found.start() - (claim.trigger_end - claim.start) > 30:
                return None
            return _Place(found.start(), found.end(), self.named.get((loc.start, loc.end), loc))
        if claim.start - loc.end > ANAPHOR_REACH:
            return None
        found = anaphor.search(self.text, claim.trigger_end - claim.start)
        if found is None or found.start() - (claim.trigger_end - claim.start) > 60:
            return None
        # the town as its own sentence named it: the claim's copy may carry the lower precision
        # of a place inherited from another sentence, but "the town" is that town
        return _Place(found.start(), found.end(), self.named.get((loc.start, loc.end), loc))

    def location(self) -> _Place | None:
        """The claim's own place: resolved and named in this sentence, or referred to by it."""
        loc = self.claim.location
        if loc is None or loc.place is None:
            return None
        return next((p for p in self.places if (p.mention.start, p.mention.end) == (loc.start, loc.end)), None)

    def actor_at(self, start: int) -> ActorSpan | None:
        """The actor whose words begin at ``start`` (leading white space skipped)."""
        return next((a for a in self.actors if a.start == start and a.name), None)

    def actor_after(self, index: int, gap: re.Pattern[str], limit: int = 60) -> ActorSpan | None:
        """The first actor after ``index`` whose gap from it matches ``gap``."""
        for actor in self.actors:
            if index <= actor.start <= index + limit and actor.name and gap.match(self.text[index:actor.start]):
                return actor
        return None

    def actor_before(self, index: int, gap: re.Pattern[str], limit: int = 60) -> ActorSpan | None:
        for actor in reversed(self.actors):
            if index - limit <= actor.end <= index and actor.name and gap.match(self.text[actor.end:index]):
                return actor
        return None


class FactReader:
    """Builds the patterns of the territorial cues once; reads the facts of claims."""

    def __init__(self, cues: TerritoryCues) -> None:
        self.cues = cues
        held = cues.pattern("held_words").pattern
        strong = cues.pattern("stronghold_words").pattern
        remain = cues.pattern("remain_words").pattern
        under = cues.pattern("under_words").pattern
        self.held_before = re.compile(rf"^\s*(?:-\s*)?{held}(?:\s+[a-z]+){{0,3}}?(?:\s+of)?(?:\s+the)?\s*$",
                                      re.IGNORECASE)
        self.held_by = re.compile(rf"^\s*,?\s*(?:which\s+{remain}\s+|that\s+{remain}\s+|"
                                  rf"(?:is|are|were|has\s+been|have\s+been)\s+)?"
                                  rf"(?:still\s+|now\s+)?{held}\s+by\s+(?:the\s+)?(?:\w+-backed\s+)?$", re.IGNORECASE)
        self.stronghold = re.compile(rf"^\s*,?\s*(?:{remain}\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{strong}"
                                     rf"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
        self.under = re.compile(rf"^\s*,?\s*(?:which\s+|that\s+)?{remain}\s+(?:still\s+|firmly\s+)?{under}"
                                rf"\s+(?:the\s+)?(?:(?:full|complete|total|effective)\s+)?"
                                rf"(?:control\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)
        self.control_noun = re.compile(r"^(?:['’]s?)?\s+(?:control|rule)\b", re.IGNORECASE)
        self.remain_the = re.compile(rf"^\s*,?\s*(?:which\s+|that\s+)?{remain}\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?$",
                                     re.IGNORECASE)
        self.held_after = re.compile(rf"^\s*(?:-\s*)?{held}\b", re.IGNORECASE)
        self.from_ = re.compile(r"^[\s,]*(?:(?:away\s+|back\s+)?from|out\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
        self.to = re.compile(r"^.{0,40}?\b(?:to|into\s+the\s+hands\s+of|under\s+the\s+(?:full\s+)?control\s+of)"
                             r"\s+(?:the\s+)?$", re.IGNORECASE)
        tail = r"(?:\s+(?:the|a|an|some|all|most|several|two|three|four|[\w-]+))?"
        # "part of X", "parts of the province of X", "a district of the northern city of X"
        of_kind = rf"(?:\s+the)?(?:\s+[\w-]+){{0,2}}\s+(?:{cues.pattern('anaphora').pattern}|province|governorate)\s+of"
        # ... or "(areas) in the mostly Kurdish city of X": a place inside the town, whatever its adjectives
        town_kind = rf"(?:{cues.pattern('anaphora').pattern})"
        self.partial_end = re.compile(rf"(?:(?:{cues.pattern('partial_words').pattern})(?:{of_kind}|{tail})|"
                                      rf"\b(?:in|inside|within)\s+the(?:\s+[\w-]+){{1,3}}\s+{town_kind}\s+of)\s*$",
                                      re.IGNORECASE)
        # "(retook / wrested back control of) rebel-held neighbourhoods": the object is a part of a place
        self.part_object = re.compile(rf"^\s+(?:back\s+)?(?:(?:full|complete|total)\s+)?(?:(?:control|hold)\s+"
                                      rf"(?:of|over)\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,3}}?"
                                      rf"(?:{cues.pattern('part_nouns').pattern})", re.IGNORECASE)
        # "..., while in X troops took ...": the place a clause is set in, right before its trigger
        self.setting_before = re.compile(r"\b(?:in|inside)\s+(?:the\s+)?$", re.IGNORECASE)
        # "X's northern countryside", "X countryside", "the X suburbs"
        self.near_after = re.compile(rf"^(?:['’]s)?\s+(?:{COMPASS}\s+)?(?:{cues.pattern('near_after_words').pattern})",
                                     re.IGNORECASE)
        # "X's eastern periphery", "X's southern neighbourhoods"
        self.partial_after = re.compile(rf"^(?:['’]s)?\s+(?:{COMPASS}\s+)?"
                                        rf"(?:{cues.pattern('partial_after_words').pattern})", re.IGNORECASE)
        # "withdrew from X after fighting with Y", "under pressure from Y": Y is the side it left to
        self.opponent_before = re.compile(rf"\b(?:{cues.pattern('opponent_words').pattern})\s+(?:with|against|from|by)"
                                          rf"\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?$", re.IGNORECASE)
        area = cues.pattern("area_words").pattern
        # "took (full control of) the area of (the town of) X", "took the X area": X is the object
        self.area_object = re.compile(rf"^\s+(?:(?:full|complete|total)\s+)?(?:(?:control|hold)\s+(?:of|over)\s+)?"
                                      rf"the\s+(?:{area}\s+of\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?)?$",
                                      re.IGNORECASE)
        self.area_before = re.compile(rf"\b{area}\s+of\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?$", re.IGNORECASE)
        self.area_after = re.compile(rf"^\s+{area}\b", re.IGNORECASE)
        # "five villages ... were liberated in X", "seized two towns in X": settlements in X's land
        self.settlements_in = re.compile(rf"\b(?:{cues.pattern('settlement_plurals').pattern})\b[^.;]{{0,80}}?"
                                         rf"\bin\s+(?:the\s+)?$", re.IGNORECASE)
        # "..., including (the villages of) A and B"
        self.including = re.compile(rf"(?:,|\s)\s*(?:{cues.pattern('including_words').pattern})\s+(?:the\s+)?"
                                    rf"(?:(?:towns?|villages?|cities|city|hills?|areas?)\s+of\s+)?$", re.IGNORECASE)
        self.province_end = re.compile(r"\b(?:province|governorate)\s+of(?:\s+the)?\s*$", re.IGNORECASE)
        # "north of X", "north of the Syrian city of X"
        self.near_end = re.compile(rf"(?:{cues.pattern('near_words').pattern})(?:\s+the)?"
                                   rf"(?:(?:\s+[\w-]+){{0,2}}\s+(?:{cues.pattern('anaphora').pattern})\s+of)?\s*$",
                                   re.IGNORECASE)
        self.from_place = re.compile(r"^[^.;]{0,40}?\b(?:from|out\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$",
                                     re.IGNORECASE)
        self.after_trigger_defence = re.compile(rf"^\W*(?:\w+\W+){{0,8}}?(?:{cues.pattern('defence_words').pattern})",
                                                re.IGNORECASE)
        # "took (full control of) the strategic town of X"; "restored security and stability to X"
        self.object_gap = re.compile(r"^\s+(?:(?:full|complete|total)\s+)?(?:(?:control|hold)\s+(?:of|over)\s+|"
                                     r"(?:security|stability|order)(?:\s+and\s+(?:security|stability|order))?"
                                     r"\s+(?:to|in|at)\s+)?"
                                     r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:of\s+)?$", re.IGNORECASE)
        self.siege_noun = cues.pattern("siege_nouns")
        self.anaphor = re.compile(rf"\b(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{cues.pattern('anaphora').pattern})",
                                  re.IGNORECASE)
        self.siege_end = cues.pattern("siege_end_words")
        office = r"(?:spokes(?:man|woman|person)|press\s+(?:office|centre|center)|media\s+(?:office|centre|center)|" \
                 r"general\s+command|command|commander)"
        self.spokesman_before = re.compile(rf"\b{office}\s+(?:for|of)\s+(?:the\s+)?$", re.IGNORECASE)
        self.spokesman_after = re.compile(rf"^(?:['’]s)?\s+(?:press\s+)?{office}\b", re.IGNORECASE)
        # "Y are (now) in (almost) full control of (the town of) X"; "with X under their control"
        self.in_control = re.compile(r"^\s+(?:are|were|is|was|remains?|remained)\s+(?:now\s+|still\s+)?in\s+"
                                     r"(?:almost\s+|nearly\s+|near\s+|effective\s+)?(?:full\s+|complete\s+|total\s+)?"
                                     r"control\s+(?:of|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$",
                                     re.IGNORECASE)
        # "Y, which (still) holds X", "Y now control X": the subject holds the object
        holder = cues.pattern("holder_verbs").pattern if cues.holder_verbs else r"(?!x)x"
        self.holds = re.compile(rf"^\s*(?:,\s*(?:which|that|who)\s+(?:still\s+|now\s+|already\s+)?|"
                                rf"\s+(?:still|now)\s+){holder}\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:of\s+)?$",
                                re.IGNORECASE)
        self.under_their = re.compile(rf"^(?:\s+(?:{cues.pattern('anaphora').pattern}))?"
                                      r"\s+(?:now\s+|firmly\s+)?under\s+(?:their|its)\s+"
                                      r"(?:full\s+|complete\s+)?control\b", re.IGNORECASE)
        self.compass_before = re.compile(rf"\b{COMPASS}\s+$", re.IGNORECASE)
        self.passive_aux = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
        self.then_subject = re.compile(r"^[^,.;]{0,12},\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
        self.with_before = re.compile(r"\bwith\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
        self.flag_before = re.compile(r"^(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}$")
        self.flag_of = re.compile(r"^\s+of\s+(?:the\s+)?$", re.IGNORECASE)
        self.siege_by_before = re.compile(r"^(?:['’]s)?(?:\s*-\s*(?:imposed|led|laid))?\s+(?:[a-z][\w-]*\s+){0,1}$")
        self.siege_by_after = re.compile(r"^\s+(?:(?:imposed|laid|led|enforced)\s+)?by\s+(?:the\s+)?$",
                                         re.IGNORECASE)
        self.of_place = re.compile(r"^\s*(?:of|on|around|against|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)

    def flag_side(self, s: _Sentence) -> ActorSpan | None:
        """The side whose flag a capture by flag raised: "the Y flag", "the flag of Y" (a flag word
        within a few words of the trigger)."""
        for flag in self.cues.pattern("flag_words").finditer(s.text):
            if not (s.trigger[0] - 40 <= flag.start() <= s.trigger[1] + 40):
                continue
            side = s.actor_before(flag.start(), self.flag_before, limit=40) or s.actor_after(flag.end(), self.flag_of,
                                                                                               limit=20)
            if side is not None:
                return side
        return None

    def spokesman_of(self, s: _Sentence) -> ActorSpan | None:
        """The side whose spokesman or press office announces the capture, before the trigger: "a
        spokesman for Y announced the capture of X", "the Y press centre said"."""
        for actor in s.actors:
            if actor.name and actor.end <= s.trigger[0] and (
                    self.spokesman_before.search(s.text[max(0, actor.start - 40):actor.start])
                    or self.spokesman_after.match(s.text[actor.end:])):
                return actor
        return None

    def besieger_named(self, s: _Sentence) -> ActorSpan | None:
        """The side named with a siege noun of the sentence: "a four-year army siege", "the siege
        imposed by Y", "Y's siege"."""
        for noun in self.siege_noun.finditer(s.text):
            side = s.actor_before(noun.start(), self.siege_by_before, limit=30) or \
                s.actor_after(noun.end(), self.siege_by_after, limit=40)
            if side is not None:
                return side
        return None

    # -- which kind -----------------------------------------------------------------------
    def kind_of(self, s: _Sentence) -> tuple[FactKind, str] | None:
        """The kind of territorial fact a claim makes, with the cue that says so."""
        claim, cues = s.claim, self.cues
        trigger = s.text[s.trigger[0]:s.trigger[1]]
        near_trigger = s.text[max(0, s.trigger[0] - 60):s.trigger[1] + 60]
        noun = self.siege_noun.search(near_trigger)
        if noun or self.siege_noun.fullmatch(trigger):
            end = self.siege_end.search(near_trigger)
            if end:
                return FactKind.SIEGE_END, f"siege ended: '{noun.group(0) if noun else trigger}' + '{end.group(0)}'"
        if cues.has("siege_start_words", trigger) or self.siege_noun.fullmatch(trigger):
            return FactKind.SIEGE_START, f"siege: '{trigger}'"
        left = cues.has("withdrawal_words", s.text[s.trigger[0]:s.trigger[1] + 5])  # "pulled out"
        if left and left.start() == 0:
            return FactKind.WITHDRAWAL, f"withdrawal: '{left.group(0)}'"
        if claim.sub_event_type == HANDOVER_SUB or (claim.event_type == "Strategic developments"
                                                    and cues.has("handover_words", near_trigger)):
            return FactKind.HANDOVER, f"handover: '{trigger}'"
        if claim.sub_event_type in CAPTURE_SUBS:
            advance = cues.has("advance_words", s.text[s.trigger[0]:s.trigger[1] + 12])
            if advance:
                return FactKind.ADVANCE, f"advance, not a capture: '{advance.group(0)}'"
            line = self.after_trigger_defence.match(s.text[s.trigger[1]:])
            if line:
                return FactKind.ADVANCE, "a defence line taken, not the place"
            return FactKind.CAPTURE, f"capture: '{trigger}'"
        return None

    def opponent_of(self, s: _Sentence, leaver: str | None) -> ActorSpan | None:
        """The side a withdrawing side fought, named after the trigger: "withdrew from X after
        fighting with Y", "retreated under pressure from Y"."""
        for actor in s.actors:
            if actor.start > s.trigger[1] and actor.name and actor.name != leaver and \
                    self.opponent_before.search(s.text[max(s.trigger[1], actor.start - 60):actor.start]):
                return actor
        return None

    # -- where ----------------------------------------------------------------------------
    def targets(self, s: _Sentence, kind: FactKind) -> list[tuple[_Place, str, str]]:
        """The places the fact is about, each with its scope ("full", "part", "near") and why."""
        main = s.location()
        if kind in (FactKind.SIEGE_START, FactKind.SIEGE_END):
            main = self._siege_place(s) or main
        elif kind == FactKind.WITHDRAWAL:
            main = self._withdrawn_from(s)
            if main is None and self.cues.has("evacuation_words", s.text[s.trigger[0]:s.trigger[1]]):
                main = self._object_place(s)  # "rebels began evacuating the town of X"
        elif main is None:
            main = self._part_place(s) or self._object_place(s)
        elif main.end <= s.trigger[0] and _holdable(main, self.cues) and self._passive_subject(s, main):
            pass  # "X neighbourhood, east of the river in Y, was taken under control": X was taken
        elif main.end <= s.trigger[0] or not _holdable(main, self.cues):
            # "In X, the army took Y" / "BEIRUT — rebels took Y" / "took the town of Y in the
            # province of X": what was taken is the object
            taken = self._object_place(s) or self._part_place(s)
            if taken is None and main.end <= s.trigger[0]:
                # "... Aleppo, while in X troops retook ...": the place the trigger's clause is set in
                main = self._setting(s) or main
                if self.part_object.match(s.text[s.trigger[1]:]):
                    # "in X, troops retook rebel-held neighbourhoods": a part of X
                    what = s.text[s.trigger[1]:s.trigger[1] + 40].strip()
                    return [(p, "part", f"part of the place: the object '{what}'") for p in self._coordinated(s, main)]
            main = taken or main
        elif main.start > s.trigger[1]:
            # "captured the city of Y, ... south of X" / "the town of Y in the province of X" /
            # "seized buildings in the town of Y, ... south of X": the trigger's object (or the
            # place a part of which it took), unless the claim's place is a later name of the same list
            taken = self._object_place(s) or self._part_place(s)
            if taken is not None and taken.start < main.start and not NAME_LIST.fullmatch(s.text[taken.end:main.start]):
                main = taken
        if main is None:
            return []
        group = self._coordinated(s, main)
        named = [p for p in self._included(s) if p not in group]
        return [self._placed(s, p) for p in group] + [self._placed(s, p) for p in named]

    def _not_whole(self, s: _Sentence, place: _Place) -> bool:
        """Whether the words around a place name make it a part or the land of the place, not the
        place itself: "eastern Aleppo", "X countryside", "X's southern districts", "the province of X"."""
        before, after = s.text[max(0, place.start - 40):place.start], s.text[place.end:]
        return bool(self.compass_before.search(before) or self.near_after.match(after)
                    or self.partial_after.match(after) or self.province_end.search(before))

    def _passive_subject(self, s: _Sentence, place: _Place) -> bool:
        """Whether ``place`` opens the clause whose passive verb is the trigger ("X was taken",
        "X, east of Y, has been captured"): no other clause and no sentence break between them."""
        between = s.text[place.end:s.trigger[0]]
        return bool(self.passive_aux.search(between)) and len(between) <= 120 and not re.search(
            r"[;.]|\b(?:and|but|while|after|before|when|as|where|which|who|that)\b", between, re.IGNORECASE)

    def _included(self, s: _Sentence) -> list[_Place]:
        """'liberated 12 villages east of X, including A and B': A and B, each taken whole (the
        places a list after "including" names, after the trigger and before the next clause)."""
        for place in s.places:
            gap = s.text[s.trigger[1]:place.start]
            if place.start > s.trigger[1] and len(gap) <= 100 and self.including.search(gap[-40:]) \
                    and not OTHER_CLAUSE.search(gap):
                return [p for p in self._coordinated(s, place) if p.start >= place.start]
        return []

    def _placed(self, s: _Sentence, place: _Place) -> tuple[_Place, str, str]:
        """The place with its scope; a name the gazetteer lacks, which the resolver stood in for
        by the town the text places it by, is that unlocated place itself (its own record at the
        town's point, so the town does not change hands); a district of a city the gazetteer
        lacks is a part of the city."""
        scope, why = self._scope(s, place)
        if scope != "near" or not why.startswith(APPROXIMATE):
            return place, scope, why
        stand_in = stand_in_kind(place.mention)
        if stand_in == "part":
            return place, "part", f"part of the place: '{place.mention.text}' (a district the gazetteer lacks)"
        if stand_in == "near" and place.mention.place is not None:
            return _unlocated(place), "full", f"an unlocated place by {place.mention.place.name}"
        return place, scope, why

    def _setting(self, s: _Sentence) -> _Place | None:
        """The last place named with "in" before the trigger ("while in X troops retook ...")."""
        return next((p for p in reversed(s.places) if p.end <= s.trigger[0]
                     and self.setting_before.search(s.text[max(0, p.start - 12):p.start])), None)

    def _siege_place(self, s: _Sentence) -> _Place | None:
        """'the siege of X', 'X's blockade', 'besieging ... in X' (the nearest place after the cue)."""
        for noun in self.siege_noun.finditer(s.text):
            after = next((p for p in s.places
                          if p.start >= noun.end() and self.of_place.match(s.text[noun.end():p.start])), None)
            if after:
                return after
            before = next((p for p in reversed(s.places) if p.end <= noun.start()
                           and re.fullmatch(r"(?:['’]s)?\s*", s.text[p.end:noun.start()])), None)
            if before:
                return before
        return None

    def _withdrawn_from(self, s: _Sentence) -> _Place | None:
        return next((p for p in s.places if p.start >= s.trigger[1]
                     and self.from_place.match(s.text[s.trigger[1]:p.start])), None)

    def _part_place(self, s: _Sentence) -> _Place | None:
        """'retook a hill in the city of X': the place a part of which was taken."""
        return next((p for p in s.places if p.start >= s.trigger[1]
                     and self.partial_end.search(s.text[max(s.trigger[1], p.start - 40):p.start])), None)

    def _object_place(self, s: _Sentence) -> _Place | None:
        """'took (full control of) the strategic town of X': the place the trigger took, when the
        claim was located elsewhere (a place of another sentence, a dateline)."""
        return next((p for p in s.places if p.start >= s.trigger[1]
                     and self.object_gap.match(s.text[s.trigger[1]:p.start])), None)

    def _scope(self, s: _Sentence, place: _Place) -> tuple[str, str]:
        before = s.text[max(0, place.start - 40):place.start]
        if province := self.province_end.search(before):
            # "in the southern parts of the province of X": the province, not the town X
            return "near", f"in the province of the place: '{province.group(0).strip()}'"
        if partial := self.partial_end.search(before):
            return "part", f"part of the place: '{partial.group(0).strip()}'"
        if settlements := self.settlements_in.search(s.text[max(0, place.start - 100):place.start]):
            return "near", f"settlements in the place's land: '{settlements.group(0).strip()}'"
        if near := self.near_end.search(before):
            return "near", f"near the place: '{near.group(0).strip()}'"
        if part := self.partial_after.match(s.text[place.end:place.end + 40]):
            return "part", f"part of the place: '{part.group(0).strip()}'"
        if after := self.near_after.match(s.text[place.end:place.end + 40]):
            return "near", f"the land around the place: '{after.group(0).strip()}'"
        area = self.area_before.search(before) or self.area_after.match(s.text[place.end:place.end + 20])
        if area and place.start >= s.trigger[1] and self.area_object.match(s.text[s.trigger[1]:place.start]) \
                and stand_in_kind(place.mention) is None:
            return "full", "the place with its area"
        if place.mention.geo_precision == 2:
            return "near", f"{APPROXIMATE} (geo_precision 2)"
        return "full", ""

    def _coordinated(self, s: _Sentence, main: _Place) -> list[_Place]:
        """The place and every place coordinated with it ("A, B and C")."""
        i = s.places.index(main)
        group = [main]
        for step in (-1, 1):
            j = i
            while 0 <= j + step < len(s.places):
                a, b = (s.places[j + step], s.places[j]) if step < 0 else (s.places[j], s.places[j + step])
                if not LIST_GAP.match(s.text[a.end:b.start]):
                    break
                j += step
                group.append(s.places[j])
        return sorted(group, key=lambda p: p.start)

    # -- who ------------------------------------------------------------------------------
    def loser_named(self, s: _Sentence, places: Sequence[_Place]) -> tuple[ActorSpan, str] | None:
        """The side the text says the places were taken from: 'from Y', 'held by Y', 'Y-held X',
        'X, a stronghold of Y'."""
        first, last = places[0], places[-1]
        checks = ((self.from_, "from"), (self.held_by, "held by"), (self.stronghold, "a stronghold of"))
        for pattern, cue in checks:
            actor = s.actor_after(last.end, pattern)
            if actor:
                return actor, cue
        actor = s.actor_before(first.start, self.held_before)
        if actor:
            return actor, "Y-held"
        # "took X ... from Y" farther on in the sentence
        for actor in s.actors:
            between = s.text[max(last.end, actor.start - 12):actor.start]
            if actor.start > last.end and actor.name and self.from_.match(between):
                return actor, "from"
        return None

    def statements(self, s: _Sentence) -> list[tuple[_Place, ActorSpan, str]]:
        """Control statements of the sentence: (place, holder, cue); a statement about the last
        place of a list ("A, B and C were held by Y") holds for every place of the list."""
        found = []
        for place, actor, cue in self._statements(s):
            found += [(p, actor, cue) for p in self._coordinated(s, place) if p.start <= place.start]
        return list({(p.start, a.start): (p, a, c) for p, a, c in found}.values())

    def _statements(self, s: _Sentence) -> list[tuple[_Place, ActorSpan, str]]:
        found = []
        for place in s.places:
            if self._not_whole(s, place):
                continue
            actor = s.actor_before(place.start, self.held_before)
            if actor is not None and self.partial_end.search(s.text[actor.end:place.start]):
                actor = None  # "the Y-held parts of X": Y holds a part, which says nothing of X as a whole
            cue = "the Y-held X"
            if actor is None:
                actor, cue = s.actor_after(place.end, self.held_by), "X, held by Y"
            if actor is None:
                actor, cue = s.actor_after(place.end, self.stronghold), "X, a stronghold of Y"
            if actor is None:
                candidate = s.actor_after(place.end, self.under)
                gap = s.text[place.end:candidate.start] if candidate else ""
                if candidate and (re.search(r"control\s+of\s+(?:the\s+)?$", gap, re.IGNORECASE)
                                  or self.control_noun.match(s.text[candidate.end:])):
                    actor, cue = candidate, "X remains under Y's control"
            if actor is None:
                candidate = s.actor_after(place.end, self.remain_the)
                if candidate and self.held_after.match(s.text[candidate.end:]):
                    actor, cue = candidate, "X is the Y-held town"
            if actor is None:
                actor, cue = s.actor_before(place.start, self.in_control, limit=100), "Y is in control of X"
            if actor is None:
                actor, cue = s.actor_before(place.start, self.holds, limit=100), "Y, which holds X"
                if actor is not None and self.partial_end.search(s.text[actor.end:place.start]):
                    actor = None  # "Y, which holds most of X": a part says nothing of X as a whole
            their = self.under_their.match(s.text[place.end:])
            if actor is None and their and self.with_before.search(s.text[max(0, place.start - 40):place.start]):
                ref = s.claim.actor1
                actor = ActorSpan(place.start, place.start, ref.name, ref.side) if ref and ref.name else None
                if actor is None and not s.claim.event_type:
                    # a sentence of no claim: "With X under their control, Y ..." (Y the subject)
                    actor = s.actor_after(place.end + their.end(), self.then_subject, limit=40)
                cue = "with X under their control"
            if actor is not None:
                found.append((place, actor, cue))
        return found


#: why a capture at a place of precision 2 does not take it
APPROXIMATE = "the place is only approximate"
#: how the resolver says it stood in for a name the gazetteer lacks by another place
#: (resolve.places: "... which the text places it by; X's point"; resolve.place_context.part_of_city:
#: "part of X not in the gazetteer; the city's point")
_STAND_IN_NEAR = re.compile(r"\bwhich the text places it by\b.*'s point$")
_STAND_IN_PART = re.compile(r"^part of .+ not in the gazetteer; the city's point$")


def stand_in_kind(mention: Mention) -> str | None:
    """"near": the mention's place stands in for an unlocated place the text puts by it; "part": for
    a district of that city; None: the mention names its place."""
    if mention.place is None or mention.geo_precision != 2 or not mention.reason:
        return None
    if _STAND_IN_PART.search(mention.reason):
        return "part"
    if _STAND_IN_NEAR.search(mention.reason) and mention.place.feature != "admin1":
        return "near"
    return None


def _unlocated(place: _Place) -> _Place:
    """An unlocated named place as a record of its own at the point of the place standing in for
    it (:func:`frontlines.geo.unlocated_place`); the control map leaves it out (its point is not
    its own)."""
    anchor = place.mention.place
    assert anchor is not None
    return _Place(place.start, place.end, replace(place.mention, place=unlocated_place(anchor, place.mention.text)))


def _ref_names(ref: ActorRef | None) -> tuple[str | None, str | None]:
    return (ref.name, ref.side) if ref and ref.name else (None, None)


#: a named source → (its canonical name, its side), when the outlet registry knows it
SourceLookup = Callable[[str], tuple[str, str | None] | None]


def _source_of(claim: Claim, info: SourceInfo, lookup: SourceLookup | None) -> tuple[str, str | None]:
    """Independence key and side of a claim's source: a named source it is attributed to
    (the same wire or agency text counts once whoever republishes it), else its outlet."""
    known = lookup(claim.attributed_to) if lookup and claim.attributed_to and claim.status == Status.REPORTED else None
    if known:  # an unnamed source ("a military source") is no outlet of its own
        return f"outlet:{' '.join(known[0].lower().split())}", known[1]
    return (f"outlet:{info.outlet.lower()}" if info.outlet else f"doc:{claim.doc_id}"), info.side


def _fact(s: _Sentence, kind: FactKind, place: _Place, scope: str, cue: str,
          gainer: tuple[str | None, str | None], loser: tuple[str | None, str | None],
          span: tuple[str, str] | None, info: SourceInfo, source: tuple[str, str | None]) -> TerritorialFact:
    p = place.mention.place
    assert p is not None
    claim = s.claim
    if gainer[0] is not None and gainer[0] == loser[0]:
        loser = (None, None)  # a side never takes a place from itself
    return TerritorialFact(
        id=_fact_id(claim.id, kind, p.gazetteer_id, f"{gainer[0]}|{scope}"), kind=kind, place_id=p.gazetteer_id,
        place_name=p.name, claim_id=claim.id, doc_id=claim.doc_id, status=claim.status,
        start=span[0] if span else None, end=span[1] if span else None,
        gainer=gainer[0], loser=loser[0], gainer_side=gainer[1], loser_side=loser[1], scope=scope,
        latitude=p.latitude, longitude=p.longitude, sentence=claim.sentence, cue=cue, outlet=info.outlet,
        source_key=source[0], outlet_side=source[1])


def _holdable(place: _Place, cues: TerritoryCues) -> bool:
    p = place.mention.place
    return p is not None and p.feature in cues.holdable_features and ":" in p.gazetteer_id \
        and not p.gazetteer_id.startswith("road:") and place.mention.geo_precision != 3


def _announcer(s: _Sentence, source: str) -> ActorSpan | None:
    """The fighting side a claim is attributed to ("the YPG press centre said ... were liberated")."""
    at = s.text.find(source)
    if at < 0:
        return None
    return next((a for a in s.actors if a.name and at <= a.start and a.end <= at + len(source)), None)


def _change_facts(reader: FactReader, s: _Sentence, kind: FactKind, cue: str, info: SourceInfo,
                  source: tuple[str, str | None]) -> list[TerritorialFact]:
    claim = s.claim
    targets = [t for t in reader.targets(s, kind) if _holdable(t[0], reader.cues)]
    if not targets:
        return []
    gainer, loser = _ref_names(claim.actor1), _ref_names(claim.actor2)
    trigger = s.text[s.trigger[0]:s.trigger[1]]
    if kind == FactKind.WITHDRAWAL:
        # actor1 withdraws: it is the one that loses the place; with no actor1, the one side
        # named ("the evacuation of Y from X") is the one that leaves
        gainer, loser = (loser, gainer) if gainer[0] else ((None, None), loser)
        if gainer[0] is None and (opponent := reader.opponent_of(s, loser[0])) is not None:
            gainer = (opponent.name, opponent.side)
            cue = f"{cue}; left to the side it fought ('{s.text[opponent.start:opponent.end]}')"
        if reader.cues.has("evacuation_words", trigger):
            cue = f"evacuation: '{trigger}'"
            besieger = reader.besieger_named(s)
            if besieger and besieger.name != loser[0]:
                # "rebels began evacuating X after a four-year army siege": X goes to the besieger
                kind, gainer = FactKind.HANDOVER, (besieger.name, besieger.side)
                cue = f"evacuation: '{trigger}'; handed to the besieger named with the siege"
    elif kind == FactKind.CAPTURE and (flag := reader.flag_side(s)) is not None:
        # "raised the Y flag over X": Y took it, whoever the parse made the subject
        if flag.name != gainer[0]:
            loser = loser if loser[0] != flag.name else (None, None)
            gainer = (flag.name, flag.side)
        cue = f"{cue}; taken by the side of the flag"
    elif kind == FactKind.CAPTURE and reader.cues.has("loss_words", trigger):
        # "the fall of X", "the army lost X": the subject lost it; "fell to Y": Y took it
        to = s.actor_after(s.trigger[1], reader.to, limit=80)
        taker = (to.name, to.side) if to else (None, None)
        loser = gainer if gainer[0] and gainer[0] != taker[0] else (loser if loser[0] != taker[0] else (None, None))
        gainer = taker
        cue = f"loss: '{trigger}'" + ("; taken by 'to Y'" if to else "")
    named = reader.loser_named(s, [t[0] for t in targets])
    if kind in (FactKind.CAPTURE, FactKind.ADVANCE, FactKind.HANDOVER) and named:
        actor, how = named
        if gainer[0] == actor.name:  # the parse made the loser the captor
            gainer = loser if loser[0] != actor.name else (None, None)
        loser = (actor.name, actor.side)
        cue = f"{cue}; loser named by '{how}'"
    if kind == FactKind.HANDOVER:
        to = s.actor_after(s.trigger[1], reader.to, limit=80)
        if to and to.name != gainer[0]:
            gainer, loser = (to.name, to.side), gainer if gainer[0] != to.name else loser
            cue = f"{cue}; received by 'to Y'"
    if kind == FactKind.CAPTURE and gainer[0] is None:
        announcer = _announcer(s, claim.attributed_to) if claim.attributed_to else None
        announcer = announcer or reader.spokesman_of(s)
        if announcer and announcer.name != loser[0]:
            gainer = (announcer.name, announcer.side)
            cue = f"{cue}; taken by the side that announced it ('{s.text[announcer.start:announcer.end]}')"
    span = day_span(claim.event_date)
    facts = []
    for place, scope, why in targets:
        place_kind = kind
        if kind == FactKind.CAPTURE and scope == "near":
            place_kind = FactKind.ADVANCE
        facts.append(_fact(s, place_kind, place, scope, "; ".join(x for x in (cue, why) if x),
                           gainer, loser, span, info, source))
    return facts


def _siege_facts(reader: FactReader, s: _Sentence, kind: FactKind, cue: str, info: SourceInfo,
                 source: tuple[str, str | None]) -> list[TerritorialFact]:
    claim = s.claim
    span = day_span(claim.event_date)
    one, two = _ref_names(claim.actor1), _ref_names(claim.actor2)
    # a siege start: actor1 besieges actor2; a siege end: actor1 broke the siege that actor2 laid
    gainer, loser = (one, two) if kind == FactKind.SIEGE_START else (two, one)
    return [_fact(s, kind, place, "full", cue, gainer, loser, span, info, source)
            for place, _scope, _why in reader.targets(s, kind) if _holdable(place, reader.cues)]


def _statement_facts(reader: FactReader, s: _Sentence, skip: set[str], info: SourceInfo,
                     source: tuple[str, str | None]) -> list[TerritorialFact]:
    """Control statements, dated the day the document says them (its publication), else the
    claim's last day."""
    when = info.published or (day_span(s.claim.event_date) or (None, None))[1]
    facts = []
    for place, actor, cue in reader.statements(s):
        if place.mention.place is None or place.mention.place.gazetteer_id in skip or not _holdable(place, reader.cues):
            continue
        alone = not s.claim.event_type  # a sentence of no event claim: control said in passing
        said = f"{ALONE_CUE}{cue}" if alone else f"control statement: {cue}"
        if alone and not factual_statement(s.text, min(place.start, actor.start), max(place.end, actor.end)):
            continue
        fact = _fact(s, FactKind.CONTROL, place, "full", said,
                     (actor.name, actor.side), (None, None), (when, when) if when else None, info, source)
        facts.append(replace(fact, alone=True) if alone else fact)
    return facts


def facts_of_claim(reader: FactReader, claim: Claim, mentions: Sequence[Mention],
                   find_actors: ActorFinder | None = None, info: SourceInfo | None = None,
                   source_of: SourceLookup | None = None) -> list[TerritorialFact]:
    """The territorial facts one claim makes (``mentions``: its document's place mentions)."""
    info = info or SourceInfo()
    s = _Sentence(claim, mentions, find_actors, reader.anaphor)
    source = _source_of(claim, info, source_of)
    found = reader.kind_of(s)
    facts: list[TerritorialFact] = []
    if found:
        kind, cue = found
        if kind in (FactKind.SIEGE_START, FactKind.SIEGE_END):
            facts = _siege_facts(reader, s, kind, cue, info, source)
        else:
            facts = _change_facts(reader, s, kind, cue, info, source)
    # "took the Y-held town of X": Y is the loser, not a holder after the capture
    changed = {f.place_id for f in facts if f.kind in (FactKind.CAPTURE, FactKind.HANDOVER) and f.scope == "full"}
    return facts + _statement_facts(reader, s, changed, info, source)


def _strongest(facts: Iterable[TerritorialFact]) -> list[TerritorialFact]:
    """One fact per (document, sentence, kind, place, sides, scope): the strongest standing."""
    best: dict[tuple[object, ...], TerritorialFact] = {}
    for fact in facts:
        key = (fact.doc_id, fact.sentence, fact.kind, fact.place_id, fact.gainer, fact.loser, fact.scope)
        held = best.get(key)
        if held is None or (STATUS_ORDER.index(fact.status), fact.claim_id) < (STATUS_ORDER.index(held.status),
                                                                                held.claim_id):
            best[key] = fact
    return list(best.values())


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def link_denials(facts: Sequence[TerritorialFact],
                 published: Mapping[str, str | None] | None = None) -> list[TerritorialFact]:
    """Each denied fact names the facts it denies: same kind and place, dates within a few
    days (an undated denial: by the day its document was published, else the facts of its own
    document).  The sides are not compared: a denial often gets them wrong ("IS denied that the
    army took X" parsed with IS as the taker)."""
    published = published or {}
    out = []
    for fact in facts:
        if fact.status != Status.DENIED:
            out.append(fact)
            continue
        when = fact.start or published.get(fact.doc_id)
        hits = sorted(f.id for f in facts if f.factual and f.kind == fact.kind and f.place_id == fact.place_id
                      and ((gap := _days_apart(f.start, when)) is not None and gap <= DENIAL_WINDOW
                           or when is None and f.doc_id == fact.doc_id))
        out.append(replace(fact, denies=tuple(hits)))
    return out


class _MentionWindow:
    """A document's place mentions by offset: those a claim's facts can use (in its sentence,
    or named up to ANAPHOR_REACH before it or LATER_REACH after it), found by bisection rather
    than a scan of the whole document for each claim."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))  # stable: text order stays
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)

    def around(self, claim: Claim) -> list[Mention]:
        lo = bisect_left(self.starts, claim.start - ANAPHOR_REACH - self.longest)
        return self.mentions[lo:bisect_left(self.starts, claim.end + LATER_REACH + 1)]


def _evacuations_to_besiegers(facts: Sequence[TerritorialFact]) -> list[TerritorialFact]:
    """An evacuation of a place that a side besieged hands the place to that side: each
    evacuation (a withdrawal read from an evacuation word) that names no taker becomes a handover
    to the besieger of the latest siege of the place (same place, or same name within a few km)
    that began by the evacuation's day and that the evacuating side did not lay."""
    sieges = [f for f in facts if f.kind == FactKind.SIEGE_START and f.factual and f.gainer and f.start]
    out = []
    for fact in facts:
        if fact.kind != FactKind.WITHDRAWAL or fact.gainer or not fact.cue.startswith("evacuation:") \
                or fact.start is None:
            out.append(fact)
            continue
        laid = sorted((f for f in sieges if f.gainer != fact.loser and (f.start or "") <= fact.start
                       and _same_place(f, fact)), key=lambda f: (f.start or "", f.id))
        if not laid:
            out.append(fact)
            continue
        siege = laid[-1]
        out.append(replace(fact, kind=FactKind.HANDOVER, gainer=siege.gainer, gainer_side=siege.gainer_side,
                           id=_fact_id(fact.claim_id, FactKind.HANDOVER, fact.place_id, f"{siege.gainer}|{fact.scope}"),
                           cue=f"{fact.cue}; handed to the besieger (siege of {siege.place_name} from {siege.start})"))
    return out


def _same_place(a: TerritorialFact, b: TerritorialFact) -> bool:
    if a.place_id == b.place_id:
        return True
    return a.place_name.casefold() == b.place_name.casefold() and None not in (
        a.latitude, a.longitude, b.latitude, b.longitude) and haversine_km(
        a.latitude or 0.0, a.longitude or 0.0, b.latitude or 0.0, b.longitude or 0.0) <= SAME_PLACE_KM


def extract_facts(claims: Iterable[Claim], mentions: Iterable[Mention], cues: TerritoryCues, *,
                  sources: Mapping[str, SourceInfo] | None = None, find_actors: ActorFinder | None = None,
                  source_of: SourceLookup | None = None) -> list[TerritorialFact]:
    """Every territorial fact of ``claims``, in a deterministic order whatever their order.

    ``mentions``: the place mentions of the claims' documents; ``sources``: outlet, side and
    publication day per document id; ``find_actors``: actor names in a sentence (default:
    the claims' own actors); ``source_of``: canonical name and side of a named source
    ("Al-Masdar reports"), so that it counts as that outlet."""
    reader = FactReader(cues)
    by_doc: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.kind == "place":
            by_doc.setdefault(mention.doc_id, []).append(mention)
    near = {doc: _MentionWindow(found) for doc, found in by_doc.items()}
    sources = sources or {}
    facts: list[TerritorialFact] = []
    for claim in {c.id: c for c in claims}.values():
        window = near.get(claim.doc_id)
        facts += facts_of_claim(reader, claim, window.around(claim) if window else (), find_actors,
                                sources.get(claim.doc_id), source_of)
    facts = link_denials(_strongest(_evacuations_to_besiegers(facts)),
                         {doc: info.published for doc, info in sources.items()})
    return sorted(facts, key=lambda f: (f.place_id, f.start or "9999", f.id))
