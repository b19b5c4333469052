"""Fatality counts with ACLED's conventions.

- the most conservative figure ("at least 12", "more than 12", "over 12" → 12; "10 to 15" → 10);
- vague quantities: "dozens" = 12, "tens" = 10, "hundreds" = 100, "scores" = 20 (one score,
  by analogy with ACLED's one dozen), "a/one" = 1; "several", "many" stay unknown;
- the wounded are not killed: "killed and wounded", "casualties" are not a toll; nor are the
  captured or missing, and a date ("12-03-2015"), a year or an age is never a count;
- the tolls of coordinated places or of a second strike stay apart ("25 in Douma and four in
  Jobar", "a second strike killed 7"); "left N dead", "claimed the lives of N", "the killing
  of N", "the death toll rose to N" are read; "no casualties were reported" is a toll of zero;
- a total over an operation or several days ("total", "so far", "during the operation",
  "since") is not one event's toll.

The words are the knowledge base's (``data/tolls.yaml``: kill and wound words, words of running
totals, of happenings, of groups, of time): :class:`TollReader` is built with them.  The English
grammar the rules read (temporal clauses, verbs of saying; month names and number words in
:mod:`.numbers`) stays in code.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..taxonomy import VAGUE
from .numbers import MONTH_WORDS, WEEKDAY_WORDS, compound_count, day_of_month, number
from .tollwords import TollWords

#: conjunctions of a clause setting the scene of another happening: "... after a pilot was killed"
TEMPORAL_MARKS = frozenset({"after", "before", "since", "until", "following", "once"})
#: prepositions of a phrase setting the scene of another happening: "after clashes that killed 200"
TEMPORAL_PREPS = frozenset({"after", "before", "following", "until"})
#: verbs of saying: a kill word and a trigger under one of them are two reports, not one clause
SPEECH_LEMMAS = frozenset({"say", "report", "tell", "add", "state", "announce", "claim"})


def _counted(noun: Any) -> bool:
    """A number, or a noun with a number ("8 persons")."""
    return noun.like_num or any(c.dep_ == "nummod" and c.like_num for c in noun.children)


def _own_victims(word: Any) -> bool:
    """A wound word with its own count: "... and 30 others were wounded", "injuring 50"."""
    own = {"nsubj", "nsubjpass", "dobj", "npadvmod", "advmod", "nummod"}
    if word.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children):
        return True  # "the death of a child and the injury of 6 people"
    return any(c.dep_ in own and (c.pos_ in {"NOUN", "NUM", "PRON"} or c.lower_ in {"more",
               "others"}) for c in word.children)  # fmt: skip


def _so_far(token: Any) -> bool:
    """ "so far": a running total, not one event's toll."""
    after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return token.lower_ == "so" and after == "far"


def _running_total(token: Any) -> bool:
    """ "total" that sums up ("in total", "the total rose"), not "a total of 28 rebels were
    killed" (one event's count)."""
    if token.lower_ != "total":
        return False
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return before != "a"


def _is_day_number(token: Any) -> bool:
    """ "killed in 2013" is a year's total, but "in 24 hours" is no date at all."""
    return not (token.lower_.isdigit() and len(token.lower_) == 4)


def _placed_apart(noun: Any) -> bool:
    """A coordinated count with a place of its own ("25 rebels in Douma and four *in Jobar*"):
    the toll of another location (ACLED codes one event per location); not a person without a
    count of its own, where the place closes the clause ("a farmer and his wife near Hama")."""
    return _counted(noun) and any(c.dep_ == "prep" and c.lower_ in {"in", "at", "near"} for c in noun.children)


