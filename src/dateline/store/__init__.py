"""Where documents and events are kept: one interface, a SQLite backend (PostgreSQL later).

    >>> from dateline.store import open_store
    >>> with open_store("dateline.db") as store:          # doctest: +SKIP
    ...     store.add_document(doc, events)
"""

from .base import DocumentSummary, SearchHit, Store, TimelineRow, open_store
from .sqlite import SQLiteStore

__all__ = ["DocumentSummary", "SQLiteStore", "SearchHit", "Store", "TimelineRow", "open_store"]
