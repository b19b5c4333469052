"""Validate the second development corpus (corpus/dev2): every gold-*/ folder against texts/.

Each half (gold-a, gold-b, ...) holds docs.jsonl, events.jsonl, captures.jsonl and toponyms.jsonl
in the seeds-gold style; the texts of all halves live in corpus/dev2/texts/. The checks are the
ones a scorer relies on: quotes found by str.find, enumerations valid, every document has its file,
ids unique, captures point at events, no report from the held-out year 2017.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

DEV2 = Path(__file__).resolve().parents[2] / "corpus" / "dev2"
GOLD_DIRS = sorted(p for p in DEV2.glob("gold-*") if p.is_dir())

SUB_EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other",
    },
}
STATUSES = {"asserted", "reported", "alleged", "denied", "expected", "hypothetical", "background"}
NON_FACTUAL = {"denied", "expected", "hypothetical"}
TIERS = {"core", "background", "non_factual"}
SIDES = {"wire", "monitor", "state", "opposition", "kurdish", "russian", "iranian", "turkish", "analyst", "other"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def _rows(folder: Path, name: str) -> list[dict]:
    path = folder / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _texts(folder: Path) -> dict[str, str]:
    return {d["doc"]: (DEV2 / "texts" / d["file"]).read_text(encoding="utf-8") for d in _rows(folder, "docs.jsonl")}


def test_there_is_at_least_one_half():
    assert GOLD_DIRS, f"no gold-* folder under {DEV2}"


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=lambda p: p.name)
def test_documents_have_files_dates_and_sides(folder):
    docs = _rows(folder, "docs.jsonl")
    assert docs, f"{folder.name}: no documents"
    assert len({d["doc"] for d in docs}) == len(docs), f"{folder.name}: duplicate doc ids"
    for d in docs:
        assert (DEV2 / "texts" / d["file"]).is_file(), f"{d['doc']}: missing text file {d['file']}"
        published = dt.date.fromisoformat(d["published"])
        assert published.year != 2017, f"{d['doc']}: 2017 is held out"
        assert d["side"] in SIDES, f"{d['doc']}: side {d['side']!r}"
        assert d["outlet"] and d["url"], f"{d['doc']}: outlet and url are required"


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=lambda p: p.name)
def test_event_quotes_and_enumerations(folder):
    texts = _texts(folder)
    events = _rows(folder, "events.jsonl")
    assert len({e["id"] for e in events}) == len(events), f"{folder.name}: duplicate event ids"
    for e in events:
        where = f"{folder.name}/{e['id']}"
        assert e["doc"] in texts, f"{where}: unknown doc"
        assert texts[e["doc"]].find(e["quote"]) >= 0, f"{where}: quote not in text"
        assert e["sub_event_type"] in SUB_EVENT_TYPES.get(e["event_type"], ()), f"{where}: type pair"
        for alt in e.get("alt_sub_event_types") or []:
            assert any(alt in subs for subs in SUB_EVENT_TYPES.values()), f"{where}: alt {alt!r}"
        assert e["status"] in STATUSES, f"{where}: status {e['status']!r}"
        assert e["eval_tier"] in TIERS, f"{where}: tier {e['eval_tier']!r}"
        assert (e["status"] in NON_FACTUAL) == (e["eval_tier"] == "non_factual"), f"{where}: tier vs status"
        assert e["geo_precision"] in (1, 2, 3), f"{where}: geo_precision"
        assert e["date"] is None or ISO_DATE.match(e["date"]), f"{where}: date {e['date']!r}"
        assert e["fatalities"] is None or (isinstance(e["fatalities"], int) and e["fatalities"] >= 0), where
        if e["location"] is not None:
            assert e["location"] in texts[e["doc"]], f"{where}: location not in text"
        for side in ("actor1_surface", "actor2_surface"):
            if e.get(side):
                assert e[side] in texts[e["doc"]], f"{where}: {side} not in text"
        if e["lat"] is not None:
            assert 29.0 <= e["lat"] <= 38.0 and 34.0 <= e["lon"] <= 49.0, f"{where}: coordinates outside the region"


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=lambda p: p.name)
def test_captures_point_at_events(folder):
    events = {e["id"]: e for e in _rows(folder, "events.jsonl")}
    for c in _rows(folder, "captures.jsonl"):
        where = f"{folder.name}/{c['event']}"
        assert c["event"] in events, f"{where}: unknown event"
        assert events[c["event"]]["doc"] == c["doc"], f"{where}: doc mismatch"
        assert c["captor"], f"{where}: captor required"
        assert isinstance(c["partial"], bool), f"{where}: partial must be a bool"
        assert c["status"] in STATUSES, f"{where}: status"
        assert c["date"] is None or ISO_DATE.match(c["date"]), f"{where}: date"


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=lambda p: p.name)
def test_toponym_surfaces_occur_in_their_documents(folder):
    texts = _texts(folder)
    for t in _rows(folder, "toponyms.jsonl"):
        where = f"{folder.name}/{t['doc']}/{t['surface']}"
        assert t["surface"].lower() in texts[t["doc"]].lower(), f"{where}: surface not in text"
        assert isinstance(t["vague"], bool), f"{where}: vague must be a bool"
        assert (t["lat"] is None) == (t["lon"] is None), f"{where}: lat/lon come together"
