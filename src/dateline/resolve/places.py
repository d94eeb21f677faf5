"""Resolve place mentions to gazetteer entries using the document's context."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import Place

if TYPE_CHECKING:
    from .gazetteer import Gazetteer


@dataclass(slots=True)
class ResolvedPlace:
    """A place with ACLED ``geo_precision``, UCDP ``where_prec`` and why it was chosen."""

    place: Place
    geo_precision: int
    where_prec: int
    reason: str


@dataclass
class PlaceContext:
    """What the document is about geographically: its main country and province."""

    country_code: str | None = None
    admin1: str | None = None
    countries: Counter[str] = field(default_factory=Counter)
    provinces: Counter[str] = field(default_factory=Counter)


def precision_of(place: Place, *, near: bool = False) -> tuple[int, int]:
    """(ACLED geo_precision, UCDP where_prec) for a resolved place."""
    code = place.feature_code or ""
    if code.startswith("PCL"):
        return 3, 6
    if code == "ADM1":
        return 3, 4
    if code == "ADM2":
        return 2, 3
    if near:
        return 2, 2
    return 1, 1


class PlaceResolver:
    """Ranks gazetteer candidates by the document's country and province focus."""

    def __init__(self, gazetteer: "Gazetteer") -> None:
        self.gazetteer = gazetteer
        self._cache: dict[tuple[str, str | None, str | None, str | None], list[Place]] = {}

    def candidates(self, name: str, *, country_code: str | None = None, admin1: str | None = None, hint: str | None = None) -> list[Place]:
        key = (name.casefold(), country_code, admin1, hint)
        if key not in self._cache:
            found = self.gazetteer.lookup(name, country_code=country_code, admin1=admin1, limit=10)
            if hint == "province":
                provinces = [p for p in found if p.feature_code == "ADM1"]
                found = provinces + [p for p in found if p.feature_code != "ADM1"]
            elif hint in ("city", "town", "village"):
                found = [p for p in found if p.feature_class == "P"] + [p for p in found if p.feature_class != "P"]
            self._cache[key] = found
        return self._cache[key]

    def context(self, names: list[tuple[str, str | None]]) -> PlaceContext:
        """Country and province focus from every (name, hint) mentioned in a document."""
        ctx = PlaceContext()
        for name, hint in names:
            found = self.candidates(name, hint=hint)
            if not found:
                continue
            best = found[0]
            if best.country_code:
                ctx.countries[best.country_code] += 1
            if best.admin1 and not best.is_country:
                ctx.provinces[best.admin1] += 1
        if ctx.countries:
            ctx.country_code = ctx.countries.most_common(1)[0][0]
        if ctx.provinces:
            ctx.admin1 = ctx.provinces.most_common(1)[0][0]
        return ctx

    def resolve(self, name: str, *, hint: str | None = None, context: PlaceContext | None = None, near: bool = False) -> ResolvedPlace | None:
        """The best place for a mention; None when the gazetteer has no candidate."""
        context = context or PlaceContext()
        found = self.candidates(name, hint=hint)
        if not found:
            return None
        reason = "only candidate" if len(found) == 1 else "largest or most important candidate"
        best = found[0]
        if len(found) > 1 and context.country_code:
            in_country = [p for p in found if p.country_code == context.country_code]
            if in_country and in_country[0] is not best:
                best, reason = in_country[0], f"in the document's country ({context.country_code})"
            if context.admin1:
                in_province = [p for p in in_country if p.admin1 == context.admin1 and not p.is_admin1]
                if in_province and in_province[0] is not best and not best.is_country and not best.is_admin1:
                    best, reason = in_province[0], f"in the document's province ({context.admin1})"
        if hint == "province" and best.is_admin1:
            reason = f"'{name}' named as a province"
        geo, where = precision_of(best, near=near)
        return ResolvedPlace(best, geo, where, reason)
