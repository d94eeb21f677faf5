"""Which of a sentence's places is the event's.

The event's place is the trigger's location argument: a place in the trigger's own
clause, preferably inside the trigger's subtree ("clashes *in Amara*"), else attached to
the clause by a locative preposition ("*in Basra*, police arrested ..."). Places that
only qualify a person or group ("a *Basra* councillor", "*Iranian*-backed militia",
"fled to *Syria*", "from *Baghdad*") are passed over when a better one exists.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..annotate.components import PlaceMention
from .triggers import Trigger

# Prepositions that make a place the scene of the event.
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "on", "within",
                       "of", "south", "north", "east", "west", "into", "between", "along", "off", "by"})
# Prepositions that make a place an origin or destination, not the scene.
_DIRECTIONAL = frozenset({"from", "to", "toward", "towards"})


def _clause(token: Token) -> Token:
    """The verb heading the clause a token sits in (the sentence root if no verb is above it)."""
    cur = token
    # spaCy makes a new Token object on every access: compare indexes, not identity
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _governing_preposition(mention: PlaceMention, doc: Doc) -> str | None:
    """The preposition the place hangs from ("in" for "in Amara"), "modifier" for "a Basra official", or None."""
    head = doc[mention.token_start]
    # the name's token whose head lies outside the name links it to the sentence
    for tok in doc[mention.token_start:mention.token_end]:
        if not (mention.token_start <= tok.head.i < mention.token_end):
            head = tok
            break
    parent = head.head
    if head.dep_ == "pobj" and parent.dep_ == "prep":
        return parent.lower_
    if head.dep_ in ("compound", "amod", "nmod", "poss") and parent.i != head.i:
        return "modifier"
    return None


def _score(mention: PlaceMention, trigger: Trigger, subtree: set[int]) -> tuple:
    prep = _governing_preposition(mention, trigger.head.doc)
    directional = prep in _DIRECTIONAL
    modifier = prep == "modifier" and mention.kind_hint is None
    return (directional, modifier, mention.coarse, mention.token_start not in subtree and prep not in _LOCATIVE,
            abs(mention.token_start - trigger.head.i))


def pick_place(trigger: Trigger, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place in the trigger's own clause that is its location argument; None if the clause names none.

    Ranking: a locative place before an origin/destination ("to Syria") or a modifier
    ("a Basra official"); a town before a country or province ("in Hilla, in southern
    Iraq"; "the Anbar province cities of Ramadi and Fallujah"); within the trigger's subtree or hanging from a locative
    preposition before elsewhere in the clause; then the nearest to the trigger.
    """
    head = trigger.head
    clause = {t.i for t in _clause(head).subtree}
    inside = [m for m in mentions if m.token_start in clause]
    if not inside:
        return None
    subtree = {t.i for t in head.subtree}
    return min(inside, key=lambda m: _score(m, trigger, subtree))
