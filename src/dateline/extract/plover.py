"""PLOVER typing of a sentence's main event, and its source and target actors.

ACLED codes only violence, protest and strategic developments; PLOVER also codes statements,
meetings and agreements. This classifier covers all PLOVER types: it picks the most prominent
trigger in the sentence (the one nearest the root of the parse) and reads its subject and object.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

from ..config import package_data
from ..errors import ExtractError

# When a lemma is listed under two types, the first type in this order wins.
_PRIORITY = ("ASSAULT", "FIGHT", "PROTEST", "COERCE", "THREATEN", "DEMAND", "REJECT", "DISAPPROVE", "AGREE", "SANCTION", "RETREAT", "CONCEDE", "MOBILIZE", "INVESTIGATE", "AID", "COOPERATE", "SUPPORT", "CONSULT")
# Verbs that only report or frame another event: "X said that Y attacked", "X agreed to send".
_FRAMES = {"say", "tell", "report", "announce", "state", "add", "claim", "confirm", "quote", "describe", "note", "believe", "expect", "seem", "appear", "try", "decide", "plan", "want", "begin", "start", "continue", "have", "be"}


# PLOVER codes an announced intention by what is intended: a cooperative act promised is AGREE,
# a hostile one THREATEN, a refusal REJECT, an obligation put on others DEMAND.
_HOSTILE = {"COERCE", "FIGHT", "ASSAULT", "SANCTION", "PROTEST", "MOBILIZE", "THREATEN"}
_WILLING = {"willing", "ready", "prepared", "committed", "offer", "agree", "pledge", "promise"}
_THREAT_HEADS = {"threaten", "vow", "swear", "warn"}
# "X wants Y to act" asks something of Y (DEMAND); "X wants to act" states an intention.
_WANT = {"want", "wish", "seek", "intend", "plan", "aim", "hope"}
_FUTURE = {"will", "would", "'ll", "shall", "may", "might"}
_OBLIGATION = {"must", "should", "ought"}
# Acts that stay one-sided violence whoever commits them (PLOVER ASSAULT, not FIGHT).
_ONE_SIDED = {"torture", "rape", "abduct", "kidnap", "execute", "behead", "massacre", "assassinate", "abuse", "lynch", "mutilate", "hostage", "flog", "abduction", "kidnapping", "execution", "assassination", "murder", "slaughter", "genocide"}
# Light verbs carry no type of their own when their object names the act ("undertook mediation").
_LIGHT = {"impose", "undertake", "take", "hold", "launch", "stage", "conduct", "carry", "make", "give", "issue", "commit", "mount", "begin", "start", "resume", "continue", "announce", "order"}
# CAMEO 16 (reduce relations): sending away or recalling officials and observers, stopping aid or ties.
_RELATIONS = {"ambassador", "diplomat", "envoy", "inspector", "observer", "monitor", "peacekeeper", "mission", "embassy", "consulate", "aid", "assistance", "relation", "tie", "trade", "cooperation", "contact"}
_SENDING_AWAY = {"expel", "withdraw", "recall", "pull", "prohibit", "ban", "halt", "suspend", "cut", "end", "stop", "freeze", "sever", "withhold"}
# CAMEO 081/085 (ease restrictions, sanctions): ending a restriction is a concession.
_RESTRICTIONS = {"restriction", "sanction", "ban", "embargo", "measure", "curfew", "control", "limit", "emergency", "law", "censorship", "restraint"}
_ENDING = {"lift", "ease", "cancel", "remove", "relax", "end", "scrap", "revoke", "rescind", "loosen", "suspend", "halt", "drop", "abolish", "repeal"}
# CAMEO 07 (provide aid): relief goods handed over are aid, whatever the verb of transfer.
_TRANSFER = {"hand", "deliver", "ship", "send", "give", "provide", "donate", "airlift", "fly", "truck", "supply", "distribute"}
_RELIEF = {"medicine", "food", "supply", "aid", "grain", "flour", "tent", "blanket", "water", "vaccine", "medication", "rice", "wheat", "relief", "assistance"}
# "sent a team to investigate": what the envoys are sent to do is the event.
_SENDING = {"send", "dispatch"}
_MILITARY = {"aircraft", "airstrike", "airstrikes", "warplane", "warplanes", "jet", "jets", "tank", "tanks", "missile", "missiles", "artillery", "drone", "drones", "predator", "helicopter", "helicopters", "gunship", "gunships", "navy", "shell", "shells", "rocket", "rockets", "troops", "army", "forces"}


@dataclass(slots=True)
class PloverCoding:
    """A sentence's PLOVER type with the trigger and the source/target phrases."""

    plover_type: str
    trigger: Token
    source: Span | None
    target: Span | None


