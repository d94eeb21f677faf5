// The one set of filters every view reads, kept in the URL so a view can be shared as a link.
export const FILTERS = ["date_from", "date_to", "admin1", "actor", "role", "event_type", "q", "flagged"];

export function current() {
  return new URLSearchParams(location.search);
}

export function filterParams(extra = {}) {
  const now = current();
  const out = new URLSearchParams();
  for (const name of FILTERS) {
    const value = now.get(name);
    if (value) out.set(name, value);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== "") out.set(k, v);
  return out;
}

// Change some URL parameters (null removes one) and tell the app to render again.
export function update(changes, { replace = false } = {}) {
  const params = current();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") params.delete(k);
    else params.set(k, v);
  }
  const url = `${location.pathname}?${params.toString()}`;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  window.dispatchEvent(new Event("dateline:navigate"));
}
