"""A training run as the training page keeps it between script runs: the run, what it has drawn
so far, whether it is running, and what the finished (or stopped) model got right and wrong.

The run trains in a worker process (`launch`, `core.worker_pool`); the session keeps a mirror
of it here, `run`, that follows the worker's events: each `Checkpoint` (every epoch's end, and a
stop) puts the worker's weights, optimizer and position into the mirror, so the page judges,
shows and resumes exactly the model the worker trained, and a worker that dies loses nothing
before its last completed epoch. Tests may still drive `run.events()` in-process and `take` them.

The session owns the run's `RunRecord` (core.training.record) and fills it as events come: curves,
a checkpoint at each epoch's end, the state of a stop mid-epoch, the results. It tells its
`observers` (the experiments bench is one) of each epoch's end and of the run finishing or
pausing, handing them that very record.

The server follows a running session in a thread of its own (core.training.live), whatever the
pages do; a page that reads the session while it trains holds `lock`. Nothing here imports Streamlit.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from core.model import design_of
from core.training import BatchEvent, EpochEvent, TrainConfig, TrainingRun, eta_s, evaluate, seeded_model
from core.training.branch import resume_from
from core.training.checkpoint import Checkpoint
from core.training.confusion import confusion_matrix
from core.training.engine import first_conv_weights
from core.training.job import train_job
from core.training.meta import training_meta
from core.training.record import DONE, PAUSED, RUNNING, Curves, Results, RunRecord
from core.worker_pool import DIED, FAILED, FINISHED, GONE_GRACE_S, WAITING, RunHandle, WorkerPool

EPOCH_ENDED = "epoch"  # what observers are told, besides the record's status (DONE, PAUSED)
STOP_WAIT_S = 10.0  # how long Stop waits for the worker's last state (it answers within a second)


Observer = Callable[[RunRecord, str], None]  # told (the record, EPOCH_ENDED / DONE / PAUSED)


@dataclass
class TrainingSession:
    """One training run, its record, and what the page shows of it."""

    run: TrainingRun
    record: RunRecord
    page_s: float = 0.0  # wall time the page spent in its training loop, drawing included
    saved: Checkpoint | None = None  # the worker's last state: what survives the worker's death
    worker: RunHandle | None = None  # the worker job training this run now
    lost: str | None = None  # why the last worker ended without finishing (FAILED or DIED)
    last_epoch: EpochEvent | None = None  # the latest epoch's figures, as its test pass found them
    last_batch: BatchEvent | None = None  # the latest progress, for the progress bar
    observers: list[Observer] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)  # held to pump or to read

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
        record = RunRecord(config=copy.copy(config), design=design_of(model), device=run.device.type)
        record.checkpoints[0] = run.checkpoint()
        record.curves.add_filters(0, first_conv_weights(run.model))
        return cls(run, record, saved=record.checkpoints[0])

    @classmethod
    def branch(
        cls,
        parent: RunRecord,
        epoch: int,
        config: TrainConfig,
        device: torch.device | str,
        train_data: tuple[torch.Tensor, torch.Tensor],
        test_data: tuple[torch.Tensor, torch.Tensor],
    ) -> TrainingSession:
        """A new run that carries on from `parent`'s checkpoint at the end of `epoch` by `config`;
        its record starts with the parent's curves and checkpoints up to there."""
        model = parent.model_at(epoch).train()
        run = resume_from(parent.checkpoints[epoch], model, config, device, train_data, test_data)
        record = parent.branch(epoch, config, run.device.type)
        return cls(run, record, saved=run.checkpoint())  # the worker carries on from here

    @property
    def curves(self) -> Curves:
        """The record's curves, as the page draws them."""
        return self.record.curves

    @property
    def status(self) -> str:
        """RUNNING, PAUSED or DONE."""
        return self.record.status

    @property
    def results(self) -> Results | None:
        """How the model did when the run finished or stopped (None while it trains)."""
        return self.record.results

    @property
    def design(self) -> list[dict]:
        """The network trained."""
        return self.record.design

    def launch(self, pool: WorkerPool, owner_alive: Callable[[], bool] | None = None,
               grace_s: float = GONE_GRACE_S) -> RunHandle:
        """Train on in a worker of `pool`, from where the run stands; with `owner_alive`, the job
        stops once that has said False for `grace_s` seconds (the learner's session ended)."""
        start = self.run.checkpoint() if self.run.progress > 0 else None  # the mirror stands where the run is
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

    def take(self, event: BatchEvent | EpochEvent | Checkpoint) -> None:
        """Follow one event of the run: record it, or put the worker's state into the mirror."""
        if isinstance(event, Checkpoint):
            self.run.restore(event)
            self.saved = event
            if event.between_epochs:
                self._epoch_ended(event)
            return
        self.curves.add(event)
        if isinstance(event, EpochEvent):
            self.last_epoch = event
            run = self.run
            if run.batch == 0 and run.epoch == event.epoch + 1:  # trained in this process: it stands there
                self._epoch_ended(run.checkpoint())
            return
        self.last_batch = event
        run = self.run  # the mirror's position moves on between states
        run.epoch, run.batch = event.epoch, event.batch
        run.seen = (event.epoch - 1) * len(run.chosen) + min(event.batch * run.config.batch_size,
                                                              len(run.chosen))
        run.elapsed_s = event.elapsed_s

    def _epoch_ended(self, checkpoint: Checkpoint) -> None:
        """Keep an epoch's end in the record and say so."""
        if checkpoint.epochs_done > 0:
            self.record.checkpoints[checkpoint.epochs_done] = checkpoint
            self._progress_to_record()
            self._tell(EPOCH_ENDED)

    def _progress_to_record(self) -> None:
        self.record.elapsed_s, self.record.seen = self.run.elapsed_s, self.run.seen

    def _tell(self, what: str) -> None:
        for observer in self.observers:
            observer(self.record, what)

    def pump(self) -> list[BatchEvent | EpochEvent | Checkpoint]:
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
            self.run.restore(self.saved)
            self.curves.forget_after(self.saved.epoch - 1 + self.saved.batch / self.run.batches)
            self.last_batch = None
        self.stop()

    def stop(self) -> list[BatchEvent | EpochEvent | Checkpoint]:
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
        here = self.run.checkpoint()
        self.record.paused = None if here.between_epochs else here
        self.record.status = PAUSED
        self._progress_to_record()
        self.judge()
        self._tell(PAUSED)
        return []

    def resume(self) -> None:
        """Carry on from the last completed step."""
        self.record.status = RUNNING
        self.record.results = None
        self.record.paused = None  # the run carries on from it

    def finish(self) -> None:
        """Mark the run complete and judge the final model: its last epoch's test pass already
        did, on the same images, unless that event did not reach this session."""
        self.record.status = DONE
        self.record.paused = None
        self._progress_to_record()
        last = self.last_epoch
        if last is not None and last.epoch == self.run.config.epochs and last.predicted is not None:
            self.record.results = Results(last.test_loss, last.test_acc, last.predicted.astype(np.int64),
                                          last.confusion)
        else:
            self.judge()
        self._tell(DONE)

    def judge(self) -> None:
        """Evaluate the model on the whole test set and keep the figures and confusion matrix."""
        test_x, test_y = self.run.test_data
        loss, accuracy, predicted = evaluate(self.run.model, test_x, test_y)
        labels = test_y.cpu().numpy()
        predicted = predicted.cpu().numpy()
        self.record.results = Results(loss, accuracy, predicted, confusion_matrix(labels, predicted))

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
