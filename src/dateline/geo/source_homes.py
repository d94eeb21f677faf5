"""A news source's home region, learned from dateline's own resolutions of its documents.

Local papers write one-town stories without naming the state ("Alexandria woman charged..." in
the Alexandria Town Talk): the outlet is the missing clue. :class:`SourceHomes` counts, per
source, the province each of its documents was resolved to (the document's own focus, from its
place names, never any gold) and answers :meth:`SourceHomes.home` once enough of the source's
documents agree: at least ``min_documents`` votes, and the leading province holding at least
``min_share`` of them. The resolver then uses it as a weak prior
(:attr:`~dateline.geo.places.PlaceContext.home`, ``Weights.home``), below what the document
itself names.

A run (``dateline ingest``, the web app's added documents, ``--workers`` on Dask) reads the homes
once, from what is already stored (:func:`homes_from_store`), as an immutable
:class:`StoredHomes`, and passes it to extraction; nothing is learned inside the run. A
document's prior is thus a function of the stored state alone: the order of a batch, its split
into tasks and the worker that reads it change nothing. What a run stores counts from the next run on.

A source is keyed by its URL's host without "www." (``thetowntalk.com``), else its name.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Mapping, Protocol, TypeVar

from unidecode import unidecode

from ..ingest.outlets import source_key

if TYPE_CHECKING:
    from .context import PlaceContext
    from .gazetteer import Gazetteer

__all__ = ["Province", "SourceHomes", "SourcePrior", "StoredHomes", "domain_country", "homes_from_store", "outlet_names", "province_vote",
           "source_key", "vote_weight"]

log = logging.getLogger(__name__)

Province = tuple[str, str]  # (ISO country code, admin1 name), as PlaceContext and Place spell them
_Key = TypeVar("_Key")  # what votes agree on: a province, or a country code


# Country-code domains used as generic ones (.tv, .io...): they say nothing about where a paper is.
_GENERIC_CCTLDS = frozenset({"ai", "cc", "co", "fm", "io", "me", "tv", "ws", "to", "ly"})
_CCTLD_COUNTRY = {"uk": "GB"}  # the one ccTLD that is not its country's ISO code


def domain_country(source: str | None) -> str | None:
    """The ISO country of a source key's country-code domain ("richmond.co.uk" -> GB), else None."""
    if not source or "." not in source:
        return None
    tld = source.rsplit(".", 1)[1]
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_CCTLDS:
        return None
    return _CCTLD_COUNTRY.get(tld, tld.upper())


# Second-level labels under a country code that say nothing of the outlet ("co.uk", "com.au").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "www", "news"})
_LEADING_WORDS = ("the", "thisis", "my", "www")
_LETTERS_RE = re.compile(r"[^a-z]")


def _host_labels(source: str) -> list[str]:
    """The words of a host that can name the outlet's town: its labels without the top-level
    domain and generic second levels, letters only ("cambridge-news.co.uk" -> ["cambridgenews"])."""
    labels = source.casefold().split(".")[:-1] if "." in source else [source.casefold()]
    return [w for w in (_LETTERS_RE.sub("", label) for label in labels if label not in _SECOND_LEVEL) if w]


def outlet_names(source: str | None, names: Iterable[str]) -> set[str]:
    """The names among ``names`` that the outlet's host is named after: "Paris" for
    theparisnews.com, "Twickenham" for richmondandtwickenhamtimes.co.uk, "Athens" for
    onlineathens.com. A name of 4-5 letters must open a label (after "the" or "thisis"), so that
    "Bury" is not read inside "canterbury"; a longer one may stand anywhere in it."""
    if not source:
        return set()
    labels = _host_labels(source)
    if not labels:
        return set()
    found = set()
    for name in names:
        letters = _LETTERS_RE.sub("", unidecode(name).casefold())
        if len(letters) < 4:
            continue
        for label in labels:
            if len(letters) >= 6 and letters in label:
                found.add(name)
            elif any(label.startswith(lead + letters) for lead in ("", *_LEADING_WORDS)):
                found.add(name)
    return found


def province_vote(context: "PlaceContext") -> Province | None:
    """The (country, province) a document's places centre on, if they do: its vote for its source's
    home; the province of the outlet's own town when the document names it (``outlet_home``)."""
    if context.outlet_home is not None:
        return context.outlet_home
    if context.country_code and context.admin1:
        return context.country_code, context.admin1
    return None


def vote_weight(context: "PlaceContext") -> int:
    """How many documents' worth a document's vote is: two when it reads the town the outlet is
    named after in a province (theparisnews.com's "Paris" next to Dallas: Texas), else one."""
    return 2 if context.outlet_home is not None else 1


