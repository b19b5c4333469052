"""The server and the report on any store: a Dataset coded in memory is served and reported, and the
web database copied into the in-memory store answers every endpoint exactly as the SQLite file does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import frontlines
from frontlines.report import ReportRequest, write_report
from frontlines.store.memory import MemoryStore
from frontlines.store.protocol import Store
from frontlines.web.app import ServerSettings, create_app

#: written for this test (not from any corpus)
RETAKEN = "Government forces recaptured the town of Khanasser from Islamic State fighters on Tuesday, the army said."
HOSTILE = ("Russian jets bombed a market in Maarat al-Numan <script>alert(1)</script> on Sunday, killing 12 "
           "civilians, activists said.")


def copy_into(source: Store, target: Store) -> None:
    """Every record of ``source`` into ``target``, through the Store protocol."""
    mentions: dict[str, list[Any]] = {}
    for mention in source.mentions():
        mentions.setdefault(mention.doc_id, []).append(mention)
    for article in source.articles():
        target.save_document(article, source.segments(article.id), mentions.get(article.id, []),
                             source.claims(article.id))
    target.replace_events(source.events(), source.control_periods())
    target.replace_situation(source.territorial_facts(), source.sieges())
    target.save_control_imports(source.control_imports())


@pytest.fixture(scope="module")
def coded() -> Iterator[frontlines.Dataset]:
    with frontlines.code([{"id": "r-1", "text": RETAKEN, "published": "2016-03-30"}, {"id": "r-2", "text": HOSTILE, "published": "2016-03-27",
                                    "outlet": "<img src=x onerror=alert(3)>", "title": "Market struck"}]) as data:
        yield data


def test_a_dataset_coded_in_memory_is_served(coded: frontlines.Dataset) -> None:
    with TestClient(create_app(coded, ServerSettings(rate_limit=0))) as client:
        page = client.get("/api/events").json()
        assert page["total"] == len(coded.events) >= 2
        assert {e["id"] for e in page["items"]} == {e.id for e in coded.events}
        retaken = next(e for e in page["items"] if e["location"] == "Khanasser")
        detail = client.get(f"/api/events/{retaken['id']}").json()
        assert [c["sentence"] for c in detail["claims"]] == [RETAKEN]
        bombed = next(e for e in page["items"] if e["location"] == "Maarat al-Numan")
        claim = client.get(f"/api/events/{bombed['id']}").json()["claims"][0]
        assert "<script>alert(1)</script>" in claim["sentence"]  # data in JSON, never markup
        document = client.get(f"/api/documents/{claim['doc_id']}").json()
        assert document["text"][claim["start"]:claim["end"]] == claim["sentence"]
        assert client.get("/api/facets").json()["counts"]["events"] == len(coded.events)
        assert client.get("/api/info").json()["database"] == "memory:"
        assert client.get("/api/events/nope").status_code == 404
        assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_a_dataset_coded_in_memory_is_reported(coded: frontlines.Dataset, tmp_path: Path) -> None:
    out = tmp_path / "memory.html"
    written = write_report(coded, ReportRequest(date_from="2016-01-01", date_to="2017-12-31"), out)
    html = out.read_text(encoding="utf-8")
    assert written.events == len(coded.events) and "Khanasser" in html and "memory:" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(3)&gt;" in html  # the outlet, escaped


def _urls(client: TestClient) -> list[str]:
    """Every endpoint, with the filters and ids of the served data."""
    events = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 500, "offset": offset}).json()
        events += page["items"]
        offset = page["next_offset"]
    docs = client.get("/api/documents", params={"limit": 500}).json()["items"]
    facets = client.get("/api/facets").json()
    actor = facets["actors"][0]["name"]
    outlet = facets["outlets"][0]
    urls = ["/api/events?limit=500", "/api/events?limit=7&offset=11", "/api/events.geojson",
            "/api/events?type=Battles&status=asserted&status=reported", "/api/events?bbox=37,35.5,38.5,36.5",
            "/api/events?from=2017-06-01&to=2017-06-30", "/api/events?min_support=0.5&happened=true",
            f"/api/events?actor={actor}", f"/api/events?outlet={outlet}", "/api/events?admin1=Aleppo",
            "/api/documents?limit=500", f"/api/documents?outlet={outlet}", "/api/places?q=a", "/api/places?q=deir",
            "/api/control/changes?from=2000-01-01&to=2030-12-31", "/api/sieges", "/api/sieges?date=2016-06-01",
            "/api/sieges?from=2017-01-01&to=2017-12-31", "/api/outlets", "/api/summary", "/api/summary?type=Battles",
            "/api/facets"]
    urls += [f"/api/control?date={day}" for day in ("2000-01-01", "2016-06-01", "2017-06-15", "2030-01-01")]
    urls += [f"/api/events/{e['id']}" for e in events[::4]]  # a sample, to stay quick
    urls += [f"/api/documents/{d['id']}" for d in docs[::2]]
    return urls


def test_the_memory_store_answers_every_endpoint_as_sqlite(web_dataset: frontlines.Dataset) -> None:
    memory = MemoryStore()
    copy_into(web_dataset.store, memory)
    settings = ServerSettings(rate_limit=0)
    with TestClient(create_app(web_dataset, settings)) as sqlite_client, \
            TestClient(create_app(frontlines.Dataset(memory), settings)) as memory_client:
        urls = _urls(sqlite_client)
        # the fixed questions, and one event and one document of the served data at least
        assert len(urls) >= 28 and any(u.startswith("/api/events/ev-") for u in urls)
        assert any(u.startswith("/api/documents/") and "?" not in u for u in urls)
        for url in urls:
            expected = sqlite_client.get(url)
            assert expected.status_code == 200, url
            assert memory_client.get(url).json() == expected.json(), url
