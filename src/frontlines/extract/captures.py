"""Captures at claim level: what was taken, and from whom.

- every place of a coordinated list is taken ("recaptured the villages of A, B, C and D"), or
  fought over, shelled or struck ("clashes in A and B"): one claim per place, as ACLED codes
  one event per location (see :func:`spread`);
- the holder named with "held by X", "controlled by X", "a stronghold of X", "X-held" is the
  loser (actor2), never the captor;
- "part of X", "parts of X", "a district of X", "X's eastern neighbourhoods" is a partial
  capture: the claim says so (``Claim.partial``) and its place is the part when it is named.

Raids, shelling and clashes are not captures: the trigger lexicon gives them their own types.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ..records import Claim, Mention
from ..taxonomy import TERRITORIAL, VIOLENT, word_value

#: nouns that name a part of a place ("part of Aleppo", "a district of Hasakah")
PART_WORDS = frozenset({
    "part", "parts", "district", "districts", "neighbourhood", "neighbourhoods", "neighborhood",
    "neighborhoods", "quarter", "quarters", "section", "sections", "area", "areas", "outskirts",
    "suburb", "suburbs", "half", "some", "most", "much", "edge", "edges", "sector", "sectors",
    "portion", "portions", "building", "buildings", "post", "posts", "position", "positions",
})  # fmt: skip
#: verbs and nouns by which a place is said to belong to a side ("held by", "a stronghold of")
HOLD_VERBS = frozenset({"hold", "control", "occupy", "run", "seize", "dominate"})
HOLD_NOUNS = frozenset({"stronghold", "bastion", "bastions", "strongholds", "fiefdom", "capital",
                        "heartland", "hub"})


def spread(
    claim: Claim, location_token: Any, places: Sequence[Mention], offset: int,
    trigger: Any = None, sets: Mapping[str, frozenset[str]] | None = None, text: str = "",
) -> list[Claim]:  # fmt: skip
    """A claim that happened, once per place of the coordinated list its location heads: ACLED
    codes one event per location.  The first keeps its id and its toll (the text does not split
    it between the places); the others get ``@<start>`` of their place.

    - territorial claims ("recaptured the villages of A, B, C and D") spread over every place;
    - violent claims ("clashes in A and B", "air strikes hit A, B and C") spread only when the
      list is the event's own place (the object of ``trigger`` or of one of its prepositions in
      ``sets["spread_prepositions"]``, not "between A and B" or "from A to B") and every place
      of it is a resolved town, village or neighbourhood (``sets["spread_features"]``) that
      the document (``text``) never calls a district or a region ("Mabeta district"); the
      copies carry no toll, so a copy never reads as the lead casualty event.
    """
    territorial = claim.sub_event_type in TERRITORIAL
    if (not claim.factual or location_token is None or claim.location is None
            or not (territorial or _violent_list(claim, location_token, trigger, sets or {}))):
        return [claim]  # a forecast or a recap of several places stays one claim
    features = (sets or {}).get("spread_features", frozenset())
    admin = _admin_named(text, (sets or {}).get("spread_admin_nouns", frozenset()))
    if not territorial and admin(claim.location.text):
        return [claim]
    out = [claim]
    seen = {claim.location.start}
    nouns = (sets or {}).get("spread_place_nouns", frozenset()) if territorial else frozenset()
    for token in _members(location_token, nouns):
        mention = _mention_at(places, offset + token.idx)
        if mention is None or mention.start in seen or not _same_kind(location_token, token):
            continue
        if not territorial and (mention.place is None or mention.place.feature not in features
                                or admin(mention.text)):
            return [claim]  # a list that mixes a province or an unknown name is no list of towns
        seen.add(mention.start)
        out.append(dataclasses.replace(
            claim, id=f"{claim.id}@{mention.start}", location=dataclasses.replace(mention, role="event location"),
            geo_precision=mention.geo_precision or claim.geo_precision,
            fatalities=claim.fatalities if territorial else None,
            notes=f"{claim.notes}; one of the places of a coordinated list"))  # fmt: skip
    return out


#: prepositions that give each count of a gapped list its place ("25 in Douma and four in Jobar")
GAP_PREPOSITIONS = frozenset({"in", "at", "near"})


def gapped(claim: Claim, location_token: Any, places: Sequence[Mention], offset: int,
           trigger: Any) -> list[Claim]:  # fmt: skip
    """A violent claim whose victims are counted place by place ("killed 25 rebels in Douma and
    four in Jobar, and six in Deir Attieh"): one claim per place, each with its own count
    (ACLED codes one event per location).  The claim keeps its place and toll; the others get
    ``@<start>`` of their place.  Only where the claim's place hangs on the trigger's victims (its
    object or passive subject) and every other count names a resolved place of its own."""
    if (not claim.factual or claim.event_type not in VIOLENT or claim.location is None
            or location_token is None or trigger is None):
        return [claim]
    prep = location_token.head
    victims = prep.head
    if location_token.dep_ != "pobj" or prep.lower_ not in GAP_PREPOSITIONS:
        return [claim]
    if victims.i == trigger.i:  # "killed 12 militants in A and five in B": the count hung on the verb
        counted = [c for c in trigger.conjuncts if c.pos_ in {"NUM", "NOUN"} and _count(c) is not None]
    elif victims.dep_ in {"dobj", "nsubjpass"} and victims.head.i == trigger.i:
        counted = _counted(victims)
    else:
        return [claim]
    out, seen = [claim], {claim.location.start}
    for other in counted:
        count = _count(other)
        where = [o for p in other.children if p.dep_ == "prep" and p.lower_ in GAP_PREPOSITIONS
                 for o in p.children if o.dep_ == "pobj"]
        mention = next((m for o in where for t in o.subtree
                        if (m := _mention_at(places, offset + t.idx)) is not None), None)
        if count is None or mention is None or mention.place is None:
            return [claim]  # a count without a place of its own is no list of tolls
        if mention.start in seen:
            continue
        seen.add(mention.start)
        out.append(dataclasses.replace(
            claim, id=f"{claim.id}@{mention.start}", location=dataclasses.replace(mention, role="event location"),
            geo_precision=mention.geo_precision or claim.geo_precision, fatalities=count,
            notes=f"{claim.notes}; one of the places of a toll counted place by place"))  # fmt: skip
    return out


def _counted(victims: Any) -> list[Any]:
    """The other counts coordinated with the victims ("25 rebels in A and *four* in B, both
    suburbs, and six *rebels* in C"), through an apposition the parser hangs between them."""
    out: list[Any] = []
    for node in [victims, *(c for c in victims.children if c.dep_ == "appos")]:
        out += [c for c in node.conjuncts if c.i != victims.i and c not in out]
    return out


def _count(token: Any) -> int | None:
    """The figure of a count: the number itself ("four") or the number of its noun ("six rebels")."""
    if token.like_num:
        return word_value(token.text)
    return next((word_value(c.text) for c in token.children if c.dep_ == "nummod" and c.like_num), None)


def _admin_named(text: str, nouns: frozenset[str]) -> Callable[[str], bool]:
    """Whether the document calls a name a district, a region or a province ("Mabeta
    district", "the Shera region"): then the name is no town, whatever the gazetteer says."""
    if not text or not nouns:
        return lambda name: False
    words = "|".join(sorted(re.escape(n) for n in nouns))
    unit_after = re.compile(rf"\s+(?:{words})s?\b", re.IGNORECASE)  # compiled once per document

    def test(name: str) -> bool:
        return any(unit_after.match(text, m.end())
                   for m in re.finditer(rf"(?<!\w){re.escape(name)}", text, re.IGNORECASE))

    return test


#: dependencies inside the name of one member of a list ("Kafr Batna"), along which the parser
#: may hang the member before it ("A, B and Kafr C": B as a modifier of C)
NAME_DEPS = frozenset({"compound", "nmod", "conj", "cc", "punct", "flat", "amod", "det", "nummod"})


def _members(location_token: Any, place_nouns: frozenset[str] = frozenset()) -> Iterator[Any]:
    """The other members of the list the location heads: its conjuncts and the names the
    parser hung inside them, and the names a conjoined place noun (one of ``place_nouns``)
    governs ("took A hill and the two villages of B and C")."""
    for conjunct in location_token.conjuncts:
        stack = [conjunct]
        while stack:
            node = stack.pop()
            if node.i != location_token.i:
                yield node
            stack.extend(c for c in node.children if c.dep_ in NAME_DEPS and c.i != location_token.i)
            if (node.pos_ == "NOUN" and node.lemma_.lower() in place_nouns
                    and any(c.dep_ == "nummod" for c in node.children)):
                stack.extend(o for p in node.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj")


def is_spread_copy(claim_id: str) -> bool:
    """The claim is a copy made by :func:`spread` for another place of a list (``…@<start>``)."""
    return "@" in claim_id.rsplit(":", 1)[-1]


def _violent_list(claim: Claim, location_token: Any, trigger: Any, sets: Mapping[str, frozenset[str]]) -> bool:
    """The location of a violent claim heads a list of towns that is the event's own object."""
    if claim.event_type not in VIOLENT or trigger is None or claim.location is None:
        return False
    place = claim.location.place
    if place is None or place.feature not in sets.get("spread_features", frozenset()):
        return False
    light = trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in sets.get("spread_light_verbs", frozenset())
    if trigger.dep_ == "dobj" and not light:
        return False  # "defusing bombs in A and B": the object of another verb, no event told there
    return _own_object(location_token, trigger, sets, light)


def _own_object(token: Any, trigger: Any, sets: Mapping[str, frozenset[str]], light: bool = False) -> bool:
    """``token`` is the trigger's object ("hit A"), or the object of one of ``prepositions``
    attached to the trigger or to the verb whose subject the trigger is ("clashes erupted in
    A", "shelling on A"), or to the light verb whose object it is ("carried out raids on A");
    through "the towns of A", "A and B villages" and an apposition ("two towns, A and B")."""
    anchors = {trigger.i}
    if trigger.dep_ in {"nsubj", "nsubjpass"} or light:
        # the event is the subject: "clashes erupted in A", "air strikes hit A"; not the object
        # of another verb ("defusing bombs in A" tells of no bombing in A)
        anchors.add(trigger.head.i)
    prepositions = sets.get("spread_prepositions", frozenset())
    admin = sets.get("spread_admin_nouns", frozenset())
    node = token
    for _ in range(4):
        if node.dep_ == "appos":
            node = node.head
            continue
        of = node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN"
        if of or (node.dep_ in {"nmod", "compound"} and node.head.pos_ == "NOUN"):
            node = node.head.head if of else node.head  # "the towns of A", "in A and B villages"
            if node.lemma_.lower() in admin:
                return False  # "in Hama and Idlib provinces": the list names provinces
            continue
        if node.dep_ in {"dobj", "nsubjpass"}:
            return node.head.i in anchors
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            return node.head.lower_ in prepositions and _within(node.head.head, anchors)
        return False
    return False


def _within(head: Any, anchors: set[int]) -> bool:
    """``head`` is an anchor, or a noun of its phrase ("clashes with the rebels in A": the
    parser hangs "in A" on "rebels"), reached through nouns, conjunctions and prepositions."""
    node = head
    for _ in range(6):
        if node.i in anchors:
            return True
        if node.pos_ not in {"NOUN", "PROPN", "ADP", "CCONJ", "PRON"} or node.head == node:
            return False
        node = node.head
    return False


def _same_kind(first: Any, other: Any) -> bool:
    """A conjunct is another place of the list, not another clause ("took A and shelled B")."""
    return other.pos_ in {"PROPN", "NOUN"} and first.pos_ in {"PROPN", "NOUN"}


def _mention_at(places: Sequence[Mention], position: int) -> Mention | None:
    return next((m for m in places if m.start <= position < m.end), None)


def token_at(doc: Any, offset: int, mention: Mention | None) -> Any:
    """The head token of a place mention in the parsed paragraph (None when outside it)."""
    if mention is None:
        return None
    span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def partial(location_token: Any) -> bool:
    """The place is governed by a part noun: "part of X", "a district of X", "X's outskirts"."""
    if location_token is None:
        return False
    node = location_token
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in PART_WORDS:
            return True
        if node.dep_ == "poss" and node.head.lower_ in PART_WORDS:
            return True
        if node.dep_ not in {"compound", "pobj", "prep", "appos"} or node.head == node:
            return False
        node = node.head
    return False


def holders(location_token: Any, is_actor: Callable[[Any], bool]) -> Iterator[Any]:
    """Actor tokens named as the place's holder: "X held by IS", "IS-held X", "X, a stronghold of
    IS", "X controlled by the regime"."""
    if location_token is None:
        return
    heads = [location_token]
    if location_token.dep_ == "pobj" and location_token.head.lower_ == "of":  # "the town of X held by"
        heads.append(location_token.head.head)
    for head in heads:
        for child in head.subtree:
            if child.lemma_.lower() in HOLD_VERBS and child.dep_ in {"acl", "amod", "relcl"}:
                yield from (o for p in child.children if p.dep_ == "agent" or p.lower_ == "by"
                            for o in p.children if o.dep_ == "pobj" and is_actor(o))
            if child.lower_ in HOLD_NOUNS:
                yield from (o for p in child.children if p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj" and is_actor(o))
                yield from (m for m in child.children if m.dep_ in {"compound", "amod", "poss"} and is_actor(m))
            if child.lower_ == "held" and child.i > 0 and child.doc[child.i - 1].text in {"-", "‐"}:
                before = child.doc[child.i - 2] if child.i > 1 else None
                if before is not None and is_actor(before):
                    yield before
