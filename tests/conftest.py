"""Test-wide settings.

- Unexpected errors in a page fail the test rather than turning into the friendly message a
  learner would see (tests/test_error_guard.py checks that message).
- One torch thread in the test process: its runs are tiny, and on a busy 2-core machine a
  second thread mostly waits (training tests ran 10x slower with two under load). The app
  server the browser tests start keeps torch's default.
- One worker pool for every test that trains in a worker (training, fine-tuning): each worker
  costs a torch import, seconds.
- Learners' workspaces go to a database in a temporary folder (APP_DATA_DIR), never the checkout's
  data/workspaces/; the app servers the browser tests start inherit it.
- `make test` runs two pytest workers (pytest-xdist): each has its own worker pool, app server,
  Chromium and PostgreSQL, and its own APP_DATA_DIR (this file runs once in each).
"""

import os
import tempfile

import pytest
import torch

from core.training.job import warm_up_worker
from core.worker_pool import WorkerPool
from ui.errors import RAISE_ENV_VAR

os.environ.setdefault(RAISE_ENV_VAR, "1")
os.environ.setdefault("APP_DATA_DIR", tempfile.mkdtemp(prefix="nnx-test-workspaces-"))
torch.set_num_threads(1)


@pytest.fixture(scope="session")
def worker_pool():
    """Two warm workers with one torch thread each, as the in-process tests use."""
    pool = WorkerPool(size=2, threads=1, warm_up=warm_up_worker)
    pool.warm()
    yield pool
    processes = [worker.process for worker in pool._workers]
    pool.shutdown()
    for process in processes:  # ended or killed by now; a loaded machine can take a moment to reap one
        process.join(10)
    assert not any(process.is_alive() for process in processes)
