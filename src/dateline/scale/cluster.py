"""Start a local Dask cluster or join an existing one, and hand back a client."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import ConfigError

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 20


@contextmanager
def connect(*, workers: int | None = None, scheduler: str | None = None) -> Iterator["distributed.Client"]:  # noqa: F821
    """A client for ``scheduler`` (tcp://HOST:PORT), or for a new local cluster of ``workers`` processes.

    Local workers are processes with one thread each: spaCy holds the GIL for most
    of its work, so threads would not add throughput, and one thread per process
    keeps each worker's engine used by one batch at a time.
    """
    from distributed import Client, LocalCluster

    if scheduler and workers:
        raise ConfigError("give either a number of local workers or a scheduler address, not both",
                          where="--workers/--scheduler")
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as err:
            raise ConfigError(
                f"cannot reach the Dask scheduler: {err}",
                where=scheduler,
                hint="start one with `dask scheduler` and workers with `dask worker tcp://HOST:8786 --nthreads 1`",
            ) from err
        log.info("joined Dask cluster %s with %d worker(s)", scheduler, len(client.scheduler_info()["workers"]))
        try:
            yield client
        finally:
            client.close()
        return
    count = workers or 1
    if count < 1:
        raise ConfigError(f"need at least one worker, not {count}", where="--workers")
    cluster = LocalCluster(
        n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=logging.ERROR,  # a killed worker is an expected event, reported by the driver
    )
    client = Client(cluster)
    log.info("started a local Dask cluster of %d worker process(es)", count)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def worker_count(client: "distributed.Client") -> int:  # noqa: F821
    """How many workers the scheduler knows now (at least 1, for sizing the submission window)."""
    return max(1, len(client.scheduler_info().get("workers", {})))