def _sub_count_host(noun: Any) -> Any:
    """The noun a sub-count is told of: "leaving 17 civilians - including four children - dead"
    (the dashes make "dead" a modifier of the children): the civilians; else the noun itself."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in {"including", "among"} and prep.head.pos_ in {"NOUN", "NUM"}:
        return prep.head
    return noun


def _means_of(noun: Any, trigger: Any) -> bool:
    """An event noun in a phrase of the trigger's own verb ("hit the clinic *in strikes*",
    "destroyed *by airstrikes*"): the means of the trigger's happening, not another."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ in {"prep", "agent"} and prep.lower_ in {"in", "by", "with"} \
        and prep.head == trigger


def _dated_apart(victims: Any, other: Any) -> bool:
    """A dateline between two coordinated counts ("kill 10 children 5 women ... AFP Friday 24 Oct
    2014 Ten children and five women have been killed"): a headline and the report's own sentence
    run together, the same dead told twice, not two parts of one toll."""
    low, high = sorted((victims.i, other.i))
    return any(t.lower_ in MONTH_WORDS or t.lower_ in WEEKDAY_WORDS for t in victims.doc[low + 1 : high])


def _whole_of(victims: Any) -> Any:
    """The count a part is told among ("7 children among 10 killed"): the whole, else the victims."""
    among = [p for c in victims.children if c.dep_ == "prep" and c.lower_ == "among"
             for p in c.children if p.dep_ == "pobj" and (p.like_num or _counted(p))]
    return among[0] if among else victims


def _subject_of(kill: Any, trigger: Any) -> bool:
    """A participle's kill word ("killing at least 100") told of the subject of the first clause
    above it that has one, the trigger's ("a bomb blast hit a convoy waiting to enter the city on
    Saturday killing 100": the blast's dead, however deep the parse hangs the participle)."""
    if kill.tag_ != "VBG":
        return False
    for node in kill.ancestors:
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if node.pos_ in {"VERB", "AUX"} and subjects:
            return node.lemma_.lower() not in SPEECH_LEMMAS and any(trigger in s.subtree for s in subjects)
    return False


def _share(noun: Any) -> bool:
    """A share of the dead told after them ("killed many terrorists, among them 5 foreigners",
    "including 3 leaders"), misparsed as a second object: not the victims."""
    return any(c.dep_ == "prep" and c.lower_ in {"among", "including"} and c.i < noun.i for c in noun.children)


def _coordinated_siblings(victims: Any) -> list[Any]:
    """Coordinated victims the parse hung side by side under the verb ("A commander and three of
    his aides were killed": two subjects): the ones after an "and" that follows the victims."""
    if victims.dep_ not in {"nsubjpass", "dobj", "nsubj"}:
        return []
    siblings = [c for c in victims.head.children if c.dep_ == victims.dep_ and c.i > victims.i and not _share(c)]
    doc = victims.doc
    return [c for c in siblings if any(t.dep_ == "cc" and t.lower_ == "and" for t in doc[victims.i + 1 : c.i])]


def _one_named(noun: Any) -> bool:
    """A singular noun told with "the" ("the commander"): one person, when others are counted
    beside it."""
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


#: nouns and words of a phrase that names a cause: "as a result of", "due to", "because of"
CAUSE_WORDS = frozenset({"result", "due", "because", "consequence", "owing"})


def _cause_head(word: Any) -> Any:
    """The word a phrase of cause hangs from ("documented 10 deaths as a result of the
    airstrikes": "documented"); the word itself when no such phrase holds it."""
    node, causal = word, False
    while node.dep_ in {"pobj", "prep", "pcomp", "amod", "advmod"} and node.head is not node:
        causal = causal or node.lower_ in CAUSE_WORDS or node.head.lower_ in CAUSE_WORDS
        node = node.head
    return node if causal else word


def _count_before(kill: Any) -> int | None:
    """A headline's count written just before its kill word, when a dateline ahead of it was
    parsed as the subject ("Mon Oct 31 2016 Over 3 killed ..."): the number, or None."""
    before = kill.doc[kill.i - 1] if kill.i > 0 else None
    if before is None or not before.like_num or day_of_month(before):
        return None
    return number(before)


