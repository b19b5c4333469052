"""MinHash near-duplicate index: deterministic, idempotent, order-independent clusters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.ingest.dedupe import MinHasher, NearDuplicateIndex, similarity

WIRE = (
    "Syrian government forces backed by Russian air strikes captured the town of Maskanah in eastern Aleppo "
    "province on Sunday after Islamic State fighters withdrew towards Raqqa, a military source said. The army "
    "had been advancing along the Euphrates valley for weeks and now controls the whole western bank of the "
    "Assad lake, according to the source, who added that engineers were clearing mines from the main road."
)
COPY = "BEIRUT (Reuters) - " + WIRE + " Reporting by staff."
OTHER = (
    "A car bomb exploded near a market in the northern Syrian town of Azaz on Saturday, killing eight people "
    "and wounding dozens, the Syrian Observatory for Human Rights said, adding that the toll could rise."
)


def test_copy_of_a_wire_story_is_linked() -> None:
    index = NearDuplicateIndex(threshold=0.8)
    assert index.add("a", WIRE) is None
    assert index.add("b", OTHER) is None
    assert index.add("c", COPY) == "a"
    assert index.clusters() == [frozenset({"a", "c"}), frozenset({"b"})]
    assert index.canonical("c") == "a"


def test_signatures_are_deterministic() -> None:
    assert MinHasher().signature(WIRE) == MinHasher().signature(WIRE)
    assert similarity(MinHasher().signature(WIRE), MinHasher().signature(OTHER)) < 0.2


def test_add_is_idempotent() -> None:
    index = NearDuplicateIndex()
    index.add("a", WIRE)
    first = index.add("c", COPY)
    assert index.add("c", COPY) == first and len(index) == 2


_docs = st.lists(st.sampled_from([WIRE, COPY, OTHER, OTHER + " Updated.", "short note"]), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(_docs, st.randoms(use_true_random=False))
def test_cluster_partition_is_order_independent(texts: list[str], rnd) -> None:
    docs = [(f"d{i}", t) for i, t in enumerate(texts)]
    shuffled = docs[:]
    rnd.shuffle(shuffled)
    one, two = NearDuplicateIndex(), NearDuplicateIndex()
    for doc_id, text in docs:
        one.add(doc_id, text)
    for doc_id, text in shuffled:
        two.add(doc_id, text)
    assert one.clusters() == two.clusters()


@settings(max_examples=40, deadline=None)
@given(_docs)
def test_adding_everything_twice_changes_nothing(texts: list[str]) -> None:
    index = NearDuplicateIndex()
    answers = [index.add(f"d{i}", t) for i, t in enumerate(texts)]
    before = index.clusters()
    assert [index.add(f"d{i}", t) for i, t in enumerate(texts)] == answers
    assert index.clusters() == before
