"""Sentences that make no event claim but say who holds a place.

"Manbij is now under the control of the SDF", "the rebels, who still hold Daraa al-Balad, ..."
state no capture, so no claim is made of them; but a present state of control is evidence of
who holds the place on the day the report was published.  This module cuts a document's body
segments into sentences and keeps, as claims of no event (empty trigger and type, stated), the
sentences that no claim covers, that name a resolved place and that carry a word of control
(``territory.yaml``); :mod:`.facts` reads only control statements from them, with a lower
weight (:data:`.confidence.ALONE_FACTOR`), and leaves out a statement that is hedged, forecast
or negated ("could soon be under", "is no longer held by"): :func:`factual_statement`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from ..records import Claim, Mention, Status
from ..taxonomy import SegmentRole
from .territory import TerritoryCues, words_pattern

#: a sentence ends at ".", "!" or "?" (a closing quote kept) before white space and a capital
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘(]?[A-Z0-9])")
#: words that make a statement of control no statement of the present fact
NOT_FACTUAL = re.compile(r"\b(?:no\s+longer|not|never|would|could|may|might|will|shall|if|unless|whether|"
                         r"expected|aims?|seeks?|plans?|wants?|hopes?|threaten(?:s|ed)?|before|until|once|"
                         r"formerly|previously|used\s+to)\b|n[’']t\b", re.IGNORECASE)
MAX_CHARS = 400  # a longer "sentence" is a list or a table, not a statement
LOOK_BACK = 30  # characters before a statement where a hedge or a negation still governs it


def factual_statement(text: str, start: int, end: int) -> bool:
    """Whether the statement at ``text[start:end]`` (its place and its holder), with the few
    words before it, is free of hedges, negations and forecasts ("could soon be under the
    control of", "is no longer held by", "if X is in Y's hands")."""
    return NOT_FACTUAL.search(text, max(0, start - LOOK_BACK), end) is None


def control_cue(cues: TerritoryCues) -> re.Pattern[str]:
    """The words one of which a sentence must carry to be read for a control statement."""
    return words_pattern((*cues.held_words, *cues.stronghold_words, *cues.under_words, *cues.holder_verbs,
                          "control"))


def _sentences(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    at = start
    for cut in SENTENCE_END.finditer(text, start, end):
        yield at, cut.start()
        at = cut.end()
    if at < end:
        yield at, end


def statement_sentences(doc_id: str, text: str, spans: Sequence[tuple[int, int]], claims: Iterable[Claim],
                        mentions: Iterable[Mention], cue: re.Pattern[str], *,
                        source_id: str | None = None) -> list[Claim]:
    """The sentences of ``spans`` (body segments of ``text``, in its offsets) that no claim of
    ``claims`` covers and that may state who holds a place named in them (``mentions``: the
    document's place mentions; ``cue``: :func:`control_cue`, compiled once for all documents),
    as claims of no event dated by the document."""
    covered = sorted((c.start, c.end) for c in claims if c.doc_id == doc_id)
    places = sorted(m.start for m in mentions if m.doc_id == doc_id and m.place is not None)
    out = []
    for first, last in spans:
        for start, end in _sentences(text, first, last):
            sentence = text[start:end].rstrip()
            end = start + len(sentence)
            if not sentence or len(sentence) > MAX_CHARS or not cue.search(sentence):
                continue
            at = bisect_left(places, start)
            if at == len(places) or places[at] >= end:
                continue
            if any(a < end and start < b for a, b in covered):
                continue
            out.append(Claim(id=f"{doc_id}:s{start}-{end}", doc_id=doc_id, segment_role=SegmentRole.BODY,
                             start=start, end=end, sentence=sentence, trigger="", trigger_start=start,
                             trigger_end=start, event_type="", sub_event_type="", status=Status.ASSERTED,
                             source_id=source_id))
    return out