def _run_on_parts(noun: Any) -> list[Any]:
    """Counted nouns run on with the victims noun, a comma lost in a headline ("kill 10 children
    5 women": "children" parsed as a modifier of "women", or "women" as an apposition with no
    comma before it): parts of the toll, each with its own number (not "40 IS fighters", whose
    compound holds no number of its own; not a share of them, "12 civilians 5 of them children")."""
    def numbered(word: Any) -> bool:
        return any(n.dep_ == "nummod" and n.like_num and n.i < word.i for n in word.children)

    before = [c for c in noun.children if c.dep_ in {"nmod", "compound"} and c.i < noun.i and c.pos_ == "NOUN"
              and numbered(c) and any(n.dep_ == "nummod" and n.like_num and n.i > c.i for n in noun.children)]
    after = [c for c in noun.children if c.dep_ == "appos" and c.i > noun.i and c.pos_ == "NOUN" and numbered(c)
             and numbered(noun) and not any(t.is_punct for t in noun.doc[noun.i + 1 : c.i])]
    doc = noun.doc
    return [c for c in before + after if not any(t.lower_ in {"them", "among", "including", "whom"}
                                                 for t in doc[max(c.left_edge.i - 1, 0) : c.right_edge.i + 3])]


#: "no casualties were reported", "no one was killed", "without casualties": a toll of zero
_NO_TOLL = re.compile(
    r"\b(?:no|without(?:\s+any)?)\s+(?:(?:human|civilian|immediate)\s+)?(?:casualties|deaths|fatalities|victims|"
    r"loss(?:es)?\s+of\s+life)\b|\bno(?:body|\s+one)\s+(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:killed|hurt|injured|harmed|wounded)\b", re.I)


def no_toll(sentence: Any) -> bool:
    """The sentence says that nobody died ("However, no casualties were reported")."""
    return _NO_TOLL.search(sentence.text) is not None


