"""dateline: conflict reporting in, a sourced and geocoded incident chronicle out.

    >>> import dateline
    >>> engine = dateline.Engine.load()                                     # doctest: +SKIP
    >>> with dateline.open_store("dateline.db") as store:                  # doctest: +SKIP
    ...     dateline.ingest(["post.txt"], store=store, engine=engine)
    ...     for incident in dateline.query.incidents(store, dateline.EventFilter(admin1="Maysan")):
    ...         print(incident.date_start, incident.event_type, incident.location, incident.source)

Names are imported on first use, so ``import dateline`` stays light (no NLP model is loaded).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Engine": "dateline.pipeline",
    "ingest": "dateline.pipeline",
    "extract_reports": "dateline.pipeline",
    "extract_sources": "dateline.pipeline",
    "open_store": "dateline.store",
    "Store": "dateline.store",
    "EventFilter": "dateline.query",
    "consolidate": "dateline.incidents",
    "Report": "dateline.incidents",
    "Document": "dateline.models",
    "Event": "dateline.models",
    "Incident": "dateline.models",
    "Aggregate": "dateline.models",
    "export_events": "dateline.export",
}
_MODULES = {"query": "dateline.query"}

__all__ = ["__version__", *sorted(_EXPORTS), *sorted(_MODULES)]


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return importlib.import_module(_MODULES[name])
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
