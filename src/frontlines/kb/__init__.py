"""The knowledge base: every rule an analyst may edit, as data files, loaded into one object.

``load_kb()`` loads the packaged knowledge base (the Syrian war); ``load_kb(DIR)`` an edited
copy that ``export_kb(DIR)`` wrote out.  ``check_kb(DIR)`` reports every problem of every
file and of the rules across files, each with its file and line.  The stages receive the
:class:`KnowledgeBase` (or the part they need); nothing holds rules in a module-level cache.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from ..errors import ResourceError
from .files import (
    ACTORS,
    BOILERPLATE,
    CUES,
    FILES,
    MANIFEST,
    OUTLETS,
    OVERLAY,
    TERRITORY,
    THEATER,
    TOLLS,
    TRIGGERS,
    KbFile,
)
from .model import KbProblem, KnowledgeBase, Manifest

__all__ = ["FILES", "KbFile", "KbProblem", "KnowledgeBase", "Manifest", "check_kb", "export_kb",
           "load_kb", "packaged_dir"]


def packaged_dir() -> Path:
    """The directory of the packaged knowledge base."""
    return Path(str(resources.files("frontlines").joinpath("data")))


def _root(path: str | Path | None) -> Path:
    root = Path(path) if path is not None else packaged_dir()
    if not root.is_dir():
        raise ResourceError("knowledge base not found (a directory written by `frontlines kb export`)",
                            source=str(root))
    return root


def _packaged_gazetteer() -> Path:
    return packaged_dir() / "gazetteer.sqlite"


def load_kb(path: str | Path | None = None) -> KnowledgeBase:
    """The knowledge base in directory ``path`` (None: the packaged one), every file validated.

    Raises ResourceError naming the first problems (``check_kb`` lists them all).
    """
    root = _root(path)
    problems = check_kb(root)
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise ResourceError("invalid knowledge base: " + "; ".join(str(p) for p in problems[:5]) + more,
                            source=str(root))
    manifest = MANIFEST.load_from(root)
    return KnowledgeBase(root=root, manifest=manifest, triggers=TRIGGERS.load_from(root), cues=CUES.load_from(root),
                         actors=ACTORS.load_from(root), outlets=OUTLETS.load_from(root),
                         boilerplate=BOILERPLATE.load_from(root), theater=THEATER.load_from(root),
                         overlay=OVERLAY.load_from(root), territory=TERRITORY.load_from(root),
                         tolls=TOLLS.load_from(root),
                         gazetteer=manifest.gazetteer or _packaged_gazetteer())


def export_kb(dest: str | Path) -> list[Path]:
    """Write the packaged knowledge base into ``dest`` (created; existing files are replaced)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name in [f.filename for f in FILES] + ["ATTRIBUTION.md"]:
        source = packaged_dir() / name
        if source.is_file():
            written.append(Path(shutil.copyfile(source, dest / name)))
    return written


def check_kb(path: str | Path | None = None) -> list[KbProblem]:
    """Every problem of the knowledge base in ``path`` (None: the packaged one): each file's schema,
    then the rules across files; an empty list means it is valid."""
    from . import rules

    root = _root(path)
    problems: list[KbProblem] = []
    unreadable = []
    for f in FILES:
        target = root / f.filename
        if not target.is_file():
            problems.append(KbProblem(f.filename, 0, "no such file"))
        elif (problem := _not_text(target, f.filename)) is not None:
            unreadable.append(problem)  # no validator (nor cross-file rule) reads what is not text
        else:
            problems += f.check(target)
    if unreadable:
        return _unique(unreadable + problems)
    if problems:
        bad = {p.file for p in problems}
        if "kb.yaml" in bad:
            return problems
    manifest = MANIFEST.load_from(root)
    theater = None
    if not any(p.file == THEATER.filename for p in problems):
        theater = THEATER.load_from(root)
    problems += rules.alias_conflicts(root / "actors.yaml")
    problems += rules.unknown_sides(root, manifest.sides)
    problems += rules.unclaimed_actors(root)
    problems += rules.overlay_places(root, manifest.country, theater)
    problems += rules.gazetteer_words(root, manifest.gazetteer, theater)
    return _unique(problems)


def _not_text(path: Path, name: str) -> KbProblem | None:
    """A problem when a data file is binary or not UTF-8: one line, never a traceback."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        return KbProblem(name, 0, "binary data, not a UTF-8 text data file")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return KbProblem(name, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); re-save it as UTF-8")
    return None


def _unique(problems: list[KbProblem]) -> list[KbProblem]:
    return list(dict.fromkeys(problems))
