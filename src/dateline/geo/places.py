"""Resolve place mentions to gazetteer entries using the document's context.

The gazetteer ranks the candidates of a name on its own (country, big city, province...).
:class:`PlaceResolver` re-ranks the first few with what the document says: a candidate's score is a
sum of parts, each a row of ``data/place_weights.yaml`` (:mod:`dateline.geo.weights`: a name, a
weight, a kind, a reason and where the value came from; docs/places.md shows the table). The
reason of a reading is its largest part; ``dateline places --explain`` prints every part.

A source's home (``PlaceContext.home``) is learned from dateline's own readings of the source's
other documents (:mod:`dateline.geo.source_homes`); a province or country the document names
outweighs it. The source key itself (``PlaceContext.source``, the URL's host) says two more
things: its country-code domain, and the names the host is made of ("theparisnews.com": Paris). The
outlet's town gives no country evidence of its own, is no country when the document's country has
a town of that very name ("Jordan" in jordannews.com), and, read in a province among the document's
other names, seeds the source's home (``outlet_home``, a vote worth two documents). A name is not its
own evidence for the document's province (``PlaceContext.without``). A town abroad matched only
through another spelling ("Abara" -> Ibarra, Ecuador) yields (None) when the document names a
province of its own country; a small town abroad far from the document's places yields to the name's
reading in the document's country, else to none (:mod:`dateline.geo.abroad`).

A name the gazetteer does not know ("Boston Harbor", "Port of Los Angeles", "North London") is
read as the place it is named after (:func:`~dateline.resolve.names.core_name`), marked near, when
that town lies where the document is (:mod:`dateline.geo.reach`); "New Londoners" in a
story naming New London is New London. The outlet's town is its namesake by the story's other towns,
and a source whose stories agree on a country but not a province votes for that country.

A dotted abbreviation ("Kan.", "B.C.", "N.Y" whose last dot the full stop took) or a US or Canadian
postal code ("NY", "BC") asks for a province. The document's province counts
a named province twice, and each distinct name once (a name repeated ten times is one clue).
A name that is a province's own name (200,000 people or more, no namesake town inside it:
"California", "Virginia") gives its namesake towns no agreement points.

Together, a named country or a big city abroad beats a hamlet of the same name at home, while
"Dora" in a Baghdad story is the Baghdad neighbourhood, not Dora, Alabama. ``reason``
says which part decided (the largest). "near X" and "N km south of X" give a point relative to X
with a lower precision (ACLED ``geo_precision`` 2, UCDP ``where_prec`` 2).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable, Sequence

from ..models import Place
from ..resolve.names import abbreviation_hint, core_name, is_local_feature, normalise_name, strip_generic, town_of_demonym
from ..resolve.place_words import hint_features
from ..resolve.relations import Relation, offset_point, parse_relation
from .abroad import CountryCells, foreign_namesake, home_reading
from .at_home import at_home, in_story_province, outlet_story_home, outlet_town, story_provinces
from .context import PlaceContext
from .distance import distance_km
from .reach import by_the_others, within_reach
from .source_homes import domain_country, outlet_names
from .weights import DEFAULT_WEIGHTS, Weights

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

__all__ = ["DEFAULT_WEIGHTS", "Explanation", "Part", "PlaceContext", "PlaceResolver", "ResolvedPlace", "Relation", "Scored", "Weights",
           "offset_point", "parse_relation", "place_reading", "precision_of"]

# The feature a mention's hint word asks for: a one-letter GeoNames class or a feature code.
_HINT_FEATURE = hint_features()  # data/place_words.yaml
_SOURCES_OF_CONFLICT_PLACES = {"ucdp", "curated"}  # places added because events happened there
@dataclass(slots=True)
class ResolvedPlace:
    """A place with ACLED ``geo_precision``, UCDP ``where_prec``, why it was chosen, and the runners-up."""

    place: Place
    geo_precision: int
    where_prec: int
    reason: str
    alternatives: list[Place] = field(default_factory=list)
    relation: Relation | None = None
    anchor: Place | None = None  # the named place a relative point was computed from


def precision_of(place: Place, *, near: bool = False) -> tuple[int, int]:
    """(ACLED geo_precision, UCDP where_prec) for a resolved place.

    ACLED: 1 the exact town, 2 near it or a part of a region, 3 a province or coarser.
    UCDP: 1 exact, 2 within ~25 km, 3 second-order unit (district), 4 first-order (province),
    6 country.
    """
    code = place.feature_code or ""
    if code.startswith("PCL") or code == "CONT":
        return 3, 6
    if code in ("ADM1", "ADMD"):
        return 3, 4
    if code == "ADM2":
        return 2, 3
    if place.feature_class in ("L", "T", "H") and code not in ("ISL",):  # areas, mountains, rivers: a region
        return 2, 5 if code in ("RGN", "AREA", "MTS") else 2
    if near:
        return 2, 2
    return 1, 1




@dataclass(frozen=True, slots=True)
class Part:
    """One part of a candidate's score: a row of ``data/place_weights.yaml`` and what it gave."""

    name: str
    points: float
    reason: str


