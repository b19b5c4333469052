"""Roles of a trigger from the dependency parse: actor1, actor2, weapons, date words.

spaCy tokens are passed in; offsets are made absolute by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..resolve.actors import ActorDictionary
from .actorscope import dateline
from .status import phrase

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
QUANTITY_NOUNS = frozenset(
    {"series", "number", "wave", "string", "spate", "couple", "set", "round", "lot", "kind"}
)
LIGHT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "pobj"})
OBJECT_PREPS = frozenset(
    {"from", "against", "on", "to", "with", "toward", "towards", "at", "into", "upon"}
)
AGAINST_PREPS = frozenset({"against", "on", "upon", "targeting", "from"})
_DATE_WORDS = re.compile(
    r"\b(?:(?:last|this|past|previous|next)\s+(?:night|weekend|week|month|year|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|morning|evening|spring|summer|autumn|fall|winter)|(?:earlier|later)\s+(?:today|"
    r"this\s+week|this\s+month)|yesterday|today|tonight|on\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|(?:(?:on|in|since|by)\s+)?(?:(?:early|mid|late)[- ])?"
    r"(?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r"(?:,?\s+\d{4})?|(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december)(?:,?\s+\d{4})?|(?:at\s+the\s+)?(?:end|"
    r"beginning|start)\s+of\s+\d{4}|in\s+\d{4}|\d{4}-\d{2}-\d{2}|currently|now|at\s+present|"
    r"(?:(?:on|since|by)\s+)?(?:jan|feb|aug|sept?|oct|nov|dec)\.\s+\d{1,2}\b(?:,?\s+\d{4})?|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Arg:
    """An actor argument: its words and the character span in the parsed text."""

    text: str
    start: int
    end: int


def _arg(token: Any, dictionary: ActorDictionary | None = None) -> Arg:
    text = phrase(token)
    start = token.doc[token.i].idx
    if token.dep_ == "nsubj" and token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head
        text = phrase(token)
    left = min([token.i] + [t.left_edge.i for t in token.lefts if t.dep_ != "punct"])
    start = token.doc[left].idx
    return Arg(text, start, start + len(text))


def _children(token: Any, *deps: str) -> list[Any]:
    return [c for c in token.children if c.dep_ in deps]


def _pobj(token: Any, *preps: str) -> list[Any]:
    out = []
    for prep in token.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in preps:
            out.extend(_children(prep, "pobj"))
    return out


def is_passive(token: Any) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass", "agent"} for c in token.children) or (
        token.tag_ == "VBN" and token.dep_ in {"acl", "amod"}
    )


def clause_verb(token: Any) -> Any:
    """The verb that carries a noun trigger ("launched an *operation*")."""
    node = token
    while node.dep_ in {"pobj", "prep"} and node.head.lower_ in {"of"} | QUANTITY_NOUNS:
        node = node.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.lemma_ in QUANTITY_NOUNS:
        node = node.head.head
    if node.dep_ in LIGHT_DEPS and node.head.pos_ in {"VERB", "AUX"}:
        return node.head
    return None


def subject(verb: Any) -> Any:
    """The agent of a verb: nsubj, "by X" for passives, else the governing verb's subject."""
    node = verb
    for _ in range(6):
        if is_passive(node):
            agents = _pobj(node, "by")
            if agents:
                return agents[0]
            if node.dep_ not in {"conj", "xcomp"}:
                return None
        else:
            subjects = _children(node, "nsubj")
            if subjects:  # a dateline read as a second subject ("KURDWATCH, May 3—fighters advanced")
                return next((t for t in subjects if not dateline(t)), subjects[0])
        if node.dep_ == "amod" and node.tag_ == "VBG":
            node = node.head.head if node.head.head != node.head else node.head
            continue
        if (
            node.dep_ not in {"xcomp", "advcl", "conj", "pcomp", "acl", "acomp"}
            or node.head == node
        ):
            return None
        if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"}:
            return node.head if node.tag_ == "VBG" else None
        if node.dep_ == "advcl" and node.head.lemma_.lower() in SAYING:
            # "X took the town, the ministry said, raising the flag": X raised it, not the speaker
            speech = node.head
            told = _children(speech, "ccomp") or ([speech.head] if speech.dep_ == "parataxis" else [])
            return subject(told[0]) if told else None
        node = node.head
        if node.pos_ == "ADP":
            node = node.head
    return None


