"""The code stays lint-clean under the project's ruff rules (pyproject: [tool.ruff]) and type-clean under
mypy in strict mode (pyproject: [tool.mypy])."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "src", "tests", "bench", "scripts"],
                            cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    """``mypy --strict`` over src/frontlines (the files and the few untyped libraries are named in
    pyproject's [tool.mypy]); a new error, or a ``type: ignore`` that is no longer needed, fails."""
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_type_ignore_names_its_error_and_why() -> None:
    """A ``type: ignore`` names the error codes it silences and says why, in the same comment."""
    bare = []
    for path in sorted((REPO / "src").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            _, marker, rest = line.partition("# type: ignore")
            if marker and not re.match(r"\[[a-z-]+(, ?[a-z-]+)*\]\s+(-|—|:)\s*\S", rest):
                bare.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not bare, "\n".join(bare)


def test_importing_the_package_does_no_work() -> None:
    code = ("import sys, frontlines, frontlines.pipeline, frontlines.cli.main; "
            "print(*(int(m in sys.modules) for m in ('spacy', 'trafilatura', 'pyarrow')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "0", "0"], "importing frontlines loaded a model or a heavy library"
