"""Finding event triggers in a parsed sentence with the lexicon's rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..taxonomy import EXPLOSIONS
from .lexicon import PLACE_MARK, Lexicon, TriggerRule
from .nominal import anaphoric

AGGREGATE_OBJECTS = frozenset(
    {"percent", "%", "kilometer", "kilometre", "km", "mile", "square", "hectare"}
)
VERB_TAGS = ("VB",)
DIRECTIONS = frozenset(
    {
        "west",
        "east",
        "north",
        "south",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "outskirts",
        "edge",
        "vicinity",
    }
)
PREDICATE_DEPS = frozenset({"acomp", "ROOT", "ccomp", "conj", "xcomp", "advcl"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger token and the rule it matched."""

    token: Any
    rule: TriggerRule


#: argument slots: a word tagged as a verb there is a noun ("airstrikes kill 12")
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _misread_noun(token: Any) -> bool:
    return token.tag_ in {"VBZ", "VBP"} and token.dep_ in ARGUMENT_DEPS


def _is_verb(token: Any) -> bool:
    if _misread_noun(token):
        return False
    if token.tag_.startswith(VERB_TAGS) or token.pos_ == "VERB":
        return True
    # "they are totally encircled by the army": a participle tagged as an adjective
    return token.tag_ == "JJ" and token.lower_.endswith("ed") and token.dep_ in PREDICATE_DEPS


def _is_noun(token: Any) -> bool:
    # "launched a counter-offensive": the tagger calls "offensive" an adjective,
    # the parser an object
    return (
        token.pos_ in NOUN_POS
        or token.tag_.startswith("NN")
        or _misread_noun(token)
        or (
            token.pos_ == "ADJ"
            and (
                token.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"}
                or token.head.lower_ in DIRECTIONS
            )
        )
    )


def objects(token: Any) -> list[Any]:
    """Object words of a trigger: verb objects / passive subjects, noun "of"-complements."""
    out = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
    if token.dep_ == "conj" and token.head.tag_ == "VBN" and _passive_without_subject(token):
        # "X, located 30 km north of Y, was taken": the parse hangs the passive on the aside
        out += [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if token.dep_ == "amod" and token.tag_ == "VBG":
        out.append(token.head)
    if _is_noun(token):
        out += [c for c in token.children if c.dep_ in {"compound", "poss"}]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "over", "on", "into"}:
            out += [c for c in prep.children if c.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ in {"near", "almost"}:
            # "took near complete control of X": an adverb misread as a preposition
            out += [c for c in prep.children if c.dep_ == "pobj" and _complete(c)]
    for obj in list(out):
        # "3 were killed, a teenager and a woman": the count's apposition says who they were
        if obj.like_num:
            out += [a for c in obj.children if c.dep_ == "appos" for a in (c, *c.conjuncts)]
        out += [c for c in obj.children if c.dep_ == "conj"]
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out += [c for c in prep.children if c.dep_ == "pobj"]
        # "entered X's eastern outskirts": the place a part belongs to, as with "the outskirts of X"
        out += [c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return out


def _passive_without_subject(token: Any) -> bool:
    deps = {c.dep_ for c in token.children}
    return "auxpass" in deps and not deps & {"nsubj", "nsubjpass"}


#: adjectives of a control that is whole: "near *complete* control"
COMPLETE = frozenset({"complete", "full", "total", "entire"})


def _complete(token: Any) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in COMPLETE for c in token.children)


#: nouns of a facility: their modifiers name the facility ("an *air* base", "the *air*
#: defence", "a *drone* factory"), not the means of the attack on it
FACILITY_NOUNS = frozenset(
    {"base", "airbase", "airport", "airfield", "field", "defense", "defence", "academy", "college",
     "school", "factory", "plant", "port", "headquarters", "station", "depot", "warehouse"}
)  # fmt: skip
#: "fired missiles *at a helicopter*": what is aimed at is not the means
TARGET_PREPS = frozenset({"at", "against"})
#: verbs that introduce the instrument: "shelled the town, *using* barrel bombs"
INSTRUMENT_VERBS = frozenset({"use", "employ"})


def _facility(token: Any) -> bool:
    return token.lemma_.lower() in FACILITY_NOUNS or token.lower_ in FACILITY_NOUNS


#: words that count others: the subject "hundreds of fighters" is the fighters (not
#: :data:`frontlines.extract.roles.QUANTITY_NOUNS`, which count happenings: "a wave of strikes")
COUNTING_NOUNS = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score",
                            "scores", "number", "group", "groups", "members", "member", "unit", "units",
                            "batch", "batches", "wave", "waves", "convoy", "convoys", "column", "columns"})
