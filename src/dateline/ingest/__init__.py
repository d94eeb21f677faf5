"""Ingest: turn files, directories, URLs, JSON lines and feeds into Documents.

    iter_documents(sources)   batch entry point; yields Document or IngestError, never raises
    read_file(path)           one file -> list[Document]; raises IngestError
    document_from_text(text)  a Document with header/body/references/sidebar/comments sections
    split_sections(text)      the sections alone
    parse_references(text)    the citations of a reference list
    count_sources(sources)    how many inputs, for a progress bar
    day_first_rule(...)       which documents write numeric dates day/month/year (day_first=)
    detect_language(text)     the text's language, and whether events can be extracted (English only)
"""

from __future__ import annotations

from .day_first import DayFirst, day_first_rule
from .decode import DEFAULT_MAX_BYTES
from .language import detect_language
from .plaintext import document_from_text
from .references import parse_references
from .sections import split_sections
from .sources import count_sources, iter_documents, read_file

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DayFirst",
    "count_sources",
    "day_first_rule",
    "detect_language",
    "document_from_text",
    "iter_documents",
    "parse_references",
    "read_file",
    "split_sections",
]
