"""Incidents within a report: mentions of one real event become one incident, totals become
aggregate statements, differing tolls become low/best/high."""

from .aggregates import AggregateCues, aggregate_reason
from .build import build_incident
from .report import Report, consolidate, same_in_report
from .tolls import Toll, combine

__all__ = ["AggregateCues", "Report", "Toll", "aggregate_reason", "build_incident", "combine", "consolidate",
           "same_in_report"]
