"""Shared test fixtures: paths to the repository, the shared corpora and the knowledge base."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
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


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in {"true", "1", "yes"}


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server for this test session (tests/pgserver.py): its connection URL.
    Without one the PostgreSQL tests skip with the reason, except under CI=true, where they fail."""
    from pgserver import NoServer, server

    try:
        import psycopg  # noqa: F401 - the store's driver
        running = server()
        url = running.__enter__()
    except (ImportError, NoServer) as exc:
        reason = f"no PostgreSQL server for the tests: {exc}"
        if _ci():
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield url
    finally:
        running.__exit__(None, None, None)


_schemas = itertools.count()


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A connection URL to an empty schema of the session's server, one per call."""
    from pgserver import with_schema

    return with_schema(postgres_server, f"t{os.getpid()}_{next(_schemas)}")
