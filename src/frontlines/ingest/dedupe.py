"""Near-duplicate linking: MinHash over word shingles, LSH banding, union-find clusters.

Hashing is deterministic (BLAKE2b with fixed seeds), so the same texts give the same
signatures in every process.  Two documents are near duplicates when their estimated
Jaccard similarity reaches ``threshold`` *and* they agree on the facts that a copy keeps and
a different report changes: the same numbers, and the capitalised names of one are all in
the other (a reprint may add a credit line or drop a dateline, but "Russian jets" and
"Syrian jets" are two reports).  Clusters are the connected components of that relation,
so which documents end up together does not depend on the order they came in.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from ..records import normalize_text

_MERSENNE = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
_A_BOUND = (1 << 31) - 1
_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-Z][\w'’-]*")


@dataclass(frozen=True, slots=True)
class Facts:
    """What a copy of a report keeps: its numbers and its capitalised names."""

    numbers: frozenset[str]
    names: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Facts:
        normal = normalize_text(text)
        numbers = frozenset(n.lstrip("0") or "0" for n in _NUMBER.findall(normal))
        return cls(numbers, frozenset(_NAME.findall(normal)))

    def agree(self, other: Facts) -> bool:
        """Same numbers, and one text's names all found in the other."""
        return self.numbers == other.numbers and (self.names <= other.names or other.names <= self.names)


def _h64(data: bytes, salt: bytes = b"") -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, salt=salt[:16]).digest(), "big")


def shingles(text: str, k: int = 3) -> set[bytes]:
    """Lower-cased word k-grams of the normalized text (the words themselves when shorter)."""
    words = _WORD.findall(normalize_text(text).lower())
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


@dataclass(frozen=True, slots=True)
class MinHasher:
    num_perm: int = 128
    k: int = 3
    _params: tuple[tuple[int, int], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # a < 2**31 and v < 2**32 keep a*v + b below 2**64, so the arithmetic is exact in uint64
        params = tuple(
            (_h64(b"a%d" % i) % _A_BOUND + 1, _h64(b"b%d" % i) % _MAX_HASH) for i in range(self.num_perm)
        )
        object.__setattr__(self, "_params", params)

    def signature(self, text: str) -> tuple[int, ...]:
        import numpy as np

        values = np.fromiter((_h64(s) & _MAX_HASH for s in shingles(text, self.k)), dtype=np.uint64)
        if not values.size:
            return (_MAX_HASH,) * self.num_perm
        a = np.array([p[0] for p in self._params], dtype=np.uint64)[:, None]
        b = np.array([p[1] for p in self._params], dtype=np.uint64)[:, None]
        hashed = ((a * values[None, :] + b) % np.uint64(_MERSENNE)) & np.uint64(_MAX_HASH)
        return tuple(int(x) for x in hashed.min(axis=1))


def similarity(sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / len(sig_a)


class NearDuplicateIndex:
    """Add documents one by one; learn which earlier document each one near-duplicates."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, bands: int = 32, k: int = 3) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.threshold = threshold
        self.bands = bands
        self.rows = num_perm // bands
        self.hasher = MinHasher(num_perm, k)
        self._signatures: dict[str, tuple[int, ...]] = {}
        self._facts: dict[str, Facts | None] = {}
        self._order: dict[str, int] = {}
        self._buckets: dict[tuple[int, tuple[int, ...]], list[str]] = {}
        self._parent: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def add(self, doc_id: str, text: str) -> str | None:
        """Index a document; the id of the earliest-added near duplicate, or None.

        Adding an id again is a no-op that returns the same answer as the first time.
        """
        if doc_id in self._signatures:
            return self._earliest_match(doc_id, self._signatures[doc_id], self._facts[doc_id])
        return self.add_signature(doc_id, self.hasher.signature(text), Facts.of(text))

    def add_signature(self, doc_id: str, signature: tuple[int, ...], facts: Facts | None = None) -> str | None:
        """``add`` for a signature computed before (e.g. kept in the store).  Without its facts
        (a signature stored by an older version) a document is nobody's near duplicate."""
        if doc_id in self._signatures:
            return self._earliest_match(doc_id, self._signatures[doc_id], self._facts[doc_id])
        match = self._earliest_match(doc_id, signature, facts)
        self._signatures[doc_id] = signature
        self._facts[doc_id] = facts
        self._order[doc_id] = len(self._order)
        self._parent[doc_id] = doc_id
        for other in self._candidates(signature):
            if other != doc_id and self._near(signature, facts, other):
                self._union(doc_id, other)
        for key in self._band_keys(signature):
            self._buckets.setdefault(key, []).append(doc_id)
        return match

    def _band_keys(self, signature: tuple[int, ...]) -> list[tuple[int, tuple[int, ...]]]:
        return [(b, signature[b * self.rows : (b + 1) * self.rows]) for b in range(self.bands)]

    def _candidates(self, signature: tuple[int, ...]) -> list[str]:
        found = {doc for key in self._band_keys(signature) for doc in self._buckets.get(key, ())}
        return sorted(found, key=self._order.__getitem__)

    def _near(self, signature: tuple[int, ...], facts: Facts | None, other: str) -> bool:
        theirs = self._facts[other]
        if facts is None or theirs is None or not facts.agree(theirs):
            return False
        return similarity(signature, self._signatures[other]) >= self.threshold

    def _earliest_match(self, doc_id: str, signature: tuple[int, ...], facts: Facts | None) -> str | None:
        for other in self._candidates(signature):
            if other == doc_id:
                return None  # only documents added before this one count
            if self._near(signature, facts, other):
                return other
        return None

    def _find(self, doc_id: str) -> str:
        while self._parent[doc_id] != doc_id:
            self._parent[doc_id] = self._parent[self._parent[doc_id]]
            doc_id = self._parent[doc_id]
        return doc_id

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def signature_of(self, doc_id: str) -> tuple[int, ...]:
        return self._signatures[doc_id]

    def stored_form(self, doc_id: str) -> str:
        """The document's signature and facts as the store keeps them (JSON)."""
        facts = self._facts[doc_id]
        row: dict[str, object] = {"minhash": list(self._signatures[doc_id])}
        if facts is not None:
            row |= {"numbers": sorted(facts.numbers), "names": sorted(facts.names)}
        return json.dumps(row, ensure_ascii=False)

    def add_stored(self, doc_id: str, stored: str) -> str | None:
        """``add`` for a document whose :meth:`stored_form` was kept (a bare list is the older form)."""
        row = json.loads(stored)
        if isinstance(row, list):
            return self.add_signature(doc_id, tuple(row))
        facts = Facts(frozenset(row["numbers"]), frozenset(row["names"])) if "numbers" in row else None
        return self.add_signature(doc_id, tuple(row["minhash"]), facts)

    def canonical(self, doc_id: str) -> str:
        """The smallest id of the document's cluster (independent of insertion order)."""
        return self._find(doc_id)

    def clusters(self) -> list[frozenset[str]]:
        """The partition of the indexed documents into near-duplicate clusters, sorted."""
        groups: dict[str, set[str]] = {}
        for doc in self._signatures:
            groups.setdefault(self._find(doc), set()).add(doc)
        return sorted((frozenset(g) for g in groups.values()), key=lambda g: min(g))
