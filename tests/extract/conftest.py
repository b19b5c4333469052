"""Fixtures for the extract tests: a cached spaCy pipeline and a one-call extractor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from claimkit import PUBLISHED, build, entity_places

from factories import packaged_kb
from frontlines.extract.claims import ClaimExtractor
from frontlines.extract.nlp import load_nlp
from frontlines.records import Claim
from frontlines.resolve.claims import ClaimResolver


@pytest.fixture(scope="session")
def extractor() -> ClaimExtractor:
    return ClaimExtractor(packaged_kb(), nlp=load_nlp())


@pytest.fixture(scope="session")
def claims_of(extractor: ClaimExtractor) -> Callable[..., list[Claim]]:
    """Claims (resolved) of a body text, or of (role, text) blocks."""
    resolver = ClaimResolver(packaged_kb().actors)

    def run(
        body: str | list[tuple[str, str]],
        published: dt.date | None = PUBLISHED,
        quoted_source: str | None = None,
    ) -> list[Claim]:
        blocks = [("body", body)] if isinstance(body, str) else body
        cleaned = build(blocks, published, quoted_source)
        claims = extractor.extract(cleaned, entity_places(cleaned))
        return resolver.resolve(claims, cleaned.article)

    return run
