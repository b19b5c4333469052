"""Shared test fixtures: paths to the repository and the shared corpora."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("FRONTLINES_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpora; their absence is an error, not a skip."""
    assert CORPUS.is_dir(), f"shared corpus not found at {CORPUS} (set FRONTLINES_CORPUS)"
    return CORPUS


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