@lru_cache(maxsize=1)
def plover_lexicon(path: Path | None = None) -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    """(lemma → type, phrase → type) from plover_triggers.yaml."""
    path = path or package_data("plover_triggers.yaml")
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ExtractError(f"cannot read PLOVER lexicon: {err}", where=str(path)) from err
    lemmas: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for ptype in sorted(raw, key=lambda t: _PRIORITY.index(t) if t in _PRIORITY else 99):
        for lemma in raw[ptype].get("lemmas") or ():
            lemmas.setdefault(lemma, ptype)
        for phrase in raw[ptype].get("phrases") or ():
            phrases.setdefault(tuple(phrase.lower().split()), ptype)
    return lemmas, phrases


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _phrase(token: Token) -> Span:
    """The noun phrase a token heads, without relative clauses and appositions."""
    keep = [t for t in token.subtree if not any(a.dep_ in ("relcl", "acl", "appos", "advcl") and a.head.i != t.i and t in a.subtree for a in token.subtree if a.i != token.i)]
    return token.doc[min(t.i for t in keep) : max(t.i for t in keep) + 1] if keep else token.doc[token.i : token.i + 1]


def _arguments(trigger: Token) -> tuple[Span | None, Span | None]:
    verb = trigger
    # A noun trigger ("the attack on X by Y") takes its verb's subject: "Y launched an attack".
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "pobj", "attr") and trigger.head.pos_ in ("VERB", "ADP"):
        verb = trigger.head if trigger.head.pos_ == "VERB" else trigger.head.head
    source = target = None
    # xcomp chains ("agreed to send") share the subject of the governing verb.
    subj_holder = verb
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in subj_holder.children) and subj_holder.dep_ in ("xcomp", "conj", "ccomp") and subj_holder.head.i != subj_holder.i:
        subj_holder = subj_holder.head
    for c in subj_holder.children:
        if c.dep_ == "nsubj":
            source = _phrase(c)
        elif c.dep_ == "nsubjpass":
            target = _phrase(c)
    for c in verb.children:
        if c.dep_ == "agent":
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            source = _phrase(pobj) if pobj is not None else source
        elif c.dep_ in ("dobj", "dative") and target is None:
            target = _phrase(c)
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "to", "at", "for") and target is None:
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            target = _phrase(pobj) if pobj is not None else None
    return source, target


def code_sentence(sent: Span) -> PloverCoding | None:
    """The PLOVER coding of a sentence's most prominent event; None when it reports none."""
    lemmas, phrases = plover_lexicon()
    candidates: list[tuple[int, int, str, Token]] = []
    lowers = [t.lower_ for t in sent]
    for n in (4, 3, 2):
        for i in range(len(sent) - n + 1):
            ptype = phrases.get(tuple(lowers[i : i + n]))
            if ptype:
                head = sent[i : i + n].root
                candidates.append((_depth(head), head.i, ptype, head))
    for token in sent:
        if token.lower_ == "according":  # "according to": a source, not an agreement
            continue
        ptype = lemmas.get(token.lemma_.lower())
        if ptype and token.pos_ in ("VERB", "NOUN", "PROPN") and not (token.pos_ == "AUX"):
            candidates.append((_depth(token) + (1 if token.pos_ != "VERB" else 0), token.i, ptype, token))
    if not candidates:
        return None
    _, _, ptype, trigger = min(candidates, key=lambda c: (c[0] + _purpose_penalty(c[3]), c[1]))
    ptype, trigger = _light_verb(ptype, trigger, lemmas)
    ptype, trigger = _sent_to_do(ptype, trigger, lemmas)
    source, target = _arguments(trigger)
    return PloverCoding(_modal_type(_object_type(ptype, trigger), trigger, sent), trigger, source, target)


