"""Grouping mentions into incidents."""

from dateline.merge import group_incidents
from dateline.resolve.places import distance_km
from dateline.models import Event


def mention(doc: str, *, start: int = 0, date: str = "2008-06-19", lat: float = 31.84, lon: float = 47.14, etype: str = "Battles", killed: int | None = None, actor: str | None = "mahdi_army", **kw) -> Event:
    return Event(
        event_id=f"{doc}-{start}", document_id=doc, evidence_start=start, evidence_end=start + 10, evidence_text="x",
        event_type=etype, sub_event_type="Armed clash", date_start=date, date_end=date, time_precision=1,
        latitude=lat, longitude=lon, geo_precision=1, admin1="Maysan", country="Iraq", fatalities=killed, actor1_id=actor, **kw,
    )


def test_two_reports_of_one_clash_become_one_incident_with_disagreement() -> None:
    incidents = group_incidents([mention("a", killed=12), mention("b", killed=15, lat=31.85)])
    assert len(incidents) == 1
    assert incidents[0].fatalities == 15
    assert incidents[0].disagreements == ["fatalities: a 12, b 15"]


def test_far_apart_places_stay_apart() -> None:
    assert len(group_incidents([mention("a"), mention("b", lat=33.3, lon=44.4)])) == 2


def test_different_days_stay_apart() -> None:
    assert len(group_incidents([mention("a"), mention("b", date="2008-06-25")])) == 2


def test_different_named_actors_stay_apart() -> None:
    assert len(group_incidents([mention("a"), mention("b", actor="aqi_other")])) == 2


def test_violent_types_may_differ_between_reports() -> None:
    assert len(group_incidents([mention("a"), mention("b", etype="Explosions/Remote violence")])) == 1


def test_flagged_mentions_are_not_merged() -> None:
    assert len(group_incidents([mention("a"), mention("b", background=True)])) == 2


def test_distance() -> None:
    assert 120 < distance_km(31.84, 47.14, 30.5, 47.8) < 170
