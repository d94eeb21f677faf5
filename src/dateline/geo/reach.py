"""Where the document is, as distance to its other places tells it.

Two readings lean on a name alone and so can land a continent away from the rest of the story: a
feature the gazetteer does not know, read as the town it is named after ("Kiser Lake" -> Keyser,
West Virginia, in an Ohio story), and the town an outlet is named after ("Norfolk" for
norfolkdailynews.com, which has namesakes in Virginia and Nebraska). Both are local: they belong by
the document's other places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .distance import distance_km

if TYPE_CHECKING:
    from ..models import Place
    from .colocation import TownIndex
    from .context import PlaceContext

REACH_KM = 200.0  # the resolver's outer "near" ring (near_200)

Point = tuple[float, float]


def within_reach(place: "Place", context: "PlaceContext", points: Sequence[Point]) -> bool:
    """Whether a town lies where the document is: in its province, or within 200 km of another place
    it names; a province, a country or a document with neither a province nor other places passes."""
    if place.feature_class != "P" or place.is_country or place.is_admin1:
        return True
    if context.admin1 and place.admin1 == context.admin1 and place.country_code == context.country_code:
        return True
    if not points and not context.admin1:
        return True
    return any(distance_km(place.latitude, place.longitude, lat, lon) <= REACH_KM for lat, lon in points)


def by_the_others(places: Sequence["Place"], own: str, towns: "TownIndex") -> list["Place"]:
    """The places among ``places`` (readings of the name ``own``) that have the most other names of the
    document with some town or county reading within 200 km; all of them when none has any, so that a
    story without other towns changes nothing."""
    counts = [(towns.neighbours(p, own, km=REACH_KM), p) for p in places]
    best = max((n for n, _p in counts), default=0)
    return [p for n, p in counts if n == best] if best else list(places)
