"""The REST API in-process: every endpoint, the one error shape, the limits, read-only opening."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import HOSTILE_META

import frontlines
from frontlines.errors import StoreError
from frontlines.web.app import ServerSettings, create_app

STANDINGS = {"asserted", "reported", "alleged", "denied", "expected", "hypothetical", "background"}


def test_the_api_knows_every_standing() -> None:
    from typing import get_args

    from frontlines.store.views import FACTUAL
    from frontlines.taxonomy import HAPPENED_STANDINGS, Standing
    from frontlines.web import models

    assert set(get_args(models.Standing)) == {s.value for s in Standing} == STANDINGS
    assert set(FACTUAL) == {s.value for s in HAPPENED_STANDINGS}


def _error(response, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code and body["error"]["message"]


def _all_events(client, page_size: int = 500, **params) -> list[dict]:  # type: ignore[no-untyped-def]
    items, offset = [], 0
    while offset is not None:
        page = client.get("/api/events", params={**params, "limit": page_size, "offset": offset}).json()
        items += page["items"]
        offset = page["next_offset"]
    return items


def _all_docs(client) -> list[dict]:  # type: ignore[no-untyped-def]
    items, offset = [], 0
    while offset is not None:
        page = client.get("/api/documents", params={"limit": 500, "offset": offset}).json()
        items += page["items"]
        offset = page["next_offset"]
    return items


def test_events_page_in_a_stable_order(client) -> None:  # type: ignore[no-untyped-def]
    whole = _all_events(client)
    assert client.get("/api/events", params={"limit": 1}).json()["total"] == len(whole) > 20
    paged = _all_events(client, page_size=37)
    assert [e["id"] for e in paged] == [e["id"] for e in whole]
    dated = [e["day_start"] for e in paged if e["day_start"]]
    assert dated == sorted(dated)
    assert all(e["status"] in STANDINGS for e in paged)


def test_event_filters(client) -> None:  # type: ignore[no-untyped-def]
    events = _all_events(client)
    battles = _all_events(client, type="Battles")
    assert battles and {e["event_type"] for e in battles} == {"Battles"}
    assert len(battles) == sum(e["event_type"] == "Battles" for e in events)
    counted = _all_events(client, status=["asserted", "reported"])
    assert {e["status"] for e in counted} <= {"asserted", "reported"}
    box = _all_events(client, bbox="37,35.5,38.5,36.5")
    assert box and all(37 <= e["longitude"] <= 38.5 and 35.5 <= e["latitude"] <= 36.5 for e in box)
    window = _all_events(client, **{"from": "2017-06-01", "to": "2017-06-30"})
    assert window and all(e["day_end"] >= "2017-06-01" and e["day_start"] <= "2017-06-30" for e in window)
    supported = _all_events(client, min_support=0.8)
    assert all(e["support"] >= 0.8 for e in supported) and len(supported) < len(events)
    actor = next(e["actor1"] for e in events if e["actor1"])
    by_actor = _all_events(client, actor=actor)
    assert by_actor and all(actor in (e["actor1"], e["actor2"]) for e in by_actor)
    outlet = next(e["sources"][0] for e in events if e["sources"])
    by_outlet = _all_events(client, outlet=outlet)
    assert by_outlet and all(outlet in e["sources"] for e in by_outlet)
    happened = _all_events(client, happened="true")
    assert all(e["happened"] for e in happened) and len(happened) < len(events)


def test_events_geojson(client) -> None:  # type: ignore[no-untyped-def]
    collection = client.get("/api/events.geojson", params={"type": "Battles"}).json()
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and feature["properties"]["event_type"] == "Battles"


def test_event_detail_has_claims_with_evidence(client) -> None:  # type: ignore[no-untyped-def]
    events = _all_events(client)
    multi = max(events, key=lambda e: e["corroboration"])
    detail = client.get(f"/api/events/{multi['id']}").json()
    assert detail["event"]["id"] == multi["id"] and detail["claims"]
    for claim in detail["claims"]:
        assert claim["status"] in STANDINGS and claim["sentence"]
        assert 0 <= claim["trigger_start"] < claim["trigger_end"] <= len(claim["sentence"])
        assert claim["sentence"][claim["trigger_start"]:claim["trigger_end"]] == claim["trigger"]
        document = client.get(f"/api/documents/{claim['doc_id']}").json()
        assert document["text"][claim["start"]:claim["end"]] == claim["sentence"]
        assert document["text"][:claim["start"]].endswith(claim["context_before"])
    corroboration = detail["corroboration"]
    assert corroboration["documents"] == multi["corroboration"]
    assert corroboration["supporting"] + corroboration["disputing"] + corroboration["not_counted"] == len(
        detail["claims"])


def test_documents_with_segments_and_claim_spans(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/api/documents", params={"limit": 3}).json()
    assert page["total"] > 3 and len(page["items"]) == 3 and page["next_offset"] == 3
    doc = client.get(f"/api/documents/{page['items'][0]['id']}").json()
    assert doc["segments"] and all(0 <= s["start"] <= s["end"] <= len(doc["text"]) for s in doc["segments"])
    with_claims = next(d for d in _all_docs(client) if d["claims"])
    doc = client.get(f"/api/documents/{with_claims['id']}").json()
    assert len(doc["claims"]) == with_claims["claims"]


def test_place_search(client) -> None:  # type: ignore[no-untyped-def]
    found = client.get("/api/places", params={"q": "maskanah"}).json()
    assert found["in_database"] and found["in_database"][0]["events"] >= 1
    assert found["gazetteer"] and found["gazetteer"][0]["score"] is not None
    assert client.get("/api/places", params={"q": "%_\\"}).status_code == 200  # LIKE wildcards are literal


def test_control_as_of_a_day_and_changes(client) -> None:  # type: ignore[no-untyped-def]
    changes = client.get("/api/control/changes", params={"from": "2000-01-01", "to": "2030-12-31"}).json()
    assert changes["features"], "the examples hold captures that open control periods"
    first = changes["features"][0]["properties"]
    before = client.get("/api/control", params={"date": "2000-01-01"}).json()["features"]
    after = client.get("/api/control", params={"date": first["start"]}).json()["features"]
    assert first["place_id"] not in {f["properties"]["place_id"] for f in before}
    held = [f for f in after if f["properties"]["place_id"] == first["place_id"]]
    assert held and held[0]["properties"]["actor"] == first["actor"] and held[0]["properties"]["evidence"]
    assert isinstance(held[0]["properties"]["contested"], bool)


def test_sieges_with_their_evidence_and_none_from_an_older_store(client, web_db: Path, tmp_path: Path) -> None:
    stored = client.get("/api/sieges").json()
    assert stored["type"] == "FeatureCollection"
    for feature in stored["features"]:
        assert feature["properties"]["place_id"] and isinstance(feature["properties"]["evidence"], list)
    copy = tmp_path / "sieges.db"
    shutil.copy(web_db, copy)
    conn = sqlite3.connect(copy)
    place = conn.execute("SELECT gazetteer_id FROM places LIMIT 1").fetchone()[0]
    claim, doc = conn.execute("SELECT id, doc_id FROM claims LIMIT 1").fetchone()
    conn.execute("DELETE FROM sieges")
    conn.execute("INSERT INTO territorial_facts (id, kind, place_id, claim_id, doc_id, status) "
                 "VALUES ('tf-test', 'siege', ?, ?, ?, 'asserted')", (place, claim, doc))
    conn.execute("INSERT INTO sieges (id, place_id, place_name, besieger, start, \"end\", facts) VALUES "
                 "('s1', ?, 'Town', 'Islamic State (Syria)', '2014-06-01', '2017-09-05', '[\"tf-test\"]')", (place,))
    conn.commit()
    conn.close()
    from fastapi.testclient import TestClient

    with frontlines.open(copy) as data, TestClient(create_app(data, ServerSettings(rate_limit=0))) as other:
        during = other.get("/api/sieges", params={"date": "2016-01-01"}).json()["features"]
        assert [f["properties"]["besieger"] for f in during] == ["Islamic State (Syria)"]
        assert during[0]["properties"]["evidence"] == [claim] and during[0]["geometry"]["type"] == "Point"
        assert other.get("/api/sieges", params={"date": "2018-01-01"}).json()["features"] == []
        assert other.get("/api/sieges", params={"from": "2017-09-01", "to": "2017-12-31"}).json()["features"]
    conn = sqlite3.connect(copy)
    conn.execute("DROP TABLE sieges")
    conn.commit()
    conn.close()
    with frontlines.open(copy) as data, TestClient(create_app(data, ServerSettings(rate_limit=0))) as older:
        assert older.get("/api/sieges").json()["features"] == []


def test_outlets_summary_facets_info_basemap(client) -> None:  # type: ignore[no-untyped-def]
    outlets = client.get("/api/outlets").json()
    assert outlets and all(o["documents"] >= 1 for o in outlets)
    assert any(o["statements"] for o in outlets) or all(o["registered_as"] is None for o in outlets)
    summary = client.get("/api/summary").json()
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    assert summary["events"] == total == sum(c["count"] for c in summary["by_type"])
    assert sum(c["count"] for c in summary["by_week"]) == total
    weeks = [c["key"] for c in summary["by_week"] if c["key"]]
    assert weeks == sorted(weeks)
    battles = client.get("/api/summary", params={"type": "Battles"}).json()
    assert [c["key"] for c in battles["by_type"]] == ["Battles"]
    facets = client.get("/api/facets").json()
    assert facets["first_day"] <= facets["last_day"] and set(facets["statuses"]) <= STANDINGS
    info = client.get("/api/info").json()
    assert info["read_only"] is True and info["tiles"] is None
    basemap = client.get("/api/basemap").json()
    kinds = [f["properties"]["kind"] for f in basemap["features"]]
    assert kinds.count("country") == 1 and kinds.count("governorate") == 14


@pytest.mark.parametrize("path,status,code", [
    ("/api/events/no-such-event", 404, "not_found"),
    ("/api/documents/no-such-doc", 404, "not_found"),
    ("/no/such/page", 404, "not_found"),
    ("/api/events?limit=0", 422, "invalid_parameter"),
    ("/api/events?limit=501", 422, "invalid_parameter"),
    ("/api/events?offset=-1", 422, "invalid_parameter"),
    ("/api/events?bbox=1,2,3", 422, "invalid_parameter"),
    ("/api/events?bbox=10,0,5,1", 422, "invalid_parameter"),
    ("/api/events?bbox=nan,0,5,1", 422, "invalid_parameter"),
    ("/api/events?from=2016-13-45", 422, "invalid_parameter"),
    ("/api/events?from=2017-01-02&to=2017-01-01", 422, "invalid_parameter"),
    ("/api/events?status=rumoured", 422, "invalid_parameter"),
    ("/api/events?min_support=2", 422, "invalid_parameter"),
    ("/api/events.geojson?limit=5001", 422, "invalid_parameter"),
    ("/api/control?date=yesterday", 422, "invalid_parameter"),
    ("/api/control/changes?from=2017-01-01", 422, "invalid_parameter"),
    ("/api/sieges?from=2017-01-01", 422, "invalid_parameter"),
    ("/api/places", 422, "invalid_parameter"),
    ("/api/places?q=" + "x" * 101, 422, "invalid_parameter"),
])
def test_errors_have_one_shape(client, path: str, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    _error(client.get(path), status, code)


def test_writes_are_refused_and_bodies_limited(client) -> None:  # type: ignore[no-untyped-def]
    _error(client.post("/api/events", json={}), 405, "method_not_allowed")
    _error(client.delete("/api/events/x"), 405, "method_not_allowed")
    _error(client.post("/api/events", content=b"x" * (65 * 1024)), 413, "payload_too_large")
    _error(client.get("/api/events?type=" + "B" * 9000), 414, "uri_too_long")


def test_rate_limit(web_dataset) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(create_app(web_dataset, ServerSettings(rate_limit=1, burst=3))) as limited:
        statuses = [limited.get("/api/info").status_code for _ in range(5)]
        assert statuses[:3] == [200, 200, 200] and statuses[-1] == 429
        refused = limited.get("/api/info")
        _error(refused, 429, "rate_limited")
        assert refused.headers["retry-after"] == "1"


def test_security_headers_and_strict_csp(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/", "/api/info", "/docs", "/static/app.js", "/api/events/missing"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp and "unsafe" not in csp, path
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert client.get("/api/info").headers["cache-control"] == "no-store"


def test_tiles_only_when_asked(web_dataset) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    app = create_app(web_dataset, ServerSettings(tiles="https://{s}.tile.example.org/{z}/{x}/{y}.png",
                                    tiles_attribution="© example"))
    with TestClient(app) as online:
        csp = online.get("/").headers["content-security-policy"]
        assert "img-src 'self' data: https://*.tile.example.org" in csp
        assert online.get("/api/info").json()["tiles"].startswith("https://{s}.tile.example.org")


def test_page_and_docs_have_no_inline_script(client) -> None:  # type: ignore[no-untyped-def]
    import re

    for path in ("/", "/docs"):
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path  # every script is a file
        assert not re.search(r"\son[a-z]+\s*=", html, re.IGNORECASE), path  # no event-handler attributes
        assert "style=" not in html


def test_hostile_text_is_returned_as_data(client) -> None:  # type: ignore[no-untyped-def]
    docs = _all_docs(client)
    hostile = next(d for d in docs if d["source"].endswith("99_hostile.txt"))
    assert hostile["title"] == HOSTILE_META["title"] and hostile["outlet"] == HOSTILE_META["outlet"]
    response = client.get(f"/api/documents/{hostile['id']}")
    assert response.headers["content-type"] == "application/json"
    assert '<script>alert("xss")</script>' in response.json()["text"]
    assert response.json()["url"] == "javascript:alert(4)"


def test_the_database_is_opened_read_only(web_db: Path, client) -> None:  # type: ignore[no-untyped-def]
    before = hashlib.sha256(web_db.read_bytes()).hexdigest()
    for path in ("/api/events", "/api/summary", "/api/facets", "/api/outlets", "/api/control"):
        assert client.get(path).status_code == 200
    with frontlines.open(web_db) as data:
        assert data.store.readonly
        with pytest.raises(StoreError, match="read-only"):
            data.store.replace_events([], [])
    assert hashlib.sha256(web_db.read_bytes()).hexdigest() == before


def test_bad_databases_fail_with_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        frontlines.open(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a frontlines database"):
        frontlines.open(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        frontlines.open(junk)


def test_the_server_and_the_report_fetch_nothing() -> None:
    """No module of the web layer, the report or the read views imports a network client."""
    import ast

    src = Path(__file__).resolve().parents[2] / "src" / "frontlines"
    clients = {"urllib.request", "http.client", "httpx", "httpx2", "requests", "socket", "aiohttp", "urllib3"}
    modules = [*(src / "web").rglob("*.py"), *(src / "report").rglob("*.py"),
               *(src / "store" / name for name in ("views.py", "sqlite_views.py", "generic_views.py"))]
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not [n for n in names if n in clients or n.split(".")[0] in {"httpx", "requests", "aiohttp"}], \
                (module.name, names)
