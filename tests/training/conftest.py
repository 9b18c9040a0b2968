"""One worker pool for every training test (each worker costs a torch import: seconds)."""

import pytest

from core.training.job import warm_up_worker
from core.training.worker import WorkerPool


@pytest.fixture(scope="session")
def worker_pool():
    """Two warm workers with one torch thread each, as the in-process tests use."""
    pool = WorkerPool(size=2, threads=1, warm_up=warm_up_worker)
    pool.warm()
    yield pool
    processes = [worker.process for worker in pool._workers]
    pool.shutdown()
    assert not any(process.is_alive() for process in processes)
