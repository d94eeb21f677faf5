"""Who may change what on a served app: writes need a login and its CSRF token, reads stay open, the
author of a decision is the logged-in user, and `dateline user` keeps Argon2 hashes in the database
(SQLite and PostgreSQL, schema 7 in both dialects)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dateline.cli import main
from dateline.store import open_store
from dateline.users import add_user, check_login
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures
from web_data import web_db  # noqa: F401  (session fixture)


@pytest.fixture
def db(web_db, tmp_path) -> Path:  # noqa: F811
    path = tmp_path / "dateline.db"
    shutil.copy(web_db, path)
    with open_store(path) as store:
        add_user(store, "ana", "correct horse")
    return path


def served(db: Path, engine, *, required: bool = True) -> TestClient:
    from dateline.web import create_app

    app = create_app(str(db), engine=engine, tiles="none", require_login=required, session_key="test key")
    return TestClient(app, base_url="http://localhost", headers={"Origin": "http://localhost"})


def first_incident(client: TestClient) -> str:
    return client.get("/api/events", params={"limit": 5}).json()["events"][0]["event_id"]


def login(client: TestClient, name: str = "ana", password: str = "correct horse") -> str:
    answer = client.post("/api/login", json={"name": name, "password": password})
    assert answer.status_code == 200, answer.text
    return answer.json()["csrf"]


def test_writes_need_a_login_and_its_csrf_token_reads_stay_open(db: Path, engine) -> None:
    with served(db, engine) as client:
        incident = first_incident(client)  # a read, no login
        assert client.get(f"/api/incidents/{incident}/review").status_code == 200
        refused = client.post(f"/api/incidents/{incident}/accept", json={"user": "mallory"})
        assert refused.status_code == 401 and refused.json()["error"]["where"] == "session"
        assert client.post("/api/documents", data={"text": "A bomb killed 3 in Kut."}).status_code == 401
        assert client.post("/api/login", json={"name": "ana", "password": "wrong pass"}).status_code == 401
        assert client.post("/api/login", json={"name": "nobody", "password": "correct horse"}).status_code == 401

        token = login(client)
        assert client.cookies.get("dateline_session").count(".") == 2  # signed (payload.time.signature)
        session = client.get("/api/session").json()
        assert session == {"user": "ana", "csrf": token, "login_required": True}
        # logged in but no CSRF token (what a forged cross-site form would send): refused
        assert client.post(f"/api/incidents/{incident}/accept", json={}).status_code == 403
        assert client.post(f"/api/incidents/{incident}/accept", json={},
                           headers={"X-CSRF-Token": token[:-2] + "xx"}).status_code == 403
        accepted = client.post(f"/api/incidents/{incident}/accept", json={"user": "mallory"},
                               headers={"X-CSRF-Token": token})
        assert accepted.status_code == 200, accepted.text
        history = accepted.json()["review"]["history"]
        assert [d["author"] for d in history] == ["ana"]  # the logged-in user, not the body's name

        assert client.post("/api/logout", json={}, headers={"X-CSRF-Token": token}).status_code == 200
        client.cookies.clear()
        assert client.post(f"/api/incidents/{incident}/note", json={"text": "x"},
                           headers={"X-CSRF-Token": token}).status_code == 401


def test_session_cookie_is_httponly_samesite_strict_and_signed(db: Path, engine) -> None:
    with served(db, engine) as client:
        answer = client.post("/api/login", json={"name": "ana", "password": "correct horse"})
        header = answer.headers["set-cookie"].lower()
        assert "httponly" in header and "samesite=strict" in header and "path=/" in header
        incident = first_incident(client)
        token = answer.json()["csrf"]
        forged = client.cookies.get("dateline_session").replace("a", "b", 1)
        client.cookies.clear()
        client.cookies.set("dateline_session", forged)
        assert client.post(f"/api/incidents/{incident}/accept", json={}, headers={"X-CSRF-Token": token}).status_code == 401


def test_a_removed_user_can_no_longer_write(db: Path, engine) -> None:
    with served(db, engine) as client:
        token = login(client)
        incident = first_incident(client)
        with open_store(db) as store:
            assert store.remove_user("ana")
        assert client.post(f"/api/incidents/{incident}/accept", json={}, headers={"X-CSRF-Token": token}).status_code == 401


def test_local_app_without_logins_still_takes_the_body_user_but_a_session_needs_its_token(db: Path, engine) -> None:
    with served(db, engine, required=False) as client:
        incident = first_incident(client)
        local = client.post(f"/api/incidents/{incident}/note", json={"user": "bo", "text": "local"})
        assert local.status_code == 200 and local.json()["written"][0]["author"] == "bo"
        login(client)
        assert client.post(f"/api/incidents/{incident}/note", json={"user": "bo", "text": "x"}).status_code == 403


def test_cached_reads_are_not_replayed_to_a_logged_in_browser(db: Path, engine) -> None:
    with served(db, engine) as client:
        client.get("/api/stats")
        client.get("/api/stats")
        hits = client.app.state.read_cache.hits
        login(client)
        client.get("/api/stats")
        assert client.app.state.read_cache.hits == hits  # a request with a cookie is never answered from the cache


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("pg_server").new_database()
    return str(tmp_path / "users.db")


def test_user_command_keeps_an_argon2_hash(url: str) -> None:
    runner = CliRunner()
    added = runner.invoke(main, ["user", "add", "ana", "--password-stdin", "--db", url], input="correct horse\n")
    assert added.exit_code == 0, added.output
    again = runner.invoke(main, ["user", "add", "ana", "--password-stdin", "--db", url], input="correct horse\n")
    assert again.exit_code == 1 and "exists" in again.output
    short = runner.invoke(main, ["user", "add", "bo", "--password-stdin", "--db", url], input="short\n")
    assert short.exit_code == 1 and "at least 8" in short.output
    assert runner.invoke(main, ["user", "list", "--db", url]).output.startswith("ana\t")
    with open_store(url) as store:
        stored = store.password_hash("ana")
        assert stored.startswith("$argon2id$") and "correct horse" not in stored
        assert check_login(store, "ana", "correct horse") == "ana"
        assert check_login(store, "ana", "correct horsE") is None
        assert store.stats()["schema_version"] >= 8
    renamed = runner.invoke(main, ["user", "add", "ana", "--replace", "--password-stdin", "--db", url], input="battery staple\n")
    assert renamed.exit_code == 0
    with open_store(url) as store:
        assert check_login(store, "ana", "battery staple") == "ana" and check_login(store, "ana", "correct horse") is None
    assert runner.invoke(main, ["user", "remove", "ana", "--db", url]).exit_code == 0
    assert runner.invoke(main, ["user", "remove", "ana", "--db", url]).exit_code == 1


def test_serve_requires_login_off_loopback() -> None:
    from dateline.web.guards import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")


@pytest.mark.parametrize("host, required", [("0.0.0.0", True), ("127.0.0.1", False)])
def test_serve_needs_logins_when_bound_beyond_loopback(host: str, required: bool, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    served_apps = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served_apps.append((app, kwargs)))
    result = CliRunner().invoke(main, ["serve", "--host", host, "--db", str(tmp_path / "s.db"), "--tiles", "none"])
    assert result.exit_code == 0, result.output
    app, kwargs = served_apps[0]
    assert kwargs["host"] == host and app.state.login_required is required
    assert ("no users yet" in result.output) is required
    app.state.store.close()
