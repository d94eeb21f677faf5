"""Publishing reviewed incidents: a "This day in history" sidebar and a dated chronology, as plain
text, Markdown or HTML, ready to paste into a post. Only incidents a person accepted or edited are
published (``EventFilter(review="reviewed")``); the CLI and the web app call these functions.

    >>> from dateline.publish import sidebar_note                                   # doctest: +SKIP
    >>> print(sidebar_note(store, 6, 19, markup="md"))
"""

from .render import MARKUPS, Entry, chronology, chronology_entries, render_chronology, render_sidebar, sidebar_entries, sidebar_note, what_happened

__all__ = ["MARKUPS", "Entry", "chronology", "chronology_entries", "render_chronology", "render_sidebar",
           "sidebar_entries", "sidebar_note", "what_happened"]
