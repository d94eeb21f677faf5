"""Generated hostile input for the readers and the pipeline, and the properties every case must keep.

Shared by tests/test_fuzz.py (a small, fixed-seed run in the suite) and bench/fuzz.py (a longer,
random run that counts cases and failures). Each ``check_*`` takes one generated case and raises
AssertionError naming what broke; the properties (issue 16):

* no unexpected exception: a reader yields Documents and IngestErrors, only DatelineErrors are
  raised, and every error is one line;
* within budget: no case takes longer than ``CASE_SECONDS`` (the inputs are a few KB, so a case
  near that limit is a super-linear path, not a slow machine);
* isolation: a good record beside bad ones is never lost;
* what is stored is clean: no control characters or NUL in a Document's text, sections and
  references inside the text.
"""

from __future__ import annotations

import io
import json
import string
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from dateline.errors import DatelineError, IngestError
from dateline.ingest import iter_documents
from dateline.ingest.decode import clean_text
from dateline.ingest.feed import iter_feed
from dateline.ingest.html import read_html
from dateline.ingest.jsonl import iter_jsonl_stream
from dateline.ingest.plaintext import read_plaintext
from dateline.models import Document

__all__ = [
    "CASE_SECONDS", "CHECKS", "FuzzCheck", "check_feed", "check_html", "check_jsonl", "check_pipeline",
    "check_plaintext", "check_walker", "feed_cases", "file_trees", "html_pages", "jsonl_files",
    "pipeline_batches", "texts",
]

# Inputs stay under ~20 KB: every reader is linear, so even a loaded machine reads one in well under this.
CASE_SECONDS = 10.0
# The pipeline's own budget per document (Budget.seconds) is larger; a batch of a few short
# generated documents must finish far inside it.
PIPELINE_SECONDS = 60.0

# --- building blocks of hostile text ------------------------------------------------------------

# Pieces that real documents and known attacks are made of: header lines, dates, a reference list,
# citation-like lines (the backtracking trap of issue 16), markup, controls, invisible marks.
_FRAGMENTS = [
    "References", "Sources:", "Comments", "By Kim Gamel", "Title: Clashes in Amarah", "Date: 2008-06-19",
    "BAGHDAD BUREAU UPDATE NUMBER 20080619 #3: \"Twenty killed,\" officials said.",
    "Gamel, Kim, “Al-Sadr followers warn,” Associated Press, 6/16/08",
    "\"Title,\" Reuters, 6/16/08", "Al-" * 20 + "#", "A" * 60 + " # ", "-" * 40,
    "Gunmen killed three policemen in Amarah on Tuesday.", "A roadside bomb wounded 4 soldiers near Basra.",
    "31/12/2008", "2008-02-30", "99/99/9999", "June 31, 2008", "http://[oops/x", "https://ex\uff03ample.com/a",
    "<script>alert(1)</script>", "&#xD800;", "&#0;", "\x00", "\x01", "\x1b[31m", "\u202e", "\u200b", "\ufeff",
    "\ud800", "\udfff", "\ufffe", "\r\n", "\r", "\n\n", "\t", "\x0c", "=cmd|' /C calc'!A0", "9" * 400,
]
_ANY_CHAR = st.characters(exclude_categories=[])  # every code point, lone surrogates and controls included
texts = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(_ANY_CHAR, max_size=40)), max_size=30).map(
    lambda parts: " ".join(parts) if len(parts) % 3 else "\n".join(parts))
# Article-like text with a good chance of real sentences, for the readers that need some words.
_WORDS = st.sampled_from("killed wounded attack bomb police Amarah Basra Kirkuk on in the Tuesday 2008 "
                         "three civilians said soldiers gunmen near of June a".split())
words_text = st.lists(_WORDS, min_size=8, max_size=60).map(" ".join)


