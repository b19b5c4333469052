"""One writing run per database at a time: an advisory lock beside the database file.

Two runs on one database would each build their near-duplicate index from what was stored
when they began and miss what the other stores meanwhile (a report coded twice).  A run
therefore holds ``<db>.run-lock`` (``flock``, released by the operating system when the
process ends, so a killed run leaves no stale lock); a second run waits for it and then
sees everything the first stored.  Readers never take it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path


def lock_path(db: str | Path) -> Path:
    return Path(f"{db}.run-lock")


def database_files(db: str | Path | None) -> list[Path]:
    """The files of an SQLite database and its run lock: never inputs of a run."""
    if db is None or str(db) == ":memory:":
        return []
    return [Path(f"{db}{suffix}") for suffix in ("", "-wal", "-shm", "-journal", ".run-lock")]


@contextlib.contextmanager
def run_lock(db: str | Path | None, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the run lock of database ``db`` (nothing for an in-memory store or without flock)."""
    try:
        import fcntl
    except ImportError:  # no flock on this platform: runs are not serialised
        yield
        return
    if db is None or str(db) == ":memory:":
        yield
        return
    fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