@dataclass(frozen=True, slots=True)
class SourcePrior:
    """What a document's source tells of it before it is read (:meth:`SourceHomes.prior`)."""

    home: Province | None = None
    country: str | None = None  # only without a home
    provinces: frozenset[Province] = frozenset()  # only without a home

    def __bool__(self) -> bool:
        return self.home is not None or self.country is not None or bool(self.provinces)


@dataclass
class SourceHomes:
    """Per-source votes for a home province, one per document, and the home they agree on."""

    min_documents: int = 2  # other documents a source needs, and votes its home needs (LGL tune: 2 > 3)
    min_share: float = 0.5  # share of its votes the leading province must hold
    votes: dict[str, Counter[Province]] = field(default_factory=dict)
    documents: Counter[str] = field(default_factory=Counter)  # every document seen, voting or not

    def add(self, source: str | None, province: Province | None, *, weight: int = 1) -> None:
        """Record one document of ``source`` resolved to ``province`` (None: no province focus,
        which still counts against the share: a source of world news has no home); ``weight``:
        how many documents' worth it is (:func:`vote_weight`)."""
        if not source:
            return
        self.documents[source] += weight
        counter = self.votes.setdefault(source, Counter())
        if province is not None and province[0] and province[1]:
            counter[province] += weight

    def home(self, source: str | None, *, leave_out: tuple[Province | None, ...] = (),
             leave_weight: int = 1) -> Province | None:
        """The source's home province, or None when too few of its documents agree.

        ``leave_out``: votes to take away first (the document being resolved again, so that its
        own first reading does not count as evidence for itself; None for a document without a
        province focus); ``leave_weight``: the weight each was added with.
        """
        counter, total = self._left(source, leave_out, leave_weight)
        province = self._agreed(counter, total)
        if province is None or domain_country(source) not in (None, province[0]):
            return None  # a British paper's stories read as Richmond, Virginia: its own readings misled it
        return province

    def country(self, source: str | None, *, leave_out: tuple[Province | None, ...] = (),
                leave_weight: int = 1) -> str | None:
        """The source's home country when its documents agree on a country but not on a province
        (a regional paper whose stories spread over three states): the country most of its
        documents' province votes lie in, by the same ``min_documents`` and ``min_share`` as
        :meth:`home`; ``leave_out`` as there."""
        counter, total = self._left(source, leave_out, leave_weight)
        by_country: Counter[str] = Counter()
        for (code, _admin1), count in counter.items():
            by_country[code] += count
        code = self._agreed(by_country, total)
        return code if code is not None and domain_country(source) in (None, code) else None

    def provinces(self, source: str | None, *, leave_out: tuple[Province | None, ...] = (),
                  leave_weight: int = 1) -> frozenset[Province]:
        """Every province the source's documents voted for, however few and however split:
        where a source with no home writes about, in the country its country-code domain names, if any;
        ``leave_out`` as in :meth:`home`."""
        counter, _total = self._left(source, leave_out, leave_weight)
        code = domain_country(source)
        return frozenset(p for p in counter if code in (None, p[0]))

    def prior(self, source: str | None, *, leave_out: tuple[Province | None, ...] = (),
              leave_weight: int = 1) -> "SourcePrior":
        """What the source's other documents say of a new one: its home province; without one, the
        country they agree on and the provinces they were about."""
        home = self.home(source, leave_out=leave_out, leave_weight=leave_weight)
        if home is not None:
            return SourcePrior(home=home)
        return SourcePrior(country=self.country(source, leave_out=leave_out, leave_weight=leave_weight),
                           provinces=self.provinces(source, leave_out=leave_out, leave_weight=leave_weight))

    def _left(self, source: str | None, leave_out: tuple[Province | None, ...],
              leave_weight: int) -> tuple[Counter[Province], int]:
        """The source's votes and document count with ``leave_out`` taken away (see :meth:`home`)."""
        if not source or source not in self.votes:
            return Counter(), 0
        counter, total = self.votes[source].copy(), self.documents[source]
        for vote in leave_out:
            total -= leave_weight
            if vote is not None and counter.get(vote, 0) > 0:
                counter[vote] -= leave_weight
        return +counter, total

    def _agreed(self, counter: Counter[_Key], total: int) -> _Key | None:
        """The leading key of ``counter`` when enough documents agree on it (``min_documents``,
        ``min_share``), else None."""
        if total < self.min_documents or not counter:
            return None
        key, count = counter.most_common(1)[0]
        if count < self.min_documents or count / total < self.min_share:
            return None
        return key

    def homes(self) -> dict[str, Province]:
        """Every source that has a home, with it."""
        found = {source: self.home(source) for source in self.votes}
        return {source: home for source, home in found.items() if home is not None}

    def frozen(self, own: Mapping[str, tuple[str, Province | None, int]] | None = None) -> "StoredHomes":
        """These votes as an immutable :class:`StoredHomes`; ``own``: each voting document's id
        with its source, vote and weight, left out of that document's own prior."""
        return StoredHomes(votes={s: dict(c) for s, c in self.votes.items()}, documents=dict(self.documents),
                           own=dict(own or {}), min_documents=self.min_documents, min_share=self.min_share)


