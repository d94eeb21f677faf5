"""The web app over a PostgreSQL store: the same routes answer from the server database."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from pg_server import pg_server, pg_url  # noqa: F401  (fixtures)


@pytest.fixture
def pg_client(pg_url, engine, sample_path):  # noqa: F811
    from dateline.pipeline import ingest
    from dateline.store import open_store
    from dateline.web import create_app

    with open_store(pg_url) as store:
        report = ingest([str(sample_path)], store=store, engine=engine)
    assert report.documents == 1
    with TestClient(create_app(pg_url, engine=engine, tiles="none"), base_url="http://localhost") as client:
        yield client


@pytest.mark.parametrize(
    ("route", "check"),
    [
        ("/api/events?admin1=Maysan", lambda body: body["total"] >= 3 if "total" in body else len(body["events"]) >= 3),
        ("/api/timeline?by=day", lambda body: any(r["period"] == "2008-06-19" for r in body["periods"])),
        ("/api/map", lambda body: len(body["points"]) >= 1 and len(body["provinces"]) >= 1),
        ("/api/network", lambda body: len(body["nodes"]) >= 2),
        ("/api/onthisday?day=06-19", lambda body: len(body["events"]) == 1),
    ],
)
def test_views_answer_from_postgres(pg_client, route, check) -> None:
    response = pg_client.get(route)
    assert response.status_code == 200, response.text
    assert check(response.json()), response.text[:500]


def test_bad_parameter_same_error_shape(pg_client) -> None:
    response = pg_client.get("/api/events?date_from=not-a-date")
    assert response.status_code == 400 and set(response.json()) == {"error"}


def test_postgres_aggregates_match_sqlite(pg_client, sample_path, engine, tmp_path) -> None:
    from dateline.pipeline import ingest
    from dateline.store import open_store
    from dateline.web import create_app

    db = tmp_path / "same.db"
    with open_store(db) as store:
        ingest([str(sample_path)], store=store, engine=engine)
    with TestClient(create_app(str(db), engine=engine, tiles="none"), base_url="http://localhost") as sqlite_client:
        for route in ("/api/timeline?by=week&flagged=true", "/api/network?flagged=true", "/api/facets"):
            assert pg_client.get(route).json() == sqlite_client.get(route).json(), route
