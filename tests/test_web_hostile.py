"""The web app against hostile requests, on a real server (uvicorn on localhost): no fetch into the
server's network, only its own Host names, no cross-origin writes, capped bodies, NUL and huge
numbers answered with a 400, document ids that are URLs, formula-safe and streamed exports."""

from __future__ import annotations

import csv
import io
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from dateline.models import Document, Event, make_event_id
from dateline.web.guards import LOCAL_HOSTS, served_hosts
from http_targets import page, target
from web_data import serving

REPORT = ("BAGHDAD, 2 March 2014 - Gunmen killed three policemen at a checkpoint in Baquba, "
          "the capital of Diyala province, on Sunday, police said.\n")
ERROR_KEYS = {"status", "message", "where", "hint"}


@pytest.fixture
def server(tmp_path: Path, engine):
    """``server(**create_app options)`` -> (base URL, app) of a new app on an empty database."""
    from dateline.web import create_app

    @contextmanager
    def start(**options) -> Iterator[tuple[str, object]]:
        app = create_app(str(tmp_path / f"db-{time.monotonic_ns()}.db"), engine=engine, tiles="none", **options)
        with serving(app) as url:
            yield url, app

    return start


def error_of(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert set(body) == ERROR_KEYS and body["status"] == status and body["message"]
    return body


def finished(http: httpx.Client, job_id: str) -> dict:
    deadline = time.monotonic() + 120
    while (state := http.get(f"/api/jobs/{job_id}").json())["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, state
        time.sleep(0.1)
    return state


# --- fetching for others ------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "0x7f000001", "2130706433", "[::ffff:127.0.0.1]"])
def test_a_url_into_the_servers_own_network_is_not_fetched(server, host: str) -> None:
    with target("127.0.0.1", {"/secret": page(REPORT)}) as secret, server() as (url, _), httpx.Client(base_url=url) as http:
        job = http.post("/api/documents", data={"url": secret.url("/secret", host=host)})
        assert job.status_code == 202, job.text
        state = finished(http, job.json()["id"])
        assert state["status"] == "failed" and state["documents"] == 0
        assert len(state["failures"]) == 1 and "loopback address" in state["failures"][0], state
        assert secret.hits == []
        assert http.get("/api/documents").json()["total"] == 0


def test_allow_private_fetch_lets_the_server_fetch_an_intranet_page(server) -> None:
    with target("127.0.0.1", {"/story": page(REPORT)}) as intranet, server(allow_private_fetch=True) as (url, _), \
            httpx.Client(base_url=url) as http:
        state = finished(http, http.post("/api/documents", data={"url": intranet.url("/story")}).json()["id"])
        assert state["status"] == "done" and state["documents"] == 1, state
        assert len(intranet.hits) == 1
        # the document's id is its URL: the API finds it, escaped as the front end escapes it
        detail = http.get(f"/api/documents/{quote(intranet.url('/story'), safe='')}")
        assert detail.status_code == 200 and detail.json()["id"] == intranet.url("/story")
        assert detail.json()["events"]


# --- Host names, origins -------------------------------------------------------------------


def test_only_the_servers_own_host_names_are_answered(server) -> None:
    with server() as (url, _):
        port = url.rsplit(":", 1)[1]
        for name in ("localhost", "127.0.0.1"):
            assert httpx.get(f"{url}/api/stats", headers={"Host": f"{name}:{port}"}).status_code == 200
        rebound = httpx.get(f"{url}/api/stats", headers={"Host": f"attacker.example:{port}"})
        assert rebound.status_code == 400 and "documents" not in rebound.text
    with server(allowed_hosts=["dateline.example"]) as (url, _):
        assert httpx.get(f"{url}/api/stats", headers={"Host": "dateline.example"}).status_code == 200
        assert httpx.get(f"{url}/api/stats", headers={"Host": "localhost"}).status_code == 400


@pytest.mark.parametrize("bind,extra,present,absent", [
    ("127.0.0.1", (), ["127.0.0.1", "localhost", "[::1]"], ["0.0.0.0"]),
    ("::1", (), ["[::1]", "localhost"], []),
    ("192.0.2.5", (), ["192.0.2.5"], ["localhost", "127.0.0.1"]),
    ("0.0.0.0", ("dateline.example",), ["localhost", "dateline.example"], ["0.0.0.0"]),
])
def test_served_host_names_follow_the_bind_address(bind, extra, present, absent) -> None:
    names = served_hosts(bind, extra)
    assert all(n in names for n in present) and not any(n in names for n in absent), names
    assert set(LOCAL_HOSTS) <= set(served_hosts("localhost"))


@pytest.mark.parametrize("headers", [
    {"Origin": "http://attacker.example"},
    {"Origin": "null"},
    {"Referer": "http://attacker.example/form.html"},
])
def test_cross_origin_posts_are_refused(server, headers: dict) -> None:
    with server() as (url, _), httpx.Client(base_url=url) as http:
        where = "origin" if "Origin" in headers else "referer"
        assert error_of(http.post("/api/documents", data={"text": REPORT}, headers=headers), 403)["where"] == where
        assert http.get("/api/jobs").json()["jobs"] == []
        # reads are not refused (the browser keeps a foreign page from reading them)
        assert http.get("/api/stats", headers=headers).status_code == 200


@pytest.mark.parametrize("same_origin", [True, False])
def test_the_servers_own_page_and_non_browser_clients_may_post(server, same_origin: bool) -> None:
    with server() as (url, _), httpx.Client(base_url=url) as http:
        headers = {"Origin": url, "Referer": f"{url}/?view=documents"} if same_origin else {}
        # an empty form passes the origin check and is refused for being empty: nothing is queued
        assert error_of(http.post("/api/documents", data={"text": " "}, headers=headers), 400)["where"] == "files"


# --- request size, odd parameters ------------------------------------------------------------


def test_an_upload_over_the_cap_is_refused_while_streaming(server) -> None:
    sent = 0
    total = 64 * 2**20

    def body() -> Iterator[bytes]:  # no Content-Length: chunked, counted only as it arrives
        nonlocal sent
        yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'
        while sent < total:
            sent += 2**16
            yield b"x" * 2**16

    with server(max_body_bytes=2**20) as (url, _), httpx.Client(base_url=url, timeout=30) as http:
        response = http.post("/api/documents", content=body(),
                             headers={"Content-Type": "multipart/form-data; boundary=b"})
        assert error_of(response, 413)["message"] == "request body over the 1 MB limit"
        assert sent < total // 2, f"the server read {sent} bytes before refusing"
        assert http.get("/api/jobs").json()["jobs"] == []
        # a declared 2 GB body is refused before any of it is read (httpx will not send less than it declares)
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as raw:
            raw.sendall(f"POST /api/documents HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: multipart/form-data;"
                        f" boundary=b\r\nContent-Length: {2 * 2**30}\r\n\r\n--b\r\n".encode())
            answer = b""
            while chunk := raw.recv(65536):  # the refusal closes the connection
                answer += chunk
            answer = answer.decode()
        assert answer.startswith("HTTP/1.1 413") and '"where":"body"' in answer


@pytest.mark.parametrize("path,params,where", [
    ("/api/events", {"q": "bomb\x00"}, "q"),
    ("/api/documents", {"q": "\x00"}, "q"),
    ("/api/events", {"actor": "Army\x00"}, "actor"),
    ("/api/export/events.csv", {"admin1": "Basra\x00"}, "admin1"),
    ("/api/events/abc%00def", {}, "path"),
    ("/api/events", {"offset": str(10**30)}, "offset"),
    ("/api/events", {"offset": str(2**63)}, "offset"),
    ("/api/documents", {"offset": str(2**64)}, "offset"),
])
def test_nul_and_huge_numbers_are_a_400_naming_the_parameter(server, path: str, params: dict, where: str) -> None:
    with server() as (url, _), httpx.Client(base_url=url) as http:
        assert error_of(http.get(path, params=params), 400)["where"] == where


# --- stored data that looks hostile ------------------------------------------------------------

URL_ID = "https://news.example/2014/03/02/story.html?id=7"
FORMULAS = {"actor1": "=HYPERLINK(\"http://attacker.example\",\"click\")", "actor2": "+SUM(A1:A9)",
            "location": "@cmd", "admin1": "-2+3+cmd|' /C calc'!A0", "source": "\tTab"}


def hostile_document() -> tuple[Document, list[Event]]:
    text = "-1+1 militants attacked a checkpoint in Baquba on Sunday, police said. The army replied."
    doc = Document(id=URL_ID, text=text, title="Checkpoint", url=URL_ID, published="2014-03-02")
    end = text.index(" The army")
    event = Event(make_event_id(doc.id, 0, end), doc.id, 0, end, text[:end], event_type="Battles",
                  sub_event_type="Armed clash", date_start="2014-03-02", time_precision=1, country="Iraq",
                  latitude=-33.75, longitude=44.6, fatalities=3, **FORMULAS)
    return doc, [event]


def test_a_document_whose_id_is_a_url_is_found(server) -> None:
    with server() as (url, app), httpx.Client(base_url=url) as http:
        app.state.store.add_document(*hostile_document())
        for escaped in (quote(URL_ID, safe=""), quote(URL_ID, safe=":/")):
            detail = http.get(f"/api/documents/{escaped}")
            assert detail.status_code == 200, (escaped, detail.text)
            assert detail.json()["id"] == URL_ID and len(detail.json()["events"]) == 1
        listed = http.get("/api/documents").json()["documents"]
        assert [d["id"] for d in listed] == [URL_ID]


def test_csv_export_neutralises_formulas_and_keeps_numbers(server) -> None:
    with server() as (url, app), httpx.Client(base_url=url) as http:
        app.state.store.add_document(*hostile_document())
        response = http.get("/api/export/events.csv")
        assert response.status_code == 200 and "content-length" not in response.headers  # streamed
        (row,) = list(csv.DictReader(io.StringIO(response.text)))
    for column, value in FORMULAS.items():
        assert row[column] == "'" + value, column
    assert row["notes"].startswith("On 2014-03-02: -1+1 militants")  # the summary opens with the date
    assert row["latitude"] == "-33.75" and row["longitude"] == "44.6" and row["fatalities"] == "3"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for key, cell in row.items() if key != "latitude")


def test_exports_stream_every_incident_in_each_format(server) -> None:
    import datetime as dt

    with server() as (url, app), httpx.Client(base_url=url) as http:
        store = app.state.store
        day = dt.date(2010, 1, 1)
        for i in range(3):
            sentences = [f"Clash {i}.{j} killed {j % 9 + 1} people in Baquba." for j in range(400)]
            text = " ".join(sentences)
            doc = Document(id=f"doc-{i}", text=text)
            events, start = [], 0
            for j, sentence in enumerate(sentences):
                end = start + len(sentence)
                date = (day + dt.timedelta(days=i * 400 + j)).isoformat()  # a day each: one incident each
                events.append(Event(make_event_id(doc.id, start, end), doc.id, start, end, sentence,
                                    event_type="Battles", sub_event_type="Armed clash", latitude=33.7, longitude=44.6,
                                    date_start=date, time_precision=1, fatalities=j % 9 + 1))
                start = end + 1
            store.add_document(doc, events)
        listed = http.get("/api/events", params={"limit": 1000})
        total = listed.json()["total"]
        expected = [e["event_id"] for e in listed.json()["events"]]
        csv_rows = list(csv.DictReader(io.StringIO(http.get("/api/export/events.csv").text)))
        lines = http.get("/api/export/events.jsonl").text.splitlines()
        features = http.get("/api/export/events.geojson").json()["features"]
    assert total > 1000  # more than two pieces of the stream
    assert len(csv_rows) == len(lines) == len(features) == total
    assert [r["incident_id"] for r in csv_rows][:1000] == expected
    assert [f["id"] for f in features][:1000] == expected


def test_the_front_end_opens_a_document_whose_id_is_a_url(server) -> None:
    from playwright.sync_api import expect, sync_playwright

    from test_web_ui import ARGS, CHROMIUM

    with server() as (url, app), sync_playwright() as pw:
        app.state.store.add_document(*hostile_document())
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            tab = browser.new_page(base_url=url)
            tab.set_default_timeout(15_000)
            tab.goto("/?view=documents")
            expect(tab.locator("body")).to_have_attribute("data-loading", "false")
            tab.locator(f'tr[data-document="{URL_ID}"] a').click()
            expect(tab.locator("#doctext mark.evidence")).to_contain_text("militants attacked a checkpoint")
            expect(tab.locator("#error")).to_be_hidden()
        finally:
            browser.close()
