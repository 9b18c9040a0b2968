"""The experiment bench's store: every run of a session kept whole, at most `CAP` of them.

A run is kept as the very `RunRecord` (core.training.record) its training session filled: its
recipe, its curves, its figures, and its state (weights, optimizer, shuffling generator) at the
end of every epoch, so any epoch can be replayed, adopted as the app's model, or branched from.
The store follows a session as one of its observers and keeps the record when the run finishes
or pauses; it drops the oldest unpinned run when a new one would not fit, and numbers the runs
of a session (#1, #2, ...) for the learner, while branches name their parent by its record id.

With a `shelf` (core.workspace.runs.RunShelf) the store keeps every run in the learner's workspace
too: a run kept, renamed, pinned or removed is written through, and a record's checkpoints then live
in the database, read back when a replay or a branch needs one. A write that fails leaves the run
in the session and sets `problem` (the page says "not saved").

Memory, measured by `RunRecord.nbytes` (tests/experiments/test_experiments.py prints it; the
bytes it writes, bench/record_size.py): LeNet's weights are 177,704 bytes; with SGD's momentum
buffers an epoch's checkpoint is about 360 kB (Adam's two moments: about 538 kB), so a 20-epoch
SGD run costs about 7.5 MB and twelve of them about 90 MB. Nothing here imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import torch

from core.store import StoreError
from core.training.engine import PRESETS, RECIPE_FIELDS, TrainConfig
from core.training.record import DONE, PAUSED, RUNNING, RunRecord

EPOCH_ENDED = "epoch"  # core.training.session tells its observers this at each epoch's end

CAP = 12  # runs kept per session
STOPPED = "stopped"  # how the table calls a paused run
# what a run's name, a sentence or the table mentions first: the settings learners change most;
# every other setting of the recipe follows, in TrainConfig's order
MENTIONED_FIRST = ("lr", "optimizer", "batch_size", "epochs", "train_size", "momentum", "schedule", "seed")
MENTION_ORDER = (*MENTIONED_FIRST, *(name for name in RECIPE_FIELDS if name not in MENTIONED_FIRST))


def name_parts(config: TrainConfig, classic: TrainConfig = PRESETS["classic"]) -> list[tuple[str, object]]:
    """What sets a recipe apart from the classic one, as (field, value) in naming order; [] if classic."""
    return [(name, getattr(config, name)) for name in MENTION_ORDER
            if getattr(config, name) != getattr(classic, name)]


class RunStore:
    """A session's runs, newest last, at most `cap` of them: the very records their sessions trained."""

    def __init__(self, cap: int = CAP, shelf: object | None = None):
        self.cap = cap
        self.runs: list[RunRecord] = []
        self.numbers: dict[str, int] = {}  # record id -> its number in this session (#1, #2, ...)
        self.notice: tuple[str, RunRecord] | None = None  # ("dropped" or "not_kept", the run) to say once
        self.shelf = shelf  # where runs are kept beyond this session (keep, save_head, forget), if anywhere
        self.problem: Exception | None = None  # why the last write to the shelf failed

    def load(self, records: list[RunRecord], training: str | None = None) -> None:
        """Take the runs a shelf kept, oldest first; a run the shelf says is still training, but is not
        the one training now (`training`: its id), was cut short (a server restart): it stands paused
        at its last kept epoch."""
        for record in records[-self.cap:]:
            if record.status == RUNNING and record.id != training:
                record.status = PAUSED
            self.number(record)
            self.runs.append(record)

    def _write(self, action: str, *args: object) -> None:
        if self.shelf is None:
            return
        try:
            getattr(self.shelf, action)(*args)
        except StoreError as err:  # the run stays here; the page says it is not saved
            self.problem = err
        else:
            self.problem = None

    def edited(self, run: RunRecord) -> None:
        """The learner renamed or pinned `run`: keep that."""
        self._write("save_head", run)

    def number(self, run: RunRecord | str) -> int:
        """The run's number in this session (numbers are never reused), given on first asking."""
        run_id = run if isinstance(run, str) else run.id
        return self.numbers.setdefault(run_id, len(self.numbers) + 1)

    def get(self, run_id: str) -> RunRecord | None:
        """The run with this id, if still kept."""
        return next((run for run in self.runs if run.id == run_id), None)

    def keep(self, run: RunRecord) -> RunRecord | None:
        """Add `run` (kept already: nothing to do); returns the run dropped to make room, if any."""
        self.number(run)
        if self.get(run.id) is not None:
            return None
        dropped = None
        if len(self.runs) >= self.cap:
            dropped = next((r for r in self.runs if not r.pinned), None)
            if dropped is None:  # everything pinned: the new run is not kept
                return run
            self.runs.remove(dropped)
            self._write("forget", dropped.id)
        self.runs.append(run)
        self._write("keep", run)
        return dropped

    def remove(self, run_id: str) -> None:
        """Forget a run."""
        self.runs = [run for run in self.runs if run.id != run_id]
        self._write("forget", run_id)

    def follow(self, session: object) -> int:
        """Keep `session`'s record (a TrainingSession's) whenever its run finishes or pauses; returns
        its number."""
        session.observers.append(self.observe)
        return self.number(session.record)

    def observe(self, record: RunRecord, what: str) -> None:
        """A followed run finished or paused: keep its record, unless it learned nothing yet. With a
        shelf, a run is kept from its first epoch's end, and each epoch's end is written (a restart
        finds it)."""
        if self.get(record.id) is not None:  # kept already: write what it has now
            self._write("keep", record)
            return
        if what == EPOCH_ENDED and self.shelf is None:
            return
        learned = record.curves.batch_losses or record.curves.epochs
        if what not in (DONE, PAUSED, EPOCH_ENDED) or not learned:
            return
        dropped = self.keep(record)
        if dropped is record:
            self.notice = ("not_kept", record)
        elif dropped is not None:
            self.notice = ("dropped", dropped)


def weights_equal(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    """Whether two state dicts hold bit-for-bit the same tensors."""
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def runs_table(runs: list[RunRecord], names: list[str], number: Callable[[str], int]) -> pd.DataFrame:
    """One row a run: number (`number` of its id), name, family, status, recipe, results, time
    (column ids, untranslated)."""
    rows = []
    for run, name in zip(runs, names, strict=True):
        best = run.best
        family = (number(run.parent[0]), run.parent[1]) if run.parent else None
        rows.append({
            "run": number(run.id), "name": name, "family": family,
            "status": STOPPED if run.status == PAUSED else run.status,
            **{f: getattr(run.config, f) for f in MENTION_ORDER},
            "final": None if run.final_acc is None else round(run.final_acc, 2),
            "best": None if best is None else round(best[0], 2),
            "best_epoch": None if best is None else best[1],
            "time": round(run.elapsed_s, 1), "speed": round(run.images_per_s), "device": run.device,
            "architecture": run.architecture, "pinned": run.pinned,
        })
    return pd.DataFrame(rows)


def curves_table(run: RunRecord) -> pd.DataFrame:
    """A run's per-epoch figures and its batch losses in one table (batch rows have no test figures)."""
    curves = run.curves
    columns = ["epoch", "train_loss", "train_acc", "test_loss", "test_acc"]
    epochs = pd.DataFrame(curves.epochs, columns=columns)
    batches = pd.DataFrame({"epoch": curves.batch_epochs, "batch_loss": curves.batch_losses})
    return pd.concat([batches, epochs], ignore_index=True).sort_values("epoch", kind="stable")
