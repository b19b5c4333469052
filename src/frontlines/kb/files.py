"""The files of a knowledge base: for each, its name, ONE loader and ONE validator.

A validator returns every problem of its file as :class:`KbProblem` (file, line, message);
a loader builds the file's object and raises :class:`ResourceError` when the file is not
valid.  Rules that span files are in :mod:`frontlines.kb.rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..errors import ResourceError
from .model import KbProblem, Manifest
from .yamlines import LineDict, line_of, read_yaml_lines

if TYPE_CHECKING:
    from ..clean.lexicon import Lexicon as DebrisLexicon
    from ..clean.outlets import OutletRegistry
    from ..derive.territory import TerritoryCues
    from ..extract.lexicon import Lexicon as TriggerLexicon
    from ..extract.status import Cues
    from ..extract.tollwords import TollWords
    from ..resolve.actors import ActorDictionary
    from .theater import Theater

T = TypeVar("T", covariant=True)

_LINE = re.compile(r"^line (\d+): ")


def as_problems(filename: str, messages: list[str]) -> list[KbProblem]:
    """Problem strings ("line 12: ..." where the line is known) as KbProblems of ``filename``."""
    out = []
    for message in messages:
        m = _LINE.match(message)
        out.append(KbProblem(filename, int(m[1]), message[m.end():]) if m else KbProblem(filename, 0, message))
    return out


def _read(path: Path, what: str) -> tuple[Any, list[KbProblem]]:
    try:
        return read_yaml_lines(path, what), []
    except ResourceError as err:
        m = re.search(r"\(line (\d+)\)", err.message)
        return None, [KbProblem(path.name, int(m[1]) if m else 0, err.message)]


# --- kb.yaml ------------------------------------------------------------------------------------

_MANIFEST_KEYS = frozenset({"version", "name", "description", "country", "sides", "gazetteer"})


def check_manifest(path: Path) -> list[KbProblem]:
    data, problems = _read(path, "knowledge-base manifest")
    if problems:
        return problems
    if not isinstance(data, LineDict):
        return [KbProblem(path.name, 0, "the manifest must be a mapping")]
    out = [KbProblem(path.name, data.key_lines[k], f"unknown key {k!r}") for k in data if k not in _MANIFEST_KEYS]
    if not data.get("name"):
        out.append(KbProblem(path.name, 0, "needs a name"))
    country = data.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", str(country)):
        out.append(KbProblem(path.name, line_of(country), f"country must be ISO alpha-2, not {country!r}"))
    sides = data.get("sides")
    if not isinstance(sides, list) or not sides:
        out.append(KbProblem(path.name, data.key_lines.get("sides", 0), "sides must be a list of names"))
    gazetteer = data.get("gazetteer")
    if gazetteer is not None and not (path.parent / str(gazetteer)).is_file():
        out.append(KbProblem(path.name, line_of(gazetteer), f"gazetteer file {gazetteer!r} not found"))
    return out


def load_manifest(path: Path) -> Manifest:
    data = _valid(path, check_manifest, read_yaml_lines, "knowledge-base manifest")
    gazetteer = data.get("gazetteer")
    return Manifest(name=str(data["name"]), country=data.get("country"),
                    sides=frozenset(str(s) for s in data["sides"]),
                    gazetteer=(path.parent / str(gazetteer)) if gazetteer else None,
                    description=str(data.get("description") or ""))


def _valid(path: Path, check: Callable[[Path], list[KbProblem]], read: Callable[[Path, str], Any],
           what: str) -> Any:
    problems = check(path)
    if problems:
        raise ResourceError(f"invalid {what}: " + "; ".join(str(p) for p in problems[:5]), source=str(path))
    return read(path, what)


# --- triggers.yaml --------------------------------------------------------------------------------


def check_triggers(path: Path) -> list[KbProblem]:
    from ..extract.lexicon import parse_lexicon

    data, problems = _read(path, "trigger lexicon")
    return problems or as_problems(path.name, parse_lexicon(data)[1])


def load_triggers(path: Path) -> TriggerLexicon:
    from ..extract.lexicon import load_lexicon

    return load_lexicon(path)


# --- hedges.yaml ------------------------------------------------------------------------------------

#: the cue lists the status rules read (extract/status.py)
CUE_LISTS = frozenset({
    "reporting_verbs", "reporting_nouns", "alleging_verbs", "hedge_adverbs", "according", "denial_verbs",
    "denial_words", "denial_subjects", "future_aux", "modal_aux", "conditional_aux", "expectation_words",
    "future_adverbs", "negating_words", "conditional_marks", "habitual_adverbs", "habitual_verbs",
    "background_preps", "terms_nouns", "ongoing_verbs", "past_anchors", "onlooker_verbs", "attempt_verbs"})


def check_cues(path: Path) -> list[KbProblem]:
    data, problems = _read(path, "status cue lexicon")
    if problems:
        return problems
    if not isinstance(data, LineDict):
        return [KbProblem(path.name, 0, "the cue lexicon must be a mapping of lists")]
    out = []
    for key, value in data.items():
        line = data.key_lines[key]
        if key == "version":
            continue
        if key not in CUE_LISTS:
            out.append(KbProblem(path.name, line, f"unknown cue list {key!r}; known: {', '.join(sorted(CUE_LISTS))}"))
        elif not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            out.append(KbProblem(path.name, line, f"{key}: must be a list of words"))
    out += [KbProblem(path.name, 0, f"missing cue list {k!r}") for k in sorted(CUE_LISTS - set(data))]
    return out


def load_cues(path: Path) -> Cues:
    from ..extract.status import parse_cues

    return parse_cues(_valid(path, check_cues, read_yaml_lines, "status cue lexicon"))


# --- actors.yaml ------------------------------------------------------------------------------------

_ACTOR_KEYS = frozenset({"name", "inter", "side", "state", "armed_forces", "aliases", "eras"})


def check_actors(path: Path) -> list[KbProblem]:
    """Schema of the actor dictionary (aliases shared by two actors: see kb.rules)."""
    from ..resolve.actors import SECTIONS

    data, problems = _read(path, "actor dictionary")
    if problems:
        return problems
    if not isinstance(data, LineDict):
        return [KbProblem(path.name, 0, "the actor dictionary must be a mapping")]
    out = [KbProblem(path.name, data.key_lines[k], f"unknown section {k!r}")
           for k in data if k not in SECTIONS]
    names: set[str] = set()
    for entry in data.get("actors") or ():
        line = line_of(entry)
        if not isinstance(entry, dict) or not entry.get("name") or entry.get("inter") not in range(1, 9):
            out.append(KbProblem(path.name, line, "an actor needs a name and an inter code 1-8"))
            continue
        out += [KbProblem(path.name, line, f"actor {entry['name']!r}: unknown field {k!r}")
                for k in entry if k not in _ACTOR_KEYS]
        if entry["name"] in names:
            out.append(KbProblem(path.name, line, f"actor {entry['name']!r} is listed twice"))
        names.add(entry["name"])
        out += _check_eras(path, entry)
    for entry in data.get("actors") or ():
        forces = entry.get("armed_forces") if isinstance(entry, dict) else None
        if forces and forces not in names:
            out.append(KbProblem(path.name, line_of(forces), f"armed_forces {forces!r} is not an actor"))
    for section, key in (("units", "aliases"), ("weapon_owners", "words")):
        for entry in data.get(section) or ():
            parent = entry.get("parent") if isinstance(entry, dict) else None
            if parent not in names:
                out.append(KbProblem(path.name, line_of(entry), f"{section}: unknown parent {parent!r}"))
            elif not entry.get(key):
                out.append(KbProblem(path.name, line_of(entry), f"{section}: no {key}"))
    for entry in data.get("sole_air_forces") or ():
        if not isinstance(entry, dict) or entry.get("actor") not in names or not _iso_day(entry.get("until")):
            out.append(KbProblem(path.name, line_of(entry),
                                 "sole_air_forces: an entry needs a known actor and an ISO day 'until'"))
    for entry in data.get("generics") or ():
        if not isinstance(entry, dict) or not entry.get("class") or not entry.get("words"):
            out.append(KbProblem(path.name, line_of(entry), "generics: an entry needs a class and words"))
        elif entry.get("fallback") and entry["fallback"] not in names:
            out.append(KbProblem(path.name, line_of(entry["fallback"]), f"unknown fallback {entry['fallback']!r}"))
    return out


def _iso_day(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _check_eras(path: Path, entry: dict[str, Any]) -> list[KbProblem]:
    """``eras``: the earlier names of an actor, oldest first, each with the ISO day its next name
    starts (``until``)."""
    eras = entry.get("eras") or []
    if not isinstance(eras, list):
        return [KbProblem(path.name, line_of(entry), f"actor {entry['name']!r}: eras must be a list")]
    out, last = [], ""
    for era in eras:
        until = str(era.get("until", "")) if isinstance(era, dict) else ""
        if not isinstance(era, dict) or not era.get("name") or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", until):
            out.append(KbProblem(path.name, line_of(era, line_of(entry)), "an era needs a name and an ISO day 'until'"))
        elif until <= last:
            out.append(KbProblem(path.name, line_of(era, line_of(entry)), "eras must be listed oldest first"))
        else:
            last = until
    return out


def load_actors(path: Path) -> ActorDictionary:
    from ..resolve.actors import ActorDictionary

    return ActorDictionary(_valid(path, check_actors, read_yaml_lines, "actor dictionary"))


# --- outlets.yaml ------------------------------------------------------------------------------------


def check_outlets(path: Path) -> list[KbProblem]:
    from ..clean.outlets import entry_problems

    data, problems = _read(path, "outlet registry")
    if problems:
        return problems
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        return [KbProblem(path.name, 0, "top level must be a mapping with a list 'outlets'")]
    seen: dict[str, str] = {}
    return [KbProblem(path.name, line_of(entry), message)
            for i, entry in enumerate(data["outlets"]) for message in entry_problems(i, entry, seen)]


def load_outlets(path: Path) -> OutletRegistry:
    from ..clean.outlets import OutletRegistry

    _valid(path, check_outlets, lambda p, w: None, "outlet registry")
    return OutletRegistry.load(path)


# --- boilerplate.yaml ------------------------------------------------------------------------------


def check_boilerplate(path: Path) -> list[KbProblem]:
    from ..clean.lexicon import GROUPS

    data, problems = _read(path, "debris lexicon")
    if problems:
        return problems
    if not isinstance(data, LineDict):
        return [KbProblem(path.name, 0, "the debris lexicon must be a mapping")]
    out = [KbProblem(path.name, data.key_lines[k], f"unknown group {k!r}")
           for k in data if k not in {*GROUPS, "version", "strong_max_words"}]
    for group in GROUPS:
        for pattern in data.get(group) or ():
            try:
                re.compile(str(pattern))
            except re.error as err:
                out.append(KbProblem(path.name, line_of(pattern), f"{group}: bad pattern {pattern!r}: {err}"))
    if not isinstance(data.get("strong_max_words", 30), int):
        out.append(KbProblem(path.name, data.key_lines["strong_max_words"], "strong_max_words must be a number"))
    return out


def load_boilerplate(path: Path) -> DebrisLexicon:
    from ..clean.lexicon import parse_lexicon

    return parse_lexicon(_valid(path, check_boilerplate, read_yaml_lines, "debris lexicon"), str(path))


# --- theater.yaml --------------------------------------------------------------------------------------


def check_theater(path: Path) -> list[KbProblem]:
    from .theater import theater_problems

    data, problems = _read(path, "theater word lists")
    return problems or [KbProblem(path.name, line, message) for line, message in theater_problems(data)]


def load_theater(path: Path) -> Theater:
    from .theater import parse_theater

    return parse_theater(_valid(path, check_theater, read_yaml_lines, "theater word lists"))


# --- gazetteer_overlay.csv ---------------------------------------------------------------------------


def check_overlay(path: Path) -> list[KbProblem]:
    """Problems of the overlay without the theater (the governorate rule is in kb.rules)."""
    from ..resolve.gaz_overlay import check_overlay as overlay_problems

    return as_problems(path.name, overlay_problems(path))


def load_overlay(path: Path) -> Path:
    """The overlay is read when a gazetteer is built; the knowledge base keeps its validated path."""
    problems = check_overlay(path)
    if problems:
        raise ResourceError("invalid gazetteer overlay: " + "; ".join(str(p) for p in problems[:5]),
                            source=str(path))
    return path


def check_territory(path: Path) -> list[KbProblem]:
    from ..derive.territory import validate_territory

    return as_problems(path.name, validate_territory(path))


def load_territory(path: Path) -> TerritoryCues:
    from ..derive.territory import load_territory as load

    return load(path)


# --- tolls.yaml ------------------------------------------------------------------------------------


def check_tolls(path: Path) -> list[KbProblem]:
    from ..extract.tollwords import validate_tolls

    return as_problems(path.name, validate_tolls(path))


def load_tolls(path: Path) -> TollWords:
    from ..extract.tollwords import load_tolls as load

    return load(path)


@dataclass(frozen=True, slots=True)
class KbFile(Generic[T]):
    """One file of a knowledge base, whose loader builds a ``T``."""

    name: str
    filename: str
    holds: str
    load: Callable[[Path], T]
    check: Callable[[Path], list[KbProblem]]

    def load_from(self, root: Path) -> T:
        """This file of the knowledge base in directory ``root``, loaded."""
        return self.load(root / self.filename)


MANIFEST = KbFile("manifest", "kb.yaml", "what theater, its country and sides, which gazetteer",
                  load_manifest, check_manifest)
TRIGGERS = KbFile("triggers", "triggers.yaml", "event trigger words and shapes → ACLED types", load_triggers,
                  check_triggers)
CUES = KbFile("cues", "hedges.yaml", "status cues: reporting, hedging, denial, future, condition",
              load_cues, check_cues)
ACTORS = KbFile("actors", "actors.yaml", "canonical actors, aliases, units, weapon owners, generic words",
                load_actors, check_actors)
OUTLETS = KbFile("outlets", "outlets.yaml", "outlets: names, aliases, domains, dated sourced statements",
                 load_outlets, check_outlets)
BOILERPLATE = KbFile("boilerplate", "boilerplate.yaml", "web debris patterns: appeals, bios, share widgets",
                     load_boilerplate, check_boilerplate)
THEATER = KbFile("theater", "theater.yaml", "the theater's words: governorates, neighbours, people, groups, media",
                 load_theater, check_theater)
OVERLAY = KbFile("overlay", "gazetteer_overlay.csv", "places the gazetteer sources lack, with coordinate sources",
                 load_overlay, check_overlay)

TERRITORY = KbFile("territory", "territory.yaml",
                   "territorial cues: captures, sieges, withdrawals, control statements",
                   load_territory, check_territory)
TOLLS = KbFile("tolls", "tolls.yaml", "toll words: the dead, the wounded, running totals, counts of groups",
               load_tolls, check_tolls)

#: every file of a knowledge base, in load order
FILES: tuple[KbFile[object], ...] = (MANIFEST, TRIGGERS, CUES, ACTORS, OUTLETS, BOILERPLATE, THEATER, OVERLAY,
                                     TERRITORY, TOLLS)
