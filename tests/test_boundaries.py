"""No module of one stage imports another stage (DESIGN.md: only the pipeline knows the order).

Stages may share only the neutral modules: records, taxonomy, errors, kb, registry, geo.
Checked on the source's syntax tree, imports inside functions included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "frontlines"
STAGES = ("ingest", "clean", "extract", "resolve", "fuse", "derive", "store", "export")
SHARED = {"records", "taxonomy", "errors", "kb", "registry", "geo"}
#: seams a stage may name: the Store protocol is an interface, not the store stage's code
SEAMS = {"frontlines.store.protocol"}

#: imports across stages that remain, each waiting for its owner's change (remove as they go)
KNOWN: set[tuple[str, str]] = {
    ("clean/htmlroles.py", "ingest"),  # publication metadata inference belongs to ingest; moves with issue 8
    ("clean/segmenter.py", "ingest"),
    ("ingest/metadata.py", "clean"),
    ("extract/claims.py", "resolve"),  # the actor dictionary moves into the knowledge base (kb)
    ("extract/context.py", "resolve"),
    ("extract/roles.py", "resolve"),
}


def _imported(module: Path, tree: ast.AST) -> set[str]:
    """The top-level frontlines names (``extract``, ``records``...) a module imports."""
    package = module.relative_to(SRC.parent).with_suffix("").parts[:-1]  # ('frontlines', 'resolve')
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                names = [".".join(base + ([node.module] if node.module else []))]
                if not node.module:
                    names = [".".join(base + [a.name]) for a in node.names]
            else:
                names = [node.module or ""]
        else:
            continue
        found |= {n.split(".")[1] for n in names
                  if n.startswith("frontlines.") and not any(n.startswith(seam) for seam in SEAMS)}
    return found


def _crossings() -> set[tuple[str, str]]:
    crossings = set()
    for stage in STAGES:
        for module in sorted((SRC / stage).rglob("*.py")):
            for other in _imported(module, ast.parse(module.read_text())):
                if other != stage and other in STAGES:
                    crossings.add((str(module.relative_to(SRC)), other))
    return crossings


def test_no_stage_imports_another() -> None:
    new = _crossings() - KNOWN
    assert not new, "stage modules importing other stages: " + ", ".join(f"{m} → {o}" for m, o in sorted(new))


def test_the_known_crossings_still_exist() -> None:
    """A crossing that was fixed must leave the KNOWN list too (no stale exemptions)."""
    assert _crossings() >= KNOWN


@pytest.mark.parametrize("source,expected", [
    ("from ..extract.lexicon import x", {"extract"}), ("from .. import records", {"records"}),
    ("import frontlines.fuse", {"fuse"}), ("from . import rows", {"store"}),
])
def test_imports_are_read_right(source: str, expected: set[str]) -> None:
    assert _imported(SRC / "store" / "x.py", ast.parse(source)) == expected


#: the modules that may speak SQL: the SQLite and PostgreSQL stores and SQLite's read views (the web
#: server's and the situation report's, behind the Store protocol), the gazetteer's own read-only file,
#: and the CLI's error handler (it names sqlite3's exceptions, it sends no SQL)
SQL_MODULES = {"store/sqlite.py", "store/sqlite_views.py", "store/postgres.py", "resolve/gazetteer.py",
               "resolve/gaz_build.py", "cli/common.py"}


def test_no_sql_outside_the_store() -> None:
    offenders = []
    for module in sorted(SRC.rglob("*.py")):
        name = str(module.relative_to(SRC))
        tree = ast.parse(module.read_text())
        for node in ast.walk(tree):
            imports_sqlite = (isinstance(node, ast.Import) and any(a.name == "sqlite3" for a in node.names)) or \
                (isinstance(node, ast.ImportFrom) and node.module == "sqlite3")
            raw_sql = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in {"query", "execute", "executescript"}
            if (imports_sqlite or raw_sql) and name not in SQL_MODULES:
                offenders.append(f"{name}:{node.lineno}")
    assert not offenders, offenders
