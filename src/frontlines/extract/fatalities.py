"""Fatality counts with ACLED's conventions.

- the most conservative figure ("at least 12", "more than 12", "over 12" → 12; "10 to 15" → 10);
- vague quantities: "dozens" = 12, "tens" = 10, "hundreds" = 100, "scores" = 20 (one score,
  by analogy with ACLED's one dozen), "a/one" = 1; "several", "many" stay unknown;
- the wounded are not killed: "killed and wounded", "casualties" are not a toll;
- a total over an operation or several days ("total", "so far", "during the operation",
  "since") is not one event's toll.
"""

from __future__ import annotations

from typing import Any

KILL_WORDS = frozenset(
    {
        "kill",
        "die",
        "dead",
        "death",
        "toll",
        "execute",
        "massacre",
        "liquidate",
        "slay",
        "eliminate",
        "perish",
        "martyr",
        "behead",
        "murder",
        "neutralize",
        "neutralise",
        "slaughter",
        "shoot",
        "lose",
    }
)
WOUND_WORDS = frozenset(
    {"wound", "injure", "injury", "hurt", "wounded", "injured", "casualty", "casualties"}
)
AGGREGATE_WORDS = frozenset(
    {
        "operation",
        "campaign",
        "offensive",
        "war",
        "conflict",
        "year",
        "month",
        "week",
        "period",
        "day",
        "course",
        "battle",
    }
)
VAGUE = {
    "dozens": 12,
    "dozen": 12,
    "tens": 10,
    "hundreds": 100,
    "scores": 20,
    "score": 20,
    "thousands": 1000,
}
WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}


def number(token: Any) -> int | None:
    """The value of a number token ("12", "1,200", "twelve", "dozens")."""
    word = token.lower_.replace(",", "")
    if word.isdigit():
        return int(word)
    return WORDS.get(word) if word in WORDS and token.like_num else VAGUE.get(word)


def _count_of(noun: Any) -> int | None:
    """The count of a victims noun: its number modifier, or 1 for a named person."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in {"a", "an"} and noun.tag_ == "NN":
            return 1  # "a commander was killed"
        if child.dep_ in {"nummod", "quantmod", "amod"} and number(child) is not None:
            return number(child)
        if child.dep_ == "prep" and child.lower_ == "of" and number(noun) is not None:
            return number(noun)
    if number(noun) is not None and noun.pos_ in {"NUM", "NOUN"}:
        return number(noun)
    if noun.ent_type_ == "PERSON" or noun.pos_ == "PROPN":
        return 1
    return None


def _excluded(kill: Any) -> bool:
    """Wounded mixed in, or a total over an operation / several days."""
    sentence = kill.sent
    words = {t.lemma_.lower() for t in kill.subtree} | {t.lemma_.lower() for t in kill.children}
    if words & WOUND_WORDS or any(
        c.dep_ == "conj" and c.lemma_.lower() in WOUND_WORDS for c in kill.head.children
    ):
        return True
    if any(t.lower_ in {"total", "overall", "cumulative", "altogether"} for t in sentence):
        return True
    frames = [
        t
        for t in sentence
        if t.lower_ in {"during", "since", "throughout", "over", "in"}
        and (t.head == kill or t.head.head == kill)
    ]
    return any(
        c.lemma_.lower() in AGGREGATE_WORDS or c.like_num
        for f in frames
        for c in f.children
        if c.dep_ == "pobj"
    )


def victims_of(kill: Any) -> Any:
    """The noun naming the dead of a kill word ("killed 12 civilians", "12 people were killed",
    "12 died", "29 rebels dead", "22 killed in ...")."""
    for dep in ("nsubjpass", "dobj"):
        for child in kill.children:
            if child.dep_ == dep:
                return child
    lemma = kill.lemma_.lower()
    if lemma in {"die", "perish", "dead"}:
        for child in kill.children:
            if child.dep_ == "nsubj":
                return child
    if lemma == "dead" and kill.dep_ == "amod":
        return kill.head
    if lemma == "dead" and kill.dep_ == "acomp":
        return next((c for c in kill.head.children if c.dep_ == "nsubj"), None)
    return next(
        (c for c in kill.children if c.dep_ in {"nsubj", "npadvmod", "nummod"} and c.like_num), None
    )


def _total(victims: Any) -> int | None:
    """The count of a victims noun and of its coordinated nouns ("10 children and 5 women")."""
    counts = [_count_of(victims)] + [_count_of(c) for c in victims.conjuncts]
    known = [c for c in counts if c is not None]
    return sum(known) if known else None


def fatalities_of(kill: Any) -> int | None:
    """Deaths counted by one kill word, or None when unknown or not a single event's toll."""
    if _excluded(kill):
        return None
    victims = victims_of(kill)
    if victims is None:
        if kill.lemma_.lower() in {"dead", "toll", "death"}:
            nums = [number(c) for c in kill.subtree if c.like_num or c.lower_ in VAGUE]
            nums = [n for n in nums if n is not None]
            return min(nums) if nums else None
        return None
    return _total(victims)


def sentence_fatalities(sentence: Any, trigger: Any) -> int | None:
    """Deaths reported in the trigger's sentence by a kill word tied to the trigger."""
    best = None
    for token in sentence:
        if token.lemma_.lower() not in KILL_WORDS or token.lemma_.lower() in {"shoot", "lose"}:
            continue
        if token != trigger and not _related(token, trigger):
            continue
        count = fatalities_of(token)
        if count is not None:
            best = count if best is None else min(best, count)
    return best


def _related(a: Any, b: Any) -> bool:
    """Two words of one sentence in one clause family (one is an ancestor of the other)."""
    return a in b.subtree or b in a.subtree or a.head == b.head
