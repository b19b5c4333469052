"""The analyst-editable data files, and one check over all of them.

Each resource is a versioned file in ``frontlines/data`` that an analyst can read and
extend; ``check_resources`` validates the packaged ones or the user's own copies.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import FrontlinesError


def _lexicon(path: Path) -> list[str]:
    from .extract.lexicon import validate_lexicon

    return validate_lexicon(path)


def _outlets(path: Path) -> list[str]:
    from .clean.outlets import validate_outlets

    return validate_outlets(path)


def _overlay(path: Path) -> list[str]:
    from .resolve.gaz_overlay import check_overlay

    return check_overlay(path)


def _actors(path: Path) -> list[str]:
    from .resolve.actors import load_actors

    try:
        load_actors(path)
    except FrontlinesError as exc:
        return [exc.message]
    return []


#: resource name → (packaged file name, validator)
RESOURCES: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "triggers": ("triggers.yaml", _lexicon),
    "actors": ("actors.yaml", _actors),
    "outlets": ("outlets.yaml", _outlets),
    "gazetteer_overlay": ("gazetteer_overlay.csv", _overlay),
}


def packaged(name: str) -> Path:
    """Path of a packaged data file."""
    return Path(str(resources.files("frontlines").joinpath("data", name)))


def read_yaml(path: Path | None, name: str, what: str) -> Any:
    """A YAML data file: the user's ``path``, or the packaged file ``name``; a file that cannot
    be read or parsed is a ResourceError naming it and ``what`` it is."""
    import yaml

    from .errors import ResourceError

    source = path or packaged(name)
    try:
        return yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ResourceError(f"cannot read the {what}: {' '.join(str(err).split())}", source=str(source)) from None


def check_resources(paths: Mapping[str, Path] | None = None) -> dict[str, list[str]]:
    """Problems of each resource (the packaged file unless ``paths`` names another one)."""
    paths = paths or {}
    report = {}
    for name, (filename, validate) in RESOURCES.items():
        path = paths.get(name) or packaged(filename)
        report[name] = _validated(path, validate) if path.exists() else [f"{path}: no such file"]
    return report


def _validated(path: Path, validate: Callable[[Path], list[str]]) -> list[str]:
    """The validator's problems; a file it cannot even read is one problem, not a traceback."""
    try:
        head = path.read_bytes()[:8192]
    except OSError as exc:
        return [f"{path}: cannot read ({exc.strerror or exc})"]
    if b"\x00" in head:
        return [f"{path}: binary data, not a text data file"]
    try:
        return validate(path)
    except UnicodeDecodeError as exc:
        return [f"{path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"]
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        return [f"{path}: cannot be read as this data file ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"]
