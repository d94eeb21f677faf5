"""One sentence, several places: the parts of an event told in parallel.

ACLED codes one event per place. "Demonstrations in Tikrit and Huwaijah", "clashes left 22 dead in
Mosul, Baiji and Tuz" and "eleven were killed, including police trainees near Hilla and two police
in Kirkuk" each tell one event per town. A place is a part of the event when it is coordinated with
the event's place inside one argument: the two places meet in the parse below every verb, and one of
them joins through a conjunct. Each part keeps only the figure told inside its own branch ("two
police in Kirkuk"); a figure outside every branch is the total of the parts, which the report keeps
as an aggregate statement, never as a part's toll.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..geo.place_tagger import PlaceMention
from ..rules import enabled

__all__ = ["Part", "conjoined_names", "parallel_parts"]


@dataclass(frozen=True, slots=True)
class Part:
    """A place told in parallel with the event's own, and the tokens of its branch [start, end)."""

    mention: PlaceMention
    branch_start: int
    branch_end: int

    def holds(self, token_index: int) -> bool:
        return self.branch_start <= token_index < self.branch_end


def _root(doc: Doc, mention: PlaceMention) -> Token:
    span = doc[mention.token_start : mention.token_end]
    return span.root


def _path(token: Token) -> list[Token]:
    """The token and its governors up to the sentence root."""
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _branch(path: list[Token], meet: int, own: PlaceMention) -> tuple[int, int]:
    """Token range [start, end) of one side's branch below the meeting point: from the lowest
    conjunct on the way up ("two police in Kirkuk", "Tuz"), else the token just below the meeting
    point; the place's own tokens when the place is itself the meeting point. A branch stops before
    the next conjunct that hangs from it ("Mosul, Baiji and Tuz": Baiji's branch is Baiji alone)."""
    below = next(i for i, t in enumerate(path) if t.i == meet)
    if below == 0:
        return own.token_start, own.token_end
    top = next((t for t in path[:below] if t.dep_ == "conj"), path[below - 1])
    tokens = [t.i for t in top.subtree]
    conj = [c.i for c in top.children if c.dep_ == "conj"]
    return min(tokens), min([*conj, max(tokens) + 1])


def parallel_parts(doc: Doc, chosen: PlaceMention, mentions: list[PlaceMention]) -> list[Part]:
    """The event's own place first, then every place told in parallel with it; [] when there is none.

    Only towns and named places the gazetteer knows take part: a country or province beside a town
    ("in Hilla, in southern Iraq") qualifies it, it is no other place of the event.
    """
    root = _root(doc, chosen)
    own_path = _path(root)
    own_ids = {t.i for t in own_path}
    parts: list[Part] = []
    seen = {chosen.name.casefold()}
    for mention in mentions:
        if mention is chosen or (mention.coarse and not _listed_kind(doc, mention)) or not mention.known \
                or mention.name.casefold() in seen:
            continue
        # the name of a listed kind hangs in the list, its kind word wherever the parser put it
        path = _path(doc[mention.token_start : mention.token_end - 1].root if _listed_kind(doc, mention)
                     and mention.token_end - mention.token_start > 1 else _root(doc, mention))
        meet = next((t for t in path if t.i in own_ids), None)
        if meet is None:
            continue
        theirs = path[: next(i for i, t in enumerate(path) if t.i == meet.i)]
        ours = own_path[: next(i for i, t in enumerate(own_path) if t.i == meet.i)]
        # inside one argument: no verb between either place and where they meet; or a gapped clause
        # hanging from the event's verb ("killed three people in Tikrit and two in Hawija")
        if any(t.pos_ in ("VERB", "AUX") for t in (*theirs, *ours)) or (
                meet.pos_ in ("VERB", "AUX") and not _gapped(theirs)):
            continue
        if not any(t.dep_ == "conj" for t in (*theirs[-1:], *ours[-1:])):
            continue
        seen.add(mention.name.casefold())
        parts.append(Part(mention, *_branch(path, meet.i, mention)))
    if not parts:
        return []
    # the event's own branch: below where it meets the first parallel place
    meet = next(t for t in _path(_root(doc, parts[0].mention)) if t.i in own_ids)
    if meet.pos_ in ("VERB", "AUX"):
        # a gapped clause: the event's own part runs from the verb's first word after it to the gapped one
        after = [t.i for c in meet.children if c.i > meet.i and c.i < parts[0].branch_start for t in c.subtree]
        start = min(after, default=chosen.token_start)
        return [Part(chosen, min(start, chosen.token_start), parts[0].branch_start), *parts]
    return [Part(chosen, *_branch(own_path, meet.i, chosen)), *parts]


_PLACE_PREPS = frozenset({"in", "at", "near", "around", "outside"})
# a kind word in the plural after the last name of a list: every name of it is a place of that kind
_PLURAL_KINDS = frozenset({"provinces", "states", "districts", "regions", "governorates", "counties", "prefectures"})


def _listed_kind(doc: Doc, mention: PlaceMention) -> bool:
    """ "in Yala, Pattani and Narathiwat provinces": the province closes a list of provinces, each a place of
    its own, not a qualifier of a town."""
    return doc[mention.token_end - 1].lower_ in _PLURAL_KINDS and enabled("extract.listed_provinces")


def _gapped(theirs: list[Token]) -> bool:
    """Whether a place's branch is a gapped clause of the verb it meets: its top is a conjunct of the
    verb that is no verb itself, a figure or a noun standing for the verb's object ("and two in Hawija")."""
    top = theirs[-1] if theirs else None
    if top is not None and top.dep_ == "conj" and top.pos_ == "ADP" and top.lower_ in _PLACE_PREPS \
            and enabled("extract.conjoined_preposition"):
        return True  # "protests were held in Daraa, ... and in Deir el-Zour": the place's phrase stands for the verb's
    return (top is not None and top.dep_ == "conj" and top.pos_ in ("NUM", "NOUN", "PROPN")
            and any(c.dep_ == "prep" for c in top.children))


def conjoined_names(doc: Doc | Span, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Proper names coordinated with a place that the tagger left out ("in Herat and Jalalabad": the
    small model often names only the first of a list), in ``doc`` (a Doc or one sentence of it). They
    are candidates only: a part is made of one only where the gazetteer reads it as a place."""
    whole = doc.doc if isinstance(doc, Span) else doc
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    roots = {_root(whole, m).i for m in mentions if not m.coarse}
    found: list[PlaceMention] = []
    for token in doc:
        if token.dep_ != "conj" or token.pos_ != "PROPN" or token.i in taken:
            continue
        head = token.head
        while head.dep_ == "conj" and head.i not in roots and head.head.i != head.i:
            head = head.head  # "Mosul, Baiji and Tuz": Tuz hangs from Baiji, Baiji from Mosul
        if head.i not in roots:
            continue
        first = min([token.i, *(c.i for c in token.children if c.dep_ in ("compound", "flat") and c.i < token.i)])
        if any(i in taken for i in range(first, token.i + 1)):
            continue
        span = whole[first : token.i + 1]
        found.append(PlaceMention(span.start_char, span.end_char, span.text, span.text, first, token.i + 1))
        taken.update(range(first, token.i + 1))
    return found
