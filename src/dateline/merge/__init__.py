"""Incidents across reports: report incidents of one real event join, with reasons, in any order."""

from .across import Link, cluster, combine, link
from .incidents import document_counts

__all__ = ["Link", "cluster", "combine", "document_counts", "link"]
