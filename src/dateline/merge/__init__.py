"""Group event mentions that describe the same real event into incidents."""

from .incidents import Incident, group_incidents

__all__ = ["Incident", "group_incidents"]
