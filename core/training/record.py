"""One training run as one record, from its first batch to its last replay.

A `RunRecord` is the recipe, the design, the curves (batch and epoch), a checkpoint at each
epoch's end (epoch 0: the starting weights), the state of a run stopped mid-epoch, and how the
model did when the run ended. The session that trains a run owns its record; the experiments
bench keeps the very same object afterwards; a branch starts a new record whose parent is
(the parent's id, the epoch it branched from) and whose first checkpoints are the parent's.

`to_bytes` / `from_bytes` write and read it as one safetensors file: every tensor and array
under its path in the record, the rest as JSON in the file's metadata (`schema_version` says
which layout). A store keeps a record in parts instead (`head_bytes`, `checkpoint_to_bytes`): the
head is everything but the epochs' checkpoints (a few hundred kB at most), each checkpoint its own
bytes, so an epoch's end writes one checkpoint, and a record read back (`from_head`) reads a
checkpoint only when something asks for it (`StoredCheckpoints`). Nothing here imports Streamlit.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import struct
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
import torch
from safetensors.torch import load as load_tensors
from safetensors.torch import save as save_tensors
from torch import nn

from core.training.checkpoint import Checkpoint, EpochSums
from core.training.engine import RECIPE_FIELDS, BatchEvent, EpochEvent, TrainConfig
from core.training.meta import checkpoint_meta

SCHEMA_VERSION = 1
RUNNING, PAUSED, DONE = "running", "paused", "done"


@dataclass
class Curves:
    """Everything the charts draw: batch losses, per-epoch figures, the first convolution's kernels
    and the test confusion matrix by epoch."""

    batch_epochs: list[float] = field(default_factory=list)  # the epoch reached, fractional
    batch_seconds: list[float] = field(default_factory=list)  # seconds of training so far
    batch_losses: list[float] = field(default_factory=list)
    epochs: list[dict] = field(default_factory=list)  # epoch, train/test loss and accuracy, seconds
    filters: dict[int, np.ndarray] = field(default_factory=dict)  # epoch -> [6, 5, 5] (LeNet); {}: no conv
    confusions: dict[int, np.ndarray] = field(default_factory=dict)  # epoch -> [10, 10] test counts

    def add(self, event: BatchEvent | EpochEvent) -> None:
        """Add one event from `TrainingRun.events`."""
        if isinstance(event, BatchEvent):
            self.batch_epochs.append(event.epoch - 1 + event.batch / event.batches)
            self.batch_seconds.append(event.elapsed_s)
            self.batch_losses.append(event.loss)
            return
        self.epochs.append({"epoch": event.epoch, "train_loss": event.train_loss,
                            "train_acc": event.train_acc, "test_loss": event.test_loss,
                            "test_acc": event.test_acc, "seconds": event.elapsed_s})
        self.add_filters(event.epoch, event.conv1_weights)
        if event.confusion is not None:
            self.confusions[event.epoch] = event.confusion

    def add_filters(self, epoch: int, weights: torch.Tensor | None) -> None:
        """Keep the first convolution's kernels as they stand after `epoch` (0 = before training);
        a network without a convolution has none to keep."""
        if weights is not None:
            size = weights.shape[-1]
            self.filters[epoch] = weights.detach().cpu().numpy().reshape(-1, size, size).copy()

    def forget_after(self, epoch: float) -> None:
        """Drop what was drawn after `epoch` (fractional; a worker died: those steps are lost)."""
        kept = sum(reached <= epoch for reached in self.batch_epochs)
        del self.batch_epochs[kept:], self.batch_losses[kept:], self.batch_seconds[kept:]
        self.epochs = [row for row in self.epochs if row["epoch"] <= epoch]
        self.filters = {e: f for e, f in self.filters.items() if e <= epoch}
        self.confusions = {e: c for e, c in self.confusions.items() if e <= epoch}

    def up_to(self, epoch: int) -> Curves:
        """A copy of the curves up to the end of `epoch` (a branch starts with its parent's)."""
        curves = copy.deepcopy(self)
        curves.forget_after(epoch)
        return curves


@dataclass
class Results:
    """How the model did on the test set when the run finished or stopped."""

    test_loss: float
    test_acc: float
    predicted: np.ndarray  # [10000] digits
    confusion: np.ndarray  # [10, 10] counts, row = true digit


@dataclass(eq=False)  # tensors inside: compare records with `same_record`
class RunRecord:
    """One training run, whole: what the session trains, the bench keeps and a branch resumes."""

    config: TrainConfig
    design: list[dict]  # the network (core.model.design)
    device: str
    id: str = field(default_factory=lambda: uuid.uuid4().hex)  # unique everywhere: branches name it
    schema_version: int = SCHEMA_VERSION
    curves: Curves = field(default_factory=Curves)
    checkpoints: dict[int, Checkpoint] = field(default_factory=dict)  # epoch -> state at its end
    paused: Checkpoint | None = None  # where a run stopped mid-epoch stands
    status: str = RUNNING
    results: Results | None = None
    elapsed_s: float = 0.0  # training time so far
    seen: int = 0  # images trained on so far
    name: str | None = None  # the learner's own name; None: built from the recipe
    pinned: bool = False
    parent: tuple[str, int] | None = None  # (record id, epoch) this run branched from
    created_at: float = field(default_factory=time.time)  # when the run began (a store lists runs by it)
    kept_epochs: list[int] = field(default_factory=list)  # in a head only: the epochs whose checkpoints exist

    @property
    def architecture(self) -> str:
        """The design in one line ("conv 6@5×5 → relu → …")."""
        from core.model.design import describe

        return describe(self.design)

    @property
    def images_per_s(self) -> float:
        """Training speed over the whole run."""
        return self.seen / max(self.elapsed_s, 1e-9)

    @property
    def final_acc(self) -> float | None:
        """Test accuracy of the model as the run ended (percent)."""
        if self.results is not None:
            return self.results.test_acc
        return self.curves.epochs[-1]["test_acc"] if self.curves.epochs else None

    @property
    def best(self) -> tuple[float, int] | None:
        """(best test accuracy, the epoch it came at)."""
        if not self.curves.epochs:
            return None
        row = max(self.curves.epochs, key=lambda r: r["test_acc"])
        return row["test_acc"], row["epoch"]

    @property
    def epochs_done(self) -> int:
        """Completed epochs (a stopped run may have stopped mid-epoch: that part is not counted)."""
        return self.curves.epochs[-1]["epoch"] if self.curves.epochs else 0

    @property
    def replay_epochs(self) -> list[int]:
        """Epochs whose state is kept (0 = the starting weights)."""
        return sorted(self.checkpoints)

    @property
    def nbytes(self) -> int:
        """Memory the record's tensors and arrays hold (its curves' lists besides; checkpoints still in
        the store are not counted)."""
        held = self.checkpoints
        if isinstance(held, StoredCheckpoints):
            held = held.held()
        states = [*held.values(), *([self.paused] if self.paused else [])]
        arrays = [*self.curves.filters.values(), *self.curves.confusions.values()]
        if self.results is not None:
            arrays += [self.results.predicted, self.results.confusion]
        curves = 8 * (3 * len(self.curves.batch_losses) + 6 * len(self.curves.epochs))
        return sum(s.nbytes for s in states) + sum(a.nbytes for a in arrays) + curves

    def recipe(self) -> dict:
        """The recipe as plain values, with the device and architecture."""
        recipe = {name: getattr(self.config, name) for name in RECIPE_FIELDS}
        return recipe | {"device": self.device, "architecture": self.architecture}

    def meta(self, epoch: int, source: str) -> dict:
        """Checkpoint metadata for the run's model at the end of `epoch`."""
        row = next((r for r in self.curves.epochs if r["epoch"] == epoch), None)
        return checkpoint_meta(self.recipe(), architecture=self.architecture, epochs=epoch,
                               test_acc=row["test_acc"] if row else None,
                               test_loss=row["test_loss"] if row else None, device=self.device, source=source)

    def model_at(self, epoch: int) -> nn.Module:
        """A CPU model with the weights the run had at the end of `epoch`, ready to predict."""
        from core.model import LENET, LeNet, build_model

        model = LeNet() if self.design == LENET else build_model(self.design)
        model.load_state_dict(self.checkpoints[epoch].model)
        return model.eval()

    def branch(self, epoch: int, config: TrainConfig, device: str) -> RunRecord:
        """A new record that starts as this one stood at the end of `epoch`, to train by `config`."""
        return RunRecord(
            config=copy.copy(config), design=copy.deepcopy(self.design), device=device,
            curves=self.curves.up_to(epoch), parent=(self.id, epoch),
            checkpoints={e: c for e, c in self.checkpoints.items() if e <= epoch},
            elapsed_s=self.checkpoints[epoch].elapsed_s, seen=self.checkpoints[epoch].seen,
        )

    def to_bytes(self) -> bytes:
        """The record as one safetensors file: tensors by path, everything else as JSON metadata."""
        return _to_safetensors(self)

    @classmethod
    def from_bytes(cls, data: bytes) -> RunRecord:
        """The record `to_bytes` wrote."""
        return _from_safetensors(data, RunRecord)

    def head_bytes(self) -> bytes:
        """The record without its epochs' checkpoints (the epochs kept are listed in it)."""
        head = copy.copy(self)
        head.checkpoints = {}
        head.kept_epochs = sorted(self.checkpoints)
        return _to_safetensors(head)

    @classmethod
    def from_head(cls, data: bytes, read_checkpoint: Callable[[str, int], Checkpoint]) -> RunRecord:
        """The record `head_bytes` wrote; `read_checkpoint(run id, epoch)` reads its checkpoints on demand."""
        record = _from_safetensors(data, RunRecord)
        run_id = record.id
        record.checkpoints = StoredCheckpoints(record.kept_epochs, lambda e: read_checkpoint(run_id, e))
        record.kept_epochs = []
        return record


class StoredCheckpoints(dict):
    """Epoch -> Checkpoint, each read (by `read(epoch)`) the first time it is asked for, then held."""

    def __init__(self, epochs: list[int], read: Callable[[int], Checkpoint]):
        super().__init__(dict.fromkeys(epochs))
        self._read = read

    def __getitem__(self, epoch: int) -> Checkpoint:
        checkpoint = super().__getitem__(epoch)
        if checkpoint is None:
            checkpoint = self._read(epoch)
            super().__setitem__(epoch, checkpoint)
        return checkpoint

    def held(self) -> dict[int, Checkpoint]:
        """The checkpoints read so far (nothing is read to answer)."""
        return {epoch: c for epoch, c in super().items() if c is not None}

    def release(self, keep: int | None = None) -> None:
        """Let go of every checkpoint held but `keep`'s: they are read again when asked for."""
        for epoch in list(self):
            if epoch != keep:
                super().__setitem__(epoch, None)

    def values(self) -> Iterator[Checkpoint]:  # type: ignore[override]
        return (self[epoch] for epoch in self)

    def items(self) -> Iterator[tuple[int, Checkpoint]]:  # type: ignore[override]
        return ((epoch, self[epoch]) for epoch in self)


def checkpoint_to_bytes(checkpoint: Checkpoint) -> bytes:
    """One checkpoint as a safetensors file, as a record holds it."""
    return _to_safetensors(checkpoint)


def checkpoint_from_bytes(data: bytes) -> Checkpoint:
    """The checkpoint `checkpoint_to_bytes` wrote."""
    return _from_safetensors(data, Checkpoint)


def _to_safetensors(value: RunRecord | Checkpoint) -> bytes:
    tensors: dict[str, torch.Tensor] = {}
    document = _encode(value, "", tensors)
    metadata = {"record": json.dumps(document), "schema_version": str(SCHEMA_VERSION)}
    return save_tensors(tensors, metadata=metadata)


def _from_safetensors(data: bytes, kind: type) -> object:
    header_size = struct.unpack("<Q", data[:8])[0]
    metadata = json.loads(data[8 : 8 + header_size])["__metadata__"]
    written = metadata.get("schema_version", str(SCHEMA_VERSION))
    if written != str(SCHEMA_VERSION):
        raise ValueError(f"a run record of schema {written}, this app reads {SCHEMA_VERSION}")
    document = json.loads(metadata["record"])
    if document.get("$type") != kind.__name__:
        raise ValueError(f"not a {kind.__name__}: {document.get('$type')}")
    return _decode(document, load_tensors(data), {})


# ---- the record to JSON and tensors, and back -----------------------------------------------------

_TYPES = {kind.__name__: kind for kind in (RunRecord, Curves, Results, Checkpoint, EpochSums, TrainConfig)}


def _encode(value: object, path: str, tensors: dict[str, torch.Tensor],
            stored: dict[int, str] | None = None) -> object:
    """`value` as JSON, with each tensor and array put in `tensors` under its path (one held in two
    places, such as the last epoch's confusion matrix and the results', is stored once)."""
    stored = {} if stored is None else stored

    def inner(item: object, at: str) -> object:
        return _encode(item, at, tensors, stored)

    if isinstance(value, torch.Tensor | np.ndarray):
        kind = "$tensor" if isinstance(value, torch.Tensor) else "$array"
        if id(value) not in stored:
            stored[id(value)] = path
            # a copy of its own: safetensors refuses two entries on one storage (a view of a weight)
            tensors[path] = (value.detach().cpu().clone(memory_format=torch.contiguous_format)
                             if kind == "$tensor" else torch.from_numpy(value.copy()))
        return {kind: stored[id(value)]}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _TYPES:
        return {"$type": type(value).__name__,
                "fields": {f.name: inner(getattr(value, f.name), f"{path}/{f.name}")
                           for f in dataclasses.fields(value)}}
    if isinstance(value, dict):
        if all(isinstance(key, str) and not key.startswith("$") for key in value):
            return {key: inner(item, f"{path}/{key}") for key, item in value.items()}
        return {"$items": [[key, inner(item, f"{path}/{key}")] for key, item in value.items()]}
    if isinstance(value, tuple):
        return {"$tuple": [inner(item, f"{path}/{i}") for i, item in enumerate(value)]}
    if isinstance(value, list):
        if all(type(item) in (float, int) for item in value):  # a curve: thousands of plain numbers
            return list(value)
        return [inner(item, f"{path}/{i}") for i, item in enumerate(value)]
    if isinstance(value, np.generic):
        return value.item()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"a run record cannot hold {type(value).__name__} at {path}")


