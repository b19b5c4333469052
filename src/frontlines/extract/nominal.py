"""Standing of noun triggers ("the capture of X", "clashes", "an ISIS attack").

A deverbal noun presupposes its event; it is coded as having happened only when the text
anchors it in time.  Otherwise ("The liberation of X has a twofold significance", written
before X fell) it is coded expected.  A definite noun with nothing of its own ("during the
clashes") refers back to an event already coded and makes no new claim.
"""

from __future__ import annotations

from typing import Any

from ..records import Status
from .roles import _DATE_WORDS, clause_verb
from .status import Cues, Standing, standing

ANCHOR_ADJECTIVES = frozenset(
    {
        "recent",
        "latest",
        "last",
        "successful",
        "ongoing",
        "continuing",
        "current",
        "fresh",
        "new",
        "renewed",
        "heavy",
        "fierce",
        "violent",
        "deadly",
        "bloody",
        "major",
        "intense",
        "sporadic",
        "yesterday",
        "overnight",
        "spectacular",
        "failed",
        "unsuccessful",
        "early",
        "previous",
        "ensuing",
        "subsequent",
    }
)
ANCHOR_PREPS = frozenset(
    {"after", "following", "during", "amid", "amidst", "since", "despite", "in"}
)
PRESENT_WORDS = frozenset({"now", "currently", "at present", "today"})
DEFINITE = frozenset({"the", "this", "these", "that", "those"})


def _anchored(token: Any) -> bool:
    if _dated_words(list(token.subtree)):
        return True
    if any(t.lower_ in ANCHOR_ADJECTIVES for t in token.subtree if t.i != token.i):
        return True  # "the recent capture", "two attacks in recent weeks"
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ANCHOR_PREPS:
        return True
    verb = next((t for t in token.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    if verb.tag_ == "VBD" or _dated_adjunct(verb) or counted_victims(verb):
        return True
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # "has been shaken by attacks", "was shaken by attacks": a past or perfect clause
    return verb.tag_ == "VBN" and any(c.lemma_ == "have" or c.tag_ == "VBD" for c in auxes)


def counted_victims(verb: Any) -> bool:
    """A kill verb with a counted object ("airstrikes kill 23 civilians"): a specific event
    even in the present tense of a headline."""
    if verb.lemma_.lower() not in {"kill", "wound", "injure", "leave", "claim"}:
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(o.like_num or any(c.like_num for c in o.children) for o in objects)


def _dated_adjunct(verb: Any) -> bool:
    """A past time adjunct of the governing clause: "... in recent weeks", "... on Monday"
    ("now" is no anchor: "X's liberation is now within sight")."""
    for child in verb.children:
        if child.dep_ in {"prep", "npadvmod", "advmod"}:
            words = list(child.subtree)
            if _dated_words(words) or any(t.lower_ in ANCHOR_ADJECTIVES for t in words):
                return True
    return False


def _dated_words(words: list[Any]) -> bool:
    found = _DATE_WORDS.findall("".join(t.text_with_ws for t in words))
    return any(f.lower() not in PRESENT_WORDS for f in found)


def anaphoric(token: Any) -> bool:
    if token.dep_ == "pobj" and token.head.lower_ in {"during", "throughout", "amid", "amidst"}:
        return True  # "casualties during the operation": a frame, the event is coded elsewhere
    dets = [c for c in token.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in DEFINITE:
        return False
    own = [c for c in token.children if c.dep_ not in {"det", "punct", "amod"}]
    return not own and token.dep_ == "pobj"


#: subordinators of a clause that frames another statement ("as fighting continues, ...")
FRAME_MARKS = frozenset({"as", "while", "whilst", "since", "because"})


def ongoing(token: Any, cues: Cues) -> bool:
    """The noun is the subject of a verb saying it is going on ("clashes continue in X",
    "fighting rages around X"): a current event, anchored in the present."""
    head = token.head
    if token.dep_ != "nsubj" or head.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "mark" and c.lower_ in FRAME_MARKS for c in head.children):
        return False  # "as the battle continues, ...": the frame of another statement
    particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), None)
    verb = f"{head.lemma_.lower()} {particle}" if particle else head.lemma_.lower()
    return cues.has("ongoing_verbs", verb) or cues.has("ongoing_verbs", head.lemma_.lower())


def _describes_subject(noun: Any) -> bool:
    """ "It was the bloodiest assault in three years", "the attack was the deadliest of the war":
    an event noun that a copula says its subject is, with the definite article or a superlative,
    describes an event already told."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
        c.tag_ == "JJS" for c in noun.children)


def _own_day(noun: Any) -> bool:
    """A day names the event noun itself, before it: "an August 21 attack", "Tuesday's attack"."""
    return any(c.ent_type_ == "DATE" and c.dep_ in {"nmod", "compound", "poss", "npadvmod"} and c.i < noun.i
               and not c.like_num for c in noun.children)


def _prenominal_forecast(noun: Any, cues: Cues) -> bool:
    """ "a planned August 21 attack", "the expected offensive": the noun itself is a forecast."""
    return any(c.dep_ == "amod" and (cues.has("expectation_words", c.lemma_.lower())
                                     or cues.has("expectation_words", c.lower_)) for c in noun.children)


def nominal_standing(token: Any, cues: Cues, days: frozenset[str] = frozenset()) -> Standing:
    """The standing of a noun trigger (None status: a back-reference, not a claim); ``days``: see
    :func:`.status.standing`."""
    if anaphoric(token):
        return Standing(None, None, "anaphoric: refers to an event already named")
    if _describes_subject(token):
        return Standing(None, None, "describes: the attribute of a copula ('it was the bloodiest assault')")
    found = standing(token, cues, days=days)
    governed = found.status in {Status.EXPECTED, Status.HYPOTHETICAL} or (
        found.status is None and (found.cue or "").startswith("negated"))  # "would not comment on X"
    if governed and _own_day(token) and not _prenominal_forecast(token, cues):
        # "the resolution would condemn an August 21 attack": the modal governs what is said of
        # an attack its own day dates, not whether it happened
        return Standing(Status.ASSERTED, None, f"dated by its own day despite '{found.cue}'")
    if found.status != Status.ASSERTED and found.status is not None:
        return found
    if found.status is None or clause_verb(token) is not None or _anchored(token) or ongoing(token, cues):
        return found
    return Standing(
        Status.EXPECTED, None, "nominal trigger without a temporal anchor (presupposed)"
    )
