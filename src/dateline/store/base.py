"""The store interface every backend implements, and the parts they share.

Nothing here speaks SQL: placeholders, full-text search and upserts differ
between SQLite and PostgreSQL and live in each backend module.
"""

from __future__ import annotations

import abc
import calendar
import datetime as dt
import logging
import os
import re
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType

from ..errors import ConfigError, StoreError
from ..filters import TIMELINE_PERIODS, EventFilter
from ..models import Document, Event
from .keys import place_key

log = logging.getLogger(__name__)

# How search snippets mark the matched words: plain text, safe to show anywhere.
SNIPPET_OPEN = "**"
SNIPPET_CLOSE = "**"


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One line of a document listing."""

    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    origin: str | None
    n_events: int
    n_words: int
    added_at: str


@dataclass(slots=True)
class TimelineRow:
    """Events in one period: how many, their fatalities, and counts per event type."""

    period: str  # 2008-03-25 (day), 2008-W13 (ISO week), 2008-03 (month), 2008 (year)
    events: int = 0
    fatalities: int = 0
    by_type: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text match: in a document's text (event_id None) or in an event's evidence."""

    document_id: str
    title: str | None
    snippet: str
    event_id: str | None
    score: float  # higher is better


class Store(abc.ABC):
    """Documents and their events, written per document in one transaction."""

    @abc.abstractmethod
    def add_document(self, doc: Document, events: Sequence[Event], *, report=None, signature: str | None = None,
                     copy_of: tuple[str, float] | None = None) -> bool:
        """Store a document with its sections, references and events (mentions) atomically, with the
        report's incidents and aggregates (``incidents.consolidate`` of the events when not given), joined
        across reports with the stored incidents of the same real events.

        Returns False, writing nothing, when a document with the same id or the
        same content hash is already stored. Raises StoreError (and writes
        nothing) when any part fails.
        """

    def replace_extraction(self, doc: Document, events: Sequence[Event], *, report=None):
        """Replace a stored document's mentions, incidents and aggregates with a new extraction of its
        text, decisions holding (``dbapi.DbApiStore``); a backend without it refuses."""
        raise StoreError("this store cannot re-extract documents", where=doc.id)

    @abc.abstractmethod
    def has_document(self, document_id: str | None = None, *, content_hash: str | None = None) -> bool:
        """Whether a document with this id (or this content hash) is stored."""

    def stored_documents(self, ids: Sequence[str], hashes: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of these document ids and content hashes are stored (backends may answer in one query)."""
        found_ids = {i for i in ids if self.has_document(i)}
        found_hashes = {h for h in hashes if self.has_document(content_hash=h)}
        return found_ids, found_hashes

    def document_provinces(self) -> list[tuple[str, str | None, str | None, str, str, str | None, int]]:
        """(document id, url, source, country, admin1, location, events) for the stored events placed
        in a province, grouped by document, province and location: what each source's home is learned
        from (geo/source_homes.py; the location tells a story about the outlet's own town). A backend
        without it answers nothing, so no source has a home."""
        return []

    @abc.abstractmethod
    def get_document(self, document_id: str) -> Document:
        """The stored document with its sections and references; StoreError if missing."""

    @abc.abstractmethod
    def get_event(self, event_id: str) -> Event:
        """One event by id; StoreError if missing."""

    @abc.abstractmethod
    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[DocumentSummary]:
        """Stored documents in the order they were added."""

    @abc.abstractmethod
    def events(self, filters: EventFilter | None = None) -> list[Event]:
        """Matching events ordered by date_start (undated last), document, evidence_start."""

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[Event]:
        """The mentions of ``events()``, one at a time, for exports of any size (SQL backends read
        them in batches on a connection of their own; this default holds them all)."""
        yield from self.events(filters)

    def iter_incidents(self, filters: EventFilter | None = None) -> Iterator[Event]:
        """The incidents of ``incidents()``, one at a time, as ``iter_events`` for mentions."""
        yield from self.incidents(filters)

    @abc.abstractmethod
    def count_events(self, filters: EventFilter | None = None) -> int:
        """How many events match (the filter's limit and offset are ignored)."""

    @abc.abstractmethod
    def incidents(self, filters: EventFilter | None = None) -> list[Event]:
        """Matching incidents as flat records (event_id = incident id), ordered as ``events``."""

    @abc.abstractmethod
    def count_incidents(self, filters: EventFilter | None = None) -> int:
        """How many incidents match (limit and offset ignored)."""

    @abc.abstractmethod
    def timeline(self, filters: EventFilter | None = None, *, by: str = "month") -> list[TimelineRow]:
        """Dated matching events per day, week, month or year, oldest period first."""

    @abc.abstractmethod
    def on_this_day(self, month: int, day: int, filters: EventFilter | None = None) -> list[Event]:
        """Matching events with day precision (time_precision 1) on this calendar day, any year."""

    @abc.abstractmethod
    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Full-text search over document title/text and event evidence, best first."""

    @abc.abstractmethod
    def stats(self) -> dict:
        """Counts: documents, events, counted_events, references (and schema_version)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""

    def data_version(self) -> Hashable | None:
        """A token that changes whenever anyone (this process or another) commits a change to the
        data; None when the store cannot tell, and answers must not be reused."""
        return None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def check_event(doc: Document, event: Event) -> None:
    """Raise StoreError unless the event belongs to ``doc`` and its evidence span lies inside the text."""
    if event.document_id != doc.id:
        raise StoreError(
            f"event belongs to document {event.document_id!r}, not {doc.id!r}",
            where=event.event_id,
            hint="pass each document with its own events",
        )
    start, end = event.evidence_start, event.evidence_end
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(doc.text)):
        raise StoreError(
            f"evidence span [{start}, {end}) is outside the document text (length {len(doc.text)})",
            where=event.event_id,
            hint="evidence offsets are character offsets into Document.text",
        )


def check_period(by: str) -> None:
    """Raise ConfigError unless ``by`` is a known timeline period."""
    if by not in TIMELINE_PERIODS:
        raise ConfigError(
            f"unknown timeline period {by!r}",
            where="by",
            hint=f"use one of: {', '.join(TIMELINE_PERIODS)}",
        )


def period_of(date: str, by: str) -> str | None:
    """The period label of an ISO date, or None when the date is coarser than the period."""
    if by == "year":
        return date[:4] if len(date) >= 4 else None
    if by == "month":
        return date[:7] if len(date) >= 7 else None
    if len(date) < 10:
        return None
    if by == "day":
        return date[:10]
    try:
        year, week, _ = dt.date.fromisoformat(date[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


_PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}


def _span_days(start: str, end: str) -> int:
    try:
        return (dt.date.fromisoformat(end[:10]) - dt.date.fromisoformat(start[:10])).days + 1
    except ValueError:
        return 1


def event_period(start: str | None, end: str | None, by: str) -> str | None:
    """The period an event dated start..end counts in, or None when its dates are coarser than the period.

    An event counts in the period of its start only when its date range is no longer than the
    period: an event known only to the year 2006 is not an event of January 2006, and one known
    to a five-day range is in a weekly timeline but not a daily one.
    """
    period = period_of(start, by) if start else None
    if period is not None and end and _span_days(start, end) > _PERIOD_DAYS[by]:
        return None
    return period


def aggregate_timeline(rows: Iterable[tuple], *, by: str) -> list[TimelineRow]:
    """Fold (date_start, event_type, fatalities[, date_end]) rows into TimelineRows, oldest first
    (each event in the period ``event_period`` gives it)."""
    check_period(by)
    periods: dict[str, TimelineRow] = {}
    too_coarse = 0
    for date, event_type, fatalities, *rest in rows:
        period = event_period(date, rest[0] if rest else None, by)
        if period is None:
            too_coarse += 1
            continue
        row = periods.get(period)
        if row is None:
            row = periods[period] = TimelineRow(period)
        row.events += 1
        row.fatalities += fatalities or 0
        kind = event_type or "unknown"
        row.by_type[kind] = row.by_type.get(kind, 0) + 1
    if too_coarse:
        log.info("timeline by %s: %d events left out (no date or date coarser than a %s)", by, too_coarse, by)
    return [periods[key] for key in sorted(periods)]


POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+")


def is_postgres_url(target: str | os.PathLike[str] | None) -> bool:
    """Whether ``target`` names a PostgreSQL database (postgresql://, postgres://, postgresql+driver://)."""
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def check_month_day(month: int, day: int) -> None:
    """ConfigError unless month/day is a calendar day (29 February allowed)."""
    if not 1 <= month <= 12:
        raise ConfigError(f"month must be 1-12, not {month}", where="month")
    last = calendar.monthrange(2000, month)[1]  # a leap year, so 29 February is allowed
    if not 1 <= day <= last:
        raise ConfigError(f"day must be 1-{last} for month {month}, not {day}", where="day")


def place_param(name: str, field: str) -> str:
    """The normalised place name to match; ConfigError when nothing name-like is left ("al-")."""
    key = place_key(name)
    if not key:
        raise ConfigError(f"{name!r} is not a place name", where=field, hint="give a place name such as Basra")
    return key


_SEARCH_TOKEN = re.compile(r'"[^"]*"\*?|\S+')


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One term of a search: a word or quoted phrase, possibly a prefix (word*)."""

    text: str
    prefix: bool = False


def search_groups(text: str) -> list[list[SearchTerm]]:
    """Search text as OR-ed groups of AND-ed terms: 'a b OR "c d"' -> [[a, b], ["c d"]].

    The syntax is the one SQLite's fts_query accepts: plain words (AND), "quoted
    phrases", word* prefixes and OR. ConfigError when no word is left.
    """
    groups: list[list[SearchTerm]] = [[]]
    for token in _SEARCH_TOKEN.findall(text or ""):
        if token == "OR":
            if groups[-1]:
                groups.append([])
            continue
        term = token.rstrip("*").strip('"')
        if term.strip():
            groups[-1].append(SearchTerm(term, prefix=token.endswith("*")))
    groups = [g for g in groups if g]
    if not groups:
        raise ConfigError("search text has no words", where="search", hint="give at least one word to look for")
    return groups


def redact(url: str) -> str:
    """A database URL without its password, fit for error messages and logs."""
    return _redact(url)


def _redact(url: str) -> str:
    """A database URL without its password, fit for error messages."""
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        creds, _, host = rest.rpartition("@")
        user = creds.split(":", 1)[0]
        return f"{scheme}{sep}{user}:***@{host}"
    return url
