// Log in and out (a user made with `dateline user add`): the header's control and the dialog a write
// refused for want of a login opens. The session cookie is HttpOnly; the page only keeps the CSRF token.
import { currentSession, loadSession, onLoginNeeded, postJSON, setSession } from "./api.js";
import { el } from "./util.js";

function dialog() {
  return new Promise((resolve) => {
    const error = el("p", { id: "login-error", class: "error", role: "alert" });
    const name = el("input", { name: "name", id: "login-name", autocomplete: "username", required: true });
    const password = el("input", { name: "password", id: "login-password", type: "password", autocomplete: "current-password", required: true });
    const box = el("dialog", { id: "login-dialog" });
    const finish = (ok) => { box.close(); box.remove(); resolve(ok); };
    const form = el("form", {
      onsubmit: async (ev) => {
        ev.preventDefault();
        try {
          setSession(await postJSON("/api/login", { name: name.value, password: password.value }));
          finish(true);
        } catch (err) {
          error.textContent = err.message;
        }
      },
    }, el("h2", {}, "Log in to make changes"), el("label", {}, "Name ", name), el("label", {}, "Password ", password), error,
    el("button", { type: "submit", id: "login-submit" }, "Log in"),
    el("button", { type: "button", onclick: () => finish(false) }, "Cancel"));
    box.append(form);
    document.body.append(box);
    box.showModal();
    name.focus();
  });
}

function renderControl() {
  const slot = document.getElementById("session");
  if (!slot) return;
  const { user } = currentSession();
  slot.replaceChildren(user
    ? el("span", {}, `${user} `, el("button", { type: "button", id: "logout", onclick: async () => { setSession(await postJSON("/api/logout", {})); } }, "Log out"))
    : el("button", { type: "button", id: "login", onclick: () => dialog() }, "Log in"));
}

export async function initSession() {
  onLoginNeeded(dialog);
  window.addEventListener("dateline:session", renderControl);
  try { await loadSession(); } catch { renderControl(); }
}
