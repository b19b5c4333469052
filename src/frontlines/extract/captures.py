"""Captures at claim level: what was taken, and from whom.

- every place of a coordinated list is taken ("recaptured the villages of A, B, C and D"): one
  claim per place, as ACLED codes one event per location;
- the holder named with "held by X", "controlled by X", "a stronghold of X", "X-held" is the
  loser (actor2), never the captor;
- "part of X", "parts of X", "a district of X", "X's eastern neighbourhoods" is a partial
  capture: the claim says so (``Claim.partial``) and its place is the part when it is named.

Raids, shelling and clashes are not captures: the trigger lexicon gives them their own types.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..records import Claim, Mention
from ..taxonomy import TERRITORIAL

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


def spread(claim: Claim, location_token: Any, places: Sequence[Mention], offset: int) -> list[Claim]:
    """A territorial claim that happened, once per place of the coordinated list its location
    heads; the first keeps its id, the others get ``@<start>`` of their place."""
    if (claim.sub_event_type not in TERRITORIAL or not claim.factual or location_token is None
            or claim.location is None):
        return [claim]  # a forecast or a recap of several places stays one claim
    out = [claim]
    seen = {claim.location.start}
    for token in location_token.conjuncts:
        mention = _mention_at(places, offset + token.idx)
        if mention is None or mention.start in seen or not _same_kind(location_token, token):
            continue
        seen.add(mention.start)
        out.append(dataclasses.replace(
            claim, id=f"{claim.id}@{mention.start}", location=dataclasses.replace(mention, role="event location"),
            geo_precision=mention.geo_precision or claim.geo_precision,
            notes=f"{claim.notes}; one of the places of a coordinated list"))  # fmt: skip
    return out


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
