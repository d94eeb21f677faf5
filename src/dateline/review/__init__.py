"""The analyst's desk: decisions on incidents (accept, reject, edit, merge, split, note, undo), kept
as rows and laid over the machine's values whenever an incident is written.

    >>> from dateline.store import open_store
    >>> from dateline import review
    >>> with open_store("dateline.db") as store:                                   # doctest: +SKIP
    ...     review.edit(store, "3f2c9a1b", {"location": "Qalat Salih", "fatalities": "3"}, author="ana")
    ...     review.reject(store, "77aa01c2", reason="a drill, not an attack", author="ana")
    ...     review.queue(store)[:10]

The functions take a store (``dateline.store.open_store``); the store applies the decisions
(``review.apply``) in the same transaction that writes an incident, so re-runs keep them.
"""

from .api import accept, decide, edit, history, merge, note, reject, split, undo
from .apply import ACTIONS, EDITABLE_FIELDS, Conflict, Decision, Review, apply_decisions, parse_value
from .queue import QUEUE_RULES, QueueItem, QueueRule, queue

__all__ = [
    "ACTIONS", "EDITABLE_FIELDS", "QUEUE_RULES", "Conflict", "Decision", "QueueItem", "QueueRule", "Review",
    "accept", "apply_decisions", "decide", "edit", "history", "merge", "note", "parse_value", "queue", "reject",
    "split", "undo",
]
