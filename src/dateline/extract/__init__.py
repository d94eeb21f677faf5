"""Event mentions in annotated sentences with their slots (type, actors, place, date, counts,
flags), each with its span and, where it fell back, a reason."""

from .events import Extractor

__all__ = ["Extractor"]
