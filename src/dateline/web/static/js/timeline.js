// Timeline: events per period stacked by type (bars), fatalities as a line; drag to set the time range.
import { getJSON } from "./api.js";
import { filterParams, current, update } from "./state.js";
import { el, svg, colour, legend } from "./util.js";

const H = 340, M = { top: 16, right: 48, bottom: 34, left: 44 };

export async function render(root) {
  const by = current().get("by") || "month";
  const data = await getJSON("/api/timeline", filterParams({ by }));
  const select = el("select", { id: "period", onchange: (ev) => update({ by: ev.target.value }) },
    ["day", "week", "month", "year"].map((p) => el("option", { value: p, selected: p === by }, p)));
  const total = data.periods.reduce((n, p) => n + p.events, 0);
  const deaths = data.periods.reduce((n, p) => n + p.fatalities, 0);
  const chart = el("div", { id: "chart" });
  root.append(el("section", { class: "panel" },
    el("div", { class: "toolbar" }, el("label", {}, "Per ", select),
      el("span", { class: "muted" }, `${total} events, ${deaths} fatalities in ${data.periods.length} ${by}s · drag across the bars to set the time range`)),
    chart));
  if (!data.periods.length) { chart.append(el("p", { class: "muted" }, "No dated events match these filters.")); return; }
  const types = [...new Set(data.periods.flatMap((p) => Object.keys(p.by_type)))].sort();
  chart.append(draw(data.periods, types, by, chart.clientWidth || 900));
  chart.append(legend(types), el("div", { class: "legend" }, el("span", {}, el("i", { style: "background:#1d2330;height:2px" }), "fatalities (right axis)")));
}

function draw(periods, types, by, width) {
  const w = width - M.left - M.right, h = H - M.top - M.bottom;
  const maxEvents = Math.max(1, ...periods.map((p) => p.events));
  const maxDeaths = Math.max(1, ...periods.map((p) => p.fatalities));
  const step = w / periods.length, bar = Math.max(1, step * 0.8);
  const y = (v) => h - (v / maxEvents) * h, yd = (v) => h - (v / maxDeaths) * h;
  const g = svg("g", { transform: `translate(${M.left},${M.top})` });
  periods.forEach((p, i) => {
    let base = 0;
    for (const t of types) {
      const n = p.by_type[t] || 0;
      if (!n) continue;
      g.append(svg("rect", { x: i * step + (step - bar) / 2, y: y(base + n), width: bar, height: y(base) - y(base + n), fill: colour(t) },
        svg("title", {}, `${p.period}: ${n} ${t}`)));
      base += n;
    }
  });
  const line = periods.map((p, i) => `${i ? "L" : "M"}${(i + 0.5) * step},${yd(p.fatalities)}`).join("");
  g.append(svg("path", { d: line, fill: "none", stroke: "#1d2330", "stroke-width": 1.5, class: "fatalities" }));
  g.append(axes(periods, step, h, w, maxEvents, maxDeaths));
  const brush = svg("rect", { class: "brush", y: 0, height: h, width: 0, x: 0, visibility: "hidden" });
  const overlay = svg("rect", { class: "overlay", width: w, height: h, fill: "transparent", style: "cursor:crosshair" });
  g.append(brush, overlay);
  attachBrush(overlay, brush, periods, step, by);
  return svg("svg", { width, height: H, viewBox: `0 0 ${width} ${H}`, xmlns: "http://www.w3.org/2000/svg", "font-family": "sans-serif" }, g);
}

function axes(periods, step, h, w, maxEvents, maxDeaths) {
  const g = svg("g", { class: "axis" });
  g.append(svg("line", { x1: 0, x2: w, y1: h, y2: h }));
  const every = Math.ceil(periods.length / Math.max(1, Math.floor(w / 70)));
  periods.forEach((p, i) => {
    if (i % every) return;
    g.append(svg("text", { x: (i + 0.5) * step, y: h + 14, "text-anchor": "middle" }, p.period));
  });
  for (const f of [0, 0.5, 1]) {
    g.append(svg("text", { x: -6, y: h - f * h + 3, "text-anchor": "end" }, String(Math.round(f * maxEvents))));
    g.append(svg("text", { x: w + 6, y: h - f * h + 3 }, String(Math.round(f * maxDeaths))));
  }
  g.append(svg("text", { x: -M.left + 2, y: -4 }, "events"), svg("text", { x: w - 10, y: -4 }, "fatalities"));
  return g;
}

function attachBrush(overlay, brush, periods, step, by) {
  let start = null;
  const index = (ev) => {
    const box = overlay.getBoundingClientRect();
    const x = (ev.clientX - box.left) * (overlay.width.baseVal.value / box.width);
    return Math.min(periods.length - 1, Math.max(0, Math.floor(x / step)));
  };
  const show = (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    brush.setAttribute("x", lo * step);
    brush.setAttribute("width", (hi - lo + 1) * step);
    brush.setAttribute("visibility", "visible");
  };
  overlay.addEventListener("mousedown", (ev) => { start = index(ev); show(start, start); ev.preventDefault(); });
  overlay.addEventListener("mousemove", (ev) => { if (start !== null) show(start, index(ev)); });
  const finish = (ev) => {
    if (start === null) return;
    const end = index(ev);
    const [lo, hi] = start <= end ? [start, end] : [end, start];
    start = null;
    update({ date_from: firstDay(periods[lo].period, by), date_to: lastDay(periods[hi].period, by) });
  };
  overlay.addEventListener("mouseup", finish);
  overlay.addEventListener("mouseleave", (ev) => { if (start !== null) finish(ev); });
}

// Period labels as ISO days: 2008 → 2008-01-01 / 2008-12-31, 2008-03, 2008-W13, 2008-03-25.
function weekMonday(period) {
  const [year, week] = period.split("-W").map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return monday;
}
const iso = (d) => d.toISOString().slice(0, 10);

export function firstDay(period, by) {
  if (by === "week") return iso(weekMonday(period));
  if (by === "year") return `${period}-01-01`;
  if (by === "month") return `${period}-01`;
  return period;
}

export function lastDay(period, by) {
  if (by === "week") { const d = weekMonday(period); d.setUTCDate(d.getUTCDate() + 6); return iso(d); }
  if (by === "year") return `${period}-12-31`;
  if (by === "month") { const [y, m] = period.split("-").map(Number); return iso(new Date(Date.UTC(y, m, 0))); }
  return period;
}
