"""Which paragraphs need a parse: those with a word that can start a claim or change what the
extractor remembers for the next sentences.

A paragraph is parsed when one of its tokens (spaCy's own tokenizer, so contractions and
hyphens split exactly as in the parse) is, in any inflection the model's lemmatizer can map
to it, one of: a trigger word of the lexicon; a reporting verb ("X reports that" names the
source of a following quoted block, and the speaker of quoted speech); a conditional mark
(a condition carries to the next sentence); a verb that names a perpetrator ("X claimed
responsibility" credits the previous sentence's attack).  Any other paragraph makes no claim
and leaves nothing behind, so skipping its parse changes no output.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .lexicon import Lexicon
from .perpetrator import BLAME_VERBS, CLAIM_VERBS
from .status import Cues

#: cue kinds whose words act beyond their own sentence (see ``context.DocState.end_sentence``)
CARRYING_CUES = ("reporting_verbs", "conditional_marks")


def _inflections(lemmas: Iterable[str], nlp: Any) -> set[str]:
    """Every lower-case form the model's rule lemmatizer (and its attribute ruler) can map to
    one of ``lemmas``: the inverse of its suffix rules and its exception tables."""
    wanted = {w.lower() for w in lemmas}
    forms = set(wanted)
    lemmatizer = _component(nlp, "lemmatizer")
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is not None and "lemma_rules" in lookups.tables:
        for rules in lookups.get_table("lemma_rules").values():
            for old, new in rules:
                forms |= {lemma[: len(lemma) - len(new)] + old for lemma in wanted if lemma.endswith(new)}
    if lookups is not None and "lemma_exc" in lookups.tables:
        for table in lookups.get_table("lemma_exc").values():
            forms |= {form.lower() for form, lemmas_of in table.items() if wanted & {x.lower() for x in lemmas_of}}
    ruler = _component(nlp, "attribute_ruler")
    for entry in getattr(ruler, "patterns", ()):
        lemma = str(entry["attrs"].get("LEMMA", "")).lower()
        if lemma not in wanted:
            continue
        for pattern in entry["patterns"]:
            for spec in pattern:
                values = [v for k, v in spec.items() if k in {"LOWER", "ORTH"}]
                if not values or not all(isinstance(v, str) for v in values):
                    raise _NotEnumerable(f"a ruler pattern gives the lemma {lemma!r} to unlisted forms")
                forms |= {v.lower() for v in values}
    return forms


class _NotEnumerable(Exception):
    """The forms that may carry a wanted lemma cannot be listed: parse everything."""


def _component(nlp: Any, name: str) -> Any:
    if name in nlp.component_names:
        return nlp.get_pipe(name)
    fast = nlp.get_pipe("fast_morphology") if "fast_morphology" in nlp.pipe_names else None
    return getattr(fast, "original", {}).get(name) if fast is not None else None


class ParseFilter:
    """Tells whether a tokenized paragraph holds a word that needs the parse."""

    def __init__(self, lexicon: Lexicon, cues: Cues, nlp: Any) -> None:
        words: set[str] = set()
        for rule in lexicon.rules:
            words |= set(rule.forms)
        heads = {rule.head for rule in lexicon.rules}
        for kind in CARRYING_CUES:
            heads |= set(cues.words.get(kind, ()))
        heads |= CLAIM_VERBS | BLAME_VERBS
        try:
            words |= _inflections(heads, nlp)
            self.active = True
        except _NotEnumerable:
            self.active = False  # every paragraph is parsed
        self.words = frozenset(words)
        strings = nlp.vocab.strings
        self._ids = frozenset(strings.add(w) for w in self.words)

    def needed(self, doc: Any) -> bool:
        """Whether ``doc`` (tokenized, not yet parsed) has a word that needs the parse."""
        if not self.active:
            return True
        ids = self._ids
        return any(token.lower in ids for token in doc)