#: verbs of saying: their subject is a source, not the actor of what they report
SAYING = frozenset({"say", "announce", "tell", "report", "confirm", "state", "declare", "add"})
#: "raised the regime flag": an emblem names the one who raises it, never the other side
EMBLEMS = frozenset({"flag", "banner", "standard"})
#: "fell into the *hands* of Y", "came under the *control* of Y": Y holds the place after it
HOLDING_NOUNS = frozenset({"hand", "hands", "control"})


def _owner(target: Any, is_actor: Any, held: frozenset[str]) -> Any:
    """The side a strongpoint belongs to: "army checkpoints", "the rebels' positions", "the
    positions of the militants" (``held``: the nouns of such strongpoints)."""
    if target.lemma_.lower() not in held:
        return None
    owners = [c for c in target.children if c.dep_ in {"compound", "poss", "nmod"}] + _pobj(target, "of")
    return next((o for o in owners if is_actor(o)), None)


def verb_roles(trigger: Any, mode: str, is_actor: Any, held: frozenset[str] = frozenset()) -> tuple[Any, Any]:
    """(actor1 token, actor2 token) of a verbal trigger; *is_actor* tells actors from things;
    ``held``: nouns of strongpoints whose owner is the side attacked ("attacked army checkpoints")."""
    agent = subject(trigger)
    objects = _children(trigger, "dobj")
    attached = [p for o in objects for p in _pobj(o, "from", "against")] + [
        p
        for o in objects
        for q in _children(o, "prep")
        for r in _children(q, "pobj")
        for p in _pobj(r, "from")
    ]
    # "X clashed with Y": with a verb two sides do together, the "with" object is the other side
    together = _pobj(trigger, "with") if mode == "reciprocal" else []
    aimed = objects + _pobj(trigger, *AGAINST_PREPS) + together + attached
    targets = [t for t in aimed if is_actor(t) and t.lemma_.lower() not in EMBLEMS]
    if not targets and held:  # "rebels attacked army checkpoints": the army is the other side
        targets = [o for t in aimed if (o := _owner(t, is_actor, held)) is not None]
    if is_passive(trigger):
        targets = [t for t in _children(trigger, "nsubjpass") if is_actor(t)] + targets
    if trigger.dep_ == "amod" and trigger.tag_ == "VBG" and is_actor(trigger.head):
        targets.insert(0, trigger.head)
    if mode == "reciprocal" and not targets and agent is not None:
        # "the army and the rebels clashed", "Rebels and ISIS fighters clashed": two sides coordinated
        # as the subject of a verb they do together fight each other
        sides = [c for c in agent.conjuncts if is_actor(c)]
        mods = [m for m in agent.children if m.dep_ in {"nmod", "compound", "amod"} and m.conjuncts]
        if not sides and mods:
            agent, sides = mods[0], [c for c in mods[0].conjuncts if is_actor(c)] or [agent]
        targets = sides
    other = targets[0] if targets else None
    if mode == "repel":
        return _attacker(trigger, is_actor), agent
    if mode == "moved" and agent is None and is_passive(trigger):
        # "army reinforcements were sent to Zabadani": the forces moved are the actor
        moved = [t for t in _children(trigger, "nsubjpass") if is_actor(t)]
        return (moved[0] if moved else None), None
    if mode == "fall":
        # "X fell to Y": the place is the subject; "Z lost X to Y": the subject is the loser
        winners = _pobj(trigger, "to") or [w for held in _pobj(trigger, "into", "under")
                                           if held.lemma_.lower() in HOLDING_NOUNS for w in _pobj(held, "of")]
        loser = agent if agent is not None and is_actor(agent) else None
        return (winners[0] if winners else None), loser
    return agent, other


