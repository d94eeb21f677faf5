"""Hostile and careless input to the readers: no hang, no traceback, one bad record costs only itself."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dateline.ingest import document_from_text, iter_documents
from dateline.ingest.outlets import source_key, url_host
from dateline.ingest.references import parse_citation, parse_references

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


# --- one bad record costs only itself ---------------------------------------------------------

GOOD_ITEM = ("<item><title>Good</title><link>https://example.org/2</link>"
             "<description>Clashes broke out in Basra between police and militiamen.</description></item>")


def rss(bad_item: str) -> str:
    return f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Wire</title>{bad_item}{GOOD_ITEM}</channel></rss>'


def atom(bad_entry: str) -> str:
    good = ('<entry><title>Raid</title><id>urn:e:2</id><link href="https://example.org/2"/>'
            "<content type=\"html\">&lt;p&gt;Troops raided homes in Sadr City.&lt;/p&gt;</content></entry>")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
            f"<id>urn:x</id>{bad_entry}{good}</feed>")


@pytest.mark.parametrize(
    "name, content, bad_text",
    [
        ("surrogate.xml", rss("<item><title>Bad &#xD800; one</title><link>https://example.org/1</link>"
                              "<description>A bomb killed five in Kut &#55296; on Monday.</description></item>"), "\ufffd"),
        ("control.xml", rss("<item><title>Bad \x01 one</title><link>https://example.org/1</link>"
                            "<description>A bomb \x0b killed five in Kut.</description></item>"), "A bomb killed five in Kut."),
        ("nul.rss", rss("<item><title>Bad</title><link>https://example.org/1</link>"
                        "<description>A bomb \x00 killed five.</description></item>"), "A bomb killed five."),
        ("html.atom", atom('<entry><title>Bad</title><id>urn:e:1</id><link href="https://example.org/1"/>'
                           "<summary>&lt;html&gt;</summary></entry>"), "Bad"),
    ],
)
def test_one_bad_feed_entry_costs_only_itself(tmp_path: Path, name: str, content: str, bad_text: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    items = list(iter_documents([str(path)]))
    documents = [i for i in items if not isinstance(i, Exception)]
    assert len(documents) == 2, items
    assert documents[1].url == "https://example.org/2"
    assert all(ord(c) >= 32 or c in "\n\t" for d in documents for c in d.text + (d.title or ""))
    assert bad_text in " ".join(documents[0].text.split())


def test_one_bad_json_line_costs_only_that_line(tmp_path: Path) -> None:
    lines = [
        '{"id": "surrogate", "text": "A bomb \\ud800 killed five people in Kut."}',
        "[" * 100_000 + "]" * 100_000,
        '{"id": "digits", "text": "x", "n": ' + "9" * 4301 + "}",
        '{"id": "nul", "text": "Gunmen\\u0000 killed three in Baquba.", "title": "A\\u0000B"}',
        "{" * 50_000,
        '{"id": "ok", "text": "A bomb wounded nine people in Mosul on Monday, police said."}',
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    documents = {i.id: i for i in items if not isinstance(i, Exception)}
    errors = [i for i in items if isinstance(i, Exception)]
    assert set(documents) == {"surrogate", "nul", "ok"}
    assert documents["surrogate"].text == "A bomb \ufffd killed five people in Kut."
    assert documents["nul"].text == "Gunmen killed three in Baquba." and documents["nul"].title == "AB"
    assert [e.where for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert "nested too deeply" in str(errors[0]) and "digits" in str(errors[1])
    assert all("\n" not in str(e) for e in errors)
