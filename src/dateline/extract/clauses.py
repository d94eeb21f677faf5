"""Independent clauses of a sentence, each of which can tell its own event.

"His aide was arrested on April 3, and the forces are put into violent conflict with his movement,
which leaves 7 soldiers dead" tells an arrest and a clash. A clause counts as independent when it
is a verb coordinated with another and has a subject of its own; a trigger belongs to the nearest
such clause above it, else to the sentence's main clause. Each event then takes only the figures
of its own clause's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .triggers import Trigger

__all__ = ["clause_groups", "clause_scope", "independent_clause"]

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")


def independent_clause(token: Token) -> Token:
    """The head of the independent clause the token belongs to (the sentence root if no other)."""
    cur = token
    while cur.head.i != cur.i:
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and cur.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in _SUBJECTS for c in cur.children):
            return cur
        cur = cur.head
    return cur


def clause_groups(triggers: Sequence[Trigger]) -> list[tuple[Token, list[Trigger]]]:
    """The triggers grouped by independent clause, clauses in sentence order."""
    groups: dict[int, tuple[Token, list[Trigger]]] = {}
    for trigger in triggers:
        root = independent_clause(trigger.head)
        groups.setdefault(root.i, (root, []))[1].append(trigger)
    return [groups[i] for i in sorted(groups)]


def clause_scope(root: Token, others: Sequence[Token]) -> frozenset[int]:
    """Token indexes of a clause: its subtree without the subtrees of the other clauses within it."""
    inside = {t.i for t in root.subtree}
    for other in others:
        if other.i in inside:
            inside -= {t.i for t in other.subtree}
    return frozenset(inside)
