"""Build the one spaCy pipeline dateline uses, and run it over a document's body."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import AnnotateError, DatelineError
from ..models import HEADER, Document, Section
from . import components  # noqa: F401  (registers the factories)
from .model import DEFAULT_MODEL, build_model, load_model
from .parallel import read_shared
from .texts import doc_text, paragraph_index, seed_text

if TYPE_CHECKING:
    from ..geo.gazetteer import Gazetteer
    from ..resolve.actors import ActorRegistry

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_MODEL", "AnnotatedDocument", "annotate_documents", "build_pipeline", "doc_text", "load_model",
           "paragraph_index", "pieces"]

# A section up to this long is one Doc (every news article is). A longer one is read in pieces of
# about LONG_PIECE_CHARS, cut at a blank line, else at a sentence's end, else between words (it was
# cut mid-word every 100,000): memory stays bounded and the time budget is checked between pieces.
# Smaller pieces lose the context the place tagger reads across a Doc (a name tagged once is a place
# where it recurs): at 5,000 characters a long paragraph lost places that 20,000 keeps.
MAX_CHUNK_CHARS = 100_000
LONG_PIECE_CHARS = 20_000
# pieces of a long document per nlp.pipe batch: the model's cost per word grows with a batch's size
# past about 50,000 characters (measured: tok2vec a fifth slower on one 100,000-character Doc)
_LONG_BATCH = 2
# a sentence's end to cut a long paragraph at: a word of three lower-case letters or digits and a full stop
# (not "Mr.", "Col.", "U.S."), then a capital; the next piece starts at the capital
_SENTENCE_END = re.compile(r"[a-z0-9]{3}[.!?][\"'\u201d\u2019)]?\s+(?=[\"\u201c\u2018(]?[A-Z])")


def build_pipeline(
    *, gazetteer: "Gazetteer | None" = None, registry: "ActorRegistry | None" = None, model: str = DEFAULT_MODEL
) -> Language:
    """The English model plus dateline's components, configured with the registry and gazetteer."""
    nlp = build_model(model)
    nlp.add_pipe("dateline_timex", last=True)
    nlp.add_pipe("dateline_quantities", last=True)
    actors = nlp.add_pipe("dateline_actors", last=True)
    places = nlp.add_pipe("dateline_places", last=True)
    if registry is not None:
        actors.configure(registry.patterns(), lambda text: registry.resolve(text))
    if gazetteer is not None:
        places.configure(gazetteer.is_known)
    return nlp




# Called before each piece of a long document is read: (document, characters read, characters in all).
# A DatelineError it raises (the document's time is up) ends the reading of that document alone.
ReadingWatch = Callable[[Document, int, int], None]


@dataclass(slots=True)
class AnnotatedDocument:
    """A document with the spaCy Docs of its body pieces (each knows its offset), and of its header.

    Events come from the body only (a headline repeats the lead); the header's Docs are there for
    what the whole document is about, such as the places its headline names."""

    document: Document
    docs: list[Doc]
    error: DatelineError | None = None  # set when the pipeline failed on this document, or its time ran out
    header_docs: list[Doc] = field(default_factory=list)


def pieces(document: Document, sections: Iterable[Section]) -> Iterator[tuple[int, str, bool]]:
    """(offset, text, continues) of each piece of the sections: a section longer than MAX_CHUNK_CHARS
    is cut (see there), and each of its pieces after the first ``continues`` the one before: its text
    up to its first blank line belongs to the paragraph that piece ends in."""
    for section in sections:
        start = section.start
        long = section.end - section.start > MAX_CHUNK_CHARS
        while start < section.end:
            end = _cut(document.text, start, section.end) if long else section.end
            yield start, document.text[start:end], long and start > section.start
            start = end


def _cut(text: str, start: int, stop: int) -> int:
    """Where the piece of a long section that starts at `start` ends: at the last blank line, else
    after the last sentence end, else after the last space in the second half of the next
    LONG_PIECE_CHARS characters (a run with no space is cut at the limit)."""
    limit = start + LONG_PIECE_CHARS
    if limit >= stop:
        return stop
    low = start + LONG_PIECE_CHARS // 2
    blank = text.rfind("\n\n", low, limit)
    if blank > start:
        return blank
    last = None
    for last in _SENTENCE_END.finditer(text, low, limit):
        pass
    if last is not None:
        return last.end()
    space = max(text.rfind(" ", low, limit), text.rfind("\n", low, limit))
    return space + 1 if space > start else limit


