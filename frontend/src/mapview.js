// The Leaflet map: offline outlines (online tiles only when the server was started with them),
// event markers coloured by type, towns coloured by who holds them, contested ones ringed.
import L from "leaflet";
import { el, slug } from "./dom.js";
import { COUNTED, sideColor, typeColor } from "./colors.js";

function escapeText(text) {
  // Leaflet's attribution control takes markup; the strings we give it are escaped first.
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class MapView {
  constructor(container, { onEvent, onTown, onSiege }) {
    this.onEvent = onEvent;
    this.onTown = onTown;
    this.onSiege = onSiege;
    this.map = L.map(container, { zoomSnap: 0.5, minZoom: 5, maxZoom: 14 }).setView([35.0, 38.5], 7);
    this.map.attributionControl.setPrefix("Leaflet");
    this.map.createPane("basemap").style.zIndex = "350"; // under the markers (400), over online tiles (200)
    this.eventLayer = L.layerGroup().addTo(this.map);
    this.townLayer = L.layerGroup().addTo(this.map);
    this.siegeLayer = L.layerGroup().addTo(this.map);
    this.markers = new Map();
  }

  setBasemap(collection) {
    L.geoJSON(collection, {
      interactive: false,
      pane: "basemap",
      style: (f) => (f.properties.kind === "country"
        ? { color: "#37474f", weight: 2, fillColor: "#f4f1ea", fillOpacity: 1, className: "basemap-country" }
        : { color: "#90a4ae", weight: 1, dashArray: "4 3", fill: false, className: "basemap-governorate" }),
    }).addTo(this.map);
    if (collection.attribution) this.map.attributionControl.addAttribution(escapeText(collection.attribution));
  }

  setTiles(url, attribution) {
    L.tileLayer(url, { maxZoom: 14, attribution: escapeText(attribution || "") }).addTo(this.map).bringToBack();
  }

  showEvents(features) {
    this.eventLayer.clearLayers();
    this.markers.clear();
    for (const f of features) {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const counted = COUNTED.has(p.status);
      const marker = L.circleMarker([lat, lon], {
        radius: 5 + Math.min(6, Math.sqrt(p.fatalities || 0)),
        color: counted ? "#263238" : typeColor(p.event_type),
        weight: counted ? 1 : 2,
        dashArray: counted ? null : "2 2",
        fillColor: typeColor(p.event_type),
        fillOpacity: counted ? 0.75 : 0.15,
        className: `event-marker type-${slug(p.event_type)} standing-${p.status}`,
      });
      marker.bindTooltip(el("span", {}, `${p.sub_event_type} — ${p.location || "?"} — ${p.event_date || "undated"}`));
      marker.on("click", () => this.onEvent(f.id));
      marker.addTo(this.eventLayer);
      marker.getElement()?.setAttribute("data-event-id", f.id);
      this.markers.set(f.id, marker);
    }
  }

  showTowns(features) {
    this.townLayer.clearLayers();
    for (const f of features) {
      if (!f.geometry) continue;
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const classes = `town-marker side-${slug(p.side)}${p.contested ? " contested" : ""}`;
      const icon = L.divIcon({ className: classes, iconSize: [14, 14] });
      const title = `${p.place_name || p.place_id}: ${p.actor}${p.contested ? " (contested)" : ""}`;
      const marker = L.marker([lat, lon], { icon, title, alt: title, keyboard: true, zIndexOffset: 500 });
      marker.on("add", () => {
        const node = marker.getElement();
        node.style.backgroundColor = sideColor(p.side);
        node.setAttribute("data-place-id", p.place_id);
        node.setAttribute("data-actor", p.actor);
      });
      marker.on("click", () => this.onTown(p));
      marker.addTo(this.townLayer);
    }
  }

  showSieges(features) {
    this.siegeLayer.clearLayers();
    for (const f of features) {
      if (!f.geometry) continue;
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const ring = L.circleMarker([lat, lon], {
        radius: 16, color: "#d50000", weight: 2, dashArray: "5 4", fill: false, className: "siege-marker",
      });
      ring.bindTooltip(el("span", {}, `Siege of ${p.place_name || p.place_id}`
        + `${p.besieger ? ` by ${p.besieger}` : ""} since ${p.start || "?"}${p.end ? `, until ${p.end}` : ""}`));
      ring.on("click", () => this.onSiege(p));
      ring.addTo(this.siegeLayer);
    }
  }

  select(id) {
    for (const [key, marker] of this.markers) {
      marker.getElement()?.classList.toggle("selected", key === id);
    }
    const marker = this.markers.get(id);
    if (marker) marker.bringToFront();
  }

  flyTo(lat, lon, zoom = 10) { this.map.setView([lat, lon], zoom); }
}
