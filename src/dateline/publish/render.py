"""What a published line says and how it is marked up (text, Markdown, HTML)."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError
from ..models import Event
from ..query import EventFilter

MARKUPS = ("text", "md", "html")


@dataclass(frozen=True, slots=True)
class Entry:
    """One published incident: its date, what happened, where, and the outlets (with links) that told it."""

    incident_id: str
    date: str
    what: str
    where: str
    outlets: list[tuple[str, str | None]] = field(default_factory=list)  # (outlet, url)


def what_happened(e: Event) -> str:
    """A short plain sentence from the incident's fields: "Attack by X on Y, 3 killed"."""
    text = e.sub_event_type or e.event_type
    if e.actor1:
        text += f" by {e.actor1}"
    if e.actor2:
        text += f" on {e.actor2}"
    if e.fatalities:
        text += f", {e.fatalities} killed"
    if e.injured:
        text += f", {e.injured} injured"
    return text


def _where(e: Event) -> str:
    parts = [p for p in (e.location, e.admin1, e.country) if p]
    return ", ".join(dict.fromkeys(parts)) or "place not known"


def _entries(store: Any, rows: Sequence[Event]) -> list[Entry]:
    out = []
    for row in rows:
        outlets: dict[str, str | None] = {}
        for m in store.mentions_of(row.event_id):
            name = m.source or m.document_id
            outlets.setdefault(name, m.source_url)
            if outlets[name] is None and m.source_url:
                outlets[name] = m.source_url
        out.append(Entry(row.event_id, row.date_start or "", what_happened(row), _where(row), sorted(outlets.items())))
    return out


def _check(markup: str) -> None:
    if markup not in MARKUPS:
        raise ConfigError(f"unknown markup {markup!r}", where="markup", hint=f"use one of: {', '.join(MARKUPS)}")


def sidebar_entries(store: Any, month: int, day: int, filters: EventFilter | None = None) -> list[Entry]:
    """Reviewed day-precise incidents of this calendar day across years, newest first."""
    chosen = dataclasses.replace(filters or EventFilter(), review="reviewed", unit="incidents")
    rows = store.on_this_day(month, day, chosen)
    return sorted(_entries(store, rows), key=lambda e: (e.date, e.incident_id), reverse=True)


def _outlets(entry: Entry, markup: str) -> str:
    if markup == "html":
        return "; ".join(f'<a href="{html.escape(u, quote=True)}">{html.escape(o)}</a>' if u else html.escape(o)
                         for o, u in entry.outlets)
    if markup == "md":
        return "; ".join(f"[{o}]({u})" if u else o for o, u in entry.outlets)
    return "; ".join(o for o, _ in entry.outlets)


def render_sidebar(entries: Sequence[Entry], *, month: int, day: int, markup: str = "md") -> str:
    """ "This day in history": one line per incident, "YEAR — what happened, where (outlet)"."""
    _check(markup)
    import calendar

    title = f"This day in history: {day} {calendar.month_name[month]}"
    lines = [f"{e.date[:4]} — {e.what}, {e.where} ({_outlets(e, markup)})" for e in entries]
    if markup == "html":
        items = "".join(f"<li>{html.escape(e.date[:4])} — {html.escape(e.what)}, {html.escape(e.where)} ({_outlets(e, markup)})</li>"
                        for e in entries)
        return f'<aside class="this-day"><h3>{html.escape(title)}</h3><ul>{items}</ul></aside>\n'
    if markup == "md":
        return f"### {title}\n\n" + "".join(f"- {line}\n" for line in lines)
    return title + "\n" + "".join(f"{line}\n" for line in lines)


def sidebar_note(store: Any, month: int, day: int, *, markup: str = "md", filters: EventFilter | None = None) -> str:
    """The sidebar note of a calendar day from the store's reviewed incidents."""
    return render_sidebar(sidebar_entries(store, month, day, filters), month=month, day=day, markup=markup)


def chronology_entries(store: Any, filters: EventFilter | None = None) -> list[Entry]:
    """Reviewed dated incidents matching ``filters``, oldest first."""
    chosen = dataclasses.replace(filters or EventFilter(), review="reviewed", unit="incidents")
    return [e for e in _entries(store, store.incidents(chosen)) if e.date]


def render_chronology(entries: Sequence[Entry], *, markup: str = "md", title: str = "Chronology") -> str:
    """A dated chronology: one entry per incident with its sources."""
    _check(markup)
    if markup == "html":
        items = "".join(f"<li><time datetime=\"{html.escape(e.date)}\">{html.escape(e.date)}</time> — "
                        f"{html.escape(e.what)}, {html.escape(e.where)}. Sources: {_outlets(e, markup)}</li>" for e in entries)
        return f"<section class=\"chronology\"><h2>{html.escape(title)}</h2><ul>{items}</ul></section>\n"
    lines = [f"{e.date} — {e.what}, {e.where}. Sources: {_outlets(e, markup)}" for e in entries]
    if markup == "md":
        return f"## {title}\n\n" + "".join(f"- **{line[:len(e.date)]}**{line[len(e.date):]}\n" for line, e in zip(lines, entries))
    return title + "\n" + "".join(f"{line}\n" for line in lines)


def chronology(store: Any, filters: EventFilter | None = None, *, markup: str = "md") -> str:
    """The chronology of the reviewed incidents matching ``filters``."""
    _check(markup)
    start, end = (filters or EventFilter()).date_bounds()
    title = "Chronology" + (f", {start or '…'} to {end or '…'}" if start or end else "")
    return render_chronology(chronology_entries(store, filters), markup=markup, title=title)
