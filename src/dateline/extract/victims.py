"""Victims counted from syntax when the text gives no number: "shot dead a TV presenter" = 1.

ACLED counts a named or singular victim as one fatality; "killing him and five of his
family members" is six. Plural victims with no number ("killed civilians") stay unknown.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..annotate.quantities import PERSON_WORD, parse_number
from ..rules import enabled

KILL_LEMMAS = {"kill", "murder", "assassinate", "execute", "behead", "slay", "shoot", "gun", "stab", "slaughter", "lynch",
               "strangle", "hang", "burn", "hack", "beat", "stone", "club", "bludgeon", "torture"}
# Verbs that kill only with "dead", "down" or "to death" after them ("shot" alone may wound).
_NEEDS_DEATH = {"shoot", "gun", "stab", "burn", "hack", "beat", "stone", "club", "bludgeon", "torture"}
_PERSON_PRONOUNS = {"him", "her", "he", "she"}
_NOBODY = {"anything", "everything", "something", "nothing", "anyone", "everyone", "everybody", "anybody"}
_INJURE_LEMMAS = {"wound", "injure", "hurt", "maim"}
# Intransitive deaths: the subject is the victim ("a tribal leader died").
_DIE_LEMMAS = {"die", "perish"}
# "the killing of a male nurse", "the death of an Indian leader": the noun's "of" names the victim.
_DEATH_NOUNS = {"killing", "death", "murder", "assassination", "beheading", "execution", "slaying"}
_NOT_VICTIMS = {"fighting", "violence", "conflict", "war", "fire", "clash", "protest", "battle", "hope", "talk", "plan", "deal", "story"}
_TIME_NOUNS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night", "morning",
               "evening", "afternoon", "yesterday", "today", "tonight", "week", "weekend", "month", "year", "day"}


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


# words for a share of a group ("10 percent of the villagers", "two thirds of them"): no head count
_SHARES = {"percent", "%", "pct", "proportion", "fraction", "share", "half", "halves", "third", "thirds",
           "quarter", "quarters", "majority", "minority", "part", "portion", "bulk", "most", "rest"}


# a singular noun that counts a group ("a number of soldiers", "a group of villagers"): no head count
_GROUP_NOUNS = {"number", "group", "handful", "host", "crowd", "lot", "dozen", "score", "couple", "band", "busload",
                "family", "series", "wave", "string"}


def _one(noun: Token) -> int | None:
    """Count of one conjunct: its number, or 1 for a singular noun, name or pronoun."""
    if noun.lower_ in _SHARES and enabled("victims.shares"):
        return None
    if noun.lower_ in _GROUP_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) \
            and enabled("victims.group_nouns"):
        return None
    for child in noun.children:
        if child.dep_ == "nummod":
            return parse_number(child.text)
    if noun.pos_ == "NUM":  # "five of his family members"
        return parse_number(noun.text)
    if noun.tag_ == "NNS":  # "Seven Kenyan fishermen": the parser may hang the number on a modifier
        number = next((t for t in noun.doc[noun.left_edge.i : noun.i] if t.tag_ == "CD"), None)
        return parse_number(number.text) if number is not None else None
    if noun.lower_ in _NOBODY:
        return None  # "killing anything on sight"
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
    conjuncts = list(first.conjuncts)
    if not conjuncts and enabled("victims.list_after_apposition"):
        # "The leader of al-Qaeda in Iraq, Abu Ayyub al-Masri, and the leader of an affiliate group ...": the
        # parser hangs the next item from the first one's name
        name = next((c for c in first.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        conjuncts = [c for c in (name.conjuncts if name is not None else ()) if c.pos_ in ("NOUN", "PROPN")
                     and c.tag_ in ("NN", "NNS")]
        previous = name if conjuncts else first
    for conj in conjuncts:
        if conj.i < first.i:
            continue
        items.append(conj)
        between = first.doc[previous.i + 1 : conj.i]
        if any(t.dep_ == "cc" for t in between):
            break  # "and" closes the list; what follows ("..., police and a doctor said") is another phrase
        previous = conj
    return items


def _singular(noun: Token | None) -> bool:
    return noun is not None and (noun.tag_ in ("NN", "NNP") or noun.lower_ in _PERSON_PRONOUNS) and noun.lower_ not in _TIME_NOUNS | _NOBODY


def _lone_victim(token: Token, *, nouns: bool) -> int | None:
    """One victim of a death told without a killing verb's object: "a tribal leader lost his life".

    ``nouns``: whether "the killing of X" may count; a killing named as the cause of another
    event ("to avenge the killing of one man days ago") is a different incident.
    """
    lemma = token.lemma_.lower()
    if lemma in _DIE_LEMMAS and token.pos_ == "VERB":
        if any(c.dep_ == "prt" for c in token.children):
            return None  # "the fighting had died down"
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_.endswith("ing") or subject.lemma_.lower() in _NOT_VICTIMS:
            return None
        return 1 if _singular(subject) and not _list_items(subject) else None
    if lemma == "lose" and any(c.lower_ == "life" and any(g.lower_ in ("his", "her") for g in c.children) for c in token.children):
        return 1
    if lemma in _DEATH_NOUNS and token.pos_ == "NOUN" and token.tag_ == "NN" and nouns:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        victim = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return 1 if _singular(victim) and not _list_items(victim) else None
    if lemma in ("find", "discover") and any(c.lower_ == "dead" for c in token.children):
        victim = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        return 1 if _singular(victim) and not _list_items(victim) else None
    return None


def _misparsed_patient(trigger: Token) -> Token | None:
    """The victim the small parser failed to attach to a killing verb.

    "X was late on Thursday killed by ...": the verb hangs off "was" as a clause, so the
    victim is the subject of "was". "killed Somali lawmaker Hussein Mohamed Sunday": the
    name is read as a date's compound, so the victim is the first noun after the verb.
    """
    if trigger.tag_ != "VBN" and trigger.tag_ != "VBD":
        return None
    children = {c.dep_ for c in trigger.children}
    if "nsubjpass" in children or "dobj" in children:
        return None
    clause = trigger
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB":  # "was ... attacked and murdered"
        clause = clause.head
    be = clause.head
    if trigger.tag_ == "VBN" and be.lemma_ == "be" and clause.dep_ in ("advcl", "xcomp", "acomp"):
        subject = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject if _singular(subject) else None
    if "nsubj" in children and trigger.tag_ == "VBD":
        for token in trigger.doc[trigger.i + 1 : trigger.i + 8]:
            if token.pos_ in ("ADP", "PUNCT", "VERB", "AUX", "CCONJ", "SCONJ", "NUM"):
                return None
            if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in _TIME_NOUNS:
                return token if token.tag_ in ("NN", "NNP") else None
    return None


def count_victims(trigger: Token, *, nouns: bool = True) -> int | None:
    """Victims of a killing word read off its object or subject, or None when they are not countable.

    ``nouns=False`` leaves out death nouns ("the killing of a man"), for tokens other than the
    event's own trigger in a sentence about violence.
    """
    if trigger.lemma_.lower() not in KILL_LEMMAS:
        return _lone_victim(trigger, nouns=nouns)
    # The parser may hang "dead" on the victim ("shot dead Osman Balic"), so read the words after.
    after = {t.lower_ for t in trigger.doc[trigger.i + 1 : trigger.i + 4]}
    fatal = {c.lower_ for c in trigger.children} | after | {trigger.doc[trigger.i - 1].lower_ if trigger.i else ""}
    fatal |= {g.lower_ for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children}  # "hacked a blogger to death"
    # "gunned down" kills; "burnt down" (houses) does not
    deadly = {"dead", "death", "fatally"} | ({"down"} if trigger.lemma_.lower() == "gun" else set())
    if trigger.lemma_.lower() in _NEEDS_DEATH and not fatal & deadly:
        return None
    if any(c.dep_ == "conj" and c.lemma_.lower() in _INJURE_LEMMAS and not any(g.pos_ in ("NOUN", "PROPN", "NUM", "PRON") for g in c.children)
           for c in trigger.children):
        return None  # "130 tribesmen were killed and wounded": no count of the dead alone
    patient = _patient(trigger)
    if patient is None and trigger.dep_ == "conj":
        head = trigger.head
        # "was shot and killed", "was attacked and murdered": the victim is the first verb's
        if head.lemma_.lower() in KILL_LEMMAS or any(c.dep_ == "nsubjpass" for c in head.children):
            patient = _patient(head)
    if patient is None:
        patient = _misparsed_patient(trigger)
        if patient is not None and patient.dep_ == "nsubj" and patient.head.lower_ == "was":
            return 1  # "APC Chieftain and former deputy Speaker ... was killed": one man, two titles
    if patient is None:
        return None
    if patient.lower_ in ("nobody", "none") or any(c.lower_ == "no" for c in patient.children):
        return None  # "no one had been injured or killed"
    if patient.lower_ == "them":
        return _antecedent_count(patient)
    items = [patient, *_list_items(patient)]
    if len(items) > 1 and patient.dep_ == "nsubjpass" and all(_one(n) == 1 and n.pos_ != "NUM" for n in items) and \
            not any(c.dep_ in ("det", "poss") for n in items[1:] for c in n.children) and \
            any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "has", "is") for c in trigger.children):
        items = [patient]  # "An elder ... and former chairman of the council has been killed": one man, two titles
    total = 0
    # The parser sometimes hangs the second victim on the verb: "killing him and five of ..."
    extra = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("NUM", "NOUN", "PROPN", "PRON")]
    # ... or as a second subject: "The head of the district, Mohammad Daud, and his driver were killed"
    extra += [c for c in trigger.children if c.dep_ == "nsubjpass" and c is not patient and c not in items
              and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].lower_ == "and"]
    for noun in [*items, *extra, *_companions(trigger)]:
        if noun is not patient and _wounded(noun):
            continue  # "Eight employees have been killed and three others wounded"
        n = _one(noun)
        if n is None:
            return None
        total += n
    return total or None


def _wounded(noun: Token) -> bool:
    after = noun.doc[noun.i + 1 : noun.i + 3]
    return any(t.lemma_.lower() in _INJURE_LEMMAS or t.lower_ in ("wounded", "injured", "hurt") for t in after)


def _companions(trigger: Token) -> list[Token]:
    """ "was shot dead with his wife and child", "were killed along with another person"."""
    found: list[Token] = []
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        along = prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("along", "together")
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if PERSON_WORD.fullmatch(noun.text) and (along or any(c.dep_ == "poss" for c in noun.children)):
                found += [noun, *_list_items(noun)]
    return found

