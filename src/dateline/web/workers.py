"""Serving the app from several processes (``dateline serve --workers N``).

One Python process computes on about one core (the GIL), so a busy server on a machine with more
cores runs several: uvicorn starts N worker processes on one listening socket, each building its
app from the options the command put in $DATELINE_SERVE_OPTIONS. What they share lives in the
database: ingest jobs (store/jobs.py) and the data version the answer cache is keyed on (cache.py).
Session cookies are signed, so every worker needs the same key: when none is configured, one is
made here, before the workers start.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from ..config import database_path
from ..errors import ConfigError
from ..store.base import is_postgres_url
from .auth import KEY_ENV

__all__ = ["OPTIONS_ENV", "app_from_env", "serve_workers"]

OPTIONS_ENV = "DATELINE_SERVE_OPTIONS"


def app_from_env() -> FastAPI:
    """The app of one worker process, from the options the parent process left in $DATELINE_SERVE_OPTIONS."""
    from .app import create_app

    raw = os.environ.get(OPTIONS_ENV)
    if not raw:
        raise ConfigError(f"${OPTIONS_ENV} is not set", hint="start the workers with `dateline serve --workers N`")
    return create_app(**json.loads(raw))


def shared_database(db: str | None) -> str:
    """The database every worker opens: a URL, or the file's absolute path; ConfigError for ``:memory:``
    (each process would have a database of its own)."""
    target = database_path(db)
    if is_postgres_url(target):
        return target
    if target == ":memory:":
        raise ConfigError("workers cannot share an in-memory database", where="--db",
                          hint="give a database file or a PostgreSQL URL, or serve with --workers 1")
    return str(Path(target).resolve())


class _Config(uvicorn.Config):
    """uvicorn's settings, with the listening socket made as TCP's: the connections accepted from it
    then get TCP_NODELAY from asyncio, which checks the socket's protocol. uvicorn binds the socket
    it hands to its workers with protocol 0 (uvicorn issue #3149), and every answer on a kept-alive
    connection then waited about 40 ms for the client's delayed acknowledgement."""

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
            sock = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
            sock.set_inheritable(True)
        return sock


def serve_workers(options: dict[str, Any], *, host: str, port: int, workers: int) -> None:
    """Run ``workers`` processes serving ``create_app(**options)`` on host:port until stopped."""
    from uvicorn.supervisors import Multiprocess

    options = {**options, "db": shared_database(options.get("db"))}
    if not options.get("session_key"):
        options["session_key"] = os.environ.get(KEY_ENV) or secrets.token_urlsafe(32)
    os.environ[OPTIONS_ENV] = json.dumps(options)  # the worker processes inherit the environment
    config = _Config("dateline.web.workers:app_from_env", factory=True, host=host, port=port, workers=workers,
                     log_level="warning")
    with contextlib.suppress(KeyboardInterrupt):
        Multiprocess(config, sockets=[config.bind_socket()]).run()
