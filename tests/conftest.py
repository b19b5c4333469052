"""Shared test fixtures: paths to the repository and the shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusgate import REPO, require_corpus

__all__ = ["REPO"]


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpora: skipped with a one-line reason when absent, an error under CI=true."""
    return require_corpus()
