"""One spaCy pipeline over documents: sentences, entities, time expressions, quantities, actor and
place mentions (the place component is registered in ``dateline.geo.place_tagger``)."""

from .pipeline import DEFAULT_MODEL, AnnotatedDocument, annotate_documents, build_pipeline
from .timex import Timex, find_timexes

__all__ = ["DEFAULT_MODEL", "AnnotatedDocument", "Timex", "annotate_documents", "build_pipeline", "find_timexes"]
