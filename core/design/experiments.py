"""One-click experiment "Why convolution?": shuffle every image's 784 pixels by one fixed
permutation, then train an MLP and LeNet on the original and on the shuffled images with the same
small budget. The MLP does not care (it never knew which pixels were neighbours); LeNet loses much
of its edge, because convolution assumes that neighbouring pixels belong together.

Runs in this process (the training worker pool is not used here yet).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from core.model import PRESETS
from core.model.shapes import layer_rows, parameter_total
from core.training import TrainConfig, TrainingRun, evaluate, seeded_model

NETWORKS = ("mlp", "lenet")


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
            for _ in run.events():
                pass
            accuracy[(name, shuffled)] = evaluate(model, test_x, test_y)[1]
    parameters = {name: parameter_total(layer_rows(PRESETS[name])) for name in NETWORKS}
    return ConvolutionResult(accuracy, parameters)

