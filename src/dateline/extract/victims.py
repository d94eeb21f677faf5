"""Victims counted from syntax when the text gives no number: "shot dead a TV presenter" = 1.

ACLED counts a named or singular victim as one fatality; "killing him and five of his
family members" is six. Plural victims with no number ("killed civilians") stay unknown.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..annotate.quantities import parse_number

KILL_LEMMAS = {"kill", "murder", "assassinate", "execute", "behead", "slay", "shoot", "gun", "stab", "slaughter", "lynch", "strangle", "hang", "burn", "hack", "beat", "stone", "club", "bludgeon", "torture"}
# Verbs that kill only with "dead", "down" or "to death" after them ("shot" alone may wound).
_NEEDS_DEATH = {"shoot", "gun", "stab", "burn", "hack", "beat", "stone", "club", "bludgeon", "torture"}
_PERSON_PRONOUNS = {"him", "her", "he", "she"}


def _patient(trigger: Token) -> Token | None:
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    # The parser reads "killed them execution-style" as dative "them" and object "style".
    for child in objects:
        if child.lower_ in ("them", "him", "her"):
            return child
    for child in objects:
        if child.dep_ != "dative" and child.lemma_.lower() not in ("style", "fashion"):
            return child
    return None


def _one(noun: Token) -> int | None:
    """Count of one conjunct: its number, or 1 for a singular noun, name or pronoun."""
    for child in noun.children:
        if child.dep_ == "nummod":
            return parse_number(child.text)
    if noun.pos_ == "NUM":  # "five of his family members"
        return parse_number(noun.text)
    if noun.lower_ in _PERSON_PRONOUNS or noun.tag_ in ("NN", "NNP"):
        return 1
    return None


def _antecedent_count(pronoun: Token) -> int | None:
    """ "kidnapped eight fighters ... and killed them": the nearest counted noun before "them"."""
    for token in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
        if token.pos_ in ("NOUN", "PROPN") and token.tag_ in ("NNS", "NNPS"):
            number = next((c for c in token.children if c.dep_ == "nummod"), None)
            if number is not None:
                return parse_number(number.text)
    return None


def _list_items(first: Token) -> list[Token]:
    """The other items of a list ("him, his wife and two guards"), ending at the item after "and"."""
    items, previous = [], first
    for conj in first.conjuncts:
        if conj.i < first.i:
            continue
        items.append(conj)
        between = first.doc[previous.i + 1 : conj.i]
        if any(t.dep_ == "cc" for t in between):
            break  # "and" closes the list; what follows ("..., police and a doctor said") is another phrase
        previous = conj
    return items


def count_victims(trigger: Token) -> int | None:
    """Victims of a killing verb read off its object, or None when they are not countable."""
    if trigger.lemma_.lower() not in KILL_LEMMAS:
        return None
    # The parser may hang "dead" on the victim ("shot dead Osman Balic"), so read the words after.
    after = {t.lower_ for t in trigger.doc[trigger.i + 1 : trigger.i + 4]}
    if trigger.lemma_.lower() in _NEEDS_DEATH and not ({c.lower_ for c in trigger.children} | after) & {"dead", "down", "death"}:
        return None
    patient = _patient(trigger)
    if patient is None and trigger.dep_ == "conj" and trigger.head.lemma_.lower() in KILL_LEMMAS:
        patient = _patient(trigger.head)  # "was shot and killed": the victim is the first verb's
    if patient is None:
        return None
    if patient.lower_ == "them":
        return _antecedent_count(patient)
    total = 0
    # The parser sometimes hangs the second victim on the verb: "killing him and five of ..."
    extra = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("NUM", "NOUN", "PROPN", "PRON")]
    for noun in [patient, *_list_items(patient), *extra]:
        n = _one(noun)
        if n is None:
            return None
        total += n
    return total or None
