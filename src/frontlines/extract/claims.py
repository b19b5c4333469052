"""Event claims from the body and quote blocks of a cleaned article.

One spaCy parse per document (paragraphs through ``nlp.pipe``); for every sentence the
lexicon's triggers become claims with their ACLED type, roles, standing and evidence.
Rules that keep forecasts and rumours from becoming events:

- status cues are scoped to the trigger's clause chain (``status.py``);
- negated ("failed to capture") and habitual ("regularly cut", "continue to strike", simple
  present) triggers are dropped: they are never specific events;
- an undated relative clause ("the town, which rebels took") is an aside, not a claim;
- background ("since 2015", pluperfect recaps, earlier years, war-long tolls) is kept with
  the standing ``background``: evidence, never a current event;
- a noun trigger ("the liberation of X") is factual only with a temporal anchor (a date,
  "recent", "ongoing", "after/following/during", a past-tense governing verb, or a light verb
  such as "launched an operation"); otherwise it is a presupposition and coded expected;
- a block quoted from another outlet, or introduced by "X reports that", is reported by X;
- a later "the death toll rose to N" replaces the toll of the event it updates;
- a sentence saying "these reports were fake" turns the previous sentence's attributed
  claims into denied ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..records import (
    FACTUAL_STATUSES,
    Claim,
    Cleaned,
    Mention,
    Role,
)
from ..resolve.actors import ActorDictionary
from ..resolve.dates import resolve_date
from ..taxonomy import BATTLES, TERRITORIAL, TERRITORY_TAKEN, VIOLENT
from . import roles
from .actorscope import between, in_scope, incidental, onlooker, speaker
from .captures import gapped, holders, partial, spread, token_at
from .context import MEMBER_WORDS, DocState, Paragraph, paragraphs
from .fatalities import TollReader, no_toll
from .headline import truecase
from .lexicon import Lexicon
from .location import choose
from .nominal import counted_victims, nominal_standing
from .numbers import MONTH_WORDS
from .perpetrator import from_previous, perpetrator
from .prefilter import ParseFilter
from .status import Cues, Standing, comment_clause, phrase_bounds, standing
from .subtype import TypeMemory, typed
from .triggers import Match, find_triggers, purpose

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


class ClaimExtractor:
    """Turns a :class:`Cleaned` article and its place mentions into :class:`Claim` records."""

    def __init__(self, kb: KnowledgeBase, nlp: Any = None) -> None:
        self._nlp = nlp
        self.lexicon: Lexicon = kb.triggers
        self.actors: ActorDictionary = kb.actors
        self.cues: Cues = kb.cues
        self.tolls = TollReader(kb.tolls)
        self._filter: ParseFilter | None = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from .nlp import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    @property
    def parse_filter(self) -> ParseFilter:
        """Which paragraphs need a parse (built on first use, from the lexicon and the model)."""
        if self._filter is None:
            self._filter = ParseFilter(self.lexicon, self.cues, self.nlp)
        return self._filter

    def extract(self, cleaned: Cleaned, places: Sequence[Mention], docs: Sequence[Any] | None = None) -> list[Claim]:
        """Claims of the body and quote blocks; *places* are the article's place mentions;
        *docs* the parses of :meth:`pieces` when the caller parsed them (in a batch)."""
        paras = paragraphs(cleaned)
        if docs is None:
            docs = self.parse(self.pieces(cleaned))
        state = DocState(cleaned, [m for m in places if m.kind == "place"])
        memory = TypeMemory()
        claims: list[Claim] = []
        last: set[str] = set()  # ids of the previous sentence's claims
        recent: set[str] = set()  # ids of the claims of the last sentence that told an attack
        gap = 0  # sentences since that one
        for index, (para, doc) in enumerate(zip(paras, docs, strict=True)):
            if doc is None:  # nothing in it can make or change a claim (extract.prefilter)
                state.skip_paragraph(para)
                skipped = roles.text_date(state.text[para.start : para.end], para.start)
                state.document_date = skipped or state.document_date
                last = set()
                continue
            state.begin_paragraph(
                para, doc, docs[index + 1] if index + 1 < len(docs) else None, self.cues
            )
            for sentence in doc.sents:
                new = list(self._sentence_claims(para, doc, sentence, state, memory))
                # a claim of responsibility a sentence or two after the bombing ("The toll was
                # put at 12. IS claimed responsibility"): the last sentence that told an attack
                told = last if any(c.id in last for c in claims if c.event_type in VIOLENT) else recent
                new, claims = self._credit(para, sentence, state, new, claims, told)
                if state.previous_sentence is not None:
                    new = from_previous(new, state.previous_sentence[1], VIOLENT, sentence, para.start)
                last = {c.id for c in new}
                recent, gap = (last, 0) if any(c.event_type in VIOLENT for c in new) else (recent, gap + 1)
                recent = recent if gap < RECENT_SENTENCES else set()
                claims = state.apply_denial(claims, sentence, self.cues)
                before = {c.id for c in state.previous_sentence[1]} if state.previous_sentence else set()
                claims = _updated_toll(claims, self.tolls.toll_update(sentence), before)
                if no_toll(sentence):  # "However, no casualties were reported": this claim's, or the last
                    new, claims = _no_toll(new), _no_toll(claims, before if not _violent(new) else set())
                claims.extend(new)
                state.end_sentence(sentence, self.cues, new)
                state.document_date = roles.sentence_date(sentence, para.start) or state.document_date
        return self._unclaimed(claims)

    def _unclaimed(self, claims: list[Claim]) -> list[Claim]:
        """Claims with no actor1: a capture told by a speaker who is an armed actor ("the YPG
        said five villages were liberated") is that actor's; a bombing that no actor is named
        for (in its sentence, the previous one or a claim of responsibility) is the lexicon's
        ``unclaimed`` actor of its type, marked inferred."""
        table = {(t, s): a for t, s, a in self.lexicon.unclaimed}
        out = []
        for c in claims:
            taker = self._speaking_side(c)
            if taker is not None:
                c = dataclasses.replace(c, actor1=self.actors.ref(c.attributed_to, taker),
                                        notes=f"{c.notes}; actor1: the speaker's own capture")
            name = table.get((c.event_type, c.sub_event_type))
            actor = self.actors.actors.get(name) if name and c.actor1 is None else None
            if actor is not None:
                c = dataclasses.replace(c, actor1=self.actors.ref(None, actor, inferred=True),
                                        notes=f"{c.notes}; actor1: no perpetrator named")
            out.append(c)
        return out

    def _speaking_side(self, claim: Claim) -> Any:
        """The armed actor that tells of its own capture when the sentence names no taker."""
        if claim.actor1 is not None or claim.sub_event_type not in TERRITORY_TAKEN or not claim.attributed_to:
            return None
        # a name, not an adjective: "YPG Press Centre", "the Syrian army"; never the
        # "Syrian" of "the Syrian Observatory"
        hits = [h for h in self.actors.find_all(claim.attributed_to)
                if h.surface.isupper() or len(h.surface.split()) > 1]
        actor = hits[0].actor if hits else None
        if actor is None or actor.inter not in ARMED_INTER:
            return None
        loser = claim.actor2.name if claim.actor2 is not None else None
        return actor if actor.name != loser else None

    def pieces(self, cleaned: Cleaned) -> list[Any | None]:
        """The paragraphs of :meth:`extract`, tokenized, in order; None for a paragraph that
        needs no parse (:mod:`frontlines.extract.prefilter`)."""
        text = cleaned.article.text
        wanted = self.parse_filter.needed
        docs = (self.nlp.make_doc(truecase(_spaces(text[p.start : p.end]))) for p in paragraphs(cleaned))
        return [doc if wanted(doc) else None for doc in docs]

    def parse(self, pieces: Sequence[Any | None], batch_size: int = 64) -> list[Any | None]:
        """The pieces parsed with one ``nlp.pipe`` (None stays None)."""
        parsed = iter(self.nlp.pipe([d for d in pieces if d is not None], batch_size=batch_size))
        return [next(parsed) if d is not None else None for d in pieces]

    def extract_many(self, items: Sequence[tuple[Cleaned, Sequence[Mention]]],
                     batch_size: int = 64) -> list[list[Claim] | Exception]:
        """:meth:`extract` for several documents with one ``nlp.pipe`` over all their pieces;
        a document whose extraction fails gets its exception in its place."""
        pieces = [self.pieces(cleaned) for cleaned, _ in items]
        docs = iter(self.parse([d for own in pieces for d in own], batch_size))
        out: list[list[Claim] | Exception] = []
        for (cleaned, places), own in zip(items, pieces, strict=True):
            parsed = [next(docs) for _ in own]
            try:
                out.append(self.extract(cleaned, places, parsed))
            except Exception as exc:  # noqa: BLE001 - the caller records it as the document's failure
                out.append(exc)
        return out

    def _credit(
        self, para: Paragraph, sentence: Any, state: DocState, new: list[Claim],
        claims: list[Claim], last: set[str],
    ) -> tuple[list[Claim], list[Claim]]:  # fmt: skip
        """Perpetrators named in a clause ("an attack claimed by X", "X claimed
        responsibility for the bombing") become actor1 of the attack: a violent claim of the
        sentence, else of the previous one; the clause's own "the attack" restates it."""
        terrain = self.lexicon.sets.get("terrain", frozenset())
        found = perpetrator(sentence, state.actor_test(self.actors, para, terrain))
        if found is None:
            return new, claims
        if roles.is_victim(found.actor):  # "30 rebels killed in a blast IS claimed": the dead
            return new, claims
        ref = state.actor_ref(self.actors, found.actor, para.start)
        if ref.name is None:
            return new, claims
        where = None if found.event is None else para.start + found.event.idx
        restated = {c.id for c in new if c.trigger_start == where}
        targets = [c for c in new if c.event_type in VIOLENT and c.id not in restated]
        note = f"actor1 named in a clause: {ref.surface!r}"

        def credit(pool: list[Claim], ids: set[str]) -> list[Claim]:
            return [
                dataclasses.replace(
                    c, actor1=ref, notes=f"{c.notes}; {note}",
                    actor2=None if c.actor2 and c.actor2.name == ref.name else c.actor2,
                )
                if c.id in ids and c.event_type in VIOLENT and _open(c.actor1) else c
                for c in pool
            ]  # fmt: skip

        if not found.back:  # "X carried out an air strike": that strike only
            return credit(new, restated), claims
        if targets:
            return credit(new, {c.id for c in targets} | restated), claims
        return credit(new, restated), credit(claims, last)

    # --- one sentence --------------------------------------------------------------------
    def _sentence_claims(
        self, para: Paragraph, doc: Any, sentence: Any, state: DocState, memory: TypeMemory
    ) -> Iterator[Claim]:
        is_place = state.place_test(doc, para.start)
        matches = find_triggers(sentence, self.lexicon, is_place)
        for match in matches:
            found = self._standing(match)
            if found.status is None:
                continue
            others = [m.token for m in matches if m is not match]
            for claim in self._claims(match, found, para, doc, sentence, state, others):
                yield self._typed(claim, match, memory, is_place)

    def _claims(
        self, match: Match, found: Standing, para: Paragraph, doc: Any, sentence: Any, state: DocState,
        others: Sequence[Any] = (),
    ) -> list[Claim]:  # fmt: skip
        """The claim of a trigger, once per place of a coordinated list of places it took or hit
        (``others``: the tokens of the sentence's other triggers)."""
        claim = self._claim(match, found, para, doc, sentence, state, others)
        where = token_at(doc, para.start, claim.location) if _in(claim.location, para) else None
        places = state.within(para.start, para.end)
        out = spread(claim, where, places, para.start, match.token, self.lexicon.sets, state.text)
        return gapped(claim, where, places, para.start, match.token) if len(out) == 1 else out

    def _typed(self, claim: Claim, match: Match, memory: TypeMemory, is_place: Any) -> Claim:
        kind = typed(match.token, match.rule, self.lexicon, memory, is_place)
        if kind.reason is not None:
            claim = dataclasses.replace(
                claim, event_type=kind.event_type, sub_event_type=kind.sub_event_type,
                notes=f"{claim.notes}; {kind.reason}",
            )  # fmt: skip
        memory.note(claim)
        return claim

    def _news_present(self, token: Any) -> bool:
        """"The army seizes X, sources confirm": a lead that tells the news in the present, with
        its source in the present beside it, is no habit."""
        def present_report(verb: Any) -> bool:
            return verb.tag_ in {"VBP", "VBZ"} and self.cues.has("reporting_verbs", verb.lemma_)

        if any(c.dep_ in {"npadvmod", "advmod", "prep"} and any(t.lower_ in RECURRENCE for t in c.subtree)
               for c in token.children):
            return False  # "shells the town every day, residents say": a habit
        if token.dep_ in {"ccomp", "parataxis"} and present_report(token.head):
            return True
        return any(c.dep_ in {"advcl", "parataxis"} and present_report(c) for c in token.children)

    def _event_antecedent(self, clause: Any) -> bool:
        """A relative clause on a fighting noun tells what that fighting did ("a counteroffensive
        that retook X"): the sentence's own event, not an aside."""
        noun = clause.head
        return clause.dep_ == "relcl" and not purpose(clause) and any(
            rule.pos == "noun" and rule.event_type == "Battles"
            for rule in self.lexicon.candidates(noun.text, noun.lemma_))

    def _standing(self, match: Match) -> Standing:
        token = match.token
        if comment_clause(token) and not (match.rule.sub_event_type in TERRITORY_TAKEN and _own_subject(token)):
            # "as agreed by X" is an aside; "as their troops captured the town of X" takes X
            return Standing(None, None, "background: parenthetical ('as agreed by ...')")
        clause = _relative_clause(token)
        if (clause is not None and not _dated_subtree(clause) and not self._event_antecedent(clause)
                and not (clause is token and (self._forces_acting(clause) or _left_as(clause)))
                and not _where_clause(clause)):
            return Standing(None, None, "aside: undated relative clause")
        if match.rule.pos == "noun":
            return nominal_standing(token, self.cues, self.tolls.words.day_words)
        found = standing(token, self.cues, attack=match.rule.event_type == BATTLES
                         and match.rule.sub_event_type not in TERRITORIAL, days=self.tolls.words.day_words)
        head = match.rule.head
        # the form of the present, and not tagged past: "cut", "hit", "set" are past forms too
        simple_present = (
            token.lower_ in {head, head + "s", head + "es"}
            and not any(c.dep_ in {"aux", "auxpass"} for c in token.children)
            and token.tag_ not in {"VB", "VBD", "VBN"}
        )
        if (simple_present and found.status in FACTUAL_STATUSES and not counted_victims(token)
                and not _digest_item(token) and not self._news_present(token) and not _calendar_dated(token)):
            return Standing(None, None, "habitual: simple present")
        return found

    def _forces_acting(self, clause: Any) -> bool:
        """ "backed by the air force, which bombed their positions": a relative clause whose
        verb is the trigger and whose subject is the relative pronoun standing for armed forces
        tells what they did, in the time of the sentence; not an aside like "the town, which
        rebels took", nor a description of the forces ("a unit which spearheaded the offensive
        on X")."""
        if clause.dep_ != "relcl" or clause.tag_ != "VBD":
            return False
        pronoun = any(c.dep_ == "nsubj" and c.lower_ in {"which", "who", "that"} for c in clause.children)
        return pronoun and clause.head.lemma_.lower() in self.lexicon.sets.get("forces", frozenset())

    def _actor_tokens(
        self, match: Match, doc: Any, sentence: Any, is_actor: Any
    ) -> tuple[Any, Any]:
        """(actor1, actor2) tokens: from the parse, else the nearest actor words before."""
        token, rule = match.token, match.rule
        if rule.pos == "noun":
            a1, a2 = roles.noun_roles(token, is_actor)
        else:
            a1, a2 = roles.verb_roles(token, rule.roles, is_actor, self.lexicon.sets.get("strongpoints", frozenset()))
        a1, a2 = (t if t is not None and is_actor(t) else None for t in (a1, a2))
        # a teller of an attack is not its author ("Russia says ... killed in US-led strikes");
        # one that reports a battle may be a side of it ("the YPG reported clashes with IS")
        told = self.cues.words.get("onlooker_verbs", frozenset()) \
            if rule.event_type != BATTLES or rule.generic else frozenset()
        if onlooker(a1, token, told):
            a1 = None
        if a1 is not None and incidental(a1) and not _gerund_noun(token):
            a1 = None  # "the Syrian Observatory", "MOSCOW (Sputnik)"; not "in regime shelling"
        if a1 is None and (rule.pos == "noun" or token.tag_ == "VBG"):  # "clashes/fighting between X and Y"
            b1, b2 = between(token, is_actor)
            a1, a2 = (b1, a2 or b2) if b1 is not None else (a1, a2)
        victims = [t for t in sentence if roles.is_victim(t) and is_actor(t)]
        if a1 is not None and roles.is_victim(a1):  # victims are never the attacker
            a1, a2 = None, a2 or a1
        if a1 is None and rule.pos != "noun":
            a1 = speaker(token, is_actor, lambda t: t.lemma_ in MEMBER_WORDS)
        elif a1 is None and (host := roles.host_verb(token)) is not None:
            # "IS said it killed 50 fighters in a suicide bombing": the speaker's own attack
            a1 = speaker(host, is_actor, lambda t: t.lemma_ in MEMBER_WORDS)
        if a1 is None:
            spans = self.actors.find_spans(sentence.text)
            # the dead are never the attacker, nor the words of their phrase ("hundreds *of soldiers*")
            skip = {t.i for t in [a2, *victims] if t is not None} | {w.i for t in victims for w in t.subtree}
            a1 = roles.linear_actor(
                doc, sentence, token, spans, skip,
                lambda t: in_scope(t, token) and not onlooker(t, token, told),
            )
        if a1 is None and rule.event_type in VIOLENT:  # "killed in Syrian government shelling"
            skip = {t.i for t in [a2, *victims] if t is not None}
            a1 = roles.premodifier_actor(sentence, is_actor, skip)
        if a1 is None and victims:  # "29 rebels were killed in clashes with regime troops"
            with_ = [t for p in token.children if p.lower_ == "with" for t in p.children]
            a1 = next((t for t in with_ if t.dep_ == "pobj" and is_actor(t)), None)
        if a2 is None and victims and match.rule.event_type in VIOLENT:
            a2 = victims[0]
        return a1, a2

    def _claim(
        self, match: Match, found: Standing, para: Paragraph, doc: Any, sentence: Any,
        state: DocState, others: Sequence[Any] = (),
    ) -> Claim:  # fmt: skip
        token, rule, offset = match.token, match.rule, para.start
        terrain = self.lexicon.sets.get("terrain", frozenset())
        is_actor = state.actor_test(self.actors, para, terrain)
        a1, a2 = self._actor_tokens(match, doc, sentence, is_actor)
        bounds = [phrase_bounds(t) for t in (a1, a2) if t is not None]
        spans = [(doc[b].idx, doc[e].idx + len(doc[e])) for b, e in bounds]
        where = choose(doc, token, sentence, state.within(para.start, para.end), offset, spans,
                       saying=lambda lemma: self.cues.has("reporting_verbs", lemma))
        status, source, cue = state.attribution(para, found)
        when = roles.date_text(sentence, token)
        notes = [f"trigger rule: {rule.id}"] + ([cue] if cue else [])
        day = _day_before(when, sentence, token, state.published)
        if day is not None and when is not None:
            notes.append(f"the day before: {when[0]!r}")
        if when is None and state.document_date is not None and roles.same_day(sentence):
            when = state.document_date
            notes.append(f"the same day as: {when[0]!r}")
        elif when is None and state.paragraph_date is not None and status in FACTUAL_STATUSES:
            when = state.paragraph_date
            notes.append(f"date words of the paragraph: {when[0]!r}")
        elif when is not None:
            state.paragraph_date = when
        elif status in FACTUAL_STATUSES and not _progressive(token) and (story := state.story_date()):
            when = story  # the lead dated the story; a later sentence without date words tells that day
            notes.append(f"the day of the story: {when[0]!r}")
        ongoing = when is None and status in FACTUAL_STATUSES and _progressive(token)
        location, precision = where.mention, where.geo_precision
        if location is None or _country(location):  # a country is the last resort
            earlier, level, fallback = state.fallback_location(para, offset + token.idx, where.tellers)
            if earlier is not None and not (location is not None and _country(earlier)):
                location, precision = earlier, level
                notes += [fallback] if fallback else []
        else:
            state.last_location = location
        inside = location is not None and offset + sentence.start_char <= location.start < offset + sentence.end_char
        captured = token_at(doc, offset, location) if inside else None
        if rule.sub_event_type in TERRITORIAL:
            a1, a2 = _loser(a1, a2, list(holders(captured, is_actor)))
        start = offset + token.idx
        co1 = tuple(state.actor_ref(self.actors, t, offset) for t in roles.co_actors(a1, a2, is_actor))
        co2 = tuple(state.actor_ref(self.actors, t, offset) for t in roles.co_actors(a2, a1, is_actor))
        return Claim(
            id=f"{state.doc_id}:{start}-{start + len(token)}", doc_id=state.doc_id,
            segment_role=Role(para.segment.role), start=offset + sentence.start_char,
            end=offset + sentence.end_char, sentence=sentence.text, trigger=token.text,
            trigger_start=start, trigger_end=start + len(token), event_type=rule.event_type,
            sub_event_type=rule.sub_event_type, status=status, attributed_to=source,
            actor1=state.actor_ref(self.actors, a1, offset),
            actor2=state.actor_ref(self.actors, a2, offset),
            assoc1=co1, assoc2=co2,
            location=dataclasses.replace(location, role="event location") if location else None,
            geo_precision=precision, date_text=when[0] if when else None,
            event_date=day, time_precision=1 if day else None,
            fatalities=self._fatalities(match, sentence, others), notes="; ".join(notes),
            weapons=roles.weapons(token, self._weapon_words()), ongoing=ongoing,
            partial=rule.sub_event_type in TERRITORIAL and partial(captured),
        )  # fmt: skip

    def _weapon_words(self) -> frozenset[str]:
        sets = self.lexicon.sets
        return sets.get("weapons", frozenset()) | sets.get("projectiles", frozenset())

    def _fatalities(self, match: Match, sentence: Any, others: Sequence[Any] = ()) -> int | None:
        if match.rule.event_type not in VIOLENT:
            return None
        if match.rule.fatalities:
            return self.tolls.fatalities_of(match.token)
        return self.tolls.sentence_fatalities(sentence, match.token, others)


def _day_before(when: tuple[str, int] | None, sentence: Any, trigger: Any,
                published: dt.date | None) -> str | None:
    """The day before the sentence's date words, when the trigger's clause says "the day
    before" of them ("said on July 1 it retook the town after IS raided it the day before")."""
    if when is None or not roles.day_before(sentence, trigger, when):
        return None
    day, precision = resolve_date(when[0], published)
    if day is None or precision != 1 or "/" in day:
        return None
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


#: how many sentences without an attack may lie between an attack and the claim of
#: responsibility that names its author
RECENT_SENTENCES = 2
#: ACLED inter codes of armed actors: state forces, rebels, militias, external forces
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
_ODD_SPACES = str.maketrans({**dict.fromkeys("\xa0\u2007\u2009\u200a\u202f\u3000\t", " "),
                             **dict.fromkeys("\u2010\u2011", "-")})


#: words of a recurring time ("every day", "each night"): the present of a habit
RECURRENCE = frozenset({"every", "each", "daily", "nightly", "weekly"})
#: marks that open the items of a news digest ("* The air force targets X")
BULLETS = frozenset({"*", "•", "·", "▪", "‣", "◦", "-", "–", "—"})


#: a month name: a calendar date ("On January 29, government forces seize X") dates a historic present
_MONTH_NAME = "(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + ")[a-z]*"
_MONTHS = re.compile(rf"\b{_MONTH_NAME}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH_NAME}\b", re.I)


def _calendar_dated(verb: Any) -> bool:
    """A present-tense verb dated by a calendar day of its own ("On January 29, government
    forces seize the town"): the historic present of a timeline, one happening, no habit."""
    return any(child.dep_ in {"prep", "npadvmod"} and child.i < verb.i
               and _MONTHS.search("".join(t.text_with_ws for t in child.subtree)) for child in verb.children)


def _digest_item(token: Any) -> bool:
    """The trigger's paragraph is an item of a bulleted digest of the day's events, which tells
    them in the present ("* The air force targets the district of X"): no habit."""
    doc = token.doc
    # the item's first word, or an editor's bracket before it ("* [The army] bombs X")
    return len(doc) > 1 and doc[0].text in BULLETS and (doc[1].is_alpha or doc[1].text in {"[", "("})


def _where_clause(clause: Any) -> bool:
    """"pushing into X, where they set off three car bombs": a clause of what was done at the
    place the sentence names, no aside about it."""
    return any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)


