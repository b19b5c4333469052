"""A faster stand-in for spaCy's ``attribute_ruler`` + rule ``lemmatizer`` pair, with the same
output token for token.

In the small English pipeline these two rule components cost about as much as the neural
tagger and parser together: the ruler runs a ``Matcher`` with some 180 patterns over every
token, and the lemmatizer recomputes the lemma of every base form (its own cache is only
filled for inflected words).  :class:`FastMorphology` applies the same patterns through a
memo keyed by the token attributes the patterns read (tag, lower form, dependency label,
whitespace) and memoises every lemma by (form, part of speech, morphology), which is all the
rule lemmatizer reads.  The attribute assignments themselves are spaCy's own
(``set_token_attrs``), in the ruler's order (later patterns win).

:func:`speed_up` installs it when the loaded components are of the kinds it reproduces
(patterns with ``TAG``/``LOWER``/``ORTH``/``DEP``/``IS_SPACE`` keys, plain values or
``IN``/``NOT_IN``/``REGEX``); otherwise the pipeline is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

#: token attributes a pattern may read, as Token attribute names
_READS = {"TAG": "tag_", "LOWER": "lower_", "ORTH": "orth_", "DEP": "dep_", "IS_SPACE": "is_space"}
_OPS = frozenset({"IN", "NOT_IN", "REGEX"})

TokenTest = Callable[[Any], bool]


class Unsupported(Exception):
    """A pattern this stand-in does not reproduce: keep spaCy's component."""


def _value_test(attr: str, value: Any) -> TokenTest:
    name = _READS[attr]
    if isinstance(value, dict):
        if len(value) != 1 or not set(value) <= _OPS:
            raise Unsupported(f"operator {sorted(value)}")
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda t: getattr(t, name) in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda t: getattr(t, name) not in banned
        regex = re.compile(arg)
        return lambda t: regex.search(getattr(t, name)) is not None
    if isinstance(value, bool):
        return lambda t: getattr(t, name) is value
    if isinstance(value, str):
        return lambda t: getattr(t, name) == value
    raise Unsupported(f"value {value!r}")


def _token_test(spec: dict[str, Any]) -> TokenTest:
    if not set(spec) <= set(_READS):
        raise Unsupported(f"pattern keys {sorted(spec)}")
    tests = [_value_test(attr, value) for attr, value in spec.items()]
    return lambda t: all(test(t) for test in tests)


#: the attributes a pattern is filed under when its token requires one value (or a few)
_FILED = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_"}


def _file(spec: dict[str, Any], k: int, by_value: dict[tuple[str, str], list[int]],
          always: list[int]) -> None:
    """File pattern ``k`` under one value its first token must have, else under ``always``."""
    for attr in ("LOWER", "TAG", "DEP"):
        value = spec.get(attr)
        values = [value] if isinstance(value, str) else (
            value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None)
        if values is not None:
            for v in values:
                by_value.setdefault((attr, v), []).append(k)
            return
    always.append(k)


def _tried(token: Any, by_value: dict[tuple[str, str], list[int]], always: list[int]) -> list[int]:
    """The patterns worth testing on ``token``: those filed under one of its values."""
    out = list(always)
    for attr, name in _FILED.items():
        out += by_value.get((attr, getattr(token, name)), ())
    return out


