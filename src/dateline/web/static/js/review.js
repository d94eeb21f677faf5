// The analyst's desk: review state, history and controls on an incident, and the review queue
// (keyboard: j/n next, k/p previous, a accept, r reject, m merge, s split, e edit, Enter open).
import { currentSession, getJSON, postJSON } from "./api.js";
import { current, update } from "./state.js";
import { el } from "./util.js";

const USER_KEY = "dateline.user";
let queueKeys = null;  // the one keydown handler of the rendered queue (a re-render replaces it)
const EDITABLE = ["event_type", "sub_event_type", "actor1", "actor2", "date_start", "date_end", "location", "admin1",
  "fatalities", "latitude", "longitude"];

function who() {
  const session = currentSession();
  if (session.user || session.login_required) return session.user;  // the server records the logged-in user
  let name = localStorage.getItem(USER_KEY) || "";
  if (!name) {
    name = (prompt("Your name (recorded with each decision)") || "").trim();
    if (name) localStorage.setItem(USER_KEY, name);
  }
  return name;
}

export async function decide(id, action, data = {}) {
  return postJSON(`/api/incidents/${encodeURIComponent(id)}/${action}`, { user: who(), ...data });
}

function historyList(review) {
  if (!review.history.length) return el("p", { class: "muted" }, "No decisions yet.");
  return el("ol", { id: "review-history" }, review.history.map((d) => el("li", { class: d.in_force ? "" : "muted", "data-action": d.action },
    `${d.at || ""} ${d.author}: ${d.action}`, d.field ? ` ${d.field} = ${JSON.stringify(d.after)}` : "",
    d.target ? ` (${d.target})` : "", d.reason ? ` — ${d.reason}` : "", d.in_force ? "" : " (undone)")));
}

// The review panel of an incident page; ``after`` re-renders the page once a decision is written.
export async function reviewPanel(id, after) {
  const review = await getJSON(`/api/incidents/${encodeURIComponent(id)}/review`);
  const status = el("span", { id: "review-status", class: `status-${review.status}` }, review.status);
  const act = (action, data) => decide(review.incident_id, action, data).then(after).catch((err) => alert(err.message));
  const field = el("select", { name: "field" }, EDITABLE.map((f) => el("option", { value: f }, f)));
  const value = el("input", { name: "value", size: 18, placeholder: "new value" });
  const controls = el("div", { class: "toolbar", id: "review-controls" },
    el("button", { type: "button", id: "review-accept", onclick: () => act("accept") }, "Accept"),
    el("button", { type: "button", id: "review-reject", onclick: () => { const r = prompt("Why reject?"); if (r) act("reject", { reason: r }); } }, "Reject…"),
    el("form", { id: "review-edit", onsubmit: (ev) => { ev.preventDefault(); act("edit", { values: { [field.value]: value.value } }); } },
      field, value, el("button", { type: "submit" }, "Edit")),
    el("button", { type: "button", id: "review-merge", onclick: () => { const o = prompt("Merge with incident id"); if (o) act("merge", { other: o.trim() }); } }, "Merge…"),
    el("button", { type: "button", id: "review-note", onclick: () => { const t = prompt("Note"); if (t) act("note", { text: t }); } }, "Note…"),
    el("button", { type: "button", id: "review-undo", onclick: () => act("undo") }, "Undo last"));
  const conflicts = review.conflicts.length
    ? el("ul", { id: "review-conflicts" }, review.conflicts.map((c) => el("li", {}, `${c.field}: kept ${JSON.stringify(c.held)}, machine now ${JSON.stringify(c.machine_now)}`)))
    : "";
  return el("section", { class: "panel", id: "review" }, el("h3", {}, "Review: ", status, review.by ? ` by ${review.by}` : ""),
    controls, conflicts, el("h4", {}, "History"), historyList(review));
}

