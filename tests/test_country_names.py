"""One name per country: the gazetteer's records, the demonyms and the actors' "(country)" agree, and
where GeoNames and countryinfo differ the name is ACLED's (data/country_names.yaml)."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import Gazetteer
from dateline.resolve.actors import ActorRegistry
from dateline.resolve.demonyms import country_name


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_a_place_and_its_countrys_demonym_name_one_country(gazetteer) -> None:
    (gaza, *_) = gazetteer.lookup("Gaza City")
    actor = ActorRegistry.load().resolve("Palestinian gunmen", country=gaza.country)
    assert gaza.country == "Palestine" and actor.name == "Unidentified Armed Group (Palestine)", (gaza.country, actor.name)


def test_the_country_itself_carries_the_name_its_records_carry(gazetteer) -> None:
    (place, *_) = gazetteer.lookup("Palestinian Territories") or gazetteer.lookup("Palestine")
    assert place.name == place.country == "Palestine"


def test_a_country_the_sources_name_differently_has_one_name_in_records_and_actors(gazetteer) -> None:
    registry = ActorRegistry.load()
    for code, demonym in (("CZ", "Czech"), ("SZ", "Swazi"), ("PS", "Palestinian")):
        name = country_name(code)
        assert gazetteer.country_name(code) == name
        assert registry.resolve(f"{demonym} civilians").name == f"Civilians ({name})", (code, name)
    assert country_name("IQ") is None and gazetteer.country_name("IQ") == "Iraq"  # a name the sources share stays
