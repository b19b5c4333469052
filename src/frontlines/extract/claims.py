"""Event claims from the body and quote blocks of a cleaned article.

One spaCy parse per document (paragraphs through ``nlp.pipe``); for every sentence the
lexicon's triggers become claims with their ACLED type, roles, standing and evidence.
Rules that keep forecasts and rumours from becoming events:

- status cues are scoped to the trigger's clause chain (``status.py``);
- negated ("failed to capture"), habitual ("regularly cut", "continue to strike", simple
  present) and background ("since 2015", undated relative clauses) triggers are dropped:
  they are never specific events;
- a noun trigger ("the liberation of X") is factual only with a temporal anchor (a date,
  "recent", "ongoing", "after/following/during", a past-tense governing verb, or a light verb
  such as "launched an operation"); otherwise it is a presupposition and coded expected;
- a block quoted from another outlet, or introduced by "X reports that", is reported by X;
- a sentence saying "these reports were fake" turns the previous sentence's attributed
  claims into denied ones.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..records import EXTRACTABLE_ROLES, FACTUAL_STATUSES, Claim, Cleaned, Mention, Role, Segment, Status
from ..resolve.actors import ActorDictionary, load_actors
from ..resolve.dates import ONGOING
from . import roles
from .fatalities import fatalities_of, sentence_fatalities
from .lexicon import Lexicon, load_lexicon
from .location import choose
from .nominal import nominal_standing
from .status import Cues, Standing, load_cues, phrase, phrase_bounds, standing
from .triggers import Match, find_triggers

MEMBER_WORDS = frozenset({"member", "commander", "leader", "unit", "fighter", "official", "head", "chief",
                          "militant", "soldier", "officer", "general", "spokesman", "emir", "part"})
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_PARA_END = re.compile(r"[.!?…:\"”’)\]]\s*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    segment: Segment
    start: int
    end: int


def paragraphs(cleaned: Cleaned) -> list[Paragraph]:
    """Body and quote paragraphs: lines, with hard-wrapped lines joined back."""
    text = cleaned.article.text
    out: list[Paragraph] = []
    for segment in cleaned.segments:
        if segment.role not in EXTRACTABLE_ROLES:
            continue
        start = None
        pos = segment.start
        for line in text[segment.start : segment.end].split("\n"):
            end = pos + len(line)
            if line.strip():
                start = pos if start is None else start
                if _PARA_END.search(line) or end >= segment.end:
                    out.append(Paragraph(segment, start, end))
                    start = None
            elif start is not None:
                out.append(Paragraph(segment, start, pos - 1))
                start = None
            pos = end + 1
        if start is not None:
            out.append(Paragraph(segment, start, min(pos - 1, segment.end)))
    return out


class ClaimExtractor:
    """Turns a :class:`Cleaned` article and its place mentions into :class:`Claim` records."""

    def __init__(self, nlp: Any = None, lexicon: Lexicon | None = None,
                 actors: ActorDictionary | None = None, cues: Cues | None = None) -> None:
        self._nlp = nlp
        self._lexicon = lexicon
        self._actors = actors
        self._cues = cues

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from .nlp import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon

    @property
    def actors(self) -> ActorDictionary:
        if self._actors is None:
            self._actors = load_actors()
        return self._actors

    @property
    def cues(self) -> Cues:
        if self._cues is None:
            self._cues = load_cues()
        return self._cues

    def extract(self, cleaned: Cleaned, places: Sequence[Mention]) -> list[Claim]:
        """Claims of the body and quote blocks; *places* are the article's place mentions."""
        paras = paragraphs(cleaned)
        text = cleaned.article.text
        docs = list(self.nlp.pipe([_spaces(text[p.start : p.end]) for p in paras]))
        state = _DocState(cleaned, [m for m in places if m.kind == "place"])
        claims: list[Claim] = []
        for index, (para, doc) in enumerate(zip(paras, docs, strict=True)):
            state.begin_paragraph(para, doc, docs[index + 1] if index + 1 < len(docs) else None, self.cues)
            for sentence in doc.sents:
                new = list(self._sentence_claims(para, doc, sentence, state))
                claims = state.apply_denial(claims, sentence, self.cues)
                claims.extend(new)
                state.end_sentence(sentence, self.cues, new)
        return claims

    # --- one sentence --------------------------------------------------------------------
    def _sentence_claims(self, para: Paragraph, doc: Any, sentence: Any, state: _DocState) -> Iterator[Claim]:
        is_place = state.place_test(doc, para.start)
        for match in find_triggers(sentence, self.lexicon, is_place):
            found = self._standing(match)
            if found.status is None:
                continue
            yield self._claim(match, found, para, doc, sentence, state)

    def _standing(self, match: Match) -> Standing:
        token = match.token
        clause = _relative_clause(token)
        if match.rule.pos == "noun":
            if clause is not None and not _dated_subtree(clause):
                return Standing(None, None, "background: relative clause")
            return nominal_standing(token, self.cues)
        clause = _relative_clause(token)
        if clause is not None and not _dated_subtree(clause):
            return Standing(None, None, "background: relative clause")
        found = standing(token, self.cues)
        head = match.rule.head
        simple_present = token.lower_ in {head, head + "s", head + "es"} and not any(
            c.dep_ in {"aux", "auxpass"} for c in token.children) and token.tag_ != "VB"
        if simple_present and found.status in FACTUAL_STATUSES:
            return Standing(None, None, "habitual: simple present")
        return found

    def _claim(self, match: Match, found: Standing, para: Paragraph, doc: Any, sentence: Any,
               state: _DocState) -> Claim:
        token, rule = match.token, match.rule
        offset = para.start
        is_actor = state.actor_test(self.actors, offset, self.lexicon.sets.get("terrain", frozenset()))
        if rule.pos == "noun":
            a1, a2 = roles.noun_roles(token, is_actor)
        else:
            a1, a2 = roles.verb_roles(token, rule.roles, is_actor)
        a1, a2 = (t if t is not None and is_actor(t) else None for t in (a1, a2))
        if a1 is None:
            spans = self.actors.find_spans(sentence.text)
            a1 = roles.linear_actor(doc, sentence, token, spans, {a2.i} if a2 is not None else set())
        actor1, actor2 = (state.actor_ref(self.actors, t, offset) for t in (a1, a2))
        spans = [(doc[b[0]].idx, doc[b[1]].idx + len(doc[b[1]])) for b in (phrase_bounds(t) for t in (a1, a2) if t is not None)]
        where = choose(doc, token, sentence, state.places, offset, spans)
        status, source, cue = state.attribution(para, found)
        when = roles.date_text(sentence, token)
        notes = [f"trigger rule: {rule.id}"] + ([cue] if cue else [])
        if when is None and status in FACTUAL_STATUSES and _progressive(token):
            notes.append(ONGOING)
        location, precision = where.mention, where.geo_precision
        if location is None:
            location, precision, fallback = state.fallback_location(para)
            notes += [fallback] if fallback else []
        else:
            state.last_location = location
        start = offset + token.idx
        return Claim(
            id=f"{state.doc_id}:{start}-{start + len(token)}", doc_id=state.doc_id,
            segment_role=Role(para.segment.role), start=offset + sentence.start_char,
            end=offset + sentence.end_char, sentence=sentence.text, trigger=token.text,
            trigger_start=start, trigger_end=start + len(token), event_type=rule.event_type,
            sub_event_type=rule.sub_event_type, status=status, attributed_to=source,
            actor1=actor1, actor2=actor2,
            location=dataclasses.replace(location, role="event location") if location else None,
            geo_precision=precision, date_text=when[0] if when else None,
            fatalities=self._fatalities(match, sentence), notes="; ".join(notes),
            weapons=roles.weapons(token, self.lexicon.sets.get("weapons", frozenset()) | self.lexicon.sets.get("projectiles", frozenset())),
        )  # fmt: skip

    def _fatalities(self, match: Match, sentence: Any) -> int | None:
        if match.rule.event_type not in VIOLENT:
            return None
        if match.rule.fatalities:
            return fatalities_of(match.token)
        return sentence_fatalities(sentence, match.token)


