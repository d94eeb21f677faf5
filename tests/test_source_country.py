"""Round 10: a source's home country, learned when its documents agree on a country but not a province."""

from __future__ import annotations

import pytest

from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.places import PlaceResolver
from dateline.resolve.source_homes import SourceHomes


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.default())


def _homes(source: str, votes: list[tuple[str, str] | None]) -> SourceHomes:
    homes = SourceHomes()
    for vote in votes:
        homes.add(source, vote)
    return homes


def test_a_regional_paper_has_a_country_but_no_province() -> None:
    """Stories spread over three states: no home province, but the country they all lie in."""
    homes = _homes("valleyherald.com", [("US", "Ohio"), ("US", "Indiana"), ("US", "Kentucky"), ("US", "Ohio"),
                                        ("US", "Indiana")])
    assert homes.home("valleyherald.com") is None
    assert homes.country("valleyherald.com") == "US"


@pytest.mark.parametrize(
    "source, votes, leave_out, expected",
    [
        ("x.com", [("US", "Ohio"), ("US", "Iowa")], (("US", "Ohio"),), None),  # one other document is too few
        ("x.com", [("US", "Ohio"), ("GB", "England"), None, ("CA", "Ontario")], (), None),  # no majority
        ("x.co.uk", [("US", "Ohio"), ("US", "Iowa"), ("US", "Texas")], (), None),  # its domain says otherwise
        ("x.com", [("US", "Ohio"), ("US", "Iowa"), ("GB", "England")], (("GB", "England"),), "US"),
        ("x.com", [("US", "Ohio"), ("US", "Iowa"), ("US", "Utah")], (("US", "Utah"),), "US"),
    ],
)
def test_home_country_needs_agreeing_documents(source: str, votes: list, leave_out: tuple,
                                               expected: str | None) -> None:
    assert _homes(source, votes).country(source, leave_out=leave_out) == expected


@pytest.mark.parametrize(
    "names, without, with_country",
    [
        (["Stratford", "Windsor"], "Ontario", "Connecticut"),
        (["Exeter", "Salisbury"], "England", "New Hampshire"),
    ],
)
def test_the_source_country_votes_for_the_documents_country(resolver: PlaceResolver, names: list[str],
                                                            without: str, with_country: str) -> None:
    """Towns named after English ones, in a paper whose other stories all lie in the United States."""
    alone = resolver.context([(n, None) for n in names])
    assert resolver.resolve(names[0], context=alone, nearby=names).place.admin1 == without
    context = resolver.context([(n, None) for n in names], home_country="US")
    assert context.country_code == "US"
    assert resolver.resolve(names[0], context=context, nearby=names).place.admin1 == with_country
