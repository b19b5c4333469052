"""Properties of the situation picture: order-independent, idempotent, and only what happened
moves a line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from kit import HEZBOLLAH, ISIS, NUSRA, REBELS, SAA, SDF, fact, finder, said, town

from frontlines.derive import derive_control, derive_sieges, extract_facts, load_territory
from frontlines.records import FactKind, Status

CUES = load_territory()
KINDS = [FactKind.CAPTURE, FactKind.CONTROL, FactKind.HANDOVER, FactKind.WITHDRAWAL, FactKind.SIEGE_START,
         FactKind.SIEGE_END]
FACTUAL = [Status.ASSERTED, Status.REPORTED, Status.ALLEGED]
NOT_FACTUAL = [Status.DENIED, Status.EXPECTED, Status.HYPOTHETICAL]
DAYS = ["2017-01-01", "2017-01-02", "2017-01-04", "2017-02-01", "2017-06-01", "2017-06-03", None]
#: two camps of allies (a joint hold) and sides against them (contested, expiring after 90 days)
ACTORS = [SAA, HEZBOLLAH, ISIS, SDF, REBELS, NUSRA, None]

facts_st = st.builds(
    lambda kind, gainer, loser, day, status, outlet, scope, place, n: fact(
        kind, gainer=gainer, loser=loser, day=day, status=status, outlet=outlet, scope=scope, place=place, n=n,
        side={"SANA": "pro-government", "Amaq": "pro-islamic-state"}.get(outlet)),
    st.sampled_from(KINDS), st.sampled_from(ACTORS), st.sampled_from(ACTORS),
    st.sampled_from(DAYS), st.sampled_from(FACTUAL + NOT_FACTUAL), st.sampled_from(["SANA", "Amaq", "Reuters"]),
    st.sampled_from(["full", "full", "part", "near"]), st.sampled_from(["test:a", "test:b"]), st.integers(0, 3))


@settings(deadline=None, max_examples=150)
@given(st.lists(facts_st, max_size=14), st.randoms(use_true_random=False))
def test_control_is_order_independent_and_idempotent(facts: list, rnd) -> None:  # type: ignore[no-untyped-def,type-arg]
    reference = derive_control(facts)
    shuffled = list(facts)
    rnd.shuffle(shuffled)
    assert derive_control(shuffled) == reference
    assert derive_control(facts + facts) == reference
    assert derive_sieges(shuffled) == derive_sieges(facts)


@settings(deadline=None, max_examples=150)
@given(st.lists(facts_st, max_size=12), st.lists(facts_st, max_size=6))
def test_forecasts_hypotheses_and_denials_never_change_control(facts: list, noise: list) -> None:  # type: ignore[type-arg]
    import dataclasses

    unfactual = [dataclasses.replace(f, id=f.id + "-x", status=Status(s))
                 for f, s in zip(noise, [Status.DENIED, Status.EXPECTED, Status.HYPOTHETICAL] * 4, strict=False)]
    assert derive_control(facts + unfactual) == derive_control(facts)


@settings(deadline=None, max_examples=150)
@given(st.lists(facts_st, max_size=12))
def test_every_period_is_backed_by_facts_or_a_baseline_and_periods_do_not_overlap(facts: list) -> None:  # type: ignore[type-arg]
    periods = derive_control(facts)
    ids = {f.id for f in facts}
    for place in {p.place_id for p in periods}:
        mine = [p for p in periods if p.place_id == place]
        assert all(p.facts and set(p.facts) <= ids for p in mine)
        for a, b in zip(mine, mine[1:], strict=False):
            assert a.end is not None and a.end <= (b.start or "")


TABQA, KARAMA = town("Tabqa", 35.83, 38.55), town("Karama", 35.9, 39.3)
CLAIMS = [
    said("The army captured Tabqa and Karama from ISIS on Monday.", "captured", {"Tabqa": TABQA, "Karama": KARAMA},
         doc="a"),
    said("The SDF seized Tabqa from ISIS.", "seized", {"Tabqa": TABQA}, actor1=SDF, doc="b", date="2016-03-28"),
    said("Heavy clashes went on near Karama, held by ISIS.", "clashes", {"Karama": KARAMA}, sub="Armed clash",
         doc="c"),
    said("Reports that the army captured Tabqa are false.", "captured", {"Tabqa": TABQA}, doc="d",
         status=Status.DENIED),
    said("The army will capture Karama soon.", "capture", {"Karama": KARAMA}, doc="e", status=Status.EXPECTED,
         date=None),
    said("The siege of Karama was broken on Monday by the army.", "broken", {"Karama": KARAMA}, doc="f"),
]


@settings(deadline=None, max_examples=60)
@given(st.permutations(CLAIMS), st.lists(st.sampled_from(CLAIMS), max_size=4))
def test_facts_do_not_depend_on_the_order_of_claims(made: list, again: list) -> None:  # type: ignore[type-arg]
    def run(items: list) -> list:  # type: ignore[type-arg]
        return extract_facts([c for c, _ in items], [m for _, ms in items for m in ms], CUES, find_actors=finder)

    reference = run(CLAIMS)
    assert run(made) == reference and run(made + again) == reference
    assert derive_control(run(made)) == derive_control(reference)
