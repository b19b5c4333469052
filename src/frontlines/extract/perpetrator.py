"""Perpetrators named in a second clause: "…, an attack claimed by Daesh", "IS claimed
responsibility for the bombing", "the blast was blamed on the Nusra Front", "the raids were
carried out by Russian aircraft", "X carried out the strikes", "X is believed to be behind the
attack".

The named group is actor1 of the bombing it refers to: a violent claim of the same sentence,
else one of the previous sentence (the clause says "the attack", "the bombing", …).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: nouns that refer back to an attack ("the attack", "the blast")
EVENT_NOUNS = frozenset({
    "attack", "bombing", "blast", "explosion", "bomb", "bombings", "attacks", "blasts",
    "explosions", "assault", "ambush", "massacre", "killing", "killings", "strike", "shelling",
    "incident", "raid", "raids", "airstrike", "airstrikes", "bombardment",
})  # fmt: skip


#: the verbs (lemmas) of the clauses that name a perpetrator
CLAIM_VERBS = frozenset({"claim"})
BLAME_VERBS = frozenset({"blame", "attribute"})
#: verbs whose agent (or active subject) did the attack: "carried out by X", "X conducted the raids"
DEED_VERBS = frozenset({"carry", "conduct", "perpetrate", "commit"})
#: words that deny or doubt the attribution they govern ("X denied carrying out the strike")
DENIAL_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute"})


@dataclass(frozen=True)
class Perpetrator:
    """*actor* (token) named as the author of an attack; *event* the noun token standing
    for the attack in the clause, or None ("IS claimed responsibility")."""

    actor: Any
    event: Any
    #: the clause may name the author of an attack told earlier ("the raids were carried out
    #: by X"); False where it tells an attack of its own ("X carried out an air strike")
    back: bool = True


def _objects(token: Any, preps: set[str]) -> list[Any]:
    return [
        o
        for p in token.children
        if p.dep_ in {"prep", "agent"} and p.lower_ in preps
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _event(token: Any) -> Any:
    return token if token.lemma_.lower() in EVENT_NOUNS or token.lower_ in EVENT_NOUNS else None


def _claimed(verb: Any, is_actor: Any) -> Perpetrator | None:
    """ "X claimed responsibility (for the bombing)", "the attack (was) claimed by X"."""
    by = [o for o in _objects(verb, {"by"}) if is_actor(o)]
    if by:  # passive: the attack claimed by X
        if verb.dep_ in {"acl", "relcl"} and _event(verb.head) is not None:
            return Perpetrator(by[0], verb.head)
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and _event(c) is not None]
        return Perpetrator(by[0], subjects[0]) if subjects else None
    owned = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "responsibility"]
    subjects = [
        c
        for c in verb.children
        if (c.dep_ == "nsubj" or (c.dep_ in {"aux", "auxpass"} and c.text.isupper()))
        and is_actor(c)
    ]  # "IS claimed ...": the parser takes the acronym for "is"
    subjects = [s for s in (_living(s, is_actor) for s in subjects) if s is not None]
    if not owned or not subjects:
        return None
    for_ = [o for o in _objects(owned[0], {"for"}) + _objects(verb, {"for"}) if _event(o)]
    return Perpetrator(subjects[0], for_[0] if for_ else None)


def _living(subject: Any, is_actor: Any) -> Any:
    """The subject, unless it names the dead ("30 rebels killed in a blast, the IS group
    claimed responsibility": a headline run into its lead); then the group set beside it in
    apposition, if any."""
    from .roles import is_victim

    if not is_victim(subject):
        return subject
    beside = (t for t in subject.subtree if t.dep_ == "appos" and is_actor(t) and not is_victim(t))
    return next(beside, None)


def _blamed(verb: Any, is_actor: Any) -> Perpetrator | None:
    """ "the blast was blamed on X", "the attack was attributed to X", "(the monitor said,)
    blaming the attack on X"."""
    preps = {"on"} if verb.lemma_.lower() == "blame" else {"to"}
    named = [o for o in _objects(verb, preps) if is_actor(o)]
    if not any(c.dep_ == "auxpass" for c in verb.children) and verb.dep_ not in {"acl", "relcl"}:
        deeds = [c for c in verb.children if c.dep_ == "dobj" and _event(c) is not None]
        # the parser may hang "on X" on the object: "blaming [the attack on X]"
        named += [o for d in deeds for o in _objects(d, preps) if is_actor(o)]
        return Perpetrator(named[0], deeds[0]) if deeds and named and not _denied(verb) else None
    if not named:
        return None
    if verb.dep_ in {"acl", "relcl"} and _event(verb.head) is not None:
        return Perpetrator(named[0], verb.head)
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and _event(c) is not None]
    return Perpetrator(named[0], subjects[0]) if subjects else None