def _objects(token: Token) -> list[Token]:
    """The direct objects of a verb (with their conjuncts), or the prepositional object of a noun."""
    objs = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.pos_ == "NOUN":
        objs += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "on") for g in c.children if g.dep_ == "pobj"]
    return objs + [c for o in objs for c in o.conjuncts]


def _light_verb(ptype: str, trigger: Token, lemmas: dict[str, str]) -> tuple[str, Token]:
    """A light verb takes the type of the act its object names."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _LIGHT:
        return ptype, trigger
    for obj in _objects(trigger):
        otype = lemmas.get(obj.lemma_.lower())
        if otype:
            return otype, obj
    return ptype, trigger


def _sent_to_do(ptype: str, trigger: Token, lemmas: dict[str, str]) -> tuple[str, Token]:
    """"X sent a team to investigate": the purpose names the act."""
    if trigger.lemma_.lower() not in _SENDING:
        return ptype, trigger
    for c in trigger.children:
        if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            ctype = lemmas.get(c.lemma_.lower())
            if ctype:
                return ctype, c
    return ptype, trigger


def _object_type(ptype: str, trigger: Token) -> str:
    """CAMEO's distinctions by what is acted on: expelling diplomats reduces relations (SANCTION),
    lifting a restriction is a concession (CONCEDE)."""
    lemma = trigger.lemma_.lower()
    objects = {o.lemma_.lower() for o in _objects(trigger)}
    # "700 kg of medicine", "tons of grain": the measured goods count as the object.
    objects |= {g.lemma_.lower() for o in _objects(trigger) for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"}
    if lemma in _TRANSFER and objects & _RELIEF:
        return "AID"
    if lemma in _SENDING_AWAY and objects & _RELATIONS:
        return "SANCTION"
    if lemma in _ENDING and objects & _RESTRICTIONS:
        return "CONCEDE"
    return ptype


def _purpose_penalty(token: Token) -> int:
    """A purpose clause ("blocked roads to demand reforms") is not the sentence's main event."""
    if token.dep_ in ("advcl", "xcomp", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return 0 if token.head.lemma_.lower() in _WILLING else 2
    return 0


def _modal_type(ptype: str, trigger: Token, sent: Span) -> str:
    """Apply PLOVER's rules for intentions, obligations and military violence."""
    near = [trigger, trigger.head, trigger.head.head]
    aux = {c.lower_ for t in near for c in t.children if c.dep_ in ("aux", "auxpass", "neg")}
    heads = {t.lemma_.lower() for t in near} | {c.lower_ for t in near for c in t.children if c.dep_ == "acomp"}
    negated = "not" in aux or "n't" in aux or "never" in aux
    if aux & _OBLIGATION and ptype not in ("DEMAND",):
        return "DEMAND"
    wanter = trigger.head if trigger.dep_ in ("xcomp", "ccomp") and trigger.head.lemma_.lower() in _WANT else None
    if wanter is not None and ptype not in ("DEMAND", "REJECT", "THREATEN"):
        if any(c.dep_ in ("dobj", "nsubj") and c.i > wanter.i for c in wanter.children) or any(c.dep_ == "nsubj" for c in trigger.children):
            return "DEMAND"
        return "THREATEN" if ptype in _HOSTILE else "AGREE"
    if heads & _WILLING and ptype not in ("AGREE", "REJECT", "THREATEN"):
        return "REJECT" if negated else "AGREE"
    if aux & _FUTURE and negated and ptype != "REJECT":
        return "REJECT"
    if aux & _FUTURE and ptype not in ("AGREE", "REJECT", "THREATEN", "DEMAND"):
        return "THREATEN" if ptype in _HOSTILE else "AGREE"
    if ptype == "ASSAULT" and trigger.lemma_.lower() not in _ONE_SIDED and {t.lower_ for t in sent} & _MILITARY:
        return "FIGHT"
    return ptype
