"""Where a document's place names can lie together.

Each name of a document can be many towns ("New London": Connecticut, Wisconsin, Iowa...). Names
that have readings within 50 km of each other probably mean those readings: "New London",
"Mt. Pleasant" and "Winfield" are three towns of south-east Iowa though each alone reads another
state. :class:`TownIndex` keeps every town or county reading of every name on a grid, so the
resolver can count, for a candidate, the other names with a reading nearby.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from ..models import Place
from ..resolve.names import normalise_name
from .distance import distance_km

__all__ = ["TownIndex"]

_CELL = 0.5  # degrees of the grid: a 50-km neighbourhood spans 3 cells of latitude
_CITY = 1_000_000  # a name read first as a city this big lends no namesake hamlets


def is_town_or_county(place: Place) -> bool:
    """A populated place or a second-level unit: the readings that can lie together."""
    return place.feature_class == "P" or place.feature_code == "ADM2"


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


@dataclass
class TownIndex:
    """Grid cell -> (name key, lat, lon) of every town or county each name can be, called by its own name."""

    cells: dict[tuple[int, int], list[tuple[str, float, float]]] = field(default_factory=dict)
    _counts: dict[tuple[str, float, float, float], int] = field(default_factory=dict, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.cells)

    def keys(self) -> set[str]:
        """The name keys that have a reading in the index."""
        return {key for entries in self.cells.values() for key, _lat, _lon in entries}

    def add(self, key: str, found: Sequence[Place]) -> None:
        """Record where each town or county called by the very name ``key`` lies; not for a name whose
        first reading is a country, a province or a city of a million ("Moscow", "Kiev", "Riga" in a
        story naming Russia's neighbours: their namesake hamlets of Michigan lie together too)."""
        if found and (found[0].is_country or found[0].is_admin1 or found[0].population >= _CITY):
            return
        self._counts.clear()
        for place in found:
            if is_town_or_county(place) and normalise_name(place.name) == key:
                self.cells.setdefault(_cell(place.latitude, place.longitude), []).append(
                    (key, place.latitude, place.longitude))

    def neighbours(self, place: Place, own: str, *, km: float = 50.0) -> int:
        """How many other names can be a town or county within ``km`` of a town or county candidate of
        the name ``own``: any of their readings counts, not only their best. The same name with a
        generic word ("DeKalb County" for "DeKalb") is not another name."""
        if not self.cells or not is_town_or_county(place):
            return 0
        lat, lon = place.latitude, place.longitude
        memo = (own, lat, lon, km)  # every mention of a name asks again
        if memo not in self._counts:
            self._counts[memo] = self._count(lat, lon, own, km)
        return self._counts[memo]

    def _count(self, lat: float, lon: float, own: str, km: float) -> int:
        row, col = _cell(lat, lon)
        rows = math.ceil(km / (111.2 * _CELL))  # cells of latitude the radius spans, then of longitude
        cols = min(math.ceil(km / (111.2 * _CELL * max(math.cos(math.radians(lat)), 0.05))), int(180 / _CELL))
        others: set[str] = set()
        for dr in range(-rows, rows + 1):
            for dc in range(-cols, cols + 1):
                for key, plat, plon in self.cells.get((row + dr, col + dc), ()):
                    if (key not in others and abs(plat - lat) * 111.2 <= km and not key.startswith(own)
                            and not own.startswith(key) and distance_km(lat, lon, plat, plon) <= km):
                        others.add(key)
        return len(others)
