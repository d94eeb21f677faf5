"""Which date an event gets: its sentence's time expression, the narrative time, or the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..annotate.timex import NUMBER_WORDS, Timex
from ..resolve.place_words import words
from ..rules import enabled
from .attribution import SPEECH_LEMMAS
from .triggers import Trigger, default_lexicon

__all__ = ["DateChoice", "FALLBACK_PRECISION", "NAME_NOUNS", "choose_date", "in_name", "in_other_clause", "month_away",
           "moved_on_by", "pick_timex", "spoken_on", "time_moved_on"]

# Nouns a number or date names rather than dates ("the 14th of July bridge", "the 1920 Revolution
# Brigades"): landmarks (the kind-word table's date_name words) and units. A date before an event noun
# ("the June 5 attack") still dates it.
_UNIT_NOUNS = frozenset({"brigade", "brigades", "battalion", "regiment", "division", "movement", "front", "army",
                         "corps", "party"})
NAME_NOUNS = words("date_name") | _UNIT_NOUNS


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


def month_away(day: str, months: int) -> tuple[str, str]:
    """The first and last day of the month ``months`` from the month of ``day`` (an ISO date)."""
    start = date.fromisoformat(day[:10])
    index = start.year * 12 + start.month - 1 + months
    first = date(index // 12, index % 12 + 1, 1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first.isoformat(), last.isoformat()


def in_name(t: Timex, doc: Doc) -> bool:
    """Whether the expression is part of a name: it modifies a noun outside it that is a landmark or unit
    ("the 14th of July bridge") or reaches it through a proper name ("the 1920 Revolution Brigades")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    inside = {tok.i for tok in span}
    for tok in span:
        head = tok.head
        if head.i in inside or head.i < span.end or tok.dep_ not in ("nummod", "compound", "amod", "nmod", "npadvmod"):
            continue
        if head.pos_ not in ("NOUN", "PROPN"):
            continue  # "Last year, Boko Haram opened fire": a verb's time, whatever name stands between
        between = head.doc[span.end : head.i]
        if head.lower_ in NAME_NOUNS or any(b.tag_ in ("NNP", "NNPS") for b in between):
            return True
    return False


def spoken_on(t: Timex, trigger: Token) -> bool:
    """ "officials said on Monday that a bomb killed nine": the day a source spoke, attached to a verb of
    saying that governs the event, does not date the event."""
    span = trigger.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head  # the verb the expression modifies: the saying's or the event's
    return (tok.i != trigger.i and tok.lemma_.lower() in SPEECH_LEMMAS and tok.pos_ in ("VERB", "AUX")
            and trigger.i in {x.i for x in tok.subtree})


def _sentence_reason(t: Timex, published: str | None) -> str:
    """Why the sentence's own expression gives this date, and what it was counted from."""
    if t.anchored_on_narrative:
        return f"sentence: '{t.text}', counted from the previous date in the narrative"
    if t.anchored and published:
        return f"sentence: '{t.text}', relative to the publication date {published[:10]}"
    return f"sentence: '{t.text}'"


# "the day before", "the previous night", "a day earlier": counted back from a date told before it
_COUNTED_BACK = re.compile(r"\b(?:before|previous|earlier|prior)\b", re.I)


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
    preferred = [t for t in preferred if not in_other_clause(t, head) and not spoken_on(t, head)]
    if not preferred:
        return None
    if enabled("dating.counted_back_first") and len(preferred) > 1:
        # "leaders on Tuesday condemned the killing of a cleric the day before": a day counted back from
        # the sentence's other date is the act's; the other is the day it was told or answered
        back = [t for t in preferred if t.anchored_on_narrative and _COUNTED_BACK.search(t.text)]
        if back and len(back) < len(preferred):
            preferred = back
    related = {tok.i for tok in head.subtree} | {tok.i for tok in head.head.subtree}
    attached = []
    for t in preferred:
        span = head.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and any(tok.i in related for tok in span):
            attached.append(t)
    pool = attached or preferred
    return min(pool, key=lambda t: (t.precision or 9, abs(t.start - head.idx)))


def _finite_verb_hung_low(verb: Token) -> bool:
    """ "missiles fired from a U.S. drone aircraft killed five rebels on Monday": the parser may hang the
    sentence's own past-tense verb from a noun as a participle; a participial clause with a direct object
    of its own in the past tense is that verb, not a clause about the noun."""
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and enabled("dating.finite_verb_hung_low")
            and any(c.dep_ == "dobj" for c in verb.children))


