"""Round 10: an unknown feature read as the town it is named after must lie where the document is."""

from __future__ import annotations

import pytest

from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.places import PlaceResolver


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
