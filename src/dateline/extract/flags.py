"""Flags for mentions that are not (yet) events: negated, hypothetical, future, background."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

_NEGATORS = {"not", "n't", "never", "no", "nobody", "none", "neither", "nor", "without"}
_DENY = {"deny", "refute", "dismiss", "reject"}
_MODALS = {"could", "would", "might", "may", "should", "must", "can"}
_HYPO_HEADS = {
    "threaten", "vow", "warn", "plan", "intend", "want", "hope", "seek", "try", "attempt", "aim",
    "avoid", "escape", "prevent", "fear", "consider", "propose", "urge", "call", "demand", "refuse",
    "decline", "promise", "pledge", "prepare", "allow", "if", "unless", "rather", "decide",
}
_FUTURE_WORDS = {"will", "'ll", "shall", "tomorrow", "upcoming", "planned", "scheduled", "next", "soon"}
_HABITUAL = {"often", "usually", "regularly", "frequently", "routinely", "sometimes", "repeatedly", "typically"}
# How far before publication an event must end to count as background history. Calibrated on
# the sample: an analyst's post covers the past weeks; older dated events are context.
BACKGROUND_DAYS = 60


@dataclass(slots=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    background: bool = False
    reason: str | None = None


def _governors(token: Token, limit: int = 4) -> list[Token]:
    chain, cur = [], token
    while cur.head.i != cur.i and len(chain) < limit:
        chain.append(cur.head)
        cur = cur.head
    return chain


def _comparative(token: Token) -> bool:
    """ "no fewer than", "not less than", "no more than": a bound on a number."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ in ("no", "not") and nxt is not None and nxt.lower_ in ("fewer", "less", "more")


def mention_flags(trigger: Token, sent: Span) -> Flags:
    """Negation, hypothesis and future tense read off the trigger's syntax."""
    flags = Flags()
    # Negation and modality reach up the parse only within the trigger's own clause:
    # in "the first blast did not cause casualties, but the second ... killing five" the
    # killing is not negated.
    near = [trigger]
    for gov in _governors(trigger, 2):
        if near[-1].dep_ == "conj":
            break
        near.append(gov)
    for tok in near:
        for child in tok.children:
            low = child.lower_
            if _comparative(child):
                continue  # "no fewer than 16 persons were killed" is a count, not a denial
            if child.dep_ == "neg" or (low in _NEGATORS and child.dep_ in ("det", "advmod", "neg", "preconj")):
                flags.negated, flags.reason = True, f"negated by '{child.text}'"
    subj_no = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in ("no", "nobody", "none") and not _comparative(t) for t in c.subtree)]
    if subj_no:
        flags.negated, flags.reason = True, "no one was affected"
    for gov in _governors(trigger):
        if gov.lemma_.lower() in _DENY:
            flags.negated, flags.reason = True, f"denied ('{gov.text}')"
        if gov.lemma_.lower() == "fear" and gov.tag_ == "VBN":
            continue  # "five people were feared killed": an uncertain report, still reported
        if gov.lemma_.lower() in _HYPO_HEADS:
            flags.hypothetical, flags.reason = True, f"not reported as happened ('{gov.text}')"
            break
    lowers = {t.lower_ for t in sent}
    if "rather" in lowers and "than" in lowers and any(t.lower_ == "than" and t.i < trigger.i for t in sent):
        flags.hypothetical, flags.reason = True, "'rather than'"
    for tok in near[:2]:
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass") and low in _MODALS:
                flags.hypothetical, flags.reason = True, f"modal '{child.text}'"
            if child.dep_ in ("aux", "auxpass") and low in ("will", "'ll", "shall"):
                flags.future, flags.reason = True, f"future '{child.text}'"
            if child.dep_ == "mark" and low in ("if", "unless"):
                flags.hypothetical, flags.reason = True, f"condition '{child.text}'"
        if tok.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            head = tok.head.lemma_.lower()
            if head in _HYPO_HEADS or tok.dep_ == "advcl":
                flags.hypothetical, flags.reason = True, f"purpose or intention ('{tok.head.text} to {tok.text}')"
    if any(t.lower_ in ("planned", "scheduled", "upcoming") for t in trigger.children) or trigger.lower_ in ("planned",):
        flags.future, flags.reason = True, "planned"
    if any(t.lower_ in _HABITUAL for t in trigger.children):
        flags.background, flags.reason = True, "habitual ('" + next(t.text for t in trigger.children if t.lower_ in _HABITUAL) + "')"
    return flags


def date_flags(flags: Flags, *, date_start: str | None, date_end: str | None, published: str | None) -> None:
    """Background when the event ended well before publication; future when it starts after it."""
    if not published or not date_end or not date_start:
        return
    try:
        pub = date.fromisoformat(published[:10])
        start, end = date.fromisoformat(date_start), date.fromisoformat(date_end)
    except ValueError:
        return
    if end < pub - timedelta(days=BACKGROUND_DAYS):
        flags.background = True
        flags.reason = flags.reason or f"dated {date_end[:7]}, long before publication ({published[:10]})"
    elif start > pub + timedelta(days=1):
        flags.future = True
        flags.reason = flags.reason or f"dated after publication ({published[:10]})"
