"""The map page in Debian's Chromium (headless, driven by Playwright), on the seeds and FA-KES dev:
markers, the time slider, the evidence panel, the control layer, keyboard use, and a hostile document
that stays inert text.  Screenshots go to out/screenshots/."""

from __future__ import annotations

import datetime as dt
import json
import urllib.request

import pytest
from conftest import HOSTILE_META, SCREENSHOTS


def _get(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=10) as response:  # loopback, our own test server
        return json.loads(response.read())


@pytest.fixture()
def page(browser, live_server: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    tab.problems = []  # console errors (a CSP violation among them), page errors, dialogs
    tab.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))
    tab.goto(live_server + "/")
    tab.wait_for_selector("body[data-ready=true]", timeout=20_000)
    yield tab
    context.close()


def _set_day(page, day: str) -> None:  # type: ignore[no-untyped-def]
    """Move the slider to ``day`` as a user dragging it would (an input event), and wait for the towns."""
    first = dt.date.fromisoformat(_get(page.url.rstrip("/"), "/api/facets")["first_day"])
    index = (dt.date.fromisoformat(day) - first).days
    page.evaluate("""index => {
        const slider = document.getElementById('day');
        slider.value = String(index);
        slider.dispatchEvent(new Event('input', {bubbles: true}));
    }""", index)
    assert page.locator("#daylabel").text_content() == day
    page.wait_for_selector(f"#map[data-control-day='{day}']", timeout=10_000)


def _towns(page) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(n.get_attribute("data-place-id"), n.get_attribute("data-actor")) for n in
            page.locator(".town-marker").element_handles()}


def test_map_draws_markers_and_towns(page) -> None:  # type: ignore[no-untyped-def]
    markers = page.locator("path.event-marker").count()
    assert markers > 100
    assert page.locator(".basemap-country").count() == 1 and page.locator(".basemap-governorate").count() == 14
    page.wait_for_selector(".town-marker")
    assert page.locator(".town-marker").count() > 0
    assert page.locator("#eventlist button.eventitem").count() == min(200, markers)
    page.screenshot(path=str(SCREENSHOTS / "map.png"))
    assert page.problems == []


def test_slider_changes_what_is_shown(page) -> None:  # type: ignore[no-untyped-def]
    at_end = page.locator("path.event-marker").count()
    last_day = page.locator("#daylabel").text_content()
    slider = page.locator("#day")
    slider.focus()
    page.keyboard.press("ArrowLeft")  # the arrows move the slider a day
    assert page.locator("#daylabel").text_content() < last_day
    _set_day(page, "2016-06-30")
    by_mid_2016 = page.locator("path.event-marker").count()
    assert 0 < by_mid_2016 < at_end
    page.select_option("#window", "30")
    last_month = page.locator("path.event-marker").count()
    assert 0 < last_month < by_mid_2016
    page.keyboard.press("Home")
    slider.press("Home")
    assert page.locator("path.event-marker").count() <= 1
    page.screenshot(path=str(SCREENSHOTS / "slider-start.png"))
    assert page.problems == []


def test_play_replays_day_by_day(page) -> None:  # type: ignore[no-untyped-def]
    page.locator("#day").press("Home")
    start = page.locator("#daylabel").text_content()
    page.click("#play")
    assert page.get_attribute("#play", "aria-pressed") == "true"
    label = page.locator("#daylabel")
    for _ in range(100):  # polled from here: the page's CSP forbids the evaluated predicates of wait_for_function
        if label.text_content() > start:
            break
        page.wait_for_timeout(50)
    assert label.text_content() > start
    page.click("#play")
    assert page.get_attribute("#play", "aria-pressed") == "false" and page.text_content("#play") == "Play"


