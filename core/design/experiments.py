"""The design page's one-click experiments.

"Why convolution?": shuffle every image's 784 pixels by one fixed
permutation, then train an MLP and LeNet on the original and on the shuffled images with the same
small budget. The MLP does not care (it never knew which pixels were neighbours); LeNet loses much
of its edge, because convolution assumes that neighbouring pixels belong together.

"Why ReLU?": the same deep MLP with sigmoid and with ReLU, the same budget. Each sigmoid shrinks
the gradient passing back through it by at least four times, so the first layers of a deep
sigmoid network hardly move; ReLU passes it on unchanged where a neuron is active.

Both run as a job of the training worker pool (`experiment_job`), like every training in the
app, so the server's interpreter stays free for the pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import torch

from core.model import PRESETS
from core.model.design import FLATTEN, act, linear
from core.model.shapes import layer_rows, parameter_total
from core.training import BatchEvent, EpochEvent, TrainConfig, TrainingRun, seeded_model
from core.training.job import mnist_splits

NETWORKS = ("mlp", "lenet")
# the budgets the page runs with (bench/design_experiments.py times them): seconds on one thread
CONVOLUTION_BUDGET = TrainConfig(epochs=2, train_size=6_000, lr=0.003, optimizer="adam", seed=0)
# "Why ReLU?": plain SGD, so the gradients alone decide how fast each layer moves
RELU_BUDGET = TrainConfig(epochs=2, train_size=5_000, batch_size=32, lr=0.03, seed=0)
TEST_SIZE = 2_000  # test images each network is judged on


def pixel_permutation(seed: int = 0) -> torch.Tensor:
    """One fixed shuffling of the 784 pixel positions."""
    return torch.randperm(28 * 28, generator=torch.Generator().manual_seed(seed))


def shuffle_pixels(images: torch.Tensor, permutation: torch.Tensor) -> torch.Tensor:
    """Every image `[N, 1, 28, 28]` with its pixels moved by the same permutation."""
    flat = images.reshape(len(images), -1)[:, permutation]
    return flat.reshape(images.shape)


@dataclass(frozen=True)
class ConvolutionResult:
    """Test accuracy (percent) of each network on original and shuffled pixels, and its size."""

    accuracy: dict[tuple[str, bool], float]  # (network, shuffled) -> test accuracy
    parameters: dict[str, int]


def why_convolution(train: tuple[torch.Tensor, torch.Tensor], test: tuple[torch.Tensor, torch.Tensor],
                    config: TrainConfig, seed: int = 0) -> ConvolutionResult:
    """Train each network on the original and the shuffled images of `train` by `config`; judge
    each on `test`, shuffled the same way when the training images were."""
    permutation = pixel_permutation(seed)
    accuracy = {}
    for shuffled in (False, True):
        (train_x, train_y), (test_x, test_y) = train, test
        if shuffled:
            train_x, test_x = shuffle_pixels(train_x, permutation), shuffle_pixels(test_x, permutation)
        for name in NETWORKS:
            model = seeded_model(config.seed, PRESETS[name])
            run = TrainingRun.start(model, config, "cpu", (train_x, train_y), (test_x, test_y))
            last = [event for event in run.events() if isinstance(event, EpochEvent)][-1]
            accuracy[(name, shuffled)] = last.test_acc
    parameters = {name: parameter_total(layer_rows(PRESETS[name])) for name in NETWORKS}
    return ConvolutionResult(accuracy, parameters)



ACTIVATIONS = ("sigmoid", "relu")
DEEP_HIDDEN = (64, 64, 64, 64, 64)  # five hidden layers: deep enough for sigmoid to starve the first


def deep_mlp(fn: str) -> list[dict]:
    """The design of a deep MLP whose hidden layers all use activation `fn`."""
    layers = [FLATTEN]
    for width in DEEP_HIDDEN:
        layers += [linear(width), act(fn)]
    return layers + [linear(10)]


@dataclass(frozen=True)
class ActivationResult:
    """Per activation: the loss of every training step, each weight layer's mean |gradient| at
    every step (`[steps, layers]`), and the final test accuracy (percent)."""

    layers: list[str]  # the weight layers, input side first
    losses: dict[str, list[float]]
    gradients: dict[str, np.ndarray]
    accuracy: dict[str, float]


def why_relu(train: tuple[torch.Tensor, torch.Tensor], test: tuple[torch.Tensor, torch.Tensor],
             config: TrainConfig) -> ActivationResult:
    """Train the deep MLP once with sigmoid and once with ReLU by `config`, noting every step's
    loss and each layer's gradient; judge each on `test`."""
    losses, gradients, accuracy, layers = {}, {}, {}, []
    for fn in ACTIVATIONS:
        run = TrainingRun.start(seeded_model(config.seed, deep_mlp(fn)), config, "cpu", train, test,
                                record_gradients=True)
        steps = []
        for event in run.events(report_every=1):  # one BatchEvent per step
            if isinstance(event, BatchEvent):
                steps.append(event)
            elif isinstance(event, EpochEvent):
                accuracy[fn] = event.test_acc
        layers = run.gradient_layers
        losses[fn] = [event.loss for event in steps]
        gradients[fn] = np.array([list(event.gradients.values()) for event in steps])
    return ActivationResult(layers, losses, gradients, accuracy)


def experiment_job(should_stop: Callable[[], bool], name: str, config: TrainConfig,
                   test_size: int) -> Iterator[ConvolutionResult | ActivationResult]:
    """One experiment ("convolution" or "relu") as a worker job (`core.worker_pool`): its one
    event is the result, judged on the first `test_size` test images. It runs for seconds, so
    it does not look at `should_stop`."""
    experiment = {"convolution": why_convolution, "relu": why_relu}[name]
    train, (test_x, test_y) = mnist_splits()
    yield experiment(train, (test_x[:test_size], test_y[:test_size]), config)
