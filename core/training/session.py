"""A training run as the training page keeps it between script runs: the run, what it has drawn
so far, whether it is running, and what the finished (or stopped) model got right and wrong.

The run trains in a worker process (`launch`, `core.worker_pool`); the session keeps a mirror
of it here, `run`, that follows the worker's events: each `RunState` (every epoch's end, and a
stop) puts the worker's weights, optimizer and position into the mirror, so the page judges,
shows and resumes exactly the model the worker trained, and a worker that dies loses nothing
before its last completed epoch. Tests may still drive `run.events()` in-process and `take` them.

Everything here survives a Streamlit rerun because the page stores the whole object in
`st.session_state`; nothing here imports Streamlit.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from core.model import LENET, design_of
from core.training import BatchEvent, EpochEvent, TrainConfig, TrainingRun, eta_s, evaluate, seeded_model
from core.training.confusion import confusion_matrix
from core.training.engine import first_conv_weights
from core.training.job import train_job
from core.training.meta import training_meta
from core.training.run_state import RunState, capture, restore
from core.worker_pool import DIED, FAILED, FINISHED, GONE_GRACE_S, WAITING, RunHandle, WorkerPool

RUNNING, PAUSED, DONE = "running", "paused", "done"
STOP_WAIT_S = 10.0  # how long Stop waits for the worker's last state (it answers within a second)


@dataclass
class History:
    """Everything the charts draw: batch losses, per-epoch figures, conv1's weights by epoch."""

    batch_epochs: list[float] = field(default_factory=list)  # the epoch reached, fractional
    batch_seconds: list[float] = field(default_factory=list)  # seconds of training so far
    batch_losses: list[float] = field(default_factory=list)
    epochs: list[dict] = field(default_factory=list)
    filter_epochs: list[int] = field(default_factory=list)
    filters: list[np.ndarray] = field(default_factory=list)  # [6, 5, 5] each (LeNet); none without a conv
    last_batch: BatchEvent | None = None

    def record_filters(self, epoch: int, weights: torch.Tensor | None) -> None:
        """Keep the first convolution's kernels as they stand after `epoch` (0 = before training);
        a network without a convolution has none to keep."""
        if weights is None:
            return
        size = weights.shape[-1]
        self.filter_epochs.append(epoch)
        self.filters.append(weights.detach().cpu().numpy().reshape(-1, size, size).copy())

    def forget_after(self, epoch: float) -> None:
        """Drop what was drawn after `epoch` (fractional; a worker died: those steps are lost)."""
        kept = sum(reached <= epoch for reached in self.batch_epochs)
        del self.batch_epochs[kept:], self.batch_losses[kept:], self.batch_seconds[kept:]
        self.epochs = [row for row in self.epochs if row["epoch"] <= epoch]
        kept = sum(reached <= epoch for reached in self.filter_epochs)
        del self.filter_epochs[kept:], self.filters[kept:]
        self.last_batch = None

    def record(self, event: BatchEvent | EpochEvent) -> None:
        """Add one event from `TrainingRun.events`."""
        if isinstance(event, BatchEvent):
            self.last_batch = event
            self.batch_epochs.append(event.epoch - 1 + event.batch / event.batches)
            self.batch_seconds.append(event.elapsed_s)
            self.batch_losses.append(event.loss)
        else:
            self.epochs.append({"epoch": event.epoch, "train_loss": event.train_loss,
                                "train_acc": event.train_acc, "test_loss": event.test_loss,
                                "test_acc": event.test_acc, "seconds": event.elapsed_s})
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
    saved: RunState | None = None  # the worker's last state: what survives the worker's death
    worker: RunHandle | None = None  # the worker job training this run now
    lost: str | None = None  # why the last worker ended without finishing (FAILED or DIED)
    design: list[dict] = field(default_factory=lambda: copy.deepcopy(LENET))  # the network trained
    last_epoch: EpochEvent | None = None  # the latest epoch's figures, as its test pass found them

    @classmethod
    def start(
        cls,
        config: TrainConfig,
        device: torch.device | str,
        train_data: tuple[torch.Tensor, torch.Tensor],
        test_data: tuple[torch.Tensor, torch.Tensor],
        design: list[dict] | None = None,
    ) -> TrainingSession:
        """A fresh model of `design` (LeNet when None), initialised by the recipe's seed, at its
        first batch."""
        model = seeded_model(config.seed, design)
        run = TrainingRun.start(model, config, device, train_data, test_data)
        session = cls(run, saved=capture(run), design=design_of(model))
        session.history.record_filters(0, first_conv_weights(run.model))
        return session

    def launch(self, pool: WorkerPool, owner_alive: Callable[[], bool] | None = None,
               grace_s: float = GONE_GRACE_S) -> RunHandle:
        """Train on in a worker of `pool`, from where the run stands; with `owner_alive`, the job
        stops once that has said False for `grace_s` seconds (the learner's session ended)."""
        start = capture(self.run) if self.run.progress > 0 else None  # the mirror stands where the run is
        test_size = len(self.run.test_data[1])  # the worker judges on the same test images as the mirror
        self.worker = pool.submit(train_job, self.run.config, self.run.device.type, start, self.report_every,
                                  test_size, self.design)
        if owner_alive is not None:
            self.worker.end_with(owner_alive, grace_s)
        self.lost = None
        return self.worker

    @property
    def waiting(self) -> bool:
        """Whether the run waits for a free worker."""
        return self.worker is not None and self.worker.state == WAITING

    def take(self, event: BatchEvent | EpochEvent | RunState) -> None:
        """Follow one event of the run: draw it, or put the worker's state into the mirror."""
        if isinstance(event, RunState):
            restore(self.run, event)
            self.saved = event
            return
        self.history.record(event)
        if isinstance(event, EpochEvent):
            self.last_epoch = event
        if isinstance(event, BatchEvent):  # the mirror's position moves on between states
            run = self.run
            run.epoch, run.batch = event.epoch, event.batch
            run.seen = (event.epoch - 1) * len(run.chosen) + min(event.batch * run.config.batch_size,
                                                                  len(run.chosen))
            run.elapsed_s = event.elapsed_s

    def pump(self) -> list[BatchEvent | EpochEvent | RunState]:
        """Take every event the worker has sent, and return them; when the worker has ended, the
        session finishes, or pauses at its last saved state."""
        if self.worker is None:
            return []
        events = self.worker.poll()
        for event in events:
            self.take(event)
        if not self.worker.alive:
            self._worker_ended()
        return events

    def _worker_ended(self) -> None:
        """The worker's job is over (or would not answer): finish, or pause at the last saved state."""
        worker, self.worker = self.worker, None
        if worker.state == FINISHED or self.run.finished:
            self.finish()
            return
        if worker.state in (FAILED, DIED) or worker.alive:  # carry on later from the last saved state
            self.lost = FAILED if worker.state == FAILED else DIED
            worker.stop()
            restore(self.run, self.saved)
            self.history.forget_after(self.saved.epoch - 1 + self.saved.batch / self.run.batches)
        self.stop()

    def stop(self) -> list[BatchEvent | EpochEvent | RunState]:
        """Pause the run where it stands (its worker's last state) and judge the model as it is;
        returns the events the worker sent until it stopped."""
        if self.worker is not None:
            worker, events = self.worker, []
            worker.stop()
            for event in worker.events(timeout=STOP_WAIT_S):  # up to the stopped run's state
                self.take(event)
                events.append(event)
            self._worker_ended()
            return events
        self.status = PAUSED
        self.judge()
        return []

    def resume(self) -> None:
        """Carry on from the last completed step."""
        self.status = RUNNING
        self.results = None

    def finish(self) -> None:
        """Mark the run complete and judge the final model: its last epoch's test pass already
        did, on the same images, unless that event did not reach this session."""
        self.status = DONE
        last = self.last_epoch
        if last is not None and last.epoch == self.run.config.epochs and last.predicted is not None:
            self.results = Results(last.test_loss, last.test_acc, last.predicted.astype(np.int64),
                                   last.confusion)
        else:
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
                             test_loss=test_loss, device=self.run.device, source="trained in the app",
                             design=self.design)

    def snapshot(self, test_acc: float, test_loss: float) -> tuple[nn.Module, dict]:
        """A frozen CPU copy of the model and its metadata, for the rest of the app to use."""
        model = copy.deepcopy(self.run.model).cpu().eval()
        return model, self.meta(test_acc, test_loss)
