// Small helpers shared by the views: element building, colours per event type, formatting.
const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
}

const PALETTE = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
const EXTRA = ["#2c3e50", "#d35400", "#27ae60", "#b7950b", "#6c3483", "#1f618d", "#a93226"];

export function colour(type) {
  if (PALETTE[type]) return PALETTE[type];
  let h = 0;
  for (const ch of String(type)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return EXTRA[h % EXTRA.length];
}

export function legend(types) {
  return el("div", { class: "legend" }, types.map((t) => el("span", {}, el("i", { style: `background:${colour(t)}` }), t)));
}

export function flags(e) {
  return ["negated", "hypothetical", "future", "background"].filter((f) => e[f]).join(", ");
}

export function eventLink(e) {
  const params = new URLSearchParams(location.search);
  params.set("view", "event");
  params.set("id", e.event_id);
  return `?${params}`;
}
