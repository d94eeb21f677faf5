"""Batch extraction on Dask distributed: a local cluster or an existing one, the same Engine.extract.

    >>> from dateline.scale import connect, distributed_ingest
    >>> with connect(workers=2) as client:                                   # doctest: +SKIP
    ...     report = distributed_ingest(["articles/"], db="postgresql://me@db/dateline", client=client)

``cluster`` starts or joins the cluster, ``tasks`` is what runs on a worker
(the engine and store it keeps, one batch of documents), ``ingest`` is the
driver (reads and batches the documents, submits, collects, reports progress).
"""

from .cluster import connect
from .ingest import distributed_ingest
from .tasks import BatchResult, DocResult, EngineSpec

__all__ = ["BatchResult", "DocResult", "EngineSpec", "connect", "distributed_ingest"]