def in_other_clause(t: Timex, head: Token) -> bool:
    """Whether the expression sits in a relative or participial clause about the victim or object
    ("killed a judge who had sentenced militants in March") or about a subject that is no act ("Houthi
    rebels, who took the capital three years ago, blamed the coalition for the airstrike"); one about
    a subject that is the act ("the attack, which began on Monday, killed ...") still dates the event."""
    span = head.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    tok, steps = span.root, 0
    while tok.head.i != tok.i and steps < 12:
        if tok.i == head.i:
            return False
        if tok.dep_ in ("relcl", "acl") and tok.head.i != head.i and not _finite_verb_hung_low(tok):
            noun = tok.head
            about = noun.dep_ in _OBJECTS or (noun.dep_ == "nsubj" and noun.i != head.i and not _names_an_act(noun)
                                              and enabled("dating.subject_clause_other"))
            return about and head.i not in {x.i for x in tok.subtree}
        tok, steps = tok.head, steps + 1
    return False


_OBJECTS = {"dobj", "nsubjpass", "pobj", "dative", "appos", "conj", "attr"}


def _names_an_act(noun: Token) -> bool:
    """A noun the trigger lexicon reads as an event ("the attack", "the fighting")."""
    return bool(default_lexicon().entries(noun))


def time_moved_on(sent: Span) -> bool:
    """The sentence opens on what had happened since the time told ("After a cease fire was negotiated and
    rocket fire had almost stopped, drones killed ..."): an opening "after" clause in the pluperfect or the
    passive (read off the words: the parser hangs such clauses anywhere), and no date of its own, so the
    narrative's day no longer dates what follows."""
    if len(sent) < 4 or sent[0].lower_ != "after" or not enabled("dating.narrative_turn"):
        return False
    opening = []
    for tok in sent[1:]:
        if tok.text == ",":
            break
        opening.append(tok)
    else:
        return False
    turned = any(t.lower_ == "had" and t.pos_ == "AUX" for t in opening) or any(
        t.lower_ in ("was", "were") and n.tag_ == "VBN" for t, n in zip(opening, opening[1:]))
    return turned and not any(t.is_calendar and sent.start_char <= t.start < sent.end_char for t in sent.doc._.timexes or ())


# "Two years later, ...", "Fast forward, two years and many dramatic incidents later, ...": an opening that
# moves the narrative's time on by a stated span
_LATER = re.compile(r"^\W*(?:fast[- ]forward\W+)?(?P<n>\d+|[a-z]+)\s+(?P<unit>year|month|week|day)s?\b(?:\W+[\w'-]+){0,5}?\W+later\b",
                    re.I)


def moved_on_by(sent: Span, narrative: Timex) -> Timex | None:
    """The narrative's day moved on by the span the sentence opens with ("Two years later, the Lebanese
    marked the event": two years after the day told before), or None; a sentence with a date of its own
    is dated by it. The span's own reading as a time from the publication day is not its date."""
    m = _LATER.match(sent.text)
    if m is None or not enabled("dating.later_by") or narrative.date_start is None or narrative.date_end is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS.get(m["n"].lower())
    first, last = sent.start_char + m.start(), sent.start_char + m.end()
    if not n or any(t.is_calendar and sent.start_char <= t.start < sent.end_char and not (first <= t.start and t.end <= last)
                    for t in sent.doc._.timexes or ()):
        return None
    unit = m["unit"].lower()
    start, end = (_later(date.fromisoformat(d), n, unit) for d in (narrative.date_start, narrative.date_end))
    if start is None or end is None:
        return None
    # the span is this sentence's words (the caller keeps its document offset)
    return replace(narrative, text=m.group(0).strip(), start=first, end=last,
                   value=start.isoformat() if start == end else narrative.value, date_start=start.isoformat(), date_end=end.isoformat())


def _later(day: date, n: int, unit: str) -> date | None:
    if unit in ("day", "week"):
        return day + timedelta(days=n * (7 if unit == "week" else 1))
    months = day.month - 1 + n * (12 if unit == "year" else 1)
    try:
        return day.replace(year=day.year + months // 12, month=months % 12 + 1)
    except ValueError:
        return day.replace(year=day.year + months // 12, month=months % 12 + 1, day=28)