#: participles by which a vehicle's load is named: "buses carrying fighters" are the fighters moving
CARRYING_VERBS = frozenset({"carry", "transport", "ferry", "take", "bring"})


def _who(noun: Any) -> list[Any]:
    """The noun and those it stands for: the counted noun of "hundreds of fighters", the load of
    "buses carrying fighters"."""
    out = [noun]
    if noun.lemma_.lower() in COUNTING_NOUNS or noun.lower_ in COUNTING_NOUNS or noun.like_num:
        out += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                if p.dep_ == "pobj"]
    out += [d for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in CARRYING_VERBS
            for d in c.children if d.dep_ == "dobj"]
    return out


def subject_words(token: Any) -> set[str]:
    """Lemmas of a verb's subject (its compounds and adjectives, and whom a count or a vehicle
    stands for), or of a passive verb's subject."""
    words: set[str] = set()
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and token.dep_ == "xcomp":  # "police began patrolling X": the subject of "began"
        subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for child in subjects:
        for noun in [*_who(child), *child.conjuncts]:
            words |= {noun.lemma_.lower(), noun.lower_}
            words |= {c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"}}
    return words


def context_words(token: Any) -> set[str]:
    """Lemmas around a trigger: its modifiers and arguments, with their compounds (those of a
    facility it hits excepted), and the object of "using X"; not what it is aimed "at"."""
    words: set[str] = set()
    near = list(token.children)
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ not in TARGET_PREPS:
            near += [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and not (
            child.dep_ != "nsubj" and _facility(child)
        ):
            near += [c for c in child.children if c.dep_ in {"compound", "amod", "nmod"}]
        if child.dep_ in {"nsubj", "nsubjpass"}:
            near += _who(child)[1:]  # "hundreds of fighters were evacuated", "buses carrying fighters left"
        if child.dep_ in {"advcl", "xcomp", "conj"} and child.lemma_.lower() in INSTRUMENT_VERBS:
            near += [c for c in child.children if c.dep_ == "dobj"]
        if child.dep_ == "acl":  # "a massacre carried out by warplanes"
            near += [
                p
                for a in child.children
                if a.dep_ == "agent"
                for p in a.children
                if p.dep_ == "pobj"
            ]
    if token.dep_ in {"compound", "amod"}:
        near.append(token.head)
    if token.dep_ == "xcomp":  # "managed to control X": the verb of success above the trigger
        words.add(token.head.lemma_.lower())
    for tok in near:
        words |= {tok.lemma_.lower(), tok.lower_}
        if not (_facility(tok) and tok.dep_ != "nsubj"):
            words |= {c.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "poss"}}
        words |= {
            c.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "by"}
        }
    words |= {c.lower_ for c in token.children if c.dep_ == "prt"}
    return words


def _particle_ok(token: Any, particle: str | None) -> bool:
    if particle is None:
        return True
    return any(c.lower_ == particle or c.lemma_.lower() == particle for c in token.children)


#: direct objects that make a verb an idiom, not an act on a place: "clashes took *place* on the
#: frontlines of X", "took *part* in", "took *note* of" (a rule that names the word still gets it:
#: "the truce took *effect*")
IDIOM_OBJECTS = frozenset({"place", "part", "note", "care", "time", "action", "aim", "effect", "shape"})


def _objects_ok(token: Any, wanted: frozenset[str], is_place: Callable[[Any], bool]) -> bool:
    if not wanted:
        return True
    # a bare idiom object: "took place", "took part" (not "captured the eastern part of X")
    direct = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj" and not any(
        m.dep_ in {"det", "amod", "poss", "nummod", "compound"} or (m.dep_ == "prep" and m.lower_ == "of")
        for m in c.children)]
    if any(w in IDIOM_OBJECTS and w not in wanted for w in direct):
        return False
    for obj in objects(token):
        if obj.lemma_.lower() in AGGREGATE_OBJECTS:
            return False
        if obj.lemma_.lower() in wanted or obj.lower_ in wanted:
            return True
        if PLACE_MARK in wanted and is_place(obj):
            return True
    return False


def _modifier(token: Any) -> bool:
    """A word that only describes a noun: "the besieged city", "a fighting unit"."""
    if token.dep_ not in {"amod", "compound", "nmod"}:
        return False
    if token.head.lower_ in DIRECTIONS:
        return False  # "an operation west of X", "an offensive further south": parsed as modifiers
    if token.tag_ in {"VBN", "JJ"}:
        return True
    after_comma = token.i > 0 and token.doc[token.i - 1].is_punct
    return token.i < token.head.i and not after_comma


