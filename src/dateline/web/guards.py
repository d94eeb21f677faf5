"""What the server refuses before a route runs: foreign Host names, cross-origin writes, bodies over
the cap, NUL characters in the URL.

* **Host names** (against DNS rebinding): only the names the server is bound to, plus those the
  user adds, are answered (Starlette's TrustedHostMiddleware, configured by ``served_hosts``).
* **Same origin for writes**: a POST, PUT, PATCH or DELETE that carries an ``Origin`` (or, without
  one, a ``Referer``) must come from this server's own origin, so a page elsewhere cannot post a
  form here. A request with neither header is not from a browser page and passes.
* **Body cap**: a declared ``Content-Length`` over the cap is refused at once, and a body without
  one is counted while it streams in, so nothing larger than the cap is read or spooled.
* **NUL** in a path or query parameter is refused with a 400 naming the parameter (databases
  reject it deep inside a query otherwise).
* **Security headers**: every answer carries the Content-Security-Policy and ``nosniff`` unless
  the route set its own.

Each refusal is answered in the API's one error shape (errors.py).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_body

log = logging.getLogger(__name__)

__all__ = ["BodyLimit", "LOCAL_HOSTS", "NoNulInUrl", "SameOriginWrites", "SecurityHeaders", "is_loopback", "served_hosts"]

LOCAL_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "[::1]")
_WILDCARD_BINDS = ("0.0.0.0", "::", "")
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _host_name(value: str) -> str:
    """A host as it appears in a Host header: IPv6 literals in brackets, lower case."""
    value = value.strip().lower()
    try:
        if isinstance(ipaddress.ip_address(value.strip("[]")), ipaddress.IPv6Address):
            return f"[{value.strip('[]')}]"
    except ValueError:
        pass
    return value


def is_loopback(bind: str) -> bool:
    """Whether a bind address is only reachable from this machine (localhost, 127.0.0.0/8, ::1)."""
    if bind.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(bind.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def served_hosts(bind: str, extra: Iterable[str] = ()) -> list[str]:
    """The Host names a server bound to ``bind`` answers: the bind address, localhost names for a
    loopback or wildcard bind, this machine's names for a wildcard bind, and ``extra``."""
    names = [_host_name(bind)] if bind not in _WILDCARD_BINDS else []
    loopback = bind in ("localhost", *_WILDCARD_BINDS)
    try:
        loopback = loopback or ipaddress.ip_address(bind.strip("[]")).is_loopback
    except ValueError:
        pass
    if loopback:
        names += LOCAL_HOSTS
    if bind in _WILDCARD_BINDS:
        machine = {socket.gethostname(), socket.getfqdn()}
        try:
            machine |= {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
        except OSError:
            pass
        names += sorted(machine)
    names += list(extra)
    return list(dict.fromkeys(_host_name(n) for n in names if n))


# A refused body is not read to its end: closing the connection stops the upload (else the
# server would go on receiving it to keep the connection alive).
_CLOSE = {"Connection": "close"}


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str, *,
                  where: str | None, hint: str | None = None, headers: dict[str, str] | None = None) -> None:
    response = JSONResponse(error_body(status, message, where=where, hint=hint), status_code=status, headers=headers)
    await response(scope, receive, send)


class SameOriginWrites:
    """Refuse state-changing requests whose Origin (or Referer) is not this server's origin."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in _UNSAFE_METHODS:
            headers = Headers(scope=scope)
            source = headers.get("origin")
            which = "origin"
            if source is None:
                source, which = headers.get("referer"), "referer"
            if source is not None:
                host = headers.get("host", "").lower()
                origin_host = urlsplit(source).netloc.lower() if source != "null" else ""
                if not host or origin_host != host:
                    log.warning("refused a cross-origin %s %s from %r", scope["method"], scope["path"], source)
                    await _refuse(scope, receive, send, 403, f"cross-origin request from {source!r} refused",
                                  where=which, hint="add documents from this server's own page")
                    return
        await self.app(scope, receive, send)


class _TooLarge(HTTPException):
    """The body passed the cap while streaming in (raised from receive, answered by the error handlers)."""


class BodyLimit:
    """Refuse request bodies over ``max_bytes``: by Content-Length at once, else while counting."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    def _message(self) -> str:
        return f"request body over the {self.max_bytes / 2**20:g} MB limit"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _refuse(scope, receive, send, 413, self._message(), where="body",
                          hint="send fewer or smaller files at a time", headers=_CLOSE)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge(413, self._message(), headers=_CLOSE)
            return message

        await self.app(scope, counted, send)


class NoNulInUrl:
    """Answer a NUL character in the path or a query parameter with a 400 naming it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            where = None
            if "\x00" in scope["path"]:
                where = "path"
            else:
                query = scope.get("query_string", b"").decode("latin-1")
                if "%00" in query or "\x00" in query:
                    where = next((k or "query" for k, v in parse_qsl(query, keep_blank_values=True)
                                  if "\x00" in k or "\x00" in v), None)
            if where is not None:
                await _refuse(scope, receive, send, 400, "NUL character in the request", where=where,
                              hint="remove the \\0 character")
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Add ``Content-Security-Policy: policy`` and ``X-Content-Type-Options: nosniff`` to every answer
    that does not set them. Plain ASGI: Starlette's ``@app.middleware("http")`` runs each request
    in a task of its own with memory streams between, a cost on every answer, replayed ones too."""

    def __init__(self, app: ASGIApp, *, policy: str) -> None:
        self.app = app
        self._added = ((b"content-security-policy", policy.encode("latin-1")), (b"x-content-type-options", b"nosniff"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in self._added if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
