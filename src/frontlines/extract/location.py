"""The event location: which place mention of the sentence is where the event happened.

Candidates are the resolved place mentions inside the claim's sentence (:func:`locates`: never a
dateline, a state named as an actor or an unknown name).  Each is scored by its
distance in the dependency tree from the trigger, with a penalty for places inside a
purpose clause ("advancing south of X *to enlarge the Y road*"), inside an actor's words,
or after "from"/"towards" (origins and directions), and a bonus for the object of a
capture ("retook the town of X").  "near X", "south of X", "outskirts of X" give geo
precision 2.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..geo import is_reference_gap
from ..records import Mention
from ..taxonomy import MentionRole

NEAR_WORDS = frozenset(
    {
        "near",
        "outside",
        "around",
        "outskirts",
        "nearby",
        "close",
        "south",
        "north",
        "east",
        "west",
        "southeast",
        "southwest",
        "northeast",
        "northwest",
        "edge",
        "vicinity",
        "surroundings",
        "countryside",
        "km",
        "kilometers",
        "kilometres",
        "miles",
        "direction",
        "approaches",
        "environs",
        "distance",
    }
)
#: verbs of a purpose clause whose object is where an operation named by a noun takes place
#: ("launched an offensive to liberate X", "a campaign to capture X")
TAKE_WORDS = frozenset({"liberate", "capture", "seize", "retake", "recapture", "storm", "free", "take"})
DIRECTION_PREPS = frozenset({"towards", "toward", "from", "to", "into"})
MOVE_WORDS = frozenset(
    {
        "withdraw",
        "retreat",
        "move",
        "fly",
        "redeploy",
        "relocate",
        "pull",
        "evacuate",
        "airlift",
        "send",
        "deploy",
        "transfer",
    }
)


@dataclass(frozen=True, slots=True)
class Located:
    mention: Mention | None
    geo_precision: int | None
    note: str | None = None
    #: places of the sentence where a teller sits ("the ministry in Moscow said"): never a fallback
    tellers: tuple[Mention, ...] = ()


def locates(mention: Mention) -> bool:
    """Can this place mention be an event's location?  Only a resolved place (a gazetteer entry
    with a point) named as a place: not a dateline, not a state named as an actor, never a
    name the gazetteer does not know."""
    return mention.place is not None and MentionRole(mention.role).locates


def _root_token(doc: Any, start: int, end: int) -> Any:
    """The token of [start, end) (doc-relative offsets) whose head lies outside the span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _path(a: Any, b: Any) -> list[Any] | None:
    """Tokens from a up to the lowest common ancestor and down to b."""
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return None
    return up_a[: up_a.index(common) + 1] + list(reversed(up_b[: up_b.index(common)]))


def _anchor(trigger: Any) -> Any:
    """The phrase a trigger's own places hang from: the noun a participle modifies, or the
    light verb of a noun trigger ("launched an *offensive* in X")."""
    if trigger.dep_ in {"amod", "compound", "acl"} and trigger.head.pos_ in {
        "NOUN",
        "PROPN",
        "ADV",
    }:
        return trigger.head
    if trigger.dep_ in {"dobj", "attr", "nsubjpass"} and trigger.head.pos_ in {"VERB", "AUX"}:
        return trigger.head
    return trigger


def _upward_steps(trigger: Any, token: Any) -> int:
    """How far the path climbs above the trigger's phrase (places outside it are less likely)."""
    anchor = _anchor(trigger)
    up = [anchor] + list(anchor.ancestors)
    above = next((i for i, t in enumerate(up) if t == token or t in token.ancestors), len(up))
    return above


def _score(trigger: Any, token: Any) -> tuple[float, bool]:
    path = _path(trigger, token)
    if path is None:
        return 99.0, False
    score = float(len(path)) + 1.5 * _upward_steps(trigger, token)
    words = {t.lower_ for t in path} | {
        t.lower_ for t in token.head.children if t.dep_ in {"amod", "advmod", "npadvmod"}
    }
    near = bool(words & NEAR_WORDS) or any(c.lower_ in NEAR_WORDS for c in token.head.lefts)
    for node in path[1:]:
        if (
            node.dep_ in {"xcomp", "advcl", "acl", "relcl"}
            and node != trigger
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)
            and not (node.lemma_.lower() in TAKE_WORDS and trigger.pos_ == "NOUN")
        ):
            score += 6  # "an offensive to liberate X": X is the offensive's target, not a purpose far off
        if node.dep_ == "relcl":
            score += 3
    prep = token.head if token.dep_ == "pobj" else None
    if (
        prep is not None
        and prep.lower_ in DIRECTION_PREPS
        and trigger.lemma_.lower() not in MOVE_WORDS
    ):
        score += 2
    if token.dep_ in {"dobj", "nsubjpass"} and token.head == trigger:
        score -= 1
    return score, near


def _in_person_name(doc: Any, token: Any, start: int, end: int) -> bool:
    """A place reading of part of a longer personal name ("General Qassem Soleimani"); a place
    name the tagger reads as a whole person's name ("the city of Tall Hamis") is not one: the
    name ``[start, end)`` (doc offsets) covers the entity."""
    if token.ent_type_ != "PERSON":
        return False
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if ent is None or len(ent) < 2 or any(t.ent_type_ == "GPE" for t in ent):
        return False
    return not (start <= ent.start_char and ent.end_char <= end)


#: added to the score of a place that only serves to say where the sentence's previous place lies
REFERENCE_PENALTY = 4.0


#: the words between a place and the region that holds it: "Kafr Tala, in southern Hama province"
_CONTAINER_GAP = re.compile(
    r"^(?:[ \t]+(?:town|village|city|area))?[ \t]*,[ \t]*in[ \t]+(?:the[ \t]+)?"
    r"(?:(?:north|south)?[ \t-]?(?:east|west)?(?:ern)?[ \t]+)?$", re.IGNORECASE)
