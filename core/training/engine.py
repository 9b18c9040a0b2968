"""Training and evaluation of LeNet as a stream of progress events.

The loop knows nothing about how it is shown: it yields `BatchEvent`s every few batches
and an `EpochEvent` at each epoch's end, and the page decides what to draw. The whole
dataset sits in one tensor on the device and each epoch slices it by a fresh random
permutation: on a 2-core CPU that is several times faster than a DataLoader with
per-sample transforms, which spends most of its time outside the network.

A `TrainingRun` keeps every piece of progress (model, optimizer, schedule, shuffling
generator, position in the epoch, running sums) on itself and updates it before each
event, so whoever consumes the events may stop at any event and later call `events()`
again to carry on exactly where it left off. `fit` is the one-shot form of the same loop.

It is the app's one training loop: the training page's runs, fine-tuning on the learner's digits,
the design experiments and the weights scripts all drive a `TrainingRun`. What differs between
them comes in as options: a `batch_transform` changes each batch before the forward pass (the
random changes of augmentation, from the run's own generator so a run stays reproducible), and
`record_gradients` puts each weight layer's mean |gradient| on every `BatchEvent`.
Left out: validation splits (the test set is the only held-out data). A run's state goes elsewhere
as a `Checkpoint`: `checkpoint()` takes one at any event and `restore()` puts it back, bit for bit.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from typing import Protocol

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core.data import load_tensors
from core.training.checkpoint import Checkpoint, EpochSums, cpu_state
from core.training.confusion import confusion_matrix

OPTIMIZERS = ("sgd", "adam")
FUSED_ADAM_DEVICES = ("cpu", "cuda")
SCHEDULES = ("constant", "onecycle")
EPOCH_RANGE = (1, 20)


@dataclass
class TrainConfig:
    """One training recipe; the defaults are the classic tutorial's."""

    epochs: int = 5
    batch_size: int = 64
    lr: float = 0.01
    momentum: float = 0.9  # SGD's momentum; Adam uses it as beta1
    optimizer: str = "sgd"
    train_size: int = 60_000  # a random subset (chosen by `seed`) of the 60,000 training images
    seed: int = 0
    schedule: str = "constant"  # or "onecycle": warm up to lr, then anneal to almost 0
    # aim at 1 - s for the right digit and s/10 spread over all ten: a model that is never
    # certain keeps learning from examples it already gets right (0 = the tutorial's plain loss)
    label_smoothing: float = 0.0
    # keep the last VALIDATION_SIZE training images out of the subset: a class challenge ranks runs on them
    holdout: bool = False


RECIPE_FIELDS = tuple(f.name for f in fields(TrainConfig))  # every setting of a recipe, one list for all

PRESETS = {
    # the classic PyTorch MNIST tutorial's recipe
    "classic": TrainConfig(),
    # the quickest to the tutorial's best, chosen by bench/time_to_accuracy.py: Adam through one
    # cycle (warm up, then anneal to ~0) with label smoothing reaches 99% in 2 epochs, which neither
    # does alone (3 epochs without smoothing end at 98.9%); batch 128 runs as many images a second
    # as 256 on a CPU core while taking twice the steps
    "fast": TrainConfig(epochs=2, batch_size=128, lr=0.004, momentum=0.9, optimizer="adam",
                        schedule="onecycle", label_smoothing=0.1),
}


@dataclass
class BatchEvent:
    """Progress inside an epoch: the mean loss of the batches since the last event."""

    epoch: int
    batch: int
    batches: int
    loss: float
    samples_per_s: float
    progress: float  # fraction of the whole run done, 0..1
    elapsed_s: float  # training time so far: the curves' seconds axis
    # with `record_gradients`: each weight layer's mean |weight gradient| over the same batches
    gradients: dict[str, float] | None = None


@dataclass
class EpochEvent:
    """The end of an epoch: train and test figures (accuracies in percent)."""

    epoch: int
    train_loss: float
    train_acc: float
    test_loss: float
    test_acc: float
    conv1_weights: torch.Tensor | None  # the first convolution's, a CPU copy [6, 1, 5, 5]; None without one
    elapsed_s: float
    confusion: np.ndarray | None = None  # [10, 10] test counts, row = true digit
    predicted: np.ndarray | None = None  # the digit said for each test image (uint8)


