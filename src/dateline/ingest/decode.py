"""Bytes to text: size limits, binary detection, encoding detection, newline normalisation."""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from charset_normalizer import from_bytes

from dateline.errors import IngestError

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "HEAD_BYTES",
    "check_size",
    "clean_text",
    "decode_bytes",
    "looks_binary",
    "normalise_newlines",
    "strip_invisible",
    "read_head",
]

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MB
HEAD_BYTES = 64 * 1024  # enough to sniff a format and spot binary data
BINARY_HINT = "expected HTML, text, JSON lines or a feed"

# Legacy English text is overwhelmingly Windows-1252; charset-normalizer often names a sibling
# code page (cp1250, cp1257) that decodes the same bytes with equal "chaos" on short texts but
# turns à into ą. We prefer cp1252 when its chaos is within this margin of the best guess
# (calibrated on cp1252/latin-1 samples with smart quotes and accents).
_CP1252_MARGIN = 0.1
_MULTIBYTE = ("utf", "gb", "big5", "shift_jis", "euc", "iso2022", "cp932", "cp936", "cp949", "cp950", "johab", "hz")
_MAX_CHAOS = 0.3  # above this, charset-normalizer's guess is noise: refuse rather than garble
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, newlines, form feed and ESC excluded).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _mb(size: int) -> str:
    return f"{size / MB:.1f}"


def check_size(size: int, max_bytes: int, *, where: str, what: str = "file") -> None:
    """Refuse an input over the limit before reading it."""
    if size > max_bytes:
        raise IngestError(
            f"{what} is {_mb(size)} MB, over the {max_bytes / MB:g} MB limit",
            where=where,
            hint="split it, or raise --max-bytes",
        )


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first `size` bytes of a file (bounded memory, whatever the file's size)."""
    with path.open("rb") as handle:
        return handle.read(size)


def _bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 1% control bytes, in data without a UTF-16/32 byte order mark."""
    if not data or _bom(data) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in data:
        return True
    controls = sum(data.count(bytes([c])) for c in _CONTROL)
    return controls > len(data) / 100


# Invisible direction and width marks (copied from web pages and PDFs) split words and numbers
# ("\u202e23\u202c"); joiners U+200C/U+200D stay, Arabic and Persian spelling needs them.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060\ufeff"))


def strip_invisible(text: str) -> str:
    """Text without invisible bidi controls, zero-width spaces and soft hyphens."""
    return text.translate(_INVISIBLE)


# Characters no text format allows and no database column takes (PostgreSQL refuses NUL in
# text): C0 controls but tab, newlines and form feed, DEL, and the noncharacters U+FFFE/U+FFFF.
_CONTROLS = dict.fromkeys([*(c for c in range(32) if chr(c) not in "\t\n\r\f"), 0x7F, 0xFFFE, 0xFFFF])
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text as stored: invisible marks and control characters dropped, lone surrogates (from JSON
    escapes such as "\\ud800" or feed references) replaced by U+FFFD, which UTF-8 can encode."""
    return _SURROGATE.sub("\ufffd", text.translate(_INVISIBLE).translate(_CONTROLS))


def normalise_newlines(text: str) -> str:
    """\\r\\n and \\r become \\n; nothing else changes, so offsets stay meaningful."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, *, where: str) -> str:
    """Decode a whole input to text, or raise IngestError saying why it is not usable text.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded directly; anything else is
    detected with charset-normalizer and decoded only when the detection is confident.
    """
    if not data.strip():
        raise IngestError("empty file", where=where, hint="nothing to read")
    if looks_binary(data[:HEAD_BYTES]) or b"\x00" in data and _bom(data) is None:
        raise IngestError("binary file, not text", where=where, hint=BINARY_HINT)
    encoding = _bom(data)
    if encoding:
        try:
            return normalise_newlines(data.decode(encoding)).lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"starts with a {encoding} byte order mark but is not valid {encoding} ({exc.reason})",
                where=where,
                hint="re-save the file as UTF-8",
            ) from exc
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    mostly = _mostly_utf8(data, where=where, first_bad=first_bad)
    text = normalise_newlines(mostly if mostly is not None else _detect(data, where=where))
    if not text.strip():
        raise IngestError("empty file", where=where, hint="nothing to read")
    return text


_REPLACED_RUN = re.compile("\ufffd+")


def _mostly_utf8(data: bytes, *, where: str, first_bad: int) -> str | None:
    """UTF-8 text with U+FFFD for its few bad bytes, when valid multi-byte UTF-8 sequences
    outnumber the invalid ones; else None (a legacy code page, whose accented letters are
    almost never valid UTF-8 by accident). One stray byte must not turn a whole UTF-8 file
    into cp1252 mojibake ("â€™" for every apostrophe)."""
    text = data.decode("utf-8", errors="replace")
    # a bad byte inside a multi-byte character spoils its neighbours too: count places, not bytes
    invalid = max(1, len(_REPLACED_RUN.findall(text)) - data.count("\ufffd".encode("utf-8")))
    valid_multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if valid_multibyte <= invalid:
        return None
    logger.warning("%s: not valid UTF-8 at %d place(s), first at byte %d; read as UTF-8 with U+FFFD there",
                   where, invalid, first_bad)
    return text


def _detect(data: bytes, *, where: str) -> str:
    results = from_bytes(data)
    best = results.best()
    hint = "convert it to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8"
    if best is None:
        raise IngestError(
            "not UTF-8 and no text encoding fits it", where=where, hint=hint
        )
    if best.chaos > _MAX_CHAOS:
        raise IngestError(
            f"not UTF-8, and the guessed encoding ({best.encoding}) is not confident",
            where=where,
            hint=hint,
        )
    chosen = best
    for match in results:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + _CP1252_MARGIN:
            chosen = match
            break
    if chosen.encoding != "cp1252" and not chosen.encoding.startswith(_MULTIBYTE):
        # A single-byte guess on short text is a coin toss between code pages (cp850 turns
        # smart quotes into ō...ö); English news written in one is nearly always cp1252.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            logger.info("%s: not UTF-8, decoded as cp1252 (detector said %s)", where, chosen.encoding)
            return text
    logger.info("%s: not UTF-8, decoded as %s", where, chosen.encoding)
    return str(chosen)
