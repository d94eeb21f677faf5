"""Splitting texts into header/body/references/sidebar/comments (dateline.ingest.sections)."""

from __future__ import annotations

import pytest

from dateline.ingest import split_sections
from dateline.ingest.sections import parse_header
from dateline.models import Section
from shared_data import SAMPLE

PROSE = (
    "Police said a car bomb killed twelve people in Amara on Monday.\n\n"
    "The governor blamed militiamen loyal to the Sadrists for the attack.\n"
)


def kinds(text: str) -> list[str]:
    return [s.kind for s in split_sections(text)]


def text_of(text: str, kind: str) -> str:
    return "".join(text[s.start : s.end] for s in split_sections(text) if s.kind == kind)


def assert_covers(text: str, sections: list[Section]) -> None:
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for before, after in zip(sections, sections[1:]):
        assert before.end == after.start and before.kind != after.kind


def test_sample_sections_in_order_and_contiguous() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    sections = split_sections(text)
    assert [s.kind for s in sections] == ["header", "body", "references", "comments", "sidebar"]
    assert_covers(text, sections)


def test_sample_body_is_exactly_the_prose() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    body = text_of(text, "body").strip()
    assert body.startswith("On June 19, 2008 Prime Minister Maliki")
    assert body.endswith("his government will not have their support.")
    assert "Maliki’s Offensive" in body
    for outside in ("Burns, John", "Voices of Iraq", "No comments", "This Day In Iraqi History", "1920 France"):
        assert outside not in body
    assert text_of(text, "header").split() == "Friday, June 20, 2008 Operation Promise of Peace in Maysan Province".split()
    assert text_of(text, "comments").strip() == "No comments:"
    assert text_of(text, "sidebar").startswith("This Day In Iraqi History")


@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        ("Friday, June 20, 2008\n\nA Title Line\n\n" + PROSE, "A Title Line", "2008-06-20"),
        ("A Title Line\n2008-06-20\n\n" + PROSE, "A Title Line", "2008-06-20"),
        ("20 June 2008\n" + PROSE, None, "2008-06-20"),
        ("# Markdown Title\n\n" + PROSE, "Markdown Title", None),
        ("---\ntitle: Front Matter Title\ndate: 2008-06-20\n---\n\n" + PROSE, "Front Matter Title", "2008-06-20"),
        ("Posted on June 20, 2008\nBombing in Amara\nBy Kim Gamel\n\n" + PROSE, "Bombing in Amara", "2008-06-20"),
        ("Bombing in Amara\nAMARAH, Iraq, June 20, 2008 (AP)\n\n" + PROSE, "Bombing in Amara", "2008-06-20"),
        ("KABUL, 20 June 2008 (Reuters)\n" + PROSE, None, "2008-06-20"),
        # a headline cut short is still the headline (its words are the lede's, which the body tells)
        ("2008-06-20\nPolice said a bomb killed five people near a ...\n\n" + PROSE, "Police said a bomb killed five people near a ...", "2008-06-20"),
        ("2008-06-20\nPolice said a bomb killed five people near a …\n\n" + PROSE, "Police said a bomb killed five people near a …", "2008-06-20"),
        ("KABUL, Afghanistan, Friday, June 20, 2008 (AP)\n\n" + PROSE, None, "2008-06-20"),
        (PROSE, None, None),
    ],
)
def test_header_lines(text: str, title: str | None, published: str | None) -> None:
    header = parse_header(text)
    assert (header.title, header.published) == (title, published)
    assert text[header.end :].startswith("Police said")
    assert text_of(text, "body").startswith("Police said")


def test_a_dateline_that_opens_the_story_dates_it_and_stays_body() -> None:
    text = "Bombing in Amara\n\nAMARAH, Iraq, June 20, 2008 (AP) -- " + PROSE
    header = parse_header(text)
    assert (header.title, header.published) == ("Bombing in Amara", "2008-06-20")
    assert text[header.end:].startswith("AMARAH, Iraq, June 20")
    # a sentence that happens to start with a place and a date is no dateline without its punctuation
    assert parse_header("Amarah, June 20, 2008 was a quiet day in the city and nobody left home.\n\nMore text.").published is None


def test_single_short_line_stays_body() -> None:
    # A headline-like line with nothing after it is the whole text, not a title.
    assert kinds("Car bomb kills twelve in Amara") == ["body"]


@pytest.mark.parametrize(
    "marker",
    ["No comments:", "3 comments:", "Post a Comment", "Comments", "Comments (12)", "Leave a Reply", "2 Responses to “Amara”"],
)
def test_comment_markers(marker: str) -> None:
    text = PROSE + "\n" + marker + "\nGreat post, thanks.\n"
    assert kinds(text) == ["body", "comments"]
    assert "Great post" in text_of(text, "comments")


@pytest.mark.parametrize(
    "marker",
    [
        "This Day In Iraqi History - Jul 24 Treaty of Lusanne",
        "Related posts",
        "Labels: Maysan, Sadrists",
        "Blog Archive",
        "Posted by Joel Wing at 12:00 AM",
        "You may also like",
    ],
)
def test_sidebar_markers(marker: str) -> None:
    text = PROSE + "\n" + marker + "\n1920 France occupied Syria\n"
    assert kinds(text) == ["body", "sidebar"]
    assert "1920 France" not in text_of(text, "body")


def test_reference_heading_keeps_loose_lines_in_references() -> None:
    text = PROSE + "\nSources:\nAssociated Press wire, June 2008\nhttp://example.org/story\n"
    assert kinds(text) == ["body", "references"]
    assert "example.org" in text_of(text, "references")


def test_prose_after_an_unheaded_citation_run_is_body_again() -> None:
    citation = "Gamel, Kim, “Al-Sadr followers warn against arrests,” Associated Press, 6/16/08\n"
    text = PROSE + "\n" + citation + "\nA closing paragraph of the article that says more.\n"
    assert kinds(text) == ["body", "references", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "Maliki’s Offensive",  # a subheading inside the body
        "Maliki said, “we will win,” Reuters reported on June 16, 2008",
        "Comments from the governor were not available.",
    ],
)
def test_body_lines_that_must_not_open_a_section(line: str) -> None:
    text = PROSE + "\n" + line + "\n\nMore prose follows about the operation in Maysan.\n"
    assert kinds(text) == ["body"]


def test_empty_text_has_no_sections() -> None:
    assert split_sections("") == []
