"""Role of each line of a plain-text article (no markup left).

The article is found as a stretch of prose: the *first body paragraph* (the first line of
running text that is not debris, a byline or a standfirst) and the *end of the article*
(the last prose line before reader comments or trailing debris).  Before it: title, byline
and boilerplate; after it: byline, boilerplate (related links, bios, widgets) and comments.
Inside it: body, quote blocks, embedded headlines and the odd widget line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Role
from .comments import find_comment_start
from .datelines import find_dateline
from .lexicon import Lexicon
from .lines import Line, is_debris, is_headline, is_prose, is_url_only, sentence_count, title_case_ratio
from .outlets import OutletRegistry
from .quotes import find_quotes

_NAME = r"(?:[A-Z][\w’'.-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w’'.-]+|[A-Z]\.|de|al|el|van|von|bin)){0,4}"
_BYLINE = (
    re.compile(rf"^(?:written |posted |reported |text |words )?by:?\s+{_NAME}\s*(?:[,|/–—-].{{0,60}})?$", re.I),
    re.compile(r"^(?:source|sources|via|credit|courtesy)\s*:\s*\S.{0,60}$", re.I),
    re.compile(rf"^(?:author|reporter|correspondent|editor)s?\s*:\s*{_NAME}.{{0,40}}$", re.I),
    re.compile(rf"^[A-Z][\w’'-]+(?:[ ,]+[A-Z][\w’'-]+)?,? by {_NAME}\s*(?::\s*@\w+)?\s*$"),
    re.compile(r"^(?:posted|published|updated|last updated)(?: on| at)?\s+.{0,40}?(?: by .{0,40})?$", re.I),
)
_LEAD_WORDS = re.compile(
    r"^(?:the|a|an|this|that|these|it|in|on|at|last|after|before|following|as|when|while|"
    r"according|unreported)\b",
    re.I,
)
_NEWS_MARKERS = re.compile(
    r"\b(?:said|says|told|according to|reported|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|yesterday|today|last (?:night|week))\b"
)


@dataclass(frozen=True, slots=True)
class LineLabel:
    role: Role
    quoted_source: str | None = None


def is_byline(line: Line) -> bool:
    """An author or source credit, or a line that is only a date ("Mon 12 Jun 2017")."""
    text = line.stripped
    if line.n_words > 12:
        return False
    if any(p.match(text) for p in _BYLINE):
        return True
    found = find_dateline(text, window=60)
    return found is not None and len(found.surface) >= len(text.rstrip(" .,|-–—")) - 2


def is_boilerplate(line: Line, lexicon: Lexicon) -> bool:
    """Web debris wherever it stands: widgets, form furniture, appeals, scraps."""
    text = line.stripped
    if is_debris(line) or lexicon.hits("appeal", text) >= 2:
        return True
    return line.n_words <= lexicon.strong_max_words and lexicon.matches("strong", text)


def _is_standfirst(line: Line, following_prose: bool) -> bool:
    text = line.stripped
    return (
        following_prose
        and sentence_count(text) == 1
        and 12 <= line.n_words <= 45
        and not _LEAD_WORDS.match(text)
        and not _NEWS_MARKERS.search(text)
        and not text.startswith(("“", '"', "‘"))
    )


def label_lines(lines: list[Line], lexicon: Lexicon, registry: OutletRegistry) -> dict[int, LineLabel]:
    """Role of each non-blank line, by line number."""
    content = [line for line in lines if not line.blank]
    if not content:
        return {}
    debris = [is_boilerplate(line, lexicon) for line in content]
    first = _first_body(content, debris)
    if first is None:
        return _no_article(content, debris)
    start = _comments_start(content, debris, first, lexicon)
    end = _article_end(content, debris, first, start, lexicon)
    labels: dict[int, LineLabel] = {}
    for i, line in enumerate(content):
        labels[line.number] = LineLabel(_role(i, content, debris, first, end, start, lexicon))
    mark_quotes(content, labels, registry)
    return labels


def _first_body(content: list[Line], debris: list[bool]) -> int | None:
    seen_title = False
    for i, line in enumerate(content):
        if debris[i] or is_byline(line):
            continue
        if is_prose(line) and not line.stripped.endswith(":"):
            more = any(is_prose(c) for c in content[i + 1 : i + 4])
            if seen_title and i <= 3 and _is_standfirst(line, more):
                seen_title = False
                continue
            return i
        seen_title = seen_title or is_headline(line)
    return None


def _no_article(content: list[Line], debris: list[bool]) -> dict[int, LineLabel]:
    """No prose line at all: keep the text as body unless it is plainly debris."""
    return {
        line.number: LineLabel(Role.BOILERPLATE if debris[i] else Role.BODY)
        for i, line in enumerate(content)
    }


def _comments_start(content: list[Line], debris: list[bool], first: int, lexicon: Lexicon) -> int:
    """Index of the first comment line, or len(content) when there are none."""
    for i in range(first + 1, len(content)):
        if lexicon.matches("comments", content[i].stripped) and content[i].n_words <= 6:
            return i
    candidates = content[first + 1 :]
    neutral = [d or is_byline(c) for d, c in zip(debris[first + 1 :], candidates, strict=True)]
    found = find_comment_start(candidates, neutral)
    return len(content) if found is None else first + 1 + found


def _article_end(content: list[Line], debris: list[bool], first: int, stop: int, lexicon: Lexicon) -> int:
    """Index of the last body line of the article (inclusive)."""
    end = first
    for i in range(first, stop):
        line = content[i]
        if debris[i] or is_byline(line) or lexicon.matches("bio", line.stripped):
            continue
        if lexicon.matches("tail", line.stripped):
            break
        if is_prose(line):
            end = i
    # short closing sentences right after the last prose line are still the article
    while end + 1 < stop and _short_sentence(content[end + 1], debris[end + 1], lexicon):
        end += 1
    return end


def _short_sentence(line: Line, debris: bool, lexicon: Lexicon) -> bool:
    text = line.stripped
    return (
        not debris
        and not is_byline(line)
        and not lexicon.matches("bio", text)
        and text.endswith((".", "”", '"'))
        and line.n_words >= 3
        and not is_url_only(text)
    )


def _role(i: int, content: list[Line], debris: list[bool], first: int, end: int, start: int,
          lexicon: Lexicon) -> Role:
    line = content[i]
    if i >= start:
        clear = lexicon.matches("strong", line.stripped) or lexicon.hits("appeal", line.stripped) >= 2
        return Role.BOILERPLATE if clear and 2 <= line.n_words <= 12 else Role.COMMENTS
    if debris[i]:
        scrap = is_debris(line) and not lexicon.matches("strong", line.stripped)
        return Role.BODY if scrap and first < i < end else Role.BOILERPLATE
    if is_byline(line):
        return Role.BYLINE
    if i < first:
        return Role.TITLE if i < 4 or is_headline(line) else Role.BOILERPLATE
    if i > end:
        return Role.BOILERPLATE
    if _embedded_headline(i, content):
        return Role.TITLE
    return Role.BODY


def _embedded_headline(i: int, content: list[Line]) -> bool:
    line = content[i]
    if not is_headline(line) or line.stripped.endswith((":", "?", "!")):
        return False
    if title_case_ratio(line.stripped) < 0.75:
        return False
    before = i > 0 and is_prose(content[i - 1])
    after = i + 1 < len(content) and is_prose(content[i + 1])
    return before and after


def mark_quotes(content: list[Line], labels: dict[int, LineLabel], registry: OutletRegistry) -> None:
    run: list[Line] = []
    for line in [*content, None]:
        if line is not None and labels[line.number].role is Role.BODY:
            run.append(line)
            continue
        for quote in find_quotes(run, registry):
            for para in run[quote.first : quote.last + 1]:
                labels[para.number] = LineLabel(Role.QUOTE, quote.source)
        run = []
