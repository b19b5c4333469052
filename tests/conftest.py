"""Shared test fixtures: paths to the repository and the shared corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factories import packaged_kb
from frontlines.kb import KnowledgeBase

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("FRONTLINES_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpora; their absence is an error, not a skip."""
    assert CORPUS.is_dir(), f"shared corpus not found at {CORPUS} (set FRONTLINES_CORPUS)"
    return CORPUS


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The packaged knowledge base."""
    return packaged_kb()
