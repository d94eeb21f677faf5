"""Fixtures shared by the web tests: a database built from the sample and PITF rows, a live server.

Import them into a test module (``from web_data import web_db, live_server``). The PITF rows
are turned into documents (Description as text, start date as published) and run through the
real pipeline; nothing from the data set is used as an expected answer.
"""

from __future__ import annotations

import contextlib
import csv
import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
from shared_data import SHARED

SAMPLE = SHARED / "samples" / "maysan-2008.txt"
PITF = SHARED / "data" / "pitf-atrocities" / "pitf.world.20130101-20151231.csv"
PITF_ROWS = 60
SCREENSHOTS = REPO / "test-output" / "screenshots"


def pitf_documents(path: Path, *, country: str = "IRQ", limit: int = PITF_ROWS) -> list[dict]:
    """The first ``limit`` PITF rows of one country as document records (tab-separated, 4-line header)."""
    docs: list[dict] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t")
        for _ in range(4):
            next(rows)
        for i, row in enumerate(rows):
            if len(row) < 63 or row[9].strip() != country or not row[62].strip():
                continue
            day, month, year = (row[3].strip(), row[4].strip(), row[5].strip())
            if not (year.isdigit() and month.isdigit() and day.isdigit()):
                continue
            published = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
            docs.append({"id": f"pitf-{i}", "text": row[62].strip(), "published": published,
                         "title": f"PITF {published} {row[12].strip() or row[10].strip()}", "source": "PITF"})
            if len(docs) >= limit:
                break
    return docs


def build_database(target: Path, engine) -> Path:
    """Ingest the sample and the PITF subset into ``target`` through the real pipeline."""
    from dateline.pipeline import ingest
    from dateline.store import open_store

    jsonl = target.parent / "pitf-iraq.jsonl"
    jsonl.write_text("".join(json.dumps(d) + "\n" for d in pitf_documents(PITF)), encoding="utf-8")
    with open_store(target) as store:
        report = ingest([str(SAMPLE), str(jsonl)], store=store, engine=engine)
    assert report.documents > PITF_ROWS // 2, report.summary()
    return target


@pytest.fixture(scope="session")
def web_db(engine, tmp_path_factory) -> Path:
    """A read-mostly database with the sample and PITF documents (copy it before writing)."""
    return build_database(tmp_path_factory.mktemp("webdb") / "dateline.db", engine)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    app: object


@contextlib.contextmanager
def serving(app, *, host: str = "127.0.0.1") -> Iterator[str]:
    """uvicorn serving ``app`` on a free port in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(web_db, engine, tmp_path_factory) -> Iterator[LiveServer]:
    """uvicorn serving a copy of the web database on a free localhost port, with no map tiles."""
    from dateline.web import create_app

    db = tmp_path_factory.mktemp("livedb") / "dateline.db"
    shutil.copy(web_db, db)
    app = create_app(str(db), engine=engine, tiles="none")
    with serving(app) as url:
        yield LiveServer(url, app)
