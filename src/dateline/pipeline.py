"""The stages end to end: sources → documents → annotated → events → store.

This is the Python API the CLI and the web app call::

    from dateline.pipeline import Engine, ingest
    from dateline.store import open_store

    engine = Engine.load()
    with open_store("dateline.db") as store:
        report = ingest(["post.txt"], store=store, engine=engine)
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from spacy.language import Language

from .annotate.pipeline import DEFAULT_MODEL, annotate_documents, build_pipeline
from .budget import Budget, Deadline, document_name
from .errors import DatelineError, ExtractError, IngestError, ResolveError, printable
from .extract.events import Extractor
from .geo.gazetteer import Gazetteer
from .geo.source_homes import SourcePrior, StoredHomes, homes_from_store, source_key
from .geo.toponyms import Toponym, toponyms_of
from .incidents.report import Report, consolidate
from .ingest import iter_documents
from .ingest.copies import CopyIndex, signature, to_hex
from .ingest.day_first import DayFirstOption
from .ingest.language import detect_language, english_only_notice
from .ingest.sources import DEFAULT_MAX_BYTES
from .models import Document, Event
from .resolve.actors import ActorRegistry
from .store.base import Store

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)


@dataclass
class Engine:
    """The loaded NLP pipeline and resolvers; load once, reuse for many documents."""

    nlp: Language
    extractor: Extractor
    budget: Budget = field(default_factory=Budget.from_env)  # what one document may cost

    @classmethod
    def load(cls, *, gazetteer: Path | None = None, actors: Path | None = None, model: str = DEFAULT_MODEL) -> "Engine":
        """Load the model, the actor registry and the gazetteer (building it on first use)."""
        registry = ActorRegistry.load(actors)
        gaz = Gazetteer(gazetteer) if gazetteer else Gazetteer.default()
        nlp = build_pipeline(gazetteer=gaz, registry=registry, model=model)
        return cls(nlp, Extractor(registry=registry, gazetteer=gaz))

    def stored_homes(self, store: Store) -> StoredHomes | None:
        """The sources' homes as ``store`` holds them now (geo/source_homes.py), to pass to
        :meth:`extract`; None without a gazetteer."""
        gazetteer = self.extractor.gazetteer
        return homes_from_store(store, gazetteer) if gazetteer is not None else None

    def extract(self, documents: Iterable[Document], *, batch_size: int = 16,
                homes: StoredHomes | None = None) -> Iterator[tuple[Document, list[Event] | DatelineError]]:
        """(document, events) for each document, or (document, error) when it was refused (over the
        size budget), its reading (a long document's) or extraction passed the time budget, or failed.

        Each document's language is detected (unless already set); a document not in English gets no
        events and a ``notice`` saying so, without going through the NLP pipeline. ``homes``: each
        source's home as a weak prior (:meth:`stored_homes`); read, never added to."""
        passed_over: deque[tuple[Document, list[Event] | DatelineError]] = deque()
        # a long document's clock starts when its reading does (annotate_documents calls watch)
        clocks: dict[int, Deadline] = {}

        def watch(document: Document, done: int, total: int) -> None:
            clock = clocks.get(id(document))
            if clock is None:
                clock = clocks[id(document)] = self.budget.deadline(document)
            clock.check_reading(done, total)

        def admitted() -> Iterator[Document]:
            for document in documents:
                refusal = self.budget.refusal(document)
                if refusal is not None:
                    passed_over.append((document, refusal))
                elif set_language(document):
                    yield document
                else:
                    passed_over.append((document, []))

        for annotated in annotate_documents(self.nlp, admitted(), batch_size=batch_size, watch=watch):
            while passed_over:  # read before the documents of this batch
                yield passed_over.popleft()
            clock = clocks.pop(id(annotated.document), None) or self.budget.deadline(annotated.document)
            if annotated.error is not None:
                yield annotated.document, annotated.error
                continue
            try:
                events = self.extractor.extract(annotated, deadline=clock, homes=homes)
            except DatelineError as err:
                yield annotated.document, err
                continue
            except Exception as exc:  # noqa: BLE001 - a bug met on one document must not end the batch
                log.exception("extraction failed on %s", annotated.document.id)
                yield annotated.document, ExtractError(f"unexpected error: {type(exc).__name__}: {exc}",
                                                       where=document_name(annotated.document),
                                                       hint="please report this input")
                continue
            yield annotated.document, events
        while passed_over:
            yield passed_over.popleft()


def iter_toponyms(documents: Iterable[Document], *, engine: Engine, demonyms: bool = False,
                  explain: bool = False, homes: StoredHomes | None = None) -> Iterator[tuple[Document, list[Toponym]]]:
    """(document, toponyms) for each document, through the engine's NLP pipeline; a document that
    fails annotation comes back with no toponyms. ``demonyms``, ``explain``: see
    :func:`~dateline.geo.toponyms.toponyms_of`; ``homes``: as in :meth:`Engine.extract`."""
    resolver = engine.extractor.places
    if resolver is None:
        raise ResolveError("the engine has no gazetteer", hint="load it with Engine.load()")
    for annotated in annotate_documents(engine.nlp, documents):
        if annotated.error is not None:
            yield annotated.document, []
            continue
        document, docs = annotated.document, annotated.header_docs + annotated.docs
        source = source_key(url=document.url, source=document.source)
        prior = homes.prior(source, document_id=document.id) if homes is not None else SourcePrior()
        context = engine.extractor.document_geo(docs, source=source, prior=prior)  # as extraction reads it
        yield document, toponyms_of(document, docs, resolver, context=context, demonyms=demonyms, explain=explain)


def document_toponyms(document: Document, *, engine: Engine) -> list[Toponym]:
    """The toponyms of one document: each place name's span, resolved place and alternatives."""
    for _document, toponyms in iter_toponyms([document], engine=engine):
        return toponyms
    return []


def set_language(document: Document) -> bool:
    """Detect and set the document's language (unless set); False, with a notice, when it is not English."""
    if document.language is None:
        guess = detect_language(document.text)
        document.language = guess.code
        if not guess.english:
            document.notice = english_only_notice(guess)
    return document.notice is None or document.language in (None, "en")


@dataclass
class Failure:
    """An input that could not be processed, with the one-line reason."""

    where: str
    message: str

    def __str__(self) -> str:
        return printable(f"{self.where}: {self.message}")


@dataclass
class IngestReport:
    """What a batch run did."""

    documents: int = 0  # newly stored
    duplicates: int = 0  # already in the store (same id or same text)
    copies: int = 0  # stored as near-identical copies of a stored document (no new incidents)
    events: int = 0
    incidents: int = 0  # report incidents of the stored documents (before joining across reports)
    aggregates: int = 0
    words: int = 0
    failures: list[Failure] = field(default_factory=list)
    notices: list[Failure] = field(default_factory=list)  # documents stored with a notice (not in English)
    seconds: float = 0.0
    refreshed: int = 0  # stored documents re-extracted (ingest --refresh)
    conflicts: int = 0  # of their incidents, those where the machine now disagrees with a person's value

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        rate = f", {self.words / self.seconds:,.0f} words/s" if self.seconds > 0 and self.words else ""
        copies = f", {self.copies} stored as copies" if self.copies else ""
        notices = f", {len(self.notices)} with a notice" if self.notices else ""
        refreshed = (f"{self.refreshed} document(s) re-extracted ({self.conflicts} incident(s) with conflicts to review), "
                     if self.refreshed else "")
        return (
            f"{refreshed}{self.documents} document(s) stored, {self.duplicates} already stored{copies}, "
            f"{self.events} mention(s) in {self.incidents} incident(s), {self.aggregates} aggregate(s), "
            f"{len(self.failures)} failed{notices} in {self.seconds:.1f}s{rate}"
        )


def _failure(err: DatelineError, fallback: str) -> Failure:
    return Failure(err.where or fallback, err.message + (f" ({err.hint})" if err.hint else ""))


def documents_from(sources: Sequence[str], *, report: IngestReport, max_bytes: int = DEFAULT_MAX_BYTES, day_first: DayFirstOption = False,
                   http_client: httpx.Client | None = None) -> Iterator[Document]:
    """Documents from paths and URLs (fetched with ``http_client`` when given); bad inputs are recorded in the report, not raised."""
    for item in iter_documents(sources, max_bytes=max_bytes, day_first=day_first, http_client=http_client):
        if isinstance(item, IngestError):
            report.failures.append(_failure(item, "input"))
            log.info("%s", item)  # recorded in the report; the caller prints it once
        else:
            yield item


def extract_reports(
    sources: Sequence[str], *, engine: Engine, report: IngestReport | None = None, max_bytes: int = DEFAULT_MAX_BYTES, day_first: DayFirstOption = False
) -> Iterator[tuple[Document, list[Event], Report]]:
    """(document, mentions, its incidents and aggregates) for every document in the sources, without a database."""
    report = report if report is not None else IngestReport()
    for document, events in extract_sources(sources, engine=engine, report=report, max_bytes=max_bytes, day_first=day_first):
        told = consolidate(document, events)
        report.incidents += len(told.incidents)
        report.aggregates += len(told.aggregates)
        yield document, events, told


def extract_sources(
    sources: Sequence[str], *, engine: Engine, report: IngestReport | None = None, max_bytes: int = DEFAULT_MAX_BYTES, day_first: DayFirstOption = False
) -> Iterator[tuple[Document, list[Event]]]:
    """Events for every document in the sources, without a database."""
    report = report if report is not None else IngestReport()
    started = time.perf_counter()
    for document, result in engine.extract(documents_from(sources, report=report, max_bytes=max_bytes, day_first=day_first)):
        if isinstance(result, DatelineError):
            report.failures.append(_failure(result, document.id))
            continue
        report.documents += 1
        report.events += len(result)
        report.words += document.word_count()
        if document.notice:
            report.notices.append(Failure(document.origin or document.id, document.notice))
        yield document, result
    report.seconds = time.perf_counter() - started


def ingest(
    sources: Sequence[str],
    *,
    store: Store,
    engine: Engine,
    max_bytes: int = DEFAULT_MAX_BYTES,
    day_first: DayFirstOption = False,
    on_document: Callable[[str], None] | None = None,
    source_homes: bool = True,
    http_client: httpx.Client | None = None,
) -> IngestReport:
    """Read, extract and store every document; each document is written in one transaction.

    Documents already stored (same id or same normalised text) are skipped before the NLP
    runs, so re-running an interrupted batch finishes it without storing anything twice.
    ``source_homes``: each source's home province, read once from the events already stored for
    its documents (``geo/source_homes.py``), is a weak prior for one-town local stories that name
    no state; nothing is learned within the run, so the order of ``sources`` changes nothing.
    ``http_client`` fetches the URLs among the sources (a server passes one that refuses internal
    addresses; by default any address is fetched).
    """
    report = IngestReport()
    documents = documents_from(sources, report=report, max_bytes=max_bytes, day_first=day_first, http_client=http_client)
    homes = engine.stored_homes(store) if source_homes else None
    return _ingest(documents, store=store, engine=engine, report=report, on_document=on_document, homes=homes)


def refresh(
    sources: Sequence[str] = (),
    *,
    store: Store,
    engine: Engine,
    max_bytes: int = DEFAULT_MAX_BYTES,
    day_first: DayFirstOption = False,
    on_document: Callable[[str], None] | None = None,
    source_homes: bool = True,
    http_client: httpx.Client | None = None,
) -> IngestReport:
    """Re-extract stored documents with this dateline: every stored document when ``sources`` is
    empty, else the documents of ``sources`` (stored ones re-extracted, new ones ingested).

    Each document's mentions, report incidents and aggregates are replaced in one transaction
    (``Store.replace_extraction``); people's decisions hold, and a machine value that changed under
    a decided field is a conflict to review (counted in the report), never applied. A stored
    document is re-extracted from its stored text; an input whose text differs from the stored
    text of the same id is a failure, and nothing of it is changed. ``source_homes``: as in
    :func:`ingest`; a re-extracted document's own stored vote does not count for its prior.
    """
    report = IngestReport()
    if sources:
        documents = documents_from(sources, report=report, max_bytes=max_bytes, day_first=day_first, http_client=http_client)
    else:
        documents = stored_documents(store)
    homes = engine.stored_homes(store) if source_homes else None
    return _ingest(documents, store=store, engine=engine, report=report, on_document=on_document, refresh=True,
                   homes=homes)


def stored_documents(store: Store, *, page: int = 200) -> Iterator[Document]:
    """Every stored document, in the order they were added (read a page of ids at a time)."""
    offset = 0
    while True:
        ids = [d.id for d in store.documents(limit=page, offset=offset)]
        for document_id in ids:
            yield store.get_document(document_id)
        if len(ids) < page:
            return
        offset += page


def _ingest(documents: Iterable[Document], *, store: Store, engine: Engine, report: IngestReport,
            on_document: Callable[[str], None] | None, refresh: bool = False,
            homes: StoredHomes | None = None) -> IngestReport:
    started = time.perf_counter()
    index = CopyIndex.from_pairs(store.signatures())
    signatures: dict[str, str] = {}
    replacing: set[str] = set()  # stored documents to re-extract (refresh)
    # a stored copy of another document has no incidents of its own (the original's are its), and keeps none
    copies = {copy for copy, _, _ in store.copies()} if refresh and hasattr(store, "copies") else set()

    def fresh() -> Iterator[Document]:
        for document in documents:
            if refresh and document.id in copies:
                report.copies += 1
                if on_document:
                    on_document(document.origin or document.id)
                continue
            if refresh and store.has_document(document.id):
                try:
                    stored = store.get_document(document.id)
                except DatelineError as err:
                    report.failures.append(_failure(err, document.id))
                    continue
                if stored.content_hash != document.content_hash:
                    report.failures.append(Failure(document.origin or document.id,
                                                   "the stored text of this document differs from the input's; "
                                                   "--refresh re-extracts stored text, so nothing was changed"))
                    if on_document:
                        on_document(document.origin or document.id)
                    continue
                replacing.add(stored.id)
                yield stored
                continue
            if store.has_document(document.id) or store.has_document(content_hash=document.content_hash):
                report.duplicates += 1
                if on_document:
                    on_document(document.origin or document.id)
                continue
            sig = signature(document.text)
            copy_of = index.copy_of(document.text, sig)
            if copy_of is not None:
                # the same story republished: stored and linked, its incidents are the original's
                try:
                    if store.add_document(document, [], report=Report(document.id), signature=to_hex(sig), copy_of=copy_of):
                        report.copies += 1
                    else:
                        report.duplicates += 1
                except DatelineError as err:
                    report.failures.append(_failure(err, document.id))
                if on_document:
                    on_document(document.origin or document.id)
                continue
            index.add(document.id, sig)
            signatures[document.id] = to_hex(sig)
            yield document

    for document, result in engine.extract(fresh(), homes=homes):
        if on_document:
            on_document(document.origin or document.id)
        if isinstance(result, DatelineError):
            report.failures.append(_failure(result, document.id))
            continue
        told = consolidate(document, result)
        if document.id in replacing:
            _replace(store, document, result, told, report)
            continue
        try:
            stored = store.add_document(document, result, report=told, signature=signatures.pop(document.id, None))
        except DatelineError as err:
            report.failures.append(_failure(err, document.id))
            continue
        if stored:
            report.documents += 1
            report.events += len(result)
            report.incidents += len(told.incidents)
            report.aggregates += len(told.aggregates)
            report.words += document.word_count()
            if document.notice:
                report.notices.append(Failure(document.origin or document.id, document.notice))
        else:
            report.duplicates += 1
    report.seconds = time.perf_counter() - started
    return report


def _replace(store: Store, document: Document, events: list[Event], told: Report, report: IngestReport) -> None:
    """Store a stored document's new extraction, counting what it changed in the report."""
    try:
        done = store.replace_extraction(document, events, report=told)
    except DatelineError as err:
        report.failures.append(_failure(err, document.id))
        return
    report.refreshed += 1
    report.events += len(events)
    report.incidents += len(told.incidents)
    report.aggregates += len(told.aggregates)
    report.words += document.word_count()
    report.conflicts += done.conflicts
    report.notices += [Failure(document.origin or document.id, line) for line in done.notices()]