def co_actors(token: Any, other: Any, is_actor: Any) -> list[Any]:
    """The actors named together with *token* on its side: its coordinated conjuncts ("the
    Turkish army *and the Free Syrian Army*", "12 civilians *and two medics*"); never *other*
    (the opposing side: "clashes between X and Y" coordinates the two sides), nor a lone
    modifier of it ("Russian-backed forces": Russia is no co-actor)."""
    if token is None:
        return []
    apart = {other.i} | {t.i for t in other.conjuncts} if other is not None else set()
    if token.i in apart:
        return []
    # "Russian and Syrian warplanes": coordinated modifiers each name a side of the phrase
    mods = [m for c in token.children if c.dep_ in {"amod", "compound", "nmod"} and c.conjuncts
            and _joined(c) for m in (c, *c.conjuncts)]
    named = [*token.conjuncts] if _joined(token) else []
    return [t for t in [*named, *mods] if t.i not in apart and is_actor(t)]


#: words that coordinate alternatives, not partners: "Russian *or* Syrian jets" flew alone
ALTERNATIVES = frozenset({"or", "nor", "either", "neither", "versus", "vs", "vs."})


def _joined(token: Any) -> bool:
    """Its conjuncts are partners ("X and Y"), not alternatives ("either X or Y")."""
    words = [c.lower_ for t in (token, *token.conjuncts) for c in t.children if c.dep_ in {"cc", "preconj"}]
    return not any(w in ALTERNATIVES for w in words)


def _attacker(trigger: Any, is_actor: Any) -> Any:
    for obj in _children(trigger, "dobj"):
        for child in obj.children:
            if child.dep_ in {"compound", "poss", "amod", "nmod"} and is_actor(child):
                return child
        by = _pobj(obj, "by", "of")
        if by and is_actor(by[0]):
            return by[0]
    return None


#: "an advance supported by Russian air strikes": the agent of these verbs helps, it does not act
SUPPORT_VERBS = frozenset({"support", "back", "aid", "assist", "cover", "accompany", "escort", "help"})


def noun_roles(trigger: Any, is_actor: Any) -> tuple[Any, Any]:
    """(actor1, actor2) of a noun trigger: "ISIS attack", "the army's capture", light verbs."""
    # nouns before adjectives: "Syrian government air strikes" is the government's
    modifiers = sorted(
        (c for c in trigger.children if c.dep_ in {"poss", "compound", "amod", "nmod"}),
        key=lambda c: c.dep_ == "amod",
    )
    actor1 = next((c for c in modifiers if is_actor(c)), None)
    if actor1 is None:  # "the withdrawal of Russian forces", "an attack by the rebels"
        by = [t for t in _pobj(trigger, "of") if is_actor(t)] + _pobj(trigger, "by")
        actor1 = by[0] if by else None
    if actor1 is None:  # "a massacre carried out by Russian warplanes"; not "an advance backed by X"
        by = [t for a in _children(trigger, "acl") if a.lemma_.lower() not in SUPPORT_VERBS
              for t in _pobj(a, "by") if is_actor(t)]
        actor1 = by[0] if by else None
    node = trigger  # "in a wave of air strikes", "in a series of raids"
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in QUANTITY_NOUNS:
        node = node.head.head
    if actor1 is None and node.dep_ == "pobj" and node.head.lower_ == "in":
        # "killed in air strikes by X": the agent hangs on the passive kill verb
        by = [t for t in _pobj(node.head.head, "by") if is_actor(t)]
        actor1 = by[0] if by else None
        verb = node.head.head
        if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
            verb = verb.head  # "killed [73 rebels in clashes]": the phrase hangs on the object
        if actor1 is None and verb.pos_ == "VERB" and not is_passive(verb):
            # "the army killed 20 rebels in an ambush": the subject of the active verb (of the
            # first verb for a coordinated one: "jets destroyed X and killed 26 in strikes")
            agent = subject(verb)
            actor1 = agent if agent is not None and is_actor(agent) and not is_victim(agent) else None
    if actor1 is None:
        verb = clause_verb(trigger)
        actor1 = subject(verb) if verb is not None else None
    targets = [t for t in _pobj(trigger, *AGAINST_PREPS) if is_actor(t)]
    if not targets:
        verb = clause_verb(trigger)
        targets = (
            [t for t in _pobj(verb, *AGAINST_PREPS) if is_actor(t)] if verb is not None else []
        )
        if verb is not None:
            targets += [
                t for t in _children(verb, "advcl") for t in _children(t, "dobj") if is_actor(t)
            ]
    return actor1, (targets[0] if targets else None)


