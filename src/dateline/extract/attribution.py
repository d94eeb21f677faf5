"""Who a sentence credits for what it reports: "police said", "according to hospital officials",
"X told reporters". The source of a claim is recorded as ``reported_by``; it is never a party to the
event it reports."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

__all__ = ["Attribution", "SPEECH_LEMMAS", "attribution"]

# Verbs whose subject tells of something rather than does it. A row set, not a branch: remove a verb
# here and its subject may again become a party.
SPEECH_LEMMAS = frozenset({
    "say", "tell", "report", "confirm", "announce", "state", "add", "quote", "disclose", "reveal", "note",
    "explain", "describe",
})
# "according to X", "as reported by X": the prepositional source of a claim
_ACCORDING = frozenset({"according"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """The phrase credited with the report, its characters in the sentence's doc, and its tokens."""

    text: str
    start: int
    end: int
    tokens: frozenset[int]


def _phrase(head: Token) -> Attribution:
    tokens = [t for t in head.subtree]
    # "police, who were at the scene," keep their clause out of the name
    inner = [t for t in tokens if not any(a.dep_ in ("relcl", "acl", "appos") and a.i != head.i and a in t.ancestors
                                          for a in head.subtree)] or tokens
    first, last = min(inner, key=lambda t: t.i), max(inner, key=lambda t: t.i)
    doc = head.doc
    text = doc[first.i : last.i + 1].text
    return Attribution(text=text, start=first.idx, end=last.idx + len(last), tokens=frozenset(t.i for t in tokens))


def _counted_victims(subject: Token) -> bool:
    """Whether the subject's count is one the sentence gives of people killed, wounded or arrested."""
    numbers = [t for t in (subject, *subject.children) if t.like_num or t.dep_ == "nummod"]
    spans = [(q.start, q.end) for q in subject.doc._.quantities or []] if subject.doc.has_extension("quantities") else []
    return any(s <= t.idx < e for t in numbers for s, e in spans)


def attribution(sent: Span, trigger: Token) -> Attribution | None:
    """The source the sentence credits for the event of ``trigger``, if it names one.

    The subject of a verb of saying counts only when the verb is not the event itself and the event is
    not inside that subject ("police said gunmen killed four": police tell, gunmen act)."""
    for token in sent:
        if token.lemma_.lower() in SPEECH_LEMMAS and token.pos_ in ("VERB", "AUX") and token.i != trigger.i:
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if token.dep_ == "auxpass" or subject is None:
                continue
            if token.tag_ == "VBN" and subject.dep_ == "nsubjpass":
                agent = next((c for c in token.children if c.dep_ == "agent"), None)  # "was reported by police"
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if obj is None:
                    continue
                subject = obj
            named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is not None and subject.pos_ != "PROPN":
                # "killing 20 people, the Syrian Observatory said": the parser may make the victims the
                # subject and the source their apposition; the named source is who speaks
                subject = named
            elif _counted_victims(subject):
                # "killing at least 20 people, medics and residents said": the parser joins the victims
                # counted to the sources; the sources are the conjuncts after them ("two witnesses said" stays)
                subject = next((c for c in subject.children if c.dep_ == "conj"), None)
                if subject is None:
                    continue
            if trigger.i in {t.i for t in subject.subtree} or subject.lower_ in ("it", "there"):
                continue
            return _phrase(subject)
        if token.lower_ in _ACCORDING:
            to = next((c for c in token.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None and trigger.i not in {t.i for t in obj.subtree}:
                return _phrase(obj)
    return None
