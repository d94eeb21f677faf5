"""Eighth pass of the time-expression normaliser: readings of war reporting (sentences written here)."""

import pytest

from dateline.annotate.timex import find_timexes, normalise_span

PUB = "2008-06-25"  # a Wednesday


def _find(text: str, word: str, published: str = PUB):
    hits = [t for t in find_timexes(text, published) if t.text == word]
    assert len(hits) == 1, (text, [(t.text, t.value) for t in find_timexes(text, published)])
    return hits[0]


@pytest.mark.parametrize(
    ("text", "word", "type_", "value", "mod"),
    [
        # an ordinal day: the narrative's month, else the most recent such day
        ("Clashes resumed on the 21st.", "the 21st", "DATE", "2008-06-21", None),
        ("The bombing on the 19th killed 12 people.", "the 19th", "DATE", "2008-06-19", None),
        ("The siege began on the 28th, officials said.", "the 28th", "DATE", "2008-05-28", None),
        ("The army entered Gori on May 9. By the 12th the town had been emptied.", "the 12th", "DATE", "2008-05-12", None),
        ("Elections are to be held on the 3rd, officials said.", "the 3rd", "DATE", "2008-07-03", None),
        # weeks from a weekday
        ("He was killed two weeks ago Sunday.", "two weeks ago Sunday", "DATE", "2008-06-08", None),
        ("A week ago Tuesday, the convoy was ambushed.", "A week ago Tuesday", "DATE", "2008-06-17", None),
        ("The talks resume a week from Friday.", "a week from Friday", "DATE", "2008-07-04", None),
        # part of a month
        ("The offensive began in the second half of May.", "the second half of May", "DATE", "2008-05", "END"),
        ("Violence peaked in the last week of May.", "the last week of May", "DATE", "2008-05", "END"),
        ("Troops massed in the first week of June.", "the first week of June", "DATE", "2008-06", "START"),
        ("The raids of the first days of March 2007 left 40 dead.", "the first days of March 2007", "DATE", "2007-03", "START"),
        # wire copy's 24-hour clock
        ("The curfew was lifted at 0600 GMT.", "0600 GMT", "TIME", "2008-06-25T06:00", None),
        ("The blast came at 14:30 local time.", "14:30 local time", "TIME", "2008-06-25T14:30", None),
        # a clock with minutes "in the morning"
        ("At 2:30 in the morning, the blast hit.", "2:30 in the morning", "TIME", "2008-06-25T02:30", None),
        # "within" a vague length
        ("They returned within hours.", "hours", "DURATION", "PTXH", None),
        ("Relief will arrive within weeks.", "weeks", "DURATION", "PXW", None),
        # anchored on the narrative
        ("The attack on June 18 was repelled. That same day, a car bomb exploded.", "That same day", "DATE", "2008-06-18", None),
        ("The town fell on June 18. The week before, rebels had massed.", "The week before", "DATE", "2008-W24", None),
        ("The town fell on June 18. The night before, rebels shelled it.", "The night before", "TIME", "2008-06-17TNI", None),
        # a weekday of a named week
        ("The convoy was ambushed on Wednesday last week.", "Wednesday", "DATE", "2008-06-18", None),
        ("The convoy was ambushed on Monday of last week.", "Monday", "DATE", "2008-06-16", None),
        # the evening of a day (a TIME, as "Friday evening" is)
        ("The village was shelled on the evening of June 19.", "the evening of June 19", "TIME", "2008-06-19TEV", None),
        # since a month of a year
        ("He had been held since March 2007.", "March 2007", "DATE", "2007-03", "START"),
    ],
)
def test_eighth_pass_readings(text: str, word: str, type_: str, value: str, mod: str | None) -> None:
    t = _find(text, word)
    assert (t.type, t.value, t.mod) == (type_, value, mod)
    assert text[t.start : t.end] == t.text


def test_ordinal_day_follows_the_narrative_month() -> None:
    t = _find("The army entered Gori on May 9. By the 12th the town had been emptied.", "the 12th")
    assert t.anchored_on_narrative


def test_part_of_a_month_carries_its_days() -> None:
    t = _find("Violence peaked in the last week of May.", "the last week of May")
    assert (t.date_start, t.date_end) == ("2008-05-25", "2008-05-31")
    t = _find("The offensive began in the second half of May.", "the second half of May")
    assert (t.date_start, t.date_end) == ("2008-05-16", "2008-05-31")


