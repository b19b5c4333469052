"""Read-only connections to the served database, one per worker thread."""

from __future__ import annotations

import threading
from pathlib import Path

from ..store.views import Connection, connect_readonly


class ReadOnlyDatabase:
    """Opens the database read-only (SQLite ``mode=ro``) once per thread that asks for it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._all: list[Connection] = []
        self._lock = threading.Lock()
        connect_readonly(self.path).close()  # fail now, with a one-line error, if it cannot be read

    def connection(self) -> Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect_readonly(self.path)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