def _assert_clean(document: Document) -> None:
    """What a reader hands on is storable and its offsets are sane."""
    text = document.text
    assert text.strip(), f"{document.id!r}: empty text"
    bad = {ch for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f" or 0xD800 <= ord(ch) <= 0xDFFF}
    assert not bad, f"{document.id!r}: control characters or surrogates kept: {sorted(map(ord, bad))}"
    for value in (document.id, document.title, document.url, document.source, document.author):
        assert value is None or "\x00" not in value, f"{document.id!r}: NUL in metadata"
    for section in document.sections:
        assert 0 <= section.start <= section.end <= len(text), f"{document.id!r}: section outside text"
    for reference in document.references:
        assert 0 <= reference.start <= reference.end <= len(text), f"{document.id!r}: reference outside text"


def _assert_one_line(err: DatelineError) -> None:
    message = str(err)
    assert message and "\n" not in message and "\r" not in message, f"error is not one line: {message!r}"


@contextmanager
def _timed(what: str, limit: float = CASE_SECONDS) -> Iterator[None]:
    started = time.perf_counter()
    yield
    spent = time.perf_counter() - started
    assert spent < limit, f"{what} took {spent:.1f} s (limit {limit:g} s)"


def _items(produce: Callable[[], Iterator[Document | IngestError]]) -> list[Document | IngestError]:
    """Every item of a reader; only IngestError may be raised (as the whole input's failure)."""
    try:
        items = list(produce())
    except DatelineError as err:
        _assert_one_line(err)
        return [err] if isinstance(err, IngestError) else []
    for item in items:
        assert isinstance(item, (Document, IngestError)), f"unexpected item {type(item).__name__}"
        if isinstance(item, Document):
            _assert_clean(item)
        else:
            _assert_one_line(item)
    return items


# --- plain text --------------------------------------------------------------------------------

def check_plaintext(text: str) -> None:
    if not text.strip():
        return
    with _timed("read_plaintext"):
        _items(lambda: iter([read_plaintext(text, origin="fuzz.txt")]))


# --- HTML --------------------------------------------------------------------------------------

_TAGS = ["p", "div", "span", "article", "script", "style", "title", "h1", "table", "td", "a", "br", "html",
         "body", "head", "meta", "!--", "![CDATA[", "svg", "iframe", "template"]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Pages of random, often unbalanced markup around article-like and hostile text."""
    parts = ["<html><head><title>", draw(texts), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(_TAGS))
        closing = draw(st.booleans())
        body = draw(st.one_of(words_text, texts))
        parts.append(f"<{tag}>{body}" + (f"</{tag}>" if closing else ""))
    if draw(st.booleans()):
        parts.append("</body></html>")
    return "".join(parts)


def check_html(page: str) -> None:
    with _timed("read_html"):
        _items(lambda: iter([read_html(page, origin="fuzz.html")]))


# --- feeds -------------------------------------------------------------------------------------

GOOD_ENTRY_TEXT = "Gunmen killed three policemen in Amarah on Tuesday, police said."


@dataclass(frozen=True)
class FeedCase:
    data: bytes
    good_link: str | None  # the link of an intact entry that must come out, when the XML stays well formed


def _hostile_value(text: str) -> str:
    """Hostile content that keeps the XML's structure: escaped, but with raw controls and
    forbidden character references let through (what broken feeds carry)."""
    out = escape(text).replace("\x00", "&#0;")
    return out.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


@st.composite
def feed_cases(draw: st.DrawFn) -> FeedCase:
    kind = draw(st.sampled_from(["rss", "atom"]))
    entries = []
    for number in range(draw(st.integers(0, 5))):
        title, summary = _hostile_value(draw(texts)), _hostile_value(draw(st.one_of(texts, words_text)))
        link = "https://feed.example/" + _hostile_value(draw(st.text(_ANY_CHAR, max_size=12)))
        date = _hostile_value(draw(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=20))))
        if draw(st.booleans()):
            summary = f"<![CDATA[{draw(texts).replace(']]>', '')}]]>".encode("utf-8", "replace").decode()
        entries.append((title, summary, link, date))
    good_link = "https://feed.example/good"
    position = draw(st.integers(0, len(entries)))
    entries.insert(position, ("Amarah attack", GOOD_ENTRY_TEXT, good_link, "Tue, 17 Jun 2008 10:00:00 GMT"))
    if kind == "rss":
        items = "".join(f"<item><title>{t}</title><link>{escape(k) if k == good_link else k}</link>"
                        f"<pubDate>{d}</pubDate><description>{s}</description></item>" for t, s, k, d in entries)
        xml = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'
    else:
        items = "".join(f"<entry><title>{t}</title><link href=\"{k}\"/><id>{k}</id><updated>{d}</updated>"
                        f"<summary type=\"{draw(st.sampled_from(['text', 'html', 'xhtml']))}\">{s}</summary></entry>"
                        for t, s, k, d in entries)
        xml = f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{items}</feed>'
    data = xml.encode("utf-8")
    # controls inside the hostile values, raw bytes, as broken feeds carry them
    if draw(st.booleans()):
        spot = draw(st.integers(0, len(data)))
        data = data[:spot] + draw(st.sampled_from([b"\x00", b"\x01", b"\x1f", b"\xff\xfe", b"\xed\xa0\x80"])) + data[spot:]
        good_link = None  # the byte may land inside the good entry or the XML's skeleton
    return FeedCase(data, good_link)


def check_feed(case: FeedCase) -> None:
    with _timed("iter_feed"):
        items = _items(lambda: iter_feed(case.data, origin="fuzz.xml"))
    if case.good_link is not None:
        texts_out = [item.text for item in items if isinstance(item, Document)]
        assert any(GOOD_ENTRY_TEXT in text for text in texts_out), "the intact feed entry was lost"


# --- JSON lines --------------------------------------------------------------------------------

@dataclass(frozen=True)
class JsonlCase:
    data: bytes
    good: tuple[tuple[str, str], ...]  # (id, text) of the intact records, which must all come out


_BAD_LINES = st.one_of(
    st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" ").replace(b"\r", b" ")),
    st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n),  # nested deeper than the parser allows
    st.integers(1, 3000).map(lambda n: b'{"text": ' * n + b'"x"' + b"}" * n),
    st.just(b'{"text": "x", "n": ' + b"9" * 5000 + b"}"),  # past sys.int_max_str_digits
    st.sampled_from([b"null", b"[]", b"42", b'"text"', b'{"text": 3}', b'{"text": ""}', b"{", b'{"id": 1}',
                     b'{"text": "x", "published": {"a": 1}}', b'{"text": "a\\ud800b", "url": "http://[oops/x"}',
                     b'{"text": "\\u0000", "id": "\\u0000"}', b"\xef\xbb\xbf{}", b"\xff\xfe{", b"\xed\xa0\x80"]),
    st.dictionaries(st.sampled_from(["id", "text", "title", "url", "source", "author", "published", "date",
                                     "day_first"]),
                    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts, st.lists(st.integers(), max_size=3)),
                    max_size=7).map(lambda d: json.dumps(d).encode("utf-8", "surrogatepass")),
)


@st.composite
def jsonl_files(draw: st.DrawFn) -> JsonlCase:
    lines: list[bytes] = []
    good = []
    for number in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            record_id = f"good-{number}"
            text = draw(st.one_of(words_text, texts.filter(str.strip)))
            fields = {"id": record_id, "text": text,
                      **draw(st.fixed_dictionaries({}, optional={
                          "title": texts, "url": st.sampled_from(["http://[oops/x", "https://a.example/x", "", "javascript:x"]),
                          "published": st.one_of(st.sampled_from(_FRAGMENTS), st.integers(), st.none()),
                          "source": texts, "author": texts, "day_first": st.booleans()}))}
            line = json.dumps(fields, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
            if _is_utf8(line):  # JSON lines are UTF-8: a raw lone surrogate makes the line bad, rightly refused
                good.append((record_id, text))
            lines.append(line)
        else:
            lines.append(draw(_BAD_LINES))
    ending = draw(st.sampled_from([b"\n", b"\r\n"]))
    data = ending.join(lines) + draw(st.sampled_from([b"", ending]))
    return JsonlCase(data, tuple(good))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_jsonl(case: JsonlCase) -> None:
    with _timed("iter_jsonl_stream"):
        items = _items(lambda: iter_jsonl_stream(io.BytesIO(case.data), origin="fuzz.jsonl", max_bytes=1_000_000))
    found = {item.id for item in items if isinstance(item, Document)}
    # a record whose text is nothing but control characters is refused, rightly
    lost = [i for i, text in case.good if i not in found and clean_text(text).strip()]
    assert not lost, f"good records lost: {lost}"


# --- the file and directory walker -------------------------------------------------------------

_NAME_CHARS = string.ascii_letters + string.digits + " -_.é中\n\t'\"$;&|<>"
_EXTENSIONS = ["", ".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom", ".csv", ".db",
               ".png", "-wal", ".TXT"]


@dataclass(frozen=True)
class FileTree:
    files: tuple[tuple[str, bytes], ...]


@st.composite
def file_trees(draw: st.DrawFn) -> FileTree:
    files = []
    for number in range(draw(st.integers(0, 6))):
        name = draw(st.text(_NAME_CHARS, min_size=1, max_size=12)).replace("/", "_").strip() or "x"
        name = f"{number}{name}{draw(st.sampled_from(_EXTENSIONS))}"
        content = draw(st.one_of(
            st.binary(max_size=300),
            texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
            texts.map(lambda t: t.encode("utf-16", "surrogatepass")),
            texts.map(lambda t: t.encode("cp1252", "replace")),
            html_pages().map(lambda t: t.encode("utf-8", "replace")),
            jsonl_files().map(lambda c: c.data),
            feed_cases().map(lambda c: c.data),
        ))
        files.append((name, content))
    return FileTree(tuple(files))


GOOD_FILE = "zz-good.txt"


def check_walker(tree: FileTree) -> None:
    with tempfile.TemporaryDirectory(prefix="dateline-fuzz-") as folder:
        root = Path(folder)
        sub = root / "sub"
        sub.mkdir()
        for index, (name, content) in enumerate(tree.files):
            (sub if index % 2 else root).joinpath(name).write_bytes(content)
        (root / GOOD_FILE).write_text(GOOD_ENTRY_TEXT, encoding="utf-8")
        with _timed("iter_documents", CASE_SECONDS * 2):
            items = _items(lambda: iter_documents([str(root), str(root / "missing.txt")]))
    documents = [item for item in items if isinstance(item, Document)]
    assert any(d.text.strip() == GOOD_ENTRY_TEXT for d in documents), "the good file was lost"
    assert any(isinstance(i, IngestError) and "missing.txt" in str(i) for i in items), "missing file not reported"


# --- the whole pipeline ------------------------------------------------------------------------

@dataclass(frozen=True)
class PipelineBatch:
    texts: tuple[str, ...]
    extra: JsonlCase


@st.composite
def pipeline_batches(draw: st.DrawFn) -> PipelineBatch:
    return PipelineBatch(tuple(draw(st.lists(st.one_of(words_text, texts.filter(str.strip)), min_size=1, max_size=3))),
                         draw(jsonl_files()))


def check_pipeline(batch: PipelineBatch, engine) -> None:  # engine: dateline.pipeline.Engine
    from dateline.pipeline import ingest
    from dateline.store import open_store

    records = [{"id": "good-pipeline", "text": GOOD_ENTRY_TEXT}]
    records += [{"id": f"gen-{n}", "text": text} for n, text in enumerate(batch.texts)]
    with tempfile.TemporaryDirectory(prefix="dateline-fuzz-") as folder:
        root = Path(folder)
        lines = [json.dumps(r).encode("utf-8", "surrogatepass") for r in records]
        (root / "batch.jsonl").write_bytes(b"\n".join(lines) + b"\n")
        (root / "more.jsonl").write_bytes(batch.extra.data or b"\n")
        with open_store(root / "fuzz.db") as store, _timed("ingest", PIPELINE_SECONDS):
            try:
                report = ingest([str(root / "batch.jsonl"), str(root / "more.jsonl")], store=store, engine=engine)
            except DatelineError as err:  # a whole-batch failure is allowed only as one line, never here
                raise AssertionError(f"the batch failed: {err}") from err
            assert store.has_document("good-pipeline"), "the good record was not stored"
            for failure in report.failures:
                assert "\n" not in str(failure), f"failure is not one line: {failure}"
                assert "unexpected error" not in str(failure) and "failed on this document" not in str(failure), str(failure)
            stored = store.count_events()
    assert report.documents >= 1 and stored >= 1, "the good record's event was not stored"


@dataclass(frozen=True)
class FuzzCheck:
    name: str
    strategy: st.SearchStrategy
    check: Callable[..., None]
    needs_engine: bool = False


CHECKS = [
    FuzzCheck("plaintext", texts, check_plaintext),
    FuzzCheck("html", html_pages(), check_html),
    FuzzCheck("feed", feed_cases(), check_feed),
    FuzzCheck("jsonl", jsonl_files(), check_jsonl),
    FuzzCheck("walker", file_trees(), check_walker),
    FuzzCheck("pipeline", pipeline_batches(), check_pipeline, needs_engine=True),
]