def _on_strike(token: Any) -> bool:
    """Workers "went on strike": a labour strike, not an attack."""
    head = token.head
    return token.lemma_.lower() == "strike" and token.dep_ == "pobj" and head.lower_ == "on" and (
        head.head.lemma_.lower() in {"go", "be", "remain", "stay", "call"}
    )


def _heads_name(token: Any) -> bool:
    """The word begins a capitalized name, "Operation Desert Lion" (not in a title-case line)."""
    if not token.text[:1].isupper() or token.is_sent_start:
        return False
    words = [t.text[:1].isupper() for t in token.sent if t.is_alpha and len(t) > 3]
    if words.count(False) * 4 < words.count(True):
        return False  # a headline in title case
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.is_alpha and nxt.text[:1].isupper()


def _describes(token: Any, nouns: frozenset[str], is_place: Callable[[Any], bool]) -> bool:
    """The word is a participle that only says where a noun of *nouns* lies: "the hills
    *surrounding* X", "the villages *surrounding* the town" (not "troops surrounding X")."""
    if not nouns or token.dep_ != "acl" or token.tag_ != "VBG":
        return False
    head = token.head
    return head.lemma_.lower() in nouns or head.lower_ in nouns or (PLACE_MARK in nouns and is_place(head))


def rule_matches(token: Any, rule: TriggerRule, is_place: Callable[[Any], bool]) -> bool:
    """Whether *token* fires *rule* (part of speech, particle, object and context tests)."""
    if rule.pos == "verb" and not _is_verb(token):
        return False
    if rule.pos == "noun" and not _is_noun(token):
        return False
    if _modifier(token) or _on_strike(token):
        return False
    if rule.not_in_name and _heads_name(token):
        return False
    if _describes(token, rule.not_describing, is_place):
        return False
    if rule.intransitive and any(c.dep_ == "dobj" for c in token.children):
        return False
    if not _particle_ok(token, rule.particle) or not _objects_ok(token, rule.objects, is_place):
        return False
    if rule.subjects and not subject_words(token) & rule.subjects:
        return False
    if rule.context or rule.not_context:
        words = context_words(token)
        if rule.context and not words & rule.context:
            return False
        if words & rule.not_context:
            return False
    return True


def find_triggers(
    sentence: Sequence[Any], lexicon: Lexicon, is_place: Callable[[Any], bool]
) -> list[Match]:
    """Every trigger of *sentence* (first matching rule per token), without absorbed ones and
    without the weak ones a strong trigger tells the story of (:func:`_same_story`)."""
    found: list[Match] = []
    for token in sentence:
        for rule in lexicon.candidates(token.text, token.lemma_):
            if rule_matches(token, rule, is_place):
                found.append(Match(token, rule))
                break
    found = [m for m in found if not _absorbed(m, found)]
    strong = [
        m for m in found if not m.rule.weak and not (m.rule.pos == "noun" and anaphoric(m.token))
        and not _describes_victims(m.token, found)
    ]
    return [m for m in found if not m.rule.weak or not any(_same_story(m, s) for s in strong)]


#: links that join two clauses of one sentence, each telling its own happening
CLAUSE_LINKS = frozenset({"conj", "parataxis"})


def _clause_root(token: Any) -> Any:
    """The head of the coordinated clause a word belongs to: up the tree to a conjoined or
    paratactic clause, or the sentence's root."""
    node = token
    while node.head != node and not (node.dep_ in CLAUSE_LINKS and node.pos_ in {"VERB", "AUX"}):
        node = node.head
    return node


def _same_story(weak: Match, strong: Match) -> bool:
    """A strong trigger drops a weak one of its own clause ("killed in an air strike"), of its
    event type ("attacked X and killed five soldiers") or of remote violence, which is what kills
    in a coordinated clause ("shells hit X, and five people were killed"); not one of a clause
    that tells a happening of another kind ("two civilians were killed in X, and the gunmen took
    policemen hostage")."""
    return (weak.rule.event_type == strong.rule.event_type or strong.rule.event_type == EXPLOSIONS
            or _clause_root(weak.token).i == _clause_root(strong.token).i)


def _describes_victims(token: Any, found: list[Match]) -> bool:
    """The trigger is in a relative clause on the object of a weak trigger of the sentence:
    "killed terrorists *who tried to infiltrate* X" tells who was killed; the killing stays."""
    node = token
    while node.head != node and node.dep_ != "relcl":
        node = node.head
    if node.dep_ != "relcl":
        return False
    victims = node.head.i
    # "killed and wounded terrorists who ...": the object the parser hangs on the second verb
    return any(m.rule.weak and any(victims == o.i for verb in (m.token, *m.token.conjuncts) for o in objects(verb))
               for m in found)


