"""A training run as the training page keeps it between script runs: the run, what it has drawn
so far, whether it is running, and what the finished (or stopped) model got right and wrong.

Everything here survives a Streamlit rerun because the page stores the whole object in
`st.session_state`; nothing here imports Streamlit.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from core.training import BatchEvent, EpochEvent, TrainConfig, TrainingRun, eta_s, evaluate, seeded_model
from core.training.confusion import confusion_matrix
from core.training.meta import training_meta

RUNNING, PAUSED, DONE = "running", "paused", "done"


@dataclass
class History:
    """Everything the charts draw: batch losses, per-epoch figures, conv1's weights by epoch."""

    batch_epochs: list[float] = field(default_factory=list)  # the epoch reached, fractional
    batch_losses: list[float] = field(default_factory=list)
    epochs: list[dict] = field(default_factory=list)
    filter_epochs: list[int] = field(default_factory=list)
    filters: list[np.ndarray] = field(default_factory=list)  # [6, 5, 5] each
    last_batch: BatchEvent | None = None

    def record_filters(self, epoch: int, weights: torch.Tensor) -> None:
        """Keep conv1's weights as they stand after `epoch` (0 = before training)."""
        self.filter_epochs.append(epoch)
        self.filters.append(weights.detach().cpu().numpy().reshape(-1, 5, 5).copy())

    def record(self, event: BatchEvent | EpochEvent) -> None:
        """Add one event from `TrainingRun.events`."""
        if isinstance(event, BatchEvent):
            self.last_batch = event
            self.batch_epochs.append(event.epoch - 1 + event.batch / event.batches)
            self.batch_losses.append(event.loss)
        else:
            self.epochs.append({"epoch": event.epoch, "train_loss": event.train_loss,
                                "train_acc": event.train_acc, "test_loss": event.test_loss,
                                "test_acc": event.test_acc})
            self.record_filters(event.epoch, event.conv1_weights)


@dataclass
class Results:
    """How the model did on the test set when the run finished or stopped."""

    test_loss: float
    test_acc: float
    predicted: np.ndarray  # [10000] digits
    confusion: np.ndarray  # [10, 10] counts, row = true digit


@dataclass
class TrainingSession:
    """One training run and what the page shows of it."""

    run: TrainingRun
    history: History = field(default_factory=History)
    status: str = RUNNING
    results: Results | None = None
    page_s: float = 0.0  # wall time the page spent in its training loop, drawing included

    @classmethod
    def start(
        cls,
        config: TrainConfig,
        device: torch.device | str,
        train_data: tuple[torch.Tensor, torch.Tensor],
        test_data: tuple[torch.Tensor, torch.Tensor],
    ) -> TrainingSession:
        """A fresh model (initialised by the recipe's seed) at its first batch."""
        run = TrainingRun.start(seeded_model(config.seed), config, device, train_data, test_data)
        session = cls(run)
        session.history.record_filters(0, run.model.conv1.weight)
        return session

    def stop(self) -> None:
        """Pause the run where it stands and judge the model as it is."""
        self.status = PAUSED
        self.judge()

    def resume(self) -> None:
        """Carry on from the last completed step."""
        self.status = RUNNING
        self.results = None

    def finish(self) -> None:
        """Mark the run complete and judge the final model."""
        self.status = DONE
        self.judge()

    def judge(self) -> None:
        """Evaluate the model on the whole test set and keep the figures and confusion matrix."""
        test_x, test_y = self.run.test_data
        loss, accuracy, predicted = evaluate(self.run.model, test_x, test_y)
        labels = test_y.cpu().numpy()
        predicted = predicted.cpu().numpy()
        self.results = Results(loss, accuracy, predicted, confusion_matrix(labels, predicted))

    @property
    def report_every(self) -> int:
        """Batches between progress events: 25 or more points an epoch, at most one per 20 batches."""
        return max(1, min(20, self.run.batches // 25))

    @property
    def eta_s(self) -> float | None:
        """Seconds left at the pace so far (None before any progress)."""
        return eta_s(self.run.progress, self.run.elapsed_s)

    @property
    def epochs_done(self) -> float:
        """Epochs trained so far, fractional when stopped mid-epoch."""
        return round(self.run.progress * self.run.config.epochs, 2)

    def meta(self, test_acc: float, test_loss: float) -> dict:
        """Checkpoint metadata for the model as it stands."""
        return training_meta(self.run.config, epochs=self.epochs_done, test_acc=test_acc,
                             test_loss=test_loss, device=self.run.device, source="trained in the app")

    def snapshot(self, test_acc: float, test_loss: float) -> tuple[nn.Module, dict]:
        """A frozen CPU copy of the model and its metadata, for the rest of the app to use."""
        model = copy.deepcopy(self.run.model).cpu().eval()
        return model, self.meta(test_acc, test_loss)
