"""The web API: every route, bad parameters answered with the one error shape, an empty database."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time

import pytest
from fastapi.testclient import TestClient

from web_data import web_db  # noqa: F401  (session fixture)

ERROR_KEYS = {"status", "message", "where", "hint"}
FILTER_ROUTES = ["/api/events", "/api/timeline", "/api/map", "/api/network", "/api/onthisday",
                 "/api/export/events.csv", "/api/export/events.geojson"]


def assert_error(response, status: int, where: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status and body["error"]["message"]
    if where is not None:
        assert body["error"]["where"] == where
    return body["error"]


@pytest.fixture(scope="module")
def client(web_db, engine, tmp_path_factory):  # noqa: F811
    from dateline.web import create_app

    db = tmp_path_factory.mktemp("apidb") / "dateline.db"
    shutil.copy(web_db, db)
    with TestClient(create_app(str(db), engine=engine, tiles="none"), base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture
def empty_client(tmp_path):
    from dateline.web import create_app

    with TestClient(create_app(str(tmp_path / "empty.db"), tiles="none"), base_url="http://localhost") as test_client:
        yield test_client


def test_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for route in ["/api/events", "/api/events/{event_id}", "/api/timeline", "/api/map", "/api/network",
                  "/api/onthisday", "/api/documents", "/api/documents/{document_id}", "/api/jobs",
                  "/api/jobs/{job_id}", "/api/facets", "/api/stats", "/api/config", "/api/export/events.{ext}"]:
        assert route in paths, route
    assert "date_from" in {p["name"] for p in paths["/api/events"]["get"]["parameters"]}


def test_index_and_static_are_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/js/app.js" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    outlines = client.get("/static/outlines/provinces.geojson").json()
    assert any(f["properties"]["code"] == "IQ-MA" for f in outlines["features"])


def test_events_filters_and_paging(client):
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["events"]) > 20
    page = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert [e["event_id"] for e in page["events"]] == [e["event_id"] for e in everything["events"][5:10]]
    maysan = client.get("/api/events", params={"admin1": "Maysan", "limit": 1000}).json()
    assert 0 < maysan["total"] < everything["total"]
    assert all(e["admin1"] == "Maysan" for e in maysan["events"])
    ranged = client.get("/api/events", params={"date_from": "2013-02-01", "date_to": "2013-03-31"}).json()
    assert ranged["total"] > 0
    assert all(e["date_start"] <= "2013-03-31" and (e["date_end"] or e["date_start"]) >= "2013-02-01" for e in ranged["events"])
    bombs = client.get("/api/events", params={"q": "bomb", "limit": 1000}).json()
    assert 0 < bombs["total"] < everything["total"]


@pytest.mark.parametrize("route", FILTER_ROUTES)
@pytest.mark.parametrize("params,where", [
    ({"date_from": "not-a-date"}, "date_from"),
    ({"date_to": "2013-13-01"}, "date_to"),
    ({"date_from": "2014-01-01", "date_to": "2013-01-01"}, "date_from"),
    ({"q": '""'}, "q"),
    ({"admin1": "---"}, "admin1"),
    ({"flagged": "maybe"}, "flagged"),
])
def test_bad_filters_are_400_with_the_error_shape(client, route, params, where):
    assert_error(client.get(route, params=params), 400, where)


@pytest.mark.parametrize("route,params,where", [
    ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"limit": 100000}, "limit"),
    ("/api/events", {"offset": -1}, "offset"),
    ("/api/timeline", {"by": "decade"}, "by"),
    ("/api/onthisday", {"day": "02-30"}, "day"),
    ("/api/onthisday", {"day": "june"}, "day"),
    ("/api/network", {"max_nodes": 1}, "max_nodes"),
])
def test_bad_parameters_are_400(client, route, params, where):
    assert_error(client.get(route, params=params), 400, where)


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/documents/nope", "/api/jobs/999", "/api/export/events.xlsx", "/api/nothing"])
def test_missing_things_are_404_with_the_error_shape(client, path):
    assert_error(client.get(path), 404)


def test_event_detail_has_evidence_document_references_and_siblings(client):
    events = client.get("/api/events", params={"admin1": "Maysan", "limit": 1000}).json()["events"]
    detail = client.get(f"/api/events/{events[0]['event_id']}").json()
    event, document = detail["event"], detail["document"]
    assert document["text"][event["evidence_start"]:event["evidence_end"]] == event["evidence_text"]
    assert event["date_reason"] and event["place_reason"]
    assert isinstance(document["references"], list)
    assert event["event_id"] not in {e["event_id"] for e in detail["others"]}
    assert all(e["document_id"] == document["id"] for e in detail["others"])


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_timeline_counts_add_up_to_the_dated_events(client, by):
    periods = client.get("/api/timeline", params={"by": by}).json()["periods"]
    assert periods == sorted(periods, key=lambda p: p["period"])
    assert all(sum(p["by_type"].values()) == p["events"] for p in periods)
    if by == "year":
        dated = [e for e in client.get("/api/events", params={"limit": 1000}).json()["events"] if e["date_start"]]
        assert sum(p["events"] for p in periods) == len(dated)
        assert sum(p["fatalities"] for p in periods) == sum(e["fatalities"] or 0 for e in dated)


def test_map_splits_points_from_province_level_events(client):
    data = client.get("/api/map").json()
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    placed = sum(p["events"] for p in data["points"]) + sum(p["events"] for p in data["provinces"]) + data["country_only"]
    assert placed == total
    assert data["points"] and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in data["points"])
    assert all(p["code"] is None or p["code"].startswith("IQ-") for p in data["provinces"])
    assert any(p["code"] for p in data["provinces"]) or not data["provinces"]


def test_network_edges_join_listed_nodes(client):
    data = client.get("/api/network").json()
    names = {n["id"] for n in data["nodes"]}
    assert len(names) >= 2
    assert all(e["source"] in names and e["target"] in names and e["events"] >= 1 for e in data["edges"])
    small = client.get("/api/network", params={"max_nodes": 2}).json()
    assert len(small["nodes"]) == 2 and small["truncated"] == (data["actors_total"] > 2)


def test_onthisday_returns_only_that_calendar_day(client):
    dated = [e for e in client.get("/api/events", params={"limit": 1000}).json()["events"]
             if e["time_precision"] == 1 and e["date_start"] and len(e["date_start"]) == 10]
    day = dated[0]["date_start"][5:]
    found = client.get("/api/onthisday", params={"day": day}).json()
    assert found["day"] == day and found["events"]
    assert all(e["date_start"][5:] == day for e in found["events"])


def test_exports_carry_the_filters(client):
    maysan = client.get("/api/events", params={"admin1": "Maysan", "limit": 1000}).json()["total"]
    geo = client.get("/api/export/events.geojson", params={"admin1": "Maysan"})
    assert geo.status_code == 200 and geo.headers["content-type"].startswith("application/geo+json")
    assert len(json.loads(geo.text)["features"]) <= maysan
    csv_text = client.get("/api/export/events.csv", params={"admin1": "Maysan"}).text
    assert csv_text.splitlines()[0].startswith("event_id_cnty,event_date")
    assert len(list(csv.DictReader(io.StringIO(csv_text)))) == maysan


def test_documents_list_search_and_detail(client):
    listing = client.get("/api/documents").json()
    assert listing["total"] == len(listing["documents"]) > 20
    hits = client.get("/api/documents", params={"q": "Amara"}).json()["hits"]
    assert hits and all("document_id" in h for h in hits)
    one = listing["documents"][0]
    detail = client.get(f"/api/documents/{one['id']}").json()
    assert detail["id"] == one["id"] and len(detail["events"]) == one["n_events"]


@pytest.mark.parametrize("data,files,where", [
    ({}, None, "files"),
    ({"text": "   "}, None, "files"),
    ({"url": "ftp://example.org/x"}, None, "url"),
])
def test_add_documents_rejects_empty_and_bad_input(client, data, files, where):
    assert_error(client.post("/api/documents", data=data, files=files), 400, where)


def test_pasted_text_is_extracted_in_the_background(client):
    text = ("BAGHDAD, 2 March 2014 - Gunmen killed three policemen at a checkpoint in Baquba, "
            "the capital of Diyala province, on Sunday, police said.")
    before = client.get("/api/stats").json()["documents"]
    job = client.post("/api/documents", data={"text": text, "title": "Checkpoint attack"})
    assert job.status_code == 202 and job.json()["status"] in ("queued", "running", "done")
    job_id = job.json()["id"]
    deadline = time.monotonic() + 120
    while (state := client.get(f"/api/jobs/{job_id}").json())["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, state
        time.sleep(0.2)
    assert state["status"] == "done" and state["documents"] == 1 and state["events"] >= 1, state
    assert client.get("/api/stats").json()["documents"] == before + 1
    assert any(j["id"] == job_id for j in client.get("/api/jobs").json()["jobs"])
    found = client.get("/api/events", params={"q": "checkpoint Baquba"}).json()
    assert found["total"] >= 1


@pytest.mark.parametrize("path", ["/api/events", "/api/timeline", "/api/map", "/api/network", "/api/onthisday?day=01-01",
                                  "/api/documents", "/api/facets", "/api/jobs", "/api/stats", "/api/export/events.geojson"])
def test_empty_database_answers_every_view_route(empty_client, path):
    response = empty_client.get(path)
    assert response.status_code == 200, response.text


def test_empty_database_shapes(empty_client):
    assert empty_client.get("/api/events").json() == {"total": 0, "limit": 100, "offset": 0, "events": []}
    assert empty_client.get("/api/map").json() == {"points": [], "provinces": [], "country_only": 0}
    assert empty_client.get("/api/facets").json()["date_min"] is None
    assert_error(empty_client.get("/api/events/anything"), 404)
