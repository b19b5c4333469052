"""The web-debris lexicon (``boilerplate.yaml`` of the knowledge base)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ResourceError

GROUPS = ("strong", "appeal", "bio", "tail", "comments")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled pattern groups of the debris lexicon."""

    strong: tuple[re.Pattern[str], ...]
    appeal: tuple[re.Pattern[str], ...]
    bio: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    comments: tuple[re.Pattern[str], ...]
    strong_max_words: int = 30

    def hits(self, group: str, text: str) -> int:
        return sum(1 for p in getattr(self, group) if p.search(text))

    def matches(self, group: str, text: str) -> bool:
        return any(p.search(text) for p in getattr(self, group))


def parse_lexicon(data: object, source: str) -> Lexicon:
    if not isinstance(data, dict):
        raise ResourceError("debris lexicon is not a mapping", source=source)
    compiled: dict[str, tuple[re.Pattern[str], ...]] = {}
    for group in GROUPS:
        patterns = data.get(group) or []
        try:
            compiled[group] = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        except (re.error, TypeError) as err:
            raise ResourceError(f"bad pattern in group {group!r}: {err}", source=source) from None
    return Lexicon(**compiled, strong_max_words=int(data.get("strong_max_words", 30)))


def load_lexicon(path: Path) -> Lexicon:
    """The debris lexicon at ``path``."""
    from ..kb.yamlines import read_yaml_lines

    return parse_lexicon(read_yaml_lines(Path(path), "debris lexicon"), str(path))


LEXICON_FILE = "boilerplate.yaml"
