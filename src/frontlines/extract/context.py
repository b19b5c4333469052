"""What the extractor remembers across the sentences of one document: quote sources,
quoted speech, the previous sentence (for denials and conditions), the last event place."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import EXTRACTABLE_ROLES, Claim, Cleaned, Mention, Role, Segment, Status
from ..resolve.actors import ActorDictionary
from ..taxonomy import MentionRole
from .location import locates
from .status import Cues, Standing, phrase, phrase_bounds

if TYPE_CHECKING:
    from spacy.tokens import Token

_PARA_END = re.compile(r"[.!?…:\"”’)\]]\s*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    segment: Segment
    start: int
    end: int


#: the longest stretch handed to the parser at once (spaCy's limit is 1,000,000 characters, and
#: its memory grows with the length): longer paragraphs are cut at sentence ends
MAX_PARAGRAPH = 5_000
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most MAX_PARAGRAPH characters, at sentence ends
    where there is one (else at a space, else anywhere)."""
    pieces = []
    while end - start > MAX_PARAGRAPH:
        window = text[start : start + MAX_PARAGRAPH]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or MAX_PARAGRAPH)
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


def paragraphs(cleaned: Cleaned) -> list[Paragraph]:
    """Body and quote paragraphs: lines, with hard-wrapped lines joined back; very long ones
    are cut at sentence ends."""
    text = cleaned.article.text
    return [Paragraph(p.segment, s, e) for p in _paragraphs(cleaned) for s, e in _pieces(text, p.start, p.end)]


def _paragraphs(cleaned: Cleaned) -> list[Paragraph]:
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


MEMBER_WORDS = frozenset(
    {
        "member",
        "commander",
        "leader",
        "unit",
        "fighter",
        "official",
        "head",
        "chief",
        "militant",
        "soldier",
        "officer",
        "general",
        "spokesman",
        "emir",
        "part",
    }
)


#: how far into a text a date still belongs to its dateline
DATELINE_REACH = 40
#: the head of a text whose lines may open with a dateline
DATELINE_HEAD = 250


def _dateline_span(text: str) -> tuple[int, int]:
    """Where the text's dateline lies, or an empty span: date words with a year in the first
    :data:`DATELINE_REACH` characters ("Published October 4 2016", "BEIRUT, May 3, 2016 -") or
    opening a line near the start.  (Datelines the date words do not read, "Wed 05 Apr 2017",
    can never be taken for an event's date words anyway.)"""
    from .roles import _DATE_WORDS

    for m in _DATE_WORDS.finditer(text, 0, DATELINE_HEAD):
        opens = m.start() == 0 or text[m.start() - 1] == "\n"
        told = re.match(r"(?i)(?:on|in|since|by)\s", m.group(0))  # "On March 10, 2015, the army ...": an event's
        if re.search(r"\d{4}", m.group(0)) and not told and (m.start() <= DATELINE_REACH or opens):
            return (m.start(), m.end())
    return (0, 0)


