"""Fine-tuning a trained model on the learner's own digits, and what it costs on MNIST.

One digit in five of the collection is held back (at least one of each label that has two
or more) and never trained on: the before -> after accuracy on those says whether the
model learned the learner's handwriting, not just their exact drawings. The rest is
trained on, each picture changed at random every time it is seen (turned, shifted, scaled,
thickened: the robustness lab's changes), for a fixed number of small steps. With mixing
on, half of every batch is MNIST training images, which keeps the model good at what it
knew; with it off, the model forgets part of MNIST (catastrophic forgetting).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.data import load_mnist, load_tensors
from core.handwriting.collection import Collection
from core.sketch.augment import Augmentation, RandomChanges, to_input
from core.training import BatchEvent, EpochEvent, TrainConfig, TrainingRun, evaluate

HOLD_BACK_EVERY = 5  # one digit in five is kept aside to measure
# gentler than the shipped model's recipe: the learner's digits are few, and already theirs
PERSONAL = Augmentation(angle=12.0, shift=2.0, scale=(0.9, 1.1), elastic=0.6, thick=0.15, thin=0.1,
                        clean=0.2)
MIN_DIGITS = 10  # fewer than this and there is nothing sensible to hold back


@dataclass(frozen=True)
class FinetuneSettings:
    """How fine-tuning runs: `mix` keeps MNIST in every batch; the rest is the fixed recipe."""

    mix: bool = True
    mnist_share: float = 0.75  # of each batch, when mixing
    steps: int = 80  # batches
    batch_size: int = 64
    lr: float = 0.01  # peak of a one-cycle schedule, SGD with momentum 0.9
    seed: int = 0


@dataclass
class FinetuneResult:
    """The last event: the fine-tuned model and the before -> after figures (percent)."""

    model: nn.Module
    held_back: np.ndarray  # indices into the collection never trained on
    personal_before: float  # accuracy on the held-back digits
    personal_after: float
    mnist_before: float  # accuracy on the MNIST test images
    mnist_after: float
    mnist_loss_after: float
    settings: FinetuneSettings
    elapsed_s: float


def hold_back(labels: np.ndarray, every: int = HOLD_BACK_EVERY) -> np.ndarray:
    """Indices to keep aside: every `every`-th digit of each label, and at least one of each
    label that has two or more, so each label still has one to train on."""
    chosen = []
    for digit in np.unique(labels):
        indices = np.flatnonzero(labels == digit)
        if len(indices) >= 2:
            chosen.extend(indices[::every][: max(1, len(indices) // every)])
    return np.sort(np.array(chosen, dtype=np.int64))


@torch.no_grad()
def accuracy(model: nn.Module, ink: torch.Tensor, labels: torch.Tensor) -> float:
    """Percent of 0-1 ink images [N, 1, 28, 28] read as their labels (NaN for none)."""
    if len(labels) == 0:
        return float("nan")
    model.eval()
    return 100.0 * (model(to_input(ink)).argmax(1) == labels).float().mean().item()


def finetune(
    should_stop: Callable[[], bool] | None,
    model: nn.Module,
    collection: Collection,
    settings: FinetuneSettings = FinetuneSettings(),
    mnist_train: tuple[np.ndarray, np.ndarray] | None = None,
    mnist_test: tuple[torch.Tensor, torch.Tensor] | None = None,
) -> Iterator[BatchEvent | EpochEvent | FinetuneResult]:
    """Fine-tune a copy of `model` on `collection`, yielding the training page's progress events
    and, last, a `FinetuneResult`. `mnist_train` is uint8 images and labels (the mixing pool),
    `mnist_test` normalised tensors (both default to the bundled MNIST, so a worker process
    can load its own). `should_stop` comes first, as worker jobs take it."""
    mnist_train = load_mnist(train=True) if mnist_train is None else mnist_train
    mnist_test = load_tensors(train=False) if mnist_test is None else mnist_test
    model = copy.deepcopy(model)
    held = hold_back(collection.labels)
    kept = np.setdiff1d(np.arange(len(collection)), held)
    ink = torch.from_numpy(collection.ink()).unsqueeze(1)
    labels = torch.from_numpy(collection.labels.copy())
    held_ink, held_labels = ink[held], labels[held]
    personal_before = accuracy(model, held_ink, held_labels)
    _, mnist_before, _ = evaluate(model, *mnist_test)

    samples = settings.steps * settings.batch_size
    own_share = round(samples * (1 - settings.mnist_share)) if settings.mix else samples
    generator = np.random.default_rng(settings.seed)
    own = generator.choice(kept, size=own_share, replace=True)  # every kept digit, many times
    train_ink, train_labels = [ink[own]], [labels[own]]
    if settings.mix:
        images, mnist_labels = mnist_train
        chosen = generator.choice(len(images), size=samples - own_share, replace=False)
        train_ink.append(torch.from_numpy(images[chosen].astype(np.float32) / 255.0).unsqueeze(1))
        train_labels.append(torch.from_numpy(mnist_labels[chosen].astype(np.int64)))
    changeable = torch.cat([torch.ones(own_share, dtype=torch.bool),
                            torch.zeros(samples - own_share, dtype=torch.bool)])
    config = TrainConfig(epochs=1, batch_size=settings.batch_size, lr=settings.lr, momentum=0.9,
                         optimizer="sgd", schedule="onecycle", seed=settings.seed)
    run = TrainingRun.start(model, config, "cpu", (torch.cat(train_ink), torch.cat(train_labels)), mnist_test,
                            batch_transform=RandomChanges(PERSONAL, changeable))
    last = None
    for event in run.events(should_stop, report_every=5):
        if isinstance(event, EpochEvent):
            last = event
        yield event
    if last is None:  # stopped before the end: nothing to report
        return
    model.eval()
    yield FinetuneResult(
        model=model, held_back=held, personal_before=personal_before,
        personal_after=accuracy(model, held_ink, held_labels), mnist_before=mnist_before,
        mnist_after=last.test_acc, mnist_loss_after=last.test_loss, settings=settings,
        elapsed_s=last.elapsed_s)
