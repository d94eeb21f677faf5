"""Casualty counts with ACLED's counting rules."""

import pytest

from dateline.annotate.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("1,200", 1200), ("twelve", 12), ("twenty-five", 25), ("dozens", 12), ("dozens of", 12), ("hundreds", 100),
     ("several", 10), ("a", 1), ("three hundred", 300), ("two dozen", 24), ("a dozen", 12)],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "low", "high"),
    [
        ("A car bomb killed at least 12 people in Baghdad.", "killed", 12, 12, None),
        ("Between 10 and 15 people were killed.", "killed", 10, 10, 15),
        ("The air strike resulted in the death of ten civilians in a village.", "killed", 10, None, None),
        ("Dozens of people were wounded in the attack.", "injured", 12, 24, None),  # ACLED's 12; at least two dozen
        ("A policeman and two civilians were killed when a bomb exploded.", "killed", 3, None, None),
        ("Gunmen shot dead three police officers.", "killed", 3, None, None),
        ("Twenty-five civilians died in the shelling.", "killed", 25, None, None),
        ("The blast left 5 dead and 20 wounded.", "injured", 20, None, None),
        ("Iraqi troops arrested 25 suspects.", "arrested", 25, None, None),
        # modifiers before the victim noun, and a list that goes on after them
        ("A gunman killed a Kurdish provincial official and six others in Kirkuk.", "killed", 7, None, None),
        ("A roadside bomb hit a minibus, killing four Iranian pilgrims and one Iraqi driver.", "killed", 5, None, None),
        # a subset of a count is not more victims, nor is the source of the report
        ("The bombs killed nine people, three of them police officers, and wounded 20.", "killed", 9, None, None),
        ("Shelling of the market killed 14 people, a hospital doctor said.", "killed", 14, None, None),
        # a total followed by its breakdown
        ("A rocket hit the house, killing five family members, two women and three children.", "killed", 5, None, None),
        ("Two more bombs went off, costing 11 more lives.", "killed", 11, None, None),
        ("Villagers said a 14-year-old girl was burnt to death.", "killed", 1, None, None),
        ("Police found 12 bullet-riddled bodies in the river.", "killed", 12, None, None),
        ("Police recovered the bodies on Monday of four abducted men.", "killed", 4, None, None),
        ("A bomb killed three people and wounded at least 16 more Friday.", "injured", 16, 16, None),
        ("At least eight people, including two children and a policeman, were killed.", "killed", 8, 8, None),
        ("No fewer than 16 persons have been killed in the village.", "killed", 16, 16, None),
        ("A couple and their three children were killed when the shell hit.", "killed", 5, None, None),
        ("Militants ambushed the fishermen, killing 13 of them.", "killed", 13, None, None),
        ("Five people were killed, three others injured and several camels killed.", "killed", 5, None, None),
    ],
)
def test_counts(sentence: str, kind: str, value: int, low: int | None, high: int | None) -> None:
    found = [q for q in find_quantities(sentence) if q.kind == kind]
    assert found, sentence
    q = found[0]
    assert (q.value, q.low, q.high) == (value, low, high)
    assert sentence[q.start : q.end] == q.text


def test_a_vague_count_says_so_and_keeps_the_least_its_words_allow() -> None:
    (q,) = find_quantities("Several aides died with him in the raid.")
    assert (q.value, q.low, q.vague) == (10, 3, True)  # ACLED's codebook figure, and at least three
    (q,) = find_quantities("Gunmen killed a policeman and several civilians.")
    assert (q.value, q.low, q.vague) == (11, 4, True)
    (q,) = find_quantities("Gunmen killed a dozen civilians.")
    assert (q.value, q.low, q.vague) == (12, None, False)  # a dozen is a number


def test_killed_and_wounded_kept_apart() -> None:
    found = {q.kind: q.value for q in find_quantities("A bomb killed 7 people and wounded 30 others.")}
    assert found == {"killed": 7, "injured": 30}


