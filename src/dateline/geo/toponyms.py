"""Every toponym of a document: its span, the place it resolves to, and the places considered.

    from dateline.pipeline import Engine, document_toponyms
    from dateline.ingest import document_from_text

    engine = Engine.load()
    for top in document_toponyms(document_from_text("Clashes near Amara, Maysan province."), engine=engine):
        print(top.start, top.end, top.text, top.place.name if top.place else None, top.reason)

Spans are character offsets into ``document.text``. Each toponym is resolved with the
document's place context (the one extraction uses) and the other places of its sentence. A toponym's
``kind`` is "place" for a place name and "demonym" for an adjectival one ("Iraqi", "Saudi-led"),
which ``dateline places`` asks for (:mod:`dateline.geo.demonyms`; never an event's place).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

from ..models import Document, Place
from .demonyms import demonym_mentions, demonym_place
from .places import Explanation, PlaceContext, PlaceResolver, Relation, parse_relation, place_reading

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Toponym", "toponyms_of"]


@dataclass(slots=True)
class Toponym:
    """A place name in a document and what it was resolved to."""

    document_id: str
    start: int
    end: int
    text: str
    name: str  # what was looked up ("Maysan" for "Maysan province")
    kind_hint: str | None = None
    relation: str | None = None  # "near", "30 km south of"
    place: Place | None = None
    geo_precision: int | None = None
    where_prec: int | None = None
    reason: str = ""
    alternatives: list[Place] = field(default_factory=list)
    anchor: Place | None = None  # the named place of a relative point
    kind: str = "place"  # or "demonym"
    explanation: Explanation | None = None  # the ranker's parts, when asked for (`dateline places --explain`)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record (one line of `dateline places --format jsonl`)."""
        return {
            "document_id": self.document_id, "start": self.start, "end": self.end, "text": self.text,
            "name": self.name, "kind": self.kind, "kind_hint": self.kind_hint, "relation": self.relation,
            "place": _place_dict(self.place) if self.place else None,
            "anchor": _place_dict(self.anchor) if self.anchor else None,
            "geo_precision": self.geo_precision, "where_prec": self.where_prec, "place_reason": self.reason,
            "alternatives": [_place_dict(p) for p in self.alternatives],
        }


def _place_dict(place: Place) -> dict[str, Any]:
    return {"name": place.name, "geonameid": place.geonameid, "latitude": place.latitude,
            "longitude": place.longitude, "feature_code": place.feature_code, "admin1": place.admin1,
            "admin2": place.admin2, "country": place.country, "country_code": place.country_code}


def toponyms_of(document: Document, docs: Sequence["Doc"], resolver: PlaceResolver, *, context: PlaceContext,
                demonyms: bool = False, explain: bool = False) -> list[Toponym]:
    """The toponyms of a document from its annotated spaCy Docs (each carries ``doc._.places``),
    each resolved in ``context``, the document's place context (:func:`~dateline.geo.build_document_geo`:
    the one extraction uses, so a name reads the same here and in the events).

    ``docs`` are the headline's and the body's Docs: spans are offsets into the text, which holds
    the header lines. ``demonyms``: also the adjectival place names, in text order with the others;
    ``explain``: each place name carries the ranker's :class:`~dateline.geo.places.Explanation`."""
    mentions = [(doc, m) for doc in docs for m in doc._.places or []]
    out: list[Toponym] = []
    for doc, mention in mentions:
        offset = doc._.offset
        sentence_names = _sentence_names(doc, mention)
        before = doc.user_data.setdefault("dateline.text", doc.text)[max(0, mention.start - 60) : mention.start]
        relation: Relation | None = parse_relation(before)
        explanation = None
        if explain:
            explanation = resolver.explain(mention.name, hint=mention.kind_hint, context=context,
                                           nearby=sentence_names or None, relation=relation)
            resolved = explanation.result
        else:
            resolved = resolver.resolve(mention.name, hint=mention.kind_hint, context=context,
                                        nearby=sentence_names or None, relation=relation)
        top = Toponym(document.id, mention.start + offset, mention.end + offset, mention.text, mention.name,
                      mention.kind_hint, relation.text if relation else None, explanation=explanation)
        if resolved is not None:
            top.place, top.alternatives, top.anchor = resolved.place, resolved.alternatives, resolved.anchor
            top.geo_precision, top.where_prec, top.reason = resolved.geo_precision, resolved.where_prec, resolved.reason
        elif resolver.candidates(mention.name):
            top.reason = "no reading fits the document's places"
        else:
            top.reason = "not in the gazetteer"
        out.append(top)
    if demonyms:
        out = sorted(out + _demonyms_of(document, docs, resolver), key=lambda t: t.start)
    return out


def _demonyms_of(document: Document, docs: Sequence["Doc"], resolver: PlaceResolver) -> list[Toponym]:
    """The demonyms of the Docs outside their place mentions, each read as the place it names."""
    out = []
    for doc in docs:
        offset = doc._.offset
        taken = [(m.start, m.end) for m in doc._.places or []]
        for found in demonym_mentions(doc, taken):
            top = Toponym(document.id, found.start + offset, found.end + offset, found.text, found.text, kind="demonym")
            place = demonym_place(found.names, resolver.gazetteer)
            if place is None:
                top.reason = "a demonym of no place the gazetteer knows"
            else:
                resolved = place_reading(place, f"'{found.text}' is the demonym of {place.name}")
                top.place, top.geo_precision, top.where_prec, top.reason = (
                    resolved.place, resolved.geo_precision, resolved.where_prec, resolved.reason)
            out.append(top)
    return out


def _sentence_names(doc: "Doc", mention: Any) -> list[str]:
    """Names of the other places in the mention's sentence."""
    sent = doc[mention.token_start].sent
    return [m.name for m in doc._.places or [] if sent.start <= m.token_start < sent.end and m is not mention]
