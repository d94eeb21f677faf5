// Map: places as points sized by fatalities and coloured by type, clustered when dense;
// events coded only to a province fill that province's outline (never a fake point).
import { getJSON } from "./api.js";
import { filterParams, update } from "./state.js";
import { el, colour, legend } from "./util.js";

let outlines = null; // the shipped GeoJSON, fetched once per page

async function loadOutlines() {
  if (!outlines) {
    const [countries, provinces] = await Promise.all([
      fetch("/static/outlines/countries.geojson").then((r) => r.json()),
      fetch("/static/outlines/provinces.geojson").then((r) => r.json()),
    ]);
    outlines = { countries, provinces };
  }
  return outlines;
}

export async function render(root, config) {
  const [data, shapes] = await Promise.all([getJSON("/api/map", filterParams()), loadOutlines()]);
  const box = el("div", { id: "map" });
  const nPoints = data.points.reduce((n, p) => n + p.events, 0);
  const nProv = data.provinces.reduce((n, p) => n + p.events, 0);
  const types = [...new Set([...data.points, ...data.provinces].flatMap((p) => Object.keys(p.by_type)))].sort();
  root.append(el("section", { class: "panel" },
    el("div", { class: "toolbar muted", id: "map-summary" },
      `${nPoints} events at ${data.points.length} places · ${nProv} events known only to the province (shaded) · ${data.country_only} only to the country`),
    box, legend(types)));
  const map = L.map(box, { worldCopyJump: true, minZoom: 2, maxZoom: 18 });
  if (config.tiles) L.tileLayer(config.tiles, { attribution: config.tile_attribution, maxZoom: 18 }).addTo(map);
  L.geoJSON(shapes.countries, { style: { color: "#5d6b82", weight: 1.2, fill: true, fillColor: "#f4f1ea", fillOpacity: config.tiles ? 0 : 0.7 } }).addTo(map);
  const byCode = Object.fromEntries(data.provinces.filter((p) => p.code).map((p) => [p.code, p]));
  const maxProv = Math.max(1, ...data.provinces.map((p) => p.events));
  L.geoJSON(shapes.provinces, {
    style: (f) => {
      const hit = byCode[f.properties.code];
      return hit
        ? { color: colour(hit.main_type), weight: 2, fillColor: colour(hit.main_type), fillOpacity: 0.15 + 0.45 * (hit.events / maxProv), className: "province-hit" }
        : { color: "#8a94a6", weight: 0.8, dashArray: "3", fillOpacity: 0 };
    },
    onEachFeature: (f, layer) => {
      const hit = byCode[f.properties.code];
      layer.bindTooltip(hit ? `${hit.admin1}: ${hit.events} province-level events, ${hit.fatalities} fatalities` : f.properties.name);
      if (hit) layer.on("click", () => update({ view: "events", admin1: hit.admin1 }));
    },
  }).addTo(map);
  const cluster = L.markerClusterGroup({ maxClusterRadius: 40, disableClusteringAtZoom: 11 });
  for (const p of data.points) {
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: 5 + Math.sqrt(p.fatalities) * 2, color: "#fff", weight: 1, fillColor: colour(p.main_type), fillOpacity: 0.85,
    });
    const lines = Object.entries(p.by_type).map(([t, n]) => `${n} × ${t}`).join("<br>");
    marker.bindPopup(`<b>${escape(p.location || "?")}</b> (${escape(p.admin1 || "")})<br>${p.events} events, ${p.fatalities} fatalities<br>${lines}`);
    cluster.addLayer(marker);
  }
  map.addLayer(cluster);
  // Frame the shipped provinces: one mis-geocoded point elsewhere must not zoom the map out to the world.
  map.fitBounds(L.geoJSON(shapes.provinces).getBounds().pad(0.1));
  box.dataset.ready = "true";
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}
