"""Fields that follow an edit: what else changes when a person sets one field and leaves the others.

A person who sets the toll to 3 means the range is 3 too; one who moves an incident to "Qalat Salih"
means its point on the map, and its province and district, move there (within its country; a place the
gazetteer does not know clears the point and leaves the province, which the reason says). Each follow-up is a row (the field edited, what it fills,
how), switched off by removing it; the filled values are stored as edits of their own with the reason,
so the history says where they came from.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import DatelineError
from ..models import Event
from .apply import parse_value

__all__ = ["FOLLOW_UPS", "FollowUp", "follow_ups"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """When ``edited`` is set and none of ``fills`` is, ``derive`` gives their values (and why)."""

    edited: str
    fills: tuple[str, ...]
    derive: Callable[[Any, Event], tuple[dict[str, Any], str]]


def _toll_range(value: Any, record: Event) -> tuple[dict[str, Any], str]:
    return {"fatalities_low": value, "fatalities_high": value}, "the toll a person set bounds the range"


def _gazetteer_place(value: Any, record: Event) -> tuple[Any | None, str]:
    """The gazetteer's best place of that name in the incident's country (its province preferred), or
    None with why there is none."""
    if not value:
        return None, "no place"
    try:
        from ..geo.gazetteer import Gazetteer

        candidates = Gazetteer.default().lookup(str(value), admin1=record.admin1, limit=10)
    except DatelineError as err:  # no gazetteer: keep the person's name, drop the old point
        log.warning("no gazetteer to place %r: %s", value, err)
        return None, f"no gazetteer to place {value!r}"
    same_country = [p for p in candidates if record.country is None or p.country == record.country]
    if not same_country:
        return None, f"{value!r} not in the gazetteer for {record.country or 'any country'}"
    return same_country[0], ""


def _place_point(value: Any, record: Event) -> tuple[dict[str, Any], str]:
    """The point of the gazetteer's place; no point when there is none (a point left at the old place
    would put the incident where a person said it was not). The country and province are then left as
    they were, and the reason says so."""
    cleared = {"latitude": None, "longitude": None, "geo_precision": None}
    place, why = _gazetteer_place(value, record)
    if place is None:
        return cleared, f"{why}; point cleared, province and country left as they were"
    precision = 1 if place.feature_class == "P" else 3 if place.is_admin1 or place.is_country else 2
    values = {"latitude": place.latitude, "longitude": place.longitude, "geo_precision": precision}
    return values, f"point of {place.name} ({place.admin1 or place.country}) from the gazetteer"


def _place_area(value: Any, record: Event) -> tuple[dict[str, Any], str]:
    """The province and district of the gazetteer's place (in the incident's country), so a place moved
    to another province does not keep the old one; nothing when the gazetteer has no such place (the
    point rule's reason says the province was left)."""
    place, _ = _gazetteer_place(value, record)
    if place is None or not place.admin1:
        return {}, ""
    values = {"admin1": place.admin1}
    if place.admin2 or place.admin1 != record.admin1:  # a district of the old province would be wrong
        values["admin2"] = place.admin2
    return values, f"province of {place.name} ({place.admin1}) from the gazetteer"


FOLLOW_UPS: tuple[FollowUp, ...] = (
    FollowUp("fatalities", ("fatalities_low", "fatalities_high"), _toll_range),
    FollowUp("location", ("latitude", "longitude"), _place_point),
    FollowUp("location", ("admin1", "admin2"), _place_area),
)


def follow_ups(values: Mapping[str, Any], record: Event, *, rules: tuple[FollowUp, ...] = FOLLOW_UPS
               ) -> list[tuple[dict[str, Any], str]]:
    """The extra edits (values, reason) that follow the fields set in ``values`` on ``record``."""
    extra = []
    for rule in rules:
        if rule.edited in values and not any(name in values for name in rule.fills):
            derived, reason = rule.derive(parse_value(rule.edited, values[rule.edited]), record)
            changed = {k: v for k, v in derived.items() if getattr(record, k) != v}
            if changed:
                extra.append((changed, reason))
    return extra
