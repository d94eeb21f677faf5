"""Read the pieces of a long document in more than one process: this one and a worker that loads
the same model package.

A section over MAX_CHUNK_CHARS is read in pieces, batches of two through the pipeline (pipeline.py).
The model's part of the pipeline (model.py: nine tenths of a long document's reading) is what a
worker shares: each batch goes to whichever process is free, and dateline's own components then run
here over every Doc in order. A worker sends a batch back as ``Doc.to_bytes``, which keeps every
annotation the model sets, so the Docs are the ones a single process makes: the same batches
through the same model.

A worker is a fresh interpreter (``python -c``, importing dateline from where this process does)
started for one document and killed after it: a ``multiprocessing`` spawn would run the program's
main module again in the worker (a script without a ``__main__`` guard would run twice), and a fork
would copy a process that may hold threads. Its start-up (about 1 s of a core: it imports spaCy and
the model's part alone, then loads the model) overlaps this process reading the first batches; a batch a worker has not returned once this process runs out of
work is read here as well, so a slow, failed or late worker costs at most one batch's time. A long
document is read in this process alone inside a daemon process (a Dask worker or a multiprocessing
pool, which may not have children), on one core, with $DATELINE_READ_WORKERS=0, or when it has too
few batches to pay for the start-up.

    DATELINE_READ_WORKERS   worker processes that help read a long document (default 1 with 2 or more cores; 0: none)
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe, wait
from pathlib import Path
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..config import env_number
from .model import PACKAGE_KEY, build_model

__all__ = ["MIN_BATCHES", "WORKERS_ENV", "model_pipes", "read_shared", "serve", "workers"]

log = logging.getLogger(__name__)

WORKERS_ENV = "DATELINE_READ_WORKERS"
# Fewer batches than this are read here alone: the worker's start-up and the Docs it sends back cost
# about what it saves on a shorter document, and on a loaded machine more. Measured on 2 cores at a
# load of about 1 (bench/long_paragraph.py): 250 KB (7 batches) 8.6 s with a worker, 8.8 s without;
# 500 KB (13) 12.3 s and 18.1 s; 1 MB (26) 24 s and 36 s.
MIN_BATCHES = 8
# batches handed to a worker before it returns one: it starts the next as soon as it sends one back
_AHEAD = 2
# dateline's components in the model's part (model.py): they set token attributes Doc.to_bytes keeps
_MODEL_PART_OWN = ("dateline_paragraphs", "dateline_tag_map")


def workers() -> int:
    """How many worker processes may help read a long document here and now (0: none)."""
    count = int(env_number(WORKERS_ENV, int, -1, zero="none"))
    if count < 0:  # unset: one helper where there is a core to spare
        count = min(1, _cores() - 1)
    if count and (multiprocessing.current_process().daemon or not sys.executable or os.name != "posix"):
        # a daemon process may not have children; an embedded interpreter has no python to start; the
        # worker's connection is handed over as a file descriptor
        return 0
    return count


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def model_pipes(nlp: Language) -> list[str]:
    """The names of the components the model's part of the pipeline is made of (model.py): those
    before dateline's first component that reads what the model found."""
    names = list(nlp.pipe_names)
    first = next((i for i, name in enumerate(names) if name.startswith("dateline_") and name not in _MODEL_PART_OWN),
                 len(names))
    return names[:first]


def read_shared(nlp: Language, docs: list[Doc], texts: list[str], *, batch_size: int,
                progress: Callable[[int], None]) -> list[Doc] | None:
    """`docs` (``nlp.make_doc`` of `texts`) through the whole pipeline, the model's part read here
    and in worker processes; None when no worker may help (see the module's docstring): the caller
    reads them alone. ``progress(characters read)`` is called before each batch is handed out; an
    error it raises stops the workers and goes to the caller."""
    count = workers()
    package = nlp.meta.get(PACKAGE_KEY)
    if not count or not package or len(docs) < MIN_BATCHES * batch_size:
        return None
    batches = [_Batch(docs[i : i + batch_size], texts[i : i + batch_size]) for i in range(0, len(docs), batch_size)]
    helpers: list[_Worker] = []
    try:
        for _ in range(count):
            try:
                helpers.append(_Worker.start(package, model_pipes(nlp), batch_size))
            except OSError as err:  # no process to be had (a limit on processes, no memory)
                log.warning("no worker process to help read a long document: %s", err)
                break
        if not helpers:
            return None
        return _Sharing(nlp, helpers, batches, batch_size, progress).run()
    finally:
        for helper in helpers:
            helper.stop()


@dataclass(frozen=True, slots=True)
class _Batch:
    docs: list[Doc]
    texts: list[str]

    @property
    def size(self) -> int:
        return sum(map(len, self.texts))


@dataclass
class _Worker:
    """A worker process and the batches sent to it, oldest first (it returns them in that order)."""

    process: subprocess.Popen[bytes]
    connection: Connection
    sent: deque[int] = field(default_factory=deque)
    returned: int = 0
    failed: bool = False

    @classmethod
    def start(cls, package: str, names: list[str], batch_size: int) -> _Worker:
        ours, theirs = Pipe()
        # the worker imports this dateline, wherever it comes from (a source tree, an editable install)
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", f"from dateline.annotate.parallel import serve; serve({theirs.fileno()})"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, pass_fds=[theirs.fileno()], env=env)
        finally:
            theirs.close()
        worker = cls(process, ours)
        worker.connection.send((package, names, batch_size))
        return worker

    def send(self, i: int, texts: list[str]) -> bool:
        """Hand batch `i` to the worker; False once it has failed."""
        try:
            self.connection.send(texts)
        except OSError:
            self.failed = True
            return False
        self.sent.append(i)
        return True

    def receive(self) -> tuple[int, list[bytes] | None]:
        """The oldest batch sent and its Docs' bytes; None once the worker failed."""
        i = self.sent.popleft()
        try:
            reply = self.connection.recv()
        except (EOFError, OSError):
            reply = None
        if not isinstance(reply, list):  # it died, or its model part is not this one's (it said which)
            log.warning("a worker could not read a long document's batch (%s); reading here", reply or "it stopped")
            self.failed = True
            return i, None
        self.returned += 1
        return i, reply

    def stop(self) -> None:
        self.connection.close()
        self.process.kill()
        self.process.wait()


