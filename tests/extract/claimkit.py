"""Helpers for the extract tests: build a Cleaned article from blocks, spaCy place mentions."""

from __future__ import annotations

import datetime as dt
import functools

from factories import packaged_kb
from frontlines.records import Article, Claim, Cleaned, Mention, Role, Segment, text_id

PUBLISHED = dt.date(2017, 3, 15)  # a Wednesday


def build(
    blocks: list[tuple[str, str]],
    published: dt.date | None = PUBLISHED,
    quoted_source: str | None = None,
) -> Cleaned:
    """A Cleaned article from (role, text) blocks separated by blank lines."""
    text = "\n\n".join(t for _, t in blocks)
    doc_id = text_id(text)
    article = Article(id=doc_id, text=text, source="test", published=published)
    segments, pos = [], 0
    for i, (role, block) in enumerate(blocks):
        first = text[:pos].count("\n") + 1
        segments.append(
            Segment(
                doc_id,
                i,
                Role(role),
                pos,
                pos + len(block),
                first,
                first + block.count("\n"),
                quoted_source if role == "quote" else None,
            )
        )
        pos += len(block) + 2
    return Cleaned(article, tuple(segments))


@functools.cache
def _place_resolver():
    from frontlines.resolve.gazetteer import SqliteGazetteer
    from frontlines.resolve.places import PlaceResolver

    return PlaceResolver(SqliteGazetteer(None), packaged_kb())


def entity_places(cleaned: Cleaned) -> list[Mention]:
    """Place mentions by the packaged place resolver (spaCy's NER misses most Syrian names)."""
    spans = [(s.start, s.end) for s in cleaned.segments if s.role in (Role.BODY, Role.QUOTE)]
    return list(_place_resolver().find(cleaned.article.text, cleaned.article.id, spans))


def only(claims: list[Claim], trigger: str) -> Claim:
    """The one claim whose trigger word is *trigger*."""
    found = [c for c in claims if c.trigger.lower() == trigger.lower()]
    assert len(found) == 1, f"{trigger!r}: {[(c.trigger, c.status) for c in claims]}"
    return found[0]
