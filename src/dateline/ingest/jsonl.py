"""JSON lines (one document per line), streamed so a large file needs little memory.

Each line is an object ``{"id", "text", "published", "title", "url", "source", "author"}``;
only ``text`` is required. A ``.json`` file holding one object or a list of objects is read too.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dateline.errors import IngestError
from dateline.models import Document

from .day_first import DayFirstOption
from .decode import check_size, normalise_newlines
from .plaintext import document_from_text, require_text

logger = logging.getLogger(__name__)

__all__ = ["document_from_record", "iter_json_file", "iter_jsonl", "iter_jsonl_stream"]

_SKIP_CHUNK = 1024 * 1024
_LINE_HINT = 'each line must be one JSON object like {"id": "...", "text": "..."}'


def document_from_record(
    record: Any, *, where: str, origin: str | None = None, day_first: DayFirstOption = False
) -> Document:
    """A Document from one decoded JSON object; IngestError if it has no usable text."""
    if not isinstance(record, dict):
        raise IngestError(
            f"a JSON {type(record).__name__}, not an object", where=where, hint=_LINE_HINT
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "no \"text\" field" if text is None else "\"text\" is empty or not a string"
        raise IngestError(problem, where=where, hint='give the article text as "text"')
    if isinstance(record.get("day_first"), bool):  # the record's own word outranks the run's rule
        day_first = record["day_first"]
    return require_text(document_from_text(
        normalise_newlines(text),
        id=_optional_str(record.get("id")),
        title=_optional_str(record.get("title")),
        published=record.get("published", record.get("date")),
        url=_optional_str(record.get("url")),
        source=_optional_str(record.get("source")),
        author=_optional_str(record.get("author")),
        origin=origin,
        day_first=day_first,
    ), where=where)


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def iter_jsonl(
    path: Path, *, max_bytes: int, day_first: DayFirstOption = False
) -> Iterator[Document | IngestError]:
    """Documents from a JSON-lines file, and one IngestError per bad line ("path:LINE").

    The size limit applies per line. Raises IngestError only if the file cannot be opened.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise IngestError(
            f"cannot open: {exc.strerror}", where=str(path), hint="check the path and permissions"
        ) from exc
    with handle:
        yield from iter_jsonl_stream(handle, origin=str(path), max_bytes=max_bytes, day_first=day_first)


def iter_jsonl_stream(
    handle: BinaryIO, *, origin: str, max_bytes: int, day_first: DayFirstOption = False
) -> Iterator[Document | IngestError]:
    """Like iter_jsonl, from an open binary stream (a file or a fetched body)."""
    number = 0
    while True:
        raw = handle.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        where = f"{origin}:{number}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            try:
                check_size(len(raw) + _skip_rest_of_line(handle), max_bytes, where=where, what="line")
            except IngestError as err:
                yield err
            continue
        if raw.strip():
            yield _line_document(raw, where=where, origin=origin, first=number == 1, day_first=day_first)


def _line_document(
    raw: bytes, *, where: str, origin: str, first: bool, day_first: DayFirstOption
) -> Document | IngestError:
    try:
        line = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        return IngestError(
            f"line is not UTF-8 ({exc.reason} at byte {exc.start})",
            where=where,
            hint="JSON lines must be UTF-8; re-save the file as UTF-8",
        )
    try:
        record = _loads(line, where=where)
        return document_from_record(record, where=where, origin=origin, day_first=day_first)
    except IngestError as err:
        return err
    except Exception as exc:  # noqa: BLE001 - one record a reader chokes on must not lose the lines after it
        logger.debug("%s failed", where, exc_info=True)
        return IngestError(f"unreadable record ({type(exc).__name__}: {exc})", where=where, hint=_LINE_HINT)


def _loads(text: str, *, where: str, hint: str = _LINE_HINT, whole_file: bool = False) -> Any:
    """json.loads with its three ways to fail on hostile input as one IngestError (the line of a
    syntax error is named for a whole file; a JSON line's number is in `where` already)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno}, column {exc.colno}" if whole_file else f"column {exc.colno}"
        raise IngestError(f"not valid JSON ({exc.msg} at {at})", where=where, hint=hint) from exc
    except RecursionError as exc:
        raise IngestError("JSON nested too deeply", where=where, hint=hint) from exc
    except ValueError as exc:  # a number of more than 4,300 digits (sys.int_max_str_digits)
        raise IngestError(f"not usable JSON ({exc})", where=where, hint=hint) from exc


def _skip_rest_of_line(handle: BinaryIO) -> int:
    """Read past the rest of an over-long line in bounded chunks; the bytes skipped."""
    skipped = 0
    while True:
        chunk = handle.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def iter_json_file(
    origin: str, text: str, *, day_first: DayFirstOption = False
) -> Iterator[Document | IngestError]:
    """A whole .json input: one object, or a list of objects (JSON lines go to iter_jsonl)."""
    data = _loads(text, where=origin, hint="give one object, a list of objects, or JSON lines", whole_file=True)
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        where = f"{origin}[{index - 1}]" if isinstance(data, list) else origin
        try:
            yield document_from_record(record, where=where, origin=origin, day_first=day_first)
        except IngestError as err:
            yield err
        except Exception as exc:  # noqa: BLE001 - as for a JSON line: one record costs only itself
            yield IngestError(f"unreadable record ({type(exc).__name__}: {exc})", where=where, hint=_LINE_HINT)