# parts every candidate has, which say why no reading beats another
_BASE_PARTS = frozenset({"rank", "importance"})


@dataclass(slots=True)
class Scored:
    """A candidate with its score and the parts it is the sum of, in the order they were added."""

    place: Place
    rank: int | None = None  # the gazetteer's order (None: found by a narrower lookup)
    points: float = 0.0
    parts: list[Part] = field(default_factory=list)
    only: bool = False  # the one candidate of its name

    def add(self, name: str, points: float, reason: str) -> None:
        self.points += points
        self.parts.append(Part(name, points, reason))

    @property
    def reason(self) -> str:
        """Its largest part beyond the gazetteer's rank and importance (the first, on a tie)."""
        if self.only:
            return "only candidate"
        decisive = max((p for p in self.parts if p.name not in _BASE_PARTS and p.points > 0),
                       key=lambda p: p.points, default=None)
        if decisive is not None:
            return decisive.reason
        return "most important candidate" if self.rank == 0 else "best candidate"


@dataclass(slots=True)
class Explanation:
    """How a name was read: its candidates ranked with their parts, the drops that acted, the result."""

    name: str
    looked_up: str
    candidates: list[Scored] = field(default_factory=list)
    drops: list[tuple[str, str]] = field(default_factory=list)  # (row of the drop, what it did)
    result: ResolvedPlace | None = None


