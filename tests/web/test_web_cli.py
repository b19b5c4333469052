"""``frontlines serve`` as a user starts it: a real process on a loopback port; its one-line errors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner
from conftest import REPO

from frontlines.cli.main import cli


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_on_loopback(web_db: Path) -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    server = subprocess.Popen([sys.executable, "-m", "frontlines", "serve", "--db", str(web_db), "--port", str(port),
                               "--log-level", "warning"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        info = None
        for _ in range(200):  # up to 20 s for the process to import and bind
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/info", timeout=2) as response:
                    info = json.loads(response.read())
                    headers = response.headers
                break
            except OSError:
                time.sleep(0.1)
        assert info is not None, "the server did not answer"
        assert info["read_only"] is True and info["database"] == web_db.name
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "server" not in {k.lower() for k in headers}
    finally:
        server.terminate()
        _, err = server.communicate(timeout=10)
    assert "read-only" in err


def test_serve_errors_are_one_line(tmp_path: Path, web_db: Path) -> None:
    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 4 and "no such database" in missing.output
    bad_tiles = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--tiles", "javascript:alert(1)"])
    assert bad_tiles.exit_code == 2 and "--tiles" in bad_tiles.output
    for result in (missing, bad_tiles):
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
