"""The default cleaner: segment an article and recover its metadata."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Article, Cleaned, Segment
from ..registry import cleaners
from .blocks import fill_blank_lines, to_segments
from .lines import split_lines
from .plain import label_lines

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


def segment_text(text: str, doc_id: str, kb: KnowledgeBase) -> tuple[Segment, ...]:
    """Blocks of a plain text, covering every line exactly once (``kb``: the debris lexicon and
    the outlet registry)."""
    lines = split_lines(text)
    labels = label_lines(lines, kb.boilerplate, kb.outlets)
    return to_segments(doc_id, text, lines, fill_blank_lines(lines, labels))


@cleaners.register("default")
def clean_article(article: Article, kb: KnowledgeBase) -> Cleaned:
    """Segment ``article`` (HTML structure first when it has markup) and fill unknown metadata."""
    from ..ingest.metadata import infer_metadata

    if article.html:
        from .htmlroles import segment_html

        segments = segment_html(article, kb)
    else:
        segments = segment_text(article.text, article.id, kb)
    return Cleaned(infer_metadata(article, segments, kb), segments)
