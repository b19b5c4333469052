"""The situation picture on the seeds, with the gold's publication dates (as `make eval`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.derive import control_as_of, derive_control, situation_as_of
from frontlines.pipeline import RunOptions, run
from frontlines.records import FactKind, Status
from frontlines.store.sqlite import SqliteStore

SAA, ISIS = "Military Forces of Syria (2000-2024)", "Islamic State (Syria)"


@pytest.fixture(scope="module")
def store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> SqliteStore:
    tmp = tmp_path_factory.mktemp("seeds-control")
    docs = [json.loads(line) for line in (corpus / "seeds-gold" / "docs.jsonl").read_text().splitlines() if line]
    manifest = tmp / "manifest.jsonl"
    manifest.write_text("\n".join(json.dumps({"file": d["file"], "published": d["published_estimate"]}) for d in docs))
    db = SqliteStore(tmp / "seeds.db")
    run([corpus / "seeds"], db, manifest=manifest, options=RunOptions(engine="serial"))
    return db


def _place(store: SqliteStore, name: str) -> str:
    [place_id] = {p.place_id for p in store.control_periods() if p.place_name == name}
    return place_id


def test_the_siege_breaking_ends_a_siege_and_captures_nothing(store: SqliteStore) -> None:
    deir = _place(store, "Deir ez-Zor")
    [siege] = [s for s in store.sieges() if s.place_id == deir]
    assert (siege.besieger, siege.besieged, siege.end) == (ISIS, SAA, "2017-09-05")
    periods = [p for p in store.control_periods() if p.place_id == deir]
    assert all(p.start != "2017-09-05" for p in periods)
    after_the_siege = control_as_of(periods, deir, "2017-09-06")
    # the besieged army did not take the city by breaking the siege: the city is contested, or
    # (the January fighting's contest having expired) still held by the besiegers
    assert after_the_siege is None or after_the_siege.state == "contested" or after_the_siege.actor != SAA


def test_the_later_liberation_is_its_own_event_and_its_own_change(store: SqliteStore) -> None:
    deir = _place(store, "Deir ez-Zor")
    facts = store.territorial_facts(deir)
    [ended] = [f for f in facts if f.kind == FactKind.SIEGE_END and f.factual]
    [freed] = [f for f in facts if f.kind == FactKind.CAPTURE and f.factual and f.scope == "full"]
    events = {claim_id: e.id for e in store.events() for claim_id in e.claim_ids}
    assert events[ended.claim_id] != events[freed.claim_id]
    held = control_as_of(store.control_periods(), deir, "2017-12-31")
    assert held is not None and (held.actor, held.start) == (SAA, freed.start) and freed.id in held.facts


def test_the_denied_death_stays_denied(store: SqliteStore) -> None:
    denied = [c for c in store.claims() if c.status == Status.DENIED]
    assert denied
    for claim in denied:
        [event] = [e for e in store.events() if claim.id in e.claim_ids]
        assert event.status == Status.DENIED and not event.happened


def test_late_2017_control_with_its_evidence(store: SqliteStore) -> None:
    periods = derive_control(store.territorial_facts(), store.control_imports(), reference="2017-12-31")
    table = {p.place_name: p for p in situation_as_of(periods, "2017-12-31")}
    assert table["Deir ez-Zor"].actor == SAA
    assert table["Ar Rasafah"].actor == SAA
    assert table["As Sukhnah"].actor == ISIS  # the latest report (July) still has it held by IS
    for name in ("Deir ez-Zor", "Ar Rasafah", "As Sukhnah"):
        assert table[name].facts and table[name].explanation and 0 < table[name].confidence < 1
