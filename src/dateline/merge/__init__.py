"""Group event mentions that describe the same real event into incidents."""

from .incidents import Incident, document_counts, group_incidents

__all__ = ["Incident", "document_counts", "group_incidents"]
