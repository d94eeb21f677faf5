"""Who may change what in a served web app: logins, signed session cookies and CSRF tokens.

* **Reads stay open**: GET needs no login.
* **Writes need a login when the app is served to others** (``require_login``, which ``dateline serve``
  sets for any address other than loopback): every POST, PUT, PATCH or DELETE other than the login
  itself needs a valid session (else 401) and the session's CSRF token in the ``X-CSRF-Token``
  header (else 403). A session whose user was removed is no session.
* **Sessions** are a signed cookie (itsdangerous, with the server's key and an expiry) holding the user
  name and a random CSRF token; HttpOnly (scripts cannot read it), SameSite=Strict (no other site's
  page sends it), Secure over https. The page reads the token from ``GET /api/session``; a forged
  request from another site has the cookie but not the token.
* **The author** of a decision is the logged-in user (``request.state.user``); without a login
  (a local app) it is what the request says, as before.

The key comes from $DATELINE_SESSION_KEY, else it is made when the app starts (a restart then logs
everyone out). Requests with a cookie are never answered from the read cache (cache.py).
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

import anyio
from fastapi import APIRouter, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from pydantic import BaseModel, Field
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ..users.accounts import check_login
from .errors import ApiError, error_body

__all__ = ["COOKIE", "CSRF_HEADER", "KEY_ENV", "LoginForWrites", "Session", "Sessions", "router"]

log = logging.getLogger(__name__)

COOKIE = "dateline_session"
CSRF_HEADER = "X-CSRF-Token"
KEY_ENV = "DATELINE_SESSION_KEY"
MAX_AGE_S = 12 * 3600  # a working day; then log in again
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_OPEN_WRITES = frozenset({"/api/login"})  # the one write that cannot need a login


@dataclass(frozen=True, slots=True)
class Session:
    user: str
    csrf: str


class Sessions:
    """Issues and reads signed session cookies."""

    def __init__(self, key: str | None = None, *, max_age_s: int = MAX_AGE_S) -> None:
        key = key or os.environ.get(KEY_ENV) or secrets.token_urlsafe(32)
        self._signer = URLSafeTimedSerializer(key, salt="dateline-session")
        self.max_age_s = max_age_s

    def issue(self, user: str) -> tuple[str, Session]:
        session = Session(user, secrets.token_urlsafe(32))
        return self._signer.dumps({"u": session.user, "c": session.csrf}), session

    def read(self, value: str | None) -> Session | None:
        if not value:
            return None
        try:
            data = self._signer.loads(value, max_age=self.max_age_s)
        except BadSignature:  # also SignatureExpired
            return None
        if not isinstance(data, dict) or not isinstance(data.get("u"), str) or not isinstance(data.get("c"), str):
            return None
        return Session(data["u"], data["c"])


def _cookie_value(headers: Headers) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # noqa: BLE001 - a malformed Cookie header is no session
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel else None


class LoginForWrites:
    """Reads the session of every request into ``request.state.user``/``session``; refuses writes
    without a session (401) or without its CSRF token (403) when ``required``. A write that carries a
    session needs its token even when logins are not required: a cookie is what a forged request rides on."""

    def __init__(self, app: ASGIApp, *, sessions: Sessions, required: bool, store: Any) -> None:
        self.app, self.sessions, self.required, self.store = app, sessions, required, store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        session = self.sessions.read(_cookie_value(headers))
        state = scope.setdefault("state", {})
        writing = scope["method"] in _UNSAFE_METHODS and scope["path"] not in _OPEN_WRITES
        if session is not None and writing and await anyio.to_thread.run_sync(self.store.password_hash, session.user) is None:
            session = None  # the user was removed: their cookie no longer lets them change anything
        state["session"] = session
        state["user"] = session.user if session else None
        if writing:
            refusal = self._refusal(session, headers.get(CSRF_HEADER))
            if refusal is not None:
                status, message, hint = refusal
                log.warning("refused %s %s: %s", scope["method"], scope["path"], message)
                response = JSONResponse(error_body(status, message, where="session", hint=hint), status_code=status)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _refusal(self, session: Session | None, token: str | None) -> tuple[int, str, str] | None:
        if session is None:
            if not self.required:
                return None
            return 401, "log in to change anything on this server", "POST /api/login, or the Log in button"
        if not token or not hmac.compare_digest(token, session.csrf):
            return 403, f"missing or wrong {CSRF_HEADER} header", "send the token from GET /api/session"
        return None


# -- routes -------------------------------------------------------------------------------------

router = APIRouter(prefix="/api")


class Login(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1000)


def _session_answer(request: Request, session: Session | None) -> dict[str, Any]:
    return {"user": session.user if session else None, "csrf": session.csrf if session else None,
            "login_required": request.app.state.login_required}


@router.get("/session", summary="Who is logged in, the CSRF token for writes, and whether writes need a login")
def session_state(request: Request, response: Response) -> dict[str, Any]:
    response.headers["Cache-Control"] = "no-store"
    return _session_answer(request, getattr(request.state, "session", None))


@router.post("/login", summary="Log in (a user made with `dateline user add`); sets the session cookie")
def login(request: Request, body: Login, response: Response) -> dict[str, Any]:
    name = check_login(request.app.state.store, body.name, body.password)
    if name is None:
        raise ApiError(401, "wrong name or password", where="login")
    value, session = request.app.state.sessions.issue(name)
    response.set_cookie(COOKIE, value, max_age=request.app.state.sessions.max_age_s, path="/", httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")
    response.headers["Cache-Control"] = "no-store"
    return _session_answer(request, session)


@router.post("/logout", summary="End the session")
def logout(request: Request, response: Response) -> dict[str, Any]:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return {"user": None, "csrf": None, "login_required": request.app.state.login_required}
