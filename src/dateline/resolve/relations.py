"""Where an event lies relative to a named place: "near X", "30 km south of X".

``parse_relation`` reads the words just before a place name; ``offset_point`` moves a point by a
distance and a compass bearing. Moved out of :mod:`dateline.geo.places` to keep that
module under 800 lines; ``places`` re-exports both.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["Relation", "offset_point", "parse_relation"]

_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
             "west": 270, "northwest": 315, "north-east": 45, "south-east": 135, "south-west": 225,
             "north-west": 315}
_RELATION_RE = re.compile(
    r"(?:(?P<num>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>km|kms|kilometers|kilometres|kilometer|kilometre|miles|mile|mi)\s+)?"
    r"(?:\(\s*\d+(?:\.\d+)?\s*\w+\s*\)\s+)?"
    r"(?P<dir>north-?east|north-?west|south-?east|south-?west|north|south|east|west)(?:ern)?\s+(?:of\s+)?(?:the\s+)?$"
    r"|(?P<near>near|outside|around|close to|nearby|near to|on the outskirts of|outskirts of|just outside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def offset_point(lat: float, lon: float, *, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) in the compass ``bearing`` (degrees), on a sphere."""
    d, b = km / 6371.0, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)


@dataclass(slots=True, frozen=True)
class Relation:
    """Where the event is relative to a named place: "near", or a distance and bearing."""

    text: str
    km: float | None = None
    bearing: float | None = None

    @property
    def has_offset(self) -> bool:
        return self.bearing is not None


def parse_relation(before: str) -> Relation | None:
    """The relation that the text just before a place name states ("30 km south of", "near"), if any."""
    match = _RELATION_RE.search(before[-60:])
    if match is None:
        return None
    if match.group("near"):
        return Relation(match.group("near").lower())
    km = None
    if match.group("num"):
        km = float(match.group("num")) * (1.609 if match.group("unit").lower().startswith("mi") else 1.0)
    direction = match.group("dir").lower().replace("-", "")
    return Relation(" ".join(match.group(0).split()).rstrip(), km, _BEARINGS[direction])
