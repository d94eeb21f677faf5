"""The one exception tree of dateline.

    DatelineError
    ├── ConfigError        bad settings, paths or options
    ├── IngestError        a source could not be read (path/url, line)
    ├── AnnotateError      the NLP pipeline could not be built or run
    ├── ExtractError       event extraction failed on a document
    ├── ResolveError       gazetteer or actor registry missing or broken
    ├── StoreError         the database could not be opened, migrated or written
    ├── ReviewError        an analyst's decision cannot be made (unknown field, bad value, nothing to undo)
    └── ExportError        an export format or destination failed

Every error carries the context a user needs to find the problem; ``str(err)``
is one line suitable for the CLI.
"""

from __future__ import annotations

__all__ = [
    "AnnotateError", "ConfigError", "DatelineError", "ExportError", "ExtractError", "IngestError",
    "ResolveError", "StoreError", "printable",
]


def printable(text: str) -> str:
    """Text safe to put in a one-line message: newlines, controls and invisible direction marks
    escaped (``\\n``, ``\\x1b``, ``\\u202e``), so a file named "a\\nError: x" cannot forge a line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


class DatelineError(Exception):
    """Root of every error dateline raises on purpose."""

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = f"{printable(self.where)}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return " ".join(text.split())


class ConfigError(DatelineError):
    """Bad configuration, path or option."""


class IngestError(DatelineError):
    """A source could not be turned into a document."""


class AnnotateError(DatelineError):
    """The NLP pipeline could not be built or run."""


class ExtractError(DatelineError):
    """Event extraction failed for a document."""


class ResolveError(DatelineError):
    """The gazetteer or actor registry is missing or broken."""


class StoreError(DatelineError):
    """The database could not be opened, migrated or written."""


class ExportError(DatelineError):
    """An export failed."""


class ReviewError(DatelineError):
    """An analyst's decision cannot be made: an unknown field or value, a missing incident, nothing to undo."""


class UserError(DatelineError):
    """A user account that cannot be made or used: a bad name, a weak password, a name taken."""
