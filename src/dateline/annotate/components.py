"""Our spaCy components. Each adds annotations under ``doc._``; none rewrites the model's.

    dateline_timex       doc._.timexes     time expressions normalised against doc._.published
    dateline_quantities  doc._.quantities  killed / injured / arrested counts per sentence
    dateline_actors      doc._.actors      actor mentions (registry aliases, generic nouns, NER)
    dateline_places      doc._.places      place mentions (NER places the gazetteer knows)

Offsets stored in these annotations are relative to the spaCy Doc; ``doc._.offset`` is
where the Doc starts in the dateline Document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .quantities import Quantity, find_quantities
from .timex import find_timexes

for _name, _default in (
    ("published", None), ("offset", 0), ("timexes", None), ("quantities", None),
    ("actors", None), ("places", None), ("day_first", False),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


UNKNOWN_ACTOR = "unknown"


@dataclass(slots=True)
class ActorMention:
    """A span that names an actor; ``actor_id`` is the registry id, a generic id, or
    ``UNKNOWN`` for an organisation the registry does not know (kept with its surface text)."""

    start: int
    end: int
    text: str
    actor_id: str
    token_start: int
    token_end: int


@dataclass(slots=True)
class PlaceMention:
    """A span that names a place; ``kind_hint`` is "province" for "X province" and similar."""

    start: int
    end: int
    text: str
    name: str  # the name to look up, without "province", "city"
    token_start: int
    token_end: int
    kind_hint: str | None = None
    coarse: bool = False  # names a country or province (the gazetteer's best guess), not a town


@Language.factory("dateline_timex", assigns=["doc._.timexes"], requires=["doc._.published"])
def make_timex(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def timex(doc: Doc) -> Doc:
        doc._.timexes = find_timexes(doc.text, doc._.published, day_first=doc._.day_first)
        return doc

    return timex


@Language.factory("dateline_quantities", assigns=["doc._.quantities"], requires=["token.is_sent_start", "doc._.timexes"])
def make_quantities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def quantities(doc: Doc) -> Doc:
        timex_spans = [(t.start, t.end) for t in doc._.timexes or []]
        found: list[Quantity] = []
        for sent in doc.sents:
            base = sent.start_char
            local = [(s - base, e - base) for s, e in timex_spans if sent.start_char <= s < sent.end_char]
            for q in find_quantities(sent.text, exclude=local):
                q.start += base
                q.end += base
                found.append(q)
        doc._.quantities = found
        return doc

    return quantities


# Named organisations the registry lacks are kept as actors when their name says they are armed.
_ARMED_NAME = re.compile(r"\b(?:army|brigades?|battalions?|front|militia|movement|forces|group|jihad|mujahideen|resistance|guards?|legion|corps|state|al-|ansar|jaish|kataib|liwa|saraya)\b", re.I)
_PROVINCE_WORDS = {"province", "governorate", "provinces", "governorates"}
_CITY_WORDS = {"city", "town", "village", "district"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_MAYBE_PLACE_LABELS = {"ORG", "NORP", "PERSON"}
_PLACE_PREPOSITIONS = {"in", "of", "near", "at", "outside", "around"}


class ActorTagger:
    """Finds actor mentions: registry aliases (PhraseMatcher on LOWER) and named entities the registry knows."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.resolve: Callable[[str], Any] | None = None

    def configure(self, patterns: list[tuple[str, str]], resolve: Callable[[str], Any]) -> None:
        """Load alias patterns (surface, actor id) and the resolver used for NER spans."""
        by_id: dict[str, list[Doc]] = {}
        for surface, actor_id in patterns:
            by_id.setdefault(actor_id, []).append(self.nlp.make_doc(surface))
        for actor_id, docs in by_id.items():
            self.matcher.add(actor_id, docs)
        self.resolve = resolve

    def __call__(self, doc: Doc) -> Doc:
        spans: list[tuple[Span, str]] = []
        # "Sadr" inside "Sadr City" is part of a place name, not the cleric.
        place_ents = [ent for ent in doc.ents if ent.label_ in _PLACE_LABELS]
        for match_id, start, end in self.matcher(doc):
            if any(e.start <= start and end <= e.end and (e.end - e.start) > (end - start) for e in place_ents):
                continue
            spans.append((doc[start:end], self.nlp.vocab.strings[match_id]))
        if self.resolve is not None:
            for ent in doc.ents:
                if ent.label_ in ("PERSON", "ORG", "NORP") and not any(s.start <= ent.start < s.end or ent.start <= s.start < ent.end for s, _ in spans):
                    match = self.resolve(ent.text)
                    if match is not None:
                        spans.append((ent, match.actor_id))
                    elif ent.label_ == "ORG" and _ARMED_NAME.search(ent.text):
                        spans.append((ent, UNKNOWN_ACTOR))
        spans = _longest_first(spans)
        doc._.actors = [
            ActorMention(s.start_char, s.end_char, s.text, actor_id, s.start, s.end) for s, actor_id in spans
        ]
        return doc


