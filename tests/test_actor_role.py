"""The actor filter told by role: as actor 1 (who acts), as actor 2 (who is acted on) or either, the
same in SQLite and PostgreSQL, from the CLI (--role) and the API (role=)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

import test_review as told
from dateline.cli import main
from dateline.query import EventFilter
from dateline.store import open_store
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures

# Kut: police attack militants; Hilla: militants attack police; Najaf: no police at all.
ACTORS = {"one": dict(actor1="Police Forces of Iraq (2006-)", actor2="Militia (Mahdi Army)"),
          "hilla": dict(actor1="Militia (Mahdi Army)", actor2="Police Forces of Iraq (2006-)", assoc_actor_2="Civilians"),
          "najaf": dict(actor1="Unidentified Armed Group", actor2="Civilians (Iraq)")}


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("pg_server").new_database()
    return str(tmp_path / "roles.db")


def fill(store) -> None:
    for key, actors in ACTORS.items():
        doc, events = told.story(key)
        store.add_document(doc, [dataclasses.replace(e, **actors) for e in events])


def places(store, **filters) -> list[str]:
    return sorted(i.location for i in store.incidents(EventFilter(**filters)))


def test_role_picks_the_side_in_both_backends(url: str) -> None:
    with open_store(url) as store:
        fill(store)
        assert places(store, actor="police") == ["Hilla", "Kut"]
        assert places(store, actor="police", actor_role="either") == ["Hilla", "Kut"]
        assert places(store, actor="police", actor_role="actor1") == ["Kut"]
        assert places(store, actor="POLICE", actor_role="actor2") == ["Hilla"]
        assert places(store, actor="civilians", actor_role="actor2") == ["Hilla", "Najaf"]  # associated actors count
        assert places(store, actor="civilians", actor_role="actor1") == []
        assert store.count_events(EventFilter(actor="mahdi", actor_role="actor1", unit="mentions")) == 1


def test_cli_role_option_and_bad_role(tmp_path: Path) -> None:
    db = str(tmp_path / "roles.db")
    with open_store(db) as store:
        fill(store)
    runner = CliRunner()
    out = runner.invoke(main, ["incidents", "--db", db, "--actor", "police", "--role", "actor2", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert "Hilla" in out.output and "Kut" not in out.output
    bad = runner.invoke(main, ["incidents", "--db", db, "--actor", "police", "--role", "target"])
    assert bad.exit_code == 2


def test_api_role_param_on_lists_and_network(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    db = str(tmp_path / "roles.db")
    with open_store(db) as store:
        fill(store)
    with TestClient(create_app(db, tiles="none"), base_url="http://localhost") as client:
        listed = client.get("/api/events", params={"actor": "police", "role": "actor1"}).json()["events"]
        assert [e["location"] for e in listed] == ["Kut"]
        network = client.get("/api/network", params={"actor": "police", "role": "actor2"}).json()
        assert [(e["source"], e["target"]) for e in network["edges"]] == [("Militia (Mahdi Army)", "Police Forces of Iraq (2006-)")]
        bad = client.get("/api/events", params={"actor": "police", "role": "target"})
        assert bad.status_code == 400 and bad.json()["error"]["where"] == "role"
