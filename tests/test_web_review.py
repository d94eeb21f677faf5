"""The analyst's desk over HTTP: every decision through the API lands in the same history as the CLI's,
bad decisions are 400/404 with the error shape, and writes from another origin are refused."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from web_data import web_db  # noqa: F401  (session fixture)

ERROR_KEYS = {"status", "message", "where", "hint"}


@pytest.fixture
def client(web_db, engine, tmp_path):  # noqa: F811
    from dateline.web import create_app

    db = tmp_path / "dateline.db"
    shutil.copy(web_db, db)
    with TestClient(create_app(str(db), engine=engine, tiles="none"), base_url="http://localhost",
                    headers={"Origin": "http://localhost"}) as test_client:
        yield test_client


def incident_ids(client, n: int) -> list[str]:
    events = client.get("/api/events", params={"limit": 50}).json()["events"]
    ids = [e["event_id"] for e in events]
    assert len(ids) >= n
    return ids[:n]


def error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body["error"]) == ERROR_KEYS and body["error"]["message"]
    return body["error"]


def test_every_decision_is_kept_in_the_history(client):
    first, second = incident_ids(client, 2)
    assert client.get(f"/api/incidents/{first}/review").json()["status"] == "unreviewed"

    edited = client.post(f"/api/incidents/{first}/edit", json={"user": "ana", "values": {"fatalities": "3"}})
    assert edited.status_code == 200, edited.text
    assert edited.json()["review"]["status"] == "edited"
    assert client.get(f"/api/events/{first}").json()["event"]["fatalities"] == 3

    assert client.post(f"/api/incidents/{first}/note", json={"user": "ana", "text": "check the toll"}).status_code == 200
    undone = client.post(f"/api/incidents/{first}/undo", json={"user": "ana"}).json()["review"]
    assert any(d["action"] == "note" and not d["in_force"] for d in undone["history"])

    rejected = client.post(f"/api/incidents/{second}/reject", json={"user": "bo", "reason": "a drill"}).json()
    assert rejected["review"]["status"] == "rejected" and rejected["review"]["by"] == "bo"
    history = client.get(f"/api/incidents/{first}/review").json()["history"]
    actions = [d["action"] for d in history]  # the toll's edit brings its range along (follow-ups)
    assert actions[-2:] == ["note", "undo"] and set(actions[:-2]) == {"edit"}
    assert {d["author"] for d in history} == {"ana"}


def test_accept_and_merge(client):
    first, second = incident_ids(client, 2)
    accepted = client.post(f"/api/incidents/{first}/accept", json={"user": "ana"}).json()["review"]
    assert accepted["status"] == "accepted"
    merged = client.post(f"/api/incidents/{first}/merge", json={"user": "ana", "other": second})
    assert merged.status_code == 200, merged.text
    assert merged.json()["written"][0]["action"] == "merge"
    # the other incident's id now leads to the merged one
    assert client.get(f"/api/incidents/{second}/review").json()["incident_id"] == merged.json()["review"]["incident_id"]


def test_bad_decisions_are_errors_not_tracebacks(client, monkeypatch):
    monkeypatch.delenv("DATELINE_USER", raising=False)
    (first,) = incident_ids(client, 1)
    assert error(client.post(f"/api/incidents/{first}/accept", json={}), 400)["where"] == "user"
    assert error(client.post(f"/api/incidents/{first}/edit", json={"user": "ana", "values": {"nonsense": "1"}}), 400)
    error(client.post(f"/api/incidents/{first}/reject", json={"user": "ana"}), 400)  # no reason
    error(client.post(f"/api/incidents/{first}/merge", json={"user": "ana", "other": first}), 400)
    error(client.post("/api/incidents/nosuchthing/accept", json={"user": "ana"}), 404)
    error(client.get("/api/incidents/nosuchthing/review"), 404)
    assert client.get(f"/api/incidents/{first}/review").json()["history"] == []


def test_queue_lists_incidents_and_drops_rejected_ones(client):
    items = client.get("/api/incidents/queue", params={"limit": 1000}).json()["items"]
    assert items and all(i["status"] in ("unreviewed", "edited", "accepted") or i["reasons"] for i in items)
    target = items[0]["incident_id"]
    client.post(f"/api/incidents/{target}/reject", json={"user": "ana", "reason": "not an event"})
    again = client.get("/api/incidents/queue", params={"limit": 1000}).json()["items"]
    assert target not in {i["incident_id"] for i in again}


def test_writes_from_another_origin_are_refused(client):
    (first,) = incident_ids(client, 1)
    refused = client.post(f"/api/incidents/{first}/accept", json={"user": "ana"},
                          headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403
    assert client.get(f"/api/incidents/{first}/review").json()["status"] == "unreviewed"


def test_review_scope_is_a_parameter_of_lists_and_exports(client):
    first, second = incident_ids(client, 2)
    client.post(f"/api/incidents/{first}/accept", json={"user": "ana"})
    client.post(f"/api/incidents/{second}/reject", json={"user": "ana", "reason": "a drill"})

    def listed(scope: str | None) -> set[str]:
        params = {"limit": 1000, **({"review": scope} if scope else {})}
        return {e["event_id"] for e in client.get("/api/events", params=params).json()["events"]}

    assert listed("reviewed") == {first}
    assert second not in listed(None) and first in listed(None)
    assert {first, second} <= listed("all")
    exported = client.get("/api/export/events.jsonl", params={"review": "reviewed"}).text.splitlines()
    assert len(exported) == 1 and first in exported[0]
    error(client.get("/api/events", params={"review": "everything"}), 400)


def test_split_takes_a_merged_report_back_out(client):
    first, second = incident_ids(client, 2)
    mention = client.get(f"/api/events/{second}").json()["incident"]["mentions"][0]["event_id"]
    merged = client.post(f"/api/incidents/{first}/merge", json={"user": "ana", "other": second}).json()["review"]
    whole = merged["incident_id"]
    assert len(client.get(f"/api/events/{whole}").json()["incident"]["mentions"]) >= 2
    split = client.post(f"/api/incidents/{whole}/split", json={"user": "ana", "mention": mention})
    assert split.status_code == 200, split.text
    assert split.json()["written"][0]["action"] == "split"
    left = {m["event_id"] for m in client.get(f"/api/events/{split.json()['review']['incident_id']}").json()["incident"]["mentions"]}
    assert mention not in left


def test_sidebar_note_lists_reviewed_incidents_of_the_day(client):
    events = client.get("/api/events", params={"limit": 200}).json()["events"]
    dated = next(e for e in events if e["date_start"] and e["time_precision"] == 1 and e["location"])
    day = dated["date_start"][5:]
    before = client.get("/api/onthisday/sidebar", params={"day": day, "markup": "md"})
    assert before.status_code == 200 and dated["location"] not in before.text  # nothing reviewed yet
    client.post(f"/api/incidents/{dated['event_id']}/accept", json={"user": "ana"})
    for markup in ("md", "html", "text"):
        note = client.get("/api/onthisday/sidebar", params={"day": day, "markup": markup})
        assert note.status_code == 200 and dated["location"] in note.text, note.text
        assert note.headers["content-type"].startswith("text/markdown" if markup == "md" else "text/plain")
    assert "<" in client.get("/api/onthisday/sidebar", params={"day": day, "markup": "html"}).text
    error(client.get("/api/onthisday/sidebar", params={"day": day, "markup": "pdf"}), 400)
    error(client.get("/api/onthisday/sidebar", params={"day": "13-45"}), 400)


def test_network_edges_run_from_actor1_to_actor2(client):
    network = client.get("/api/network", params={"max_nodes": 300}).json()
    assert network["directed"] and network["edges"]
    events = client.get("/api/events", params={"limit": 1000}).json()["events"]
    for edge in network["edges"]:
        told = [e for e in events if e["actor1"] == edge["source"] and e["actor2"] == edge["target"]]
        assert len(told) == edge["events"], edge


def test_pasted_text_keeps_title_date_outlet_and_url(client):
    import time

    text = "Gunmen killed three policemen at a checkpoint in Baquba, the capital of Diyala province, on Sunday."
    job = client.post("/api/documents", data={"text": text, "title": "Checkpoint attack", "published": "2014-03-03",
                                              "outlet": "Desk Wire", "source_url": "https://example.org/a/1"})
    assert job.status_code == 202, job.text
    deadline = time.monotonic() + 120
    while (state := client.get(f"/api/jobs/{job.json()['id']}").json())["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, state
        time.sleep(0.2)
    assert state["status"] == "done", state
    docs = client.get("/api/documents", params={"limit": 1000}).json()["documents"]
    doc = next(d for d in docs if d["title"] == "Checkpoint attack")
    assert doc["published"].startswith("2014-03-03") and doc["source"] == "Desk Wire"
    detail = client.get(f"/api/documents/{doc['id']}").json()
    assert detail["url"] == "https://example.org/a/1" and detail["text"].startswith("Gunmen")
    # "on Sunday" is read against the given date, not today
    assert any(e["date_start"] == "2014-03-02" for e in detail["events"]), detail["events"]
    error(client.post("/api/documents", data={"text": text, "published": "last week"}), 400)
    error(client.post("/api/documents", data={"text": text, "source_url": "ftp://x"}), 400)


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_timeline_keeps_empty_periods_on_its_axis(client, by):
    from dateline.web.aggregates import _next_period, _period_key, _period_start

    periods = client.get("/api/timeline", params={"by": by}).json()["periods"]
    keys = [p["period"] for p in periods]
    assert len(keys) >= 2 and keys == sorted(keys)
    for here, there in zip(keys, keys[1:]):  # each period follows the one before: no gap, no repeat
        assert _period_key(_next_period(_period_start(here, by), by), by) == there
    if by in ("day", "month"):  # the sample and PITF rows span years: some months and days are quiet
        assert any(p["events"] == 0 and p["by_type"] == {} for p in periods)
    events = client.get("/api/events", params={"limit": 1000}).json()["events"]
    assert sum(p["events"] for p in periods) <= len(events)
