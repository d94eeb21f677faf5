// Event lists (filtered events, on this day) and the event detail with its evidence.
import { getJSON } from "./api.js";
import { current, filterParams, update } from "./state.js";
import { el, colour, flags, eventLink } from "./util.js";
import { reviewPanel } from "./review.js";

const PAGE = 100;

function eventTable(events) {
  return el("table", { class: "events" },
    el("thead", {}, el("tr", {}, ["date", "type", "sub-event", "actor 1", "actor 2", "place", "province", "deaths", ""].map((h) => el("th", {}, h)))),
    el("tbody", {}, events.map((e) => el("tr", { class: "clickable", "data-event": e.event_id, onclick: () => goEvent(e) },
      el("td", {}, e.date_start || "?"),
      el("td", {}, el("i", { style: `display:inline-block;width:.6rem;height:.6rem;background:${colour(e.event_type)};margin-right:.3rem` }), e.event_type),
      el("td", {}, e.sub_event_type), el("td", {}, e.actor1 || ""), el("td", {}, e.actor2 || ""),
      el("td", {}, e.location || ""), el("td", {}, e.admin1 || ""), el("td", {}, e.fatalities ?? ""),
      el("td", { class: "flag" }, flags(e))))));
}

function goEvent(e) {
  history.pushState(null, "", eventLink(e));
  window.dispatchEvent(new Event("dateline:navigate"));
}

export async function renderEvents(root) {
  const offset = Number(current().get("offset") || 0);
  const data = await getJSON("/api/events", filterParams({ limit: PAGE, offset }));
  const pager = el("div", { class: "toolbar" },
    el("span", { class: "muted", id: "event-count" }, `${data.total} events` + (data.total > PAGE ? `, ${offset + 1}–${Math.min(offset + PAGE, data.total)}` : "")),
    offset > 0 && el("button", { type: "button", onclick: () => update({ offset: Math.max(0, offset - PAGE) }) }, "‹ previous"),
    offset + PAGE < data.total && el("button", { type: "button", onclick: () => update({ offset: offset + PAGE }) }, "next ›"));
  root.append(el("section", { class: "panel" }, pager, data.events.length ? eventTable(data.events) : el("p", { class: "muted" }, "No events match these filters.")));
}

