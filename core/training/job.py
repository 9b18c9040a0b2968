"""The training run as a worker job: `core.worker_pool` runs it in its own process.

`train_job` builds the same `TrainingRun` the page used to drive in the server (same seed,
same data), optionally carries on from a `Checkpoint`, and yields the run's events; after each
epoch, and when stopped mid-epoch, it also yields the run's `Checkpoint`, so whoever follows it
keeps every completed epoch even if the worker dies, and can resume exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import torch

from core.data import data_dir, load_tensors
from core.training.checkpoint import Checkpoint
from core.training.engine import (
    BatchEvent,
    EpochEvent,
    TrainConfig,
    TrainingRun,
    make_optimizer,
    seeded_model,
)


@functools.lru_cache(maxsize=2)
def _mnist(folder: str) -> tuple[tuple[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor]]:
    """Both splits as tensors, loaded once per worker (keyed by folder: MNIST_DIR may change)."""
    return load_tensors(train=True), load_tensors(train=False)


def mnist_splits() -> tuple[tuple[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor]]:
    """Both splits as tensors, as this worker loaded them (shared: only read them)."""
    return _mnist(str(data_dir()))


def warm_up_worker() -> None:
    """Load MNIST into this worker before its first job (a pool's `warm_up`), and build an
    optimizer once: PyTorch imports its compiler package on the first (about a second)."""
    mnist_splits()
    make_optimizer(seeded_model(0), TrainConfig(optimizer="adam"))


def train_job(
    should_stop: Callable[[], bool],
    config: TrainConfig,
    device: str | None = None,
    start: Checkpoint | None = None,
    report_every: int = 20,
    test_size: int | None = None,
    design: list[dict] | None = None,
) -> Iterator[BatchEvent | EpochEvent | Checkpoint]:
    """Train by `config` on `device` (from `start` if given), yielding events and, at every epoch's
    end and on stopping, the run's state; each epoch is judged on the first `test_size` test
    images (all by default); the network is `design`'s (core.model.design), LeNet when None."""
    train_data, (test_x, test_y) = mnist_splits()
    test_data = (test_x[:test_size], test_y[:test_size])
    run = TrainingRun.start(seeded_model(config.seed, design), config, device, train_data, test_data)
    if start is not None:
        run.restore(start)
    for event in run.events(should_stop, report_every):
        yield event
        if isinstance(event, EpochEvent):
            yield run.checkpoint()
    if not run.finished:  # stopped mid-epoch: where it stands
        yield run.checkpoint()
