"""Demonyms as place mentions: "French", "Iraqi", "Kurdish", "Saudi-led" name a country or region.

``dateline places`` reports them as mentions of kind ``demonym``, resolved to the country or region
they name (:func:`dateline.resolve.demonyms.demonym_places`: countryinfo's demonyms and
data/demonyms.yaml). They are not place mentions of the tagger (``doc._.places``), so extraction
never takes one as an event's place: "Iraqi forces raided Hawija" happened in Hawija, not in "Iraq".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Place
from ..resolve.demonyms import DemonymPlace, demonym_places

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .gazetteer import Gazetteer

__all__ = ["DemonymMention", "demonym_mentions", "demonym_place"]

_MAX_WORDS = 2  # "South Sudanese", "Sri Lankan"
_NOT_PLACES = {"PERSON"}  # "Frank French" is a person


@dataclass(frozen=True, slots=True)
class DemonymMention:
    """A demonym in a Doc: character span in the Doc's text, the word(s), and what they name."""

    start: int
    end: int
    text: str
    names: DemonymPlace


def demonym_mentions(doc: "Doc", taken: Iterable[tuple[int, int]] = (), *, within: "Span | None" = None) -> list[DemonymMention]:
    """Capitalised demonyms of a Doc (of its span ``within`` if given) outside the spans ``taken``
    (character offsets of its place mentions) and outside people's names; the longest first ("South
    Sudanese", not "Sudanese")."""
    table = demonym_places()
    ents = within.ents if within is not None else doc.ents
    busy = list(taken) + [(ent.start_char, ent.end_char) for ent in ents if ent.label_ in _NOT_PLACES]
    out: list[DemonymMention] = []
    i, stop = (within.start, within.end) if within is not None else (0, len(doc))
    while i < stop:
        width = _demonym_at(doc, i, table, busy, stop)
        if width:
            span = doc[i : i + width]
            out.append(DemonymMention(span.start_char, span.end_char, span.text, table[span.text.casefold()]))
        i += width or 1
    return out


def _demonym_at(doc: "Doc", i: int, table: dict[str, DemonymPlace], busy: list[tuple[int, int]], stop: int) -> int:
    """The number of tokens of a demonym starting at token ``i`` (the longest, ending before ``stop``), 0 for none."""
    for width in range(min(_MAX_WORDS, stop - i), 0, -1):
        span = doc[i : i + width]
        if not all(t.text[:1].isupper() for t in span) or span.text.casefold() not in table:
            continue
        if not any(s < span.end_char and span.start_char < e for s, e in busy):
            return width
    return 0


def demonym_place(names: DemonymPlace, gazetteer: "Gazetteer") -> Place | None:
    """The gazetteer's place for what a demonym names: its country, or the region in that country."""
    if names.name is None:
        return gazetteer.country(names.country_code) if names.country_code else None
    for place in gazetteer.lookup(names.name, country_code=names.country_code, limit=5):
        if names.country_code in (None, place.country_code):
            return place
    return None
