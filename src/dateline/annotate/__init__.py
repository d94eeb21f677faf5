"""One spaCy pipeline over documents: sentences, entities, time expressions, quantities, actor and
place mentions (the place component is registered in ``dateline.geo.place_tagger``).

Names are imported on first use: a worker process that reads pieces of a long document
(``parallel.py``) imports the model's part alone, not the taggers with their patterns."""

from __future__ import annotations

import importlib
from typing import Any

# public name -> module that defines it
_EXPORTS = {
    "DEFAULT_MODEL": "dateline.annotate.model",
    "AnnotatedDocument": "dateline.annotate.pipeline",
    "annotate_documents": "dateline.annotate.pipeline",
    "build_pipeline": "dateline.annotate.pipeline",
    "Timex": "dateline.annotate.timex",
    "find_timexes": "dateline.annotate.timex",
}

__all__ = ["DEFAULT_MODEL", "AnnotatedDocument", "Timex", "annotate_documents", "build_pipeline", "find_timexes"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dateline.annotate' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
