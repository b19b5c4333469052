"""Where the shared corpora are, and what a test does when they are missing.

``FRONTLINES_CORPUS`` names the folder (default: ``../shared/corpus`` beside the clone).
Without it a corpus-based test is skipped with a one-line reason, except under CI
(``CI=true``), where a missing corpus is an error: CI must measure the gates.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def corpus_root() -> Path:
    return Path(os.environ.get("FRONTLINES_CORPUS") or REPO.parent / "shared" / "corpus")


CORPUS = corpus_root()


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_corpus(*parts: str) -> Path:
    """The corpus path ``parts`` under the corpus root; skip (fail under CI) when it is missing."""
    path = corpus_root().joinpath(*parts)
    if path.exists():
        return path
    reason = f"shared corpus not found at {path} (set FRONTLINES_CORPUS)"
    if in_ci():
        pytest.fail(f"{reason}; CI must run the corpus gates", pytrace=False)
    pytest.skip(reason)
