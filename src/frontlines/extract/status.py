"""A claim's standing (asserted, reported, alleged, denied, expected, hypothetical).

Cues count only on the trigger's own clause chain: the trigger and the words that govern
it (up to the sentence root, stopping at relative clauses, whose tense is their own).
Precedence: not an event (negated, habitual) > background (history told in a current report)
> hypothetical > expected > denied > alleged > reported > asserted.  The attribution is the nearest named source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ResourceError
from ..records import Status

if TYPE_CHECKING:
    from spacy.tokens import Token

# governors of "to V" that report an outcome, not an aim ("managed to", "caused X to explode")
SUCCESS_VERBS = frozenset({"manage", "succeed", "able", "continue", "begin", "start", "go", "help"})
RESULT_VERBS = frozenset({"cause", "force", "lead", "prompt"})
CLAUSE_STOP = frozenset({"relcl"})
WAR_WORDS = frozenset({"war", "conflict", "crisis", "revolution", "uprising", "civil war"})
EXPECT_LINKS = frozenset(
    {
        "xcomp",
        "prep",
        "pcomp",
        "pobj",
        "acl",
        "ccomp",
        "advcl",
        "dobj",
        "attr",
        "nsubj",
        "nsubjpass",
    }
)


@dataclass(frozen=True, slots=True)
class Standing:
    """The standing of one trigger: ``status`` None means "not a specific event"."""

    status: Status | None
    attributed_to: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Cues:
    """The status cue lexicon (``data/hedges.yaml``)."""

    words: dict[str, frozenset[str]]

    def has(self, kind: str, word: str) -> bool:
        return word.lower() in self.words.get(kind, frozenset())


def parse_cues(data: Any) -> Cues:
    """The cue lexicon from the parsed ``hedges.yaml`` (see :func:`frontlines.kb.check_kb`)."""
    return Cues(
        {str(k): frozenset(str(w).lower() for w in v) for k, v in data.items() if isinstance(v, list)}
    )


def load_cues(path: Path) -> Cues:
    """The status cue lexicon at ``path``."""
    from ..kb.yamlines import read_yaml_lines

    data = read_yaml_lines(Path(path), "status cue lexicon")
    if not isinstance(data, dict):
        raise ResourceError("the status cue lexicon must be a mapping", source=str(path))
    return parse_cues(data)


#: nouns of people that belong to the group named after "for" ("fighters for the Islamic State")
_MEMBERS_FOR = frozenset({"fighter", "member", "militant", "militiaman", "gunman", "soldier", "unit"})


def phrase_bounds(token: Any) -> tuple[int, int]:
    """Token range [start, end] of the noun phrase headed by *token*, without its clauses."""
    keep = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "punct", "advmod"}
    left = [t for t in token.lefts if t.dep_ in keep]
    start = min([token.i] + [t.left_edge.i for t in left])
    right = [
        t
        for t in token.rights
        if t.dep_ == "compound"
        or (t.dep_ == "prep" and t.lower_ == "of")
        or (
            t.dep_ == "prep"
            and t.lower_ == "for"
            and (token.pos_ == "PROPN" or token.lemma_.lower() in _MEMBERS_FOR)
            and any(c.pos_ == "PROPN" for c in t.children)
        )
    ]  # "the Observatory for Human Rights", "fighters for the Islamic State"
    end = max([token.i] + [t.right_edge.i for t in right])
    return start, end


def phrase(token: Token) -> str:
    """The noun phrase headed by *token* without its clauses (for naming a source)."""
    start, end = phrase_bounds(token)
    return token.doc[start : end + 1].text.strip(" ,–-")


def chain(trigger: Any) -> list[tuple[Any, str]]:
    """(token, dependency of the link below it) from the trigger up its clause chain."""
    out = [(trigger, "")]
    token = trigger
    while token.head != token and token.dep_ not in CLAUSE_STOP and not comment_clause(token):
        out.append((token.head, token.dep_))
        token = token.head
    return out


def comment_clause(token: Any) -> bool:
    """ "- as agreed by X -", "as reported": a parenthetical with its own standing."""
    return (
        token.dep_ in {"advcl", "acl"}
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        or (
            token.dep_ in {"advcl", "acl"}
            and token.tag_ == "VBN"
            and token.i > 0
            and token.doc[token.i - 1].lower_ == "as"
        )
    )


def _source_of(verb: Any) -> str | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ not in {
            "it",
            "this",
            "that",
            "which",
        }:
            return phrase(child)
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return phrase(objs[0])
    return None


def _according(token: Any) -> str | None:
    for child in token.children:
        if child.lower_ == "according":
            for to in child.children:
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    return phrase(objs[0])
            return ""
    return None


def _according_terms(token: Any, cues: Cues) -> bool:
    """ "According to the agreement, ...": what follows are the terms of a deal."""
    return any(
        cues.has("terms_nouns", obj.lemma_)
        for child in token.children if child.lower_ == "according"
        for to in child.children
        for obj in to.children if obj.dep_ == "pobj"
    )  # fmt: skip


class _Scan:
    """Flags collected while walking up a trigger's chain."""

    def __init__(self) -> None:
        self.flags: dict[str, str] = {}
        self.source: str | None = None

    def flag(self, name: str, cue: str) -> None:
        self.flags.setdefault(name, cue)

    def attribute(self, source: str | None) -> None:
        if self.source is None and source:
            self.source = source


