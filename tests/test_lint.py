"""The code stays lint-clean under the project's ruff rules (pyproject: [tool.ruff])."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "src", "tests", "bench", "scripts"],
                            cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_package_does_no_work() -> None:
    code = ("import sys, frontlines, frontlines.pipeline, frontlines.cli.main; "
            "print(*(int(m in sys.modules) for m in ('spacy', 'trafilatura', 'pyarrow')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "0", "0"], "importing frontlines loaded a model or a heavy library"
