"""Time expressions normalised against the publication date."""

import pytest

from dateline.annotate.timex import find_timexes

PUB = "2008-06-20"  # a Friday


@pytest.mark.parametrize(
    ("text", "value", "start", "end", "precision"),
    [
        ("On June 19, 2008 Maliki launched", "2008-06-19", "2008-06-19", "2008-06-19", 1),
        ("In January 2005 Iraq held elections", "2005-01", "2005-01-01", "2005-01-31", 3),
        ("In 2006 there was fighting", "2006", "2006-01-01", "2006-12-31", 3),
        ("his fourth operation since March", "2008-03", "2008-03-01", PUB, 3),
        ("Associated Press, 6/16/08", "2008-06-16", "2008-06-16", "2008-06-16", 1),
        ("New York Times, 10/22/06", "2006-10-22", "2006-10-22", "2006-10-22", 1),
        ("a report of 16/6/08", "2008-06-16", "2008-06-16", "2008-06-16", 1),
        ("2008-06-19", "2008-06-19", "2008-06-19", "2008-06-19", 1),
        ("He was killed on Friday.", "2008-06-20", "2008-06-20", "2008-06-20", 1),
        ("Gunmen struck on Tuesday.", "2008-06-17", "2008-06-17", "2008-06-17", 1),
        ("yesterday", "2008-06-19", "2008-06-19", "2008-06-19", 1),
        ("last June", "2007-06", "2007-06-01", "2007-06-30", 3),
        ("last March", "2008-03", "2008-03-01", "2008-03-31", 3),
        ("between June 10 and 12", "2008-06-10", "2008-06-10", "2008-06-12", 2),
        ("two days ago", "2008-06-18", "2008-06-18", "2008-06-18", 1),
        ("19 June 2008", "2008-06-19", "2008-06-19", "2008-06-19", 1),
        ("the 1990s", "199", "1990-01-01", "1999-12-31", 3),
    ],
)
def test_values(text: str, value: str, start: str, end: str, precision: int) -> None:
    found = find_timexes(text, PUB)
    assert found, text
    t = found[0]
    assert (t.value, t.date_start, t.date_end, t.precision) == (value, start, end, precision)
    assert text[t.start : t.end] == t.text


def test_early_month_is_the_first_part() -> None:
    (t,) = find_timexes("early December", PUB)
    assert t.date_start == "2007-12-01" and t.date_end < "2007-12-15"


def test_day_first_rule_per_source() -> None:
    (t,) = find_timexes("4/3/08", PUB, day_first=True)
    assert t.value == "2008-03-04"


def test_relative_dates_need_a_publication_date() -> None:
    assert find_timexes("yesterday", None) == []
    assert find_timexes("June 19, 2008", None)[0].value == "2008-06-19"


@pytest.mark.parametrize("text", ["They may be right.", "The $2008 fee", "Call 555-2008 today"])
def test_not_time_expressions(text: str) -> None:
    assert [t for t in find_timexes(text, PUB) if "2008" in t.text or "may" in t.text.lower()] == []


def test_spans_exclude_prepositions() -> None:
    text = "In 2006 for example"
    (t,) = find_timexes(text, PUB)
    assert t.text == "2006" and text[t.start : t.end] == "2006"
