"""Our spaCy components. Each adds annotations under ``doc._``; none rewrites the model's.

    dateline_paragraphs  token.is_sent_start  a blank line ends a sentence (before the parser)
    dateline_timex       doc._.timexes     time expressions normalised against doc._.published
    dateline_quantities  doc._.quantities  killed / injured / arrested / abducted counts per sentence
    dateline_actors      doc._.actors      actor mentions (registry aliases, generic nouns, NER)
    dateline_places      doc._.places      place mentions, registered in geo/place_tagger.py; one the gazetteer lacks has known=False

Offsets stored in these annotations are relative to the spaCy Doc; ``doc._.offset`` is
where the Doc starts in the dateline Document text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Callable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..geo.place_tagger import PLACE_LABELS  # importing it registers dateline_places
from ..models import TOLD_GROUP, UNKNOWN_ACTOR
from .paragraphs import make_paragraphs  # noqa: F401  (registers dateline_paragraphs)
from .quantities import Quantity, find_quantities
from .texts import doc_text
from .timex import find_timexes

for _name, _default in (
    ("published", None), ("offset", 0), ("timexes", None), ("quantities", None),
    ("actors", None), ("places", None), ("day_first", False),
    ("continues", False),  # a later piece of a long section (annotate/pipeline.py): its paragraph goes on
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)



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
    definite: bool = False  # "the troops", "these soldiers": a force told before, not a new one


@Language.factory("dateline_timex", assigns=["doc._.timexes"], requires=["doc._.published"])
def make_timex(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def timex(doc: Doc) -> Doc:
        doc._.timexes = find_timexes(doc_text(doc), doc._.published, day_first=doc._.day_first)
        return doc

    return timex


@Language.factory("dateline_quantities", assigns=["doc._.quantities"], requires=["token.is_sent_start", "doc._.timexes"])
def make_quantities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def quantities(doc: Doc) -> Doc:
        timex_spans = sorted((t.start, t.end) for t in doc._.timexes or [])
        starts = [s for s, _ in timex_spans]  # bisected per sentence: a scan each was quadratic
        found: list[Quantity] = []
        for sent in doc.sents:
            base = sent.start_char
            local = [(s - base, e - base) for s, e in
                     timex_spans[bisect_left(starts, sent.start_char) : bisect_left(starts, sent.end_char)]]
            for q in find_quantities(sent.text, exclude=local):
                q.start += base
                q.end += base
                found.append(q)
        doc._.quantities = found
        return doc

    return quantities


# Named organisations the registry lacks are kept as actors when their name says they are armed.
_ARMED_NAME = re.compile(r"\b(?:army|brigades?|battalions?|front|militia|movement|forces|group|jihad|mujahideen|resistance|"
                         r"guards?|legion|corps|state|al-|ansar|jaish|kataib|liwa|saraya)\b", re.I)
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

    def _with_origin(self, span: Span, actor_id: str) -> tuple[Span, str]:
        """The match widened over the words that say whose force it is, when the registry reads the
        wider name ("Russian troops" is Russia's military; "troops" alone is the event country's)."""
        start = _origin_start(span)
        if start == span.start or self.resolve is None:
            return span, actor_id
        wider = span.doc[start : span.end]
        match = self.resolve(wider.text)
        return (wider, match.actor_id) if match is not None else (span, actor_id)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[tuple[Span, str]] = []
        # "Sadr" inside "Sadr City" is part of a place name, not the cleric.
        # Entities never overlap: the one place entity at a token is the only one that can hold a
        # match starting there, and a token covered by a match is all an overlap needs (indexes
        # by token, where scanning every entity for every match was quadratic in the Doc).
        place_at = {i: ent for ent in doc.ents if ent.label_ in PLACE_LABELS for i in range(ent.start, ent.end)}
        for match_id, start, end in self.matcher(doc):
            e = place_at.get(start)
            if e is not None and end <= e.end and (e.end - e.start) > (end - start):
                continue
            spans.append(self._with_origin(doc[start:end], self.nlp.vocab.strings[match_id]))
        matched = {i for s, _ in spans for i in range(s.start, s.end)}
        if self.resolve is not None:
            for ent in doc.ents:
                if ent.label_ in ("PERSON", "ORG", "NORP", "GPE") and matched.isdisjoint(range(ent.start, ent.end)):
                    # a state's name alone is a place here; only its forces, below, are an actor
                    match = self.resolve(ent.text) if ent.label_ != "GPE" else None
                    if match is None and _names_a_state(ent) and ent.end < len(doc):
                        # "Russian forces", "a US drone strike": a people's or state's word and a noun that
                        # names its forces or their fire only after it
                        for extra in (3, 2, 1):  # "a US unmanned aerial vehicle"
                            wider = doc[ent.start : min(len(doc), ent.end + extra)]
                            if any(t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in doc[ent.end : wider.end]):
                                continue  # "in Samarra, police said": a list, not a name
                            match = self.resolve(wider.text)
                            if match is not None:
                                ent = wider
                                break
                    if match is not None:
                        spans.append((ent, match.actor_id))
                    elif ent.label_ == "ORG" and _ARMED_NAME.search(ent.text):
                        spans.append((ent, UNKNOWN_ACTOR))
        if self.resolve is not None:
            spans = [self._with_members(doc, span, actor_id) for span, actor_id in spans]
        # "the government compound", "government offices": the government's word qualifying a building names no actor
        spans = [(span, actor_id) for span, actor_id in spans if not _qualifies_a_thing(span, actor_id)]
        # "the group" names the group told before; "a group of gunmen", "rights groups" name none, and a
        # word of its own ("the terrorist group") keeps its reading
        others = {i for span, actor_id in spans if actor_id != TOLD_GROUP for i in range(span.start, span.end)}
        spans = [(span, actor_id) for span, actor_id in spans
                 if actor_id != TOLD_GROUP or (_definite(span) and others.isdisjoint(range(span.start, span.end)))]
        spans = _longest_first(spans)
        doc._.actors = [
            ActorMention(s.start_char, s.end_char, s.text, actor_id, s.start, s.end, definite=_definite(s)) for s, actor_id in spans
        ]
        return doc


    def _with_members(self, doc: Doc, span: Span, actor_id: str) -> tuple[Span, str]:
        """"Boko Haram insurgents", "Houthi rebels": a named group's members are the group (the noun after
        the name is one the registry reads as its members)."""
        if actor_id.startswith("generic:") or actor_id == UNKNOWN_ACTOR or span.end >= len(doc) or doc[span.end].pos_ != "NOUN":
            return span, actor_id
        wider = doc[span.start : span.end + 1]
        members = self.resolve(wider.text)
        return (wider, actor_id) if members is not None and members.actor_id == actor_id else (span, actor_id)


_LED = re.compile(r"^[\w.]+-led$", re.I)
# the words that make an actor's noun definite ("the troops", "these soldiers")
DEFINITE_WORDS = frozenset({"the", "these", "those"})


def _qualifies_a_thing(span: Span, actor_id: str) -> bool:
    """A government's generic word used as a modifier of a noun that names no actor ("the government
    compound", "government offices")."""
    if actor_id != "generic:government" or len(span) != 1 or span.end >= len(span.doc):
        return False
    word = span[0]
    return word.dep_ in ("compound", "amod", "nmod") and word.head.i > word.i and word.head.pos_ == "NOUN"


