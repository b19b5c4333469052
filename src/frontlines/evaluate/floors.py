"""The floors file: every pinned accuracy floor (and zero-ceiling) with the digest of the corpus
files it was measured on.

Format (``floors.json`` beside this module)::

    {"slack": 0.02,
     "groups": {"seeds": {"corpus": {"files": ["seeds/*.txt", ...], "sha256": "…"},
                          "floors": {"events.recall_core": 0.94, ...},
                          "ceilings": {"events.non_factual_as_happened": 0}}, ...}}

A figure passes when it is at least its floor (at most its ceiling).  A group whose corpus files
no longer have the recorded digest is *stale*: its floors were measured on another version of
the corpus and are reported as such, not silently applied.  ``repin`` raises floors to the
measured figure less the slack (rounded down to two places) and never lowers one.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError

FLOORS_FILE = Path(__file__).with_name("floors.json")
DEFAULT_SLACK = 0.02


def load_floors(path: Path | None = None) -> dict[str, Any]:
    path = path or FLOORS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(f"cannot read the floors file ({exc.strerror})", source=str(path)) from None
    except json.JSONDecodeError as exc:
        raise EvalError(f"the floors file is not valid JSON (line {exc.lineno}: {exc.msg})", source=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("groups"), dict):
        raise EvalError("the floors file has no 'groups' object", source=str(path))
    return data


def dump_floors(data: Mapping[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def corpus_files(root: Path, patterns: Iterable[str]) -> list[Path]:
    """The files the patterns name under ``root``, sorted, each once."""
    found = {p for pattern in patterns for p in root.glob(pattern) if p.is_file()}
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def corpus_digest(root: Path, patterns: Iterable[str]) -> str:
    """SHA-256 over the relative path and the SHA-256 of each file the patterns name."""
    outer = hashlib.sha256()
    for path in corpus_files(root, patterns):
        inner = hashlib.sha256(path.read_bytes()).hexdigest()
        outer.update(f"{path.relative_to(root).as_posix()}\0{inner}\n".encode())
    return outer.hexdigest()


@dataclass(frozen=True, slots=True)
class Problem:
    """A gate that does not hold: a figure below its floor or above its ceiling, a figure not
    measured, or floors measured on another version of the corpus."""

    group: str
    figure: str | None
    kind: str  # "below floor" | "above ceiling" | "not measured" | "stale corpus"
    message: str


def check_group(name: str, entry: Mapping[str, Any], figures: Mapping[str, Any], digest: str) -> list[Problem]:
    """The problems of one measured group against its floors-file entry."""
    recorded = entry.get("corpus", {}).get("sha256")
    if recorded != digest:
        return [Problem(name, None, "stale corpus",
                        f"{name}: floors were measured on another version of the corpus "
                        f"(sha256 {str(recorded)[:12]}…, now {digest[:12]}…); re-pin with "
                        f"`frontlines eval --repin --rebase {name}` after review")]
    problems = []
    for figure, floor in entry.get("floors", {}).items():
        value = figures.get(figure)
        if value is None:
            problems.append(Problem(name, figure, "not measured", f"{name} {figure}: not measured (floor {floor})"))
        elif value < floor:
            problems.append(Problem(name, figure, "below floor",
                                    f"{name} {figure}: {value} is below its floor {floor}"))
    for figure, ceiling in entry.get("ceilings", {}).items():
        value = figures.get(figure)
        if value is None:
            problems.append(Problem(name, figure, "not measured", f"{name} {figure}: not measured (ceiling {ceiling})"))
        elif value > ceiling:
            problems.append(Problem(name, figure, "above ceiling",
                                    f"{name} {figure}: {value} is above its ceiling {ceiling}"))
    return problems


def pinned(value: float, slack: float) -> float:
    """The floor a measured figure pins: less the slack, rounded down to two places."""
    return max(0.0, math.floor(round((value - slack) * 100, 6)) / 100)


@dataclass(frozen=True, slots=True)
class Measured:
    """One group as measured: its figures, which of them are gated, and its corpus."""

    name: str
    figures: Mapping[str, Any]
    floors: tuple[str, ...]  # figures that must not drop
    ceilings: tuple[str, ...]  # figures that must not rise (counts of serious errors)
    files: tuple[str, ...]
    digest: str


class RepinRefused(EvalError):
    """A re-pin would lower a floor (or raise a ceiling), or move a stale group."""

    code = "FL401"
    exit_code = 2


def repin(data: Mapping[str, Any], measured: Iterable[Measured],
          rebase: Iterable[str] = ()) -> tuple[dict[str, Any], list[str]]:
    """The floors file with every floor raised to what was measured (less the slack), and one
    line per change.  Raises RepinRefused, naming the figure, where that would lower a floor,
    raise a ceiling, or re-pin a group measured on another corpus version (unless it is named
    in ``rebase``: its floors are then set anew from this measurement)."""
    new = copy.deepcopy(dict(data))
    groups = new.setdefault("groups", {})
    slack = float(new.get("slack", DEFAULT_SLACK))
    rebase = set(rebase)
    changes: list[str] = []
    for m in measured:
        old = groups.get(m.name)
        if old is not None and old.get("corpus", {}).get("sha256") != m.digest and m.name not in rebase:
            raise RepinRefused(f"{m.name}: floors were measured on another version of the corpus; "
                               f"review and re-pin with --rebase {m.name}")
        fresh = old is None or m.name in rebase
        entry = {"corpus": {"files": list(m.files), "sha256": m.digest},
                 "floors": {} if fresh else dict(old.get("floors", {})),
                 "ceilings": {} if fresh else dict(old.get("ceilings", {}))}
        for figure in m.floors:
            value = m.figures.get(figure)
            if value is None:
                continue
            floor = entry["floors"].get(figure)
            if floor is not None and value < floor:
                raise RepinRefused(f"{m.name} {figure}: measured {value} is below its floor {floor}; "
                                   "a re-pin never lowers a floor")
            want = pinned(value, slack)
            if floor is None or want > floor:
                entry["floors"][figure] = want
                changes.append(f"{m.name} {figure}: floor {floor} → {want} (measured {value})")
        for figure in m.ceilings:
            value = m.figures.get(figure)
            if value is None:
                continue
            ceiling = entry["ceilings"].get(figure)
            if ceiling is not None and value > ceiling:
                raise RepinRefused(f"{m.name} {figure}: measured {value} is above its ceiling {ceiling}; "
                                   "a re-pin never raises a ceiling")
            if ceiling is None:
                entry["ceilings"][figure] = value
                changes.append(f"{m.name} {figure}: ceiling set to {value}")
        if old is None or old.get("corpus") != entry["corpus"]:
            changes.append(f"{m.name}: corpus sha256 {m.digest[:12]}…")
        groups[m.name] = entry
    return new, changes
