"""The knowledge base as one immutable object, and the problems a check reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..clean.lexicon import Lexicon as DebrisLexicon
    from ..clean.outlets import OutletRegistry
    from ..derive.territory import TerritoryCues
    from ..extract.lexicon import Lexicon as TriggerLexicon
    from ..extract.status import Cues
    from ..extract.tollwords import TollWords
    from ..resolve.actors import ActorDictionary
    from .theater import Theater


@dataclass(frozen=True, slots=True)
class KbProblem:
    """One problem of a knowledge-base file: where it is and what is wrong."""

    file: str
    line: int  # 1-based; 0 when the problem is the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass(frozen=True, slots=True)
class Manifest:
    """``kb.yaml``: what theater the knowledge base describes and the sides of its war."""

    name: str
    country: str | None  # ISO alpha-2 of the theater: the default country of place names
    sides: frozenset[str]
    gazetteer: Path | None  # None: the packaged gazetteer
    description: str = ""


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Every analyst-editable rule, loaded from one directory and validated.

    The stages receive it (or the part they need); nothing else holds rules.  Build it with
    :func:`frontlines.kb.load_kb`.
    """

    root: Path
    manifest: Manifest
    triggers: TriggerLexicon
    cues: Cues
    actors: ActorDictionary
    outlets: OutletRegistry
    boilerplate: DebrisLexicon
    theater: Theater
    overlay: Path  # the gazetteer overlay CSV (read when a gazetteer is built)
    gazetteer: Path  # the gazetteer SQLite file
    territory: TerritoryCues  # captures, sieges, withdrawals, control statements (derive)
    tolls: TollWords  # the words that count the dead of one event (extract)

    @property
    def country(self) -> str | None:
        return self.manifest.country