class PlaceTagger:
    """Finds place mentions: NER places, and other entities only when the gazetteer knows them."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.is_known: Callable[[str], bool] = lambda name: False
        self.is_coarse: Callable[[str], bool] = lambda name: False

    def configure(self, is_known: Callable[[str], bool], *, is_coarse: Callable[[str], bool] | None = None) -> None:
        """Set the gazetteer test; ``is_coarse`` (default: from the gazetteer that ``is_known`` belongs
        to) says whether a name's best place is a country or province."""
        self.is_known = is_known
        gazetteer = getattr(is_known, "__self__", None)
        if is_coarse is None and gazetteer is not None and hasattr(gazetteer, "lookup"):
            is_coarse = _coarse_test(gazetteer)
        if is_coarse is not None:
            self.is_coarse = is_coarse

    def __call__(self, doc: Doc) -> Doc:
        actor_tokens = {i for a in doc._.actors or [] for i in range(a.token_start, a.token_end)}
        found: list[PlaceMention] = []
        for ent in doc.ents:
            if ent.label_ not in _PLACE_LABELS and ent.label_ not in _MAYBE_PLACE_LABELS:
                continue
            span, hint = _strip_place_words(doc, ent)
            if span is None:
                continue
            name = span.text
            if hint in _CITY_WORDS and span.end < ent.end and self.is_known(doc[span.start : ent.end].text):
                # "Sadr City", "Kuwait City": the word belongs to the name
                name, hint = doc[span.start : ent.end].text, None
            if ent.label_ in _MAYBE_PLACE_LABELS:
                # An organisation or person the actor registry knows is not a place ("Sadrist").
                if any(i in actor_tokens for i in range(span.start, span.end)):
                    continue
                # A nationality or a person is not a place, but the small model tags some towns
                # NORP or PERSON ("the Iraqi city of Samarra", "bombings in Hilla"): keep those
                # after a locative preposition when the gazetteer knows them as a town.
                after_preposition = ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS
                if ent.label_ in ("NORP", "PERSON") and hint is None and not (
                        after_preposition and self.is_known(name) and not self.is_coarse(name)):
                    continue
            if not self.is_known(name):
                continue
            start, end = ent.start, ent.end
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and nxt.lower_ in _PROVINCE_WORDS | _CITY_WORDS:
                hint = "province" if nxt.lower_ in _PROVINCE_WORDS else nxt.lower_
                end += 1
            full = doc[start:end]
            coarse = hint == "province" or (hint is None and self.is_coarse(name))
            found.append(PlaceMention(full.start_char, full.end_char, full.text, name, start, end, hint, coarse))
        doc._.places = found
        return doc


def _coarse_test(gazetteer: Any) -> Callable[[str], bool]:
    """Whether a name's best gazetteer place is a country, province or larger (cached per name)."""
    cache: dict[str, bool] = {}

    def is_coarse(name: str) -> bool:
        if name not in cache:
            if len(cache) > 100_000:
                cache.clear()  # bounded: a long batch meets ever new names
            found = gazetteer.lookup(name, limit=1)
            code = (found[0].feature_code or "") if found else ""
            cache[name] = code.startswith("PCL") or code in ("ADM1", "ADMD", "CONT")
        return cache[name]

    return is_coarse


def _strip_place_words(doc: Doc, ent: Span) -> tuple[Span | None, str | None]:
    """The name inside an entity like "Maysan Province" and what kind of place it says it is."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    hint = None
    if tokens and tokens[-1].lower_ in _PROVINCE_WORDS | _CITY_WORDS:
        hint = "province" if tokens[-1].lower_ in _PROVINCE_WORDS else tokens[-1].lower_
        tokens = tokens[:-1]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return None, None
    return doc[tokens[0].i : tokens[-1].i + 1], hint


def _longest_first(spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Drop spans overlapping a longer one; keep document order."""
    kept: list[tuple[Span, str]] = []
    taken: set[int] = set()
    for span, label in sorted(spans, key=lambda x: (-(x[0].end - x[0].start), x[0].start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        kept.append((span, label))
        taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda x: x[0].start)


@Language.factory("dateline_actors", assigns=["doc._.actors"], requires=["doc.ents"])
def make_actors(nlp: Language, name: str) -> ActorTagger:
    return ActorTagger(nlp)


@Language.factory("dateline_places", assigns=["doc._.places"], requires=["doc.ents", "doc._.actors"])
def make_places(nlp: Language, name: str) -> PlaceTagger:
    return PlaceTagger(nlp)
