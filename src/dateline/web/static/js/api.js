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

export async function postForm(path, form) {
  const response = await fetch(path, { method: "POST", body: form });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body, response.status);
  return body;
}

export async function postJSON(path, data) {
  const response = await fetch(path, {
    method: "POST", body: JSON.stringify(data),
    headers: { "Content-Type": "application/json", Accept: "application/json" },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body, response.status);
  return body;
}
