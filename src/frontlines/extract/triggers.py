"""Finding event triggers in a parsed sentence with the lexicon's rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .lexicon import PLACE_MARK, Lexicon, TriggerRule

AGGREGATE_OBJECTS = frozenset({"percent", "%", "kilometer", "kilometre", "km", "mile", "square", "hectare"})
VERB_TAGS = ("VB",)
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger token and the rule it matched."""

    token: Any
    rule: TriggerRule


def _is_verb(token: Any) -> bool:
    return token.tag_.startswith(VERB_TAGS) or token.pos_ == "VERB"


def _is_noun(token: Any) -> bool:
    return token.pos_ in NOUN_POS or token.tag_.startswith("NN")


def objects(token: Any) -> list[Any]:
    """Object words of a trigger: verb objects / passive subjects, noun "of"-complements."""
    out = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
    if token.dep_ == "amod" and token.tag_ == "VBG":
        out.append(token.head)
    if _is_noun(token):
        out += [c for c in token.children if c.dep_ in {"compound", "poss"}]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "over", "on", "into"}:
            out += [c for c in prep.children if c.dep_ == "pobj"]
    for obj in list(out):
        out += [c for c in obj.children if c.dep_ == "conj"]
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def context_words(token: Any) -> set[str]:
    """Lemmas around a trigger: its modifiers and arguments, with their compounds."""
    words: set[str] = set()
    near = list(token.children)
    for child in token.children:
        if child.dep_ in {"prep", "agent"}:
            near += [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            near += [c for c in child.children if c.dep_ in {"compound", "amod", "nmod"}]
    if token.dep_ in {"compound", "amod"}:
        near.append(token.head)
    for tok in near:
        words |= {tok.lemma_.lower(), tok.lower_}
        words |= {c.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "poss"}}
        words |= {c.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "by"}}
    words |= {c.lower_ for c in token.children if c.dep_ == "prt"}
    return words


def _particle_ok(token: Any, particle: str | None) -> bool:
    if particle is None:
        return True
    return any(c.lower_ == particle or c.lemma_.lower() == particle for c in token.children)


def _objects_ok(token: Any, wanted: frozenset[str], is_place: Callable[[Any], bool]) -> bool:
    if not wanted:
        return True
    for obj in objects(token):
        if obj.lemma_.lower() in AGGREGATE_OBJECTS:
            return False
        if obj.lemma_.lower() in wanted or obj.lower_ in wanted:
            return True
        if PLACE_MARK in wanted and is_place(obj):
            return True
    return False


def rule_matches(token: Any, rule: TriggerRule, is_place: Callable[[Any], bool]) -> bool:
    """Whether *token* fires *rule* (part of speech, particle, object and context tests)."""
    if rule.pos == "verb" and not _is_verb(token):
        return False
    if rule.pos == "noun" and not _is_noun(token):
        return False
    if token.dep_ == "amod" and token.tag_ in {"VBN", "JJ"}:
        return False  # "the besieged city": a state, not an event
    if not _particle_ok(token, rule.particle) or not _objects_ok(token, rule.objects, is_place):
        return False
    if rule.context or rule.not_context:
        words = context_words(token)
        if rule.context and not words & rule.context:
            return False
        if words & rule.not_context:
            return False
    return True


def find_triggers(sentence: Sequence[Any], lexicon: Lexicon, is_place: Callable[[Any], bool]) -> list[Match]:
    """Every trigger of *sentence* (first matching rule per token), absorbed and weak ones removed."""
    found: list[Match] = []
    for token in sentence:
        for rule in lexicon.candidates(token.text, token.lemma_):
            if rule_matches(token, rule, is_place):
                found.append(Match(token, rule))
                break
    found = [m for m in found if not _absorbed(m, found)]
    strong = [m for m in found if not m.rule.weak]
    return [m for m in found if not m.rule.weak or not strong]


def _absorbed(match: Match, found: list[Match]) -> bool:
    """A noun trigger that is an argument of another trigger is part of that event."""
    if match.rule.pos != "noun":
        return False
    tokens = {m.token for m in found if m is not match}
    head = match.token.head
    if head in tokens:
        return True
    return head.dep_ in {"prep", "agent"} and head.head in tokens