@pytest.mark.parametrize(
    ("text", "second", "value"),
    [
        ("Fighting raged from June 19 to 22.", "22", "2008-06-22"),
        ("The militia attacked on June 19-20.", "20", "2008-06-20"),
    ],
)
def test_second_day_of_a_range(text: str, second: str, value: str) -> None:
    assert _find(text, second).value == value


@pytest.mark.parametrize(
    "text",
    [
        "He appealed to the 11th Circuit Court of Appeals.",
        "Snipers fired from the 19th floor of the hotel.",
        "Paratroopers of the 82nd Airborne landed.",
        "the 39th anniversary of the invasion",
        "The blast at 10:35 a.m. (0735 GMT) shook the city.",  # the gloss restates the local time
        "Fighting raged on June 19 - 20 people were killed.",
    ],
)
def test_eighth_pass_not_time_expressions(text: str) -> None:
    found = find_timexes(text, PUB)
    assert not [t for t in found if t.text.startswith("the ") or "GMT" in t.text or t.text == "20"], [(t.text, t.value) for t in found]


def test_clock_takes_the_day_after_its_gloss() -> None:
    text = "The attack came at 9:45 a.m. (0645 GMT) on Tuesday."
    clock = _find(text, "9:45 a.m.")
    assert clock.value == "2008-06-24T09:45"
    assert _find(text, "Tuesday").value == "2008-06-24"


def test_night_of_a_day_stays_the_day() -> None:
    # TimeBank writes "the night of Oct. 23" as the day (its one case on train), as "Friday night"
    t = _find("He was shot on the night of June 19 in his home.", "June 19")
    assert (t.type, t.value) == ("DATE", "2008-06-19")


@pytest.mark.parametrize(
    ("text", "word", "type_", "value"),
    [
        ("Rebels took the town on the 19th.", "the 19th", "DATE", "2008-06-19"),
        ("Rebels took the town on the 19th.", "19th", "DATE", "2008-06-19"),
        ("He probably died within weeks or months of his capture.", "weeks or months", "DURATION", "PXW"),
    ],
)
def test_eighth_pass_given_spans(text: str, word: str, type_: str, value: str) -> None:
    start = text.index(word)
    t = normalise_span(text, PUB, start=start, end=start + len(word))
    assert t is not None and (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He was last seen June 3, the day before the army sealed the border.", "2008-06-03"),
        ("The town fell on June 18, the day after the election.", "2008-06-18"),
    ],
)
def test_the_day_beside_a_date_is_that_date(text: str, value: str) -> None:
    t = _find(text, "the day")
    assert (t.value, t.anchored_on_narrative) == (value, True)


def test_the_day_before_at_clause_end_counts_back() -> None:
    assert _find("The town fell on June 18. The day before, rebels shelled it.", "The day before").value == "2008-06-17"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ground offensive began as previously planned Saturday night.", "2008-06-21"),
        ("The vote went ahead as scheduled Sunday despite the boycott.", "2008-06-22"),
    ],
)
def test_a_plan_carried_out_is_not_a_future_clause(text: str, value: str) -> None:
    word = "Saturday night" if "Saturday" in text else "Sunday"
    assert _find(text, word).value == value


def test_the_twentieth_century_is_not_an_ordinal_day() -> None:
    (t,) = find_timexes("Wars of the 20th century", PUB)
    assert (t.text, t.value) == ("the 20th century", "19")


@pytest.mark.parametrize(
    ("text", "word", "value", "mod"),
    [
        ("The army will not withdraw until 2010 or later.", "2010 or later", "2010", "ON_OR_AFTER"),
        ("Aid is pledged for 2009 and beyond.", "2009 and beyond", "2009", "ON_OR_AFTER"),
        ("The strike was planned for 2006 or earlier, he said.", "2006 or earlier", "2006", "ON_OR_BEFORE"),
    ],
)
def test_open_end_after_a_date(text: str, word: str, value: str, mod: str) -> None:
    t = _find(text, word)
    assert (t.value, t.mod) == (value, mod)


