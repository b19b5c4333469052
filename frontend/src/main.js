// The frontlines map page: filters, a time slider that replays the war day by day, the map and the
// evidence panel.  All data comes from the same server's /api; nothing is fetched from elsewhere
// unless the server was started with online tiles.

import { get } from "./api.js";
import { el, clear, slug } from "./dom.js";
import { COUNTED, STANDINGS, SIDE_COLORS, TYPE_COLORS, sideColor, typeColor } from "./colors.js";
import { MapView } from "./mapview.js";
import { openDocument, renderEvidence } from "./evidence.js";

const $ = (id) => document.getElementById(id);
const DAY_MS = 86400000;
const state = { first: null, days: 0, features: [], selected: null, timer: null, controlToken: 0 };

function dayAt(index) { return new Date(state.first.getTime() + index * DAY_MS).toISOString().slice(0, 10); }
function indexOf(day) { return Math.round((new Date(day + "T00:00:00Z") - state.first) / DAY_MS); }

function showError(error) {
  const box = $("evidence");
  clear(box).append(el("p", { class: "error", role: "alert" }, String(error.message || error)));
  box.hidden = false;
}

// -- filters ---------------------------------------------------------------------------------------
function check(name, value, label, checked) {
  const id = `f-${name}-${slug(value)}`;
  return el("label", { class: "check", for: id },
    el("input", { type: "checkbox", id, name, value, checked }), ` ${label}`);
}

function buildFilters(facets) {
  const types = $("f-types");
  for (const t of Object.keys(facets.event_types)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = typeColor(t);
    const box = check("type", t, t, true);
    box.prepend(swatch);
    types.append(box);
  }
  for (const s of STANDINGS) $("f-status").append(check("status", s, s, COUNTED.has(s)));
  for (const a of facets.actors) $("f-actor").append(el("option", { value: a.name }, a.name));
  for (const o of facets.outlets) $("f-outlet").append(el("option", { value: o }, o));
  $("f-support").addEventListener("input", (e) => { $("f-support-out").value = Number(e.target.value).toFixed(2); });
  $("filterform").addEventListener("submit", (e) => { e.preventDefault(); loadEvents().catch(showError); });
  $("filterform").addEventListener("reset", () => setTimeout(() => {
    $("f-support-out").value = "0.00";
    for (const box of document.querySelectorAll("#f-status input")) box.checked = COUNTED.has(box.value);
    loadEvents().catch(showError);
  }));
}

