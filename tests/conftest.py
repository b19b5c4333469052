"""Shared test fixtures: paths to the repository, the shared corpora and the knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusgate import CORPUS, REPO, require_corpus
from factories import packaged_kb
from frontlines.kb import KnowledgeBase

__all__ = ["CORPUS", "REPO"]


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpora: skipped with a one-line reason when absent, an error under CI=true."""
    return require_corpus()


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The packaged knowledge base."""
    return packaged_kb()
