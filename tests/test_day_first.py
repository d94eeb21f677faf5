"""Numeric dates day first ("6/7/08" = 6 July): for every document, for named sources, or as a
JSON-lines record says; the rule reaches the event dates, not only the publication date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.ingest import document_from_text
from dateline.ingest.day_first import DayFirst, day_first_rule, reads_day_first

BBC = "https://www.bbc.co.uk/news/world-1"
NYT = "https://www.nytimes.com/2008/07/10/world/1.html"


@pytest.mark.parametrize(
    "url, source, expected",
    [
        (BBC, None, True),
        ("https://news.bbc.co.uk/2/hi/1.stm", None, True),  # a subdomain of a named source
        ("https://notbbc.co.uk/1", None, False),  # not a domain ending of it
        (NYT, None, False),
        (None, "Voices of Iraq", True),  # a source name, any case
        (None, None, False),
    ],
)
def test_rule_for_named_sources(url: str | None, source: str | None, expected: bool) -> None:
    rule = day_first_rule(sources=["bbc.co.uk", "voices of iraq"])
    assert isinstance(rule, DayFirst)
    assert reads_day_first(rule, url=url, source=source) is expected


def test_rule_everywhere_or_nowhere_is_a_bool() -> None:
    assert day_first_rule(everywhere=True, sources=["bbc.co.uk"]) is True
    assert day_first_rule() is False
    with pytest.raises(TypeError):  # a reader that forgets to apply the rule fails loudly
        bool(DayFirst(sources=frozenset({"bbc.co.uk"})))


def test_the_document_keeps_its_reading() -> None:
    rule = day_first_rule(sources=["bbc.co.uk"])
    british = document_from_text("Dated 6/7/08\n\nTroops arrived.", url=BBC, day_first=rule)
    american = document_from_text("Dated 6/7/08\n\nTroops arrived.", url=NYT, day_first=rule)
    assert british.day_first and not american.day_first


def _jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


RECORDS = [
    {"id": "uk", "url": BBC, "published": "2008-07-10", "text": "Police said the bomb exploded on 6/7/08 in Basra."},
    {"id": "us", "url": NYT, "published": "2008-07-10", "text": "Police said the bomb exploded on 6/7/08 in Basra."},
    {"id": "own", "published": "2008-07-10", "day_first": True,
     "text": "Police said the bomb exploded on 6/7/08 in Basra."},
]


def _values(stdout: str) -> dict[str, str]:
    return {r["document_id"]: r["value"] for r in map(json.loads, stdout.splitlines()) if r["text"] == "6/7/08"}


@pytest.mark.parametrize(
    "args, expected",
    [
        ([], {"uk": "2008-06-07", "us": "2008-06-07", "own": "2008-07-06"}),
        (["--day-first-source", "bbc.co.uk"], {"uk": "2008-07-06", "us": "2008-06-07", "own": "2008-07-06"}),
        (["--day-first"], {"uk": "2008-07-06", "us": "2008-07-06", "own": "2008-07-06"}),
    ],
)
def test_times_command(tmp_path: Path, args: list[str], expected: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["times", "--format", "jsonl", *args, _jsonl(tmp_path / "a.jsonl", RECORDS)])
    assert result.exit_code == 0, result.output
    assert _values(result.stdout) == expected


@pytest.mark.parametrize("args, expected", [([], "2008-06-07"), (["--day-first"], "2008-07-06"),
                                            (["--day-first-source", "bbc.co.uk"], "2008-07-06")])
@pytest.mark.slow  # extracts with the full model (CLI)
def test_event_dates_follow_the_rule(tmp_path: Path, args: list[str], expected: str) -> None:
    """The run's rule dates the events themselves (it once reached only the publication date)."""
    record = {"id": "uk", "url": BBC, "published": "2008-07-10",
              "text": "A roadside bomb killed three soldiers in Basra on 6/7/08, police said."}
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", *args, _jsonl(tmp_path / "e.jsonl", [record])])
    assert result.exit_code == 0, result.output
    (event,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert event["date_start"] == expected
