"""Dispatch: expand directories, pick a reader per file (extension, then content), fetch URLs."""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx

from dateline.budget import document_name
from dateline.errors import IngestError
from dateline.models import Document

from .day_first import DayFirstOption
from .decode import (
    BINARY_HINT,
    DEFAULT_MAX_BYTES,
    HEAD_BYTES,
    check_size,
    decode_bytes,
    looks_binary,
    read_head,
)
from .feed import iter_feed, looks_like_feed
from .html import read_html
from .jsonl import iter_json_file, iter_jsonl, iter_jsonl_stream
from .outlets import fill_outlet
from .plaintext import document_from_text, read_plaintext
from .url import fetch, is_url, new_client

logger = logging.getLogger(__name__)

__all__ = ["count_sources", "expand_sources", "iter_documents", "iter_path", "read_file"]

TEXT, HTML, JSONL, JSON, FEED = "text", "html", "jsonl", "json", "feed"
_BY_EXTENSION = {
    **dict.fromkeys((".txt", ".text", ".md", ".markdown"), TEXT),
    **dict.fromkeys((".html", ".htm", ".xhtml"), HTML),
    **dict.fromkeys((".jsonl", ".ndjson"), JSONL),
    ".json": JSON,
    **dict.fromkeys((".xml", ".rss", ".atom", ".rdf"), FEED),
}
# Files a directory walk passes over (named explicitly, they are still tried and reported).
_SKIP_IN_DIRECTORIES = frozenset(
    ".png .jpg .jpeg .gif .webp .bmp .ico .svg .pdf .zip .gz .tgz .bz2 .xz .7z .tar .mp3 .mp4"
    " .avi .mov .woff .woff2 .ttf .pyc .so .exe .db .sqlite .sqlite3 .parquet".split()
)
# A database's companions ("dateline.db-wal", "-shm", "-journal"): `dateline ingest .` run
# beside its own database must not read them.
_SKIP_NAME_ENDINGS = ("-wal", "-shm", "-journal")


def _skipped_in_directory(name: str) -> bool:
    return name.startswith(".") or Path(name).suffix.lower() in _SKIP_IN_DIRECTORIES or name.lower().endswith(_SKIP_NAME_ENDINGS)
_CONTENT_TYPES = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "application/rss+xml": FEED,
    "application/atom+xml": FEED,
    "application/rdf+xml": FEED,
    "application/json": JSON,
    "application/x-ndjson": JSONL,
    "application/jsonl": JSONL,
    "application/x-jsonlines": JSONL,
    "text/plain": TEXT,
    "text/markdown": TEXT,
}


def expand_sources(sources: Sequence[str]) -> Iterator[str]:
    """Each source, with directories replaced by their files (recursive, sorted; hidden files,
    databases and binary types passed over); a directory with no such file stays itself."""
    for source in map(os.fspath, sources):
        path = Path(source)
        if is_url(source) or not path.is_dir():
            yield source
            continue
        found = []
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(Path(root, name) for name in files if not _skipped_in_directory(name))
        if not found:
            yield source  # read as a directory: one error that says it holds nothing to read
        yield from (str(p) for p in sorted(found, key=lambda p: p.parts))


def count_sources(sources: Sequence[str]) -> int:
    """How many inputs iter_documents will read (files after expanding directories; a URL or an
    empty directory is 1)."""
    return sum(1 for _ in expand_sources(sources))


