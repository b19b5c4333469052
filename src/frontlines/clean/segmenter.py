"""The default cleaner: segment an article and recover its metadata."""

from __future__ import annotations

from ..records import Article, Cleaned, Segment
from ..registry import cleaners
from .blocks import fill_blank_lines, to_segments
from .lexicon import Lexicon, default_lexicon
from .lines import split_lines
from .outlets import OutletRegistry, default_registry
from .plain import label_lines


def segment_text(
    text: str,
    doc_id: str = "",
    *,
    lexicon: Lexicon | None = None,
    registry: OutletRegistry | None = None,
) -> tuple[Segment, ...]:
    """Blocks of a plain text, covering every line exactly once."""
    lines = split_lines(text)
    labels = label_lines(lines, lexicon or default_lexicon(), registry or default_registry())
    return to_segments(doc_id, text, lines, fill_blank_lines(lines, labels))


@cleaners.register("default")
def clean_article(article: Article) -> Cleaned:
    """Segment ``article`` (HTML structure first when it has markup) and fill unknown metadata."""
    from ..ingest.metadata import infer_metadata

    if article.html:
        from .htmlroles import segment_html

        segments = segment_html(article)
    else:
        segments = segment_text(article.text, article.id)
    return Cleaned(infer_metadata(article, segments), segments)
