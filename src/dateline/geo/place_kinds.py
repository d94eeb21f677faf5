"""Names the model leaves untagged before a settlement's kind word: "attacked Damasak town of Borno State".

The small model tags nothing (or a people, NORP) in "Damasak town", "Madagali community", and a
name before "locality" ("Kutum locality") only qualifies a noun that is no place's. A capitalised
name right before "town", "village", "community", "area" or "locality" is a place mention when its
sentence names a province or country and the gazetteer has a place of that name inside it: the
region named beside the name is what tells a town from a people's or a person's name ("Fulani
community", "Christian village"), which have no such reading there. So is an untagged name right
after a country's or province's possessive ("in northeast Nigeria's Bauchi city", "at Yemen's
Hodeidah port") when the gazetteer has it inside that region.
"""

from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Doc, Span

from ..resolve.names import normalise_name
from ..resolve.place_words import hints

# kind words a settlement's name stands before; the hint each gives the resolver ("area", "community" and
# Sudan's "locality", a district named after its town, say nothing of its size): data/place_words.yaml
KIND_HINTS: dict[str, str | None] = hints("before_kind")
# "Bauchi city" after "Nigeria's": the kind word joins the mention
_AFTER_POSSESSIVE: dict[str, str | None] = hints("after_possessive")
_MAX_WORDS = 3  # "Waga Chakawa village": a name of up to three words
_LINKS = {"-", "'"}  # "Katsina-Ala", "Ba'ad"


def named_before_kind(doc: Doc, found: list, extra: list, gazetteer: Any, first_place: Callable[[str], Any],
                      is_country: Callable[[str], bool], mention_type: type) -> list:
    """Mentions for untagged names before a kind word; the towns' mentions they take in ("Katsina" of
    "Katsina-Ala town") are removed from ``found`` and ``extra`` (those the tagger's other rules added)."""
    out: list = []
    if gazetteer is None or first_place is None:
        return out
    for tok in doc:
        if tok.lower_ not in KIND_HINTS or tok.i == 0:
            continue
        if any(m.token_start <= tok.i < m.token_end for m in found + extra + out):
            continue  # "Damboa town" already a mention with its kind
        regions = _regions(tok.sent, found + extra, first_place)
        if not regions:
            continue
        start = _name_start(doc, tok.i)
        for s in range(start, tok.i):  # the longest name first ("Katsina-Ala", not "Ala")
            span = doc[s : tok.i]
            if not span.text[:1].isupper() or not _whole_mentions_only(span, found + extra, out):
                continue
            name = span.text
            if is_country(name) or not _reading_within(gazetteer, name, regions):
                continue
            full = doc[s : tok.i + 1]
            found[:] = [m for m in found if m.token_end <= s or m.token_start >= tok.i]
            extra[:] = [m for m in extra if m.token_end <= s or m.token_start >= tok.i]
            out.append(mention_type(full.start_char, full.end_char, full.text, name, s, tok.i + 1,
                                    kind_hint=KIND_HINTS[tok.lower_]))
            break
    return out


def _name_start(doc: Doc, kind: int) -> int:
    """The first token of the capitalised words (and their hyphens) right before the kind word."""
    start, words = kind, 0
    while start > 0 and words < _MAX_WORDS:
        prev = doc[start - 1]
        if prev.text in _LINKS and start >= 2 and doc[start - 2].text[:1].isupper():
            start -= 1
            continue
        if not prev.text[:1].isupper() or prev.is_stop or prev.is_punct or prev.like_num or prev.i == prev.sent.start:
            break  # "The town": a sentence's first word is capitalised for the sentence's sake
        start, words = start - 1, words + 1
    return start


def _whole_mentions_only(span: Span, found: list, others: list) -> bool:
    """Whether every mention the span overlaps is a town's lying inside it ("Katsina" in "Katsina-Ala"),
    and none of this rule's own overlaps it."""
    def apart(m: Any) -> bool:
        return m.token_end <= span.start or m.token_start >= span.end
    return all(apart(m) or (span.start <= m.token_start and m.token_end <= span.end and not m.coarse) for m in found) and (
        all(apart(m) for m in others))


def _regions(sent: Span, mentions: list, first_place: Callable[[str], Any]) -> list[tuple[str, str | None]]:
    """The (country code, province) pairs of the countries and provinces the sentence names."""
    out = []
    for m in mentions:
        if not (m.coarse and m.known and sent.start <= m.token_start < sent.end):
            continue
        place = first_place(m.name)
        if place is None or not place.country_code:
            continue
        code = place.feature_code or ""
        if code.startswith("PCL"):
            out.append((place.country_code, None))
        elif code == "ADM1":
            out.append((place.country_code, place.admin1))
    return out


def _reading_within(gazetteer: Any, name: str, regions: list[tuple[str, str | None]]) -> bool:
    """Whether the gazetteer has a place of that very name inside one of the regions."""
    key = normalise_name(name)
    for cc, admin1 in regions:
        for place in gazetteer.lookup(name, country_code=cc, admin1=admin1, limit=10):
            if place.country_code == cc and (admin1 is None or place.admin1 == admin1) and (
                    normalise_name(place.name) == key or place.feature_class == "P"):
                return True
    return False


def named_after_possessive(doc: Doc, found: list, extra: list, gazetteer: Any, first_place: Callable[[str], Any],
                           is_country: Callable[[str], bool], mention_type: type) -> list:
    """ "in northeast Nigeria's Bauchi city", "at Yemen's Hodeidah port": an untagged capitalised name right
    after a country's or province's possessive is a place mention when the gazetteer has it inside that region."""
    out: list = []
    if gazetteer is None or first_place is None:
        return out
    taken = {i for m in found + extra for i in range(m.token_start, m.token_end)}
    for owner in found + extra:
        start = owner.token_end + 1
        if not (owner.coarse and owner.known) or start >= len(doc) or doc[owner.token_end].tag_ != "POS":
            continue
        end = start
        while (end < len(doc) and end - start < _MAX_WORDS and end not in taken and doc[end].text[:1].isupper()
               and not doc[end].is_punct and not doc[end].like_num and doc[end].sent.start == doc[start].sent.start):
            end += 1
        regions = _regions(doc[owner.token_start].sent, [owner], first_place)
        for stop in range(end, start, -1):  # the longest name first
            name = doc[start:stop].text
            if is_country(name) or not _reading_within(gazetteer, name, regions):
                continue
            kind = doc[stop].lower_ if stop < len(doc) else ""
            hint, close = (_AFTER_POSSESSIVE[kind], stop + 1) if kind in _AFTER_POSSESSIVE else (None, stop)
            full = doc[start:close]
            out.append(mention_type(full.start_char, full.end_char, full.text, name, start, close, kind_hint=hint))
            taken.update(range(start, close))
            break
    return out
