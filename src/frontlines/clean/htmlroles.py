"""Roles of an HTML article's lines: trafilatura's view of the page first, then DOM hints,
then the plain-text segmenter for what neither decides."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Article, Role, Segment
from .blocks import fill_blank_lines, to_segments
from .lexicon import Lexicon
from .lines import Line, split_lines
from .plain import LineLabel, is_boilerplate, is_byline, label_lines, mark_quotes

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _trafilatura_view(html: str) -> tuple[str, str, str]:
    """Normalised main text, comments text and title as trafilatura sees them."""
    from ..ingest.html import trafilatura_module

    if trafilatura_module() is None:  # DOM hints and the plain-text segmenter decide alone
        return "", "", ""
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    doc = bare_extraction(html, include_comments=True, with_metadata=True, favor_recall=True)
    if not isinstance(doc, Document):  # None: nothing extracted (a dict only when asked for one)
        return "", "", ""
    return _norm(doc.text or ""), _norm(doc.comments or ""), _norm(doc.title or "")


def segment_html(article: Article, kb: KnowledgeBase) -> tuple[Segment, ...]:
    """Blocks of an HTML article, over ``article.text`` as rendered by ingest.html."""
    from ..ingest.html import render_blocks, render_text
    from .segmenter import segment_text

    assert article.html is not None
    blocks = render_blocks(article.html, article.source)
    if render_text(blocks) != article.text:  # the text was changed after rendering
        return segment_text(article.text, article.id, kb)
    lines = split_lines(article.text)
    content = [line for line in lines if not line.blank]
    main, comments, title = _trafilatura_view(article.html)
    lexicon = kb.boilerplate
    plain = label_lines(lines, lexicon, kb.outlets)
    labels: dict[int, LineLabel] = {}
    for line, block in zip(content, blocks, strict=True):
        role = _role(line, block.hint, main, comments, title, plain[line.number].role, lexicon)
        labels[line.number] = LineLabel(role)
    _body_between(labels, content, main, lexicon)
    mark_quotes(content, labels, kb.outlets)
    return to_segments(article.id, article.text, lines, fill_blank_lines(lines, labels))


def _role(line: Line, hint: str | None, main: str, comments: str, title: str, plain: Role,
          lexicon: Lexicon) -> Role:
    text = _norm(line.stripped)
    if is_boilerplate(line, lexicon):
        return Role.BOILERPLATE
    if hint == "comments" or (comments and text and text in comments and text not in main):
        return Role.COMMENTS
    if hint == "boilerplate":
        return Role.BOILERPLATE
    if hint == "title" or (title and text == title):
        return Role.TITLE
    if hint == "byline" or is_byline(line):
        return Role.BYLINE
    if main and text and text in main:
        return Role.BODY
    if not main:
        return plain
    return Role.BOILERPLATE if plain in (Role.BODY, Role.TITLE) else plain


def _body_between(labels: dict[int, LineLabel], content: list[Line], main: str, lexicon: Lexicon) -> None:
    """Lines the plain segmenter calls prose, between two main-content lines, stay body."""
    body = [i for i, line in enumerate(content) if labels[line.number].role is Role.BODY]
    if not body or not main:
        return
    for line in content[body[0] : body[-1] + 1]:
        prose = labels[line.number].role is Role.BOILERPLATE and len(line.stripped.split()) >= 12
        if prose and not is_boilerplate(line, lexicon):
            labels[line.number] = LineLabel(Role.BODY)
