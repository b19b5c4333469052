"""Feature words of place names ("airbase", "gas field", "suburb") and the features they imply.

``Kuweires Airbase``, ``the Kuweires air base`` and ``Kuweires military airport`` name
one place; the feature words are dropped from the *core* key and kept as a hint of the
feature class.  The words are data: the knowledge base's ``theater.yaml`` lists them
(``feature_words``, ``feature_fillers``) and the gazetteer build stores the list it used in
the gazetteer file, so that a lookup computes its keys with the words the stored keys were
built with (:class:`FeatureWords`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .normalize import fold, name_key

#: how many names a :class:`FeatureWords` remembers the split of (then it starts afresh)
MEMO_SIZE = 100_000


@dataclass(frozen=True)
class FeatureWords:
    """Feature phrases (→ the feature classes each points to) and filler words around them."""

    phrases: Mapping[str, frozenset[str]]
    fillers: frozenset[str] = frozenset()
    _re: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)
    #: name → its split and its core key (the same names are split over and over in ranking)
    _splits: dict[str, tuple[str, frozenset[str]]] = field(init=False, repr=False, compare=False, default_factory=dict)
    _cores: dict[str, str] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        phrases = {fold(p).strip(): frozenset(f) for p, f in self.phrases.items() if fold(p).strip()}
        object.__setattr__(self, "phrases", phrases)
        object.__setattr__(self, "fillers", frozenset(fold(w) for w in self.fillers))
        alts = sorted(list(phrases) + list(self.fillers), key=len, reverse=True)
        rx = r"(?<![\w'])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts) + r")(?![\w'])"
        object.__setattr__(self, "_re", re.compile(rx) if alts else None)

    @classmethod
    def of(cls, phrases: Mapping[str, Iterable[str] | str], fillers: Iterable[str] = ()) -> FeatureWords:
        """From a mapping phrase → feature classes (a list or a string of words)."""
        return cls({p: frozenset(f.split() if isinstance(f, str) else f) for p, f in phrases.items()},
                   frozenset(fillers))

    @property
    def words(self) -> frozenset[str]:
        """Every single word of the feature phrases ("air", "base", "industrial", "zone")."""
        return frozenset(w for p in self.phrases for w in p.split())

    def split(self, name: str) -> tuple[str, frozenset[str]]:
        """``("Kuweires", {"airbase", "military_base"})`` for ``"Kuweires Airbase"`` (remembered)."""
        found = self._splits.get(name)
        if found is None:
            if len(self._splits) >= MEMO_SIZE:
                self._splits.clear()
            found = self._splits[name] = self._split(name)
        return found

    def _split(self, name: str) -> tuple[str, frozenset[str]]:
        folded = fold(name)
        if self._re is None:
            return re.sub(r"\s+", " ", folded).strip(), frozenset()
        features: set[str] = set()
        for m in self._re.finditer(folded):
            features |= self.phrases.get(re.sub(r"\s+", " ", m.group(0)), frozenset())
        core = self._re.sub(" ", folded)
        return re.sub(r"\s+", " ", core).strip(), frozenset(features)

    def core_key(self, name: str) -> str:
        """Key of the name without its feature words (``name_key`` when nothing is left; remembered)."""
        key = self._cores.get(name)
        if key is None:
            if len(self._cores) >= MEMO_SIZE:
                self._cores.clear()
            core, _ = self.split(name)
            key = self._cores[name] = (name_key(core) if core else "") or name_key(name)
        return key

    def to_json(self) -> str:
        """The list as stored in a gazetteer file's ``meta`` table."""
        return json.dumps({"phrases": {p: sorted(f) for p, f in sorted(self.phrases.items())},
                           "fillers": sorted(self.fillers)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> FeatureWords:
        data = json.loads(text)
        return cls.of(data.get("phrases") or {}, data.get("fillers") or ())


#: no feature words at all: the core key is the key (a gazetteer built without a list)
NO_WORDS = FeatureWords({})