#: the words between a place and another it is stated a distance from, with no comma:
#: "X located some 15 kilometers off the Y highway", "X, about 20 km from Y"
_DISTANCE_GAP = re.compile(
    r"^[ \t]*,?[ \t]*(?:(?:which[ \t]+is|that[ \t]+is|is)[ \t]+)?(?:(?:located|lying|situated)[ \t]+)?"
    r"(?:(?:about|some|around|nearly|roughly|only|just|approximately)[ \t]+)?[\w.-]+[ \t]*"
    r"(?:km|kilomet(?:er|re)s?|miles)[ \t]+(?:off|from|away[ \t]+from|outside)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE)
#: the words between a place and a part of it named next: "the Damascus suburb of Adra", "the
#: Idlib town of Saraqeb", "the Aleppo neighbourhood of Bustan al-Qasr": the first only says where
#: the second lies
_OWNER_GAP = re.compile(
    r"^[ \t]+(?:(?:northern|southern|eastern|western|central|nearby|rural|rebel-held|government-held)[ \t]+)?"
    r"(?:suburb|district|neighbou?rhood|quarter|town|village|city|area|countryside[ \t]+town)[ \t]+of[ \t]+$",
    re.IGNORECASE)
_OF_GAP = re.compile(r"^[ \t]+of[ \t]+$")
_PART_WORD_END = re.compile(r"\b(?:suburb|district|neighbou?rhood|quarter|town|village|countryside)$", re.IGNORECASE)
#: gazetteer features of a region that holds towns
REGION_FEATURES = frozenset({"admin1", "admin2", "admin3"})


def _container(prev: Mention, region: Mention, gap: str) -> bool:
    """``region`` is named only to say where ``prev`` lies ("X, in southern Z province")."""
    inner, outer = prev.place, region.place
    return (inner is not None and outer is not None and outer.feature in REGION_FEATURES
            and inner.admin1 == outer.admin1 and bool(_CONTAINER_GAP.match(gap)))


def _references(text: str, mentions: Sequence[Mention], offset: int) -> set[int]:
    """The ids of the mentions (in text order) that a previous place of the sentence is stated
    relative to ("X, southeast of Y", "X town, 65 km north of Y") or placed in ("X, in southern
    Z province"), and a place whose part is named next ("the Y suburb of X"): reference points,
    not where the event happened.  ``offset`` maps ``text``
    offsets to the mentions' offsets."""
    found = set()
    for prev, m in zip(mentions, mentions[1:], strict=False):
        gap = text[prev.end - offset:m.start - offset] if prev.end <= m.start else None
        if gap is not None and (is_reference_gap(gap) or _container(prev, m, gap) or _DISTANCE_GAP.match(gap)):
            found.add(id(m))
        elif gap is not None and m.place is not None and (
                _OWNER_GAP.match(gap) or (_OF_GAP.match(gap) and _PART_WORD_END.search(prev.text))):
            found.add(id(prev))  # "the Damascus suburb of Adra" (the mention may hold "suburb")
    return found


#: added to the score of a place inside the subject of a verb of saying: where the teller sits
#: ("the defence ministry in Moscow said"), the event's place only when the sentence has no other
SPEAKER_PENALTY = 6.0


def _in_speaker(trigger: Any, token: Any, saying: Callable[[str], bool]) -> bool:
    """``token`` lies in the subject of a verb of saying that the trigger is not part of."""
    for node in (token, *token.ancestors):
        if node.dep_ in {"nsubj", "nsubjpass"} and saying(node.head.lemma_.lower()):
            return trigger not in node.subtree and trigger != node.head
    return False


def choose(
    doc: Any,
    trigger: Any,
    sentence: Any,
    mentions: Sequence[Mention],
    offset: int,
    actor_spans: Sequence[tuple[int, int]] = (),
    saying: Callable[[str], bool] = lambda lemma: False,
) -> Located:
    """The best place mention of *sentence* for *trigger*; *offset* maps doc to article chars;
    ``saying``: is a verb's lemma a verb of saying (the knowledge base's reporting verbs)."""
    lo, hi = sentence.start_char + offset, sentence.end_char + offset
    best: tuple[float, Mention, bool] | None = None
    inside = sorted((m for m in mentions if lo <= m.start and m.end <= hi and locates(m)),
                    key=lambda m: (m.start, m.end))
    references = _references(doc.text, inside, offset)
    tellers: list[Mention] = []
    for mention in inside:
        token = _root_token(doc, mention.start - offset, mention.end - offset)
        if (
            token is None
            or any(s <= token.idx < e for s, e in actor_spans)
            or _in_person_name(doc, token, mention.start - offset, mention.end - offset)
        ):
            continue  # "Abu Yousef, a commander of ISIS": a person; "Damascus agreed": a government
        score, near = _score(trigger, token)
        if mention.geo_precision and mention.geo_precision >= 3:
            score += 1.5
        if mention.place is not None and mention.place.feature == "country":
            score += 4  # "in Syria": any more precise place of the sentence is better
        if id(mention) in references:
            score += REFERENCE_PENALTY  # "Saraqeb, southeast of Idlib": Idlib only says where Saraqeb is
        if _in_speaker(trigger, token, saying):
            score += SPEAKER_PENALTY
            tellers.append(mention)
        if best is None or score < best[0]:
            best = (score, mention, near)
    if best is None:
        return Located(None, None, tellers=tuple(tellers))
    _, mention, near = best
    precision = mention.geo_precision or 1
    return Located(mention, max(precision, 2) if near else precision, tellers=tuple(tellers))