def test_clicking_a_marker_opens_the_evidence_with_the_sentence(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.select_option("#window", "365")
    _set_day(page, "2017-06-30")
    target = page.evaluate("""() => {  // a marker that no town square or other marker covers
        for (const path of [...document.querySelectorAll('path.event-marker.standing-asserted')].reverse()) {
            const box = path.getBoundingClientRect();
            const x = box.x + box.width / 2, y = box.y + box.height / 2;
            if (document.elementFromPoint(x, y) === path) return {x, y, id: path.dataset.eventId};
        }
        return null;
    }""")
    assert target is not None
    page.mouse.click(target["x"], target["y"])
    page.wait_for_selector("#evidence mark.sentence", timeout=10_000)
    event_id = page.locator("path.event-marker.selected").get_attribute("data-event-id")
    assert event_id == target["id"]
    detail = _get(live_server, f"/api/events/{event_id}")
    sentences = page.locator("#evidence mark.sentence").all_text_contents()
    assert sentences == [c["sentence"] for c in detail["claims"]]
    badges = page.locator("#evidence .claim .badge").all_text_contents()
    assert badges == [c["status"] for c in detail["claims"]]
    assert page.locator("#evidence .corroboration").text_content().startswith(
        ("Contradicted. " if detail["corroboration"]["contradicted"] else "") + f"{detail['corroboration']['documents']} document")
    page.screenshot(path=str(SCREENSHOTS / "evidence.png"))
    page.locator("#evidence button.opendoc").first.click()
    page.wait_for_selector("#doc-highlight", timeout=10_000)
    assert page.locator("#doc-highlight").text_content() == detail["claims"][0]["sentence"]
    page.screenshot(path=str(SCREENSHOTS / "document.png"))
    page.click("#docclose")
    assert page.problems == []


def test_keyboard_enter_on_a_list_item_opens_its_evidence(page) -> None:  # type: ignore[no-untyped-def]
    item = page.locator("#eventlist button.eventitem").first
    item.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#evidence mark.sentence", timeout=10_000)
    assert page.evaluate("document.activeElement.id") == "evidence-title"


def test_control_layer_changes_with_the_date(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    changes = _get(live_server, "/api/control/changes?from=2000-01-01&to=2030-12-31")["features"]
    first = min(f["properties"]["start"] for f in changes)
    last = max(f["properties"]["start"] for f in changes)
    assert first < last
    _set_day(page, first)
    early = _towns(page)
    _set_day(page, last)
    late = _towns(page)
    assert early != late and late
    assert early == {(f["properties"]["place_id"], f["properties"]["actor"])
                     for f in _get(live_server, f"/api/control?date={first}")["features"] if f["geometry"]}
    sieges = [f for f in _get(live_server, f"/api/sieges?date={last}")["features"] if f["geometry"]]
    assert page.locator("path.siege-marker").count() == len(sieges)
    page.screenshot(path=str(SCREENSHOTS / "control.png"))


def test_hostile_document_is_inert(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.select_option("#window", "1")
    _set_day(page, "2017-06-03")
    item = page.locator("#eventlist button.eventitem", has_text="MASKANAH")
    item.first.click()
    page.wait_for_selector("#evidence mark.sentence", timeout=10_000)
    evidence = page.locator("#evidence")
    assert '<script>alert("xss")</script>' in evidence.locator("mark.sentence").first.text_content()
    assert evidence.locator("text=" + HOSTILE_META["title"]).count() == 1
    assert evidence.locator(".outlet").first.text_content() == HOSTILE_META["outlet"]
    assert evidence.locator(".url-text").first.text_content() == HOSTILE_META["url"]
    evidence.locator("button.opendoc").first.click()
    page.wait_for_selector("#doc-highlight", timeout=10_000)
    assert "<img src=x onerror=alert(1)>" in page.locator("#doctext").text_content()
    page.screenshot(path=str(SCREENSHOTS / "hostile.png"))
    injected = page.evaluate("""() => ({
        scripts: [...document.scripts].filter(s => !s.src.endsWith('/static/app.js')).length,
        images: document.querySelectorAll('img:not(.leaflet-tile)').length,
        jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
        handlers: [...document.querySelectorAll('*')].filter(n => [...n.attributes].some(a => /^on/i.test(a.name))).length,
    })""")
    assert injected == {"scripts": 0, "images": 0, "jsLinks": 0, "handlers": 0}
    assert page.problems == []
