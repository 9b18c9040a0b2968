"""The experiment bench's records: every run of a session kept whole, and a store that bounds them.

A `Run` is a finished or stopped training run: its recipe, its curves, its figures, and its
state (weights, optimizer, shuffling generator) at the end of every epoch, so any epoch can be
replayed, adopted as the app's model, or branched from. A `RunStore` keeps at most `CAP` runs
per session and drops the oldest unpinned one when a new one would not fit.

Memory, measured by `Run.nbytes` (tests/experiments/test_experiments.py prints it): a LeNet weight
snapshot is 177,704 bytes; with SGD's momentum buffers a whole epoch snapshot is about 356 kB
(Adam's two moments: about 533 kB), so a 20-epoch SGD run costs about 7.5 MB and twelve of them
about 90 MB. Nothing here imports Streamlit.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import torch
from torch import nn

from core.training.engine import PRESETS, RECIPE_FIELDS, EpochEvent, TrainConfig, TrainingRun
from core.training.meta import checkpoint_meta
from core.training.run_state import RunState
from core.training.snapshot import Snapshot, snapshot_from_state, take_snapshot

CAP = 12  # runs kept per session
DONE, STOPPED = "done", "stopped"
# what a run's name, a sentence or the table mentions first: the settings learners change most;
# every other setting of the recipe follows, in TrainConfig's order
MENTIONED_FIRST = ("lr", "optimizer", "batch_size", "epochs", "train_size", "momentum", "schedule", "seed")
MENTION_ORDER = (*MENTIONED_FIRST, *(name for name in RECIPE_FIELDS if name not in MENTIONED_FIRST))


@dataclass
class Run:
    """One finished or stopped training run, whole."""

    id: int
    config: TrainConfig
    device: str
    architecture: str
    template: nn.Module  # a CPU model of the run's architecture, to load any snapshot into
    status: str = DONE
    name: str | None = None  # the learner's own name; None: built from the recipe (`name_parts`)
    batch_epochs: list[float] = field(default_factory=list)  # epoch reached, fractional
    batch_losses: list[float] = field(default_factory=list)
    batch_seconds: list[float] = field(default_factory=list)  # seconds of training at each batch point
    epochs: list[dict] = field(default_factory=list)  # epoch, train_loss, train_acc, test_loss, test_acc
    filters: dict[int, np.ndarray] = field(default_factory=dict)  # epoch -> conv1 [6, 5, 5]
    confusions: dict[int, np.ndarray] = field(default_factory=dict)  # epoch -> [10, 10]
    snapshots: dict[int, Snapshot] = field(default_factory=dict)  # epoch -> state at its end
    elapsed_s: float = 0.0
    images_per_s: float = 0.0
    parent: tuple[int, int] | None = None  # (run id, epoch) this run branched from
    pinned: bool = False
    judged_acc: float | None = None  # test accuracy of the model as it stood when the run ended


    @property
    def final_acc(self) -> float | None:
        """Test accuracy of the model as the run ended (percent)."""
        if self.judged_acc is not None:
            return self.judged_acc
        return self.epochs[-1]["test_acc"] if self.epochs else None

    @property
    def best(self) -> tuple[float, int] | None:
        """(best test accuracy, the epoch it came at)."""
        if not self.epochs:
            return None
        row = max(self.epochs, key=lambda r: r["test_acc"])
        return row["test_acc"], row["epoch"]

    @property
    def epochs_done(self) -> int:
        """Completed epochs (a stopped run may have stopped mid-epoch: that part is not counted)."""
        return self.epochs[-1]["epoch"] if self.epochs else 0

    @property
    def replay_epochs(self) -> list[int]:
        """Epochs whose state is kept (0 = the starting weights)."""
        return sorted(self.snapshots)

    @functools.cached_property
    def nbytes(self) -> int:
        """Memory the run holds: snapshots, template, filters, matrices and curves (a run's record
        never changes once kept, so this is counted once)."""
        template = sum(t.numel() * t.element_size() for t in self.template.state_dict().values())
        arrays = sum(a.nbytes for a in [*self.filters.values(), *self.confusions.values()])
        curves = 8 * (len(self.batch_epochs) + len(self.batch_losses) + 5 * len(self.epochs))
        return sum(s.nbytes for s in self.snapshots.values()) + template + arrays + curves

    def model_at(self, epoch: int) -> nn.Module:
        """A CPU model with the weights the run had at the end of `epoch`, ready to predict."""
        model = copy.deepcopy(self.template)
        model.load_state_dict(self.snapshots[epoch].model_state)
        return model.eval()

    def recipe(self) -> dict:
        """The recipe as plain values, with seed, subset size, device and architecture."""
        recipe = {name: getattr(self.config, name) for name in MENTION_ORDER}
        return recipe | {"device": self.device, "architecture": self.architecture}

    def meta(self, epoch: int, source: str) -> dict:
        """Checkpoint metadata for the run's model at the end of `epoch`."""
        row = next((r for r in self.epochs if r["epoch"] == epoch), None)
        return checkpoint_meta(self.recipe(), architecture=self.architecture, epochs=epoch,
                               test_acc=row["test_acc"] if row else None,
                               test_loss=row["test_loss"] if row else None, device=self.device, source=source)