def _decode(value: object, tensors: dict[str, torch.Tensor], arrays: dict[str, np.ndarray]) -> object:
    """The value `_encode` wrote (`arrays`: those read so far, so one stored once is one again)."""
    if isinstance(value, list):
        if all(type(item) in (float, int) for item in value):
            return value
        return [_decode(item, tensors, arrays) for item in value]
    if not isinstance(value, dict):
        return value
    if "$tensor" in value:
        return tensors[value["$tensor"]]
    if "$array" in value:
        return arrays.setdefault(value["$array"], tensors[value["$array"]].numpy())
    if "$type" in value:
        return _TYPES[value["$type"]](**{k: _decode(v, tensors, arrays) for k, v in value["fields"].items()})
    if "$items" in value:
        return {key: _decode(item, tensors, arrays) for key, item in value["$items"]}
    if "$tuple" in value:
        return tuple(_decode(item, tensors, arrays) for item in value["$tuple"])
    return {key: _decode(item, tensors, arrays) for key, item in value.items()}


def same_record(a: RunRecord, b: RunRecord) -> bool:
    """Whether two records hold the same values: every tensor equal bit for bit, the rest equal."""
    tensors_a: dict[str, torch.Tensor] = {}
    tensors_b: dict[str, torch.Tensor] = {}
    document_a, document_b = _encode(a, "", tensors_a), _encode(b, "", tensors_b)
    return (document_a == document_b and tensors_a.keys() == tensors_b.keys()
            and all(tensors_a[k].dtype == tensors_b[k].dtype and torch.equal(tensors_a[k], tensors_b[k])
                    for k in tensors_a))
