"""Each layer's gradient size over a short run of LeNet, with ReLU and with the sigmoid.

The app's one training loop records it (`TrainingRun` with `record_gradients`, as the design
page's "Why ReLU?" does): each weight layer's mean |gradient| on every BatchEvent. Here they are
averaged over the run. A sigmoid multiplies the gradient by at most ¼ on its way back through
each activation, so the layers nearest the input get the smallest share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from core.model.design import LENET
from core.training import BatchEvent, TrainConfig, TrainingRun, seeded_model
from core.training.job import mnist_splits

ACTIVATIONS = ("relu", "sigmoid")
# a few hundred batches: 200 of 32 images (seconds on a free core), plain SGD so the gradients alone
# decide the steps
BUDGET = TrainConfig(epochs=1, train_size=6_400, batch_size=32, lr=0.03, seed=0)
TEST_SIZE = 500  # the run's end judges this many test images (unused here; kept cheap)


def lenet_with(fn: str) -> list[dict]:
    """The tutorial's LeNet with every activation replaced by `fn`."""
    return [{**layer, "fn": fn} if layer["kind"] == "activation" else dict(layer) for layer in LENET]


@dataclass(frozen=True)
class GradientSizes:
    """Per activation, each weight layer's mean |weight gradient| over the run (input side first)."""

    layers: list[str]
    sizes: dict[str, list[float]]
    batches: int


def gradient_sizes(train, test, config: TrainConfig) -> GradientSizes:
    """Train LeNet once with each activation by `config`, averaging each layer's gradient size."""
    sizes, layers, batches = {}, [], 0
    for fn in ACTIVATIONS:
        run = TrainingRun.start(seeded_model(config.seed, lenet_with(fn)), config, "cpu", train, test,
                                record_gradients=True)
        events = [e for e in run.events(report_every=10) if isinstance(e, BatchEvent)]
        layers = run.gradient_layers
        sizes[fn] = np.array([list(e.gradients.values()) for e in events]).mean(axis=0).tolist()
        batches = run.batches * config.epochs
    return GradientSizes(layers, sizes, batches)


def gradient_sizes_job(should_stop: Callable[[], bool], config: TrainConfig,
                       test_size: int) -> Iterator[GradientSizes]:
    """`gradient_sizes` as a training worker job (`core.worker_pool`); its one event is the result.
    It runs for seconds, so it does not look at `should_stop`."""
    train, (test_x, test_y) = mnist_splits()
    yield gradient_sizes(train, (test_x[:test_size], test_y[:test_size]), config)