def pick_device() -> torch.device:
    """cuda if a GPU is usable, else Apple's mps, else the cpu."""
    if torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def device_name(device: torch.device) -> str:
    """A human name for a device: the GPU's model, or "CPU"/"Apple GPU"."""
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return {"mps": "Apple GPU (Metal)", "cpu": "CPU"}.get(device.type, device.type)


def device_reason(device: torch.device) -> str:
    """Why `pick_device` chose this device, as a short code the UI translates."""
    if device.type in ("cuda", "mps"):
        return device.type
    return "cpu_threads" if torch.get_num_threads() > 1 else "cpu"


def seeded_model(seed: int, design: list[dict] | None = None) -> nn.Module:
    """A freshly initialised network (LeNet, or the given design) whose starting weights depend
    only on `seed`; LeNet and the design LENET start from the same weights."""
    from core.model import LeNet, build_model

    torch.manual_seed(seed)
    return LeNet() if design is None else build_model(design)


def first_conv_weights(model: nn.Module) -> torch.Tensor | None:
    """The first convolution's kernels `[out, 1, k, k]` (the filters the pages draw), or None."""
    conv = next((m for m in model.modules() if isinstance(m, nn.Conv2d)), None)
    return None if conv is None else conv.weight


def weight_layers(model: nn.Module) -> list[tuple[str, torch.Tensor]]:
    """Each convolution's and linear layer's name and weight, input side first."""
    return [(name, m.weight) for name, m in model.named_modules() if isinstance(m, nn.Conv2d | nn.Linear)]


def cpu_copy(tensor: torch.Tensor | None) -> torch.Tensor | None:
    """A detached CPU copy an event can carry (None stays None), e.g. of `first_conv_weights`."""
    return None if tensor is None else tensor.detach().cpu().clone()


def make_optimizer(model: nn.Module, config: TrainConfig) -> torch.optim.Optimizer:
    """SGD with momentum, or Adam, at the configured learning rate (Adam fused into one kernel
    per step where PyTorch has one: a few percent faster on a CPU core, the same algorithm)."""
    if config.optimizer == "sgd":
        return torch.optim.SGD(model.parameters(), lr=config.lr, momentum=config.momentum)
    if config.optimizer == "adam":
        device = next(model.parameters()).device.type
        return torch.optim.Adam(model.parameters(), lr=config.lr, betas=(config.momentum, 0.999),
                                fused=device in FUSED_ADAM_DEVICES or None)
    raise ValueError(f"unknown optimizer {config.optimizer!r}; choose from {OPTIMIZERS}")


class BatchTransform(Protocol):
    """Changes a training batch before the forward pass: `x` are its images, `index` their positions
    in the run's training data, `generator` the run's own (the one that shuffles each epoch)."""

    def __call__(self, x: torch.Tensor, index: torch.Tensor, generator: torch.Generator) -> torch.Tensor: ...


