"""A person's place edit brings the province with it (the gazetteer's, within the incident's country),
or says in the history that the province and country were left as they were."""

from __future__ import annotations

from pathlib import Path

import test_review as told
from dateline import review
from dateline.store import open_store


def edits(store, incident_id: str) -> dict[str, tuple[object, str | None]]:
    return {d.field: (d.after, d.reason) for d, active in review.history(store, incident_id) if d.action == "edit" and active}


def test_place_moved_to_another_province_takes_that_province(tmp_path: Path) -> None:
    with open_store(tmp_path / "f.db") as store:
        told.add(store, "one")
        kut = told.by_place(store, "Kut")
        assert kut.admin1 == "Wasit"
        review.edit(store, kut.event_id, {"location": "Basra"}, author="ana")
        moved = store.resolve_incident(kut.event_id).record
        assert moved.location == "Basra" and moved.admin1 == "Basra" and moved.country == "Iraq"
        assert 29.5 < moved.latitude < 31.5 and 46.5 < moved.longitude < 48.5
        made = edits(store, kut.event_id)
        assert made["admin1"][0] == "Basra" and "province of Basra" in made["admin1"][1]
        assert made["latitude"][1].startswith("follows the edit: point of Basra")


def test_unknown_place_clears_the_point_and_says_the_province_was_left(tmp_path: Path) -> None:
    with open_store(tmp_path / "f.db") as store:
        told.add(store, "one")
        kut = told.by_place(store, "Kut")
        review.edit(store, kut.event_id, {"location": "Xqzvw Farm"}, author="ana")
        record = store.resolve_incident(kut.event_id).record
        assert record.latitude is None and record.admin1 == "Wasit" and record.country == "Iraq"
        made = edits(store, kut.event_id)
        assert "admin1" not in made
        assert "province and country left as they were" in made["latitude"][1]


def test_person_given_province_is_not_overridden(tmp_path: Path) -> None:
    with open_store(tmp_path / "f.db") as store:
        told.add(store, "one")
        kut = told.by_place(store, "Kut")
        review.edit(store, kut.event_id, {"location": "Basra", "admin1": "Maysan"}, author="ana")
        assert store.resolve_incident(kut.event_id).record.admin1 == "Maysan"