_ODD_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u200a\u202f\u3000\t"})


def _spaces(text: str) -> str:
    """No-break and other odd spaces as plain spaces (same length: offsets are kept)."""
    return text.translate(_ODD_SPACES)


def _progressive(token: Any) -> bool:
    """The trigger (or the light verb carrying it) is in the present progressive."""
    verb = token if token.pos_ in {"VERB", "AUX"} else roles.clause_verb(token)
    if verb is None or verb.tag_ != "VBG":
        return False
    return any(c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"} for c in verb.children)


def _relative_clause(token: Any) -> Any:
    """The relative/participial clause (relcl, acl) the trigger belongs to, if any."""
    node = token
    while node.head != node:
        if node.dep_ in {"relcl", "acl"}:
            # "reports that X was killed": a complement clause (with "that"), not a relative one
            return None if any(c.dep_ == "mark" for c in node.children) else node
        if node.dep_ not in {"xcomp", "conj", "ccomp", "dobj", "prep", "pobj", "pcomp"}:
            return None
        node = node.head
    return None


def _dated_subtree(token: Any) -> bool:
    text = "".join(t.text_with_ws for t in token.subtree)
    return roles._DATE_WORDS.search(text) is not None


class _DocState:
    """What the extractor remembers across the sentences of one document."""

    def __init__(self, cleaned: Cleaned, places: list[Mention]) -> None:
        self.doc_id = cleaned.article.id
        self.text = cleaned.article.text
        self.places = places
        self.last_location: Mention | None = None
        self.last_source: str | None = None  # "X reports that" / "this is how X explains it"
        self.quote_source: str | None = None
        self.previous_sentence: Any = None
        self.previous_conditional = False
        self.speech: str | None = None  # speaker of a paragraph of quoted speech ("" unnamed)
        self.main_place = _main_place(places)

    def begin_paragraph(self, para: Paragraph, doc: Any, following: Any, cues: Cues) -> None:
        self.speech = _speaker(doc, following, cues) if _is_speech(doc.text) else None
        self._begin_block(para)

    def _begin_block(self, para: Paragraph) -> None:
        if para.segment.role == Role.QUOTE:
            if self.quote_source is None:
                self.quote_source = para.segment.quoted_source or self.last_source or ""
        else:
            self.quote_source = None
        self.last_location = None
        self.previous_sentence = None

    def end_sentence(self, sentence: Any, cues: Cues, new: list[Claim]) -> None:
        self.previous_sentence = (sentence, new)
        self.previous_conditional = any(t.dep_ == "mark" and cues.has("conditional_marks", t.lower_) for t in sentence)
        self.last_source = _intro_source(sentence, cues)

    def place_test(self, doc: Any, offset: int) -> Any:
        spans = [(m.start - offset, m.end - offset) for m in self.places]

        def is_place(token: Any) -> bool:
            return any(s <= token.idx < e for s, e in spans) or token.ent_type_ in {"GPE", "LOC", "FAC"}

        return is_place

    def actor_test(self, actors: ActorDictionary, offset: int, terrain: frozenset[str]) -> Any:
        spans = [(m.start - offset, m.end - offset) for m in self.places]

        def is_actor(token: Any) -> bool:
            if token.lemma_.lower() in terrain and token.pos_ != "PROPN":
                return False  # "the Syrian-Iraqi border", "the Iraqi side"
            text = phrase(token)
            if actors.lookup(text) or actors.generic_class(text):
                return True
            if any(c.dep_ == "appos" and c.lemma_ in MEMBER_WORDS for c in token.children):
                return True  # "Abu Omar, a commander of ISIS"
            if any(s <= token.idx < e for s, e in spans):
                return False
            return token.ent_type_ in {"ORG", "NORP", "PERSON"} and token.pos_ == "PROPN"

        return is_actor

    def actor_ref(self, actors: ActorDictionary, token: Any, offset: int) -> Any:
        if token is None:
            return None
        text = phrase(token)
        hit = actors.lookup(text)
        if hit is None and actors.generic_class(text) is None and (token.pos_ == "PROPN" or token.lemma_ in MEMBER_WORDS):
            full = "".join(t.text_with_ws for t in token.subtree).strip()  # "X, a commander of ISIS"
            hit = actors.lookup(full) if len(full) < 160 else None
        return actors.ref(text, hit)

    def attribution(self, para: Paragraph, found: Standing) -> tuple[Status, str | None, str | None]:
        status, source, cue = found.status, found.attributed_to, found.cue
        assert status is not None
        if status == Status.EXPECTED and (cue or "").startswith("would") and self.previous_conditional:
            status, cue = Status.HYPOTHETICAL, f"{cue}; condition in the previous sentence"
        quoted = para.segment.role == Role.QUOTE and self.quote_source is not None
        if quoted or self.speech is not None:
            source = source or (self.quote_source if quoted else self.speech) or None
            if status == Status.ASSERTED:
                status, cue = Status.REPORTED, "quoted block" if quoted else "quoted speech"
        return status, source, cue

    def fallback_location(self, para: Paragraph) -> tuple[Mention | None, int | None, str | None]:
        if self.last_location is not None:
            return self.last_location, 2, "location taken from the previous sentence"
        if self.main_place is not None:
            return self.main_place, 3, "location: the document's main place"
        return None, None, None

    def apply_denial(self, claims: list[Claim], sentence: Any, cues: Cues) -> list[Claim]:
        """A "these reports were fake" sentence denies the previous sentence's attributed claims."""
        if self.previous_sentence is None or not _is_denial(sentence, cues):
            return claims
        previous = {c.id for c in self.previous_sentence[1] if c.status in {Status.REPORTED, Status.ALLEGED}}
        return [dataclasses.replace(c, status=Status.DENIED, notes=f"{c.notes}; denied: {sentence.text.strip()}")
                if c.id in previous else c for c in claims]


_OPEN_QUOTES = "\"“«„"
_CLOSE_QUOTES = "\"”»“"


def _is_speech(text: str) -> bool:
    """A paragraph that is one quotation ("“... .”" or "“...,” the general added.")."""
    text = text.strip()
    return len(text) > 2 and text[0] in _OPEN_QUOTES and any(q in text[1:] for q in _CLOSE_QUOTES)


def _speaker(doc: Any, following: Any, cues: Cues) -> str:
    """Who speaks a quoted paragraph: "X said" in it or in the next paragraph ("" unnamed)."""
    for candidate in (doc, following):
        if candidate is None:
            continue
        for sentence in candidate.sents:
            source = _speech_source(sentence, cues)
            if source:
                return source
    return ""


def _speech_source(sentence: Any, cues: Cues) -> str | None:
    for token in sentence:
        if cues.has("reporting_verbs", token.lemma_):
            subjects = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"}]
            if subjects:
                return phrase(subjects[0])
    return None


def _is_denial(sentence: Any, cues: Cues) -> bool:
    subjects = [t for t in sentence if t.dep_ in {"nsubj", "nsubjpass"} and cues.has("denial_subjects", t.lemma_)]
    if not subjects:
        return False
    words = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
    return bool(words & cues.words.get("denial_words", frozenset()))


def _intro_source(sentence: Any, cues: Cues) -> str | None:
    """The outlet of "X reports that ..." / "This is how X explains it" sentences."""
    for token in sentence:
        if not cues.has("reporting_verbs", token.lemma_):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects and (subjects[0].pos_ == "PROPN" or subjects[0].ent_type_ in {"ORG", "PERSON"}
                         or any(c.pos_ == "PROPN" for c in subjects[0].children)):
            return phrase(subjects[0])
    return None


def _main_place(places: list[Mention]) -> Mention | None:
    resolved = [m for m in places if m.place is not None]
    if not resolved:
        return None
    counts = Counter(m.place.gazetteer_id for m in resolved if m.place)
    top = counts.most_common(1)[0][0]
    return next(m for m in resolved if m.place and m.place.gazetteer_id == top)
