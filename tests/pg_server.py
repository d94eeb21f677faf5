"""A throwaway PostgreSQL server for the tests: Debian's binaries, a temporary data folder, a free port.

Import the fixtures into a test module (``from pg_server import pg_server, pg_url``).
The server is started once per test process (whichever module asks first) and
stopped when the process exits. As root it runs as the ``postgres`` system user,
because initdb refuses to run as root. scripts/ensure_postgres.sh (run by `make test`)
installs the package when it is missing; pytest never does.
"""

from __future__ import annotations

import atexit
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ENSURE_SCRIPT = REPO / "scripts" / "ensure_postgres.sh"
SUPERUSER = "dateline_test"
_SERVER: PgServer | None = None


def _bin_dir() -> Path:
    """The newest /usr/lib/postgresql/<version>/bin. Installing it is set-up, not a test's job: `make test`
    runs scripts/ensure_postgres.sh first, so pytest itself never calls apt-get."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    assert found, f"PostgreSQL binaries not found under /usr/lib/postgresql; run {ENSURE_SCRIPT} (or make test)"
    return found[-1].parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PgServer:
    """A running server; ``new_database()`` gives each test its own empty database."""

    bin_dir: Path
    root: Path  # temporary folder: data/, the socket and the log
    port: int
    run_as: str | None  # system user to run the server as (when we are root)
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = (self.root / "server.log")
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({result.returncode}): {result.stderr.strip()}\n{tail}")
        return result

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        if self.data.exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            except RuntimeError:
                pass  # already stopped; the folder is removed either way
        shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self, prefix: str = "t") -> str:
        """Create an empty database and return its URL."""
        import psycopg

        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def get_server() -> PgServer:
    """The process's server, started on first use and stopped at exit."""
    global _SERVER
    if _SERVER is None:
        root = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
        run_as = None
        if os.geteuid() == 0:
            run_as = "postgres"
            user = pwd.getpwnam(run_as)
            os.chown(root, user.pw_uid, user.pw_gid)
        server = PgServer(_bin_dir(), root, _free_port(), run_as)
        atexit.register(server.stop)
        server.start()
        _SERVER = server
    return _SERVER


@pytest.fixture(scope="session")
def pg_server() -> PgServer:
    """A running PostgreSQL server for this test session."""
    return get_server()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """The URL of a new, empty database on the test server."""
    return pg_server.new_database()