def _left_as(participle: Any) -> bool:
    """"(the attacks) left 50 civilians killed in A and 10 villagers executed in B": a participle
    on the people a blow left behind tells what was done to them, no aside."""
    noun = participle.head
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    return bool(participle.dep_ == "acl" and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "leave")


def _spaces(text: str) -> str:
    """No-break and other odd spaces as plain spaces, typographic and no-break hyphens as the
    plain one ("US‑led", "al‑Qamishli"): same length, offsets are kept."""
    return text.translate(_ODD_SPACES)


def _in(mention: Mention | None, para: Paragraph) -> bool:
    return mention is not None and para.start <= mention.start < para.end


def _loser(a1: Any, a2: Any, held: list[Any]) -> tuple[Any, Any]:
    """The side that held the captured place ("X held by IS", "IS-held X", "a stronghold of IS")
    is the loser: never the captor, and actor2 when the sentence names no other."""
    if not held:
        return a1, a2
    ids = {h.i for h in held}
    if a1 is not None and a1.i in ids:
        a1 = None
    if a2 is None or a2.i in ids or (a1 is not None and a2.i == a1.i):
        a2 = held[0]
    return a1, a2


def _updated_toll(claims: list[Claim], value: int | None, previous: Collection[str] = ()) -> list[Claim]:
    """ "The death toll rose to 23" (``value``, the sentence's new figure): it replaces the toll of
    the document's last violent claim that gave one (an update of the same event, not a second event)."""
    if value is None:
        return claims
    for index in range(len(claims) - 1, -1, -1):
        claim = claims[index]
        if claim.event_type in VIOLENT and claim.fatalities is not None:
            if claim.fatalities < value:
                note = f"{claim.notes}; toll updated to {value} by a later sentence"
                claims[index] = dataclasses.replace(claim, fatalities=value, notes=note)
            return claims
    # no toll given yet: the violent happening the sentence before told of ("... a chemical attack.
    # The agency put the death toll at 70"); after a capture, a toll is the battle's over its
    # course, no one event's
    before = [c for c in claims if c.id in previous]
    if any(c.sub_event_type in TERRITORIAL for c in before):
        return claims
    for index in range(len(claims) - 1, -1, -1):
        claim = claims[index]
        if claim.event_type in VIOLENT and claim.factual and claim.id in previous:
            note = f"{claim.notes}; toll of {value} given by a later sentence"
            claims[index] = dataclasses.replace(claim, fatalities=value, notes=note)
            break
    return claims


