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


def _territory(path: Path) -> list[str]:
    from .derive.territory import validate_territory

    return validate_territory(path)


#: resource name → (packaged file name, validator)
RESOURCES: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "triggers": ("triggers.yaml", _lexicon),
    "actors": ("actors.yaml", _actors),
    "outlets": ("outlets.yaml", _outlets),
    "gazetteer_overlay": ("gazetteer_overlay.csv", _overlay),
    "territory": ("territory.yaml", _territory),
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
        report[name] = validate(path) if path.exists() else [f"{path}: no such file"]
    return report
