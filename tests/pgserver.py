"""A real, throw-away PostgreSQL server for the tests: initdb into a temporary folder, a Unix
socket in that folder (no TCP), started with pg_ctl and stopped (and deleted) at the end.

The server binaries come from ``FRONTLINES_PG_BINDIR``, ``pg_config --bindir``, the newest
``/usr/lib/postgresql/*/bin`` (Debian's ``postgresql`` package; ``scripts/ensure-postgres``
installs it) or ``PATH``.  initdb refuses to run as root, so as root the server runs as the
``postgres`` user.  ``FRONTLINES_TEST_POSTGRES`` (a connection URL) uses a server you already
have instead.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote


class NoServer(Exception):
    """No PostgreSQL server can be started here; the message says why, in one line."""


def bindir() -> Path:
    given = os.environ.get("FRONTLINES_PG_BINDIR")
    candidates = [Path(given)] if given else []
    if shutil.which("pg_config"):
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True)
            candidates.append(Path(found.stdout.strip()))
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name)
                      if p.parent.name.isdigit() else 0, reverse=True)
    candidates += versions
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).parent)  # type: ignore[arg-type]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise NoServer("no PostgreSQL server binaries (initdb, pg_ctl): run scripts/ensure-postgres")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> str | None:
    """The user to run the server as: ourselves, or ``postgres`` when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise NoServer("running as root and there is no 'postgres' user to run the server as") from None
    return "postgres"


@contextlib.contextmanager
def server() -> Iterator[str]:
    """Start a server; yields a connection URL to its ``postgres`` database."""
    given = os.environ.get("FRONTLINES_TEST_POSTGRES")
    if given:
        yield given
        return
    bins, user = bindir(), _run_as()
    home = Path(tempfile.mkdtemp(prefix="frontlines-pg-"))
    if user:
        shutil.chown(home, user)
    port, data = _free_port(), home / "data"
    options = f"-k {home} -p {port} -c listen_addresses='' -c fsync=off -c full_page_writes=off " \
              "-c synchronous_commit=off -c max_connections=50"

    def call(*args: str) -> None:
        try:
            subprocess.run([str(bins / args[0]), *args[1:]], user=user, capture_output=True, text=True,
                           check=True, timeout=120, cwd=home)
        except subprocess.CalledProcessError as exc:
            last = (exc.stderr or exc.stdout or "").strip().splitlines()[-1:] or ["failed"]
            raise NoServer(f"{args[0]}: {last[0]}") from None

    try:
        call("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync")
        call("pg_ctl", "-D", str(data), "-o", options, "-l", str(home / "log"), "-w", "-t", "60", "start")
    except (NoServer, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(home, ignore_errors=True)
        raise NoServer(str(exc)) from None
    try:
        yield f"postgresql://postgres@/postgres?host={quote(str(home), safe='')}&port={port}"
    finally:
        with contextlib.suppress(NoServer, OSError, subprocess.TimeoutExpired):
            call("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(home, ignore_errors=True)


def with_schema(url: str, schema: str) -> str:
    """The same server and database, with tables made and read in ``schema`` (created here)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')  # type: ignore[arg-type]
    return f"{url}&options={quote(f'-csearch_path={schema}', safe='')}"
