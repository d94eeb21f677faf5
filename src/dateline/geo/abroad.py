"""Namesakes abroad: a town of the document's own country against a foreign place of the same name.

The gazetteer ranks a name's candidates on their own, so a village of Borno ("Baga") loses to a
Catalan town of 2,000 people, "Daleh" in a story about Yemen to Dale, Indiana, and "El Fid" in
South Kordofan to Fayid, Egypt. When the document names its country outright (the country, or a
province of it: "Borno state", "South Kordofan"), a foreign reading far from every other place
the document names is a namesake, not the place meant (learned on the PITF dev halves of
countries other than Iraq):

- when the name also has a reading in the document's country, called by its own name, that
  reading is taken ("Zango village ... Plateau State": Zango, Nigeria, not Zango, Angola);
- otherwise the name has no place we know (:func:`foreign_namesake` says so), so that the event
  takes the sentence's other places or the document's province, not a point 3,000 km away.

A country the document names keeps its towns ("Cameroon" named: its towns are no namesakes), and
so does a country another name of the document reads ("Hollywood" in a Canadian story that also
names Los Angeles); a city of 100,000 keeps its name ("Riga", "Glasgow", "New Delhi" in a story
naming a US state), and a foreign place within 200 km of another place the document names is a
neighbour, not a namesake (Windsor, Ontario in a Detroit story).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Sequence

from ..models import Place
from ..resolve.names import normalise_name
from .distance import distance_km

if TYPE_CHECKING:
    from .context import PlaceContext
    from .gazetteer import Gazetteer

__all__ = ["CountryCells", "country_named", "foreign_namesake", "home_reading", "own_reading"]

_TOWN = 100_000  # a foreign city this big is what its name means, even in a story of another country
_NEIGHBOUR_KM = 200.0  # a foreign place this close to another named place is a neighbour


def country_named(context: "PlaceContext") -> bool:
    """Whether the document names its own country outright: the country itself (or its demonym, when
    the tagger passes it as a place) or one of its provinces."""
    cc = context.country_code
    return bool(cc) and (cc in context.named_countries or any(c == cc for c, _a1 in context.named_provinces))


class CountryCells:
    """Which one-degree cells of the map hold a town of a country (built per country on first use),
    to tell a town across the border from a namesake on another continent."""

    def __init__(self, gazetteer: "Gazetteer") -> None:
        self.gazetteer = gazetteer
        self._cells: dict[str, frozenset[tuple[int, int]]] = {}

    def near(self, country_code: str, lat: float, lon: float) -> bool:
        """Whether a town of the country lies within two cells of the point's (about 220-330 km):
        "Gambaru" in a story naming Cameroon is the Nigerian border town, and so is "Damasak" in one
        naming Chad."""
        cells = self._cells.get(country_code)
        if cells is None:
            cells = frozenset((math.floor(la), math.floor(lo)) for la, lo, _a1
                              in self.gazetteer.populated_points(country_code))
            self._cells[country_code] = cells
        row, col = math.floor(lat), math.floor(lon)
        return any((row + dr, col + dc) in cells for dr in range(-2, 3) for dc in range(-2, 3))


def foreign_namesake(place: Place, name: str, context: "PlaceContext", *, cells: CountryCells | None = None) -> bool:
    """Whether a candidate is a namesake abroad: a town of a country the document does not name, of
    fewer than 100,000 people, in a document that names its own, different country, whose country no other name of the document reads, and more than
    200 km from every other place the document names."""
    if not country_named(context) or place.feature_class != "P":
        return False  # towns only: a region ("Rhone-Alpes") is no namesake of a village
    if place.country_code in (None, "", context.country_code) or place.country_code in context.named_countries:
        return False
    if place.population >= _TOWN:
        return False
    if cells is not None and context.country_code and cells.near(context.country_code, place.latitude, place.longitude):
        return False  # across the border from the document's country: a neighbour, not a namesake
    own = normalise_name(name)
    if any(place.country_code in votes for key, votes in context.country_votes.items() if key != own):
        return False  # another name of the document reads that country too: a story of both
    return all(distance_km(place.latitude, place.longitude, lat, lon) > _NEIGHBOUR_KM
               for key, (lat, lon) in context.anchors.items() if key != own)


def own_reading(places: Sequence[Place], name: str, country_code: str | None,
                admin1: str | None = None) -> Place | None:
    """The first of ``places`` (best first) called by the very name (not through an alias) that lies in
    the country (and province); None when it has no place of that name there."""
    own = normalise_name(name)
    return next((p for p in places if p.country_code == country_code and not p.is_country
                 and (admin1 is None or p.admin1 == admin1) and normalise_name(p.name) == own), None)


def home_reading(places: Sequence[Place], name: str, context: "PlaceContext") -> Place | None:
    """The name's own reading in the document's country (see :func:`own_reading`)."""
    return own_reading(places, name, context.country_code)
