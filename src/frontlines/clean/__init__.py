"""Stage 2, clean: an ``Article`` in; its blocks with roles (``Cleaned``) out.

``clean_article`` is registered as the cleaner ``"default"``.  Plain text is segmented from
line shape, position and voice (:mod:`.plain`); HTML articles use trafilatura's view of the
page first (:mod:`.htmlroles`).  Metadata that the text reveals (dateline, byline, outlet)
is filled in by :func:`frontlines.ingest.metadata.infer_metadata`.
"""

from __future__ import annotations

from .segmenter import clean_article, segment_text

__all__ = ["clean_article", "segment_text"]