def _clause_cues(token: Any, link: str, cues: Cues, scan: _Scan, is_trigger: bool,
                 described: bool = False) -> None:
    for child in token.children:
        word, dep = child.lower_, child.dep_
        if described and dep in {"neg", "aux", "auxpass", "advmod"}:
            continue  # "X may (not) be the deadliest attack": the description is hedged, not X
        if dep == "neg" or (dep == "amod" and cues.has("negating_words", child.lemma_)):
            scan.flag("negated", word)
        elif dep in {"aux", "auxpass"} and cues.has("future_aux", word):
            scan.flag("expected", word)
        elif dep == "aux" and word == "could" and _past_anchored(token, cues):
            continue  # "could capture X yesterday": the past of "can" (it managed to), no forecast
        elif dep == "aux" and cues.has("modal_aux", word):
            has_perfect = any(c.lower_ == "have" for c in token.children if c.dep_ == "aux")
            scan.flag(
                "alleged"
                if has_perfect and word != "would"
                else ("would" if word == "would" else "expected"),
                word,
            )
        elif dep == "advmod" and cues.has("hedge_adverbs", word):
            scan.flag("alleged", word)
        elif dep == "advmod" and cues.has("habitual_adverbs", word):
            scan.flag("habitual", word)
        elif dep in {"advmod", "npadvmod"} and cues.has("future_adverbs", word) and not _told_past(token):
            scan.flag("expected", word)  # "will soon capture", not "jets later struck"
        elif dep == "mark" and cues.has("conditional_marks", word):
            scan.flag("hypothetical", word)
        elif dep == "prep" and cues.has("background_preps", word) and _dated(child):
            scan.flag("background", word)
        elif dep == "advcl" and _conditional_clause(child, cues):
            scan.flag("conditional-main", child.text)
        elif dep == "nsubj" and cues.has("expectation_words", child.lemma_):
            scan.flag("expected", child.lower_)
        elif is_trigger and dep == "amod" and _prenominal_expectation(child, cues):
            scan.flag("expected", child.lower_)  # "possible strikes", "a potential offensive"
        elif token.lemma_ == "be" and _prospect(child, cues):
            scan.flag("expected", child.lower_)  # "X's liberation is within sight / imminent"
    if _inverted_should(token):
        scan.flag("hypothetical", "should")
    source = _according(token)
    scan.attribute(source)
    if source is not None:
        scan.flag("reported", "according to")
    if _according_terms(token, cues):
        scan.flag("expected", "according to the terms of a deal")


def _told_past(verb: Any) -> bool:
    """A simple past or a perfect with no modal ("struck", "had struck", "was shelled"): a
    future adverb on it ("later", "soon", "eventually") tells the order of past events."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.tag_ in {"VBD", "VBZ", "VBP"} for a in auxes))


def _past_anchored(verb: Any, cues: Cues) -> bool:
    """Whether the verb's own time adjunct can only be past ("yesterday", "two days ago", "last
    week", "earlier on Monday"): a forecast cannot be set there."""
    for child in verb.children:
        if child.dep_ in {"npadvmod", "advmod", "prep", "tmod"} and any(
                cues.has("past_anchors", t.lower_) for t in child.subtree):
            return True
    return False


def _prenominal_expectation(adjective: Any, cues: Cues) -> bool:
    """An expectation adjective before the trigger noun, not negated ("not imminent" is a
    predicate the parser attached to the next noun)."""
    before = adjective.doc[adjective.i - 1].lower_ if adjective.i > 0 else ""
    return cues.has("expectation_words", adjective.lemma_) and before not in {"not", "n't", "no"}


def _prospect(child: Any, cues: Cues) -> bool:
    if child.dep_ in {"acomp", "attr"}:
        return cues.has("expectation_words", child.lemma_)
    if child.dep_ == "prep":
        return any(
            cues.has("expectation_words", p.lemma_) for p in child.children if p.dep_ == "pobj"
        )
    return False