@pytest.mark.parametrize(("text", "word"), [("in 2007 and later years", "2007"), ("in 2009 or after the election", "2009")])
def test_not_an_open_end(text: str, word: str) -> None:
    assert _find(text, word).mod is None


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("The rebels were disarmed over a three-year period.", "a three-year period", "P3Y"),
        ("He served a five-year term in prison.", "a five-year term", "P5Y"),
        ("during its one-year term", "one-year term", "P1Y"),
    ],
)
def test_a_length_naming_a_period_takes_the_noun(text: str, word: str, value: str) -> None:
    assert _find(text, word).value == value


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("Hundreds surrendered in the first hours of the offensive.", "the first hours", "PTXH"),
        ("The town has changed hands many times over the years.", "the years", "PXY"),
        ("Few were killed in the early months of the war.", "the early months", "PXM"),
    ],
)
def test_first_hours_of_an_event_are_a_span(text: str, word: str, value: str) -> None:
    t = _find(text, word)
    assert (t.type, t.value) == ("DURATION", value)


def test_early_hours_of_a_named_day_are_that_day() -> None:
    found = find_timexes("The blast came in the early hours of Thursday morning.", PUB)
    assert [t.text for t in found] == ["Thursday morning"]


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("The town was shelled on June 19. Troops withdrew in the afternoon.", "the afternoon", "2008-06-19TAF"),
        ("Police said the convoy left during the morning.", "the morning", "2008-06-25TMO"),
    ],
)
def test_part_of_the_narrative_day(text: str, word: str, value: str) -> None:
    t = _find(text, word)
    assert (t.type, t.value) == ("TIME", value)


def test_part_of_a_named_day_is_read_with_it() -> None:
    found = find_timexes("The blast came in the morning of June 19.", PUB)
    assert [t.text for t in found] == ["June 19"]


@pytest.mark.parametrize(
    ("text", "word", "value", "mod", "days"),
    [
        ("the trend of the last half of the '80s, officials said", "the last half of the '80s", "198", "END", ("1985-01-01", "1989-12-31")),
        ("Fighting flared in the second half of the 1990s.", "the second half of the 1990s", "199", "END", ("1995-01-01", "1999-12-31")),
        ("the first half of the nineties", "the first half of the nineties", "199", "START", ("1990-01-01", "1994-12-31")),
    ],
)
def test_half_of_a_decade(text: str, word: str, value: str, mod: str, days: tuple) -> None:
    t = _find(text, word)
    assert (t.value, t.mod, (t.date_start, t.date_end)) == (value, mod, days)


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [("This past weekend, 20 people were killed.", "This past weekend", "2008-W25-WE"), ("Fighting this past week killed 20.", "this past week", "P1W")],
)
def test_this_past_unit_keeps_this(text: str, word: str, value: str) -> None:
    assert _find(text, word).value == value


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("The election is set for Dec. 27.", "Dec. 27", "2008-12-27"),
        ("Talks are slated for Nov. 30 in Geneva.", "Nov. 30", "2008-11-30"),
        ("The truce had been set to expire Friday evening.", "Friday evening", "2008-06-20TEV"),
    ],
)
def test_set_for_and_slated_are_plans(text: str, word: str, value: str) -> None:
    assert _find(text, word).value == value


def test_centuries_are_written_as_timebank_writes_them() -> None:
    t = _find("The mosque has dominated the skyline for centuries.", "centuries")
    assert (t.type, t.value) == ("DURATION", "PXC")


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("The city has been fought over for more than two thousand years.", "more than two thousand years", "P2L"),
        ("a feud that has lasted millennia", "millennia", "PXL"),
        ("the first such war in a millennium", "a millennium", "P1L"),
    ],
)
def test_millennia(text: str, word: str, value: str) -> None:
    t = _find(text, word)
    assert (t.type, t.value) == ("DURATION", value)


def test_weekday_and_its_date_are_one_expression() -> None:
    found = find_timexes("The rally is this coming Sunday, March eighth, organisers said.", "1998-03-05")
    assert [(t.text, t.value) for t in found] == [("this coming Sunday, March eighth", "1998-03-08")]


def test_weekday_and_another_date_stay_two_expressions() -> None:
    found = find_timexes("They met last Sunday, March first, to plan it.", "1998-03-12")
    assert [(t.text, t.value) for t in found] == [("last Sunday", "1998-03-08"), ("March first", "1998-03-01")]
