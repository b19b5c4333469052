"""The toll words (``data/tolls.yaml``): loader and validator.

The words by which a report counts the dead of one event, and those that make a figure
something else (the wounded, a running total, a count of groups or of happenings).  They are
lists an analyst can extend; :class:`TollWords` holds them as frozen sets for
:class:`frontlines.extract.fatalities.TollReader`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

FILE = "tolls.yaml"
#: the word lists of the file, each a non-empty list of words
LISTS = ("kill_words", "life_verbs", "wound_words", "aggregate_words", "total_words", "event_nouns", "toll_verbs",
         "toll_setting_verbs", "same_day_words", "day_words", "time_nouns", "vague_nouns", "group_nouns",
         "kin_nouns", "whole_nouns", "single_marks")


@dataclass(frozen=True, slots=True)
class TollWords:
    """Immutable toll word lists (lower-case), and the largest figure one event may have."""

    kill_words: frozenset[str]
    life_verbs: frozenset[str]
    wound_words: frozenset[str]
    aggregate_words: frozenset[str]
    total_words: frozenset[str]
    event_nouns: frozenset[str]
    toll_verbs: frozenset[str]
    toll_setting_verbs: frozenset[str]
    same_day_words: frozenset[str]
    day_words: frozenset[str]
    time_nouns: frozenset[str]
    vague_nouns: frozenset[str]
    group_nouns: frozenset[str]
    kin_nouns: frozenset[str]
    whole_nouns: frozenset[str]
    single_marks: frozenset[str]
    max_event_toll: int
    source: str = ""  # the file it was read from


def _at(data: dict[str, Any], key: str) -> str:
    """ "line N: " where the file gives the line of ``key`` (see kb.yamlines), else nothing."""
    line = getattr(data, "key_lines", {}).get(key)
    return f"line {line}: " if line else ""


def _words(data: dict[str, Any], key: str, problems: list[str]) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        problems.append(f"{_at(data, key)}{key}: needs a non-empty list of words")
        return frozenset()
    bad = [v for v in value if not isinstance(v, str) or not v.strip()]
    if bad:
        problems.append(f"{_at(data, key)}{key}: entries must be non-empty words, not {bad!r}")
    return frozenset(" ".join(v.split()).lower() for v in value if isinstance(v, str) and v.strip())


def parse_tolls(data: Any, source: str = "") -> tuple[TollWords | None, list[str]]:
    """The toll words of a parsed ``tolls.yaml``, or None and every problem of it."""
    if not isinstance(data, dict):
        return None, ["the file must be a mapping of word lists"]
    problems: list[str] = []
    for key in data:
        if key not in {"version", "max_event_toll", *LISTS}:
            problems.append(f"{_at(data, key)}unknown section {key!r}; known: {', '.join(LISTS)}, max_event_toll")
    if data.get("version") != 1:
        problems.append("version: must be 1")
    lists = {key: _words(data, key, problems) for key in LISTS}
    most = data.get("max_event_toll")
    ceiling = most if isinstance(most, int) and not isinstance(most, bool) and most >= 1 else None
    if ceiling is None:
        problems.append(f"{_at(data, 'max_event_toll')}max_event_toll: needs a whole number >= 1, not {most!r}")
    if problems or ceiling is None:
        return None, problems
    return TollWords(**lists, max_event_toll=ceiling, source=source), []


def load_tolls(path: str | Path | None = None) -> TollWords:
    """The toll words of ``path`` (default: the packaged ``tolls.yaml``; the knowledge base loads
    its own copy, ``KnowledgeBase.tolls``).  Raises ResourceError naming the file."""
    from ..kb.yamlines import load_rule_file

    return load_rule_file(path, FILE, "toll words", parse_tolls)


def validate_tolls(path: str | Path) -> list[str]:
    """Problems of a toll words file (empty when it is valid)."""
    from ..kb.yamlines import validate_rule_file

    return validate_rule_file(path, "toll words", parse_tolls)