def host_verb(trigger: Any) -> Any:
    """The verb of killing a noun trigger's "in" phrase hangs on ("it killed 50 fighters *in a
    suicide bombing*": "killed"), or None (never a verb of counting: "it documented 20 deaths
    in air strikes")."""
    node = trigger
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in QUANTITY_NOUNS:
        node = node.head.head
    if node.dep_ != "pobj" or node.head.lower_ != "in":
        return None
    verb = node.head.head
    if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
        verb = verb.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in VICTIM_VERBS else None


VICTIM_VERBS = frozenset({"kill", "wound", "injure", "die", "slay", "massacre", "execute"})


def is_victim(token: Token) -> bool:
    """The dead or wounded: "29 rebels *were killed* in clashes", "12 civilians died", "31
    people *killed* in shelling"."""
    if any(c.dep_ in {"acl", "amod"} and c.tag_ == "VBN" and c.lemma_.lower() in VICTIM_VERBS
           for c in token.children):
        return True
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() == "leave" and any(
            c.lower_ == "dead" for c in head.children if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"}):
        return True  # "the clashes left 14 troops dead"
    if head.lemma_.lower() not in VICTIM_VERBS:
        return False
    if token.dep_ == "dobj" and head.pos_ == "VERB" and not is_passive(head):
        return True  # "the troops killed 73 rebels"
    return token.dep_ == "nsubjpass" or (token.dep_ == "nsubj" and head.lemma_.lower() == "die")


_SAME_DAY = re.compile(r"\b(?:the\s+same\s+day|that\s+same\s+day|later\s+that\s+day|that\s+day)\b", re.I)


def same_day(sentence: Any) -> bool:
    """The sentence dates itself by the one before: "on the same day", "later that day"."""
    return _SAME_DAY.search(sentence.text) is not None


#: words by which a clause dates itself one day before the date words of the sentence
#: ("X said on July 1 it had retaken the town after Y raided it *the day before*")
_DAY_BEFORE = re.compile(
    r"\b(?:the|a)\s+(?:day|night)\s+(?:before|earlier|prior)\b(?!\s+yesterday)|"
    r"\bthe\s+previous\s+(?:day|night)\b", re.I)


def day_before(sentence: Any, trigger: Any, when: tuple[str, int]) -> bool:
    """The trigger's own clause says "the day before" and the date words (``when``: text and
    doc offset) lie outside that clause: the event happened the day before that date."""
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    inside = {t.idx for t in clause.subtree}
    if when[1] in inside:
        return False
    for m in _DAY_BEFORE.finditer(sentence.text):
        span = sentence.doc.char_span(sentence.start_char + m.start(), sentence.start_char + m.end(),
                                      alignment_mode="expand")
        verb = span.root.head if span is not None and len(span) else None
        while verb is not None and verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        if verb is not None and verb == clause:
            return True
    return False


def sentence_date(sentence: Any, offset: int = 0) -> tuple[str, int] | None:
    """The date words a sentence tells its events on ("On July 25, 2015, ..."): the first
    "on ..." phrase, else its last date words; None when it has none (or only "now").  Their
    place is ``offset`` (where the sentence's parse begins in the text) plus their start."""
    return text_date(sentence.text, offset + sentence.start_char)


def text_date(text: str, start: int) -> tuple[str, int] | None:
    """:func:`sentence_date` of a plain text that begins at ``start``."""
    found = [(m.group(0), start + m.start()) for m in _DATE_WORDS.finditer(text)
             if not re.fullmatch(r"(?i)may|now|currently|at\s+present", m.group(0))]
    told = [f for f in found if f[0].lower().startswith("on ")]
    return told[0] if told else (found[-1] if found else None)


def date_text(sentence: Any, trigger: Any) -> tuple[str, int] | None:
    """The date words of the sentence nearest to the trigger (text, offset in the doc text)."""
    text = sentence.text
    found = [(m.group(0), sentence.start_char + m.start()) for m in _DATE_WORDS.finditer(text)]
    found = [f for f in found if not re.fullmatch(r"(?i)may", f[0]) and _dates_trigger(f[1], trigger)]
    if not found:
        return None
    vague = {"now", "currently", "at present"}
    return min(found, key=lambda f: (f[0].lower() in vague, abs(f[1] - trigger.idx)))


#: nouns whose own clause ("a statement carried on Tuesday", "the operation launched on
#: Sunday") dates that statement or that other event, not the trigger
DATED_NOUNS = frozenset(
    {"statement", "report", "video", "footage", "interview", "message", "announcement",
     "operation", "offensive", "campaign", "battle", "attack", "assault", "bombing", "strike",
     "raid", "incursion", "advance", "truce", "ceasefire", "agreement", "deal"}
)  # fmt: skip


#: nouns of a statement whose phrase tells an event ("despite the announcement of X reaching an
#: agreement"): date words outside that phrase date the sentence's own event, not the one told
STATEMENT_NOUNS = frozenset({"announcement", "statement", "declaration", "claim", "news"})


def _told_in_statement(word: Any, trigger: Any) -> bool:
    """The trigger lies in the phrase of a statement noun that the date word is outside of."""
    node = trigger
    while node.head != node and word not in node.subtree:
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in STATEMENT_NOUNS and word not in node.subtree:
            return True
    return False


def _names_place(noun: Any) -> bool:
    """ "the city of Idlib", "the town of Kobani": a common noun named by a proper noun."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(o.pos_ == "PROPN" for o in p.children if o.dep_ == "pobj")
               for p in noun.children)


def _dates_trigger(offset: int, trigger: Any) -> bool:
    """Date words in a clause on a statement or another event noun ("a statement carried on
    Tuesday", "the operation launched on Sunday") do not date the trigger; a clause on the
    trigger itself, or on a participant ("soldiers who crossed on Wednesday"), does."""
    span = trigger.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return True
    node = span[0]
    if _told_in_statement(node, trigger):
        return False
    while trigger not in node.subtree and node.head != node:
        if node.dep_ in {"acl", "relcl"} and node.head != trigger:
            noun = node.head
            if noun.lemma_.lower() in DATED_NOUNS or noun.lower_ in DATED_NOUNS:
                return False
            if node.dep_ == "relcl" and (noun.pos_ == "PROPN" or _names_place(noun)):
                return False  # "near Yabroud, which has been shelled since February": the place's story
        node = node.head
    return True


def weapons(trigger: Any, weapon_words: frozenset[str]) -> tuple[str, ...]:
    """Weapon phrases attached to the trigger (agent, instrument, object or compound)."""
    out: list[str] = []
    candidates = _pobj(trigger, "by", "with", "using") + _children(
        trigger, "dobj", "nsubj", "compound", "nsubjpass"
    )
    for token in candidates:
        if token.lemma_.lower() in weapon_words or token.lower_ in weapon_words:
            out.append(phrase(token))
    return tuple(dict.fromkeys(out))


#: verbs whose object is what was hit: its words name the target, never the attacker
TARGET_VERBS = frozenset({"destroy", "hit", "target", "strike", "bomb", "shell", "attack", "pound",
                          "ambush", "raid", "kill", "wound", "injure", "slay", "massacre", "execute"})


def hit_target(token: Any) -> bool:
    """The token is (a modifier of) the object of a verb of hitting or killing: "destroyed 17
    *Daesh* targets", "killed 26 *IS* members"."""
    node = token
    while node.dep_ in {"compound", "amod", "nmod", "poss"} and node.head != node:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "dobj":
        node = node.head.head  # "killed 26 members *of the group*"
    if node.dep_ == "pobj" and node.head.lower_ == "of" and _attack_noun(node.head.head):
        return True  # "the shelling of *rebel* bastions": what the attack noun hit
    return node.dep_ == "dobj" and node.head.lemma_.lower() in TARGET_VERBS


def earlier_event(token: Any) -> bool:
    """The token is (a modifier of) an attack noun told as what came before the sentence's own
    event: "strikes killed 45 after *rebel* fire on the capital"."""
    node = token
    while node.dep_ in {"compound", "amod", "nmod", "poss"} and node.head != node:
        node = node.head
    return bool(node.dep_ == "pobj" and node.head.lower_ in EARLIER_PREPS and _attack_noun(node))


def _attack_noun(token: Any) -> bool:
    return token.pos_ != "ADP" and (token.lemma_.lower() in ATTACK_NOUNS or token.lower_ in ATTACK_NOUNS)


def _prep_object(root: Any) -> bool:
    """The object of "from", "against", … or a conjunct of one ("took X from the YPG and *IS*"):
    the side attacked or the place of origin, never the attacker."""
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return bool(root.dep_ == "pobj" and root.head.lower_ in OBJECT_PREPS)


def linear_actor(
    doc: Any, sentence: Any, trigger: Any, spans: list[tuple[int, int]], skip: set[int],
    accept: Any = None,
) -> Any:  # fmt: skip
    """Fallback when the parse gives no agent: the nearest actor words before the trigger
    (after "by" for a passive).  *spans* are actor spans in sentence-relative characters;
    *accept* (token → bool) rules candidates out."""
    passive = is_passive(trigger)
    best = None
    for start, end in spans:
        span = doc.char_span(
            sentence.start_char + start, sentence.start_char + end, alignment_mode="expand"
        )
        if span is None or not len(span):
            continue
        root = span.root
        if root.i in skip or _prep_object(root) or hit_target(root) or earlier_event(root):
            continue
        if accept is not None and not accept(root):
            continue
        before = root.i < trigger.i
        by = root.dep_ == "pobj" and root.head.lower_ == "by"
        placed = (passive and by and not before) or (not passive and before)
        nearer = best is None or (before and root.i > best.i) or (not before and root.i < best.i)
        if placed and nearer:
            best = root
    return best


#: nouns of an attack whose premodifier is the attacker: "regime shelling", "Russian airstrikes"
ATTACK_NOUNS = frozenset({
    "shelling", "strike", "airstrike", "bombing", "bombardment", "raid", "plane", "warplane",
    "jet", "helicopter", "aircraft", "artillery", "attack", "rocket", "missile", "fire",
})  # fmt: skip
#: prepositions whose object is another event told as the cause or time of the sentence's own
EARLIER_PREPS = frozenset({"after", "following", "before", "since"})
_NOUN_PREFIXES = frozenset({"air", "aerial", "artillery", "rocket", "missile", "mortar", "-"})


def premodifier_actor(sentence: Any, is_actor: Any, skip: set[int]) -> Any:
    """The actor word right before an attack noun of the sentence ("Syrian government
    shelling", "US-led strikes"), whatever the parse made of it; None when there is none."""
    doc = sentence.doc
    for token in sentence:
        if token.lemma_.lower() not in ATTACK_NOUNS and token.lower_ not in ATTACK_NOUNS:
            continue
        if earlier_event(token):
            continue  # "strikes killed 45 after *rebel* fire on the capital": another, earlier attack
        i = token.i - 1
        while i >= sentence.start and doc[i].lower_ in _NOUN_PREFIXES:
            i -= 1
        if i >= sentence.start + 1 and doc[i].lower_ == "led" and doc[i - 1].text == "-":
            i -= 2  # "US-led strikes"
        if i < sentence.start:
            continue
        prev = doc[i]
        if prev.i not in skip and prev.pos_ in {"PROPN", "NOUN", "ADJ"} and is_actor(prev):
            return prev
    return None