class PlaceResolver:
    """Ranks gazetteer candidates by the document's country and province focus and its other places."""

    def __init__(self, gazetteer: "Gazetteer", *, depth: int = 12, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.depth = depth
        self.weights = weights or DEFAULT_WEIGHTS
        self._cache: dict[tuple[str, str | None, str | None, str | None], list[Place]] = {}
        self._cells = CountryCells(gazetteer)  # towns across the border are no namesakes abroad

    def candidates(self, name: str, *, country_code: str | None = None, admin1: str | None = None,
                   hint: str | None = None) -> list[Place]:
        """The gazetteer's candidates for a name, best first; a hint word's feature first."""
        hint = hint or abbreviation_hint(name)
        key = (name.casefold(), country_code, admin1, hint)
        found = self._cache.get(key)
        if found is None:
            found = self.gazetteer.lookup(name, country_code=country_code, admin1=admin1, limit=self.depth)
            wanted = _HINT_FEATURE.get(hint or "")
            if (wanted == "ADM1" or strip_generic(name)[1] == "ADM1") and not any(p.is_admin1 for p in found):
                found = self.gazetteer.loose_provinces(name) + found  # "Zabol Province": Zabul
            if wanted:
                found = [p for p in found if _is(p, wanted)] + [p for p in found if not _is(p, wanted)]
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = found
        return found

    def context(self, names: Iterable[tuple[str, str | None]], *,
                home: tuple[str, str] | None = None, home_country: str | None = None,
                source: str | None = None, story_provinces: Iterable[tuple[str, str]] = ()) -> PlaceContext:
        """Country and province focus from every (name, hint) mentioned in a document.

        The country is the one most mentions resolve to on their own (a named country counts
        twice); provinces are then counted with that country preferred. ``home``: the home
        province of the document's source (:mod:`dateline.geo.source_homes`), a weak prior;
        ``home_country``: the source's country when it has no home province, a vote for the
        document's country as the home's country is; ``story_provinces``: provinces the source's other
        stories read as (``SourceHomes.provinces``), a prior for a one-place story's name.
        ``source``: the document's source key (its URL's host, ``source_key``): its country-code
        domain is a weak vote for the country, and a name the host is named after ("Paris" in
        theparisnews.com) is the outlet's town, which says nothing of the country by itself.
        """
        names = [(self._known_name(n, h), h) for n, h in names if n]
        demonyms = self._demonyms(names)  # "New Londoners" in a story naming New London: its people
        names = [(demonyms.get(normalise_name(n), n), h) for n, h in names]
        # each distinct name once: a repeated name is one clue, whatever its case ("RICHLAND", "Richland")
        first: dict[tuple[str, str | None], tuple[str, str | None]] = {}
        for name, hint in names:
            first.setdefault((normalise_name(name), hint), (name, hint))
        names = list(first.values())
        ctx = PlaceContext(home=home, source=source, domain_country=domain_country(source), demonyms=demonyms,
                           story_provinces=frozenset(story_provinces))
        if source:  # names of the outlet's town: a town of that name must exist ("Iraq News" names no town)
            outlet = outlet_names(source, [n for n, _h in names])
            ctx.outlet_keys = frozenset(normalise_name(n) for n in outlet
                                        if any(_own_town(p, normalise_name(n)) for p in self.candidates(n)))
        if ctx.home is None and ctx.outlet_keys and ctx.story_provinces:  # host and other stories agree
            spelt = {normalise_name(n): n for n, _h in names}
            ctx.home = home = outlet_story_home(ctx.outlet_keys, ctx.story_provinces,
                                                lambda k, c, a: self.candidates(spelt[k], country_code=c, admin1=a))
        for name, hint in names:
            found = self.candidates(name, hint=hint)
            key = normalise_name(name)
            ctx.named_keys.add(key)
            if key not in ctx.candidate_provinces:
                pairs = frozenset((p.country_code, p.admin1) for p in found if p.admin1 and not p.is_country)
                ctx.candidate_provinces[key] = pairs
                ctx.support.update(pairs)
                ctx.towns.add(key, found)
            if found and found[0].country_code and key not in ctx.outlet_keys:
                weight = _country_evidence(found, name)
                twin = _province_twin(found, name)
                if twin is not None:  # "Georgia": the country or the US state; each counts half
                    weight /= 2
                    ctx.countries[twin.country_code] += weight
                ctx.countries[found[0].country_code] += weight
                ctx.country_votes[key] = frozenset({found[0].country_code, twin.country_code if twin else ""} - {""})
        if ctx.domain_country and self.weights.domain_vote and ctx.named_keys:
            ctx.countries[ctx.domain_country] += self.weights.domain_vote  # "co.uk": below a named country
        country_home = home[0] if home is not None else home_country
        if country_home and self.weights.home_country and (ctx.countries or ctx.outlet_keys):
            ctx.countries[country_home] += self.weights.home_country  # a weak vote: any named country outweighs it
            if len(ctx.named_keys) == 1 and self.weights.home_alone:  # the story's one name: the home speaks twice
                ctx.countries[country_home] += self.weights.home_alone
        if ctx.countries:
            ctx.country_code = ctx.countries.most_common(1)[0][0]
        for name, hint in names:
            best = self._best(name, hint=hint, context=ctx, nearby=None)
            if best is None:
                continue
            place = best[0].place
            if place.admin1 and not place.is_country and place.country_code == ctx.country_code:
                count = 2 if place.is_admin1 else 1  # "Tennessee" says more than a town
                ctx.provinces[place.admin1] += count
                ctx.province_votes[normalise_name(name)] = (place.admin1, count)
            if place.feature_code == "ADM2" and place.admin1:
                ctx.county_names[(place.country_code, place.admin1)] += 1
            if place.is_admin1 and place.admin1:
                ctx.named_provinces.add((place.country_code, place.admin1))
            if place.is_country and place.country_code:
                ctx.named_countries.add(place.country_code)
            if not place.is_country and not place.is_admin1:
                ctx.anchors.setdefault(normalise_name(name), (place.latitude, place.longitude))
        if ctx.provinces:
            ctx.admin1 = ctx.provinces.most_common(1)[0][0]
        if ctx.outlet_keys and ctx.countries:
            ctx.outlet_home = self._outlet_home(names, ctx)
        return ctx

    def _outlet_home(self, names: list[tuple[str, str | None]], ctx: PlaceContext) -> tuple[str, str] | None:
        """The province of the outlet's town as the finished context reads it, when it lies in the
        document's country (chosen by other clues: the town's own name gives no country evidence)."""
        for name, hint in names:
            if normalise_name(name) not in ctx.outlet_keys:
                continue
            best = self._best(name, hint=hint, context=ctx, nearby=None)
            place = best[0].place if best else None
            if place is not None and place.admin1 and not place.is_country and place.country_code == ctx.country_code:
                return place.country_code, place.admin1
        return None

    def resolve(self, name: str, *, hint: str | None = None, context: PlaceContext | None = None, near: bool = False,
                nearby: Sequence[str] | None = None, relation: Relation | None = None) -> ResolvedPlace | None:
        """The best place for a mention; None when the gazetteer has no candidate.

        ``nearby``: other place names close to the mention (else the document's anchors);
        ``relation``: "near X" / "N km south of X", which moves the point and lowers the precision.
        """
        return self._resolve(name, hint=hint, context=context, near=near, nearby=nearby, relation=relation)

    def explain(self, name: str, *, hint: str | None = None, context: PlaceContext | None = None,
                nearby: Sequence[str] | None = None, relation: Relation | None = None) -> Explanation:
        """How :meth:`resolve` reads a mention: every candidate with its score's parts, the drops that
        acted, and the result (``dateline places --explain``)."""
        explanation = Explanation(name, name)
        explanation.result = self._resolve(name, hint=hint, context=context, nearby=nearby, relation=relation,
                                           explanation=explanation)
        return explanation

    def _resolve(self, name: str, *, hint: str | None, context: PlaceContext | None, near: bool = False,
                 nearby: Sequence[str] | None, relation: Relation | None,
                 explanation: Explanation | None = None) -> ResolvedPlace | None:
        context = context or PlaceContext()
        looked_up = self._known_name(name, hint)
        if looked_up == name and not self.candidates(name, hint=hint):
            looked_up = context.demonyms.get(normalise_name(name), name)
        drops: list[tuple[str, str]] = explanation.drops if explanation is not None else []
        ranked = self._best(looked_up, hint=hint, context=context, nearby=nearby, drops=drops)
        if explanation is not None:
            explanation.looked_up, explanation.candidates = looked_up, ranked or []
        if ranked is None:
            return None
        best = ranked[0]
        if _foreign_respelling(best.place, looked_up, context):
            drops.append(("foreign_respelling", f"{best.place.name} ({best.place.country}) matched only through "
                                                f"another spelling: no place"))
            return None
        reason = best.reason
        if foreign_namesake(best.place, looked_up, context, cells=self._cells):  # "Baga" in a Borno story is not Bagà, Spain
            home = home_reading([s.place for s in ranked], looked_up, context)
            drops.append(("foreign_namesake", f"{best.place.name} ({best.place.country}) is a namesake abroad; "
                                              + (f"{home.name} taken" if home is not None else "no place")))
            if home is None:
                return None
            ranked = sorted(ranked, key=lambda s: s.place is not home)
            reason = (f"{best.place.name} ({best.place.country}) is a namesake abroad; "
                      f"in the document's country ({context.country_code})")
            best = ranked[0]
        alternatives = [s.place for s in ranked[1:6]]
        if hint and _is(best.place, _HINT_FEATURE.get(hint, "")):
            reason = f"'{name}' named as a {hint}; {reason}"
        if looked_up != name:  # "Boston Harbor": a point at Boston, near the feature, not the feature itself
            if not _plausible_core(best.place, looked_up, name, context):
                drops.append(("implausible_core", f"{best.place.name} is not called '{looked_up}' by its own name"))
                return None
            if not within_reach(best.place, context, self._anchor_points(looked_up, context, nearby)):
                drops.append(("out_of_reach", f"{best.place.name} lies away from the document's places"))
                return None  # "Lake Harriet" in a Minneapolis story is not by Harriet, Arkansas
            if context.country_code and best.place.country_code and best.place.country_code != context.country_code:
                # "Lower Shabelle" in a Somali story is not the Shabelle zone of Ethiopia
                drops.append(("out_of_reach", f"{best.place.name} lies in another country than the document's"))
                return None
            people = context.demonyms.get(normalise_name(name)) == looked_up
            reason = (f"'{name}': the people of '{looked_up}'; {reason}" if people else
                      f"'{name}' is not in the gazetteer: '{looked_up}', which it is named after; {reason}")
            near = True
        return place_reading(best.place, reason, relation=relation, near=near, alternatives=alternatives)

    def _demonyms(self, names: list[tuple[str, str | None]]) -> dict[str, str]:
        """Key of each name the gazetteer does not know that is the people of a town the document names
        -> that town's name ("New Londoners" -> "New London")."""
        known = [n for n, h in names if self.candidates(n, hint=h)]
        found: dict[str, str] = {}
        for name, hint in names:
            if not self.candidates(name, hint=hint) and (town := town_of_demonym(name, known)) is not None:
                found[normalise_name(name)] = town
        return found

    def _known_name(self, name: str, hint: str | None) -> str:
        """The name itself when the gazetteer knows it, else the place it is named after when that is
        known ("Chattahoochee River" -> "Chattahoochee", "North London" -> "London")."""
        if self.candidates(name, hint=hint):
            return name
        core = core_name(name)
        return core if core and self.candidates(core, hint=hint) else name

    # ------------------------------------------------------------ ranking

    def _best(self, name: str, *, hint: str | None, context: PlaceContext,
              nearby: Sequence[str] | None, drops: list[tuple[str, str]] | None = None) -> list[Scored] | None:
        """The candidates of a name ranked in the context, best first; ``drops`` collects the drops
        that removed readings."""
        found = self.candidates(name, hint=hint)
        context = context.without(normalise_name(name))
        pool: dict[tuple, tuple[int | None, Place]] = {}
        for rank, place in enumerate(found):
            pool.setdefault(_identity(place), (rank, place))
        if context.country_code:
            for place in self.candidates(name, hint=hint, country_code=context.country_code, admin1=context.admin1):
                pool.setdefault(_identity(place), (None, place))
        # a small namesake in the home or the other stories' provinces need not be among the first found
        for code, admin1 in story_provinces(normalise_name(name), context) | ({context.home} if context.home else set()):
            for place in self.candidates(name, hint=hint, country_code=code, admin1=admin1):
                if (place.country_code, place.admin1) == (code, admin1):  # the lookup ranks others after them
                    pool.setdefault(_identity(place), (None, place))
        if not pool:
            return None
        gone = _drop_stripped_namesakes(pool, name)
        own = normalise_name(name)
        if own in context.outlet_keys:
            gone_countries = _drop_countries(pool, context.country_code, own)
            if drops is not None and gone_countries:
                drops.append(("outlet_not_country", ", ".join(p.name for p in gone_countries) + " dropped"))
        if drops is not None and gone:
            drops.append(("stripped_namesake", ", ".join(f"{p.name} ({p.country_code})" for p in gone) + " dropped"))
        points = self._anchor_points(name, context, nearby)
        wanted = _HINT_FEATURE.get(hint or abbreviation_hint(name) or "")
        # an acronym ("EU", "UAE") names its place through an alias, so it has no "own-name" match
        acronym = name.replace(".", "").isupper() and len(name) <= 6
        exact = set() if acronym else {id(p) for _r, p in pool.values() if normalise_name(p.name) == own}
        home_exact = bool(context.country_code) and any(
            id(p) in exact and p.country_code == context.country_code for _r, p in pool.values())
        country_first = bool(found) and found[0].is_country
        unit_named = _names_a_province(pool, own)
        towns = {(p.country_code, p.admin1) for _r, p in pool.values() if p.feature_class == "P"}
        biggest = max((p.population for _r, p in pool.values() if p.feature_class == "P" and normalise_name(p.name) == own
                       and p.population >= 100_000), default=0)
        w = self.weights
        outlet_towns: list[Place] = []  # the outlet's town is the namesake by the story's other places
        if own in context.outlet_keys and w.outlet_town:
            outlet_towns = by_the_others([p for _r, p in pool.values() if outlet_town(p, own, context)], own,
                                         context.towns)
        scored = []
        for rank, place in pool.values():
            # a town called after a sizeable province's own name gets no points for being near the
            # document's places either ("Oklahoma", Pennsylvania, in a story naming Pittsburgh)
            anchors = [] if unit_named and not place.is_admin1 else points
            item = self._score(place, rank, wanted=wanted, context=context, anchors=anchors)
            if any(place is p for p in outlet_towns):
                item.add("outlet_town", w.outlet_town, f"the town the source is named after ({context.source})")
            if in_story_province(place, own, context) and w.story_province:
                item.add("story_province", w.story_province,
                         f"in a province the source's other stories are about ({place.admin1})")
            if at_home(place, own, context, unit_named=unit_named) and w.home:
                # a story that names no other place: the source's home is its only clue ("Manhattan"
                # in a Kansas paper is Manhattan, Kansas); one addition, so that the sum is the same
                alone = len(context.named_keys - {own}) == 0
                item.add("home", w.home + (w.home_alone if alone else 0.0),
                         f"in the home province of the document's source ({place.admin1})"
                         + ("; the document names no other place" if alone else ""))
            _add_agreement(item, own, context, country_first=country_first, unit_named=unit_named, weights=w,
                           dwarfed=place.feature_class == "P" and place.population * 20 < biggest)
            if w.colocated_each and not (unit_named and not place.is_admin1):
                together = context.towns.neighbours(place, own)
                if together:
                    item.add("colocated_each", min(together * w.colocated_each, w.colocated_cap),
                             f"{together} other name(s) of the document can lie within 50 km")
            if exact and id(place) not in exact and not place.is_country:
                # "Paris" means a place called Paris before one that has it as an old name
                item.add("alias_only", -w.alias_only, "another candidate has the very name")
                if home_exact and place.country_code != context.country_code and w.alias_abroad:
                    # "Ariha" in a Syrian story is Ariha in Idlib, not Jericho (Ariha in Arabic)
                    item.add("alias_abroad", -w.alias_abroad,
                             f"abroad, and a candidate in the document's country ({context.country_code}) has the very name")
            if place.feature_code == "ADM2" and wanted != "ADM2" and (place.country_code, place.admin1) in towns:
                # a district named after its town: the bare name means the town
                item.add("district_of_town", -w.district_of_town, "a district named after a town of its province")
            elif (place.feature_code == "ADM2" and place.admin1 and place.admin1 == context.admin1
                  and place.country_code == context.country_code and normalise_name(place.name) != own):
                # "DeKalb", "Platte" in a story of their state: the county
                item.add("county_of_province", w.county_of_province,
                         f"a county of the document's province ({place.admin1})")
                if context.county_names[(place.country_code, place.admin1)] >= 2:
                    item.add("county_listed", w.county_listed,
                             f"the document names two or more counties of {place.admin1}")
            scored.append(item)
        scored.sort(key=lambda s: (-round(s.points, 6), -s.place.population))  # a tie: the bigger place
        if len(scored) == 1:
            scored[0].only = True
        return scored

    def _anchor_points(self, name: str, context: PlaceContext, nearby: Sequence[str] | None) -> list[tuple[float, float]]:
        own = normalise_name(name)
        if nearby is None:
            return [pt for key, pt in context.anchors.items() if key != own]
        points = []
        for other in nearby:
            key = normalise_name(other)
            if key == own or not key:
                continue
            if key in context.anchors:
                points.append(context.anchors[key])
            else:
                found = self.candidates(other, country_code=context.country_code)
                if found and not found[0].is_country and not found[0].is_admin1:
                    points.append((found[0].latitude, found[0].longitude))
        return points

    def _score(self, place: Place, rank: int | None, *, wanted: str | None, context: PlaceContext,
               anchors: list[tuple[float, float]]) -> Scored:
        w = self.weights
        item = Scored(place, rank)
        item.add("rank", w.rank / (2 ** rank) if rank is not None else 0.0, "gazetteer rank")
        item.add("importance", w.importance * importance(place, w), "importance")
        if wanted and _is(place, wanted):
            item.add("kind_named", w.kind_named, "the kind of place named")
        if (place.is_country and rank == 0) or place.feature_code == "CONT":
            item.add("country_name", w.country_name, "a country's name")

        if context.country_code and place.country_code == context.country_code:
            item.add("doc_country", w.doc_country, f"in the document's country ({context.country_code})")
        elif place.country_code in context.named_countries and not place.is_country and w.named_country:
            item.add("named_country", w.named_country, f"in a country the document names ({place.country_code})")
        if (context.domain_country and place.country_code == context.domain_country and not place.is_country
                and w.domain_country):
            item.add("domain_country", w.domain_country, f"in the country of the source's domain ({place.country_code})")
        if context.admin1 and place.admin1 == context.admin1 and not place.is_country:
            item.add("doc_province", w.doc_province, f"in the document's province ({context.admin1})")
        if anchors and not place.is_country and not place.is_admin1:
            near = min(distance_km(place.latitude, place.longitude, lat, lon) for lat, lon in anchors)
            if near <= 50:
                item.add("near_50", w.near_50, "within 50 km of another place named nearby")
            elif near <= 200:
                item.add("near_200", w.near_200, "within 200 km of another place named nearby")
        return item


def _foreign_respelling(place: Place, name: str, context: PlaceContext) -> bool:
    """A town abroad that matched only through another spelling ("Abara" -> Ibarra, Ecuador), in a
    document that names a province of its own country (Diyala): rather no place, so that the
    document's province stands for the event. A country the document names keeps its towns, and a
    city of a million keeps its English name ("Kiev" -> Kyiv)."""
    if not context.country_code or place.country_code in (None, "", context.country_code):
        return False
    if place.feature_class != "P" or place.population >= 1_000_000:
        return False
    if place.country_code in context.named_countries or normalise_name(place.name) == normalise_name(name):
        return False
    return any(cc == context.country_code for cc, _a1 in context.named_provinces)


def _plausible_core(place: Place, core: str, name: str, context: PlaceContext) -> bool:
    """Whether the place found for the core of an unknown name may stand for it: called by its own
    name ("Penn Park" is not Pennsylvania, alias "Penn"), and for a local feature ("Islington Bay" in
    a New Zealand story) in the document's country."""
    if normalise_name(place.name) != normalise_name(core):
        return False
    return not (is_local_feature(name) and context.country_code and place.country_code != context.country_code)


def _country_evidence(found: list[Place], name: str) -> float:
    """How strongly a name points to its best candidate's country: a country or province (of
    200,000 people or more) name, or a name whose candidates all lie in one country, says more than a town name;
    a match through an alternate name only ("Bayaa" -> Salvador, alias "Baía") says half."""
    best = found[0]
    # a province named with its word ("Jonglei state", "Zabul Province") is one whatever its people
    named_unit = best.is_admin1 and normalise_name(name) != normalise_name(best.name) and _own_name(best, name)
    if best.is_country or (best.is_admin1 and (best.population or 0) >= 200_000) or named_unit:
        weight = 2.0  # not a parish of 35,000 ("St. Thomas", Jamaica, in a story about Ontario)
    elif all(p.country_code == best.country_code for p in found[:5]):
        weight = 1.5
    else:
        weight = 1.0
    if not _own_name(best, name):
        weight /= 2
    return weight + importance(best) / 10  # ties go to the more important place


def _own_name(place: Place, name: str) -> bool:
    """Whether a name is the place's own, also with a trailing word for its kind ("Plateau State",
    "Isiolo County"; such a name halved the province's country evidence as if it were an
    alias, so that a Nigerian state weighed no more than an Angolan "Zango")."""
    own = normalise_name(place.name)
    if normalise_name(name) == own:
        return True
    if not place.is_admin1:
        return False
    key, feature = strip_generic(name)  # "state", "province", "governorate", "region", "district"
    if feature is not None:
        return feature != "P" and key == own
    # "county" is no generic word of the index ("DeKalb County" is a county's own name), but Kenya's
    # provinces are counties
    words = name.split()
    return len(words) > 1 and words[-1].lower() == "county" and normalise_name(" ".join(words[:-1])) == own


def _add_agreement(item: Scored, own: str, context: PlaceContext, *, country_first: bool,
                   unit_named: bool = False, weights: Weights = DEFAULT_WEIGHTS, dwarfed: bool = False) -> None:
    """Points for agreeing with the document's other names: a province of the document's country
    named like a foreign country ("Georgia" in a US story), a province the document names (2), a
    province where other names can lie
    (0.5 each, up to 1.5; the province itself too), a county the document names ("Paris" with
    "Henry County": Paris, Tennessee). ``unit_named``: the name is a sizeable province's own name,
    so towns called after it get no agreement points ("California" in a Pennsylvania story);
    ``dwarfed``: a namesake city has 20 times the town's people, so a named province gives it half
    ("Boston" in a story naming New York state: Boston, New York is 8,000 people)."""
    place = item.place
    if place.is_country or (unit_named and not place.is_admin1):
        return
    if place.is_admin1 and country_first and context.country_code and place.country_code == context.country_code:
        item.add("province_twin", weights.province_twin, f"a province of the document's country ({context.country_code})")
        return
    pair = (place.country_code, place.admin1)
    if place.admin1 and normalise_name(place.name) == own:  # not through an alias ("Washington": Piqua)
        if not place.is_admin1 and pair in context.named_provinces:
            # a post-office hamlet without a population gains half: "Atlanta" in a New York story
            hamlet = (place.source == "uszip" and not place.population) or dwarfed
            item.add("named_province_hamlet" if hamlet else "named_province",
                     weights.named_province_hamlet if hamlet else weights.named_province,
                     f"in a province the document names ({place.admin1})")
        others = context.support[pair] - (pair in context.candidate_provinces.get(own, ()))
        if others > 0:
            item.add("support_each", min(others * weights.support_each, weights.support_cap),
                     f"{others} other name(s) of the document can lie in {place.admin1}")
    if place.admin2 and place.feature_code != "ADM2":
        county = normalise_name(place.admin2)
        named = context.named_keys
        keys = [k for k in (county, normalise_name(place.admin2 + " County")) if k in named and k != own]
        # the document's reading of that county must lie in the candidate's province: "DeKalb County"
        # read in Georgia is no support for DeKalb, Illinois
        if keys and any(context.province_votes.get(k, (place.admin1, 0))[0] == place.admin1 for k in keys):
            item.add("named_county", weights.named_county, f"in {place.admin2}, which the document names")


def _names_a_province(pool: dict[tuple, tuple[int | None, Place]], own: str) -> bool:
    """Whether a name is the own name of a province of 200,000 people or more that has no
    namesake town inside it ("California", "Virginia", "Ontario": a town of that name in another
    state the document names is no reading of it; "Alexandria" and "Baghdad" name their cities)."""
    places = [p for _r, p in pool.values() if normalise_name(p.name) == own]
    towns = {(p.country_code, p.admin1) for p in places if p.feature_class == "P"}
    return any(p.is_admin1 and (p.population or 0) >= 200_000 and (p.country_code, p.admin1) not in towns
               for p in places)


def _drop_stripped_namesakes(pool: dict[tuple, tuple[int | None, Place]], name: str) -> list[Place]:
    """"Mexico City" is never Mexico, Missouri when Mexico City is a candidate: places called just
    the name without its generic word go when one is called by the full name."""
    key2, _hint = strip_generic(name)
    own = normalise_name(name)
    if key2 == own or not any(normalise_name(p.name) == own for _r, p in pool.values()):
        return []
    gone = [i for i, (_r, p) in pool.items() if normalise_name(p.name) == key2]
    return [pool.pop(ident)[1] for ident in gone]


def _own_town(place: Place, key: str) -> bool:
    """A populated place called by the very name (normalised ``key``)."""
    return place.feature_class == "P" and normalise_name(place.name) == key


def _drop_countries(pool: dict[tuple, tuple[int | None, Place]], country_code: str | None, own: str) -> list[Place]:
    """The outlet's town is a town: "Jordan" in jordannews.com, in a story of the United States, is
    Jordan, Minnesota when the document's country has a town of that very name (the China Post
    writes of China, and Taiwan has no town called China)."""
    if not country_code or not any(p.country_code == country_code and _own_town(p, own) for _r, p in pool.values()):
        return []
    gone = [i for i, (_r, p) in pool.items() if p.is_country]
    return [pool.pop(ident)[1] for ident in gone]


def _province_twin(found: list[Place], name: str) -> Place | None:
    """A province of another country with the very name of the country ranked first ("Georgia")."""
    if not found[0].is_country:
        return None
    own = normalise_name(name)
    return next((p for p in found[1:6] if p.is_admin1 and p.country_code and p.country_code != found[0].country_code
                 and normalise_name(p.name) == own), None)


def importance(place: Place, weights: Weights = DEFAULT_WEIGHTS) -> float:
    """Prior weight of a place: countries, then provinces and big cities by population, then the rest.

    Places that dateline adds because events happened there (UCDP, curated) count as a town
    of a thousand people even without a population.
    """
    w = weights
    code = place.feature_code or ""
    if code.startswith("PCL") or code == "CONT":
        return w.imp_country
    if code in ("ADM1", "ADMD"):  # Ontario (14M) over Ontario, CA
        return w.imp_province + max(0.0, w.imp_province_decade * math.log10((place.population + 1) / 1e6))
    if place.feature_class == "P":
        if place.population > 0:
            return w.imp_town_decade * math.log10(place.population + 1)
        return w.imp_event_place if place.source in _SOURCES_OF_CONFLICT_PLACES else w.imp_hamlet
    if code == "ADM2":
        return w.imp_district
    if place.source == "curated" and place.feature_class in ("L", "T", "H", "S", "R"):
        return w.imp_region  # a world region, sea, range or landmark of the curated file: as known as a province
    return w.imp_other


def _is(place: Place, wanted: str) -> bool:
    """Whether a place is of the class ("P") or feature code ("ADM1") asked for."""
    if not wanted:
        return False
    if len(wanted) == 1:
        return place.feature_class == wanted
    return place.feature_code == wanted


def _identity(place: Place) -> tuple:
    return (place.geonameid, place.name, place.latitude, place.longitude, place.feature_code)


def place_reading(place: Place, reason: str, *, relation: Relation | None = None, near: bool = False,
                  alternatives: list[Place] | None = None) -> ResolvedPlace:
    """A place taken for a mention, with its precision and the sentence's bearing from it applied."""
    geo, where = precision_of(place, near=near or relation is not None)
    resolved = ResolvedPlace(place, geo, where, reason, alternatives or [], relation)
    if relation is not None and relation.has_offset and place.feature_class == "P":
        _apply_offset(resolved, relation)
    elif relation is not None:
        resolved.reason = f"{relation.text} {place.name}; {reason}"
    return resolved


def _apply_offset(resolved: ResolvedPlace, relation: Relation) -> None:
    """Move the point by the relation's distance and bearing (an unknown distance counts 10 km)."""
    anchor = resolved.place
    km = relation.km if relation.km is not None else 10.0
    lat, lon = offset_point(anchor.latitude, anchor.longitude, km=km, bearing=relation.bearing or 0.0)
    label = f"{relation.text} {anchor.name}"
    resolved.anchor = anchor
    resolved.place = replace(anchor, name=label, latitude=lat, longitude=lon, geonameid=None,
                             feature_class="P", feature_code="PPLL", source="relative")
    resolved.geo_precision, resolved.where_prec = 2, 2 if km <= 25 else 3
    resolved.reason = f"{label}: a point {km:g} km from {anchor.name}; {resolved.reason}"
