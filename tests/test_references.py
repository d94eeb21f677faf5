"""Citation and date parsing (dateline.ingest.references)."""

from __future__ import annotations

import pytest

from dateline.ingest import parse_references, split_sections
from dateline.ingest.references import is_citation_line, match_date, normalise_date
from shared_data import SAMPLE


@pytest.mark.parametrize(
    ("text", "day_first", "iso"),
    [
        ("10/22/06", False, "2006-10-22"),
        ("6/16/08", False, "2008-06-16"),
        ("6/5/08", False, "2008-06-05"),
        ("6/5/08", True, "2008-05-06"),
        ("16/6/08", False, "2008-06-16"),  # impossible month: day first
        ("1/2/30", False, "2030-01-02"),  # 00-30 -> 20xx
        ("1/2/31", False, "1931-01-02"),
        ("May 2008", False, "2008-05"),
        ("June 16, 2008", False, "2008-06-16"),
        ("Friday, June 20, 2008", False, "2008-06-20"),
        ("20 June 2008", False, "2008-06-20"),
        ("Sept. 3, 2007", False, "2007-09-03"),
        ("2008-06-20", False, "2008-06-20"),
    ],
)
def test_match_date_full(text: str, day_first: bool, iso: str) -> None:
    found = match_date(text, day_first=day_first)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize("text", ["June 31, 2008", "13/13/08", "Friday", "Operation Promise of Peace", "2008"])
def test_match_date_rejects(text: str) -> None:
    assert match_date(text) is None


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2008-06-20T23:30:00-05:00", "2008-06-20"),
        ("Fri, 20 Jun 2008 10:00:00 +0000", "2008-06-20"),
        ("June 2008", "2008-06"),
        ("2008", "2008"),
        ("not a date at all", None),
        ("Friday", None),  # a weekday alone must not become some nearby date
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value: object, iso: str | None) -> None:
    assert normalise_date(value) == iso


@pytest.mark.parametrize(
    ("line", "author", "title", "outlet", "date"),
    [
        (
            "Gamel, Kim, “Al-Sadr followers warn against arrests,” Associated Press, 6/16/08",
            "Kim Gamel", "Al-Sadr followers warn against arrests", "Associated Press", "2008-06-16",
        ),
        (
            "Tavernise, Sabrina and Mizher, Qais, “In Iraq’s Mayhem, Town Finds Calm,” New York Times, 7/10/06",
            "Sabrina Tavernise; Qais Mizher", "In Iraq’s Mayhem, Town Finds Calm", "New York Times", "2006-07-10",
        ),
        (
            "Voices of Iraq, “Sadrists show conditional support to Missan offensive,” 6/20/08",
            None, "Sadrists show conditional support to Missan offensive", "Voices of Iraq", "2008-06-20",
        ),
        (
            'Visser, Reidar, "The Sadrists of Basra," Norwegian Institute of International Affairs, May 2008',
            "Reidar Visser", "The Sadrists of Basra", "Norwegian Institute of International Affairs", "2008-05",
        ),
        (
            "Smith, Jane, “Title outside comma”, Reuters, June 16, 2008",
            "Jane Smith", "Title outside comma", "Reuters", "2008-06-16",
        ),
    ],
)
def test_parse_one_citation(line: str, author: str | None, title: str, outlet: str, date: str) -> None:
    (ref,) = parse_references(line)
    assert (ref.author, ref.title, ref.outlet, ref.date) == (author, title, outlet, date)


def test_continuation_inherits_author_and_outlet() -> None:
    text = (
        "Roggio, Bill, “Iraqi offensive underway,” Long War, 6/14/08\n"
        "- “Iraqi security forces ramp up,” 6/17/08\n"
    )
    first, second = parse_references(text, offset=100)
    assert second.author == "Bill Roggio"
    assert second.outlet == "Long War"
    assert second.title == "Iraqi security forces ramp up"
    assert (second.date, second.date_text) == ("2008-06-17", "6/17/08")
    assert second.start == 100 + text.index("- “Iraqi")


def test_day_first_flips_reference_dates() -> None:
    (ref,) = parse_references("Reuters, “Bomb in Basra,” 4/3/08", day_first=True)
    assert ref.date == "2008-03-04"


@pytest.mark.parametrize(
    "line",
    [
        "References:",
        "He said “we will fight on” and left.",
        "Just a line of prose without a date or quote",
    ],
)
def test_non_citations_give_no_reference(line: str) -> None:
    assert parse_references(line) == []


def sample_references():
    text = SAMPLE.read_text(encoding="utf-8")
    (section,) = [s for s in split_sections(text) if s.kind == "references"]
    return text, parse_references(text[section.start : section.end], offset=section.start)


def test_sample_reference_list_is_fully_parsed() -> None:
    text, refs = sample_references()
    assert len(refs) == 10
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
        assert ref.title and ref.date and ref.outlet
    gamel = next(r for r in refs if r.author == "Kim Gamel")
    assert (gamel.date, gamel.outlet, gamel.title) == (
        "2008-06-16", "Associated Press", "Al-Sadr followers warn against arrests"
    )
    assert {r.date for r in refs if r.author == "Reidar Visser"} == {"2008-05"}
    assert [r.author for r in refs if r.outlet == "Long War"] == ["Bill Roggio", "Bill Roggio"]
    assert [r.author for r in refs if r.outlet == "Voices of Iraq"] == [None, None]


@pytest.mark.parametrize(
    "line",
    [
        "Maliki said, “we will win,” Reuters reported on June 16, 2008",
        "The statement, “Sadrists will cooperate,” was issued on 6/20/08",
    ],
)
def test_prose_with_quote_and_date_is_not_a_citation(line: str) -> None:
    assert not is_citation_line(line)
