"""Hostile and careless input to the readers: no hang, no traceback, one bad record costs only itself."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dateline.ingest import document_from_text, iter_documents
from dateline.ingest.references import parse_citation, parse_references
from dateline.resolve.source_homes import source_key, url_host

# The line from issue 16 that ran past 60 s in the citation detector, and strings of its kind.
ADVERSARIAL_LINES = [
    'BAGHDAD BUREAU UPDATE NUMBER 20080619 #3: "Twenty killed," officials said.',
    "BAGHDAD BUREAU UPDATE NUMBER 20080619 " * 3 + '#3 "Title," Reuters, 6/16/08',
    "A" * 110 + ' # "Title," Reuters, 6/16/08',
    "-" * 110 + '# "Title," Reuters, 6/16/08',
    "Al-" * 35 + '# "Title," Reuters, 6/16/08',
    '"Title," ' + "REUTERS NEWS AGENCY BAGHDAD " * 4 + "# 6/16/08",
    "and of the " * 10 + 'X# "Title," AP, 2008',
]


@pytest.mark.parametrize("line", ADVERSARIAL_LINES)
def test_citation_detector_is_fast_on_adversarial_lines(line: str) -> None:
    started = time.perf_counter()
    parse_citation(line)
    parse_references(line + "\n" + line)
    document_from_text(f"References\n{line}\n", id="t")
    assert time.perf_counter() - started < 0.5, line


@pytest.mark.parametrize(
    "line, author, outlet",
    [
        ("Gamel, Kim, “Al-Sadr followers warn,” Associated Press, 6/16/08", "Kim Gamel", "Associated Press"),
        ("Voices of Iraq, “Clashes in Amara,” 6/20/08", None, "Voices of Iraq"),
        ("al-Sabah, “Operation in Maysan,” 6/19/08", None, "al-Sabah"),
        ("Tavernise, Sabrina and Mizher, Qais, “Title,” The New York Times, 6/16/08",
         "Sabrina Tavernise; Qais Mizher", "The New York Times"),
    ],
)
def test_citations_still_parse(line: str, author: str | None, outlet: str) -> None:
    parsed = parse_citation(line)
    assert parsed is not None and parsed.author == author and parsed.outlet == outlet


# --- malformed URLs ---------------------------------------------------------------------------

MALFORMED_URLS = ["http://[oops/x", "https://[::1/", "http://ex\uff03ample.com/a", "//["]


@pytest.mark.parametrize("url", MALFORMED_URLS)
def test_a_malformed_url_has_no_host(url: str) -> None:
    assert url_host(url) == ""
    assert source_key(url=url, source="Iraq Wire") == "iraq wire"
    assert source_key(url=url) is None


def test_a_malformed_url_in_a_record_costs_nothing(engine, tmp_path: Path) -> None:
    from dateline.pipeline import IngestReport, extract_sources

    lines = [
        '{"id": "a", "url": "http://[oops/x", "text": "Gunmen killed three policemen in Baquba on Tuesday."}',
        '{"id": "b", "text": "A bomb wounded nine people in Mosul on Monday, police said."}',
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Raid</title><link>http://[oops/x</link>"
        "<description>Troops raided homes in Sadr City on Monday.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    report = IngestReport()
    results = list(extract_sources([str(path), str(feed)], engine=engine, report=report))
    assert report.failures == []
    assert {d.id for d, _ in results} == {"a", "b", "http://[oops/x"}
