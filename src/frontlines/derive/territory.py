"""The territorial cues (``data/territory.yaml``): loader and validator.

The cues are lists of words an analyst can extend; :class:`TerritoryCues` holds them as
tuples and compiles each list once into a whole-word, case-insensitive pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FILE = "territory.yaml"
EXPIRY_DAYS = 90  # default of ``control.contested_expiry_days``

#: list fields of the file (top level, or under ``siege:``) that must be lists of phrases
LISTS = ("holdable_features", "advance_words", "defence_words", "withdrawal_words", "opponent_words", "loss_words",
         "handover_words", "partial_words", "part_nouns", "partial_after_words", "near_words", "near_after_words",
         "area_words", "including_words", "settlement_plurals", "held_words", "stronghold_words", "remain_words",
         "under_words", "anaphora", "flag_words", "evacuation_words", "holder_verbs")
SIEGE_LISTS = ("nouns", "start_words", "end_words")


def words_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One whole-word, case-insensitive alternation of ``phrases``, longest first; a space in a
    phrase matches any run of white space or a hyphen."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(r"[\s-]+".join(re.escape(w) for w in p.split()) for p in ordered) or "(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ControlRules:
    """How control periods are drawn (the ``control:`` section): which sides are one camp, and
    after how many days without a new fact a contested period expires."""

    allied_sides: tuple[frozenset[str], ...] = ()
    unaligned_sides: frozenset[str] = frozenset()
    contested_expiry_days: int = EXPIRY_DAYS

    def allied(self, a: str | None, b: str | None) -> bool:
        """Whether sides ``a`` and ``b`` are one camp (a side is its own camp, unless unaligned)."""
        if not a or not b:
            return False
        if a == b:
            return a not in self.unaligned_sides
        return any(a in group and b in group for group in self.allied_sides)


@dataclass(frozen=True, slots=True)
class TerritoryCues:
    """Immutable territorial word lists, with their compiled patterns."""

    holdable_features: frozenset[str]
    advance_words: tuple[str, ...]
    defence_words: tuple[str, ...]
    withdrawal_words: tuple[str, ...]
    opponent_words: tuple[str, ...]
    loss_words: tuple[str, ...]
    handover_words: tuple[str, ...]
    partial_words: tuple[str, ...]
    part_nouns: tuple[str, ...]
    partial_after_words: tuple[str, ...]
    near_words: tuple[str, ...]
    near_after_words: tuple[str, ...]
    area_words: tuple[str, ...]
    including_words: tuple[str, ...]
    settlement_plurals: tuple[str, ...]
    held_words: tuple[str, ...]
    stronghold_words: tuple[str, ...]
    remain_words: tuple[str, ...]
    under_words: tuple[str, ...]
    anaphora: tuple[str, ...]
    flag_words: tuple[str, ...]
    evacuation_words: tuple[str, ...]
    siege_nouns: tuple[str, ...]
    siege_start_words: tuple[str, ...]
    siege_end_words: tuple[str, ...]
    #: "Y, which holds X", "Y controls X": verbs whose subject holds their object (a state, no capture)
    holder_verbs: tuple[str, ...] = ()
    control: ControlRules = field(default_factory=ControlRules)
    source: str = FILE
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def pattern(self, name: str) -> re.Pattern[str]:
        """The compiled pattern of one list (``"advance_words"``, ``"siege_nouns"``, ...)."""
        if name not in self._patterns:
            self._patterns[name] = words_pattern(getattr(self, name))
        return self._patterns[name]

    def has(self, name: str, text: str) -> re.Match[str] | None:
        return self.pattern(name).search(text)


def _phrases(data: dict[str, Any], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        problems.append(f"{where}{key}: needs a non-empty list of words")
        return ()
    bad = [v for v in value if not isinstance(v, str) or not v.strip()]
    if bad:
        problems.append(f"{where}{key}: entries must be non-empty words, not {bad!r}")
    return tuple(" ".join(str(v).split()).lower() for v in value if isinstance(v, str) and v.strip())


def _control(data: Any, problems: list[str]) -> ControlRules:
    """The ``control:`` section (optional; every key optional)."""
    if not isinstance(data, dict):
        problems.append("control: must be a mapping")
        return ControlRules()
    unknown = set(data) - {"allied_sides", "unaligned_sides", "contested_expiry_days"}
    if unknown:
        problems.append(f"control: unknown keys {sorted(unknown)}")
    groups = data.get("allied_sides", [])
    if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(s, str) and s.strip() for s in g) for g in groups):
        problems.append("control.allied_sides: needs a list of groups of two or more sides")
        groups = []
    unaligned = data.get("unaligned_sides", [])
    if not isinstance(unaligned, list) or not all(isinstance(s, str) for s in unaligned):
        problems.append("control.unaligned_sides: needs a list of sides")
        unaligned = []
    days = data.get("contested_expiry_days", EXPIRY_DAYS)
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        problems.append(f"control.contested_expiry_days: needs a whole number of days >= 1, not {days!r}")
        days = EXPIRY_DAYS
    return ControlRules(tuple(frozenset(s.strip() for s in g) for g in groups),
                        frozenset(s.strip() for s in unaligned), days)


def _parse(data: Any, source: str) -> tuple[TerritoryCues | None, list[str]]:
    problems: list[str] = []
    if not isinstance(data, dict):
        return None, ["the file must be a mapping of word lists"]
    unknown = set(data) - {"version", "siege", "control", *LISTS}
    if unknown:
        problems.append(f"unknown sections {sorted(unknown)}")
    if data.get("version") != 1:
        problems.append("version: must be 1")
    lists = {key: _phrases(data, key, "", problems) for key in LISTS}
    siege = data.get("siege")
    if not isinstance(siege, dict):
        problems.append("siege: needs nouns, start_words and end_words")
        siege = {}
    siege_lists = {key: _phrases(siege, key, "siege.", problems) for key in SIEGE_LISTS}
    control = _control(data.get("control", {}), problems)
    if problems:
        return None, problems
    cues = TerritoryCues(
        holdable_features=frozenset(lists["holdable_features"]), advance_words=lists["advance_words"],
        defence_words=lists["defence_words"], withdrawal_words=lists["withdrawal_words"],
        opponent_words=lists["opponent_words"],
        loss_words=lists["loss_words"], handover_words=lists["handover_words"],
        partial_words=lists["partial_words"], part_nouns=lists["part_nouns"],
        partial_after_words=lists["partial_after_words"], near_words=lists["near_words"],
        near_after_words=lists["near_after_words"], area_words=lists["area_words"],
        including_words=lists["including_words"],
        settlement_plurals=lists["settlement_plurals"], held_words=lists["held_words"],
        stronghold_words=lists["stronghold_words"], remain_words=lists["remain_words"],
        under_words=lists["under_words"], anaphora=lists["anaphora"], flag_words=lists["flag_words"],
        evacuation_words=lists["evacuation_words"], siege_nouns=siege_lists["nouns"],
        siege_start_words=siege_lists["start_words"], siege_end_words=siege_lists["end_words"],
        holder_verbs=lists["holder_verbs"], control=control, source=source)
    return cues, []


def load_territory(path: str | Path | None = None) -> TerritoryCues:
    """The territorial cues of ``path`` (default: the packaged ``territory.yaml``; the knowledge
    base loads its own copy, ``KnowledgeBase.territory``).  Raises ResourceError naming the file."""
    from ..kb.yamlines import load_rule_file

    return load_rule_file(path, FILE, "territorial cues", _parse)


def validate_territory(path: str | Path) -> list[str]:
    """Problems of a territorial cues file (empty when it is valid)."""
    from ..kb.yamlines import validate_rule_file

    return validate_rule_file(path, "territorial cues", _parse)