def _make_docs(nlp: Language, document: Document, sections: Iterable[Section]) -> list[Doc]:
    docs = []
    for offset, text, continues in pieces(document, sections):
        doc = nlp.make_doc(text)
        seed_text(doc, text)
        doc._.published = document.published
        doc._.day_first = document.day_first
        doc._.offset = offset
        if continues:
            doc._.continues = True
        docs.append(doc)
    return docs


def is_long(document: Document) -> bool:
    """Whether a document has a section over MAX_CHUNK_CHARS: it is read on its own, piece by piece."""
    return any(s.end - s.start > MAX_CHUNK_CHARS for s in document.sections if s.kind == HEADER) or any(
        s.end - s.start > MAX_CHUNK_CHARS for s in document.body_sections())


def annotate_documents(nlp: Language, documents: Iterable[Document], *, batch_size: int = 16,
                       watch: ReadingWatch | None = None) -> Iterator[AnnotatedDocument]:
    """Run the pipeline over the body of each document, batching across documents; a long document
    (:func:`is_long`) is read on its own, ``watch`` called before each of its pieces goes in."""
    chunk: list[Document] = []
    for document in documents:
        if is_long(document):
            if chunk:
                yield from _annotate_chunk(nlp, chunk, batch_size)
                chunk = []
            yield _annotate_long(nlp, document, watch)
            continue
        chunk.append(document)
        if len(chunk) >= batch_size:
            yield from _annotate_chunk(nlp, chunk, batch_size)
            chunk = []
    if chunk:
        yield from _annotate_chunk(nlp, chunk, batch_size)


def _annotate_long(nlp: Language, document: Document, watch: ReadingWatch | None) -> AnnotatedDocument:
    header = _make_docs(nlp, document, [s for s in document.sections if s.kind == HEADER])
    made = header + _make_docs(nlp, document, document.body_sections())
    texts = [doc_text(doc) for doc in made]
    total = sum(map(len, texts))

    def progress(done: int) -> None:
        if watch is not None:
            watch(document, done, total)

    def fed() -> Iterator[Doc]:
        done = 0
        for doc, text in zip(made, texts):
            progress(done)
            yield doc
            done += len(text)

    try:
        # the model's part read in worker processes too (parallel.py), when one may help
        processed = read_shared(nlp, made, texts, batch_size=_LONG_BATCH, progress=progress)
        if processed is None:
            processed = list(nlp.pipe(fed(), batch_size=_LONG_BATCH))
    except DatelineError as err:
        return AnnotatedDocument(document, [], err)
    except Exception:  # noqa: BLE001 - one document's failure is its own
        log.exception("NLP pipeline failed on %s", document.id)
        return AnnotatedDocument(document, [], AnnotateError("the NLP pipeline failed on this document", where=document.id))
    return AnnotatedDocument(document, processed[len(header):], header_docs=processed[:len(header)])


def _annotate_chunk(nlp: Language, chunk: list[Document], batch_size: int) -> Iterator[AnnotatedDocument]:
    headers = [_make_docs(nlp, d, [s for s in d.sections if s.kind == HEADER]) for d in chunk]
    made = [_make_docs(nlp, document, document.body_sections()) for document in chunk]
    flat = [doc for docs in headers for doc in docs] + [doc for docs in made for doc in docs]
    try:
        processed = iter(list(nlp.pipe(flat, batch_size=batch_size)))
    except Exception:  # noqa: BLE001 - find which document broke the batch, then report only that one
        if len(chunk) == 1:
            log.exception("NLP pipeline failed on %s", chunk[0].id)
            yield AnnotatedDocument(chunk[0], [], AnnotateError("the NLP pipeline failed on this document", where=chunk[0].id))
            return
        for document in chunk:
            yield from _annotate_chunk(nlp, [document], batch_size)
        return
    header_docs = [[next(processed) for _ in docs] for docs in headers]
    for document, docs, header in zip(chunk, made, header_docs):
        yield AnnotatedDocument(document, [next(processed) for _ in docs], header_docs=header)
