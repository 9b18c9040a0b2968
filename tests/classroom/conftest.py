"""The class tests run on the store's two databases (tests/store/conftest.py: SQLite, PostgreSQL 15)."""

from __future__ import annotations

import pytest

from core.classroom import Classes, SharedRun
from tests.store.conftest import make_store, postgres, shared_postgres_url, store, store_url  # noqa: F401

NOW = 1_800_000_000.0


@pytest.fixture
def classes(store):  # noqa: F811  the imported store fixture
    return Classes(store, environ={})


def a_run(run_id: str = "r1", acc: float = 97.5, **recipe) -> SharedRun:
    """A small shared run as the training page would make it."""
    recipe = {"epochs": 1, "batch_size": 64, "lr": 0.01, "optimizer": "sgd", "train_size": 5000,
              "architecture": "LeNet-5", **recipe}
    return SharedRun(run_id=run_id, name=f"run {run_id}", recipe=recipe,
                     epochs=[{"epoch": 1, "test_acc": acc, "seconds": 12.5}], final_acc=acc, seconds=12.5,
                     family=[recipe])


def with_changes(run: SharedRun, **changes) -> SharedRun:
    """The run with some fields replaced."""
    return SharedRun(**{**run.__dict__, **changes})
