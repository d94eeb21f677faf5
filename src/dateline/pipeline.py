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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from spacy.language import Language

from .annotate.pipeline import DEFAULT_MODEL, annotate_documents, build_pipeline
from .budget import Budget, document_name
from .errors import DatelineError, ExtractError, IngestError, printable
from .extract.events import Extractor
from .ingest import iter_documents
from .ingest.day_first import DayFirstOption
from .ingest.sources import DEFAULT_MAX_BYTES
from .models import Document, Event
from .resolve.actors import ActorRegistry
from .resolve.gazetteer import Gazetteer
from .resolve.source_homes import SourceHomes, homes_from_store
from .store.base import Store

log = logging.getLogger(__name__)


@dataclass
class Engine:
    """The loaded NLP pipeline and resolvers; load once, reuse for many documents."""

    nlp: Language
    extractor: Extractor
    budget: Budget = field(default_factory=Budget.from_env)  # what one document may cost

    @classmethod
    def load(cls, *, gazetteer: Path | None = None, actors: Path | None = None, model: str = DEFAULT_MODEL,
             source_homes: SourceHomes | None = None) -> "Engine":
        """Load the model, the actor registry and the gazetteer (building it on first use).

        ``source_homes``: learn each source's home province from the documents extracted so far and
        use it for the next ones of that source (off by default; ``ingest`` seeds one from the store).
        """
        registry = ActorRegistry.load(actors)
        gaz = Gazetteer(gazetteer) if gazetteer else Gazetteer.default()
        nlp = build_pipeline(gazetteer=gaz, registry=registry, model=model)
        return cls(nlp, Extractor(registry=registry, gazetteer=gaz, homes=source_homes))

    def extract(self, documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[tuple[Document, list[Event] | DatelineError]]:
        """(document, events) for each document, or (document, error) when it was refused (over the
        size budget), extraction passed the time budget, or failed."""
        refused: list[tuple[Document, DatelineError]] = []

        def admitted() -> Iterator[Document]:
            for document in documents:
                refusal = self.budget.refusal(document)
                if refusal is None:
                    yield document
                else:
                    refused.append((document, refusal))

        for annotated in annotate_documents(self.nlp, admitted(), batch_size=batch_size):
            yield from refused
            refused.clear()
            if annotated.error is not None:
                yield annotated.document, annotated.error
                continue
            try:
                events = self.extractor.extract(annotated, deadline=self.budget.deadline(annotated.document))
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
        yield from refused


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
    events: int = 0
    words: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        rate = f", {self.words / self.seconds:,.0f} words/s" if self.seconds > 0 and self.words else ""
        return (
            f"{self.documents} document(s) stored, {self.duplicates} already stored, "
            f"{self.events} event(s), {len(self.failures)} failed in {self.seconds:.1f}s{rate}"
        )


def _failure(err: DatelineError, fallback: str) -> Failure:
    return Failure(err.where or fallback, err.message + (f" ({err.hint})" if err.hint else ""))


def documents_from(sources: Sequence[str], *, report: IngestReport, max_bytes: int = DEFAULT_MAX_BYTES, day_first: DayFirstOption = False) -> Iterator[Document]:
    """Documents from paths and URLs; bad inputs are recorded in the report, not raised."""
    for item in iter_documents(sources, max_bytes=max_bytes, day_first=day_first):
        if isinstance(item, IngestError):
            report.failures.append(_failure(item, "input"))
            log.info("%s", item)  # recorded in the report; the caller prints it once
        else:
            yield item


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
) -> IngestReport:
    """Read, extract and store every document; each document is written in one transaction.

    Documents already stored (same id or same normalised text) are skipped before the NLP
    runs, so re-running an interrupted batch finishes it without storing anything twice.
    ``source_homes``: each source's home province is learned from the events already stored for
    its documents and from the batch so far (``resolve/source_homes.py``), a weak prior for
    one-town local stories that name no state.
    """
    extractor = engine.extractor
    if not source_homes or extractor.gazetteer is None:
        return _ingest(sources, store=store, engine=engine, max_bytes=max_bytes, day_first=day_first,
                       on_document=on_document)
    previous = extractor.homes
    extractor.homes = homes_from_store(store, extractor.gazetteer)
    try:
        return _ingest(sources, store=store, engine=engine, max_bytes=max_bytes, day_first=day_first,
                       on_document=on_document)
    finally:
        extractor.homes = previous


def _ingest(sources: Sequence[str], *, store: Store, engine: Engine, max_bytes: int, day_first: DayFirstOption,
            on_document: Callable[[str], None] | None) -> IngestReport:
    report = IngestReport()
    started = time.perf_counter()

    def fresh() -> Iterator[Document]:
        for document in documents_from(sources, report=report, max_bytes=max_bytes, day_first=day_first):
            if store.has_document(document.id) or store.has_document(content_hash=document.content_hash):
                report.duplicates += 1
                if on_document:
                    on_document(document.origin or document.id)
                continue
            yield document

    for document, result in engine.extract(fresh()):
        if on_document:
            on_document(document.origin or document.id)
        if isinstance(result, DatelineError):
            report.failures.append(_failure(result, document.id))
            continue
        try:
            stored = store.add_document(document, result)
        except DatelineError as err:
            report.failures.append(_failure(err, document.id))
            continue
        if stored:
            report.documents += 1
            report.events += len(result)
            report.words += document.word_count()
        else:
            report.duplicates += 1
    report.seconds = time.perf_counter() - started
    return report
