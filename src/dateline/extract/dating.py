"""Which date an event gets: its sentence's time expression, the narrative time, or the publication date."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..annotate.timex import Timex
from .triggers import Trigger


@dataclass(slots=True)
class DateChoice:
    """The event's dates, their ACLED precision, why, and the expression used (if any)."""

    date_start: str | None
    date_end: str | None
    precision: int | None
    reason: str
    timex: Timex | None = None


FALLBACK_PRECISION = 2


def choose_date(trigger: Trigger, timexes: list[Timex], *, narrative: Timex | None, published: str | None) -> DateChoice:
    """Date an event mention; never today's date."""
    chosen = pick_timex(trigger, timexes)
    if chosen is not None:
        return DateChoice(chosen.date_start, chosen.date_end, chosen.precision, _sentence_reason(chosen, published), chosen)
    if narrative is not None:
        t = narrative
        return DateChoice(t.date_start, t.date_end, t.precision, f"no date in sentence: narrative time '{t.text}' from earlier in the paragraph", t)
    if published:
        # The report's day bounds the event, it does not date it: ACLED codes such events with
        # precision 2 ("within the week of the report"), and on-this-day lists only precision 1.
        precision = FALLBACK_PRECISION if len(published) >= 10 else 3
        return DateChoice(published[:10], published[:10], precision, "no date in sentence or paragraph: publication date")
    return DateChoice(None, None, None, "no date in text and the document has no publication date")


def _sentence_reason(t: Timex, published: str | None) -> str:
    """Why the sentence's own expression gives this date, and what it was counted from."""
    if t.anchored_on_narrative:
        return f"sentence: '{t.text}', counted from the previous date in the narrative"
    if t.anchored and published:
        return f"sentence: '{t.text}', relative to the publication date {published[:10]}"
    return f"sentence: '{t.text}'"


def pick_timex(trigger: Trigger, timexes: list[Timex]) -> Timex | None:
    """The sentence's calendar expression closest to the trigger, preferring those attached to it."""
    calendar = [t for t in timexes if t.is_calendar]
    if not calendar:
        return None
    # "since March" says how long something has gone on; it dates the event only if nothing else does.
    preferred = [t for t in calendar if t.mod != "START"] or calendar
    head = trigger.head
    # "shot dead X, who was running in elections scheduled for next month": a date inside a
    # clause about someone else does not date this event.
    preferred = [t for t in preferred if not in_other_clause(t, head)]
    if not preferred:
        return None
    related = {tok.i for tok in head.subtree} | {tok.i for tok in head.head.subtree}
    attached = []
    for t in preferred:
        span = head.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and any(tok.i in related for tok in span):
            attached.append(t)
    pool = attached or preferred
    return min(pool, key=lambda t: (t.precision or 9, abs(t.start - head.idx)))


def in_other_clause(t: Timex, head: Token) -> bool:
    """Whether the expression sits in a relative or participial clause about the victim or object
    ("killed a judge who had sentenced militants in March"); one about the subject ("the attack,
    which began on Monday, killed ...") still dates the event."""
    span = head.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    tok, steps = span.root, 0
    while tok.head.i != tok.i and steps < 12:
        if tok.i == head.i:
            return False
        if tok.dep_ in ("relcl", "acl") and tok.head.i != head.i:
            noun = tok.head
            return noun.dep_ in _OBJECTS and head.i not in {x.i for x in tok.subtree}
        tok, steps = tok.head, steps + 1
    return False


_OBJECTS = {"dobj", "nsubjpass", "pobj", "dative", "appos", "conj", "attr"}
