"""A run resumed from a checkpoint at an epoch's end: a branch, under the same recipe or a changed one.

A checkpoint between epochs holds everything the next epoch depends on: the weights, the
optimizer's state (momentum buffers, Adam's moments), the schedule's position and the state of
the generator that shuffles each epoch. Resuming from it under the same recipe therefore
continues bit for bit as if the run had never stopped; under a changed recipe it continues from
the same weights and optimizer state with the new hyper-parameters.
"""

from __future__ import annotations

from dataclasses import replace

import torch
from torch import nn

from core.training.checkpoint import Checkpoint
from core.training.engine import TrainConfig, TrainingRun


def resume_from(
    checkpoint: Checkpoint,
    model: nn.Module,
    config: TrainConfig,
    device: torch.device | str | None = None,
    train_data: tuple[torch.Tensor, torch.Tensor] | None = None,
    test_data: tuple[torch.Tensor, torch.Tensor] | None = None,
) -> TrainingRun:
    """A run that carries on from `checkpoint` (between epochs) by `config`, whose `epochs` counts
    the whole run.

    Same recipe: every piece of state is restored, so it continues bit for bit. A changed
    recipe keeps the weights, the shuffling generator and (same optimizer) its momentum, with
    the new learning rate and momentum; a one-cycle schedule then starts a fresh cycle over the
    epochs left.
    """
    if not checkpoint.between_epochs:
        raise ValueError("a branch starts from an epoch's end, not from the middle of one")
    done = checkpoint.epochs_done
    if config.epochs <= done:
        raise ValueError(f"a branch from epoch {done} needs more than {done} epochs")
    model.load_state_dict(checkpoint.model)
    unchanged = checkpoint.config == config  # the same recipe drives optimizer and schedule alike
    cycle_epochs = config.epochs if unchanged else config.epochs - done
    run = TrainingRun.start(model, replace(config, epochs=cycle_epochs), device, train_data, test_data)
    run.config = replace(config)
    run.place(checkpoint)
    if checkpoint.started and checkpoint.config.optimizer == config.optimizer:
        # the loaded groups carry the old recipe's rates: keep the new ones the fresh build set
        fresh = [{k: v for k, v in group.items() if k != "params"} for group in run.optimizer.param_groups]
        run.load_optimizer(checkpoint.optimizer)
        if unchanged:
            if run.scheduler is not None and checkpoint.scheduler is not None:
                run.scheduler.load_state_dict(checkpoint.scheduler)
        else:
            for group, settings in zip(run.optimizer.param_groups, fresh, strict=True):
                group.update(settings)
    return run
