"""Where a training run stands, as plain CPU tensors: the one type for an epoch's end, a stop
mid-epoch, and the state a worker process sends.

`TrainingRun.checkpoint()` takes one and `TrainingRun.restore(checkpoint)` puts it back into a run
of the same recipe: the same weights, optimizer moments, schedule step, shuffling generator and
position in the epoch, so training on from it gives the same numbers as never having stopped.
A checkpoint between epochs (`between_epochs`) is what a run record keeps for each epoch and what
a branch resumes from; one mid-epoch also holds the epoch's order and running sums.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch

if TYPE_CHECKING:  # the engine imports this module: the recipe's type is only named here
    from core.training.engine import TrainConfig


@dataclass
class EpochSums:
    """Running sums of the epoch in progress, kept on the device so batches need no sync."""

    loss: torch.Tensor
    correct: torch.Tensor
    count: int = 0
    window_loss: torch.Tensor | None = None  # loss summed since the last BatchEvent
    window_batches: int = 0
    window_gradients: torch.Tensor | None = None  # [weight layers] since the last BatchEvent, if recorded

    def to(self, device: torch.device | str) -> EpochSums:
        """A copy with every tensor on `device`."""
        def move(t: torch.Tensor | None) -> torch.Tensor | None:
            return None if t is None else t.detach().to(device, copy=True)
        return EpochSums(move(self.loss), move(self.correct), self.count, move(self.window_loss),
                         self.window_batches, move(self.window_gradients))


@dataclass
class Checkpoint:
    """Everything `TrainingRun.events` needs to carry on where a run stood (CPU tensors only)."""

    config: TrainConfig  # the recipe that produced this state
    epoch: int  # the epoch in progress (epochs + 1 once finished)
    batch: int  # batches done in it
    seen: int
    elapsed_s: float
    model: dict[str, torch.Tensor]
    optimizer: dict
    scheduler: dict | None
    shuffler: torch.Tensor  # the shuffling generator's state
    order: torch.Tensor | None = None  # this epoch's order over the subset, mid-epoch only
    sums: EpochSums | None = None  # the epoch's running sums, mid-epoch only

    @property
    def between_epochs(self) -> bool:
        """Whether the run stood at an epoch's end (or before its first batch)."""
        return self.batch == 0 and self.order is None

    @property
    def epochs_done(self) -> int:
        """Complete epochs behind this state (0 = the starting weights)."""
        return self.epoch - 1

    @property
    def started(self) -> bool:
        """Whether the optimizer has taken a step (before that its state holds nothing to keep)."""
        return self.seen > 0

    @property
    def weight_bytes(self) -> int:
        """Bytes the weights take (LeNet: 177,704)."""
        return sum(t.numel() * t.element_size() for t in self.model.values())

    @property
    def nbytes(self) -> int:
        """Bytes the whole state takes: weights, optimizer state, generator state, order and sums."""
        extra = [*tensors_in(self.optimizer), self.shuffler]
        if self.order is not None:
            extra.append(self.order)
        return self.weight_bytes + sum(t.numel() * t.element_size() for t in extra)


def tensors_in(state: object) -> list[torch.Tensor]:
    """Every tensor inside a nested dict/list (an optimizer's state_dict)."""
    if isinstance(state, torch.Tensor):
        return [state]
    if isinstance(state, dict):
        return [t for value in state.values() for t in tensors_in(value)]
    if isinstance(state, list | tuple):
        return [t for value in state for t in tensors_in(value)]
    return []


def cpu_state(value: object) -> object:
    """A deep CPU copy of a (nested) state dict, so later steps never change it."""
    if isinstance(value, torch.Tensor):
        return value.detach().to("cpu", copy=True)
    if isinstance(value, dict):
        return {key: cpu_state(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(cpu_state(item) for item in value)
    return value