def name_parts(config: TrainConfig, classic: TrainConfig = PRESETS["classic"]) -> list[tuple[str, object]]:
    """What sets a recipe apart from the classic one, as (field, value) in naming order; [] if classic."""
    return [(name, getattr(config, name)) for name in MENTION_ORDER
            if getattr(config, name) != getattr(classic, name)]


class RunRecorder:
    """Collects a training run's per-epoch state while it trains (the history holds its curves)."""

    def __init__(self, run: TrainingRun, parent: tuple[int, int] | None = None,
                 inherited: Run | None = None):
        self.parent = parent
        self.snapshots: dict[int, Snapshot] = {}
        self.confusions: dict[int, np.ndarray] = {}
        if inherited is not None and parent is not None:  # a branch starts with its parent's first epochs
            self.snapshots = {e: s for e, s in inherited.snapshots.items() if e <= parent[1]}
            self.confusions = {e: c for e, c in inherited.confusions.items() if e <= parent[1]}
        else:
            self.snapshots[0] = take_snapshot(run)
        self.template = copy.deepcopy(run.model).cpu().eval()

    def observe(self, run: TrainingRun, event: object) -> None:
        """Keep the state at the end of each epoch (other events are the history's business).

        In process, `run` itself stands at the epoch's end when its EpochEvent comes; a run in a
        worker process sends its state as a `RunState` just after, and that is kept instead."""
        if isinstance(event, RunState):
            snapshot = snapshot_from_state(event)
            if snapshot is not None and snapshot.epoch > 0:
                self.snapshots[snapshot.epoch] = snapshot
        elif isinstance(event, EpochEvent):
            if event.confusion is not None:
                self.confusions[event.epoch] = event.confusion
            if run.batch == 0 and run.epoch == event.epoch + 1:
                self.snapshots[event.epoch] = take_snapshot(run)


def build_run(run_id: int, training: TrainingRun, history: object, recorder: RunRecorder,
              status: str, architecture: str | None = None, judged_acc: float | None = None) -> Run:
    """A `Run` record from a training run, its page history (`core.training.session.History`) and recorder."""
    done = {row["epoch"] for row in history.epochs}
    filters = {e: np.asarray(f) for e, f in zip(history.filter_epochs, history.filters, strict=True)}
    return Run(
        id=run_id, config=copy.copy(training.config), device=training.device.type,
        architecture=architecture or getattr(training.model, "name", type(training.model).__name__),
        template=recorder.template,
        status=status, batch_epochs=list(history.batch_epochs), batch_losses=list(history.batch_losses),
        batch_seconds=list(getattr(history, "batch_seconds", [])),
        epochs=[dict(row) for row in history.epochs], filters=filters,
        confusions={e: c for e, c in recorder.confusions.items() if e in done},
        snapshots={e: s for e, s in recorder.snapshots.items() if e == 0 or e in done or
                   (recorder.parent and e <= recorder.parent[1])},
        elapsed_s=training.elapsed_s, images_per_s=training.seen / max(training.elapsed_s, 1e-9),
        parent=recorder.parent, judged_acc=judged_acc,
    )