class FastMorphology:
    """``attribute_ruler`` then ``lemmatizer`` (rule mode, no overwrite), memoised."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            raise Unsupported("lemmatizer mode")
        self._set = set_token_attrs
        #: the components this one stands for (their tables stay readable, e.g. the lemma rules)
        self.original = {"attribute_ruler": ruler, "lemmatizer": lemmatizer}
        self._attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self._lemmatize = lemmatizer.lemmatize
        self._single: list[tuple[int, TokenTest]] = []  # (attr id, test)
        self._multi: list[tuple[int, int, list[TokenTest]]] = []  # (attr id, index, tests)
        # patterns by a value their first token must have: only those are tested on a token
        self._by_value: dict[tuple[str, str], list[int]] = {}
        self._always: list[int] = []
        self._multi_by_value: dict[tuple[str, str], list[int]] = {}
        self._multi_always: list[int] = []
        for attr_id, entry in enumerate(ruler.patterns):
            index = entry.get("index", 0)
            for pattern in entry["patterns"]:
                tests = [_token_test(spec) for spec in pattern]
                if any(set(spec) & {"OP"} for spec in pattern) or not tests:
                    raise Unsupported("quantifier")
                if len(tests) == 1:
                    if index not in (0, -1):
                        raise Unsupported("index")
                    _file(pattern[0], len(self._single), self._by_value, self._always)
                    self._single.append((attr_id, tests[0]))
                else:
                    if not -len(tests) <= index < len(tests):
                        raise Unsupported("index")
                    _file(pattern[0], len(self._multi), self._multi_by_value, self._multi_always)
                    self._multi.append((attr_id, index % len(tests), tests))
        self._memo: dict[tuple[int, int, int, bool], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def _matching(self, token: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(attr ids of the one-token patterns that match, longer patterns worth trying here)."""
        key = (token.tag, token.lower, token.dep, token.is_space)
        found = self._memo.get(key)
        if found is None:
            tried = _tried(token, self._by_value, self._always)
            found = (tuple(sorted(self._single[k][0] for k in tried if self._single[k][1](token))),
                     tuple(_tried(token, self._multi_by_value, self._multi_always)))
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[key] = found
        return found

    def __call__(self, doc: Any) -> Any:
        matches: list[tuple[int, int]] = []
        for token in doc:
            single, multi = self._matching(token)
            matches.extend((attr_id, token.i) for attr_id in single)
            for k in multi:
                attr_id, index, tests = self._multi[k]
                start = token.i
                if start + len(tests) <= len(doc) and all(
                        test(doc[start + j]) for j, test in enumerate(tests)):
                    matches.append((attr_id, start + index))
        matches.sort()
        attrs = self._attrs
        for attr_id, i in matches:
            self._set(doc[i], attrs[attr_id])
        lemmas = self._lemmas
        for token in doc:
            if token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                lemma = lemmas.get(key)
                if lemma is None:
                    lemma = doc.vocab.strings.add(self._lemmatize(token)[0])
                    if len(lemmas) > 200_000:
                        lemmas.clear()
                    lemmas[key] = lemma
                token.lemma = lemma
        return doc


Pipeline = TypeVar("Pipeline")


def speed_up(nlp: Pipeline) -> Pipeline:
    """Put :class:`FastMorphology` in place of the ruler and lemmatizer of ``nlp`` when they
    are adjacent, of the supported kinds, and their patterns are all reproducible."""
    pipeline: Any = nlp
    names = pipeline.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return nlp
    at = names.index("attribute_ruler")
    if names.index("lemmatizer") != at + 1:
        return nlp
    try:
        fast = FastMorphology(pipeline.get_pipe("attribute_ruler"), pipeline.get_pipe("lemmatizer"))
    except Unsupported:
        return nlp
    _register()
    pipeline.add_pipe("frontlines_fast_morphology", name="fast_morphology", before="attribute_ruler",
                      config={})
    pipeline.get_pipe("fast_morphology").set(fast)
    pipeline.remove_pipe("attribute_ruler")
    pipeline.remove_pipe("lemmatizer")
    return nlp


class _Slot:
    """The pipeline component: delegates to the :class:`FastMorphology` it is given."""

    def __init__(self) -> None:
        self._impl: FastMorphology | None = None

    def set(self, impl: FastMorphology) -> None:
        self._impl = impl

    @property
    def original(self) -> dict[str, Any]:
        """The spaCy components replaced (by name)."""
        return self._impl.original if self._impl is not None else {}

    def __call__(self, doc: Any) -> Any:
        assert self._impl is not None
        return self._impl(doc)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("frontlines_fast_morphology"):
        Language.factory("frontlines_fast_morphology")(lambda nlp, name: _Slot())