@dataclass(frozen=True, slots=True)
class TollReader:
    """Reads the deaths a sentence counts, with the knowledge base's toll words
    (``KnowledgeBase.tolls``, ``data/tolls.yaml``)."""

    words: TollWords
    #: the words of a time ("before dawn", "after Friday"): same day, day, month and time words
    _time_words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        w = self.words
        object.__setattr__(self, "_time_words", w.same_day_words | w.day_words | MONTH_WORDS | w.time_nouns)

    def victims_of(self, kill: Any) -> Any:
        """The noun naming the dead of a kill word ("killed 12 civilians", "12 people were killed",
        "12 died", "29 rebels dead", "22 killed in ...", "claimed the lives of 14 people")."""
        if kill.lemma_.lower() in {"life", "lives"}:  # "claimed the lives of 14 people", "claimed two lives"
            owners = (p for c in kill.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
            losers = (c for c in kill.head.children if c.dep_ == "nsubj" and kill.dep_ == "dobj")
            return next(owners, kill if _counted(kill) else next(losers, None))  # "15 civilians lost their lives"
        if kill.pos_ == "NOUN" and kill.lemma_.lower() in {"killing", "death", "murder", "execution", "slaying",
                                                           "martyrdom"}:
            # "the killing of 7 soldiers", "the deaths of 12 civilians"
            found = next((p for c in kill.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
            if found is not None:
                return found
        if kill.lemma_.lower() == "dead" and kill.dep_ in {"oprd", "xcomp", "ccomp", "acomp"} \
                and kill.head.lemma_.lower() == "leave":  # "clashes left 14 troops dead"
            return next((c for c in kill.head.children if c.dep_ == "dobj"), None)
        if kill.lemma_.lower() == "dead" and kill.dep_ == "oprd":  # "40 people were confirmed dead"
            told = [c for c in kill.head.children if c.dep_ in {"nsubjpass", "dobj"}]
            if told:
                return told[0]
        for c in kill.children:  # headline "Car bomb kills 10 wounds 22": the wound verb read as a noun
            if c.dep_ == "dobj" and c.lower_.endswith("s") and c.lower_[:-1] in self.words.wound_words:
                counts = [n for n in c.children if n.dep_ == "nummod" and n.like_num and n.i < c.i]
                if counts:
                    return counts[0]
        for dep in ("nsubjpass", "dobj"):
            found = [c for c in kill.children if c.dep_ == dep and not self._wounded_count(c) and not _share(c)]
            if found:  # a counted noun first ("Date of publication ... 25 civilians were killed")
                return next((c for c in found if self._count_of(c) is not None), found[0])
        lemma = kill.lemma_.lower()
        own = [c for c in kill.children if c.dep_ == "nummod" and c.like_num and c.i < kill.i]
        before = kill.doc[kill.i - 1] if kill.i > 0 else kill
        if kill.dep_ == "amod" and before.like_num and before.head == kill.head and before.i != kill.head.i:
            own = own or [before]
        if lemma == "dead" and own:  # "... - 30 dead say rescuers": the count told with the word
            return own[0]
        if lemma in {"die", "perish", "dead"}:
            for child in kill.children:
                if child.dep_ == "nsubj":
                    return child
        if lemma == "dead" and kill.dep_ == "pobj" and kill.head.lower_ == "among" and kill.head.head.pos_ == "NOUN":
            return kill.head.head  # "Four children among dead": the part the report counts
        if lemma == "dead" and kill.dep_ == "amod":
            if own and self._wounded_told(kill.head):
                return own[0]  # "14 dead 30 wounded": "dead" misparsed as a modifier of the wounded count
            return _sub_count_host(kill.head)
        if kill.tag_ == "VBN" and kill.dep_ in {"acl", "amod"} and (
                kill.head.pos_ in {"NOUN", "NUM"} or kill.head.like_num):
            return kill.head  # "31 people killed on Saturday", "8 persons killed, 58 injured"
        if lemma == "dead" and kill.dep_ == "acomp":
            return next((c for c in kill.head.children if c.dep_ == "nsubj"), None)
        following = kill.doc[kill.i + 1] if kill.i + 1 < kill.sent.end else None
        if kill.pos_ == "VERB" and kill.tag_ in {"VBD", "VBG", "VBZ", "VBP"} and following is not None \
                and following.like_num and following.dep_ == "nummod" and following.head.i == following.i + 1 \
                and not any(c.dep_ in {"dobj", "nsubjpass"} for c in kill.children):
            return following.head  # "... that killed 13 people MSF said": the object taken by the next clause
        passive = [c for c in kill.children if c.dep_ == "auxpass"]
        ahead = kill.doc[passive[0].i - 1] if passive and passive[0].i > 0 else None
        if ahead is not None and ahead.pos_ == "NOUN" and _counted(ahead) and ahead.head != kill:
            return ahead  # "May 032016 Nine civilians were killed": a dateline took the subject
        subjects = [c for c in kill.children if c.dep_ == "nsubj"]
        if any(self._wounded_count(c) for c in kill.children) and subjects:
            return subjects[0]  # headline "Eight Civilians Killed 14 Injured"
        if kill.pos_ == "VERB" and subjects and _counted(subjects[0]) and kill.tag_ in {"VBN", "VBD"} \
                and not any(c.dep_ in {"dobj", "nsubjpass"} for c in kill.children) \
                and subjects[0].lemma_.lower() not in self.words.event_nouns:
            return subjects[0]  # a headline's "were" left out: "Six soldiers killed in an ambush"
        if kill.pos_ == "NOUN" and (lemma in self.words.event_nouns or kill.lower_ in self.words.event_nouns):
            return None  # "26 massacres", "one massacre": a count of happenings, not of the dead
        return next((c for c in kill.children if c.dep_ in {"nsubj", "npadvmod", "nummod"} and c.like_num), None)

    def fatalities_of(self, kill: Any) -> int | None:
        """Deaths counted by one kill word, or None when unknown or not a single event's toll."""
        if self._excluded(kill):
            return None
        victims = self.victims_of(kill)
        if victims is None and kill.lemma_.lower() in {"toll", "death"}:
            update = self._toll_update(kill)
            if update is not None:
                return self._plausible(update)
        if victims is None:
            if kill.lemma_.lower() in {"dead", "toll", "death"}:
                nums = [n for c in kill.subtree if c.like_num or c.lower_ in VAGUE if (n := number(c)) is not None]
                return self._plausible(min(nums)) if nums else None
            return None
        victims = _whole_of(victims)
        if victims.lower_ in MONTH_WORDS or victims.lower_ in WEEKDAY_WORDS:
            return self._plausible(_count_before(kill))  # "Mon Oct 31 2016 Over 3 killed 40 injured"
        return self._plausible(self._total(victims))

    def sentence_fatalities(self, sentence: Any, trigger: Any, others: Collection[Any] = ()) -> int | None:
        """Deaths reported in the trigger's sentence by a kill word tied to the trigger: the kill
        word the trigger is the subject of ("aerial bombing killed 471") when there is one;
        ``others`` are the tokens of the sentence's other triggers (each a row of its own)."""
        own = [t for t in sentence if self._kill_word(t) and t != trigger and any(
            c.dep_ in {"nsubj", "csubj"} and trigger in c.subtree for c in t.children)]
        if own:  # its own toll, or none (a weekly total): never another clause's
            return min((n for t in own if (n := self.fatalities_of(t)) is not None), default=None)
        found: list[tuple[bool, int]] = []
        for token in sentence:
            if not self._kill_word(token) or self._other_happening(token, trigger, others) \
                    or self._other_event(token, trigger):
                continue
            if token != trigger and not self._related(self._anchor(token), trigger):
                continue
            count = self.fatalities_of(token)
            if count is not None:
                found.append((self._vague(token), count))
        # the most specific figure, and of those the most conservative ("Dozens killed ... 30 dead")
        specific = [n for vague, n in found if not vague] or [n for _, n in found]
        return min(specific, default=None)

    def toll_update(self, sentence: Any) -> int | None:
        """The new figure of a sentence that updates a death toll ("the death toll rose to 23")."""
        for token in sentence:
            # "the death toll rose to 23", "the number of dead rose to 18"
            named = token.lemma_.lower() in {"toll", "death"} or self._number_of_dead(token)
            if named and not self._excluded(token):
                value = self._toll_update(token)
                if value is not None:
                    return self._plausible(value)
        return None

    def _count_of(self, noun: Any) -> int | None:
        """The count of a victims noun: its number modifier, or 1 for a named person."""
        if noun.lower_ == "total":  # "a total of 28 rebels"
            counted = [p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            return self._count_of(counted[0]) if counted else None
        if noun.lemma_.lower() in self.words.vague_nouns or noun.lemma_.lower() in self.words.event_nouns:
            return None
        if self._counts_groups(noun):
            return None
        if noun.lemma_.lower() in self.words.kin_nouns:  # "a family of six"
            members = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj" and p.like_num]
            if members and number(members[0]) is not None:
                return number(members[0])
            return None  # "two families", "a family": how many people is not told
        if noun.lower_ in VAGUE:  # "hundreds of thousands (of people)"
            return number(noun)
        if noun.like_num and number(noun) is not None:  # "Three killed": the count is the noun
            return number(noun)
        compound = compound_count(noun)
        if compound is not None:
            return compound
        for child in noun.children:
            if child.dep_ == "det" and child.lower_ in {"a", "an", "another"} and noun.tag_ == "NN":
                return 1  # "a commander was killed", "another woman was killed"
            if child.dep_ == "poss" and noun.tag_ == "NN" and child.tag_ == "PRP$" and child.lower_ != "their":
                return 1  # "a man and his son were killed" (not "25 rebels and their commander": maybe one of them)
            is_count = child.dep_ in {"nummod", "quantmod", "amod"} or (
                child.dep_ in {"compound", "nsubj", "nmod"} and (child.pos_ == "NUM" or child.like_num)
                and child.i < noun.i  # "Thirteen civilians"; "40 IS fighters" misparsed
            )
            if is_count and number(child) is not None and not day_of_month(child):
                return number(child)
            if child.dep_ == "prep" and child.lower_ == "of" and number(noun) is not None:
                return number(noun)
        if number(noun) is not None and noun.pos_ in {"NUM", "NOUN"}:
            return number(noun)
        if noun.ent_type_ == "PERSON" or noun.pos_ == "PROPN":
            return 1
        return None

    def _counts_groups(self, noun: Any) -> bool:
        """ "eliminated scores of terrorist gangs": a count of groups (not "31 of the groups", a
        partitive count of their members)."""
        counted = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]
        groups = self.words.group_nouns
        return any(p.lemma_.lower() in groups and not any(c.dep_ in {"det", "poss"} for c in p.children)
                   for p in counted)

    def _wounded_mixed_in(self, kill: Any) -> bool:
        """The dead and the wounded in one count: "40 killed and wounded", "30 casualties"."""
        victims = self.victims_of(kill)
        if victims is not None and victims.lemma_.lower() in self.words.wound_words:
            return True
        for word in [*kill.conjuncts, *(victims.conjuncts if victims is not None else ())]:
            if self._wound(word) and not _own_victims(word):
                return True
        return False

    def _excluded(self, kill: Any) -> bool:
        """Wounded mixed in, or a total over an operation / several days / the war."""
        sentence = kill.sent
        if self._wounded_mixed_in(kill):
            return True
        if any(t.lower_ in self.words.total_words or _running_total(t) or _so_far(t) for t in sentence):
            return True
        frames = [
            t
            for t in sentence
            if t.lower_ in {"during", "since", "throughout", "over", "in"} and (t.head == kill or t.head.head == kill)
        ]
        if any(f.lower_ == "since" and not self._same_day(f) for f in frames):
            return True
        aggregate = self.words.aggregate_words
        return any(
            (c.lemma_.lower() in aggregate and not self._one_day(c) and not self._one_strike(f, c))
            or (c.like_num and not _is_day_number(c))
            for f in frames
            for c in f.children
            if c.dep_ == "pobj"
        )

    def _one_strike(self, frame: Any, noun: Any) -> bool:
        """ "killed in an army operation", "killed in the latest offensive": the dead of one
        strike of a campaign, not its total (as "killed during the offensive" is)."""
        children = list(noun.children)
        return frame.lower_ == "in" and noun.tag_ in {"NN", "NNP"} and any(
            c.dep_ in {"det", "amod"} and c.lower_ in self.words.single_marks for c in children
        ) and not any(c.dep_ in {"relcl", "acl"} for c in children)  # "an offensive which began last week": a span

    def _one_day(self, noun: Any) -> bool:
        """An operation bounded by one day: "Friday's operations", "yesterday's offensive"."""
        return any(c.dep_ == "poss" and c.lower_ in self.words.day_words for c in noun.children)

    def _same_day(self, since: Any) -> bool:
        return any(t.lower_ in self.words.same_day_words for t in since.subtree)

    def _wounded_count(self, noun: Any) -> bool:
        """ "14 injured": a count of the wounded misread as the kill verb's object; in a headline
        whose dead are counted too, "8 persons killed 58 others injured" ("killed 12 soldiers
        wounded in the fighting" still counts the soldiers)."""
        counted = noun.like_num or (_counted(noun) and any(_counted(c) for c in noun.head.children
                                                           if c.dep_ == "nsubj"))
        after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else noun
        next_wound = noun.like_num and after.tag_ == "VBN" and self._wound(after)
        # "7 martyred 20 injured": misparsed
        return noun.dep_ == "dobj" and counted and (next_wound or self._wounded_told(noun))

    def _total(self, victims: Any) -> int | None:
        """The count of a victims noun and of its coordinated nouns ("10 children and 5 women")."""
        parts = [c for c in victims.conjuncts if not _placed_apart(c) and not _dated_apart(victims, c)
                 and not self._own_kill_word(c)]
        parts += _run_on_parts(victims) + _coordinated_siblings(victims)
        counts = [self._count_of(victims)] + [self._count_of(c) for c in parts]
        if counts[0] is None and parts and any(c is not None for c in counts[1:]) and _one_named(victims):
            counts[0] = 1  # "the commander of the brigade and his deputy"
        known = [c for c in counts if c is not None]
        if len(known) > 2 and known[0] == sum(known[1:]) and victims.lemma_.lower() in self.words.whole_nouns:
            return known[0]  # "15 people, 10 children and 5 women": the whole, then its breakdown
        return sum(known) if known else None

    def _wound(self, token: Any) -> bool:
        """A word of wounding ("wounded", "injure"), by its lemma or as written."""
        return token.lemma_.lower() in self.words.wound_words or token.lower_ in self.words.wound_words

    def _wounded_told(self, noun: Any) -> bool:
        """A count told with a wound word of its own ("30 wounded")."""
        return any(c.dep_ in {"acl", "amod"} and self._wound(c) for c in noun.children)

    def _number_of_dead(self, token: Any) -> bool:
        """ "the number of dead", "of victims", "of people killed": a death toll by another name."""
        if token.lemma_.lower() != "number":
            return False
        counted = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]
        told = [c for c in token.children if c.dep_ in {"acl", "relcl"} and self._kill_word(c)]
        if any(t.lower_ == "since" or t.lemma_.lower() in self.words.aggregate_words for t in token.sent):
            return False  # "the number of people killed since 2011", "this year": a running total
        return bool(counted) and (bool(told) or any(
            self._kill_word(p) or p.lemma_.lower() in {"victim", "martyr"}
            or any(c.dep_ in {"acl", "amod"} and self._kill_word(c) for c in p.children) for p in counted))

    def _vague(self, kill: Any) -> bool:
        """The kill word counts with a vague quantity ("dozens were killed", "scores of fighters")."""
        victims = self.victims_of(kill)
        return victims is not None and (victims.lower_ in VAGUE or any(
            c.lower_ in VAGUE and c.dep_ in {"nummod", "amod", "quantmod"} for c in victims.children))

    def _own_kill_word(self, noun: Any) -> bool:
        """A coordinated count with a kill word of its own ("50 civilians killed in the town and 10
        villagers *executed* in a hamlet"): that word counts it, a toll apart."""
        return any(c.dep_ in {"acl", "relcl"} and self._kill_word(c) for c in noun.children)

    def _toll_update(self, kill: Any) -> int | None:
        """ "the death toll rose to 23", "the toll stood at 40", "putting the death toll at 70": the
        figure the toll reached."""
        verb = kill.head
        setting = kill.dep_ == "dobj" and verb.lemma_.lower() in self.words.toll_setting_verbs
        if not setting and (kill.dep_ != "nsubj" or verb.lemma_.lower() not in self.words.toll_verbs):
            return None
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) or verb.dep_ == "xcomp":
            return None  # a forecast: "the toll could reach 200", "is expected to rise to 50"
        nums = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"to", "at"}
                for o in p.children if o.dep_ == "pobj"]
        nums += [c for c in verb.children if c.dep_ in {"dobj", "attr"} and not setting]
        values = [self._count_of(n) for n in nums]
        found = [v for v in values if v is not None]
        return found[0] if found else None

    def _plausible(self, count: int | None) -> int | None:
        return count if count is None or count <= self.words.max_event_toll else None

    def _kill_word(self, token: Any) -> bool:
        lemma = token.lemma_.lower()
        if lemma in {"life", "lives"}:
            return token.head.lemma_.lower() in self.words.life_verbs
        return lemma in self.words.kill_words or token.lower_ in {"killing", "killings"}

    def _other_happening(self, token: Any, trigger: Any, others: Collection[Any] = ()) -> bool:
        """The kill word sits in a temporal clause ("after ...", "before ...") that the trigger is
        not in, or in a temporal phrase that holds another trigger (``others``) of its own ("after
        clashes that killed 200", a row of its own): the deaths of another happening, not the
        capture's.  A lead-up the capture absorbed ("after weeks of fighting", no trigger of its
        own) leaves its toll to the capture."""
        apart = {o.i for o in others if o.i != trigger.i}
        for node in [token, *token.ancestors]:
            if trigger in node.subtree:
                return False
            marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
            if node.dep_ == "advcl" and marks & TEMPORAL_MARKS:
                return True
            if node.dep_ == "prep" and node.lower_ in TEMPORAL_PREPS and not self._time_phrase(node) \
                    and any(t.i in apart for t in node.subtree):
                return True
        return False

    def _anchor(self, kill: Any) -> Any:
        """Where a kill word stands in its clause: for a "dead" told apart from its verb, the verb
        whose object it is told of ("leaving 17 civilians - including four children - dead":
        "leaving"), else the word."""
        if kill.lemma_.lower() != "dead":
            return kill
        victims = self.victims_of(kill)
        verb = victims.head if victims is not None and victims.dep_ == "dobj" else kill
        return verb if verb != kill and verb.lemma_.lower() == "leave" else kill

    def _time_phrase(self, prep: Any) -> bool:
        """The phrase of ``prep`` names a time, not a happening ("before dawn", "after midnight",
        "after Friday prayers" is a happening; "after two days of fighting" is the fighting)."""
        objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if not objects:
            return True
        head = objects[0]
        while head.lemma_.lower() in self.words.time_nouns:
            inner = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"]
            if not inner:
                break
            head = inner[0]
        words = self._time_words
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in words for c in head.children):
            return True  # "before dawn killing two" misparsed: the time as the verb's subject
        return head.pos_ != "VERB" and (head.lemma_.lower() in words or head.lower_ in words or head.like_num)

    def _other_event(self, kill: Any, trigger: Any) -> bool:
        """The kill word is told of another happening than the trigger's: its subject or the noun
        it qualifies is a different event noun ("the strike on A killed 5 and *a second strike* on
        B killed 7"); not the means the trigger is told with ("hit the clinic in strikes that
        killed 11")."""
        owners = [c for c in kill.children if c.dep_ in {"nsubj", "nsubjpass"}]
        owners += [kill.head] if kill.dep_ in {"acl", "relcl"} else []
        nouns = self.words.event_nouns
        events = [o for o in owners if o.lemma_.lower() in nouns or o.lower_ in nouns]
        return bool(events) and all(e != trigger and trigger not in e.subtree and not _means_of(e, trigger)
                                    for e in events)

    def _related(self, a: Any, b: Any) -> bool:
        """Two words of one sentence in one clause family: one is an ancestor of the other, or
        both hang close under one word that is not a verb of saying ("two medics were among 31
        people killed ... in shelling")."""
        if a in b.subtree or b in a.subtree or a.head == b.head or self._wound_sibling(a, b) or _subject_of(a, b):
            return True
        near_b = [b, *list(b.ancestors)[:3], _cause_head(b)]
        for node in list(a.ancestors)[:3]:
            if node in near_b:
                return node.lemma_.lower() not in SPEECH_LEMMAS
        return False

    def _wound_sibling(self, kill: Any, trigger: Any) -> bool:
        """ "one soldier was killed and five others were injured in an attack": the trigger hangs
        under the wound verb coordinated with the kill word (one happening, its dead and wounded)."""
        for node in list(trigger.ancestors)[:3]:
            if self._wound(node):
                return node in kill.conjuncts or (node.head == kill.head and node.dep_ == kill.dep_ and node != kill)
        return False
