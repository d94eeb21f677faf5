"""Demonyms: the adjectival names of countries and regions ("French", "Iraqi", "Kurdish"), one home.

The source is the pinned ``countryinfo`` package (MIT; each country's English name, ISO code and
demonym), with ``data/demonyms.yaml`` for the words it lacks or spells otherwise ("Saudi" beside its
"Saudi Arabian", regions such as "Kurdish"). The actor registry reads the countries' words here
(:mod:`dateline.resolve.actors`), and ``dateline places`` reports demonyms as place mentions of kind
``demonym`` (:mod:`dateline.geo.demonyms`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml

from ..config import package_data
from ..errors import DatelineError

__all__ = ["DEMONYMS_FILE", "Country", "DemonymPlace", "capital_of", "countries", "country_name", "demonym_places"]

DEMONYMS_FILE = "demonyms.yaml"


@dataclass(frozen=True, slots=True)
class Country:
    """A country of countryinfo's table: English name, ISO alpha-2 code, demonym (if it has one)."""

    name: str
    code: str
    demonym: str | None
    population: int = 0
    capital: str | None = None


@functools.lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country of countryinfo's table, in its order."""
    from countryinfo import CountryInfo

    out = []
    for info in CountryInfo.all().values():
        name = info.get("name")
        if name:
            out.append(Country(name, ((info.get("ISO") or {}).get("alpha2") or "").upper(), info.get("demonym") or None,
                               int(info.get("population") or 0), info.get("capital") or None))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    raw = yaml.safe_load(package_data("country_names.yaml").read_text(encoding="utf-8")) or {}
    return {str(code).upper(): str(name) for code, name in raw.items()}


def country_name(country_code: str | None, default: str | None = None) -> str | None:
    """The name dateline gives the country of an ISO alpha-2 code where its sources disagree
    (data/country_names.yaml: ACLED's), else ``default``."""
    return _country_names().get((country_code or "").upper(), default)


def capital_of(country_code: str) -> str | None:
    """The name of a country's capital (countryinfo's), by ISO alpha-2 code; None when it names none."""
    code = country_code.upper()
    return next((c.capital for c in countries() if c.code == code and c.capital), None)


@dataclass(frozen=True, slots=True)
class DemonymPlace:
    """What a demonym names: a country (``name`` None), or a region by its gazetteer name in a country."""

    country_code: str | None
    name: str | None = None


@functools.lru_cache(maxsize=1)
def demonym_places() -> dict[str, DemonymPlace]:
    """Demonym (case-folded) -> what it names. A demonym several of countryinfo's countries share
    ("French": France, French Polynesia; "American") names the most populous; data/demonyms.yaml adds
    and overrides."""
    best: dict[str, Country] = {}
    for country in countries():
        if country.demonym and country.code:
            key = country.demonym.casefold()
            if key not in best or country.population > best[key].population:
                best[key] = country
    out = {word: DemonymPlace(country.code) for word, country in best.items()}
    path = package_data(DEMONYMS_FILE)
    try:
        extra = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise DatelineError(f"cannot read {path}: {err}") from err
    if not isinstance(extra, dict):
        raise DatelineError(f"{path.name}: expected a mapping of demonym -> country code or {{name, country}}")
    for word, target in extra.items():
        if isinstance(target, str) and len(target) == 2 and target.isupper():
            out[str(word).casefold()] = DemonymPlace(target)
        elif isinstance(target, dict) and isinstance(target.get("name"), str) and isinstance(target.get("country"), str):
            out[str(word).casefold()] = DemonymPlace(target["country"].upper(), target["name"])
        else:
            raise DatelineError(f"{path.name}: {word!r}: expected a country code (\"SA\") or {{name: ..., country: ...}}")
    return out
