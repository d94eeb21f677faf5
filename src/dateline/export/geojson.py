"""Events as a GeoJSON FeatureCollection of points (RFC 7946: [longitude, latitude]).

Written a few hundred features at a time, so large exports need no more memory than that.
Events without usable coordinates are left out and counted in the log.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable
from typing import Any, TextIO

from ..models import Event
from .chunks import ROWS_PER_CHUNK, Chunks, Reviews, reviewed, write_chunks

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


def geojson_chunks(events: Iterable[Event], *, reviews: Reviews = None) -> Chunks:
    """A FeatureCollection of the events that have coordinates (a reviewed one's properties carry its
    ``review`` without the history), a few hundred features a piece; returns the number of features."""
    written = skipped = 0
    parts = ['{"type": "FeatureCollection", "features": [']
    for event, review in reviewed(events, reviews):
        if not has_point(event):
            skipped += 1
            continue
        parts.append(",\n" if written else "\n")
        item = feature(event)
        if review:
            item["properties"]["review"] = {k: v for k, v in review.items() if k != "history"}
        parts.append(json.dumps(item, ensure_ascii=False))
        written += 1
        if written % ROWS_PER_CHUNK == 0:
            yield "".join(parts)
            parts.clear()
    parts.append("\n]}\n")
    yield "".join(parts)
    if skipped:
        log.info("GeoJSON export: %d of %d events left out (no coordinates)", skipped, written + skipped)
    return written


def write_geojson(events: Iterable[Event], fp: TextIO) -> int:
    """Write a FeatureCollection of the events that have coordinates; returns the number of features."""
    return write_chunks(geojson_chunks(events), fp)
