"""Quote blocks: passages reproduced from another outlet, with or without quotation marks.

A quote opens after an *intro* paragraph that names an outlet and hands over to it:
- explicitly ("This is how X explains it", "X reports:", "X writes", a line ending in ":"),
  or a paragraph opening with an ellipsis ("….the SAA has") right after such a mention;
- implicitly ("X has just reported that CLAIM"), when the next paragraph restates CLAIM or
  speaks in a different voice (house abbreviations the author does not use).
It runs until the author's voice returns: first person, "To which I would add", an evaluative
"This is momentous news", the author's own enumeration going on, or a non-body line.
Quoted speech of a person ("…,” the general said) never opens a quote block: the intro must
name an outlet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lines import Line, content_words
from .outlets import OutletRegistry

MAX_QUOTE_PARAGRAPHS = 15

_HANDOVER = (
    # "This is how X explains it", "Here is how X puts it all" (no full stop: it hands over)
    re.compile(
        r"\b(?:explains?|explained|describes?|described|puts?|sums? up|summari[sz]es|sees?)\b"
        r"(?: it| this| things| the situation| matters)?(?: all| well| succinctly| as follows)?"
        r"\s*[:…]*\s*$",
        re.I,
    ),
    # "X reports:", "X writes …" (a colon or an ellipsis hands over; "X said." does not)
    re.compile(
        r"\b(?:reports?|reported|writes?|wrote|notes?|noted|says?|said|adds?|added|continues?)"
        r"(?: that)?(?: as follows)?\s*(?::|…|\.\.\.)\s*$",
        re.I,
    ),
)
_REPORTED_THAT = re.compile(
    r"\b(?:has|have|had)(?: just| now| also)? (?:reported|written|published|announced|revealed)"
    r"(?: that)?\b|\breports? that\b",
    re.I,
)
_OUTLET_NOUN = re.compile(r"\b(?:news agency|newspaper|website|blog|news site|magazine)\b")
_ELLIPSIS_START = re.compile(r"^\s*(?:…+|\.{3,}|…\.+)")
_ENUMERATOR = re.compile(r"^\s*(?:\(\d+\)|\d+[.)]\s|\([a-z]\)\s)")
_AUTHOR_VOICE = re.compile(
    r"(?:\bI\b|\bI’m\b|\bI'm\b|\bI’d\b|\bmy\b|\bwe\b|\bWe\b|\bour\b|\bOur\b|\bus\b|"
    r"^\s*To which\b|^\s*Suffice\b|^\s*In other words\b|"
    r"^\s*This is (?:a |an )?(?:\w+ ){0,2}(?:news|development|victory|achievement)\b)"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")


@dataclass(frozen=True, slots=True)
class QuoteRun:
    """Indices (into the paragraph list) of a quote block and the outlet it reproduces."""

    first: int
    last: int
    source: str | None


def _outlet_named(text: str, registry: OutletRegistry) -> tuple[bool, str | None]:
    hits = registry.find_in_text(text)
    if hits:
        return True, hits[-1][1].name
    match = re.search(r"((?:[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+) (?:news agency|newspaper|website|blog)", text)
    if match:
        return True, match.group(1)
    return bool(_OUTLET_NOUN.search(text)), None


def _explicit_intro(text: str) -> bool:
    stripped = text.rstrip()
    return any(p.search(stripped) for p in _HANDOVER) or stripped.endswith(":")


def _restates(intro: str, paragraph: str) -> bool:
    claim = _REPORTED_THAT.split(intro, maxsplit=1)[-1]
    shared = content_words(claim) & content_words(paragraph)
    return len(shared) >= 3


def _new_acronyms(paragraph: str, author_text: str) -> bool:
    used = set(_ACRONYM.findall(paragraph)) - {"US", "UN", "USA", "UK", "EU", "IS"}
    return bool(used - set(_ACRONYM.findall(author_text)))


def find_quotes(paragraphs: Sequence[Line], registry: OutletRegistry) -> list[QuoteRun]:
    """Quote runs among consecutive body paragraphs (all of one body stretch)."""
    runs: list[QuoteRun] = []
    i = 0
    while i < len(paragraphs) - 1:
        run = _quote_after(i, paragraphs, registry)
        if run is None:
            i += 1
            continue
        runs.append(run)
        i = run.last + 1
    return runs


def _quote_after(i: int, paragraphs: Sequence[Line], registry: OutletRegistry) -> QuoteRun | None:
    intro, nxt = paragraphs[i].stripped, paragraphs[i + 1].stripped
    named, source = _outlet_named(intro, registry)
    if not named or _AUTHOR_VOICE.search(nxt):
        return None
    explicit = _explicit_intro(intro) or bool(_ELLIPSIS_START.match(nxt))
    if not explicit:
        if not _REPORTED_THAT.search(intro):
            return None
        author_text = " ".join(p.stripped for p in paragraphs[: i + 1])
        if not (_restates(intro, nxt) and _new_acronyms(nxt, author_text)):
            return None
    last = i + 1
    enumerated = bool(_ENUMERATOR.match(intro))
    while last + 1 < len(paragraphs) and last - i < MAX_QUOTE_PARAGRAPHS:
        following = paragraphs[last + 1].stripped
        if _AUTHOR_VOICE.search(following) or (enumerated and _ENUMERATOR.match(following)):
            break
        if source and _third_person(following, source):
            break
        last += 1
    return QuoteRun(i + 1, last, source)


def _third_person(text: str, source: str) -> bool:
    """The author talks *about* the quoted outlet again ("on Al-Masdar's website")."""
    head = source.split()[0]
    return bool(re.search(re.escape(head) + r"[\w-]*(?:’s|'s)", text))