class _Sharing:
    """One long document's batches, shared between this process and its workers. This process also
    runs dateline's components over each batch as soon as the model has read it (they read one Doc
    at a time, so the order does not matter), and the workers take more of the model's batches."""

    def __init__(self, nlp: Language, helpers: list[_Worker], batches: list[_Batch], batch_size: int,
                 progress: Callable[[int], None]) -> None:
        self.nlp, self.helpers, self.batches, self.batch_size, self.progress = nlp, helpers, batches, batch_size, progress
        self.model = model_pipes(nlp)
        self.own = [name for name in nlp.pipe_names if name not in self.model]
        self.read: list[list[Doc] | None] = [None] * len(batches)  # through the model
        self.finished = [False] * len(batches)  # ... and dateline's components
        self.waiting: deque[int] = deque(range(len(batches)))
        self.local_seconds = 0.0  # the longest the model took over a batch here: how long to wait for a worker

    def run(self) -> list[Doc]:
        while True:
            self._collect()
            for helper in self.helpers:
                while not helper.failed and self.waiting and len(helper.sent) < _AHEAD:
                    i = self.waiting.popleft()
                    self.progress(self._done())
                    if not helper.send(i, self.batches[i].texts):
                        self.waiting.appendleft(i)
            # dateline's components first, over the little the model has read since: so this process
            # has few of them left when the workers are done
            ready = next((i for i, read in enumerate(self.read) if read is not None and not self.finished[i]), None)
            if ready is not None:
                self.read[ready] = list(self.nlp.pipe(self.read[ready], batch_size=self.batch_size, disable=self.model))
                self.finished[ready] = True
            elif self.waiting:
                self._read_here(self.waiting.popleft())
            elif self._pending():
                self._wait_or_take_over()
            else:
                log.debug("read a long document's %d batches of pieces, %d of them in worker processes", len(self.batches),
                          sum(h.returned for h in self.helpers))
                return [doc for batch in self.read for doc in batch or ()]

    def _pending(self) -> list[tuple[_Worker, int]]:
        """(worker, batch) of each batch a worker holds that is not read yet, oldest first."""
        return [(h, i) for h in self.helpers for i in h.sent if self.read[i] is None]

    def _done(self) -> int:
        return sum(batch.size for batch, read in zip(self.batches, self.read) if read is not None)

    def _read_here(self, i: int) -> None:
        self.progress(self._done())
        started = time.perf_counter()
        self.read[i] = list(self.nlp.pipe(self.batches[i].docs, batch_size=self.batch_size, disable=self.own))
        self.local_seconds = max(self.local_seconds, time.perf_counter() - started)

    def _collect(self) -> None:
        for helper in self.helpers:
            while helper.sent and (helper.failed or helper.connection.poll()):
                i, data = helper.receive() if not helper.failed else (helper.sent.popleft(), None)
                if self.read[i] is not None:
                    continue  # read here meanwhile
                if data is None:
                    self.waiting.appendleft(i)
                else:
                    self.read[i] = [_from_bytes(self.nlp, made, got) for made, got in zip(self.batches[i].docs, data)]

    def _wait_or_take_over(self) -> None:
        """Nothing left to hand out: read here the last batch a worker holds when it holds more than
        one or has returned none yet (it may still be loading the model), else wait for it as long
        as reading it here would take."""
        pending = self._pending()
        held = {id(h): sum(1 for g, _ in pending if g is h) for h, _ in pending}
        helper, last = max(pending, key=lambda hi: (held[id(hi[0])] > 1 or not hi[0].returned, hi[1]))
        if held[id(helper)] > 1 or not helper.returned:
            self._read_here(last)
        elif not wait([helper.connection], self.local_seconds or None):
            self._read_here(last)


def _from_bytes(nlp: Language, made: Doc, data: bytes) -> Doc:
    """The Doc a worker read, in this process's vocabulary, with the values ``made`` was given."""
    doc = Doc(nlp.vocab).from_bytes(data)
    doc.user_data.update(made.user_data)  # doc._.published, offset, ... (not sent to the worker)
    return doc


def serve(fd: int) -> None:
    """A worker's life: load the model part named first, then read each list of texts sent and
    send back its Docs' bytes, or one line saying why it cannot, until the other end closes."""
    connection = Connection(fd)
    package, names, batch_size = connection.recv()
    try:
        nlp = build_model(package)
        ours = list(nlp.pipe_names)
        refusal = None if ours == names else f"its model part is {ours}, not {names}"
    except Exception as err:  # noqa: BLE001 - said to the process it helps, which reads the document alone
        refusal = f"it could not load {package}: {err}"
    while True:
        try:
            texts = connection.recv()
        except EOFError:
            return
        if refusal is not None:
            connection.send(refusal)
            continue
        try:
            reply: list[bytes] | str = [doc.to_bytes(exclude=["user_data"]) for doc in nlp.pipe(texts, batch_size=batch_size)]
        except Exception as err:  # noqa: BLE001 - this process reads the batch again and reports what fails
            reply = f"it failed: {type(err).__name__}: {err}"
        connection.send(reply)
