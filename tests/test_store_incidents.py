"""Incidents in the store, on SQLite and PostgreSQL: any order, any batch, re-ingest, every mention once."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from dateline import query
from dateline.models import Document, Event, make_event_id
from dateline.query import EventFilter
from dateline.store import open_store
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures

# Three outlets report one bombing in Amarah (two tolls), one also a separate attack in Basra; a fourth
# reports an attack the same day in another town of the same province.
STORIES = {
    "ap": ("AP", "A car bomb killed 13 people in Amarah on Tuesday. Police said the car bomb killed 13 in a market.",
           [("A car bomb killed 13 people in Amarah on Tuesday.", dict(fatalities=13, location="Amarah", latitude=31.84, longitude=47.14)),
            ("Police said the car bomb killed 13 in a market.", dict(fatalities=13, location="Amarah", latitude=31.84, longitude=47.14))]),
    "jp": ("Jerusalem Post", "A bomb in Amarah killed 7 on Tuesday. Gunmen killed 2 in Basra.",
           [("A bomb in Amarah killed 7 on Tuesday.", dict(fatalities=7, location="Amarah", latitude=31.85, longitude=47.15)),
            ("Gunmen killed 2 in Basra.", dict(fatalities=2, location="Basra", admin1="Basra", latitude=30.5, longitude=47.8,
                                              event_type="Violence against civilians", sub_event_type="Attack"))]),
    "rt": ("Reuters", "Thirteen died when a car bomb went off in Amarah.",
           [("Thirteen died when a car bomb went off in Amarah.", dict(fatalities=13, location="Amarah", latitude=31.84, longitude=47.14))]),
    "voi": ("VOI", "A roadside bomb killed 3 soldiers in Ali al-Gharbi on Tuesday.",
            [("A roadside bomb killed 3 soldiers in Ali al-Gharbi on Tuesday.",
              dict(fatalities=3, location="Ali al-Gharbi", latitude=32.46, longitude=46.69))]),
}


def story(key: str) -> tuple[Document, list[Event]]:
    outlet, text, told = STORIES[key]
    doc = Document(id=key, text=text, source=outlet, published="2008-03-26")
    events = []
    for sentence, fields in told:
        start = text.index(sentence)
        count = str(fields["fatalities"])
        at = sentence.find(count) if count in sentence else 0
        values = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      date_start="2008-03-25", date_end="2008-03-25", time_precision=1, date_reason="sentence: 'Tuesday'",
                      country="Iraq", admin1="Maysan", geo_precision=1, place_reason="in sentence", source=outlet,
                      published="2008-03-26", spans={"fatalities": [start + at, start + at + len(count)]})
        values.update(fields)
        events.append(Event(make_event_id(key, start, start + len(sentence)), key, start, start + len(sentence), sentence, **values))
    return doc, events


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path):
    def make(name: str) -> str:
        if request.param == "postgres":
            return request.getfixturevalue("pg_server").new_database()
        return str(tmp_path / f"{name}.db")
    return make


def snapshot(url: str) -> tuple:
    with open_store(url) as store:
        rows = query.incidents(store, EventFilter(include_flagged=True))
        details = store.incident_details([r.event_id for r in rows])
        mentions = store.events(EventFilter(include_flagged=True))
    return (tuple(sorted((r.event_id, r.location, r.fatalities, tuple(sorted(details[r.event_id].mention_ids))) for r in rows)),
            tuple(sorted((m.event_id, m.incident_id) for m in mentions)))


def test_same_incidents_in_any_order_and_every_mention_in_one(target) -> None:
    results = set()
    for n, order in enumerate(itertools.permutations(STORIES)):
        if n % 5:  # 24 orders; a quarter of them is enough to catch order dependence, fast on both backends
            continue
        url = target(f"order{n}")
        with open_store(url) as store:
            for key in order:
                store.add_document(*story(key))
        results.add(snapshot(url))
    assert len(results) == 1
    (incidents, mentions), = results
    # the Amarah bombing (3 outlets), the Basra shooting, the Ali al-Gharbi bombing
    assert sorted((loc, n) for _, loc, _, ids in incidents for n in [len(ids)]) == [("Ali al-Gharbi", 1), ("Amarah", 4), ("Basra", 1)]
    incident_ids = {i for i, *_ in incidents}
    assert all(incident in incident_ids for _, incident in mentions)  # every mention in exactly one incident
    assert len(mentions) == 6


def test_disagreements_are_named_by_outlet_and_tolls_never_summed(target) -> None:
    url = target("one")
    with open_store(url) as store:
        for key in STORIES:
            store.add_document(*story(key))
        (amarah,) = [i for i in query.incidents(store) if i.location == "Amarah"]
        incident = store.get_incident(amarah.event_id)
        assert (amarah.fatalities, amarah.fatalities_low, amarah.fatalities_high) == (13, 7, 13)
        assert incident.disagreements[0] == "fatalities: AP 13, Jerusalem Post 7, Reuters 13"
        assert incident.sources == ["AP", "Jerusalem Post", "Reuters"]
        assert incident.merge_reasons
        assert sum(r.fatalities or 0 for r in query.incidents(store)) == 13 + 2 + 3
        assert sum(row.fatalities for row in query.timeline(store, by="month")) == 18
        assert store.stats()["incidents"] == 3


def test_reingest_is_idempotent(target) -> None:
    url = target("again")
    with open_store(url) as store:
        for key in STORIES:
            store.add_document(*story(key))
        before = snapshot(url)
        for key in STORIES:
            assert store.add_document(*story(key)) is False
    assert snapshot(url) == before


def test_mentions_stay_listed_apart_from_incidents(target) -> None:
    url = target("units")
    with open_store(url) as store:
        for key in STORIES:
            store.add_document(*story(key))
        assert store.count_events() == 6
        assert store.count_incidents() == 3
        assert len(query.incidents(store, EventFilter(document_id="jp"))) == 2
        assert len(query.incidents(store, EventFilter(text="market"))) == 1