function filterParams() {
  const checked = (name) => [...document.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
  const types = checked("type");
  const all = document.querySelectorAll("input[name=type]").length;
  return {
    type: types.length === all ? [] : types.length ? types : ["(none)"],
    status: checked("status"),
    actor: $("f-actor").value, outlet: $("f-outlet").value,
    from: $("f-from").value, to: $("f-to").value,
    min_support: Number($("f-support").value) > 0 ? $("f-support").value : "",
  };
}

function buildLegend() {
  const legend = $("legend");
  const row = (color, label, cls) => {
    const swatch = el("span", { class: cls });
    swatch.style.backgroundColor = color;
    return el("li", {}, swatch, ` ${label}`);
  };
  legend.append(el("h3", {}, "Events (by type)"),
    el("ul", {}, Object.entries(TYPE_COLORS).map(([t, c]) => row(c, t, "swatch"))),
    el("p", { class: "muted" }, "Hollow, dashed: expected, hypothetical, background (history) or denied (never counted)."),
    el("h3", {}, "Towns (held by)"),
    el("ul", {}, Object.entries(SIDE_COLORS).map(([s, c]) => row(c, s, "swatch square")),
      row("#78909c", "other or unknown", "swatch square")),
    el("p", { class: "muted" }, "Ringed: contested (credible sources disagree who holds it)."),
    el("p", { class: "muted" }, "Dashed red circle: under siege on the date."));
}

// -- events, slider, list --------------------------------------------------------------------------
async function loadEvents() {
  const collection = await get("/api/events.geojson", filterParams());
  state.features = collection.features;
  const undated = state.features.filter((f) => !f.properties.day_start).length;
  $("shown").dataset.undated = String(undated);
  render();
}

function visible() {
  const day = dayAt(Number($("day").value));
  const span = Number($("window").value);
  const from = span ? dayAt(Number($("day").value) - span + 1) : null;
  return state.features.filter((f) => {
    const p = f.properties;
    if (!p.day_start || p.day_start > day) return false;
    return from === null || (p.day_end || p.day_start) >= from;
  });
}

function render() {
  const day = dayAt(Number($("day").value));
  $("daylabel").value = day;
  $("day").setAttribute("aria-valuetext", day);
  const shown = visible();
  state.map.showEvents(shown);
  if (state.selected) state.map.select(state.selected);
  const undated = Number($("shown").dataset.undated || 0);
  $("shown").textContent = `${shown.length} events shown${undated ? `, ${undated} undated not on the map` : ""}`;
  renderList(shown);
  scheduleControl(day);
}

function renderList(shown) {
  const list = clear($("eventlist"));
  const items = [...shown].sort((a, b) => (b.properties.day_start || "").localeCompare(a.properties.day_start || ""));
  $("listtitle").textContent = `Events shown (${shown.length})`;
  for (const f of items.slice(0, 200)) {
    const p = f.properties;
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = typeColor(p.event_type);
    list.append(el("li", {}, el("button", {
      type: "button", class: "eventitem", "data-event-id": f.id,
      on: { click: () => selectEvent(f.id) },
    }, swatch, el("span", { class: "when" }, p.event_date || "undated"), " ",
    el("span", { class: "what" }, `${p.sub_event_type} — ${p.location || "?"}`), " ",
    el("span", { class: `badge standing-${p.status}` }, p.status))));
  }
  if (items.length > 200) list.append(el("li", { class: "muted" }, `… and ${items.length - 200} more; narrow the filters`));
}

async function selectEvent(id) {
  state.selected = id;
  state.map.select(id);
  const detail = await get(`/api/events/${encodeURIComponent(id)}`);
  renderEvidence($("evidence"), detail, (docId, claimId) => openDocument($("docview"), docId, claimId).catch(showError));
}

// -- control of towns, fetched for the slider's day (at most one request in flight) -----------------
function scheduleControl(day) {
  state.pendingDay = day;
  if (state.controlBusy) return;
  state.controlBusy = true;
  setTimeout(async () => {
    try {
      while (state.controlDay !== state.pendingDay) {
        const want = state.pendingDay;
        const [towns, sieges] = await Promise.all([get("/api/control", { date: want }),
          get("/api/sieges", { date: want })]);
        state.map.showTowns(towns.features);
        state.map.showSieges(sieges.features);
        state.controlDay = want;
        $("map").dataset.controlDay = want;
      }
    } catch (error) { showError(error); } finally { state.controlBusy = false; }
  }, 120);
}

function townPanel(p) {
  const box = $("evidence");
  clear(box).append(
    el("h2", { tabindex: "-1", id: "evidence-title" }, p.place_name || p.place_id),
    el("p", {}, `Held by ${p.actor}${p.side ? ` (${p.side})` : ""} from ${p.start || "?"} to ${p.end || "now"}`
      + (p.allies && p.allies.length ? `, jointly with ${p.allies.join(", ")}` : "")
      + (p.previous_actor ? `, after ${p.previous_actor}` : "")),
    p.contested ? el("p", { class: "contradicted" }, "Contested on this date"
      + (p.rivals && p.rivals.length ? `: ${p.rivals.join(" / ")}` : ".")) : null,
    p.confidence != null ? el("p", { class: "muted" }, `confidence ${Number(p.confidence).toFixed(2)}`
      + (p.last_confirmed ? ` · last confirmed ${p.last_confirmed}` : "")
      + (p.origin && p.origin !== "derived" ? ` · ${p.origin}` : "")) : null,
    p.explanation ? el("p", { class: "muted" }, p.explanation) : null,
    el("h3", {}, `Evidence (${p.evidence.length} claims)`),
    el("ul", {}, p.evidence.map((claimId) => {
      const docId = claimId.split(":")[0];
      return el("li", {}, el("button", { type: "button", class: "opendoc",
        on: { click: () => openDocument($("docview"), docId, claimId).catch(showError) } }, `Document ${docId}`));
    })));
  box.hidden = false;
  box.querySelector("#evidence-title").focus();
}

function siegePanel(p) {
  const box = $("evidence");
  clear(box).append(
    el("h2", { tabindex: "-1", id: "evidence-title" }, `Siege of ${p.place_name || p.place_id}`),
    el("p", {}, `${p.besieger ? `Besieged by ${p.besieger}` : "Besieger unknown"}`
      + `${p.besieged ? `; held by ${p.besieged}` : ""}, from ${p.start || "?"} to ${p.end || "not reported lifted"}`
      + (p.end_cue ? ` (${p.end_cue})` : "")),
    el("h3", {}, `Evidence (${p.evidence.length} claims)`),
    el("ul", {}, p.evidence.map((claimId) => {
      const docId = claimId.split(":")[0];
      return el("li", {}, el("button", { type: "button", class: "opendoc",
        on: { click: () => openDocument($("docview"), docId, claimId).catch(showError) } }, `Document ${docId}`));
    })));
  box.hidden = false;
  box.querySelector("#evidence-title").focus();
}

// -- play / pause ----------------------------------------------------------------------------------
function togglePlay() {
  const button = $("play");
  if (state.timer) {
    clearInterval(state.timer);
    state.timer = null;
    button.textContent = "Play";
    button.setAttribute("aria-pressed", "false");
    return;
  }
  const slider = $("day");
  if (Number(slider.value) >= state.days) slider.value = "0";
  button.textContent = "Pause";
  button.setAttribute("aria-pressed", "true");
  state.timer = setInterval(() => {
    const next = Math.min(state.days, Number(slider.value) + Number($("speed").value));
    slider.value = String(next);
    render();
    if (next >= state.days) togglePlay();
  }, 150);
}

// -- places ----------------------------------------------------------------------------------------
async function findPlace(event) {
  event.preventDefault();
  const q = $("placeq").value.trim();
  const list = clear($("placeresults"));
  if (!q) return;
  const found = await get("/api/places", { q, limit: 8 });
  const places = [...found.in_database, ...found.gazetteer.filter((g) =>
    !found.in_database.some((d) => d.gazetteer_id === g.gazetteer_id))].slice(0, 8);
  if (!places.length) list.append(el("li", { class: "muted" }, "no place of that name"));
  for (const p of places) {
    list.append(el("li", {}, el("button", { type: "button", on: { click: () => {
      state.map.flyTo(p.latitude, p.longitude);
      clear(list);
    } } }, `${p.name} (${p.admin1 || "?"}, ${p.feature || "place"}) — ${p.events} events`)));
  }
}

// -- start -----------------------------------------------------------------------------------------
async function start() {
  state.map = new MapView($("map"), {
    onEvent: (id) => selectEvent(id).catch(showError), onTown: townPanel, onSiege: siegePanel,
  });
  const [info, facets, basemap] = await Promise.all([get("/api/info"), get("/api/facets"), get("/api/basemap")]);
  state.map.setBasemap(basemap);
  if (info.tiles) state.map.setTiles(info.tiles, info.tiles_attribution);
  $("dbinfo").textContent = `${info.database}: ${facets.counts.events || 0} events from `
    + `${facets.counts.articles || 0} documents, ${facets.first_day || "?"} to ${facets.last_day || "?"}`;
  buildFilters(facets);
  buildLegend();
  state.first = new Date((facets.first_day || new Date().toISOString().slice(0, 10)) + "T00:00:00Z");
  state.days = facets.last_day ? indexOf(facets.last_day) : 0;
  const slider = $("day");
  slider.max = String(state.days);
  slider.value = String(state.days);
  slider.addEventListener("input", render);
  $("window").addEventListener("change", render);
  $("play").addEventListener("click", togglePlay);
  $("placeform").addEventListener("submit", (e) => findPlace(e).catch(showError));
  $("docclose").addEventListener("click", () => $("docview").close());
  await loadEvents();
  document.body.dataset.ready = "true";
}

start().catch(showError);
