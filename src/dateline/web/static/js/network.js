// Actor network: actors as nodes (sized by events), edges for events between two actors
// (width by count, coloured by the commonest type). Layout: a small force simulation in the page.
import { getJSON } from "./api.js";
import { filterParams, update } from "./state.js";
import { el, svg, colour, legend } from "./util.js";

const H = 520;

export async function render(root) {
  const data = await getJSON("/api/network", filterParams());
  const chart = el("div", { id: "chart" });
  root.append(el("section", { class: "panel" },
    el("div", { class: "toolbar muted" },
      `${data.nodes.length} actors${data.truncated ? ` (the ${data.nodes.length} busiest of ${data.actors_total})` : ""}, ${data.edges.length} links · click an actor to filter by it`),
    chart));
  if (!data.nodes.length) { chart.append(el("p", { class: "muted" }, "No events with actors match these filters.")); return; }
  const width = chart.clientWidth || 900;
  const pos = layout(data.nodes, data.edges, width, H);
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
  const maxNode = Math.max(1, ...data.nodes.map((n) => n.events));
  const g = svg("g");
  const arrow = svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 20, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
    svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#555" })));
  g.append(arrow);
  for (const e of data.edges) {
    const a = pos[e.source], b = pos[e.target];
    g.append(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour(e.main_type), "stroke-opacity": 0.7,
      "stroke-width": 1 + 5 * Math.sqrt(e.events / maxEdge), class: "edge", "marker-end": "url(#arrow)" },
      svg("title", {}, `${e.source} → ${e.target}: ${e.events} events (${Object.entries(e.by_type).map(([t, n]) => `${n} ${t}`).join(", ")})`)));
  }
  for (const n of data.nodes) {
    const p = pos[n.id], r = 4 + 14 * Math.sqrt(n.events / maxNode);
    g.append(svg("g", { class: "node", transform: `translate(${p.x},${p.y})`, "data-actor": n.id },
      svg("circle", { r, fill: colour(n.main_type), onclick: () => update({ actor: n.id, view: "events" }) },
        svg("title", {}, `${n.id}: ${n.events} events, ${n.fatalities} fatalities`)),
      svg("text", { x: r + 3, y: 3 }, n.id.length > 28 ? n.id.slice(0, 27) + "…" : n.id)));
  }
  chart.append(svg("svg", { width, height: H, viewBox: `0 0 ${width} ${H}`, xmlns: "http://www.w3.org/2000/svg", "font-family": "sans-serif" }, g));
  const types = [...new Set(data.edges.map((e) => e.main_type).concat(data.nodes.map((n) => n.main_type)))].sort();
  chart.append(legend(types));
}

// Fruchterman–Reingold with a deterministic start (a circle), so the same data gives the same picture.
function layout(nodes, edges, width, height) {
  const pos = {};
  const n = nodes.length, k = Math.sqrt((width * height) / Math.max(1, n)) * 0.6;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / n;
    pos[node.id] = { x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle), dx: 0, dy: 0 };
  });
  let temp = width / 10;
  for (let iter = 0; iter < 250; iter++) {
    for (const a of nodes) { pos[a.id].dx = 0; pos[a.id].dy = 0; }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = pos[nodes[i].id], b = pos[nodes[j].id];
      const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01, d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (k * k) / d;
      a.dx += (dx / d) * f; a.dy += (dy / d) * f; b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
    }
    for (const e of edges) {
      const a = pos[e.source], b = pos[e.target];
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      a.dx -= (dx / d) * f; a.dy -= (dy / d) * f; b.dx += (dx / d) * f; b.dy += (dy / d) * f;
    }
    for (const node of nodes) {
      const p = pos[node.id], d = Math.max(0.01, Math.hypot(p.dx, p.dy));
      p.x += (p.dx / d) * Math.min(d, temp); p.y += (p.dy / d) * Math.min(d, temp);
      p.x += (width / 2 - p.x) * 0.01; p.y += (height / 2 - p.y) * 0.01; // gentle gravity keeps loose actors in view
      p.x = Math.min(width - 120, Math.max(20, p.x)); p.y = Math.min(height - 20, Math.max(20, p.y));
    }
    temp *= 0.98;
  }
  return pos;
}
