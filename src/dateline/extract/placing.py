"""Which of a sentence's places is the event's."""

from __future__ import annotations

from spacy.tokens import Token

from ..annotate.components import PlaceMention
from .triggers import Trigger


def _clause(token: Token) -> Token:
    """The verb heading the clause a token sits in (the token itself if it is a verb)."""
    cur = token
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def pick_place(trigger: Trigger, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place in the trigger's own clause nearest to it; None if the clause names none."""
    head = trigger.head
    clause = {t.i for t in _clause(head).subtree}
    inside = [m for m in mentions if m.token_start in clause]
    if not inside:
        return None
    subtree = {t.i for t in head.subtree}
    return min(inside, key=lambda m: (m.token_start not in subtree, abs(m.token_start - head.i)))
