// The analyst's desk: one filter bar kept in the URL, six views, exports of data and charts.
import { getJSON } from "./api.js";
import { FILTERS, current, update } from "./state.js";
import { el } from "./util.js";
import * as timeline from "./timeline.js";
import * as mapView from "./map.js";
import * as network from "./network.js";
import * as lists from "./lists.js";
import * as documents from "./documents.js";
import * as review from "./review.js";
import { exportChart } from "./export.js";
import { initSession } from "./session.js";

const VIEWS = {
  timeline: (root) => timeline.render(root),
  map: (root) => mapView.render(root, config),
  network: (root) => network.render(root),
  onthisday: (root) => lists.renderOnThisDay(root),
  events: (root) => lists.renderEvents(root),
  event: (root) => lists.renderEvent(root),
  documents: (root) => documents.render(root),
  queue: (root) => review.renderQueue(root),
};
const CHART_VIEWS = new Set(["timeline", "network"]);
let config = { tiles: null };
let generation = 0;

async function loadFacets() {
  const facets = await getJSON("/api/facets");
  fillSelect(document.querySelector("[name=admin1]"), facets.provinces);
  fillSelect(document.querySelector("[name=event_type]"), facets.event_types);
  document.getElementById("status").textContent = facets.date_min
    ? `${facets.event_types.reduce((n, t) => n + t.events, 0)} events, ${facets.date_min} to ${facets.date_max}` : "no events yet";
}

function fillSelect(select, items) {
  const keep = select.value;
  select.replaceChildren(el("option", { value: "" }, "all"), ...items.map((i) => el("option", { value: i.name }, `${i.name} (${i.events})`)));
  select.value = keep;
}

function syncForm() {
  const params = current();
  const form = document.getElementById("filters");
  for (const name of FILTERS) {
    const input = form.elements[name];
    if (input.type === "checkbox") input.checked = params.get(name) === "true";
    else {
      const value = params.get(name) || "";
      if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) input.append(el("option", { value }, value));
      input.value = value;
    }
  }
}

function exportLinks() {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (current().get(name)) params.set(name, current().get(name));
  document.getElementById("export-csv").href = `/api/export/events.csv?${params}`;
  document.getElementById("export-geojson").href = `/api/export/events.geojson?${params}`;
}

async function render() {
  const mine = ++generation;
  const view = current().get("view") || "timeline";
  syncForm();
  exportLinks();
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.view === view);
  for (const id of ["export-svg", "export-png"]) document.getElementById(id).hidden = !CHART_VIEWS.has(view);
  const root = document.getElementById("view");
  const errorBox = document.getElementById("error");
  errorBox.hidden = true;
  const fresh = el("div", { id: `view-${view}` });
  root.replaceChildren(fresh);
  document.body.dataset.view = view;
  document.body.dataset.loading = "true";
  try {
    await (VIEWS[view] || VIEWS.timeline)(fresh);
  } catch (err) {
    if (mine !== generation) return;
    console.error(err);
    errorBox.textContent = (err && err.message) || String(err) + (err.hint ? ` (${err.hint})` : "");
    errorBox.hidden = false;
  } finally {
    if (mine === generation) document.body.dataset.loading = "false";
  }
}

function wire() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const changes = { offset: null };
    for (const name of FILTERS) {
      const input = form.elements[name];
      changes[name] = input.type === "checkbox" ? (input.checked ? "true" : null) : input.value.trim() || null;
    }
    if (current().get("view") === "event") changes.view = "events";
    update(changes);
  });
  for (const name of ["admin1", "role", "event_type", "flagged"]) form.elements[name].addEventListener("change", () => form.requestSubmit());
  document.getElementById("clear").addEventListener("click", () => {
    const changes = { offset: null };
    for (const name of FILTERS) changes[name] = null;
    update(changes);
  });
  document.getElementById("nav").addEventListener("click", (ev) => {
    const link = ev.target.closest("a[data-view]");
    if (!link) return;
    ev.preventDefault();
    update({ view: link.dataset.view, id: null, offset: null });
  });
  document.getElementById("export-svg").addEventListener("click", () => exportChart("svg", current().get("view") || "timeline"));
  document.getElementById("export-png").addEventListener("click", () => exportChart("png", current().get("view") || "timeline"));
  window.addEventListener("popstate", render);
  window.addEventListener("dateline:navigate", render);
  window.addEventListener("dateline:refresh", async () => { await loadFacets(); render(); });
}

async function boot() {
  wire();
  initSession();
  try {
    config = await getJSON("/api/config");
    await loadFacets();
  } catch (err) {
    document.getElementById("error").textContent = err.message;
    document.getElementById("error").hidden = false;
  }
  await render();
}

boot();
void update;