def train_step(
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    scheduler: torch.optim.lr_scheduler.LRScheduler | None,
    x: torch.Tensor,
    y: torch.Tensor,
    label_smoothing: float = 0.0,
    watched: list[torch.Tensor] | None = None,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
    """One step on one batch: forward, loss, backward, the optimizer's step and the schedule's.
    Returns the logits, the loss and, for the `watched` weights, their mean |gradient| (else None)."""
    optimizer.zero_grad(set_to_none=True)
    logits = model(x)
    loss = F.cross_entropy(logits, y, label_smoothing=label_smoothing)
    loss.backward()
    gradients = None
    if watched:  # read before the step, which is what moved each weight
        gradients = torch.stack([w.grad.detach().abs().mean() for w in watched])
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return logits, loss, gradients


def check_config(config: TrainConfig) -> None:
    """Raise ValueError when a recipe cannot run (the page's widgets never produce one)."""
    if config.optimizer not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {config.optimizer!r}")
    if config.schedule not in SCHEDULES:
        raise ValueError(f"unknown schedule {config.schedule!r}")
    if config.epochs < 1 or config.batch_size < 1 or config.train_size < 1 or config.lr <= 0:
        raise ValueError(f"epochs, batch size, subset size and learning rate must be positive: {config}")
    if not 0.0 <= config.label_smoothing < 1.0:
        raise ValueError(f"label smoothing must be in [0, 1): {config.label_smoothing}")


@torch.no_grad()
def evaluate(
    model: nn.Module, images: torch.Tensor, labels: torch.Tensor, batch_size: int = 2000
) -> tuple[float, float, torch.Tensor]:
    """Mean loss, accuracy in percent, and every prediction, over a whole set."""
    model.eval()
    total_loss = torch.zeros((), device=images.device)
    predictions = []
    for start in range(0, len(images), batch_size):
        logits = model(images[start : start + batch_size])
        total_loss += F.cross_entropy(logits, labels[start : start + batch_size], reduction="sum")
        predictions.append(logits.argmax(dim=1))
    predicted = torch.cat(predictions)
    accuracy = 100.0 * (predicted == labels).float().mean().item()
    return total_loss.item() / len(images), accuracy, predicted


VALIDATION_SIZE = 5_000  # the last training images, held out by a recipe with `holdout`: a validation split


def training_pool(config: TrainConfig, total: int = 60_000) -> int:
    """How many of the `total` training images a recipe may choose from: all, or all but the validation split
    (the last VALIDATION_SIZE) when it holds them out."""
    return max(total - VALIDATION_SIZE, 1) if config.holdout else total


def subset_indices(size: int, seed: int, total: int = 60_000) -> torch.Tensor:
    """Which `size` of the `total` training images a run uses: a random choice fixed by `seed`."""
    if size >= total:
        return torch.arange(total)
    return torch.randperm(total, generator=torch.Generator().manual_seed(seed))[:size]


def eta_s(progress: float, elapsed_s: float) -> float | None:
    """Seconds left at the pace so far (None before any progress)."""
    if progress <= 0:
        return None
    return elapsed_s * (1 - progress) / progress


def _window_gradients(sums: EpochSums, names: list[str]) -> dict[str, float] | None:
    """Each weight layer's mean |gradient| over the window's batches, by name (None unless
    recorded); empties the window's sum."""
    if sums.window_gradients is None:
        return None
    means = [total / sums.window_batches for total in sums.window_gradients.tolist()]
    sums.window_gradients = None
    return dict(zip(names, means, strict=True))


@dataclass
class TrainingRun:
    """A training run that can stop at any event and carry on later from the same point."""

    model: nn.Module
    config: TrainConfig
    device: torch.device
    train_data: tuple[torch.Tensor, torch.Tensor]  # all training images and labels, on `device`
    test_data: tuple[torch.Tensor, torch.Tensor]
    chosen: torch.Tensor  # indices of the subset this run trains on, on `device`
    batch_transform: BatchTransform | None = None  # e.g. augmentation; None: batches as they are
    record_gradients: bool = False  # each weight layer's mean |gradient| on every BatchEvent
    optimizer: torch.optim.Optimizer = field(init=False)
    scheduler: torch.optim.lr_scheduler.LRScheduler | None = field(init=False)
    epoch: int = 1  # the epoch in progress (epochs + 1 once finished)
    batch: int = 0  # batches done in that epoch
    seen: int = 0  # samples trained on, all epochs together
    elapsed_s: float = 0.0  # time spent training, all resumptions together
    _order: torch.Tensor | None = None
    _sums: EpochSums | None = None
    _shuffler: torch.Generator = field(init=False)

    def __post_init__(self) -> None:
        check_config(self.config)
        self.model.to(self.device)
        if self.device.type == "cpu":
            # channels-last convolution weights make the CPU kernels work pixel by pixel over all
            # channels: a LeNet step about a fifth faster (bench/time_to_accuracy.py); the numbers
            # differ from the default layout only by float rounding
            self.model.to(memory_format=torch.channels_last)
        self.optimizer = make_optimizer(self.model, self.config)
        self.scheduler = None
        if self.config.schedule == "onecycle":
            self.scheduler = torch.optim.lr_scheduler.OneCycleLR(
                self.optimizer, max_lr=self.config.lr, total_steps=self.config.epochs * self.batches,
                cycle_momentum=self.config.optimizer == "sgd",
            )
        self._shuffler = torch.Generator().manual_seed(self.config.seed)

    @classmethod
    def start(
        cls,
        model: nn.Module,
        config: TrainConfig,
        device: torch.device | str | None = None,
        train_data: tuple[torch.Tensor, torch.Tensor] | None = None,
        test_data: tuple[torch.Tensor, torch.Tensor] | None = None,
        batch_transform: BatchTransform | None = None,
        record_gradients: bool = False,
    ) -> TrainingRun:
        """A run at its first batch; `train_data`/`test_data` default to the bundled MNIST splits
        (pass shared, already-loaded tensors to avoid a copy: they are only read). The network
        sees `batch_transform(x, index, generator)` of each batch when it is given (then the
        training images may be on any scale the transform takes, e.g. 0-1 ink)."""
        device = torch.device(device) if device is not None else pick_device()
        train_x, train_y = train_data if train_data is not None else load_tensors(train=True)
        test_x, test_y = test_data if test_data is not None else load_tensors(train=False)
        chosen = subset_indices(config.train_size, config.seed, training_pool(config, len(train_x)))
        return cls(
            model=model, config=replace(config), device=device,
            train_data=(train_x.to(device), train_y.to(device)),
            test_data=(test_x.to(device), test_y.to(device)), chosen=chosen.to(device),
            batch_transform=batch_transform, record_gradients=record_gradients,
        )

    def checkpoint(self) -> Checkpoint:
        """A CPU copy of where the run stands (between epochs, or mid-epoch with its order and sums)."""
        return Checkpoint(
            config=replace(self.config), epoch=self.epoch, batch=self.batch, seen=self.seen,
            elapsed_s=self.elapsed_s, model=cpu_state(self.model.state_dict()),
            optimizer=cpu_state(self.optimizer.state_dict()),
            scheduler=copy.deepcopy(self.scheduler.state_dict()) if self.scheduler is not None else None,
            shuffler=self._shuffler.get_state(),
            order=cpu_state(self._order) if self._order is not None else None,
            sums=self._sums.to("cpu") if self._sums is not None else None,
        )

    def restore(self, checkpoint: Checkpoint) -> None:
        """Put `checkpoint` (taken from a run of the same recipe) into this run, in place."""
        if checkpoint.config != self.config:
            raise ValueError(f"a state of recipe {checkpoint.config} cannot carry on a run of {self.config}")
        self.model.load_state_dict(checkpoint.model)
        self.load_optimizer(checkpoint.optimizer)
        if self.scheduler is not None and checkpoint.scheduler is not None:
            self.scheduler.load_state_dict(checkpoint.scheduler)
        self.place(checkpoint)
        self._order = checkpoint.order.to(self.device) if checkpoint.order is not None else None
        self._sums = checkpoint.sums.to(self.device) if checkpoint.sums is not None else None

    def load_optimizer(self, state: dict) -> None:
        """Load an optimizer state, each buffer laid out in memory as its weight is: fused Adam walks
        a weight and its moments as flat memory, so a contiguous moment (as read back from bytes)
        beside a channels-last weight would be added up element by wrong element."""
        self.optimizer.load_state_dict(state)
        for weight, buffers in self.optimizer.state.items():
            for name, buffer in buffers.items():
                if isinstance(buffer, torch.Tensor) and buffer.shape == weight.shape \
                        and buffer.stride() != weight.stride():
                    buffers[name] = torch.empty_like(weight).copy_(buffer)

    def place(self, checkpoint: Checkpoint) -> None:
        """Put the run at `checkpoint`'s position and shuffling state, weights and optimizer untouched
        (a branch whose recipe changed keeps its new optimizer's settings)."""
        self._shuffler.set_state(checkpoint.shuffler)
        self.epoch, self.batch = checkpoint.epoch, checkpoint.batch
        self.seen, self.elapsed_s = checkpoint.seen, checkpoint.elapsed_s

    @property
    def generator(self) -> torch.Generator:
        """The generator that shuffles each epoch and draws a batch transform's random changes."""
        return self._shuffler

    @property
    def gradient_layers(self) -> list[str]:
        """The weight layers whose gradients `record_gradients` notes, input side first."""
        return [name for name, _ in weight_layers(self.model)]

    @property
    def batches(self) -> int:
        """Batches in one epoch."""
        return -(-len(self.chosen) // self.config.batch_size)

    @property
    def finished(self) -> bool:
        """Whether every epoch has run."""
        return self.epoch > self.config.epochs

    @property
    def progress(self) -> float:
        """Fraction of all batches done, 0..1."""
        return min(1.0, ((self.epoch - 1) * self.batches + self.batch) / (self.config.epochs * self.batches))

    def events(
        self, should_stop: Callable[[], bool] | None = None, report_every: int = 20
    ) -> Iterator[BatchEvent | EpochEvent]:
        """Train from where the run stands, yielding progress (a BatchEvent every `report_every`
        batches, an EpochEvent at each epoch's end); stopping early loses nothing."""
        config, model = self.config, self.model
        train_x, train_y = self.train_data
        layers = weight_layers(model) if self.record_gradients else []
        names, watched = [name for name, _ in layers], [weight for _, weight in layers]
        while not self.finished:
            if self._order is None:  # a new epoch: a fresh order over the subset
                permutation = torch.randperm(len(self.chosen), generator=self._shuffler).to(self.device)
                self._order = self.chosen[permutation]
                zero = torch.zeros((), device=self.device)
                self._sums = EpochSums(loss=zero.clone(), correct=zero.clone(), window_loss=zero.clone())
            sums = self._sums
            model.train()
            started = time.perf_counter()
            while self.batch < self.batches:
                if should_stop is not None and should_stop():
                    self.elapsed_s += time.perf_counter() - started
                    return
                index = self._order[self.batch * config.batch_size : (self.batch + 1) * config.batch_size]
                x, y = train_x[index], train_y[index]
                if self.batch_transform is not None:
                    x = self.batch_transform(x, index, self._shuffler)
                logits, loss, gradients = train_step(model, self.optimizer, self.scheduler, x, y,
                                                     config.label_smoothing, watched)
                with torch.no_grad():  # report the plain loss, comparable with the test loss
                    plain = F.cross_entropy(logits, y) if config.label_smoothing else loss.detach()
                    sums.loss += plain * len(y)
                    sums.window_loss += plain
                    sums.correct += (logits.argmax(dim=1) == y).sum()
                    if gradients is not None:  # the window's first batch starts its sum
                        if sums.window_gradients is None:
                            sums.window_gradients = gradients
                        else:
                            sums.window_gradients += gradients
                sums.count += len(y)
                sums.window_batches += 1
                self.seen += len(y)
                self.batch += 1
                if self.batch % report_every == 0 or self.batch == self.batches:
                    now = time.perf_counter()
                    self.elapsed_s += now - started
                    started = now
                    event = BatchEvent(
                        epoch=self.epoch, batch=self.batch, batches=self.batches,
                        loss=sums.window_loss.item() / sums.window_batches,
                        samples_per_s=self.seen / max(self.elapsed_s, 1e-9), progress=self.progress,
                        elapsed_s=self.elapsed_s, gradients=_window_gradients(sums, names),
                    )
                    sums.window_loss.zero_()
                    sums.window_batches = 0
                    yield event
                    started = time.perf_counter()  # time spent by the consumer is not training
            test_loss, test_acc, predicted = evaluate(model, *self.test_data)
            self.elapsed_s += time.perf_counter() - started
            predicted = predicted.cpu().numpy().astype(np.uint8)
            event = EpochEvent(
                epoch=self.epoch, train_loss=sums.loss.item() / sums.count,
                train_acc=100.0 * sums.correct.item() / sums.count,
                test_loss=test_loss, test_acc=test_acc,
                conv1_weights=cpu_copy(first_conv_weights(model)), elapsed_s=self.elapsed_s,
                confusion=confusion_matrix(self.test_data[1].cpu().numpy(), predicted),
                predicted=predicted,
            )
            self.epoch += 1
            self.batch = 0
            self._order = None
            yield event


def fit(
    model: nn.Module,
    config: TrainConfig,
    device: torch.device | str | None = None,
    should_stop: Callable[[], bool] | None = None,
    report_every: int = 20,
) -> Iterator[BatchEvent | EpochEvent]:
    """Train `model` in place by `config`, yielding progress events as it goes."""
    yield from TrainingRun.start(model, config, device).events(should_stop, report_every)