export async function renderQueue(root) {
  const data = await getJSON("/api/incidents/queue", new URLSearchParams({ limit: "200" }));
  let at = Math.min(Number(current().get("at") || 0), Math.max(0, data.items.length - 1));
  const rows = data.items.map((item, i) => el("tr", { class: "clickable", "data-incident": item.incident_id, "data-index": i,
    onclick: () => { at = i; mark(); } },
    el("td", {}, item.status), el("td", {}, item.date_start || "?"), el("td", {}, item.event_type), el("td", {}, item.location || ""),
    el("td", {}, item.admin1 || ""), el("td", {}, item.fatalities ?? ""), el("td", {}, String(item.sources.length)),
    el("td", { class: "muted" }, item.reasons.join("; "))));
  let mergeFrom = null;  // the row marked with m, waiting for the incident to merge it with
  const hint = el("span", { id: "queue-merge-hint", class: "muted" });
  const mark = () => rows.forEach((r, i) => {
    r.classList.toggle("selected", i === at);
    r.classList.toggle("merge-from", r === mergeFrom);
    if (i === at) r.scrollIntoView({ block: "nearest" });
  });
  const open = () => rows[at] && update({ view: "event", id: rows[at].dataset.incident });
  const act = async (action, data) => {
    const row = rows[at];
    if (!row) return;
    try {
      await decide(row.dataset.incident, action, data);
      update({ view: "queue", at: String(at) }, { replace: true });
    } catch (err) { alert(err.message); }
  };
  // m on one row marks it, m on another merges the two (Escape lets go of the mark)
  const merge = async () => {
    const row = rows[at];
    if (!row) return;
    if (!mergeFrom || mergeFrom === row) {
      mergeFrom = mergeFrom === row ? null : row;
      hint.textContent = mergeFrom ? "Marked for merging: select the incident to merge it with and press m (Esc cancels)." : "";
      mark();
      return;
    }
    const other = row.dataset.incident, from = mergeFrom;
    mergeFrom = null;
    hint.textContent = "";
    at = Math.min(Number(from.dataset.index), at);
    try {
      await decide(from.dataset.incident, "merge", { other });
      update({ view: "queue", at: String(at) }, { replace: true });
    } catch (err) { alert(err.message); mark(); }
  };
  // s takes one report out of the selected incident: which one is asked by number
  const split = async () => {
    const row = rows[at];
    if (!row) return;
    try {
      const detail = await getJSON(`/api/events/${encodeURIComponent(row.dataset.incident)}`);
      const mentions = (detail.incident && detail.incident.mentions) || [];
      if (mentions.length < 2) { alert("This incident has a single mention: nothing to split from."); return; }
      const lines = mentions.map((m, i) => `${i + 1}: ${m.outlet || m.document_id} — ${(m.evidence_text || "").slice(0, 90)}`);
      const chosen = prompt(`Split out the report of which mention?\n${lines.join("\n")}`);
      const pick = mentions[Number(chosen) - 1];
      if (pick) await act("split", { mention: pick.event_id });
    } catch (err) { alert(err.message); }
  };
  const keys = (ev) => {
    if (document.body.dataset.view !== "queue") return;
    if (ev.target.closest("input, select, textarea")) return;
    const k = ev.key;
    if (k === "j" || k === "n") { at = Math.min(at + 1, rows.length - 1); mark(); }
    else if (k === "k" || k === "p") { at = Math.max(at - 1, 0); mark(); }
    else if (k === "a") act("accept");
    else if (k === "r") { const r = prompt("Why reject?"); if (r) act("reject", { reason: r }); }
    else if (k === "m") merge();
    else if (k === "s") split();
    else if (k === "Escape" && mergeFrom) { mergeFrom = null; hint.textContent = ""; mark(); }
    else if (k === "e" || k === "Enter") open();
    else return;
    ev.preventDefault();
  };
  if (queueKeys) document.removeEventListener("keydown", queueKeys);
  queueKeys = keys;
  document.addEventListener("keydown", keys);
  const toolbar = el("div", { class: "toolbar", id: "queue-controls" },
    el("button", { type: "button", id: "queue-accept", onclick: () => act("accept") }, "Accept (a)"),
    el("button", { type: "button", id: "queue-reject", onclick: () => { const r = prompt("Why reject?"); if (r) act("reject", { reason: r }); } }, "Reject… (r)"),
    el("button", { type: "button", id: "queue-merge", onclick: merge }, "Merge (m)"),
    el("button", { type: "button", id: "queue-split", onclick: split }, "Split… (s)"),
    el("button", { type: "button", id: "queue-open", onclick: open }, "Open (e)"), hint);
  root.append(el("section", { class: "panel" },
    el("p", { class: "muted" }, `${data.items.length} incidents to review. Keys: j/n next, k/p previous, a accept, r reject, `
      + "m merge (mark one, then m on the other), s split a report out, e or Enter open to edit."),
    data.items.length ? toolbar : "",
    data.items.length ? el("table", { class: "events", id: "queue" },
      el("thead", {}, el("tr", {}, ["status", "date", "type", "place", "province", "deaths", "sources", "why"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)) : el("p", { class: "muted" }, "Nothing to review.")));
  mark();
}