def _definite(span: Span) -> bool:
    """ "the troops", "these soldiers": the span, or the word before it, is a definite article or demonstrative."""
    return span[0].lower_ in DEFINITE_WORDS or (span.start > 0 and span.doc[span.start - 1].lower_ in DEFINITE_WORDS)


def _names_a_state(ent: Span) -> bool:
    """A people's word ("Russian"), or a state's name qualifying the noun after it ("US troops")."""
    return ent.label_ == "NORP" or (ent.label_ == "GPE" and ent.root.dep_ in ("compound", "amod", "nmod")
                                    and ent.root.head.i >= ent.end)


def _origin_start(span: Span) -> int:
    """Where a force's name starts once the words that say whose it is are taken in: a people's word
    ("Russian troops") or a leader ("Saudi-led coalition", "US - led forces" as the tokenizer splits it)."""
    doc, start = span.doc, span.start
    if start >= 3 and doc[start - 1].lower_ == "led" and doc[start - 2].text == "-":
        return start - 3
    if start >= 1 and _LED.match(doc[start - 1].text):
        return start - 1
    # "Polish oil workers", "foreign aid workers": the people's word may stand before nouns that
    # qualify the actor's noun; the caller keeps the wider name only if the registry reads it
    at = start
    while at >= 1 and start - at < 2 and doc[at - 1].pos_ == "NOUN" and doc[at - 1].dep_ in ("compound", "amod"):
        at -= 1
    if at >= 1 and doc[at - 1].ent_type_ in ("NORP", "GPE") and doc[at - 1].pos_ in ("ADJ", "PROPN"):
        return at - 1
    if at >= 1 and doc[at - 1].pos_ == "ADJ" and doc[at - 1].dep_ == "amod":
        return at - 1
    # "rebel troops": the nouns before may say whose the force is (the registry reads them)
    return at


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
