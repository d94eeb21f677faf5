// Fetch JSON from the API; errors arrive as {"error": {status, message, where, hint}}.
export class ApiError extends Error {
  constructor(body, status) {
    const e = (body && body.error) || { message: `HTTP ${status}` };
    super(e.where ? `${e.where}: ${e.message}` : e.message);
    this.status = status;
    this.hint = e.hint;
  }
}

export async function getJSON(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body, response.status);
  return body;
}

// The session (auth.py): who is logged in and the CSRF token every write carries. A write refused
// for want of a login (401) asks for one through the handler session.js installs, then is sent again.
let session = { user: null, csrf: null, login_required: false };
let askLogin = async () => false;

export function currentSession() { return session; }
export function setSession(value) { session = value; window.dispatchEvent(new CustomEvent("dateline:session")); }
export function onLoginNeeded(handler) { askLogin = handler; }
export async function loadSession() { setSession(await getJSON("/api/session")); return session; }

async function write(path, init) {
  const send = () => fetch(path, { ...init, headers: { ...(init.headers || {}), ...(session.csrf ? { "X-CSRF-Token": session.csrf } : {}) } });
  let response = await send();
  if (response.status === 401 && path !== "/api/login" && await askLogin()) response = await send();
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body, response.status);
  return body;
}

export async function postForm(path, form) {
  return write(path, { method: "POST", body: form });
}

export async function postJSON(path, data) {
  return write(path, {
    method: "POST", body: JSON.stringify(data),
    headers: { "Content-Type": "application/json", Accept: "application/json" },
  });
}
