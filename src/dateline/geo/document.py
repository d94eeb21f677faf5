"""One document's place context, built the same way for every caller.

Extraction, ``dateline places`` and the scorers all call :func:`build_document_geo`, so a name
resolves to the same place whichever of them asks. It reads the document's evidence
(:class:`GeoEvidence`): the names of its places (the ones named only as a frontier or as the
actors' origin left out), and the one country the people it names point to. The evidence comes
from the annotated spaCy Docs (:func:`document_evidence`) or, for gold data that has names but no
text, from the names alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ResolveError
from ..models import UNKNOWN_ACTOR, Place
from .affiliation import affiliation
from .context import PlaceContext
from .source_homes import SourcePrior

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..resolve.actors import ActorRegistry
    from .gazetteer import Gazetteer
    from .place_tagger import PlaceMention
    from .places import PlaceResolver

__all__ = ["BORDER_NOUNS", "GeoEvidence", "SetAside", "build_document_geo", "document_evidence"]

# Nouns for a frontier: a country named with one ("the border with Cameroon") is the neighbour, not the scene.
BORDER_NOUNS = frozenset({"border", "borders", "frontier", "boundary"})
# A document's country below this evidence (one town's reading, no country or province named) yields to the
# one country its peoples' names point to.
WEAK_COUNTRY = 2.0
GROUP_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia"})  # non-state armed groups

# Whether a place mention stands beside the story rather than in it ("along the border with
# Ethiopia", "militants from Somalia"): a syntactic test that extract/ owns and passes in.
SetAside = Callable[["PlaceMention", "Doc"], bool]


@dataclass(frozen=True, slots=True)
class GeoEvidence:
    """What a document says of where it is, before any name is resolved."""

    names: tuple[tuple[str, str | None], ...] = ()  # (name, kind hint) of each place mention
    people: Place | None = None  # the one country its peoples ("Libyan") or armed groups belong to
    people_named: bool = False  # True: from peoples' names, which place a story that names no place


def document_evidence(docs: Sequence["Doc"], *, gazetteer: "Gazetteer | None", registry: "ActorRegistry | None" = None,
                      set_aside: SetAside | None = None) -> GeoEvidence:
    """The evidence of a document's annotated Docs (headline and body; each carries ``doc._.places``)."""
    names = tuple((p.name, p.kind_hint) for doc in docs for p in doc._.places or []
                  if not _neighbour(doc, p, gazetteer=gazetteer, set_aside=set_aside))
    people = _peoples_country(docs, gazetteer)
    if people is not None:
        return GeoEvidence(names, people, people_named=True)
    # "Boko Haram members attacked Saha village": a story naming only small towns is still in the one
    # country its armed groups belong to, when its places' evidence for another is weak
    return GeoEvidence(names, _groups_country(docs, gazetteer, registry))


def build_document_geo(resolver: "PlaceResolver", evidence: GeoEvidence, *, source: str | None = None,
                       prior: SourcePrior = SourcePrior()) -> PlaceContext:
    """The document's place context: its country and province focus from its names, the source's
    prior (its home, country and usual provinces) and the people it names."""
    names = list(evidence.names)
    from_source = {"home": prior.home, "home_country": prior.country, "story_provinces": prior.provinces}
    context = resolver.context(names, source=source, **from_source)
    people = evidence.people
    if people is None or (context.country_code is None and not evidence.people_named):
        return context
    if context.country_code is None:
        # no place named at all: "A Kenyan gang attacked and killed 12 people" is still in Kenya,
        # when its peoples' names point to one country only
        context.country_code = people.country_code
    elif people.country_code != context.country_code and context.countries[context.country_code] < WEAK_COUNTRY:
        # "a Libyan TV station ... near Bayda": the one town's first reading (Bida, Nigeria) says less
        # than the people named; the people's country is read as if named
        context = resolver.context([*names, (people.name, None)], source=source, **from_source)
    return context


def _neighbour(doc: "Doc", mention: "PlaceMention", *, gazetteer: "Gazetteer | None", set_aside: SetAside | None) -> bool:
    """ "along the border with Ethiopia", "militants from Somalia", "Ugandan rebels": a country named only
    as a frontier or as the actors' origin says where the event was not, so it casts no vote for the
    document's country ("Egypt's border guards" still does: a country's possessive is often its own)."""
    if set_aside is None or not mention.coarse or gazetteer is None or doc[mention.token_end - 1].dep_ == "poss":
        return False
    return set_aside(mention, doc) and gazetteer.country(mention.name) is not None


def _peoples_country(docs: Iterable["Doc"], gazetteer: "Gazetteer | None") -> Place | None:
    """The one country the document's peoples' names point to ("Pakistani", "South Sudanese"), if one."""
    if gazetteer is None:
        return None
    # "near the Afghan border" names the neighbour, not the people of the story; nor do "Ethiopian-backed
    # troops" tell the story's people, only who stands behind the troops
    peoples = {ent.text for doc in docs for ent in doc.ents if ent.label_ == "NORP"
               and not (ent.end < len(doc) and doc[ent.end].lower_ in BORDER_NOUNS) and not affiliation(doc, ent.end)}
    countries = {c.country_code: c for c in map(gazetteer.country, sorted(peoples)) if c is not None}
    return countries.popitem()[1] if len(countries) == 1 else None


def _groups_country(docs: Iterable["Doc"], gazetteer: "Gazetteer | None", registry: "ActorRegistry | None") -> Place | None:
    """The one country the document's registered armed groups belong to (Boko Haram: Nigeria), if one.

    Only non-state groups: a state's forces fight abroad ("US forces") as often as at home."""
    if registry is None or gazetteer is None:
        return None
    countries: set[str] = set()
    for actor_id in {a.actor_id for doc in docs for a in doc._.actors or []}:
        if actor_id == UNKNOWN_ACTOR or actor_id.startswith("generic:"):
            continue
        try:
            actor = registry.get(actor_id)
        except ResolveError:  # an id the registry does not list: no evidence
            continue
        if actor.country and actor.type in GROUP_TYPES:
            countries.add(actor.country)
    found = gazetteer.country(countries.pop()) if len(countries) == 1 else None
    return found if found is not None and found.country_code else None
