"""Readers, dispatch and bad input (dateline.ingest)."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from pathlib import Path

import httpx
import pytest

import dateline.ingest as ingest
from dateline.errors import IngestError
from dateline.ingest import count_sources, document_from_text, iter_documents, read_file
from dateline.models import Document
from shared_data import SAMPLE

PROSE = "A car bomb killed twelve people in Amara on Monday, police said.\n\nThe governor blamed militiamen.\n"
ARTICLE_HTML = """<html><head><title>Bomb in Amara | Iraq Wire</title>
<meta property="og:site_name" content="Iraq Wire"><meta name="author" content="Kim Gamel">
<meta property="article:published_time" content="2008-06-20">
<link rel="canonical" href="https://example.org/2008/06/amara.html"></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Bomb in Amara</h1>
<p>A car bomb killed twelve people in Amara on Monday, police officials in Maysan province said.</p>
<p>The governor blamed militiamen loyal to the Sadrists for the attack on the market.</p>
<p>Gamel, Kim, “Al-Sadr followers warn against arrests,” Associated Press, 6/16/08</p>
<p>Reid, Robert, “Iraq to expand crackdown,” Associated Press, 4/3/08</p>
</article>
<div id="comments"><h3>2 comments:</h3><div class="comment"><p>Thanks for this clear report on Amara.</p></div></div>
</body></html>"""
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Iraq Wire</title><link>https://example.org/</link>
<item><title>Bomb in Amara</title><link>https://example.org/1</link><guid>tag:example.org,2008:1</guid>
<pubDate>Fri, 20 Jun 2008 10:00:00 +0000</pubDate>
<description>&lt;p&gt;A car bomb killed twelve people in Amara.&lt;/p&gt;&lt;p&gt;Police said so.&lt;/p&gt;</description></item>
<item><title>Clashes in Basra</title><link>https://example.org/2</link>
<description>Clashes broke out in Basra between police and militiamen.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id><updated>2008-06-21T00:00:00Z</updated>
<entry><title>Raid in Sadr City</title><id>urn:entry:1</id><link href="https://example.org/a1"/>
<updated>2008-06-21T08:00:00Z</updated><content type="html">&lt;p&gt;Troops raided homes in Sadr City.&lt;/p&gt;</content></entry>
</feed>"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def run(sources: list[str], **kwargs) -> tuple[list[Document], list[IngestError]]:
    items = list(iter_documents(sources, **kwargs))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, IngestError)]


def test_public_api_is_exactly_all() -> None:
    public = {name for name in dir(ingest) if not name.startswith("_")}
    modules = {"day_first", "decode", "feed", "html", "jsonl", "plaintext", "references", "sections", "sources", "url", "annotations",
               "copies", "outlets", "language", "guard"}
    assert public - modules == set(ingest.__all__)
    assert ingest.DEFAULT_MAX_BYTES == 20 * 1024 * 1024


# --- the sample -------------------------------------------------------------------------------


def test_sample_document() -> None:
    (doc,) = read_file(SAMPLE)
    assert doc.published == "2008-06-20"
    assert doc.title == "Operation Promise of Peace in Maysan Province"
    assert doc.text == SAMPLE.read_text(encoding="utf-8")
    assert doc.origin == str(SAMPLE)
    assert doc.id.startswith("sha1-") and len(doc.id) == 21
    (body,) = doc.body_sections()
    prose = doc.text[body.start : body.end].strip()
    assert prose.startswith("On June 19, 2008") and prose.endswith("will not have their support.")
    assert "Associated Press" not in prose and "No comments" not in prose
    assert len(doc.references) == 10
    dates = {r.author: r.date for r in doc.references if r.author}
    assert dates["Kim Gamel"] == "2008-06-16"
    assert dates["John Burns"] == "2006-10-22"
    assert dates["Reidar Visser"] == "2008-05"


# --- readers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt", "June 20, 2008\n\nBomb in Amara\n\n" + PROSE, {"title": "Bomb in Amara", "published": "2008-06-20"}),
        ("a.text", "Bomb in Amara\r\n\r\n" + PROSE.replace("\n", "\r\n"), {"title": "Bomb in Amara", "published": None}),
        ("a.md", "# Bomb in Amara\n\n" + PROSE, {"title": "Bomb in Amara"}),
        ("a.markdown", "---\ntitle: Bomb in Amara\ndate: 2008-06-20\n---\n" + PROSE, {"title": "Bomb in Amara", "published": "2008-06-20"}),
        ("a.html", ARTICLE_HTML, {"title": "Bomb in Amara", "published": "2008-06-20", "source": "Iraq Wire",
                                 "author": "Kim Gamel", "id": "https://example.org/2008/06/amara.html"}),
        ("page.dat", ARTICLE_HTML, {"title": "Bomb in Amara", "source": "Iraq Wire"}),  # sniffed
        ("notes", PROSE, {"title": None, "published": None}),  # no extension: plain text
    ],
)
def test_single_document_readers(tmp_path: Path, name: str, content: str, expected: dict) -> None:
    path = write(tmp_path, name, content)
    (doc,) = read_file(path)
    for key, value in expected.items():
        assert getattr(doc, key) == value, key
    assert doc.origin == str(path)
    assert "twelve people in Amara" in "".join(doc.text[s.start : s.end] for s in doc.body_sections())


def test_plain_text_keeps_file_text_with_normalised_newlines(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Title Here\r\n\r\nBody line one.\rBody line two.\r\n")
    (doc,) = read_file(path)
    assert doc.text == "Title Here\n\nBody line one.\nBody line two.\n"


def test_html_references_and_comments_are_not_body(tmp_path: Path) -> None:
    (doc,) = read_file(write(tmp_path, "a.html", ARTICLE_HTML))
    body = "".join(doc.text[s.start : s.end] for s in doc.body_sections())
    comments = "".join(doc.text[s.start : s.end] for s in doc.sections if s.kind == "comments")
    assert "Associated Press" not in body and "Thanks for this" not in body
    assert "Thanks for this clear report" in comments
    assert [r.date for r in doc.references] == ["2008-06-16", "2008-04-03"]
    assert doc.sections[-1].kind == "comments" and doc.sections[-1].end == len(doc.text)


def test_html_without_date_has_no_published(tmp_path: Path) -> None:
    html = "<html><body><article><p>" + "Fighting continued in Basra for a third day, officials said. " * 3 + "</p></article></body></html>"
    (doc,) = read_file(write(tmp_path, "a.html", html))
    assert doc.published is None


def test_jsonl_reader(tmp_path: Path) -> None:
    lines = [
        {"id": 7, "text": PROSE, "published": "2008-06-20T10:00:00Z", "title": "T", "url": "https://x/1", "source": "AP"},
        {"text": PROSE + "Another.", "url": "https://x/2"},
        {"text": "Only text here, nothing else about it."},
    ]
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    first, second, third = read_file(path)
    assert (first.id, first.published, first.title, first.url, first.source) == ("7", "2008-06-20", "T", "https://x/1", "AP")
    assert second.id == "https://x/2"
    raw = "Only text here, nothing else about it."
    assert third.id == "sha1-" + hashlib.sha1(raw.encode()).hexdigest()[:16]
    assert third.content_hash and third.published is None


def test_json_array_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([{"id": "a", "text": PROSE}, {"id": "b", "text": PROSE}], indent=2))
    assert [d.id for d in read_file(path)] == ["a", "b"]


@pytest.mark.parametrize(
    ("name", "content", "ids", "titles", "published", "source"),
    [
        ("a.rss", RSS, ["tag:example.org,2008:1", "https://example.org/2"], ["Bomb in Amara", "Clashes in Basra"],
         ["2008-06-20", None], "Iraq Wire"),
        ("a.atom", ATOM, ["urn:entry:1"], ["Raid in Sadr City"], ["2008-06-21"], "Atom Wire"),
        ("feed.unknown", RSS, ["tag:example.org,2008:1", "https://example.org/2"], ["Bomb in Amara", "Clashes in Basra"],
         ["2008-06-20", None], "Iraq Wire"),
    ],
)
def test_feed_reader(tmp_path: Path, name: str, content: str, ids: list, titles: list, published: list, source: str) -> None:
    docs = read_file(write(tmp_path, name, content))
    assert [d.id for d in docs] == ids
    assert [d.title for d in docs] == titles
    assert [d.published for d in docs] == published
    assert {d.source for d in docs} == {source}
    assert all("<p>" not in d.text for d in docs)


def test_feed_html_is_stripped_into_paragraphs(tmp_path: Path) -> None:
    doc = read_file(write(tmp_path, "a.rss", RSS))[0]
    assert doc.text == "A car bomb killed twelve people in Amara.\n\nPolice said so."
    assert doc.url == "https://example.org/1"


def test_document_from_text_fallbacks() -> None:
    doc = document_from_text("Friday, June 20, 2008\n\nHeadline\n\n" + PROSE, published="garbage", id=12)
    assert (doc.id, doc.published, doc.title) == ("12", "2008-06-20", "Headline")
    assert [s.kind for s in doc.sections] == ["header", "body"]


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file, not text (expected HTML, text, JSON lines or a feed)"),
        ("a.bin", bytes(range(256)) * 8, "binary file, not text"),
        ("a.txt", bytes((i * 97) % 128 + 128 for i in range(3000)), "not UTF-8 and no text encoding fits it"),
        ("a.txt", b"", "empty file"),
        ("a.txt", b"  \n\t\n  ", "empty file"),
        ("a.jsonl", b"\n\n", "empty file"),
        ("a.html", b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "no main text found in HTML"),
        ("a.html", b"<html><head><title>x</title></head><body></body></html>", "no main text found in HTML"),
        ("a.rss", b"<?xml version='1.0'?><rss><channel><item>", "malformed feed"),
        ("a.xml", b"<?xml version='1.0'?><catalog><book id='1'/></catalog>", "not a readable feed"),
        ("a.rss", b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title></channel></rss>", "feed has no entries"),
        ("a.json", b'{"id": "x", "text": ', "not valid JSON"),
    ],
)
def test_bad_input_yields_one_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = write(tmp_path, name, content)
    docs, errors = run([str(path)])
    assert docs == []
    assert len(errors) == 1
    assert errors[0].where == str(path)
    assert message in str(errors[0])
    assert "\n" not in str(errors[0])
    with pytest.raises(IngestError):
        read_file(path)


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    docs, errors = run([str(tmp_path / "nope.txt"), str(SAMPLE)])
    assert len(docs) == 1
    assert "no such file" in str(errors[0])


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = "The café in Amara was closed, déjà vu for its owner.\n\nHe said the market was quiet.\n"
    if encoding == "cp1252":
        text = "Maliki’s “Promise of Peace” – the café in Amara was closed, déjà vu.\n\nHe said it was quiet.\n"
    (doc,) = read_file(write(tmp_path, "a.txt", text.encode(encoding)))
    assert doc.text == text


def test_oversized_file_is_refused_by_size_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk or memory
    tracemalloc.start()
    try:
        docs, errors = run([str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert docs == []
    assert str(errors[0]) == f"{path}: file is 50.0 MB, over the 20 MB limit (split it, or raise --max-bytes)"
    assert peak < 2 * 1024 * 1024


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Headline\n\n" + PROSE * 20)
    _, errors = run([str(path)], max_bytes=100)
    assert "over the" in str(errors[0])


def test_jsonl_bad_lines_do_not_stop_good_ones(tmp_path: Path) -> None:
    content = "\n".join(
        [
            json.dumps({"id": "1", "text": PROSE}),
            '{"id": "2", "text": "unterminated',
            json.dumps({"id": "3", "title": "no text"}),
            json.dumps(["not", "an", "object"]),
            "",
            json.dumps({"id": "6", "text": PROSE}),
        ]
    )
    path = write(tmp_path, "a.jsonl", content)
    docs, errors = run([str(path)])
    assert [d.id for d in docs] == ["1", "6"]
    assert [e.where for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "not valid JSON" in str(errors[0]) and '"text"' in str(errors[1]) and "not an object" in str(errors[2])
    assert [d.id for d in read_file(path)] == ["1", "6"]


def test_jsonl_limit_is_per_line(tmp_path: Path) -> None:
    small = json.dumps({"id": "s", "text": PROSE})
    big = json.dumps({"id": "b", "text": "x " * 5000})
    path = write(tmp_path, "a.jsonl", "\n".join([small, big, small.replace('"s"', '"t"')]) + "\n")
    docs, errors = run([str(path)], max_bytes=1000)
    assert [d.id for d in docs] == ["s", "t"]
    assert errors[0].where == f"{path}:2" and "line is 0.0 MB, over the" in str(errors[0])


def test_jsonl_whole_file_unusable_raises(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", "{bad\n{worse\n")
    with pytest.raises(IngestError, match="no usable document"):
        read_file(path)


# --- directories -----------------------------------------------------------------------------


def test_directory_with_mixed_files(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root, "b.html", ARTICLE_HTML)
    write(root, "a.txt", "Headline\n\n" + PROSE)
    write(root, "sub/c.jsonl", json.dumps({"id": "c1", "text": PROSE}) + "\n" + json.dumps({"id": "c2", "text": PROSE}))
    write(root, "sub/d.rss", RSS)
    write(root, "z.txt", b"\x00\x01binary")
    write(root, "photo.png", b"\x89PNG\x00")  # skipped in directory walks
    write(root, ".hidden.txt", PROSE)
    write(root, ".git/config.txt", PROSE)
    assert count_sources([str(root), "https://example.org/x"]) == 6
    docs, errors = run([str(root)])
    assert [Path(d.origin).name for d in docs] == ["a.txt", "b.html", "c.jsonl", "c.jsonl", "d.rss", "d.rss"]
    assert len(errors) == 1 and errors[0].where == str(root / "z.txt")


# --- URLs ------------------------------------------------------------------------------------


def mock_client(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)


def test_url_html_page() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=ARTICLE_HTML, headers={"content-type": "text/html; charset=utf-8"})

    docs, errors = run(["https://example.org/amara"], http_client=mock_client(handler))
    assert errors == []
    assert docs[0].origin == "https://example.org/amara" and docs[0].title == "Bomb in Amara"


def test_url_plain_text_uses_url_as_id() -> None:
    client = mock_client(lambda request: httpx.Response(200, text=PROSE, headers={"content-type": "text/plain"}))
    (doc,), _ = run(["http://example.org/a.txt"], http_client=client)
    assert doc.id == doc.url == "http://example.org/a.txt"


@pytest.mark.parametrize(
    ("handler", "message"),
    [
        (lambda request: httpx.Response(500), "HTTP 500 Internal Server Error"),
        (lambda request: httpx.Response(404), "HTTP 404 Not Found"),
        (lambda request: (_ for _ in ()).throw(httpx.ConnectError("connection refused", request=request)), "ConnectError"),
        (lambda request: (_ for _ in ()).throw(httpx.ReadTimeout("slow", request=request)), "timed out"),
    ],
)
def test_url_failures_are_errors(handler, message: str, tmp_path: Path) -> None:
    good = write(tmp_path, "a.txt", PROSE)
    docs, errors = run(["https://example.org/down", str(good)], http_client=mock_client(handler))
    assert len(docs) == 1
    assert errors[0].where == "https://example.org/down"
    assert message in str(errors[0])


def test_no_client_is_made_without_urls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def refuse() -> httpx.Client:
        raise AssertionError("network client created for local files")

    monkeypatch.setattr("dateline.ingest.sources.new_client", refuse)
    docs, _ = run([str(write(tmp_path, "a.txt", PROSE))])
    assert len(docs) == 1


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": PROSE}), json.dumps({"id": "b", "text": PROSE})]
    assert [d.id for d in read_file(write(tmp_path, "a.json", "\n".join(lines)))] == ["a", "b"]
