"""Capture recall and control agreement on invented facts, periods and gold rows."""

from __future__ import annotations

from typing import Any

from frontlines.evaluate.captures import score_captures
from frontlines.evaluate.match import half_of
from frontlines.records import ControlPeriod, FactKind, Status, TerritorialFact

ARMY, REBELS, KURDS = "Army of Testland", "Rebels of Testland", "Kurdish Units"
# two invented towns 11 km apart, and one 60 km away
NORTHTON, SOUTHTON, FARVILLE = (36.00, 37.00), (35.90, 37.00), (36.50, 37.20)
A_DOC = next(f"doc{i}" for i in range(100) if half_of(f"doc{i}") == "A")
B_DOC = next(f"doc{i}" for i in range(100) if half_of(f"doc{i}") == "B")


def fact(doc: str, where: tuple[float, float], gainer: str | None, day: str, *, kind: FactKind = FactKind.CAPTURE,
         status: Status = Status.ASSERTED, scope: str = "full", loser: str | None = None) -> TerritorialFact:
    return TerritorialFact(id=f"tf-{doc}-{where}-{gainer}-{day}-{kind}", kind=kind, place_id=f"t:{where}",
                           place_name=str(where), claim_id=f"{doc}:0-4", doc_id=f"id-{doc}", status=status,
                           start=day, end=day, gainer=gainer, loser=loser, scope=scope,
                           latitude=where[0], longitude=where[1])


def period(where: tuple[float, float], actor: str, start: str, end: str | None = None,
           rivals: tuple[str, ...] = (), allies: tuple[str, ...] = ()) -> ControlPeriod:
    return ControlPeriod(place_id=f"t:{where}", place_name=str(where), actor="contested" if rivals else actor,
                         start=start, end=end, state="contested" if rivals else "held", rivals=rivals,
                         latitude=where[0], longitude=where[1], allies=allies)


def gold(doc: str, where: tuple[float, float], captor: str, date: str, **extra: Any) -> dict[str, Any]:
    return {"doc": doc, "place": str(where), "lat": where[0], "lon": where[1], "captor": captor,
            "date": date, "partial": False, "status": "reported", **extra}


KEYS = {f"id-{d}": d for d in (A_DOC, B_DOC)}


def test_a_capture_is_found_by_a_fact_of_its_document_near_it_in_place_and_time() -> None:
    rows = [gold(A_DOC, NORTHTON, ARMY, "2015-03-10")]
    assert score_captures([fact(A_DOC, SOUTHTON, ARMY, "2015-03-16")], [], rows, KEYS)["recall"] == 1.0
    # another captor, another document, too far, too late, only near the place: not found
    for wrong in (fact(A_DOC, NORTHTON, REBELS, "2015-03-10"), fact(B_DOC, NORTHTON, ARMY, "2015-03-10"),
                  fact(A_DOC, FARVILLE, ARMY, "2015-03-10"), fact(A_DOC, NORTHTON, ARMY, "2015-03-18"),
                  fact(A_DOC, NORTHTON, ARMY, "2015-03-10", scope="near")):
        result = score_captures([wrong], [], rows, KEYS)
        assert result["recall"] == 0.0 and result["missed"] == [f"{A_DOC}:{NORTHTON} ({ARMY}, 2015-03-10)"]


def test_only_facts_that_happened_and_change_hands_count() -> None:
    rows = [gold(A_DOC, NORTHTON, ARMY, "2015-03-10")]
    for kind, status in ((FactKind.CAPTURE, Status.EXPECTED), (FactKind.CAPTURE, Status.DENIED),
                         (FactKind.SIEGE_START, Status.ASSERTED), (FactKind.ADVANCE, Status.ASSERTED),
                         (FactKind.CONTROL, Status.ASSERTED)):
        assert score_captures([fact(A_DOC, NORTHTON, ARMY, "2015-03-10", kind=kind, status=status)], [],
                              rows, KEYS)["recall"] == 0.0
    for kind in (FactKind.HANDOVER, FactKind.WITHDRAWAL):
        assert score_captures([fact(A_DOC, NORTHTON, ARMY, "2015-03-10", kind=kind, status=Status.ALLEGED)], [],
                              rows, KEYS)["recall"] == 1.0


