"""Training and evaluation of LeNet as a stream of progress events.

`fit` knows nothing about how it is shown: it yields `BatchEvent`s every few batches and an
`EpochEvent` at each epoch's end, and the page decides what to draw. The whole dataset sits
in one tensor on the device and each epoch slices it by a fresh random permutation: on a
2-core CPU that is several times faster than a DataLoader with per-sample transforms,
which spends most of its time outside the network.

Stopping: the consumer may simply stop iterating (the model keeps every update made so
far), or pass `should_stop`, polled between batches.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from core.data import load_tensors

OPTIMIZERS = ("sgd", "adam")
SCHEDULES = ("constant", "onecycle")


@dataclass
class TrainConfig:
    """One training recipe; the defaults are the classic tutorial's."""

    epochs: int = 5
    batch_size: int = 64
    lr: float = 0.01
    momentum: float = 0.9  # SGD's momentum; Adam uses it as beta1
    optimizer: str = "sgd"
    train_size: int = 60_000  # a random subset of the 60,000 training images
    seed: int = 0
    schedule: str = "constant"  # or "onecycle": warm up to lr, then anneal to ~0
    report_every: int = 20  # batches between BatchEvents


@dataclass
class BatchEvent:
    """Progress inside an epoch: the latest batch's loss and the epoch's running accuracy."""

    epoch: int
    batch: int
    batches: int
    loss: float
    running_acc: float
    samples_per_s: float
    progress: float  # fraction of the whole run done, 0..1
    elapsed_s: float


@dataclass
class EpochEvent:
    """The end of an epoch: train and test figures (accuracies in percent)."""

    epoch: int
    train_loss: float
    train_acc: float
    test_loss: float
    test_acc: float
    conv1_weights: torch.Tensor  # a CPU copy, [6, 1, 5, 5]
    elapsed_s: float


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


def seeded_model(seed: int) -> nn.Module:
    """A freshly initialised LeNet whose starting weights depend only on `seed`."""
    from core.model import LeNet

    torch.manual_seed(seed)
    return LeNet()


def make_optimizer(model: nn.Module, config: TrainConfig) -> torch.optim.Optimizer:
    """SGD with momentum, or Adam, at the configured learning rate."""
    if config.optimizer == "sgd":
        return torch.optim.SGD(model.parameters(), lr=config.lr, momentum=config.momentum)
    if config.optimizer == "adam":
        return torch.optim.Adam(model.parameters(), lr=config.lr, betas=(config.momentum, 0.999))
    raise ValueError(f"unknown optimizer {config.optimizer!r}; choose from {OPTIMIZERS}")


@torch.no_grad()
def evaluate(
    model: nn.Module, images: torch.Tensor, labels: torch.Tensor, batch_size: int = 2000
) -> tuple[float, float, torch.Tensor]:
    """Mean loss, accuracy in percent, and every prediction, over a whole set."""
    model.eval()
    total_loss, predictions = 0.0, []
    for start in range(0, len(images), batch_size):
        logits = model(images[start : start + batch_size])
        total_loss += F.cross_entropy(logits, labels[start : start + batch_size], reduction="sum").item()
        predictions.append(logits.argmax(dim=1))
    predicted = torch.cat(predictions)
    accuracy = 100.0 * (predicted == labels).float().mean().item()
    return total_loss / len(images), accuracy, predicted


def training_subset(size: int, seed: int, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    """`size` training images chosen at random (by `seed`), normalised, on `device`."""
    images, labels = load_tensors(train=True)
    if size < len(images):
        chosen = torch.randperm(len(images), generator=torch.Generator().manual_seed(seed))[:size]
        images, labels = images[chosen], labels[chosen]
    return images.to(device), labels.to(device)


def fit(
    model: nn.Module,
    config: TrainConfig,
    device: torch.device | str | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[BatchEvent | EpochEvent]:
    """Train `model` in place by `config`, yielding progress events as it goes."""
    device = torch.device(device) if device is not None else pick_device()
    model.to(device)
    train_x, train_y = training_subset(config.train_size, config.seed, device)
    test_x, test_y = (t.to(device) for t in load_tensors(train=False))
    optimizer = make_optimizer(model, config)
    batches = (len(train_x) + config.batch_size - 1) // config.batch_size
    scheduler = None
    if config.schedule == "onecycle":
        scheduler = torch.optim.lr_scheduler.OneCycleLR(
            optimizer, max_lr=config.lr, total_steps=config.epochs * batches,
            cycle_momentum=config.optimizer == "sgd",
        )
    shuffler = torch.Generator().manual_seed(config.seed)
    started = time.perf_counter()
    seen = 0
    for epoch in range(1, config.epochs + 1):
        model.train()
        order = torch.randperm(len(train_x), generator=shuffler).to(device)
        loss_sum, correct, count = 0.0, 0, 0
        for batch in range(batches):
            if should_stop is not None and should_stop():
                return
            index = order[batch * config.batch_size : (batch + 1) * config.batch_size]
            x, y = train_x[index], train_y[index]
            optimizer.zero_grad(set_to_none=True)
            logits = model(x)
            loss = F.cross_entropy(logits, y)
            loss.backward()
            optimizer.step()
            if scheduler is not None:
                scheduler.step()
            loss_sum += loss.item() * len(y)
            correct += (logits.argmax(dim=1) == y).sum().item()
            count += len(y)
            seen += len(y)
            if (batch + 1) % config.report_every == 0 or batch + 1 == batches:
                elapsed = time.perf_counter() - started
                yield BatchEvent(
                    epoch=epoch, batch=batch + 1, batches=batches, loss=loss.item(),
                    running_acc=100.0 * correct / count, samples_per_s=seen / max(elapsed, 1e-9),
                    progress=((epoch - 1) * batches + batch + 1) / (config.epochs * batches),
                    elapsed_s=elapsed,
                )
        test_loss, test_acc, _ = evaluate(model, test_x, test_y)
        yield EpochEvent(
            epoch=epoch, train_loss=loss_sum / count, train_acc=100.0 * correct / count,
            test_loss=test_loss, test_acc=test_acc,
            conv1_weights=model.conv1.weight.detach().cpu().clone(),
            elapsed_s=time.perf_counter() - started,
        )