class DocState:
    """What the extractor remembers across the sentences of one document."""

    def __init__(self, cleaned: Cleaned, places: list[Mention]) -> None:
        self.doc_id = cleaned.article.id
        self.text = cleaned.article.text
        self.published = cleaned.article.published
        self._dateline = _dateline_span(self.text)
        self.places = sorted(places, key=lambda m: (m.start, m.end))  # stable: text order stays
        self._starts = [m.start for m in self.places]
        self._longest = max((m.end - m.start for m in self.places), default=0)
        self._within: tuple[int, int, list[Mention]] | None = None
        self._place_test: tuple[Any, int, Any] | None = None  # (paragraph doc, offset, its test)
        self.last_location: Mention | None = None
        #: the date words of the paragraph's latest dated sentence (a later sentence's time)
        self.paragraph_date: tuple[str, int] | None = None
        #: the date words of the document's latest dated sentence ("on the same day" refers to it)
        self.document_date: tuple[str, int] | None = None
        self.last_source: str | None = None  # "X reports that" / "this is how X explains it"
        self.quote_source: str | None = None
        self.previous_sentence: Any = None
        self.previous_conditional = False
        self.speech: str | None = None  # speaker of a paragraph of quoted speech ("" unnamed)
        self.main_place = _main_place(places)

    def begin_paragraph(self, para: Paragraph, doc: Any, following: Any, cues: Cues) -> None:
        self.speech = _speaker(doc, following, cues) if _is_speech(doc.text) else None
        self._begin_block(para)

    def skip_paragraph(self, para: Paragraph) -> None:
        """A paragraph left unparsed (``extract.prefilter``: no trigger and no cue that acts
        beyond its sentence): as if its sentences were read and made no claim."""
        self.speech = None
        self._begin_block(para)
        self.previous_conditional = False
        self.last_source = None

    def _begin_block(self, para: Paragraph) -> None:
        if para.segment.role == Role.QUOTE:
            if self.quote_source is None:
                self.quote_source = para.segment.quoted_source or self.last_source or ""
        else:
            self.quote_source = None
        self.last_location = None
        self.previous_sentence = None
        self.paragraph_date = None

    def end_sentence(self, sentence: Any, cues: Cues, new: list[Claim]) -> None:
        self.previous_sentence = (sentence, new)
        self.previous_conditional = any(
            t.dep_ == "mark" and cues.has("conditional_marks", t.lower_) for t in sentence
        )
        self.last_source = _intro_source(sentence, cues)

    def story_date(self) -> tuple[str, int] | None:
        """The document's latest date words when they date its story (one day in the week
        before publication): a later sentence without date words of its own tells that day."""
        from ..resolve.dates import story_day

        found = self.document_date
        if found is None or self._dateline[0] <= found[1] < self._dateline[1]:
            return None  # the report's own dateline dates the report, not its story
        return found if story_day(found[0], self.published) else None

    def within(self, start: int, end: int) -> list[Mention]:
        """The place mentions that overlap [start, end), in text order (found by bisection: a
        document with thousands of paragraphs is not scanned whole for each of them)."""
        if self._within is None or self._within[:2] != (start, end):
            lo = bisect_left(self._starts, start - self._longest)
            hi = bisect_left(self._starts, end)
            self._within = (start, end, [m for m in self.places[lo:hi] if m.end > start])
        return self._within[2]

    def place_test(self, doc: Any, offset: int) -> Any:
        """Whether a token of ``doc`` (at ``offset``) is in a place name; one test per paragraph
        (its sentences share it: ``doc.text`` is built afresh on each call)."""
        if self._place_test is not None and self._place_test[0] is doc and self._place_test[1] == offset:
            return self._place_test[2]
        spans = [(m.start - offset, m.end - offset) for m in self.within(offset, offset + len(doc.text))
                 if m.role != MentionRole.ACTOR]

        def is_place(token: Any) -> bool:
            return any(s <= token.idx < e for s, e in spans) or token.ent_type_ in {
                "GPE",
                "LOC",
                "FAC",
            }

        self._place_test = (doc, offset, is_place)
        return is_place

    def actor_test(self, actors: ActorDictionary, para: Paragraph, terrain: frozenset[str]) -> Any:
        offset = para.start
        spans = [(m.start - offset, m.end - offset) for m in self.within(para.start, para.end)
                 if m.role != MentionRole.ACTOR]

        def is_actor(token: Any) -> bool:
            if token.lemma_.lower() in terrain and token.pos_ != "PROPN":
                return False  # "the Syrian-Iraqi border", "the Iraqi side"
            text = phrase(token)
            if actors.lookup(text) or actors.generic_class(text):
                return True
            whole = compound_phrase(token)
            if whole is not None and actors.lookup(whole):
                return True  # "barrel bombs": the modifier names the weapon's owner
            if any(c.dep_ == "appos" and c.lemma_ in MEMBER_WORDS for c in token.children):
                return True  # "Abu Omar, a commander of ISIS"
            leader = _leader(token)
            if leader is not None and actors.lookup(leader):
                return True  # "forces loyal to X", "fighters led by X"
            if any(s <= token.idx < e for s, e in spans):
                return False
            return token.ent_type_ in {"ORG", "NORP", "PERSON"} and token.pos_ == "PROPN"

        return is_actor

    def actor_ref(self, actors: ActorDictionary, token: Any, offset: int) -> Any:
        if token is None:
            return None
        leader = _leader(token)
        named = actors.lookup(leader) if leader else None
        if named is not None:
            own = actors.lookup(phrase(token))
            if own is None or own.side == "opposition" and actors.generic_class(phrase(token)):
                return actors.ref(leader, named)  # "rebels led by the Nusra Front": the leader acts
        text = phrase(token)
        hit = actors.lookup(text)
        whole = compound_phrase(token) if hit is None else None
        if whole is not None and actors.lookup(whole) is not None:
            text, hit = whole, actors.lookup(whole)  # "barrel" of "barrel bomb attack"
        if (
            hit is None
            and actors.generic_class(text) is None
            and (token.pos_ == "PROPN" or token.lemma_ in MEMBER_WORDS)
        ):
            full = "".join(
                t.text_with_ws for t in token.subtree
            ).strip()  # "X, a commander of ISIS"
            hit = actors.lookup(full) if len(full) < 160 else None
        return actors.ref(text, hit)

    def attribution(
        self, para: Paragraph, found: Standing
    ) -> tuple[Status, str | None, str | None]:
        status, source, cue = found.status, found.attributed_to, found.cue
        assert status is not None
        if (
            status == Status.EXPECTED
            and (cue or "").startswith("would")
            and self.previous_conditional
        ):
            status, cue = Status.HYPOTHETICAL, f"{cue}; condition in the previous sentence"
        quoted = para.segment.role == Role.QUOTE and self.quote_source is not None
        if quoted or self.speech is not None:
            source = source or (self.quote_source if quoted else self.speech) or None
            if status == Status.ASSERTED:
                status, cue = Status.REPORTED, "quoted block" if quoted else "quoted speech"
        return status, source, cue

    def fallback_location(self, para: Paragraph, at: int | None = None,
                          skip: Sequence[Mention] = ()) -> tuple[Mention | None, int | None, str | None]:
        """Where an event with no place in its sentence happened: the place of the previous
        sentence, else the resolved place of its paragraph nearest to ``at`` (the trigger), else the
        document's main place, each with a lower geo_precision; never a mention of ``skip`` (where
        a teller of the sentence sits)."""
        if self.last_location is not None:
            return self.last_location, 2, "location taken from the previous sentence"
        places = [m for m in self.within(para.start, para.end) if all(m is not s for s in skip)]
        near = nearest_in(places, para.start, para.end, para.start if at is None else at)
        if near is not None:
            return near, 2, "location: the nearest place of the paragraph"
        told = {m.place.gazetteer_id for m in skip if m.place is not None}
        if self.main_place is not None and (self.main_place.place is None
                                            or self.main_place.place.gazetteer_id not in told):
            return self.main_place, 3, "location: the document's main place"
        return None, None, None

    def apply_denial(self, claims: list[Claim], sentence: Any, cues: Cues) -> list[Claim]:
        """A "these reports were fake" sentence denies the previous sentence's attributed claims."""
        if self.previous_sentence is None or not _is_denial(sentence, cues):
            return claims
        previous = {
            c.id for c in self.previous_sentence[1] if c.status in {Status.REPORTED, Status.ALLEGED}
        }
        return [
            dataclasses.replace(
                c, status=Status.DENIED, notes=f"{c.notes}; denied: {sentence.text.strip()}"
            )
            if c.id in previous
            else c
            for c in claims
        ]


