"""Which actor words can be the attacker of a trigger, and which only name an actor in passing.

- a nationality or place word that modifies a non-actor noun names no actor: "the Syrian
  Observatory", "Syrian state TV", "a Syrian man", "Aleppo Police Command";
- a place after a locative preposition is where, not who: "killed in Damascus";
- a dateline ("MOSCOW (Sputnik) An explosion ...") is where the report was filed;
- the source of a reporting verb is not the actor of the reported clause: in "the
  Observatory said the bombing killed 16", nothing before "said" is the bomber.
"""

from __future__ import annotations

from typing import Any

#: heads that a nationality or place word can modify without naming the one who acts
NON_ACTOR_HEADS = frozenset(
    {"observatory", "tv", "television", "media", "agency", "news", "network", "channel",
     "newspaper", "daily", "radio", "outlet", "official", "source", "activist", "monitor",
     "capital", "city", "town", "village", "province", "countryside", "border", "territory",
     "district", "neighborhood", "neighbourhood", "suburb", "quarter",
     "man", "woman", "boy", "girl", "child", "family", "doctor", "medic", "journalist",
     "defence", "defense", "crescent", "hospital", "school", "people", "citizen", "refugee",
     "civilian", "state", "command", "reporter", "correspondent", "spokesman"}
)  # fmt: skip
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "around", "across", "inside", "into", "throughout"})
HOLD_VERBS = frozenset({"hold", "control", "run", "besiege", "occupy", "dominate"})
SPEECH_LEMMAS = frozenset({"say", "report", "tell", "add", "state", "announce", "confirm",
                           "learn", "hear", "note", "explain", "reveal"})  # "police learned that ..."
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def incidental(token: Any) -> bool:
    """The actor word only names an actor in passing (see the module docstring)."""
    head = token.head
    if token.dep_ in MODIFIER_DEPS and head != token:
        if head.lemma_.lower() in NON_ACTOR_HEADS or head.lower_ in NON_ACTOR_HEADS:
            return True
        if head.pos_ == "PROPN" and token.pos_ in {"PROPN", "ADJ"}:
            return True  # "the Syrian Observatory", "Hama Police Command"
    if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        return True
    if head.tag_ == "VBN" and head.lemma_.lower() in HOLD_VERBS and token.i < head.i:
        return True  # "government-held areas", "rebel-controlled towns"
    return dateline(token)


def dateline(token: Any) -> bool:
    """A capitalised place opening a wire report: "MOSCOW (Sputnik)", "BEIRUT October 3"."""
    text = token.text
    if not (text.isalpha() and text.isupper() and len(text) >= 5):
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.dep_ == "nsubj" and after is not None and token.head == after and after.pos_ in {"VERB", "AUX"}:
        return False  # "DAESH said that it ...": a group in capitals, subject of the verb after it
    first = token.i - token.sent.start <= 2
    return first or (after is not None and (after.text == "(" or after.lower_ in MONTHS))


def reported_clause(trigger: Any) -> Any:
    """The complement clause of a verb of saying that holds the trigger ("X said [...]")."""
    node = trigger
    while node.head != node:
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in SPEECH_LEMMAS:
            return node
        node = node.head
    return None


def in_scope(candidate: Any, trigger: Any) -> bool:
    """The candidate can be the trigger's actor: not incidental, and inside the reported
    clause when the trigger is reported speech."""
    if incidental(candidate):
        return False
    clause = reported_clause(trigger)
    return clause is None or candidate in clause.subtree


def between(token: Any, is_actor: Any) -> tuple[Any, Any]:
    """ "fighting between X and Y" → (X, Y); also where the parser hangs "between" on the
    verb the noun is subject of ("clashes erupted / took place between X and Y")."""
    heads = [token]
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ in {"VERB", "AUX"}:
        heads.append(token.head)
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "between":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs and is_actor(objs[0]):
                other = next((c for c in objs[0].conjuncts if is_actor(c)), None)
                return objs[0], other
    return None, None


PRONOUNS = frozenset({"it", "they", "we"})


def speaker(trigger: Any, is_actor: Any, member: Any) -> Any:
    """ "The militia said it had recovered X", "a fighter told Reuters they took the town": a
    pronoun subject of the reported clause is the speaker's own side."""
    verb = trigger
    while verb.dep_ == "xcomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        verb = verb.head  # "they decided to pull out"
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ not in PRONOUNS or subject.dep_ == "nsubjpass":
        return None
    clause = reported_clause(trigger)
    if clause is None or clause is not trigger and trigger not in clause.subtree:
        return None
    said = clause.head
    who = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if who is None or who.lower_ in PRONOUNS or incidental(who):
        return None
    return who if is_actor(who) or member(who) else None


def onlooker(candidate: Any, trigger: Any, verbs: frozenset[str]) -> bool:
    """The candidate tells of, names or reacts to the trigger's event and so is not its actor:
    the subject, or the "by" agent of a passive, of one of *verbs* (``onlooker_verbs`` of the
    cue lexicon) whose clause holds the trigger ("*Russia* says 62 troops were killed in
    US-led strikes", "the blast was reported by *state TV*")."""
    if candidate is None:
        return False
    head = candidate.head
    if candidate.dep_ == "nsubj":
        verb = head
    elif candidate.dep_ == "pobj" and head.lower_ == "by" and head.dep_ in {"agent", "prep"}:
        verb = head.head
    else:
        return False
    if trigger.dep_ == "xcomp" and trigger.head == verb:
        return False  # "the army reported killing 20 militants": the army killed them
    return bool(verb.i != trigger.i and verb.lemma_.lower() in verbs and trigger in verb.subtree)