@pytest.mark.parametrize("sentence", ["Maliki launched his fourth military operation since March.", "He has promised $100 million for Basra."])
def test_no_counts(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_excluded_spans_are_ignored() -> None:
    sentence = "In 2006 12 people were killed."
    assert find_quantities(sentence, exclude=[(3, 7)])[0].value == 12


def test_invisible_marks_do_not_split_numbers() -> None:
    from dateline.ingest import document_from_text

    text = document_from_text("At least \u202e\u202e23\u202c\u202c people were killed.").text
    assert [q.value for q in find_quantities(text)] == [23]


def test_plural_without_number_is_not_one_victim() -> None:
    assert find_quantities("Officials said the prisoners were killed by the guards.") == []


def test_number_inside_a_name_is_not_a_count() -> None:
    assert [q.value for q in find_quantities("Three relatives of a candidate for PP-51 were gunned down.")] != [51]
    assert find_quantities("The F-16 crashed and was destroyed.") == []


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # the group after "and" belongs to the wounded when a wounding word follows it
        ("Security forces killed five men and at least 20 injured near the border.", 5, 20),
        ("Fighting has killed at least 30 people and 60 wounded in three days.", 30, 60),
        # a companion named with "along with" is one more victim
        ("Gunmen killed a policeman along with his son in Mosul.", 2, None),
    ],
)
def test_killed_and_wounded_in_one_list(sentence: str, killed: int, injured: int | None) -> None:
    found = {q.kind: q.value for q in find_quantities(sentence)}
    assert (found.get("killed"), found.get("injured")) == (killed, injured)


@pytest.mark.parametrize("sentence", [
    "Security forces opened fire on protesters, killing three people, a doctors' committee said.",
    "The blast killed three people, the teachers' union said.",
])
def test_a_body_named_with_a_possessive_is_no_victim(sentence: str) -> None:
    (killed,) = [q for q in find_quantities(sentence) if q.kind == "killed"]
    assert killed.value == 3


def test_a_dates_numbers_neither_count_nor_join_the_count_after_them() -> None:
    text = "Five people were killed on 5 May 2008 and 12 wounded in a bombing in Mosul."
    start = text.index("5 May")
    found = {(q.kind, q.value) for q in find_quantities(text, exclude=[(start, start + len("5 May 2008"))])}
    assert found == {("killed", 5), ("injured", 12)}


def test_no_one_is_nobody() -> None:
    assert find_quantities("Insurgents fired rockets at the compound; no one was hurt.") == []
    assert [(q.kind, q.value) for q in find_quantities("One person was killed and no one else was hurt.")] == [("killed", 1)]


@pytest.mark.parametrize(("text", "value"), [
    ("The number of deaths has remained at 11, the ministry said.", 11),
    ("A later report raised the death total to 70.", 70),
    ("The death count stood at 9 on Friday.", 9),
    ("Police committed at least 47 extrajudicial executions in Cibitoke.", 47),
])
def test_a_toll_told_as_a_total_or_a_number_of_deaths(text, value) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text)] == [("killed", value)]


def test_a_day_inside_the_count_phrase_leaves_the_count() -> None:
    text = "No fewer than 11 people were on Saturday killed in a renewed attack."
    start = text.index("Saturday")
    assert [(q.kind, q.value) for q in find_quantities(text, exclude=[(start, start + 8)])] == [("killed", 11)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Three gunmen killed two policemen in Kano.", [("killed", 2)]),  # the killers are no count of the dead
    ("Four gunmen killed the village chief in Kano.", []),  # (the one victim is counted by extraction)
    ("Two soldiers killed in blast near Kano.", [("killed", 2)]),  # a headline's passive
])
def test_a_count_before_an_active_killing_verb_is_of_the_killers(text, expected) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text)] == expected


def test_two_dozen_soldiers_are_twenty_four() -> None:
    (q,) = [q for q in find_quantities("Two dozen soldiers were killed in Orakzai on Friday.") if q.kind == "killed"]
    assert q.value == 24


def test_one_number_counts_two_kinds_of_people_named_together() -> None:
    found = find_quantities("Ukraine said 75 soldiers and civilians have been killed since the truce began.")
    assert [(q.kind, q.value) for q in found] == [("killed", 75)]
    # two numbers are two groups, and "others" after "and" are no one counted
    assert [(q.kind, q.value) for q in find_quantities("Gunmen killed five soldiers and three civilians.")] == [("killed", 8)]
    assert [(q.kind, q.value) for q in find_quantities("The blast killed four people and others were wounded.")] == [("killed", 4)]


def test_n_or_m_is_a_range_whose_low_end_is_the_count() -> None:
    found = find_quantities("Reports conflict, suggesting nine or ten people killed.")
    assert [(q.kind, q.value, q.low, q.high) for q in found] == [("killed", 9, 9, 10)]
    assert [(q.value, q.high) for q in find_quantities("Two or three soldiers were killed.")] == [(2, 3)]


def test_a_count_of_people_taken_is_its_own_kind_never_deaths() -> None:
    found = find_quantities("More than 100 foreign oil workers have been kidnapped so far this year.")
    assert [(q.kind, q.value) for q in found] == [("abducted", 100)]
    assert [(q.kind, q.value) for q in find_quantities("Gunmen kidnapped five South Korean workers on Monday.")] == [("abducted", 5)]
