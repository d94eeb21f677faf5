"""Tiny real HTTP servers for fetch tests: each records what reached it and answers from a table.

    with target("127.0.0.1", {"/": page("secret")}) as server:
        server.url("/")        # http://127.0.0.1:PORT/
        server.hits            # [("/", "127.0.0.1:PORT")] : path and Host header of each request
"""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


def page(text: str, content_type: str = "text/plain; charset=utf-8") -> Handler:
    def answer(request: http.server.BaseHTTPRequestHandler) -> None:
        body = text.encode("utf-8")
        request.send_response(200)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return answer


def redirect(location: str, status: int = 302) -> Handler:
    def answer(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Location", location)
        request.send_header("Content-Length", "0")
        request.end_headers()

    return answer


def trickle(pause: float, chunks: int) -> Handler:
    """A body of ``chunks`` bytes, one every ``pause`` seconds (each under any read timeout)."""

    def answer(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/plain")
        request.send_header("Content-Length", str(chunks))
        request.end_headers()
        for _ in range(chunks):
            try:
                request.wfile.write(b"x")
                request.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return  # the client gave up on the page, as the tests want it to
            time.sleep(pause)

    return answer


@dataclass
class Target:
    host: str
    port: int
    hits: list[tuple[str, str]] = field(default_factory=list)

    def url(self, path: str = "/", *, host: str | None = None) -> str:
        name = host or (f"[{self.host}]" if ":" in self.host else self.host)
        return f"http://{name}:{self.port}{path}"


@contextlib.contextmanager
def target(host: str, routes: dict[str, Handler], *, port: int = 0) -> Iterator[Target]:
    """Serve ``routes`` (path -> handler; anything else is 404) on host:port in a thread."""
    record: list[tuple[str, str]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            record.append((self.path, self.headers.get("Host", "")))
            (routes.get(self.path) or (lambda r: r.send_error(404)))(self)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    # shutdown() waits for the loop's next poll: the default half second was most of each test's time
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield Target(host, server.server_address[1], record)
    finally:
        server.shutdown()
        server.server_close()
