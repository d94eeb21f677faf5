"""Events as a GeoJSON FeatureCollection of points (RFC 7946: [longitude, latitude]).

Written feature by feature, so large exports need no more memory than one event.
Events without usable coordinates are left out and counted in the log.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from ..models import Event

log = logging.getLogger(__name__)


def has_point(event: Event) -> bool:
    """Whether the event has finite coordinates inside the valid ranges."""
    lat, lon = event.latitude, event.longitude
    if lat is None or lon is None:
        return False
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Point feature; properties are its record without latitude/longitude."""
    properties = event.to_record()
    lat, lon = properties.pop("latitude"), properties.pop("longitude")
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def write_geojson(events: Iterable[Event], fp: TextIO, *, reviews: Mapping[str, Mapping[str, Any]] | None = None) -> int:
    """Write a FeatureCollection of the events that have coordinates (a reviewed one's properties carry
    its ``review`` without the history); returns the number of features."""
    written = skipped = 0
    reviews = reviews or {}
    fp.write('{"type": "FeatureCollection", "features": [')
    for event in events:
        if not has_point(event):
            skipped += 1
            continue
        fp.write(",\n" if written else "\n")
        item = feature(event)
        if event.event_id in reviews:
            item["properties"]["review"] = {k: v for k, v in reviews[event.event_id].items() if k != "history"}
        fp.write(json.dumps(item, ensure_ascii=False))
        written += 1
    fp.write("\n]}\n")
    if skipped:
        log.info("GeoJSON export: %d of %d events left out (no coordinates)", skipped, written + skipped)
    return written
