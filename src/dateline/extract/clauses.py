"""Independent clauses of a sentence, each of which can tell its own event.

"His aide was arrested on April 3, and the forces are put into violent conflict with his movement,
which leaves 7 soldiers dead" tells an arrest and a clash. A clause counts as independent when it
is a verb coordinated with another, has an active subject of its own (a passive one is the
victims: "a bomb exploded and two soldiers were killed" is one event) and is itself a trigger
("and 19 others wounded in a suicide attack" is the first clause's toll and weapon); a trigger belongs to the nearest
such clause above it, else to the sentence's main clause. Each event then takes only the figures
of its own clause's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .triggers import Trigger

__all__ = ["clause_groups", "clause_scope", "independent_clause"]

# an agent of its own: "and gunmen shot dead two policemen" is another event; "and two soldiers were
# killed" (a passive subject, the victims) tells the first clause's toll
_SUBJECTS = ("nsubj", "expl", "csubj")


def independent_clause(token: Token, verbs: frozenset[int] = frozenset()) -> Token:
    """The head of the independent clause the token belongs to (the sentence root if no other). With
    ``verbs`` (indexes of trigger verbs), only a clause whose own verb is one of them counts: "and 19
    others were wounded in the suicide attack" is the first clause's toll and weapon, not an event."""
    cur = token
    while cur.head.i != cur.i:
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and cur.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in _SUBJECTS for c in cur.children) and (not verbs or cur.i in verbs):
            return cur
        cur = cur.head
    return cur


def clause_groups(triggers: Sequence[Trigger]) -> list[tuple[Token, list[Trigger]]]:
    """The triggers grouped by independent clause, clauses in sentence order."""
    groups: dict[int, tuple[Token, list[Trigger]]] = {}
    verbs = frozenset(t.head.i for t in triggers if t.head.pos_ in ("VERB", "AUX"))
    for trigger in triggers:
        root = independent_clause(trigger.head, verbs)
        groups.setdefault(root.i, (root, []))[1].append(trigger)
    return [groups[i] for i in sorted(groups)]


def clause_scope(root: Token, others: Sequence[Token]) -> frozenset[int]:
    """Token indexes of a clause: its subtree without the subtrees of the other clauses within it."""
    inside = {t.i for t in root.subtree}
    for other in others:
        if other.i in inside:
            inside -= {t.i for t in other.subtree}
    return frozenset(inside)