@dataclass(frozen=True)
class StoredHomes:
    """Every source's home as the store tells it when a run begins: each stored document's vote,
    counted once and never added to during the run (see the module's docstring). Plain mappings
    inside, so that it pickles to Dask workers; nothing here changes them."""

    votes: Mapping[str, Mapping[Province, int]] = field(default_factory=dict)  # source -> province -> weight
    documents: Mapping[str, int] = field(default_factory=dict)  # source -> its stored documents' weight
    own: Mapping[str, tuple[str, Province | None, int]] = field(default_factory=dict)  # document id -> (source, vote, weight)
    min_documents: int = SourceHomes.min_documents
    min_share: float = SourceHomes.min_share

    def __bool__(self) -> bool:
        return bool(self.documents)

    def prior(self, source: str | None, *, document_id: str | None = None) -> SourcePrior:
        """What the source's stored documents say of a document before it is read; a document
        already stored (re-extracted) does not count as evidence for itself."""
        if not source or source not in self.votes:
            return SourcePrior()
        homes = self._source(source)
        mine = self.own.get(document_id) if document_id is not None else None
        if mine is None or mine[0] != source:
            return homes.prior(source)
        return homes.prior(source, leave_out=(mine[1],), leave_weight=mine[2])

    def home(self, source: str | None) -> Province | None:
        """The source's home province, or None when too few of its stored documents agree."""
        return self._source(source).home(source) if source and source in self.votes else None

    def homes(self) -> dict[str, Province]:
        """Every source that has a home, with it."""
        found = {source: self.home(source) for source in self.votes}
        return {source: home for source, home in found.items() if home is not None}

    def restricted(self, sources: Iterable[str | None], document_ids: Iterable[str] = ()) -> "StoredHomes":
        """Only what the priors of these sources' documents read (what a Dask task ships with its batch):
        the same :meth:`prior` for every one of them."""
        keep = {s for s in sources if s and s in self.votes}
        own = {d: self.own[d] for d in document_ids if d in self.own and self.own[d][0] in keep}
        return StoredHomes(votes={s: self.votes[s] for s in keep}, documents={s: self.documents[s] for s in keep},
                           own=own, min_documents=self.min_documents, min_share=self.min_share)

    def _source(self, source: str) -> SourceHomes:
        """A counter of this one source's votes, to ask the thresholds of :class:`SourceHomes`."""
        return SourceHomes(min_documents=self.min_documents, min_share=self.min_share,
                           votes={source: Counter(self.votes[source])}, documents=Counter({source: self.documents[source]}))


class StoredProvinces(Protocol):
    """What ``homes_from_store`` reads of a store (any ``dateline.store`` backend has it)."""

    def document_provinces(self) -> list[tuple[str, str | None, str | None, str, str, str | None, int]]: ...


def homes_from_store(store: StoredProvinces, gazetteer: "Gazetteer") -> StoredHomes:
    """Each stored document's vote by source, frozen: the province most of its placed events lie in,
    or, worth two documents as :func:`vote_weight` has it, the province of an event placed at the
    town the outlet is named after (theparisnews.com's "Paris" stored in Texas).

    Stored events carry country names; they are turned into codes through the gazetteer. A stored
    document without an event placed in a province does not vote. The rows are read in a fixed
    order (the store's own order is unspecified), so that ties break alike for the same stored state.
    """
    homes = SourceHomes()
    by_document: dict[str, tuple[str, Counter[Province], dict[str, Province]]] = {}
    codes: dict[str, str | None] = {}
    rows = sorted(store.document_provinces(), key=lambda r: (r[0], r[3], r[4], r[5] or ""))
    for document_id, url, source, country, admin1, location, events in rows:
        if country not in codes:
            place = gazetteer.country(country)
            codes[country] = place.country_code if place is not None else None
        code = codes[country]
        key = source_key(url=url, source=source)
        if code is None or key is None:
            continue
        entry = by_document.setdefault(document_id, (key, Counter(), {}))
        entry[1][(code, admin1)] += events
        if location:
            entry[2].setdefault(location, (code, admin1))
    own: dict[str, tuple[str, Province | None, int]] = {}
    for document_id, (key, counter, at) in by_document.items():
        outlet = sorted(outlet_names(key, at))
        vote, weight = (at[outlet[0]], 2) if outlet else (counter.most_common(1)[0][0], 1)
        homes.add(key, vote, weight=weight)
        own[document_id] = (key, vote, weight)
    frozen = homes.frozen(own)
    log.debug("source homes from the store: %d documents, %d sources with a home", len(by_document), len(frozen.homes()))
    return frozen
