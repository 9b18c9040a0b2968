"""A training run's whole state as plain CPU tensors: sent between processes, a run carries on exactly.

A worker process trains; the server keeps a mirror of the run. At each epoch's end (and when the
run stops) the worker sends a `RunState`, and `restore` puts it into another `TrainingRun` of the
same recipe: same weights, optimizer moments, schedule step, shuffling generator and position in
the epoch, so training on from it gives the same numbers as never having stopped.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from core.training.engine import TrainConfig, TrainingRun, _EpochSums


@dataclass
class RunState:
    """Everything `TrainingRun.events` needs to carry on where a run stood (CPU tensors only)."""

    config: TrainConfig
    epoch: int
    batch: int
    seen: int
    elapsed_s: float
    model: dict[str, torch.Tensor]
    optimizer: dict
    scheduler: dict | None
    shuffler: torch.Tensor  # the shuffling generator's state
    order: torch.Tensor | None  # this epoch's order over the subset, mid-epoch only
    sums: _EpochSums | None  # the epoch's running sums, mid-epoch only


def _cpu(value):
    """A copy of a (nested) state dict with every tensor on the CPU."""
    if isinstance(value, torch.Tensor):
        return value.detach().to("cpu", copy=True)
    if isinstance(value, dict):
        return {key: _cpu(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_cpu(item) for item in value)
    return value


def capture(run: TrainingRun) -> RunState:
    """A CPU copy of where `run` stands."""
    return RunState(
        config=run.config, epoch=run.epoch, batch=run.batch, seen=run.seen, elapsed_s=run.elapsed_s,
        model=_cpu(run.model.state_dict()), optimizer=_cpu(run.optimizer.state_dict()),
        scheduler=run.scheduler.state_dict() if run.scheduler is not None else None,
        shuffler=run._shuffler.get_state(),
        order=_cpu(run._order) if run._order is not None else None,
        sums=run._sums.to("cpu") if run._sums is not None else None,
    )


def restore(run: TrainingRun, state: RunState) -> None:
    """Put `state` into `run` (a run of the same recipe), in place."""
    if state.config != run.config:
        raise ValueError(f"a state of recipe {state.config} cannot carry on a run of {run.config}")
    run.model.load_state_dict(state.model)
    run.optimizer.load_state_dict(state.optimizer)
    if run.scheduler is not None and state.scheduler is not None:
        run.scheduler.load_state_dict(state.scheduler)
    run._shuffler.set_state(state.shuffler)
    run.epoch, run.batch, run.seen, run.elapsed_s = state.epoch, state.batch, state.seen, state.elapsed_s
    run._order = state.order.to(run.device) if state.order is not None else None
    run._sums = state.sums.to(run.device) if state.sums is not None else None
