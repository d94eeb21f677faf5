"""Where a time expression starts and ends: the TimeML extent rules the patterns do not encode.

TimeML (and every TimeBank/AQUAINT annotator, counted on the train split) leaves out of the
expression:

* the preposition of "in the past" / "in the future" (gold marks "the past" and never
  "in the past", 0 of 7 on train);
* the article before an adjectival length or period, "the [14-day] waiting period", "the
  [third-quarter] loss", "the [year-earlier] results" (0 of 10 on train keep the article);
* "before"/"after" when an event follows, "[90 days] after their issue date": the event is not
  part of the time expression (0 of 12 on train keep the word).

It keeps inside:

* "around" before a date or time, "[around Nov. 1]", "[around 7:15 p.m.]" (3 of 3 on train);
* the noun of a length that names a period, "[a three-year period]", "its [one-year term]" (2 of
  2 on train; "a" comes in with it, "the"/"its" stay out as for other adjectival lengths);
* an open end after a date, "[1994 or later]", "[1990 and beyond]" (2 of 2 on train), which sets
  the TIMEX3 mod ON_OR_AFTER / ON_OR_BEFORE.

``trim`` narrows (or widens) a Timex in place; values never change (a mod may be set).
"""

from __future__ import annotations

import re

from .timex_model import Timex

_PREPOSITION = re.compile(r"in\s+(?=the\s+(?:past|future)\b)", re.I)
_ADJECTIVAL = re.compile(r"the\s+(?=[\w.]+-(?:second|minute|hour|day|week|month|quarter|year|decade|century)$|year-(?:earlier|ago)$)", re.I)
_EVENT_WORD = re.compile(r"\s+(?:before|after)$", re.I)
_AROUND = re.compile(r"\baround\s+$", re.I)
_ADJ_LENGTH = re.compile(r"[\w.]+-(?:second|minute|hour|day|week|month|year|decade)$", re.I)
_PERIOD_NOUN = re.compile(r"\s+(?:period|term|span|stretch)\b(?!-)", re.I)
_A_BEFORE = re.compile(r"\ban?\s+$", re.I)
# at the end of a clause: "or after the election" is a preposition and its event, "2007 and later
# years" a noun phrase, not an open end
_OPEN_END = re.compile(r"\s+(?:or|and)\s+(?P<dir>later|beyond|thereafter|earlier|after|before)\b(?=\s*(?:[,.;:!?)\"']|$)|\s+(?:and|or|but|when|if)\b)", re.I)


def trim(text: str, t: Timex) -> Timex:
    """Drop the words TimeML keeps outside the expression; returns the same Timex."""
    cut = 0
    m = _PREPOSITION.match(t.text) or _ADJECTIVAL.match(t.text)
    if m:
        cut = m.end()
    if t.type == "DURATION":
        tail = _EVENT_WORD.search(t.text)
        if tail and re.match(r"\s*[\w$]", text[t.end : t.end + 3]):
            t.text, t.end = t.text[: tail.start()], t.end - (len(t.text) - tail.start())
    if cut:
        t.text, t.start = t.text[cut:], t.start + cut
    around = _AROUND.search(text, max(0, t.start - 10), t.start)
    if around and t.type in ("DATE", "TIME"):
        t.text, t.start = text[around.start() : t.end], around.start()
    if t.type == "DURATION" and _ADJ_LENGTH.fullmatch(t.text) and (noun := _PERIOD_NOUN.match(text, t.end)):
        a = _A_BEFORE.search(text, max(0, t.start - 4), t.start)
        t.start, t.end = (a.start() if a else t.start), noun.end()
        t.text = text[t.start : t.end]
    if t.type == "DATE" and t.is_calendar and t.mod not in ("START", "MID", "END") and (m := _OPEN_END.match(text, t.end)):
        t.mod = "ON_OR_BEFORE" if m["dir"].lower() in ("earlier", "before") else "ON_OR_AFTER"
        t.end = m.end()
        t.text = text[t.start : t.end]
    return t
