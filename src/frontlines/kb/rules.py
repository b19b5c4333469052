"""Rules across the files of a knowledge base (each file's own schema is in kb.files)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..taxonomy import is_event_type, is_sub_event_type
from .model import KbProblem
from .yamlines import line_of, read_yaml_lines

if TYPE_CHECKING:
    from .theater import Theater


def _yaml(path: Path) -> Any:
    try:
        return read_yaml_lines(path, path.name)
    except Exception:  # noqa: BLE001 - the file's own check reports why it cannot be read
        return None


def alias_conflicts(path: Path) -> list[KbProblem]:
    """An alias (or unit name, or weapon word) that names two different actors: one line
    naming the alias, both actors and both places."""
    from ..resolve.actors import alias_key

    data = _yaml(path)
    if not isinstance(data, dict):
        return []
    owners: dict[str, tuple[str, int]] = {}
    out = []
    entries = [(e.get("name"), e, "aliases") for e in data.get("actors") or () if isinstance(e, dict)]
    entries += [(e.get("parent"), e, "aliases") for e in data.get("units") or () if isinstance(e, dict)]
    entries += [(e.get("parent"), e, "words") for e in data.get("weapon_owners") or () if isinstance(e, dict)]
    for actor, entry, key in entries:
        for alias in entry.get(key) or ():
            folded, line = alias_key(str(alias)), line_of(alias, line_of(entry))
            first = owners.setdefault(folded, (str(actor), line))
            if first[0] != actor:
                out.append(KbProblem(path.name, line,
                                     f"alias {str(alias)!r} names two actors: {actor!r} here and "
                                     f"{first[0]!r} at {path.name}:{first[1]}"))
    return out


def unknown_sides(root: Path, sides: frozenset[str]) -> list[KbProblem]:
    """Actor and outlet sides that the manifest does not declare (an outlet's "pro-X" is side X)."""
    out = []
    actors = _yaml(root / "actors.yaml")
    for entry in (actors or {}).get("actors") or () if isinstance(actors, dict) else ():
        side = entry.get("side") if isinstance(entry, dict) else None
        if side is not None and side not in sides:
            out.append(KbProblem("actors.yaml", line_of(side, line_of(entry)),
                                 f"actor {entry.get('name')!r}: unknown side {side!r} (not in kb.yaml sides)"))
    outlets = _yaml(root / "outlets.yaml")
    for entry in (outlets or {}).get("outlets") or () if isinstance(outlets, dict) else ():
        for statement in entry.get("statements") or () if isinstance(entry, dict) else ():
            side = statement.get("side") if isinstance(statement, dict) else None
            if side is not None and side not in sides and str(side).removeprefix("pro-") not in sides:
                out.append(KbProblem("outlets.yaml", line_of(side, line_of(statement)),
                                     f"outlet {entry.get('name')!r}: unknown side {side!r} (not in kb.yaml sides)"))
    return out


def unclaimed_actors(root: Path) -> list[KbProblem]:
    """Actors of the trigger file's ``unclaimed`` table that actors.yaml does not define."""
    data, actors = _yaml(root / "triggers.yaml"), _yaml(root / "actors.yaml")
    if not isinstance(data, dict) or not isinstance(actors, dict):
        return []
    names = {str(e.get("name")) for e in actors.get("actors") or () if isinstance(e, dict)}
    return [KbProblem("triggers.yaml", line_of(row.get("actor"), line_of(row)),
                      f"unclaimed: unknown actor {row.get('actor')!r} (not in actors.yaml)")
            for row in data.get("unclaimed") or () if isinstance(row, dict) and str(row.get("actor")) not in names]


def unknown_event_types(root: Path) -> list[KbProblem]:
    """Event and sub-event types of the trigger file that the taxonomy does not know."""
    data = _yaml(root / "triggers.yaml")
    if not isinstance(data, dict):
        return []
    out = []
    for entry in [*(data.get("triggers") or ()), *(data.get("instruments") or ())]:
        if not isinstance(entry, dict):
            continue
        for key in ("type", "nonstate_type"):
            value = entry.get(key)
            if value is None:
                continue
            etype, _, sub = str(value).partition(" / ") if key == "type" else (
                str(entry.get("type", "")).partition(" / ")[0], "", str(value))
            if not is_event_type(etype):
                out.append(KbProblem("triggers.yaml", line_of(value, line_of(entry)),
                                     f"{key}: {etype!r} is not an ACLED event type"))
            elif not is_sub_event_type(sub, etype):
                out.append(KbProblem("triggers.yaml", line_of(value, line_of(entry)),
                                     f"{key}: {sub!r} is not a sub-event type of {etype!r}"))
    return out


def overlay_places(root: Path, country: str | None, theater: Theater | None) -> list[KbProblem]:
    """Overlay places of the theater's country whose admin1 is not one of its governorates."""
    path = root / "gazetteer_overlay.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError:
        return []
    out = []
    for n, row in enumerate(rows, start=2):
        admin1 = (row.get("admin1") or "").strip()
        if theater is not None and country and (row.get("country") or "").strip() == country and admin1 \
                and theater.governorates and not theater.canonical_admin1(admin1):
            out.append(KbProblem(path.name, n, f"admin1 {admin1!r} is not a governorate of theater.yaml"))
    return out


def gazetteer_words(root: Path, gazetteer: Path | None, theater: Any) -> list[KbProblem]:
    """The gazetteer's keys were built without the theater's feature words: a gazetteer built
    with another list (the words were edited since) must be rebuilt."""
    from ..errors import FrontlinesError
    from ..resolve.gazetteer import SqliteGazetteer, default_path

    path = gazetteer or default_path()
    if theater is None or not Path(path).is_file():
        return []
    gaz = SqliteGazetteer(Path(path))
    try:
        gaz.candidates("x", limit=1, fuzzy=False)  # opens the file and reads its feature words
    except FrontlinesError:
        return []  # the manifest's own check says why the file cannot be used
    finally:
        gaz.close()
    if gaz.words == theater.feature_words:
        return []
    data = _yaml(root / "theater.yaml")
    line = data.key_lines.get("feature_words", 0) if hasattr(data, "key_lines") else 0
    return [KbProblem("theater.yaml", line, f"the gazetteer {Path(path).name} was built with other feature words; "
                      "rebuild it (`frontlines gazetteer build --kb DIR --out FILE`, then name it in kb.yaml)")]
