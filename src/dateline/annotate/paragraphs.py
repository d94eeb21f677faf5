"""The component that ends a sentence at a blank line, before the parser (model.py puts it there).

A module of its own: a worker process that reads pieces of a long document (parallel.py) builds
the model's part of the pipeline, which needs this component and none of the others."""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["make_paragraphs"]


@Language.factory("dateline_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """A sentence never runs across a blank line: the parser, which keeps boundaries set before it,
    otherwise joins a heading ("Maliki's Offensive") to the paragraph under it. The break itself
    opens a sentence of its own (only whitespace, no event): with the boundary after it alone,
    the small parser still read the heading into the next line and split "Operation | Promise of
    Peace follows ..."."""

    def paragraphs(doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2 and token.i > 0:
                token.is_sent_start = True
                doc[token.i + 1].is_sent_start = True
        return doc

    return paragraphs