def test_gold_dates_of_reduced_precision_and_captures_that_did_not_happen() -> None:
    facts = [fact(A_DOC, NORTHTON, ARMY, "2015-03-28")]
    assert score_captures(facts, [], [gold(A_DOC, NORTHTON, ARMY, "2015-03")], KEYS)["recall"] == 1.0
    assert score_captures(facts, [], [gold(A_DOC, NORTHTON, ARMY, "2015-02-01/2015-03-25")], KEYS)["recall"] == 1.0
    # expected or background captures, and rows without coordinates or date, are not scored
    rows = [gold(A_DOC, NORTHTON, ARMY, "2015-03-28", status="expected"),
            gold(A_DOC, NORTHTON, ARMY, "2015-03-28", status="background"),
            gold(A_DOC, NORTHTON, ARMY, None), {**gold(A_DOC, NORTHTON, ARMY, "2015-03-28"), "lat": None}]
    result = score_captures(facts, [], rows, KEYS)
    assert result["captures"] == 0 and result["recall"] is None and result["unscorable"] == 4


def test_control_agreement_a_week_after_at_the_nearest_controlled_place() -> None:
    rows = [gold(A_DOC, NORTHTON, ARMY, "2015-03-10")]

    def agreement(*periods: ControlPeriod) -> float | None:
        return score_captures([], list(periods), rows, KEYS)["control_agreement"]

    assert agreement(period(NORTHTON, ARMY, "2015-03-12")) == 1.0
    assert agreement(period(NORTHTON, REBELS, "2014-01-01", rivals=(ARMY, REBELS))) == 1.0
    assert agreement(period(NORTHTON, REBELS, "2015-03-12")) == 0.0
    assert agreement(period(NORTHTON, ARMY, "2015-03-12", end="2015-03-15")) == 0.0  # lost again by then
    assert agreement(period(NORTHTON, ARMY, "2015-03-18")) == 0.0  # only after the week
    assert agreement(period(FARVILLE, ARMY, "2015-03-12")) == 0.0  # no controlled place near it
    # the nearest controlled place speaks for the gold place, not any place around it
    assert agreement(period(NORTHTON, REBELS, "2015-03-01"), period(SOUTHTON, ARMY, "2015-03-01")) == 0.0
    assert agreement(period(NORTHTON, ARMY, "2015-03-01"), period(SOUTHTON, REBELS, "2015-03-01")) == 1.0
    # a partial capture is scored for recall only
    partial = score_captures([], [period(NORTHTON, ARMY, "2015-03-12")], [{**rows[0], "partial": True}], KEYS)
    assert partial["captures"] == 1 and partial["full_captures"] == 0 and partial["control_agreement"] is None


def test_figures_per_stable_half_of_the_documents() -> None:
    rows = [gold(A_DOC, NORTHTON, ARMY, "2015-03-10"), gold(B_DOC, FARVILLE, KURDS, "2016-05-01")]
    facts = [fact(A_DOC, NORTHTON, ARMY, "2015-03-10")]
    periods = [period(FARVILLE, KURDS, "2016-05-01")]
    result = score_captures(facts, periods, rows, KEYS)
    assert result["recall"] == 0.5 and result["control_agreement"] == 0.5
    assert (result["half_a"]["recall"], result["half_a"]["control_agreement"]) == (1.0, 0.0)
    assert (result["half_b"]["recall"], result["half_b"]["control_agreement"]) == (0.0, 1.0)
    assert result["half_a"]["captures"] == result["half_b"]["captures"] == 1
    assert result["disagreed"] == [f"{A_DOC}:{NORTHTON} ({ARMY}, 2015-03-10) → no control"]


def test_a_joint_hold_agrees_with_its_leader_or_an_ally_and_contested_agreement_is_counted_apart() -> None:
    rows = [gold(A_DOC, NORTHTON, REBELS, "2015-03-10"), gold(B_DOC, FARVILLE, KURDS, "2015-03-10")]
    joint = [period(NORTHTON, ARMY, "2015-03-09", allies=(REBELS,)), period(FARVILLE, KURDS, "2015-03-09")]
    result = score_captures([], joint, rows, KEYS)
    assert (result["agreed"], result["agreed_contested"], result["held_agreement"]) == (2, 0, 1.0)
    # a contested period listing the captor still agrees, but not as a held agreement
    contested = [period(NORTHTON, ARMY, "2015-03-09", rivals=(ARMY, REBELS)), period(FARVILLE, KURDS, "2015-03-09")]
    result = score_captures([], contested, rows, KEYS)
    assert (result["agreed"], result["agreed_contested"], result["held_agreement"]) == (2, 1, 0.5)
    assert result["half_a"]["agreed_contested"] == 1 and result["half_b"]["agreed_contested"] == 0
    # an ally of someone else, or a joint hold without the captor: no agreement
    other = [period(NORTHTON, ARMY, "2015-03-09", allies=(KURDS,))]
    assert score_captures([], other, rows[:1], KEYS)["disagreed"] == [
        f"{A_DOC}:{NORTHTON} ({REBELS}, 2015-03-10) → {NORTHTON}: {ARMY}/{KURDS}"]