def _sniff(head: bytes) -> str:
    """The reader for content whose extension says nothing."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    lower = text[:2000].lower()
    if looks_like_feed(text):
        return FEED
    if lower.startswith(("<!doctype html", "<html")) or (lower.startswith("<") and "<body" in lower):
        return HTML
    first = text.split("\n", 1)[0].strip()
    if first.startswith("{"):
        if b"\n" not in head and len(head) >= HEAD_BYTES:
            return JSONL  # one object line longer than the head
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return JSON if first == "{" else TEXT
        return JSONL
    if first.startswith("["):
        return JSON
    return TEXT


def _open_checks(path: Path) -> int:
    """Size of a readable regular file, or IngestError saying why it cannot be read."""
    where = str(path)
    if not path.exists():
        raise IngestError("no such file or directory", where=where, hint="check the path")
    if path.is_dir():
        raise IngestError("is a directory", where=where, hint="pass it to iter_documents to read its files")
    if not path.is_file():
        raise IngestError("not a regular file", where=where, hint="give a text, HTML, JSON lines or feed file")
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file", where=where, hint="nothing to read")
    return size


def iter_path(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, day_first: DayFirstOption = False
) -> Iterator[Document | IngestError]:
    """Documents from one file, and IngestErrors for bad lines or entries inside it.

    Raises IngestError when the file as a whole cannot be read. Files other than JSON lines over
    `max_bytes` are refused by their size, before any reading.
    """
    where = str(path)
    size = _open_checks(path)
    kind = _BY_EXTENSION.get(path.suffix.lower())
    if kind not in (None, JSONL, JSON):
        check_size(size, max_bytes, where=where)
    try:
        head = read_head(path)
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror}", where=where, hint="check permissions") from exc
    if looks_binary(head) and not looks_like_feed(head.decode("utf-8", "replace")):
        # a feed is XML by its first line, whatever stray control bytes an entry holds
        raise IngestError("binary file, not text", where=where, hint=BINARY_HINT)
    if kind in (None, JSON):
        sniffed = _sniff(head)
        kind = sniffed if kind is None or sniffed == JSONL else kind
    if kind == JSONL:
        yield from _non_empty(iter_jsonl(path, max_bytes=max_bytes, day_first=day_first), where)
        return
    check_size(size, max_bytes, where=where)
    data = path.read_bytes()
    yield from _read_data(data, kind=kind, origin=where, day_first=day_first)


def _non_empty(items: Iterator[Document | IngestError], where: str) -> Iterator[Document | IngestError]:
    """Pass items through; an input with no non-blank line at all is an empty file."""
    seen = False
    for item in items:
        seen = True
        yield item
    if not seen:
        raise IngestError("empty file", where=where, hint="nothing to read")


def _read_data(
    data: bytes, *, kind: str, origin: str, url: str | None = None, day_first: DayFirstOption = False
) -> Iterator[Document | IngestError]:
    """Documents from a whole input already in memory, read as `kind`."""
    if kind == FEED:
        if not data.strip():
            raise IngestError("empty file", where=origin, hint="nothing to read")
        yield from iter_feed(data, origin=origin, day_first=day_first)
        return
    text = decode_bytes(data, where=origin)
    if kind == HTML:
        yield read_html(text, origin=origin, url=url, day_first=day_first)
    elif kind == JSON:
        yield from iter_json_file(origin, text, day_first=day_first)
    elif url is not None:
        yield document_from_text(text, id=url, url=url, origin=origin, day_first=day_first)
    else:
        yield read_plaintext(text, origin=origin, day_first=day_first)


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, day_first: DayFirstOption = False) -> list[Document]:
    """The documents in one file; IngestError if it gives none.

    A JSON-lines file or feed returns its good documents and logs its bad lines; it raises only
    when no line is usable.
    """
    path = Path(path)
    documents: list[Document] = []
    errors: list[IngestError] = []
    for item in iter_path(path, max_bytes=max_bytes, day_first=day_first):
        if isinstance(item, IngestError):
            logger.warning("%s", item)
            errors.append(item)
        else:
            documents.append(item)
    if not documents:
        first = errors[0] if errors else None
        raise IngestError(
            f"no usable document ({len(errors)} bad, first: {first})",
            where=str(path),
            hint=first.hint if first else None,
        )
    return documents


def _iter_url(
    url: str, *, client: httpx.Client, max_bytes: int, day_first: DayFirstOption
) -> Iterator[Document | IngestError]:
    fetched = fetch(url, client=client, max_bytes=max_bytes)
    if looks_binary(fetched.data[:HEAD_BYTES]) and not looks_like_feed(fetched.data[:2000].decode("utf-8", "replace")):
        raise IngestError("binary content, not text", where=url, hint=BINARY_HINT)
    kind = _CONTENT_TYPES.get(fetched.content_type)
    if kind in (None, JSON) or (kind == FEED and not looks_like_feed(fetched.data[:2000].decode("utf-8", "replace"))):
        sniffed = _sniff(fetched.data[:HEAD_BYTES])
        kind = sniffed if kind is None or sniffed == JSONL else kind
    if kind == JSONL:
        stream = io.BytesIO(fetched.data)
        yield from iter_jsonl_stream(stream, origin=url, max_bytes=max_bytes, day_first=day_first)
        return
    yield from _read_data(fetched.data, kind=kind, origin=url, url=fetched.final_url, day_first=day_first)


def iter_documents(
    sources: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    http_client: httpx.Client | None = None,
    day_first: DayFirstOption = False,
) -> Iterator[Document | IngestError]:
    """Every document from paths, directories and URLs; an IngestError (yielded, not raised)
    for each bad input or bad line, so one batch run reads all that can be read."""
    client, own_client = http_client, False
    try:
        for source in expand_sources(sources):
            if Path(source).is_dir() and not is_url(source):
                yield IngestError("no files to read in this directory", where=source,
                                  hint="hidden files, databases and images are passed over")
                continue
            if is_url(source):
                if client is None:
                    client, own_client = new_client(), True
                items = _iter_url(source, client=client, max_bytes=max_bytes, day_first=day_first)
            else:
                items = iter_path(Path(source), max_bytes=max_bytes, day_first=day_first)
            yield from _guarded(items, source)
    finally:
        if own_client and client is not None:
            client.close()


def _guarded(items: Iterator[Document | IngestError], source: str) -> Iterator[Document | IngestError]:
    """Pass items through (with their outlet filled where the text or URL names it), turning a
    failure of the whole source into one yielded IngestError."""
    try:
        for item in items:
            if isinstance(item, Document) and not item.text.strip():
                # what decoding a whole file left can be nothing but controls: one error, the next item read on
                yield IngestError("no text left after removing control characters", where=document_name(item),
                                  hint="the input holds only control or invisible characters")
                continue
            yield fill_outlet(item) if isinstance(item, Document) else item
    except IngestError as err:
        yield err
    except OSError as exc:
        yield IngestError(f"cannot read: {exc.strerror or exc}", where=source, hint="check the path and permissions")
    except Exception as exc:  # noqa: BLE001 - a batch must go on past a reader's bug on one input
        logger.exception("unexpected failure reading %s", source)
        yield IngestError(
            f"unexpected error: {type(exc).__name__}: {exc}", where=source, hint="please report this input"
        )
