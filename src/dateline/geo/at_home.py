"""Whether a candidate lies where the document's source is: its home province, its outlet's town, or
a province its other stories were about.

A local paper's one-place story ("A house fire in Scottdale") names no state. When the paper has a
home province, the source's learned home decides. Many outlets have too few stories that agree for a home, yet
the stories they do have are about their region: a Pittsburgh paper's other stories lie in
Pennsylvania and Ohio, not in Georgia, where the most important Scottdale is. Any province its other
stories read as is then a weak prior for the one name such a story gives. And when the outlet's town
(the town its host is named after, as the story names it) lies in exactly one of those provinces, the
host and the stories agree: that province is the source's home for the story.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from ..resolve.names import normalise_name

if TYPE_CHECKING:
    from ..models import Place
    from .context import PlaceContext


def at_home(place: "Place", own: str, context: "PlaceContext", *, unit_named: bool) -> bool:
    """Whether a candidate lies in the home province of the document's source, in a document about
    that country, and is called by its own name (not "Washington" -> Piqua, once called Washington),
    not a town named like a sizeable province ("Kansas", Illinois)."""
    home = context.home
    if home is None or place.is_country or (place.country_code, place.admin1) != home:
        return False
    if context.country_code not in (None, home[0]) or normalise_name(place.name) != own:
        return False
    return place.is_admin1 or not unit_named


def outlet_town(place: "Place", own: str, context: "PlaceContext") -> bool:
    """Whether a candidate of a name the outlet is named after can be the outlet's town: called by
    its own name, not a country, in the outlet's country (its country-code domain's, else its home's,
    else the document's): Richmond, London for richmondandtwickenhamtimes.co.uk."""
    if place.is_country or normalise_name(place.name) != own:
        return False
    country = context.domain_country or (context.home[0] if context.home else None) or context.country_code
    return country is not None and place.country_code == country


def story_provinces(own: str, context: "PlaceContext") -> frozenset[tuple[str, str]]:
    """The provinces of the source's other stories that a story's only name may lie in, when the rule
    applies (see :func:`in_story_province`): the resolver looks its namesakes up there too, since a
    small town of that name (Clinton, New Jersey) need not be among the name's first candidates."""
    if context.home is not None or context.named_keys - {own}:
        return frozenset()
    return frozenset(p for p in context.story_provinces if context.country_code in (None, p[0]))


def in_story_province(place: "Place", own: str, context: "PlaceContext") -> bool:
    """Whether a candidate of a story's only name lies in a province the source's other stories read
    as (``PlaceContext.story_provinces``), in the document's country and called by its own name. Only
    for a source with no home province (the home says more) and a story naming no other place (any
    other name of the story says more about where it is than the outlet's other stories do)."""
    if place.is_country or place.is_admin1 or normalise_name(place.name) != own:
        return False
    return (place.country_code, place.admin1) in story_provinces(own, context)


def outlet_story_home(outlet_keys: Iterable[str], provinces: frozenset[tuple[str, str]],
                      towns_in: Callable[[str, str, str], list["Place"]]) -> tuple[str, str] | None:
    """The one province of the source's other stories that holds a town of the outlet's name
    (columbiadailyherald.com, whose other story is in Tennessee: Columbia, Tennessee), else None;
    ``towns_in(key, country, admin1)``: the gazetteer's places of that name, those there first."""
    found = {p for key in outlet_keys for p in provinces
             if any(t.feature_class == "P" and normalise_name(t.name) == key and (t.country_code, t.admin1) == p
                    for t in towns_in(key, *p))}  # the lookup ranks the province first but may hold others
    return found.pop() if len(found) == 1 else None
