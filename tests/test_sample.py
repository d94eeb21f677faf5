"""The sample post end to end: the events an analyst expects, and none from the reference list or sidebar."""

from __future__ import annotations

import pytest

from dateline.geo.distance import distance_km
from dateline.models import BODY


def _by(events, **want):
    return [e for e in events if all(getattr(e, k) == v for k, v in want.items())]


def test_document_metadata(sample_events) -> None:
    document, _ = sample_events
    assert document.published == "2008-06-20"
    assert document.title == "Operation Promise of Peace in Maysan Province"


def test_launch_of_the_operation(sample_events) -> None:
    _, events = sample_events
    launch = [e for e in events if e.date_start == "2008-06-19"]
    assert len(launch) == 1
    e = launch[0]
    assert e.time_precision == 1
    assert e.admin1 == "Maysan"
    assert distance_km(e.latitude, e.longitude, 31.9, 47.1) < 50
    assert e.actor1_id and e.inter1 == 1 and "Iraq" in e.actor1  # the Iraqi government or its forces
    assert e.actor2_id in {"sadrist_movement", "mahdi_army"}
    assert not (e.negated or e.hypothetical or e.background)


def test_arrest_of_the_deputy_governor(sample_events) -> None:
    document, events = sample_events
    arrests = [e for e in _by(events, event_type="Strategic developments", sub_event_type="Arrests") if "deputy governor" in e.evidence_text]
    assert len(arrests) == 1
    e = arrests[0]
    assert "Police" in e.actor1
    assert e.actor2_id == "sadrist_movement"
    assert distance_km(e.latitude, e.longitude, 31.84, 47.14) < 10
    assert e.geo_precision == 1
    assert document.text[e.evidence_start : e.evidence_end] == e.evidence_text


def test_2006_fighting_in_amara_is_background(sample_events) -> None:
    _, events = sample_events
    (e,) = [e for e in events if e.event_type == "Battles" and "2006" in e.evidence_text]
    assert e.sub_event_type == "Armed clash"
    assert (e.date_start, e.date_end, e.time_precision) == ("2006-01-01", "2006-12-31", 3)
    assert e.background and not e.counted
    assert e.actor1_id == "mahdi_army"
    assert "Police" in (e.actor2 or "")
    assert distance_km(e.latitude, e.longitude, 31.84, 47.14) < 10


def test_nothing_from_references_or_sidebar(sample_events) -> None:
    document, events = sample_events
    bodies = document.body_sections()
    for e in events:
        assert any(s.start <= e.evidence_start and e.evidence_end <= s.end for s in bodies), e.evidence_text
    assert not [e for e in events if "Lusanne" in e.evidence_text or "1920" in e.evidence_text]


def test_references_parsed(sample_events) -> None:
    document, _ = sample_events
    refs = document.references
    assert len(refs) == 10  # every citation line of the post (see docs/data-model.md on the count)
    ap = [r for r in refs if r.date == "2008-06-16"]
    assert len(ap) == 1 and ap[0].outlet == "Associated Press"
    assert all(r.outlet and r.date for r in refs)


def test_every_event_has_provenance(sample_events) -> None:
    document, events = sample_events
    assert events
    for e in events:
        assert e.document_id == document.id
        assert document.text[e.evidence_start : e.evidence_end] == e.evidence_text
        for name, (start, end) in e.spans.items():
            assert any(s.start <= start < end <= s.end for s in document.body_sections()), name
        assert e.date_reason and e.place_reason


@pytest.mark.parametrize("section", ["references", "sidebar", "comments"])
def test_sections_found(sample_events, section: str) -> None:
    document, _ = sample_events
    kinds = [s.kind for s in document.sections]
    assert section in kinds and BODY in kinds