def _absorbed(match: Match, found: list[Match]) -> bool:
    """Two triggers naming one event: "repelled an *attack*" keeps the verb, "a car *bomb*
    exploded" / "air *strikes* destroyed" keep the noun that is the verb's subject."""
    others = {m.token.i: m for m in found if m is not match and not m.rule.weak}
    token = match.token
    if _forced_out(match, others):
        return True
    if match.rule.pos == "verb":
        return any(_subject_of(m.token, token) for m in others.values()
                   if m.rule.pos == "noun" and not (_capture(match.rule) and _battle(m.rule)))
    if _battle(match.rule) and _won_place(token, others):
        return True
    if _subject_of(token, token.head):
        return False
    head = token.head
    if head.i in others and head.i != token.i:
        return True
    if head.dep_ in {"prep", "agent"} and head.head.i in others:
        return True
    return _fighting_before_capture(match, others)


#: how many clause links (an adverbial clause, an open complement) a withdrawal may hang below
#: the capture it belongs to: "seized X, forcing troops to withdraw" is two
_CLAUSE_LINKS = ("advcl", "xcomp")
#: the links a forced retreat may also climb to its capture ("seized X after defeating the
#: militants and forcing them to leave")
_FORCED_LINKS = ("conj", "pcomp", "prep")
#: verbs by which the taker makes the other side go
FORCING_VERBS = frozenset({"force", "compel", "oblige", "make"})


def _forced_out(match: Match, others: dict[int, Match]) -> bool:
    """A change of forces told as a clause of a capture: "seized X after IS fighters withdrew
    from the area", "seized X, forcing troops to withdraw from the town": the losing side's
    retreat is the capture's other half, not an event of its own."""
    if match.rule.sub_event_type != "Change to group/activity":
        return False
    token, forced = match.token, False
    for _ in range(4):
        # past a verb of forcing, also up through "after defeating them and forcing them to leave"
        links = _CLAUSE_LINKS + (_FORCED_LINKS if forced else ())
        if token.dep_ not in links or token.head.i == token.i:
            return False
        token = token.head
        forced = forced or token.lemma_.lower() in FORCING_VERBS
        if token.i in others and _capture(others[token.i].rule):
            return True
    return False


def purpose(clause: Any) -> bool:
    """An infinitive clause ("an operation *to retake* X"): what was aimed at, not done."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def _capture(rule: TriggerRule) -> bool:
    """A rule whose event is a place taken (its sub-type follows the taker)."""
    return rule.nonstate_sub_event_type is not None


def _battle(rule: TriggerRule) -> bool:
    """A rule of fighting that takes no place ("offensive", "clashes")."""
    return rule.event_type == "Battles" and not _capture(rule)


def _won_place(noun: Any, others: dict[int, Match]) -> bool:
    """A fighting noun whose own verb is a capture: "a counteroffensive *retook* X", "an
    offensive that *captured* X": the event is the capture that the fighting achieved."""
    verbs = [noun.head] if _subject_of(noun, noun.head) else []
    verbs += [c for c in noun.children if c.dep_ == "relcl" and not purpose(c)]
    return any(v.i in others and _capture(others[v.i].rule) for v in verbs)


#: "seized the base *after* weeks of fighting": the fighting that won the place
LEAD_UP_PREPS = frozenset({"after", "following"})


def _fighting_before_capture(match: Match, others: dict[int, Match]) -> bool:
    """A battle noun in an "after (weeks of) fighting" phrase of a capture is that capture's
    own fighting, not another event (unless it tells its own toll: "after a battle that
    killed 30")."""
    if match.rule.event_type != "Battles" or match.rule.nonstate_sub_event_type is not None:
        return False
    node = match.token
    while node.head.dep_ == "prep" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
        node = node.head.head  # "weeks of fighting", "days of fierce battles"
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ not in LEAD_UP_PREPS:
        return False
    capture = others.get(prep.head.i)
    if capture is None or capture.rule.nonstate_sub_event_type is None:
        return False
    return not any(t.pos_ in {"VERB", "NUM"} for t in match.token.subtree if t is not match.token)


def _subject_of(noun: Any, verb: Any) -> bool:
    if noun.head.i != verb.i and not (noun.head.dep_ == "agent" and noun.head.head.i == verb.i):
        return False
    return noun.dep_ in {"nsubj", "pobj"} and (noun.dep_ == "nsubj" or noun.head.dep_ == "agent")