def _dated(prep: Any) -> bool:
    return any(t.like_num or t.ent_type_ == "DATE" for t in prep.subtree)


def _conditional_clause(clause: Any, cues: Cues) -> bool:
    return any(
        c.dep_ == "mark" and cues.has("conditional_marks", c.lower_) for c in clause.children
    ) or _inverted_should(clause)


def _inverted_should(token: Any) -> bool:
    auxes = [c for c in token.lefts if c.dep_ == "aux" and c.lower_ == "should"]
    subjects = [c for c in token.lefts if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(auxes and subjects and auxes[0].i < subjects[0].i)


def _governor_cues(token: Any, link: str, below: Any, cues: Cues, scan: _Scan, attack: bool = False,
                   days: frozenset[str] = frozenset()) -> None:
    lemma = token.lemma_.lower()
    if attack and link == "xcomp" and token.tag_ in {"VBD", "VBN"} and cues.has("attempt_verbs", lemma):
        return  # "militants tried to infiltrate army positions": the attack was made
    if cues.has("negating_words", lemma) and link in {
        "xcomp",
        "prep",
        "pcomp",
        "pobj",
        "advcl",
        "ccomp",
        "dobj",
    }:
        scan.flag("negated", lemma)
    elif cues.has("habitual_verbs", lemma) and link == "xcomp" and not _one_day(token, below, days):
        scan.flag("habitual", lemma)
    elif cues.has("denial_verbs", lemma) and link in {"ccomp", "dobj", "xcomp"}:
        scan.flag("denied", lemma)
        scan.attribute(_source_of(token))
    elif cues.has("alleging_verbs", lemma) and link in {"ccomp", "xcomp", "parataxis"}:
        scan.flag("alleged", lemma)
        scan.attribute(_source_of(token))
    elif cues.has("reporting_verbs", lemma) and link in {
        "ccomp",
        "parataxis",
        "xcomp",
        "conj",
        "dobj",
    }:
        scan.flag("reported", lemma)
        scan.attribute(_source_of(token))
        if link == "xcomp" and _bare_infinitive(below):
            scan.flag("expected", "to (announced aim)")  # "announced an offensive to liberate X"
    elif cues.has("reporting_nouns", lemma) and link in {"acl", "ccomp", "relcl", "appos"}:
        scan.flag("reported", lemma)
        scan.attribute(_noun_source(token))
    elif cues.has("expectation_words", lemma) and link in EXPECT_LINKS and not _counted_participle(token, below):
        scan.flag("expected", lemma)
    elif (
        _infinitive(below)
        and lemma not in RESULT_VERBS
        and (link != "xcomp" or lemma not in SUCCESS_VERBS)
    ):
        scan.flag("expected", "to (purpose)")


def _one_day(verb: Any, below: Any, days: frozenset[str]) -> bool:
    """ "Troops continued to advance on Morek on Monday": a day (one of ``days``, the toll words'
    ``day_words``) names when it went on, so it is that day's event, not a habit."""
    words = [t for v in (verb, below) for c in v.children if c.dep_ in {"prep", "npadvmod", "advmod"}
             for t in (c, *c.children)]
    return any(t.lower_ in days for t in words)


def _counted_participle(verb: Any, below: Any) -> bool:
    """"Some 172 wanted militants turned themselves in": the parser reads the participle before
    the counted noun as a verb whose subject is the number and whose complement is the noun's
    clause; it is the noun's adjective ("wanted" by the police), no aim."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (verb.tag_ in {"VBD", "VBN"} and bool(subjects) and all(c.tag_ == "CD" for c in subjects)
            and after is not None and after.pos_ in {"NOUN", "PROPN"} and after.dep_ in {"nsubj", "nsubjpass"}
            and after.head.i == below.i)


def _noun_source(noun: Any) -> str | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return phrase(child)
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        return _source_of(head)
    return None


def _bare_infinitive(token: Any) -> bool:
    """ "to liberate": an infinitive without perfect, progressive or copula ("said to have
    taken", "reported to be advancing", "reported to be on the advance" tell what happened)."""
    auxes = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    return (token.tag_ == "VB" and token.lemma_ != "be" and any(a.tag_ == "TO" for a in auxes)
            and not any(a.lemma_ in {"have", "be"} for a in auxes))


def _infinitive(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def standing(trigger: Any, cues: Cues, attack: bool = False, days: frozenset[str] = frozenset()) -> Standing:
    """The standing of the event that *trigger* names, from its clause chain (``attack``: the
    trigger names an attack, which a past attempt makes, not a capture, which it does not;
    ``days``: the words of one day, "on Monday", "yesterday")."""
    scan = _Scan()
    links = chain(trigger)
    for index, (token, link) in enumerate(links):
        if index:
            _governor_cues(token, link, links[index - 1][0], cues, scan, attack=attack, days=days)
        described = index == 1 and link == "nsubj" and _description(token)
        _clause_cues(token, link, cues, scan, is_trigger=index == 0, described=described)
    return _decide(scan, trigger)


def _description(verb: Any) -> bool:
    """A copula that describes its subject with a noun ("airstrikes on the school *may be the
    deadliest attack* of the war"): a modal or a negation there hedges the description, not
    whether the subject happened."""
    return verb.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"} for c in verb.children)


def _background_since(trigger: Any) -> bool:
    """ "Since 2015" in the sentence makes perfect, progressive and nominal triggers background."""
    since = any(t.lower_ == "since" and _dated_scope(t) and _own_clause(t, trigger) for t in trigger.sent)
    if not since:
        return False
    if any(c.dep_ == "mark" and c.lower_ == "since" for t in trigger.ancestors for c in t.children):
        return True  # inside "since the war began with protests"
    auxes = {c.lemma_ for c in trigger.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxes & {"have", "be"}) or trigger.tag_ == "VBG" or trigger.pos_ == "NOUN"


def _own_clause(word: Any, trigger: Any) -> bool:
    """``word`` belongs to the trigger's clause: on the way up from it to the first word that
    governs the trigger there is no relative or participial clause ("the town, which has been
    shelled since May")."""
    node = word
    while trigger not in node.subtree:
        if node.dep_ in {"relcl", "acl"} or node.head == node:
            return False
        node = node.head
    return True


def _dated_scope(since: Any) -> bool:
    """ "since 2015", "since it erupted in March 2011": a date in the since-phrase or clause."""
    scope = since.head.subtree if since.dep_ == "mark" else since.subtree
    return any(c.like_num or c.ent_type_ == "DATE" for c in scope)


def _whole_war(trigger: Any) -> bool:
    """ "killed in the Syrian conflict": a toll of the whole war, not one event."""
    for prep in trigger.children:
        if prep.dep_ == "nsubj" and prep.lemma_.lower() in WAR_WORDS:
            return True  # "the war has killed hundreds of thousands"
        if prep.dep_ == "prep" and prep.lower_ in {"in", "during", "throughout", "since"} and any(
            p.lemma_.lower() in WAR_WORDS for p in prep.children if p.dep_ == "pobj"
        ):
            return True
    return False


TIME_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})


def _verb_of(trigger: Any) -> Any:
    """The verb whose tense is the trigger's: itself, or the first verb above a noun trigger
    through prepositions and objects ("had been under *attack*", "launched an *offensive*")."""
    node = trigger
    while node.pos_ not in {"VERB", "AUX"} and node.dep_ in {"pobj", "prep", "dobj", "attr", "nsubjpass"}:
        if node.head == node:
            break
        node = node.head
    return node if node.pos_ in {"VERB", "AUX"} else None


def _narrated(verb: Any) -> bool:
    """A pluperfect in the author's own narration: not reported speech backshifted ("said it
    had captured"), not bounded by a date ("by June 20 the YPG had captured")."""
    node = verb
    while node.dep_ in {"conj", "xcomp"} and node.head != node:
        node = node.head
    if node.dep_ not in {"ROOT", "advcl"}:
        return False
    return not any(p.dep_ == "prep" and p.lower_ == "by" for p in node.children)


#: verbs of a toll: a toll over a stretch of time is a sum ("killed 471 over the past week"); other
#: verbs over one tell a state of things ("has been re-equipped over the last few months")
DEATH_VERBS = frozenset({"kill", "die", "perish", "claim"})
#: words that make a stretch of time end now: "over the past week", "during the last three months"
STRETCH_ENDS_NOW = frozenset({"past", "last", "previous", "preceding"})


def _over_a_stretch(node: Any) -> bool:
    """ "over the past week", "in the last three days": a stretch of days that ends now."""
    for prep in node.children:
        if prep.dep_ == "prep" and prep.lower_ in {"over", "in", "during", "throughout"}:
            for span in prep.children:
                if span.dep_ == "pobj" and span.lemma_.lower() in {"day", "week", "month"} and (
                        span.lower_ != "day" and any(c.lower_ in STRETCH_ENDS_NOW for c in span.children)):
                    return True
    return False


#: what goes on for weeks: its perfect tolls are running totals ("the offensive has killed hundreds")
CAMPAIGN_NOUNS = frozenset({"offensive", "campaign", "operation", "bombardment", "onslaught", "siege",
                            "fighting", "violence"})


def _over_months(verb: Any) -> bool:
    """ "over the past two years, rebels have been transferred": a stretch of months or years
    that ends now holds many happenings, not one."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"over", "in", "during", "throughout"}:
            for span in prep.children:
                if span.dep_ == "pobj" and span.lemma_.lower() in {"month", "year"} and span.lower_.endswith("s") \
                        and any(c.lower_ in STRETCH_ENDS_NOW for c in span.children):
                    return True
    return False


def _campaign_total(trigger: Any) -> bool:
    """ "A regime offensive ... has killed hundreds of civilians": a campaign's perfect toll is its
    running total; so is the campaign noun that is its subject."""
    verb = trigger.head if trigger.dep_ == "nsubj" and trigger.pos_ == "NOUN" else trigger
    if verb.lemma_.lower() not in DEATH_VERBS or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    if any(t.ent_type_ == "DATE" for c in verb.children if c.dep_ in {"prep", "npadvmod"} for t in c.subtree):
        return False  # "the offensive has killed 20 on Monday": that day's toll
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in CAMPAIGN_NOUNS for c in verb.children)


def _recalled(trigger: Any) -> str | None:
    """History told in passing: a pluperfect ("had captured"), a perfect over a stretch of
    time ("have besieged the town for weeks"), or a happening dated some days before another
    ("three days after taking the crossing", "a week after the army battled")."""
    verb = _verb_of(trigger)
    if verb is not None:
        auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ == "had" for a in auxes) and verb.tag_ == "VBN" and _narrated(verb):
            return "pluperfect"
        perfect = any(a.lemma_ == "have" for a in auxes)
        for prep in verb.children:
            if perfect and prep.dep_ == "prep" and prep.lower_ == "for" and any(
                    o.lower_ in TIME_UNITS or any(c.lower_ in TIME_UNITS for c in o.children)
                    for o in prep.children if o.dep_ == "pobj"):
                return "a perfect over weeks"
    for node in [trigger, *trigger.ancestors][:4]:
        if node.lemma_.lower() in DEATH_VERBS and _over_a_stretch(node):
            return "a sum over a stretch of time"
    if verb is not None and _over_months(verb):
        return "a stretch of months or years"
    if _campaign_total(trigger):
        return "a campaign's running total"
    for node in [trigger, *trigger.ancestors]:
        if node.lower_ in {"after", "before"} and node.dep_ in {"prep", "mark"}:
            lead = [c for c in node.lefts if c.lower_ in TIME_UNITS or c.lemma_ in TIME_UNITS]
            if node.dep_ == "mark":
                lead += [c for c in node.head.children if c.dep_ == "npadvmod" and c.lemma_ in TIME_UNITS]
            if lead:
                return f"some {lead[0].lower_} {node.lower_}"
    return None


def _decide(scan: _Scan, trigger: Any) -> Standing:
    flags = scan.flags
    if _background_since(trigger):
        flags.setdefault("background", "since")
    if _whole_war(trigger):
        flags.setdefault("background", "the whole war")
    recalled = _recalled(trigger)
    if recalled:
        flags.setdefault("background", recalled)
    for name in ("negated", "habitual"):
        if name in flags:
            return Standing(None, None, f"{name}: {flags[name]}")
    if "background" in flags:
        return Standing(Status.BACKGROUND, scan.source, f"background: {flags['background']}")
    conditional = (
        "hypothetical" in flags or "conditional-main" in flags or _conditional_sentence(trigger)
    )
    if (
        "hypothetical" in flags
        or ("would" in flags and conditional)
        or ("conditional-main" in flags and ("expected" in flags or "would" in flags))
    ):
        return Standing(
            Status.HYPOTHETICAL,
            scan.source,
            _cue(flags, "hypothetical", "would", "conditional-main"),
        )
    for name, status in (
        ("would", Status.EXPECTED),
        ("expected", Status.EXPECTED),
        ("denied", Status.DENIED),
        ("alleged", Status.ALLEGED),
        ("reported", Status.REPORTED),
    ):
        if name in flags:
            return Standing(status, scan.source, f"{name}: {flags[name]}")
    return Standing(Status.ASSERTED, None, None)


def _cue(flags: dict[str, str], *names: str) -> str:
    return "; ".join(f"{n}: {flags[n]}" for n in names if n in flags)


def _conditional_sentence(trigger: Any) -> bool:
    return any(t.dep_ == "mark" and t.lower_ in {"if", "unless"} for t in trigger.sent)
