"""Publication metadata that the text itself reveals: dateline, title, byline, outlet.

``infer_metadata`` only fills what is unknown: a value given by the manifest, a corpus
column or the HTML always wins.  A date that cannot be found stays ``None`` and
``published_basis`` says why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..clean.datelines import find_dateline
from ..clean.lexicon import Lexicon
from ..clean.outlets import OutletRegistry
from ..records import Article, Role, Segment

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

_NAME = r"((?:[A-Z][\w’'.-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w’'.-]+|[A-Z]\.|al|el|de|bin)){0,3})"
_AUTHOR_PATTERNS = (
    re.compile(rf"^(?:written |posted |reported )?by:?\s+{_NAME}", re.I),
    re.compile(rf"^(?:author|reporter|correspondent)s?\s*:\s*{_NAME}", re.I),
    re.compile(rf"^[A-Z][\w’'-]+(?:[ ,]+[A-Z][\w’'-]+)?,? by {_NAME}"),
    re.compile(rf"\blatest posts by {_NAME}", re.I),
    re.compile(rf"\bposted on .{{0,40}}? by {_NAME}", re.I),
)
_BIO_NAME = re.compile(r"^((?:[A-Z][\w’'-]+ ){1,2}[A-Z][\w’'-]+) (?:is|was) an? ")
_BIO = re.compile(r"^([A-Z][\w’'-]+ [A-Z][\w’'-]+)\b.{0,60}?\b(?:at|of|for) ([A-Z][\w&.-]+(?: [A-Z][\w&.-]+){0,3})")
_SOURCE = re.compile(r"^\s*(?:source|via)\s*:\s*(.{2,60}?)\s*$", re.I)
_OUTLET_NAME = r"((?:[Tt]he )?[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3})"
_APPEAL = re.compile(rf"\b[Ss]upport {_OUTLET_NAME} (?:on|via|through) (?:[Pp]atreon|[Pp]ay[Pp]al)\b")
_DISCLAIMER = re.compile(rf"\b(?:represent|reflect) (?:those of|the views of) {_OUTLET_NAME}\s*\.?\s*$")
_DATELINE_OUTLET = (
    re.compile(r"\(([A-Z][\w .&-]{1,40})\)\s*[-–—]"),  # "BEIRUT (Reuters) -"
    re.compile(r"^\W*[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?,\s*([A-Z][\w .&-]{1,30}?)\s*[-–—]"),  # "Damascus, SANA –"
)
_URLISH = re.compile(r"(?:https?://|www\.)[^\s/]+|\b[\w.-]+@[\w-]+(?:\.[\w-]+)+")


def _texts(article: Article, segments: Sequence[Segment], roles: set[Role]) -> list[str]:
    lines: list[str] = []
    for seg in segments:
        if seg.role in roles:
            lines += [ln.strip() for ln in seg.text_of(article.text).split("\n") if ln.strip()]
    return lines


def _first(pattern: re.Pattern[str], lines: Iterable[str]) -> str | None:
    for line in lines:
        match = pattern.search(line)
        if match:
            return match.group(1).strip(" .,:;")
    return None


def find_title(article: Article, segments: Sequence[Segment]) -> str | None:
    titles = _texts(article, segments, {Role.TITLE})
    if not titles:
        return None
    dateline = find_dateline(titles[0], window=40)
    if dateline is not None and dateline.offset == 0:  # "Mon 12 Jun 2017 Headline"
        return titles[0][len(dateline.surface) :].strip(" -–—:|") or None
    return titles[0]


def find_author(article: Article, segments: Sequence[Segment], lexicon: Lexicon) -> tuple[str | None, str]:
    """The author and where the name was found."""
    for role, where in ((Role.BYLINE, "byline"), (Role.BOILERPLATE, "author box")):
        for pattern in _AUTHOR_PATTERNS:
            name = _first(pattern, _texts(article, segments, {role}))
            if name:
                return name, where
    bios = _bios(article, segments, lexicon)
    name = _first(_BIO_NAME, bios) or _first(_BIO, bios)
    return (name, "author box") if name else (None, "")


def _bios(article: Article, segments: Sequence[Segment], lexicon: Lexicon) -> list[str]:
    return [t for t in _texts(article, segments, {Role.BOILERPLATE}) if lexicon.matches("bio", t)]


def find_outlet(article: Article, segments: Sequence[Segment], registry: OutletRegistry,
                lexicon: Lexicon) -> str | None:
    """The outlet named by a source credit, a dateline, an appeal, a bio, or a domain."""
    credits = _texts(article, segments, {Role.BYLINE, Role.BOILERPLATE})
    candidates = [_first(_SOURCE, credits)]
    head = article.text[:200]
    candidates += [_first(p, [head]) for p in _DATELINE_OUTLET]
    candidates += [_first(_APPEAL, credits), _first(_DISCLAIMER, credits)]
    for raw in candidates:
        if raw:
            outlet = registry.lookup(raw)
            if outlet is not None or raw in (candidates[0], candidates[-2], candidates[-1]):
                return outlet.name if outlet is not None else raw
    return _outlet_from_domains(credits, registry) or _outlet_from_bio(article, segments, registry, lexicon)


def _outlet_from_domains(lines: list[str], registry: OutletRegistry) -> str | None:
    for line in lines:
        for match in _URLISH.finditer(line):
            outlet = registry.by_domain(match.group(0))
            if outlet is not None:
                return outlet.name
    return None


def _outlet_from_bio(article: Article, segments: Sequence[Segment], registry: OutletRegistry,
                     lexicon: Lexicon) -> str | None:
    for line in _bios(article, segments, lexicon):
        match = _BIO.search(line)
        if match:
            outlet = registry.lookup(match.group(2))
            return outlet.name if outlet is not None else match.group(2)
    return None


def infer_metadata(article: Article, segments: Sequence[Segment], kb: KnowledgeBase) -> Article:
    """``article`` with unknown metadata filled from its text and blocks; known values kept
    (``kb``: the outlet registry and the debris lexicon)."""
    registry = kb.outlets
    found = _published(article) if article.published is None else article
    if article.title is None:
        found = replace(found, title=find_title(article, segments))
    if article.author is None:
        found = replace(found, author=find_author(article, segments, kb.boilerplate)[0])
    if article.outlet is None:
        found = replace(found, outlet=find_outlet(article, segments, registry, kb.boilerplate))
    return found


def _published(article: Article) -> Article:
    """``article`` with the date of its dateline, or the reason it has none."""
    found = find_dateline(article.text)
    if found is None:
        given = article.published_basis or ""
        if "no date in the text" in given:
            return article
        if given.startswith("unknown"):
            return replace(article, published_basis=f"{given}; no date in the text")
        return replace(article, published_basis="unknown: no date in the text")
    return replace(article, published=found.date, published_precision=found.precision, published_basis=found.basis)