def _own_subject(token: Any) -> bool:
    """The clause of ``token`` names its own subject ("as *they* raised the flag")."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def _violent(claims: list[Claim]) -> bool:
    return any(c.event_type in VIOLENT and c.factual for c in claims)


def _no_toll(claims: list[Claim], only: set[str] | None = None) -> list[Claim]:
    """Violent claims (those of ``only`` when given) without a toll get a toll of zero."""
    return [dataclasses.replace(c, fatalities=0, notes=f"{c.notes}; no casualties reported")
            if c.event_type in VIOLENT and c.fatalities is None and (only is None or c.id in only) else c
            for c in claims]


def _open(actor: Any) -> bool:
    """No actor, or only a generic or unresolved one."""
    return actor is None or actor.name is None or actor.inferred


def _progressive(token: Any) -> bool:
    """The trigger (or the light verb carrying it) is in the present progressive."""
    verb = token if token.pos_ in {"VERB", "AUX"} else roles.clause_verb(token)
    if verb is None or verb.tag_ != "VBG":
        return False
    return any(c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"} for c in verb.children)


def _country(mention: Mention) -> bool:
    return mention.place is not None and mention.place.feature == "country"


def _relative_clause(token: Any) -> Any:
    """The relative/participial clause (relcl, acl) the trigger belongs to, if any."""
    node = token
    if _gerund_noun(token):  # "killed in regime shelling": a noun misread as a clause
        node = token.head
    while node.head != node:
        if node != token and node.dep_ == "acl" and node.lemma_.lower() in roles.VICTIM_VERBS:
            return None  # "31 people killed in shelling": the cause of a reported toll
        if node.dep_ in {"relcl", "acl"}:
            # "reports that X was killed": a complement clause (with "that"), not a relative one
            return None if any(c.dep_ == "mark" for c in node.children) else node
        if node.dep_ not in {"xcomp", "conj", "ccomp", "dobj", "prep", "pobj", "pcomp"}:
            return None
        node = node.head
    return None


def _gerund_noun(token: Any) -> bool:
    """A bare -ing word right after its noun head ("regime shelling", "government bombing"):
    the tagger's clause reading of a compound noun."""
    if token.dep_ != "acl" or token.tag_ != "VBG" or token.head.i != token.i - 1:
        return False
    return not any(c.dep_ in {"dobj", "nsubj", "advmod", "aux"} for c in token.children)


def _dated_subtree(token: Any) -> bool:
    text = "".join(t.text_with_ws for t in token.subtree)
    return roles._DATE_WORDS.search(text) is not None
