"""Where documents and events are kept: one interface, SQLite (default) and PostgreSQL backends.

    >>> from dateline.store import open_store
    >>> with open_store("dateline.db") as store:          # doctest: +SKIP
    ...     store.add_document(doc, events)
    >>> open_store("postgresql://me@localhost/dateline")   # doctest: +SKIP
"""

from .base import DocumentSummary, SearchHit, Store, TimelineRow
from .opening import open_store
from .sqlite import SQLiteStore

__all__ = ["DocumentSummary", "SQLiteStore", "SearchHit", "Store", "TimelineRow", "open_store"]