_OPEN_QUOTES = '"“«„'
_CLOSE_QUOTES = '"”»“'


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
            subjects = [
                c for c in token.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"}
            ]
            if subjects:
                return phrase(subjects[0])
    return None


def _is_denial(sentence: Any, cues: Cues) -> bool:
    subjects = [
        t
        for t in sentence
        if t.dep_ in {"nsubj", "nsubjpass"} and cues.has("denial_subjects", t.lemma_)
    ]
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
        if subjects and (
            subjects[0].pos_ == "PROPN"
            or subjects[0].ent_type_ in {"ORG", "PERSON"}
            or any(c.pos_ == "PROPN" for c in subjects[0].children)
        ):
            return phrase(subjects[0])
    return None


def nearest_in(places: list[Mention], start: int, end: int, at: int) -> Mention | None:
    """The place mention of [start, end) that can locate an event, nearest to offset ``at``."""
    inside = [m for m in places if start <= m.start and m.end <= end and locates(m)
              and m.place is not None and m.place.feature != "country"]
    return min(inside, key=lambda m: (abs(m.start - at), m.start), default=None)


def _main_place(places: list[Mention]) -> Mention | None:
    resolved = [m for m in places if m.place is not None and locates(m)]
    specific = [m for m in resolved if m.place and m.place.feature != "country"]
    resolved = specific or resolved  # a town or province before the country
    if not resolved:
        return None
    counts = Counter(m.place.gazetteer_id for m in resolved if m.place)
    top = counts.most_common(1)[0][0]
    return next(m for m in resolved if m.place and m.place.gazetteer_id == top)


def _leader(token: Token) -> str | None:
    """The words after "led by" in "rebels led by X" (up to the verb the phrase is subject of:
    the parser often cuts a long name out of the agent phrase), or after "loyal to" in "forces
    loyal to X"."""
    for loyal in token.children:
        if loyal.dep_ == "amod" and loyal.lower_ == "loyal":
            to = [o for p in loyal.children if p.dep_ == "prep" and p.lower_ == "to"
                  for o in p.children if o.dep_ == "pobj"]
            if to:
                words = token.doc[to[0].left_edge.i : to[0].right_edge.i + 1].text.strip(" ,")
                return words if 0 < len(words) < 120 else None
    for clause in token.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() == "lead" and clause.tag_ == "VBN":
            for agent in clause.children:
                if agent.dep_ == "agent":
                    end = token.head.i if token.head.i > agent.i else agent.right_edge.i + 1
                    words = token.doc[agent.i + 1 : end].text.strip(" ,")
                    return words if 0 < len(words) < 120 else None
    return None


def compound_phrase(token: Token) -> str | None:
    """The compound noun that *token* modifies, up to its head ("barrel bomb attack" for
    "barrel"); None when *token* modifies no noun."""
    head = token
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    if head is token:
        return None
    return token.doc[phrase_bounds(token)[0] : head.i + 1].text.strip(" ,–-")
