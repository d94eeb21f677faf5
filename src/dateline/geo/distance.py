"""The distance between two points on the Earth: the one definition every stage uses."""

from __future__ import annotations

import math

__all__ = ["EARTH_DIAMETER_KM", "distance_km"]

EARTH_DIAMETER_KM = 12742.0  # twice the mean radius, 6371 km


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(min(1.0, math.sqrt(a)))