class RunStore:
    """A session's runs, newest last, at most `cap` of them."""

    def __init__(self, cap: int = CAP):
        self.cap = cap
        self.runs: list[Run] = []
        self.next_id = 1
        self._live: tuple[object, RunRecorder, int] | None = None  # (session, recorder, run id)

    def new_id(self) -> int:
        """A fresh run number (numbers are never reused in a session)."""
        self.next_id += 1
        return self.next_id - 1

    def get(self, run_id: int) -> Run | None:
        """The run with this number, if still kept."""
        return next((run for run in self.runs if run.id == run_id), None)

    def keep(self, run: Run) -> Run | None:
        """Add `run` (or replace the run with its number); returns the run dropped to make room, if any."""
        existing = self.get(run.id)
        if existing is not None:
            run.name, run.pinned = existing.name, existing.pinned  # the learner's edits survive a resume
            self.runs[self.runs.index(existing)] = run
            return None
        dropped = None
        if len(self.runs) >= self.cap:
            dropped = next((r for r in self.runs if not r.pinned), None)
            if dropped is None:  # everything pinned: the new run is not kept
                return run
            self.runs.remove(dropped)
        self.runs.append(run)
        return dropped

    def remove(self, run_id: int) -> None:
        """Forget a run."""
        self.runs = [run for run in self.runs if run.id != run_id]

    # ---- the run training right now ------------------------------------------------------------
    def start_recording(self, session: object, recorder: RunRecorder) -> int:
        """Follow `session` (a TrainingSession) from its first event; returns its run number."""
        run_id = self.new_id()
        self._live = (session, recorder, run_id)
        return run_id

    def recorder_for(self, session: object) -> RunRecorder | None:
        """The recorder following this very session object, if any."""
        if self._live is not None and self._live[0] is session:
            return self._live[1]
        return None

    def record(self, session: object, status: str,
               architecture: str | None = None) -> tuple[Run, Run | None] | None:
        """Keep the followed session as a run (again, after a resume); (run, dropped run) or None."""
        if self._live is None or self._live[0] is not session:
            return None
        _, recorder, run_id = self._live
        results = getattr(session, "results", None)
        run = build_run(run_id, session.run, session.history, recorder, status, architecture,
                        judged_acc=results.test_acc if results is not None else None)
        if not run.batch_losses and not run.epochs:  # stopped before its first step: nothing learned
            return None
        return run, self.keep(run)



def weights_equal(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    """Whether two state dicts hold bit-for-bit the same tensors."""
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def runs_table(runs: list[Run], names: list[str]) -> pd.DataFrame:
    """One row a run: number, name, family, status, recipe, results, time (column ids, untranslated)."""
    rows = []
    for run, name in zip(runs, names, strict=True):
        best = run.best
        rows.append({
            "run": run.id, "name": name, "family": run.parent, "status": run.status,
            **{f: getattr(run.config, f) for f in MENTION_ORDER},
            "final": None if run.final_acc is None else round(run.final_acc, 2),
            "best": None if best is None else round(best[0], 2),
            "best_epoch": None if best is None else best[1],
            "time": round(run.elapsed_s, 1), "speed": round(run.images_per_s), "device": run.device,
            "architecture": run.architecture, "pinned": run.pinned,
        })
    return pd.DataFrame(rows)


def curves_table(run: Run) -> pd.DataFrame:
    """A run's per-epoch figures and its batch losses in one table (batch rows have no test figures)."""
    epochs = pd.DataFrame(run.epochs, columns=["epoch", "train_loss", "train_acc", "test_loss", "test_acc"])
    batches = pd.DataFrame({"epoch": run.batch_epochs, "batch_loss": run.batch_losses})
    return pd.concat([batches, epochs], ignore_index=True).sort_values("epoch", kind="stable")
