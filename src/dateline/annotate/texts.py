"""A Doc's text and its paragraph breaks, built once per Doc and kept in its ``user_data``."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

__all__ = ["doc_text", "paragraph_index", "seed_text"]


def seed_text(doc: Doc, text: str) -> None:
    """Keep `text`, the text `doc` was made from (``nlp.make_doc(text)``, which keeps every character), as its text."""
    doc.user_data[_TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """The text of a Doc, built once: ``Doc.text`` joins every token anew on each call, so reading
    a few characters of it per sentence made extraction quadratic in the length of a document."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def paragraph_index(doc: Doc, char: int) -> int:
    """How many blank lines ("\\n\\n", as str.count counts them) come before `char` in the Doc."""
    ends = doc.user_data.get(_BREAKS_KEY)
    if ends is None:
        ends = doc.user_data[_BREAKS_KEY] = [m.end() for m in _BLANK_LINE.finditer(doc_text(doc))]
    return bisect_right(ends, char)


_TEXT_KEY, _BREAKS_KEY = "dateline.text", "dateline.paragraph_breaks"
_BLANK_LINE = re.compile("\n\n")
