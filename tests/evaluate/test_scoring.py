"""The scorer itself, on a tiny hand-made gold set (so a scoring bug cannot hide behind floors)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from factories import claim
from frontlines.evaluate import evaluate
from frontlines.evaluate.fakes import governorate_key
from frontlines.pipeline import refuse
from frontlines.records import Article, Role, Segment, Status
from frontlines.store.sqlite import SqliteStore

TEXT = "The army took Deir ez-Zor on Monday.\nThe army will take Mayadin soon.\nComment: lol"


def _gold(tmp: Path) -> Path:
    gold = tmp / "gold"
    gold.mkdir()
    rows = {
        "docs": [{"doc": "000", "file": "a.txt"}],
        "events": [
            {"doc": "000", "id": "e1", "quote": "The army took Deir ez-Zor", "event_type": "Battles",
             "sub_event_type": "Government regains territory", "alt_sub_event_types": [],
             "actor1": "Military Forces of Syria (2000-2024)", "status": "asserted", "lat": 35.33,
             "lon": 40.14, "date": "2017-09-04", "eval_tier": "core"},
            {"doc": "000", "id": "e2", "quote": "The army will take Mayadin", "event_type": "Battles",
             "sub_event_type": "Government regains territory", "alt_sub_event_types": [],
             "actor1": "Military Forces of Syria (2000-2024)", "status": "expected", "lat": None,
             "lon": None, "date": None, "eval_tier": "non_factual"},
        ],
        "segments": [{"doc": "000", "role": "body", "first_line": 1, "last_line": 2},
                     {"doc": "000", "role": "comments", "first_line": 3, "last_line": 3}],
        "toponyms": [{"doc": "000", "surface": "Deir ez-Zor", "surface_forms": ["Deir ez-Zor"],
                      "lat": 35.33, "lon": 40.14, "vague": False}],
    }
    for name, items in rows.items():
        (gold / f"{name}.jsonl").write_text("\n".join(json.dumps(r) for r in items))
    return gold


def _store(expected_status: Status) -> SqliteStore:
    store = SqliteStore(":memory:")
    took = dataclasses.replace(claim("d", 9, sub="Government regains territory", date="2017-09-04"),
                               start=0, end=36)
    will = dataclasses.replace(claim("d", 46, sub="Government regains territory", status=expected_status,
                                     date=None), start=37, end=69, location=None)
    segs = [Segment("d", 0, Role.BODY, 0, 69, 1, 2), Segment("d", 1, Role.BODY, 70, len(TEXT), 3, 3)]
    store.save_document(Article(id="d", text=TEXT, source="in/a.txt"), segs, [took.location], [took, will])  # type: ignore[list-item]
    refuse(store)
    return store


def test_scores_on_a_tiny_gold_set(tmp_path: Path) -> None:
    result = evaluate(_store(Status.EXPECTED), _gold(tmp_path))
    ev = result["events"]
    assert ev["recall_core"] == 1.0 and ev["precision"] == 1.0 and ev["f1"] == 1.0
    assert ev["status_accuracy"] == 1.0 and ev["non_factual_as_happened"] == 0
    assert ev["place_accuracy_10km"] == 1.0 and ev["date_accuracy"] == 1.0
    seg = result["segments"]
    assert seg["line_accuracy"] == round(2 / 3, 4) and seg["debris_recall"] == 0.0
    assert seg["body_lines_dropped"] == 0
    assert result["toponyms"]["within_10km"] == 1.0


def test_a_forecast_output_as_fact_is_a_serious_error(tmp_path: Path) -> None:
    ev = evaluate(_store(Status.ASSERTED), _gold(tmp_path))["events"]
    assert ev["non_factual_as_happened"] == 1 and ev["precision"] == 0.5


def test_rows_and_captures_on_a_tiny_gold_set(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    (gold / "captures.jsonl").write_text(json.dumps(
        {"doc": "000", "event": "e1", "place": "Deir ez-Zor", "lat": 35.2, "lon": 40.2,
         "captor": "Military Forces of Syria (2000-2024)", "date": "2017-09-09"}) + "\n")
    result = evaluate(_store(Status.EXPECTED), gold)
    event = _store(Status.EXPECTED).events(happened_only=True)[0]
    captures = result["captures"]  # a fact 16 km and 5 days apart; held a week on
    assert captures["recall"] == 1.0 and captures["control_agreement"] == 1.0 and captures["missed"] == []
    rows = result["rows"]
    assert rows["matched_rows"] == 1 and rows["location_not_a_place"] == 0.0
    assert rows["fully_right"] == (1.0 if event.actor1 == "Military Forces of Syria (2000-2024)" else 0.0)
    assert rows["type_right"] == rows["place_right"] == rows["date_right"] == rows["fatalities_right"] == 1.0
    (gold / "captures.jsonl").write_text(json.dumps(
        {"doc": "000", "event": "e1", "place": "Deir ez-Zor", "lat": 35.2, "lon": 40.2,
         "captor": "Military Forces of Syria (2000-2024)", "date": "2017-09-12"}) + "\n")
    assert evaluate(_store(Status.EXPECTED), gold)["captures"]["recall"] == 0.0  # 8 days: not the same capture


def test_a_gold_folder_with_only_docs_and_events_is_scored(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    for name in ("segments", "toponyms"):
        (gold / f"{name}.jsonl").unlink()
    result = evaluate(_store(Status.EXPECTED), gold)
    assert result["events"]["recall_core"] == 1.0
    assert "segments" not in result and "toponyms" not in result and "captures" not in result


def test_halves_are_stable_and_split_the_documents() -> None:
    from frontlines.evaluate.match import half_of

    keys = [f"doc-{i}" for i in range(200)]
    halves = [half_of(k) for k in keys]
    assert halves == [half_of(k) for k in keys] and set(halves) == {"A", "B"}
    assert 70 < halves.count("A") < 130
    assert half_of("000") == "A"  # SHA-256 of "000" starts 0x2a: even, the same on every machine


def test_scoring_one_half(tmp_path: Path) -> None:
    from frontlines.errors import EvalError
    from frontlines.evaluate.match import half_of

    gold, store = _gold(tmp_path), _store(Status.EXPECTED)
    assert evaluate(store, gold, half=half_of("000"))["documents"] == 1
    other = "A" if half_of("000") == "B" else "B"
    with pytest.raises(EvalError, match="no document of the gold set"):
        evaluate(store, gold, half=other)


def test_governorate_spellings_agree() -> None:
    assert governorate_key("Deir ez-Zor") == governorate_key("deir ezzor") == governorate_key("Dayr az Zawr")
    assert governorate_key("Al-Hasakah") == governorate_key("hasakeh")
    assert governorate_key("Latakia") == governorate_key("lattakia")
    assert governorate_key("Aleppo") != governorate_key("Idlib")


def test_actor_classes_are_not_fooled_by_a_country_in_brackets() -> None:
    from frontlines.evaluate.fakes import actor_class

    assert actor_class("Islamic State (Syria)").endswith("isis")
    assert actor_class("Opposition Rebels (Syria)") == "armed opposition groups"
    assert actor_class("QSD: Syrian Democratic Forces") == "self administration forces"
    assert actor_class("Military Forces of Syria (2000-2024)") == "syrian government or russian troops"
    assert actor_class("Military Forces of Russia (2000-)") == "syrian government or russian troops"
    assert actor_class(None) == "unknown"


def test_each_place_of_a_coordinated_list_is_its_own_gold_event() -> None:
    """Gold codes "took A, B and C" as three events sharing one quote; the system's three
    events (one per place) are each matched to the gold event of their own place, not all to
    the first one (which would leave two gold events missed and two system events duplicates)."""
    from frontlines.evaluate.events import SystemEvent, score_events
    from frontlines.evaluate.gold import GoldEvent
    from frontlines.records import Event

    text = "Rebels took Alpha, Bravo and Charlie on Monday."
    places = {"Alpha": (35.0, 37.0), "Bravo": (35.5, 37.5), "Charlie": (36.0, 38.0)}
    rows = [{"id": f"e{i}", "doc": "000", "quote": text, "event_type": "Battles",
             "sub_event_type": "Non-state actor overtakes territory", "location": name,
             "lat": lat, "lon": lon, "status": "asserted", "eval_tier": "core"}
            for i, (name, (lat, lon)) in enumerate(places.items(), 1)]
    gold = [GoldEvent(r["id"], "000", 0, len(text), r) for r in rows]
    system = []
    for name, (lat, lon) in reversed(places.items()):  # order must not matter
        c = dataclasses.replace(claim("d", 7, sub="Non-state actor overtakes territory"), start=0, end=len(text))
        event = Event(id=f"ev-{name}", event_type="Battles", sub_event_type="Non-state actor overtakes territory",
                      status=Status.ASSERTED, location=name, latitude=lat, longitude=lon, claim_ids=(c.id,))
        system.append(SystemEvent(event, "000", (c,)))
    scores = score_events(system, gold)
    assert scores["core_found"] == 3 and scores["true_positives"] == 3
    # one system event for the whole list finds one gold event, as before
    assert score_events(system[:1], gold)["core_found"] == 1


def test_an_exported_row_that_tells_no_gold_event_is_not_right(tmp_path: Path) -> None:
    """``exported_all_fully_right`` counts every row of the default export: a row the gold does
    not hold (here the gold loses its one happened event) is a wrong row, not a row left out."""
    gold = _gold(tmp_path)
    rows = evaluate(_store(Status.EXPECTED), gold)["rows"]
    assert rows["exported_all"] == rows["exported"] == 1
    assert rows["exported_all_fully_right"] == rows["exported_fully_right"]
    events = [json.loads(line) for line in (gold / "events.jsonl").read_text().splitlines()]
    (gold / "events.jsonl").write_text("\n".join(json.dumps(e) for e in events if e["id"] != "e1"))
    rows = evaluate(_store(Status.EXPECTED), gold)["rows"]
    assert rows["exported"] == 0 and rows["exported_all"] == 1
    assert rows["exported_all_fully_right"] == 0.0


def test_a_gold_folder_with_docs_and_toponyms_only_is_scored_for_toponyms(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    for name in ("events", "segments"):
        (gold / f"{name}.jsonl").unlink()
    result = evaluate(_store(Status.EXPECTED), gold)
    assert result["format"] == "toponyms" and result["documents"] == 1
    assert result["toponyms"]["toponyms"] == 1 and result["toponyms"]["within_161km"] == 1.0
    assert "events" not in result and "rows" not in result
