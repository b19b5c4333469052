"""The sub-type of generic violence triggers: instrument, phrase, and a light coreference.

"Kill", "attack", "massacre" and "raid" say only that there was violence; ACLED codes the
event by its means.  A generic trigger (``generic: true`` in the lexicon) takes, in order:

1. a chemical weapon when a chemical word is in the trigger's phrase — this also holds for
   the specific remote-violence triggers ("a helicopter struck the town with chlorine gas"),
   and a shelling trigger whose agent or modifiers are aircraft is an air strike
   ("bombardment by warplanes");
2. the type of its instrument or agent: its subject, its "by/with/using/in/under" objects
   and its modifiers, compared with the lexicon's ``instruments`` table ("Russian planes
   killed 50", "a barrel bomb attack", "a bomb killed six people");
3. an air strike for a raid that hits something ("overnight raids hit the village");
4. the type of a specific remote-violence trigger inside its phrase (a headline's "massacre
   ... where 18 civilians were killed in a barrel bomb attack");
5. for a back-reference ("the attack", "the massacre", "killed in the attack"), the type of
   the most recent earlier claim of the document with a specific sub-type.

Otherwise the rule's own type stands.  Every choice is written into the claim's notes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..records import Claim
from ..taxonomy import AIR_STRIKE, CHEMICAL, EXPLOSIONS, SHELLING
from .lexicon import Instrument, Lexicon, TriggerRule
from .roles import clause_verb, is_passive
from .triggers import rule_matches

AIR = AIR_STRIKE
INSTRUMENT_PREPS = frozenset({"by", "with", "using", "in", "under", "via"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
HIT_VERBS = frozenset({"hit", "strike", "target", "pound", "pummel", "kill", "destroy", "rock"})
DEFINITE = frozenset({"the", "this", "these", "that", "those"})
#: "the last attack", "a previous massacre": another event than the one just told
OTHER_EVENT = frozenset(
    {"last", "previous", "earlier", "prior", "past", "another", "other", "first", "second",
     "similar", "former", "next"}
)  # fmt: skip
EVENT_NOUNS = frozenset(
    {"attack", "massacre", "bombing", "strike", "blast", "explosion", "raid", "bombardment",
     "shelling", "assault", "airstrike", "incident", "carnage"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Typed:
    """The event type chosen for a trigger, and why (None: the rule's own type)."""

    event_type: str
    sub_event_type: str
    reason: str | None = None


class TypeMemory:
    """What one document has said so far: the last claim with a specific sub-type."""

    def __init__(self) -> None:
        self.last: tuple[str, str] | None = None

    def note(self, claim: Claim) -> None:
        if claim.event_type == EXPLOSIONS and claim.factual:
            self.last = (claim.event_type, claim.sub_event_type)


def typed(
    token: Any, rule: TriggerRule, lexicon: Lexicon, memory: TypeMemory,
    is_place: Callable[[Any], bool],
) -> Typed:  # fmt: skip
    """The event type of the trigger *token* matched by *rule*."""
    own = Typed(rule.event_type, rule.sub_event_type)
    if not rule.generic and rule.event_type != EXPLOSIONS:
        return own
    phrase = list(_phrase_words(token))
    chemical = _first(lexicon.instruments, phrase + list(token.subtree), only=CHEMICAL)
    if chemical is not None:
        return Typed(EXPLOSIONS, CHEMICAL, f"sub-type: chemical word {chemical[1].text!r}")
    if not rule.generic:
        # "bombardment by warplanes", "shelling from helicopters": the aircraft decide
        aircraft = _first(lexicon.instruments, phrase, only=AIR) if rule.sub_event_type == SHELLING else None
        if aircraft is not None:
            return Typed(EXPLOSIONS, AIR, f"sub-type: shelling by aircraft {aircraft[1].text!r}")
        return own
    found = _first(lexicon.instruments, phrase)
    if found is not None:
        row, word = found
        return Typed(row.event_type, row.sub_event_type, f"sub-type: instrument {word.text!r}")
    if token.lemma_.lower() == "raid" and _hits(token) and not _ground_raid(token, lexicon):
        return Typed(EXPLOSIONS, AIR, "sub-type: a raid that hit")
    inner = _inner_trigger(token, lexicon, is_place)
    if inner is not None:
        return Typed(inner.event_type, inner.sub_event_type, f"sub-type: as {inner.id!r} here")
    if memory.last is not None and back_reference(token):
        return Typed(*memory.last, "sub-type: the event referred back to")
    return own


def _first(
    rows: tuple[Instrument, ...], words: list[Any], only: str | None = None
) -> tuple[Instrument, Any] | None:
    """The first instrument row (table order) that one of *words* names."""
    for row in rows:
        if only is not None and row.sub_event_type != only:
            continue
        for word in words:
            if _names(row, word):
                return row, word
    return None


def _names(row: Instrument, word: Any) -> bool:
    if word.lemma_.lower() not in row.words and word.lower_ not in row.words:
        return False
    near = {t.lemma_.lower() for t in (word.head, *word.children)}
    near |= {t.lower_ for t in (word.head, *word.children)}
    return not near & row.not_with and (not row.with_ or bool(near & row.with_))


def _phrase_words(token: Any) -> Iterator[Any]:
    """The trigger's modifiers and the phrases of its agent and instrument."""
    yield from _modifiers(token)
    for head in _instrument_heads(token):
        yield head
        yield from _modifiers(head)
        for conj in (c for c in head.children if c.dep_ == "conj"):
            yield conj
            yield from _modifiers(conj)
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "by"}):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                yield pobj
                yield from _modifiers(pobj)