def _denied(token: Any) -> bool:
    """The clause is negated or governed by a denial ("did not carry out", "denied being behind");
    a doubt about who did it ("did not know whether X carried out") is not a denial."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    while True:
        if token.lemma_.lower() in DENIAL_LEMMAS:
            return True
        if token.head == token:
            return False
        token = token.head


def _subject(verb: Any, deps: set[str]) -> Any:
    """The subject of *verb*, or of the verb it is the infinitive of ("the strike was
    suspected to have been carried out": "strike")."""
    while True:
        found = [c for c in verb.children if c.dep_ in deps]
        if found:
            return found[0]
        if verb.dep_ != "xcomp" or verb.head == verb:
            return None
        verb = verb.head


def _done(verb: Any, is_actor: Any) -> Perpetrator | None:
    """ "the raids were carried out by X", "X carried out the strikes" (an attack noun for what
    was done, an actor for who did it)."""
    if verb.lemma_.lower() == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None
    by = [o for o in _objects(verb, {"by"}) if is_actor(o)]
    if by:
        if verb.dep_ in {"acl", "relcl"} and _event(verb.head) is not None:
            return Perpetrator(by[0], verb.head)
        done = _subject(verb, {"nsubjpass"})
        if done is None or _event(done) is None:
            return None
        return Perpetrator(by[0], done, _definite(done))
    deeds = [c for c in verb.children if c.dep_ == "dobj" and _event(c) is not None]
    doer = _subject(verb, {"nsubj"})
    if not deeds or doer is None or not is_actor(doer):
        return None
    return Perpetrator(doer, deeds[0], _definite(deeds[0]))


def _definite(noun: Any) -> bool:
    """ "the strike", "these raids", "the attack that…": a noun that refers to an attack told before."""
    return any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "another", "any", "no"}
               for c in noun.children)


def _behind(token: Any, is_actor: Any) -> Perpetrator | None:
    """ "X is believed to be behind the attack", "X was behind the bombing"."""
    deeds = [c for c in token.children if c.dep_ == "pobj" and _event(c) is not None]
    if not deeds or token.dep_ != "prep":
        return None
    doer = _subject(token.head, {"nsubj", "nsubjpass"})
    return Perpetrator(doer, deeds[0], _definite(deeds[0])) if doer is not None and is_actor(doer) else None


def perpetrator(sentence: Any, is_actor: Any) -> Perpetrator | None:
    """The group a sentence names as the author of an attack, or None."""
    for token in sentence:
        found = None
        if token.lower_ == "behind" and not _denied(token):
            found = _behind(token, is_actor)
        if found is not None:
            return found
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = token.lemma_.lower()
        if lemma in CLAIM_VERBS:
            found = _claimed(token, is_actor)
        elif lemma in BLAME_VERBS:
            found = _blamed(token, is_actor)
        elif lemma in DEED_VERBS and not _denied(token):
            found = _done(token, is_actor)
        if found is not None:
            return found
    return None


def from_previous(new: list[Any], previous: list[Any], violent: frozenset[str], sentence: Any,
                  offset: int) -> list[Any]:  # fmt: skip
    """ "X shelled the town. Three civilians were killed.": a violent claim that names no
    attacker takes actor1 of the previous sentence's violent claim that happened and named
    one (the same paragraph; never the victims' own side; never a trigger with a subject of
    its own, "we took the villages")."""
    import dataclasses

    subjects = {offset + t.idx for t in sentence if _own_subject(t)}

    source = next((c for c in previous if c.event_type in violent and c.factual
                   and c.actor1 is not None and c.actor1.surface), None)  # fmt: skip
    if source is None:
        return new
    ref = source.actor1

    def takes(claim: Any) -> bool:
        if claim.event_type not in violent or claim.actor1 is not None:
            return False
        if claim.trigger_start in subjects:
            return False
        victim = claim.actor2
        if victim is None:
            return True
        same_name = victim.name is not None and victim.name == ref.name
        return not same_name and _head(victim.surface) != _head(ref.surface)

    return [
        dataclasses.replace(
            c, actor1=ref, notes=f"{c.notes}; actor1 named in the previous sentence: {ref.surface!r}"
        ) if takes(c) else c
        for c in new
    ]  # fmt: skip


def _own_subject(token: Any) -> bool:
    """The verb (or the verb it is the infinitive of) has an active subject."""
    while True:
        if any(c.dep_ in {"nsubj", "expl"} for c in token.children):
            return True
        if token.dep_ not in {"xcomp", "conj", "acomp"} or token.head == token:
            return False
        token = token.head


def _head(surface: str | None) -> str | None:
    """The last word, lower-cased and without a plural s ("Five rebels" → "rebel")."""
    words = (surface or "").lower().split()
    return words[-1].removesuffix("s") if words else None
