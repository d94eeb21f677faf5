"""Where the sentence itself says a place lies: a people's name before it, its province or country after it.

"the northwestern Pakistani town of Hangu" is in Pakistan whatever the gazetteer ranks first (Hangu,
Tianjin); "the town of Madi in northern Yemen", "Baanu village in Nganzai local government area of Borno
State", "Danan, in Amran province" lie in the province or country their phrase names. These
readers only find the words; :class:`~dateline.extract.events.Extractor` decides with the resolver.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..geo.country_words import district_phrases
from ..geo.place_tagger import PlaceMention
from ..models import Place
from ..resolve.place_words import words

# Nouns for a kind of place that a people's name or a phrase qualifies ("the Pakistani town of", "villages of").
_KIND_NOUNS = words("phrase_kind")
# Words of a district's kind the tagger leaves outside the name ("Nganzai local government area"): the
# words before the last of the countries' district phrases (data/countries/*.yaml).
_DISTRICT_WORDS = frozenset(w for phrase in district_phrases() for w in phrase[:-1])
_DIRECTION = re.compile(r"^(?:(?:north|south)(?:-?(?:east|west))?|east|west|central|mid)(?:ern)?$")


def _mention_at(mentions: list[PlaceMention], index: int) -> PlaceMention | None:
    return next((m for m in mentions if m.token_start == index), None)


def people_before(doc: Doc, mention: PlaceMention) -> str | None:
    """The people's name qualifying the place's kind right before it ("the Pakistani town of Hangu",
    "a Nigerian border town of Gamboru", "the South Sudanese city of Bor"); None when there is none."""
    i = mention.token_start - 1
    if i < 2 or doc[i].lower_ != "of" or doc[i - 1].lower_ not in _KIND_NOUNS:
        return None
    i -= 2
    skipped = 0
    while i >= 0 and skipped < 2 and doc[i].is_lower and doc[i].ent_type_ != "NORP":  # "northwestern", "border"
        i, skipped = i - 1, skipped + 1
    if i < 0 or doc[i].ent_type_ != "NORP":
        return None
    start = i
    while start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start].ent_iob_ != "B":
        start -= 1
    return doc[start : i + 1].text


def regions_after(doc: Doc, mention: PlaceMention, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The places the mention's own phrase goes on to name as holding it, nearest first: "Madi in
    northern Yemen", "Baanu village in Nganzai local government area of Borno State", "Sari in El
    Kuma locality, North Darfur", "Danan, in Amran province", "Rim and Shonong villages of Riyom".

    The phrase is read as a chain: kind words, then "in", "of" or a comma (and "the", a bearing
    adjective) before each next name; any other word ends it. A bare comma only reaches a name that
    closes the phrase ("Attan, Isiolo County on Tuesday"), not a list ("Kano, Kaduna and Zaria")."""
    found: list[PlaceMention] = []
    j = mention.token_end
    linked = False  # a connector ("in", "of", a comma) since the last name
    comma = False
    while j < len(doc):
        tok = doc[j]
        other = _mention_at(mentions, j) if linked else None
        if other is not None and other.token_end < len(doc) and doc[other.token_end].tag_ == "POS":
            j = other.token_end + 1  # "in northeast Nigeria's Yobe state": the country qualifies the next name
            continue
        if other is not None:
            if comma and not _ends_phrase(doc, other, mentions):
                break
            found.append(other)
            j, linked, comma = other.token_end, False, False
            continue
        low = tok.lower_
        if low in ("in", "of"):
            linked, comma = True, False
        elif low == ",":
            linked, comma = True, not linked or comma
        elif low == "and" and j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and not linked:
            # "Rim and Shonong villages of Riyom": a second name under the same kind word
            nxt = _mention_at(mentions, j + 1)
            end = nxt.token_end if nxt is not None else j + 2
            if end >= len(doc) or doc[end].lower_ not in _KIND_NOUNS:
                break
            j = end
            continue
        elif not (low in _KIND_NOUNS or low in _DISTRICT_WORDS or low == "the" and linked
                  or _DIRECTION.match(low) and linked):
            break
        j += 1
    return found


def owner_before(doc: Doc, mention: PlaceMention, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place whose part the mention is, written as its owner: "Baghdad's Dora district", "Aleppo's
    Salaheddine neighbourhood" (not "Iraq's Anbar province": a province is no part of a town)."""
    i = mention.token_start - 1
    while i >= 0 and doc[i].is_lower and doc[i].tag_ != "POS" and i >= mention.token_start - 2:
        i -= 1  # "Baghdad's southern Dora district"
    if i < 1 or doc[i].tag_ != "POS":
        return None
    owner = next((m for m in mentions if m.token_end == i), None)
    kind = doc[mention.token_end - 1].lower_ if mention.kind_hint else (
        doc[mention.token_end].lower_ if mention.token_end < len(doc) else "")
    return owner if owner is not None and kind in _PART_NOUNS else None


_PART_NOUNS = words("part_noun")


def part_of_town(doc: Doc, mention: PlaceMention, town: PlaceMention) -> bool:
    """Whether the mention names a part of the town right after it: "the Kuybyshevskyy district of
    Donetsk", "the Karrada neighbourhood of Baghdad"."""
    between = [t.lower_ for t in doc[mention.token_end : town.token_start]]
    if between[-1:] != ["of"] or len(between) > 2:
        return False
    kind = between[0] if len(between) == 2 else doc[mention.token_end - 1].lower_
    return kind in _PART_NOUNS


def _ends_phrase(doc: Doc, mention: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """A name after a comma ends the place's phrase ("in Attan, Isiolo County on Tuesday") rather than
    list another place ("in Kano, Kaduna and Zaria") or open a clause ("Sudan's media reported")."""
    if any(t.dep_ in ("nsubj", "nsubjpass", "poss") for t in doc[mention.token_start : mention.token_end]):
        return False
    end = mention.token_end
    if end >= len(doc):
        return True
    nxt = doc[end]
    if nxt.tag_ == "POS" or nxt.lower_ in ("and", "or") or nxt.pos_ not in ("PUNCT", "ADP", "SPACE"):
        return False
    return not (nxt.text == "," and _mention_at(mentions, end + 1) is not None)


def lies_in(place: Place, region: Place) -> bool:
    """Whether a place lies in a country or province."""
    if place.country_code != region.country_code:
        return False
    return region.is_country or place.admin1 == region.admin1
