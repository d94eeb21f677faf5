// Documents: list and search stored documents, add new ones (files, pasted text, URLs) and watch
// the background extraction's progress.
import { getJSON, postForm } from "./api.js";
import { current, update } from "./state.js";
import { el } from "./util.js";

let polling = null;
let wasActive = false;

export async function render(root) {
  const q = current().get("docq") || "";
  const search = el("input", { type: "search", id: "doc-search", value: q, placeholder: "search document text", size: 30 });
  const searchForm = el("form", { class: "toolbar", onsubmit: (ev) => { ev.preventDefault(); update({ docq: search.value }); } },
    search, el("button", { type: "submit" }, "Search"));
  const listBox = el("div", { id: "doc-list" });
  const jobsBox = el("div", { id: "jobs" });
  root.append(el("div", { class: "grid2" },
    el("section", { class: "panel" }, el("h3", {}, "Documents"), searchForm, listBox),
    el("section", { class: "panel" }, el("h3", {}, "Add documents"), addForm(jobsBox), el("h3", {}, "Extraction jobs"), jobsBox)));
  await Promise.all([fillList(listBox, q), refreshJobs(jobsBox)]);
}

async function fillList(box, q) {
  const params = new URLSearchParams(q ? { q } : { limit: 200 });
  const data = await getJSON("/api/documents", params);
  if (q) {
    box.append(el("p", { class: "muted" }, `${data.hits.length} matches`),
      el("ul", {}, data.hits.map((h) => el("li", {}, el("b", {}, h.title || h.document_id), " ",
        h.event_id ? el("a", { href: `?view=event&id=${h.event_id}` }, "event") : "", el("div", { class: "muted" }, h.snippet.replaceAll("**", ""))))));
    return;
  }
  box.append(el("p", { class: "muted" }, `${data.total} documents`),
    el("table", {}, el("thead", {}, el("tr", {}, ["published", "title", "source", "events", "words"].map((h) => el("th", {}, h)))),
      el("tbody", {}, data.documents.map((d) => el("tr", { "data-document": d.id },
        el("td", {}, d.published || ""), el("td", {}, d.n_events ? el("a", { href: `?view=events&doc=${encodeURIComponent(d.id)}`, onclick: (ev) => { ev.preventDefault(); openFirstEvent(d.id); } }, d.title || d.id) : (d.title || d.id)),
        el("td", {}, d.source || ""), el("td", {}, String(d.n_events)), el("td", {}, String(d.n_words)))))));
}

async function openFirstEvent(documentId) {
  const doc = await getJSON(`/api/documents/${encodeURIComponent(documentId)}`);
  if (doc.events.length) update({ view: "event", id: doc.events[0].event_id });
}

function addForm(jobsBox) {
  const form = el("form", { id: "add-form" },
    el("p", {}, el("label", {}, "Files ", el("input", { type: "file", name: "files", multiple: true, id: "upload" }))),
    el("p", {}, el("label", {}, "Title ", el("input", { type: "text", name: "title", size: 40 })), " ",
      el("label", {}, "Date ", el("input", { type: "date", name: "published" })), " ",
      el("label", {}, "Outlet ", el("input", { type: "text", name: "outlet", size: 18 })), " ",
      el("label", {}, "Article URL ", el("input", { type: "url", name: "source_url", size: 30 }))),
    el("p", {}, el("label", {}, "Pasted text", el("textarea", { name: "text", rows: 5, id: "paste" }))),
    el("p", {}, el("label", {}, "URLs to fetch (one a line)", el("textarea", { name: "url", rows: 2 }))),
    el("button", { type: "submit", id: "add-submit" }, "Add and extract"));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    if (!data.getAll("files").some((f) => f.size)) data.delete("files");
    try {
      await postForm("/api/documents", data);
      form.reset();
      wasActive = true; // a job was just added: refresh the lists when it is done, however fast it ran
      refreshJobs(jobsBox);
    } catch (err) {
      jobsBox.prepend(el("p", { class: "flag" }, String(err.message)));
    }
  });
  return form;
}

async function refreshJobs(box) {
  clearTimeout(polling);
  if (!box.isConnected) return;
  const data = await getJSON("/api/jobs");
  box.replaceChildren(...(data.jobs.length ? data.jobs.map((j) => el("div", { class: `job ${j.status}`, "data-job": j.id, "data-status": j.status },
    el("b", {}, `#${j.id} ${j.status}`), " ",
    j.status === "running" || j.status === "queued" ? el("progress", {}) : "",
    ` ${j.label} — ${j.processed} read, ${j.documents} stored, ${j.events} events`,
    j.message ? el("div", { class: "muted" }, j.message) : "",
    j.failures.length ? el("div", { class: "flag" }, j.failures.join("; ")) : "")) : [el("p", { class: "muted" }, "No jobs yet.")]));
  const active = data.jobs.some((j) => j.status === "running" || j.status === "queued");
  if (active) {
    wasActive = true;
    polling = setTimeout(() => refreshJobs(box), 800);
  } else if (wasActive) {
    wasActive = false; // a job just finished: show its documents and the new filter choices
    window.dispatchEvent(new Event("dateline:refresh"));
  }
}
