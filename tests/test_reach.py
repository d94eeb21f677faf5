"""Round 10: readings that lean on a name alone must lie where the document's other places are."""

from __future__ import annotations

import pytest

from dateline.geo.colocation import TownIndex
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.places import PlaceResolver
from dateline.geo.reach import by_the_others
from dateline.models import Place


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.default())


@pytest.mark.parametrize(
    "names, feature, admin1",
    [
        (["Minneapolis", "Saint Paul", "Lake Keokuk"], "Lake Keokuk", None),  # not by Keokuk, Iowa
        (["Dayton", "Columbus", "Selma Lake"], "Selma Lake", None),  # not by Selma, Alabama
        (["Boise", "Idaho", "Tupelo Park"], "Tupelo Park", None),
        (["Dayton", "Columbus", "Xenia Lake"], "Xenia Lake", "Ohio"),  # Xenia lies among them
        (["Tupelo Park"], "Tupelo Park", "Mississippi"),  # nothing else named: no test of reach
    ],
)
def test_a_feature_lies_by_its_town_only_near_the_documents_places(resolver: PlaceResolver, names: list[str],
                                                                   feature: str, admin1: str | None) -> None:
    context = resolver.context([(n, None) for n in names])
    resolved = resolver.resolve(feature, context=context, nearby=names)
    assert (resolved.place.admin1 if resolved else None) == admin1


@pytest.mark.parametrize(
    "source, names, admin1",
    [
        ("auburnjournal.com", ["Auburn", "Sacramento"], "California"),  # not Auburn, Washington
        ("thenorfolkpost.com", ["Norfolk", "Omaha"], "Nebraska"),
        ("auburnjournal.com", ["Auburn"], "Washington"),  # no other town: every namesake gains, as before
    ],
)
def test_the_outlets_town_is_the_namesake_by_the_storys_places(resolver: PlaceResolver, source: str,
                                                               names: list[str], admin1: str) -> None:
    """Round 10: of the outlet's town's namesakes, only those with the story's other towns within 200 km
    count as the outlet's town."""
    context = resolver.context([(n, None) for n in names], source=source)
    assert resolver.resolve(names[0], context=context, nearby=names).place.admin1 == admin1


def test_by_the_others_keeps_all_when_no_other_town_is_near() -> None:
    index = TownIndex()
    index.add("bangor", [_town("Bangor", 44.80, -68.77)])
    near, far = _town("Portland", 43.66, -70.26), _town("Portland", 45.52, -122.68)
    assert by_the_others([near, far], "portland", index) == [near]
    assert by_the_others([near, far], "portland", TownIndex()) == [near, far]


def _town(name: str, lat: float, lon: float) -> Place:
    return Place(name=name, latitude=lat, longitude=lon, country_code="US", feature_class="P", feature_code="PPL",
                 population=5000)


@pytest.mark.parametrize(
    "names, admin1",
    [
        (["Winfield", "Mt. Pleasant", "New London", "New Londoners"], "Iowa"),
        (["Akron", "Canton", "Cantonians"], "Ohio"),
        (["Tulsa", "Tulsans"], "Oklahoma"),
        (["Cantonians"], None),  # no town named: nobody's people
    ],
)
def test_a_towns_people_stand_for_the_town(resolver: PlaceResolver, names: list[str], admin1: str | None) -> None:
    """Round 10: "New Londoners" in a story naming New London are read as New London."""
    context = resolver.context([(n, None) for n in names])
    resolved = resolver.resolve(names[-1], context=context, nearby=names)
    assert (resolved.place.admin1 if resolved else None) == admin1
