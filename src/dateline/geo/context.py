"""What a document is about geographically: the context every place of it is resolved in."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from .colocation import TownIndex

__all__ = ["PlaceContext"]


@dataclass
class PlaceContext:
    """What the document is about geographically: its main country and province, and its places."""

    country_code: str | None = None
    admin1: str | None = None
    countries: Counter[str] = field(default_factory=Counter)
    provinces: Counter[str] = field(default_factory=Counter)
    anchors: dict[str, tuple[float, float]] = field(default_factory=dict)  # name key -> point of its best place
    named_provinces: set[tuple[str | None, str]] = field(default_factory=set)  # (country, admin1) named outright
    named_countries: set[str] = field(default_factory=set)  # countries named outright ("Egypt", "Egyptian")
    # name key -> the (country, admin1) pairs its candidates lie in; a province many names can lie in
    # is where the document probably is ("Elkhart", "Anderson County", "Grapeland": Texas)
    candidate_provinces: dict[str, frozenset[tuple[str | None, str]]] = field(default_factory=dict)
    support: Counter[tuple[str | None, str]] = field(default_factory=Counter)
    named_keys: set[str] = field(default_factory=set)  # keys of every name in the document
    # the document's source's home (country code, admin1), learned from its other documents
    # (geo/source_homes.py): a weak prior for one-town local stories that name no state
    home: tuple[str, str] | None = None
    # (country, admin1) of the source's other stories when it has no home: where its one-place stories are
    story_provinces: frozenset[tuple[str, str]] = frozenset()
    # the document's source key (URL host), its country-code domain's country ("co.uk" -> GB) and the
    # keys of the names the host is named after ("Paris" for theparisnews.com): the outlet's town
    source: str | None = None
    domain_country: str | None = None
    outlet_keys: frozenset[str] = frozenset()
    # the province of the outlet's town as this document reads it among its other names ("Norfolk"
    # with Madison County and Pierce: Nebraska): a strong vote for the source's home
    outlet_home: tuple[str, str] | None = None
    # name key -> (admin1, count) it added to ``provinces``: a name is not its own evidence
    province_votes: dict[str, tuple[str, int]] = field(default_factory=dict)
    # name key -> the countries its reading voted for: a country only the name itself speaks for is a
    # namesake's ("Baga" alone votes for Spain in a Borno story)
    country_votes: dict[str, frozenset[str]] = field(default_factory=dict)
    # every town or county each name can be (not only its best reading): names that can lie together
    # probably do ("New London", "Mt. Pleasant", "Winfield": towns of south-east Iowa)
    towns: TownIndex = field(default_factory=TownIndex)
    # (country, admin1) -> how many distinct names of the document read as its counties: a story that
    # lists counties ("Sherman County", "Lincoln County") names more of them bare ("Hitchcock")
    county_names: Counter[tuple[str | None, str]] = field(default_factory=Counter)
    # key of a name that is the people of a town the document names -> that town ("New Londoners")
    demonyms: dict[str, str] = field(default_factory=dict)
    _without: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)  # key -> admin1

    def without(self, key: str) -> "PlaceContext":
        """The context as the document's other names make it: the province focus without the
        count that the name ``key`` added itself (a story naming only "Decatur" is not in Illinois
        because its Decatur is, and its home province, Tennessee, may still speak)."""
        vote = self.province_votes.get(key)
        if vote is None or self.admin1 is None:  # None: no focus, or the context is still being built
            return self
        if key not in self._without:
            rest = self.provinces.copy()
            rest[vote[0]] -= vote[1]
            rest = +rest
            self._without[key] = rest.most_common(1)[0][0] if rest else None
        admin1 = self._without[key]
        return self if admin1 == self.admin1 else replace(self, admin1=admin1, _without={})
