"""A workspace's run records in the store: a head item a run, a checkpoint item an epoch.

`RunShelf.keep` writes what a record has that the store does not yet hold, in one transaction (an
epoch's end: the head and that epoch's checkpoint), then lets go of the checkpoints in memory but
the newest: they are read back when a replay, an adoption or a branch asks (`StoredCheckpoints`).
So a kept run costs the server its head (curves, filters, confusion matrices), not 7.5 MB.
"""

from __future__ import annotations

from core.store import StaleWrite, Workspace
from core.training.checkpoint import Checkpoint
from core.training.record import (
    RunRecord,
    StoredCheckpoints,
    checkpoint_from_bytes,
    checkpoint_to_bytes,
)

RUN, CHECKPOINT = "run", "checkpoint"


def checkpoint_name(run_id: str, epoch: int) -> str:
    """The item name of a run's checkpoint at the end of `epoch`."""
    return f"{run_id}/{epoch}"


class RunShelf:
    """The run records of one workspace: keep, read, rename or pin, forget."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace
        self.versions: dict[str, int] = {}  # run id -> the head version this shelf read or wrote
        self.written: dict[str, set[int]] = {}  # run id -> epochs whose checkpoints are in the store

    def keep(self, record: RunRecord) -> None:
        """Write the record's head and every checkpoint not yet in the store, all or nothing."""
        written = self.written.setdefault(record.id, set())
        new = [epoch for epoch in record.checkpoints if epoch not in written]
        puts = [(CHECKPOINT, checkpoint_name(record.id, e), checkpoint_to_bytes(record.checkpoints[e]), None)
                for e in new]
        try:
            head = (RUN, record.id, record.head_bytes(), self.versions.get(record.id))
            versions = self.workspace.write([head, *puts])
        except StaleWrite as stale:  # renamed or pinned in another tab meanwhile: keep that, write again
            if stale.current is None:  # removed in another tab: it stays removed
                self.versions.pop(record.id, None)
                return
            if stale.current.kind != RUN:
                raise
            kept = self._from_head(stale.current.data)
            record.name, record.pinned = kept.name, kept.pinned
            self.versions[record.id] = stale.current.version
            versions = self.workspace.write([(RUN, record.id, record.head_bytes(), stale.current.version),
                                             *puts])
        self.versions[record.id] = versions[(RUN, record.id)]
        written.update(new)
        self._release(record)

    def save_head(self, record: RunRecord) -> None:
        """Write a learner's change to a kept run (its name, its pin); StaleWrite if another tab did first."""
        self.versions[record.id] = self.workspace.put(RUN, record.id, record.head_bytes(),
                                                      self.versions.get(record.id))

    def _release(self, record: RunRecord) -> None:
        if not isinstance(record.checkpoints, StoredCheckpoints):
            held = record.checkpoints
            record.checkpoints = StoredCheckpoints(sorted(held), lambda epoch: self._read(record.id, epoch))
            for epoch, checkpoint in held.items():
                dict.__setitem__(record.checkpoints, epoch, checkpoint)
        record.checkpoints.release(keep=max(record.checkpoints, default=None))

    def _read(self, run_id: str, epoch: int) -> Checkpoint:
        item = self.workspace.get(CHECKPOINT, checkpoint_name(run_id, epoch))
        if item is None:
            raise KeyError(f"run {run_id} has no checkpoint at epoch {epoch}")
        return checkpoint_from_bytes(item.data)

    def _from_head(self, data: bytes) -> RunRecord:
        record = RunRecord.from_head(data, self._read)
        self.written[record.id] = set(record.checkpoints)
        return record

    def load_all(self) -> list[RunRecord]:
        """Every kept run, oldest first, its checkpoints left in the store until asked for."""
        heads = self.workspace.heads(RUN)
        records = []
        for item in self.workspace.get_many(RUN, [head.name for head in heads]):
            try:
                record = self._from_head(item.data)
            except (ValueError, KeyError, TypeError):  # a damaged head: that run is not shown
                continue
            self.versions[record.id] = item.version
            records.append(record)
        return sorted(records, key=lambda record: record.created_at)

    def changed(self) -> bool:
        """Whether the store's runs differ from those this shelf read or wrote (another tab, a worker)."""
        return {head.name: head.version for head in self.workspace.heads(RUN)} != self.versions

    def forget(self, run_id: str) -> None:
        """Delete a run and its checkpoints."""
        self.workspace.write([], [(RUN, run_id)])
        self.workspace.delete_prefix(CHECKPOINT, f"{run_id}/")
        self.versions.pop(run_id, None)
        self.written.pop(run_id, None)
