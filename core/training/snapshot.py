"""A training run frozen at the end of an epoch, and a run resumed from one.

A `Snapshot` holds everything the next epoch depends on: the weights, the optimizer's state
(momentum buffers, Adam's moments), the schedule's position and the state of the generator
that shuffles each epoch. Resuming from it under the same recipe therefore continues bit for
bit as if the run had never stopped; under a changed recipe it continues from the same
weights and optimizer state with the new hyper-parameters.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

import torch
from torch import nn

from core.training.engine import TrainConfig, TrainingRun
from core.training.run_state import RunState


@dataclass
class Snapshot:
    """A run's state at the end of `epoch` (0 = before training), all on the CPU."""

    epoch: int
    config: TrainConfig  # the recipe that produced this state
    model_state: dict[str, torch.Tensor]
    optimizer_state: dict | None  # None at epoch 0: the optimizer has not moved yet
    scheduler_state: dict | None
    shuffler_state: torch.Tensor
    seen: int
    elapsed_s: float

    @property
    def weight_bytes(self) -> int:
        """Bytes the weights take (LeNet: 177,704)."""
        return sum(t.numel() * t.element_size() for t in self.model_state.values())

    @property
    def nbytes(self) -> int:
        """Bytes the whole snapshot takes: weights, optimizer state and generator state."""
        tensors = [t for t in _tensors(self.optimizer_state)] + [self.shuffler_state]
        return self.weight_bytes + sum(t.numel() * t.element_size() for t in tensors)


def _tensors(state: object) -> list[torch.Tensor]:
    """Every tensor inside a nested dict/list (an optimizer's state_dict)."""
    if isinstance(state, torch.Tensor):
        return [state]
    if isinstance(state, dict):
        return [t for value in state.values() for t in _tensors(value)]
    if isinstance(state, (list, tuple)):
        return [t for value in state for t in _tensors(value)]
    return []


def _to_cpu(state: object) -> object:
    """A deep CPU copy of a nested state (so later steps never change it)."""
    if isinstance(state, torch.Tensor):
        return state.detach().to("cpu", copy=True)
    if isinstance(state, dict):
        return {key: _to_cpu(value) for key, value in state.items()}
    if isinstance(state, list):
        return [_to_cpu(value) for value in state]
    return copy.deepcopy(state)


def take_snapshot(run: TrainingRun) -> Snapshot:
    """The run as it stands between epochs (call it after an EpochEvent, or before the first batch)."""
    if run.batch != 0:
        raise ValueError("a snapshot is taken between epochs, not in the middle of one")
    started = run.seen > 0
    return Snapshot(
        epoch=run.epoch - 1, config=copy.copy(run.config),
        model_state=_to_cpu(run.model.state_dict()),
        optimizer_state=_to_cpu(run.optimizer.state_dict()) if started else None,
        scheduler_state=copy.deepcopy(run.scheduler.state_dict()) if run.scheduler and started else None,
        shuffler_state=run.shuffler_state(), seen=run.seen, elapsed_s=run.elapsed_s,
    )


def snapshot_from_state(state: RunState) -> Snapshot | None:
    """The snapshot a worker's `RunState` holds when it stands between epochs (else None)."""
    if state.batch != 0 or state.order is not None:
        return None
    return Snapshot(
        epoch=state.epoch - 1, config=copy.copy(state.config), model_state=_to_cpu(state.model),
        optimizer_state=_to_cpu(state.optimizer) if state.seen else None,
        scheduler_state=copy.deepcopy(state.scheduler) if state.scheduler and state.seen else None,
        shuffler_state=state.shuffler.clone(), seen=state.seen, elapsed_s=state.elapsed_s,
    )


def resume_from(
    snapshot: Snapshot,
    model: nn.Module,
    config: TrainConfig,
    device: torch.device | str | None = None,
    train_data: tuple[torch.Tensor, torch.Tensor] | None = None,
    test_data: tuple[torch.Tensor, torch.Tensor] | None = None,
) -> TrainingRun:
    """A run that carries on from `snapshot` by `config` (whose `epochs` counts the whole run).

    Same recipe: every piece of state is restored, so it continues bit for bit. A changed
    recipe keeps the weights, the shuffling generator and (same optimizer) its momentum, with
    the new learning rate and momentum; a one-cycle schedule then starts a fresh cycle over the
    epochs left.
    """
    if config.epochs <= snapshot.epoch:
        raise ValueError(f"a branch from epoch {snapshot.epoch} needs more than {snapshot.epoch} epochs")
    model.load_state_dict(snapshot.model_state)
    unchanged = snapshot.config == config  # the same recipe drives optimizer and schedule alike
    cycle_epochs = config.epochs if unchanged else config.epochs - snapshot.epoch
    run = TrainingRun.start(model, replace(config, epochs=cycle_epochs), device, train_data, test_data)
    run.config = replace(config)
    run.epoch, run.seen, run.elapsed_s = snapshot.epoch + 1, snapshot.seen, snapshot.elapsed_s
    run.restore_shuffler(snapshot.shuffler_state)
    if snapshot.optimizer_state is not None and snapshot.config.optimizer == config.optimizer:
        # the loaded groups carry the old recipe's rates: keep the new ones the fresh build set
        fresh = [{k: v for k, v in group.items() if k != "params"} for group in run.optimizer.param_groups]
        run.optimizer.load_state_dict(snapshot.optimizer_state)
        if unchanged:
            if run.scheduler is not None and snapshot.scheduler_state is not None:
                run.scheduler.load_state_dict(snapshot.scheduler_state)
        else:
            for group, settings in zip(run.optimizer.param_groups, fresh, strict=True):
                group.update(settings)
    return run