def _modifiers(token: Any) -> Iterator[Any]:
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS:
            yield child
            yield from (c for c in child.children if c.dep_ in MODIFIER_DEPS)


def _instrument_heads(token: Any) -> Iterator[Any]:
    verb = token if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB") else None
    if verb is None:
        verb = clause_verb(token)  # "warplanes committed a massacre"
    if verb is not None and not is_passive(verb):
        yield from (c for c in verb.children if c.dep_ == "nsubj")
    # "killed in a bombardment *by warplanes*": the parser hangs the agent on the verb
    holder = verb if verb is not token else None
    if holder is None and token.dep_ == "pobj" and token.head.dep_ == "prep":
        holder = token.head.head if token.head.head.pos_ in {"VERB", "AUX"} else None
    if holder is not None:
        for agent in (c for c in holder.children if c.dep_ == "agent"):
            yield from (c for c in agent.children if c.dep_ == "pobj")
    for child in _with_conjuncts(token):
        if child.dep_ in {"prep", "agent"} and child.lower_ in INSTRUMENT_PREPS:
            yield from (c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "acl":  # "a massacre carried out by warplanes"
            for agent in (a for a in child.children if a.dep_ in {"agent", "prep"}):
                if agent.lower_ == "by":
                    yield from (c for c in agent.children if c.dep_ == "pobj")


def _with_conjuncts(token: Any) -> Iterator[Any]:
    """The trigger's children, and those of its coordinated verbs ("were killed and dozens
    wounded *in the attack*", a headline's "Killed, 14 Injured in Bombing")."""
    yield from token.children
    if token.pos_ == "VERB":
        for conj in token.children:
            if conj.pos_ == "VERB" and (
                conj.dep_ == "conj" or (conj.dep_ == "advcl" and conj.tag_ == "VBN")
            ):
                yield from conj.children


def _ground_raid(token: Any, lexicon: Lexicon) -> bool:
    """The raid is one by fighters on foot: "the militants' raid", "a raid by gunmen"."""
    forces = lexicon.sets.get("forces", frozenset())
    owners = [c for c in token.children if c.dep_ in {"poss", "compound"}]
    owners += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
    return any(o.lemma_.lower() in forces or o.lower_ in forces for o in owners)


def _hits(token: Any) -> bool:
    """A raid as the subject of a verb of hitting: "overnight raids hit the village"."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in HIT_VERBS


def _inner_trigger(
    token: Any, lexicon: Lexicon, is_place: Callable[[Any], bool]
) -> TriggerRule | None:
    """A specific remote-violence trigger inside the trigger's phrase (not in a coordinated
    clause, which is another event)."""
    for word in _own_subtree(token):
        for rule in lexicon.candidates(word.text, word.lemma_):
            if rule_matches(word, rule, is_place):
                if rule.event_type == EXPLOSIONS and not rule.generic:
                    return rule
                break
    return None


def _own_subtree(token: Any) -> Iterator[Any]:
    stack = [c for c in token.children if c.dep_ != "conj"]
    while stack:
        word = stack.pop()
        yield word
        stack.extend(word.children)


def back_reference(token: Any) -> bool:
    """A definite event noun ("the attack", "this massacre"), or a verb whose subject or
    "in/by" object is one ("killed in the attack")."""
    if _definite_event(token, any_noun=True):
        return True
    for child in _with_conjuncts(token):
        if child.dep_ == "nsubj" and _definite_event(child):
            return True
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"in", "by"} and any(
            _definite_event(p) for p in child.children if p.dep_ == "pobj"
        ):
            return True
    return False


def _definite_event(token: Any, any_noun: bool = False) -> bool:
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if not any_noun and token.lemma_.lower() not in EVENT_NOUNS:
        return False
    if any(c.lower_ in OTHER_EVENT for c in token.children):
        return False
    dets = [c for c in token.children if c.dep_ in {"det", "poss"}]
    return bool(dets) and dets[0].lower_ in DEFINITE
