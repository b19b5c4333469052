"""A text too long to code as one document, cut into parts at paragraph ends.

A 20 MB transcript or a dump of many reports codes for many minutes as one document, with no
progress shown, no parallelism and nothing kept if it is interrupted.  With ``--split-long``
such a text becomes parts of at most ``--max-chars`` characters, each cut at a paragraph end
(else a line end, a sentence end or a space), coded as a document of its own: the progress bar
counts parts, the process engine spreads them over its workers, and an interrupted run goes on
from the first part not stored.  Each part keeps the document's metadata; its source and
source id gain ``#partN``.  Context does not cross a cut: a part's events take their places and
dates from the part itself (and the document's publication date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..records import Article, text_id

#: where a part may end, best first: a blank line, a line end, a sentence end, a space
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…][\"”’)\]]*\s+"), re.compile(r"\s+"))


def cut_points(text: str, limit: int) -> list[tuple[int, int]]:
    """[start, end) spans of at most ``limit`` characters that tile ``text`` in order, each
    ending at the best cut of its window that lies in the window's second half."""
    if limit < 1:
        raise ValueError("the part limit must be positive")
    spans = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = limit  # no cut in the second half: a hard cut at the limit
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def split_article(article: Article, limit: int) -> Iterator[Article]:
    """``article`` as parts of at most ``limit`` characters (itself when it is short enough)."""
    if len(article.text) <= limit:
        yield article
        return
    parts = (article.text[start:end].strip() for start, end in cut_points(article.text, limit))
    for n, part in enumerate((p for p in parts if p), 1):
        yield replace(article, id=text_id(part), text=part, html=None, duplicate_of=None,
                      source=f"{article.source}#part{n}",
                      source_id=f"{article.source_id}#part{n}" if article.source_id else None)