export async function renderOnThisDay(root) {
  const today = new Date();
  const chosen = current().get("day") || `${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  const data = await getJSON("/api/onthisday", filterParams({ day: chosen }));
  const input = el("input", { type: "text", id: "day", value: data.day, size: 6, pattern: "\\d{2}-\\d{2}", title: "MM-DD" });
  // a "This day in history" note of reviewed incidents, as text to copy into a site
  const markup = el("select", { id: "sidebar-markup" }, [["md", "Markdown"], ["html", "HTML"], ["text", "text"]].map(([v, t]) => el("option", { value: v }, t)));
  const note = el("textarea", { id: "sidebar-note", rows: 8, cols: 90, readonly: true, hidden: true });
  const showSidebar = async () => {
    const response = await fetch(`/api/onthisday/sidebar?${filterParams({ day: data.day, markup: markup.value })}`);
    note.value = await response.text();
    note.hidden = false;
  };
  const form = el("form", { class: "toolbar", onsubmit: (ev) => { ev.preventDefault(); update({ day: input.value }); } },
    el("label", {}, "Calendar day (MM-DD) ", input), el("button", { type: "submit" }, "Show"),
    el("button", { type: "button", onclick: () => update({ day: null }) }, "Today"),
    markup, el("button", { type: "button", id: "sidebar-button", onclick: showSidebar }, "Sidebar note"));
  const byYear = new Map();
  for (const e of data.events) {
    const year = e.date_start.slice(0, 4);
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year).push(e);
  }
  const body = data.events.length
    ? [...byYear.entries()].map(([year, evs]) => el("div", {}, el("div", { class: "year" }, `${year} (${evs.length})`), eventTable(evs)))
    : [el("p", { class: "muted" }, `No day-precise events on ${data.day} in any year.`)];
  root.append(el("section", { class: "panel" }, form, note, el("div", { id: "onthisday" }, body)));
}

const FIELD_ORDER = ["event_id", "event_type", "sub_event_type", "plover_type", "plover_mode", "trigger", "actor1", "actor1_id", "inter1",
  "assoc_actor_1", "actor2", "actor2_id", "inter2", "assoc_actor_2", "date_start", "date_end", "time_precision", "country", "admin1",
  "admin2", "location", "latitude", "longitude", "geo_precision", "where_prec", "geonameid", "fatalities", "fatalities_low",
  "fatalities_high", "injured", "arrested", "negated", "hypothetical", "future", "background", "confidence", "source",
  "source_url", "published", "document_id", "evidence_start", "evidence_end"];

export async function renderEvent(root) {
  const id = current().get("id");
  const data = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const e = data.event, doc = data.document;
  const text = doc.text;
  const mark = el("mark", { class: "evidence", id: "evidence" }, text.slice(e.evidence_start, e.evidence_end));
  const docText = el("div", { class: "doctext", id: "doctext" }, text.slice(0, e.evidence_start), mark, text.slice(e.evidence_end));
  const fields = el("div", { class: "fields" }, FIELD_ORDER.filter((f) => e[f] !== null && e[f] !== undefined && e[f] !== "")
    .map((f) => el("div", {}, el("b", {}, f), String(e[f]))));
  const reasons = el("dl", { class: "reasons", id: "reasons" },
    el("dt", {}, `Date: ${e.date_start || "unknown"}${e.date_end && e.date_end !== e.date_start ? ` – ${e.date_end}` : ""}`), el("dd", {}, e.date_reason || "no reason recorded"),
    el("dt", {}, `Place: ${[e.location, e.admin1, e.country].filter(Boolean).join(", ") || "unknown"}`), el("dd", {}, e.place_reason || "no reason recorded"));
  const refs = doc.references.length
    ? el("ol", { id: "references" }, doc.references.map((r) => el("li", {}, [r.date, r.outlet, r.author].filter(Boolean).join(" · "), r.title ? el("div", {}, el("i", {}, r.title)) : el("div", {}, r.text))))
    : el("p", { class: "muted" }, "The document cites no sources.");
  const others = data.others.length ? eventTable(data.others) : el("p", { class: "muted" }, "No other events in this document.");
  const inc = data.incident;
  // each source's sentence side by side, with who disagrees and why the reports were joined
  const sources = inc ? el("section", { class: "panel", id: "incident-sources" },
    el("h3", {}, `Reported by ${inc.sources.length || 1} source(s), ${inc.mentions.length} mention(s)`),
    el("div", { class: "side-by-side" }, inc.mentions.map((m) => el("div", { class: "mention" },
      el("b", {}, m.outlet || m.document_id), el("div", { class: "muted" }, [m.published, m.date_start, m.location,
        m.fatalities !== null && m.fatalities !== undefined ? `killed ${m.fatalities}` : null].filter(Boolean).join(" · ")),
      el("blockquote", {}, m.evidence_text)))),
    inc.disagreements.length ? el("div", {}, el("h4", {}, "Sources disagree"), el("ul", { id: "disagreements" }, inc.disagreements.map((d) => el("li", {}, d)))) : "",
    inc.merge_reasons.length ? el("div", {}, el("h4", {}, "Joined because"), el("ul", {}, inc.merge_reasons.map((d) => el("li", {}, d)))) : "") : "";
  root.append(
    el("section", { class: "panel" }, el("h2", {}, `${e.event_type} — ${e.sub_event_type}`),
      el("p", {}, el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); history.back(); } }, "‹ back"), " · ", flags(e) ? el("span", { class: "flag" }, `flagged: ${flags(e)}`) : "counted event"),
      reasons),
    inc ? await reviewPanel(e.event_id, () => window.dispatchEvent(new Event("dateline:navigate"))) : "",
    sources,
    el("div", { class: "grid2" },
      el("section", { class: "panel" }, el("h3", {}, doc.title || doc.id), el("p", { class: "muted" }, [doc.published, doc.source, doc.url].filter(Boolean).join(" · ")), docText),
      el("section", { class: "panel" }, el("h3", {}, "Fields"), fields, el("h3", {}, "Sources cited by the document"), refs)),
    el("section", { class: "panel" }, el("h3", {}, "Other events from the same document"), others));
  mark.scrollIntoView({ block: "center" });
  window.scrollTo(0, 0);
}

export { update };
