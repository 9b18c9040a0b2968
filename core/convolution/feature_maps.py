"""The filters a LeNet learned and what they make of one digit, read from the model itself."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.model import LeNet, image_activations


@dataclass(frozen=True)
class LearnedMaps:
    """conv1's kernels and, for one digit, each stage's maps (conv maps after ReLU)."""

    kernels: np.ndarray  # conv1 weights [6, 5, 5]
    biases: np.ndarray  # conv1 biases [6]
    conv1: np.ndarray  # relu(conv1(x)) [6, 24, 24], exactly image_activations(...)["conv1"]
    pool1: np.ndarray  # max-pooled [6, 12, 12]
    conv2: np.ndarray  # relu(conv2(pool1)) [16, 8, 8]


def conv1_kernels(model: LeNet) -> np.ndarray:
    """The six 5 x 5 kernels of the first convolution, `[6, 5, 5]`."""
    return model.conv1.weight.detach().cpu().numpy()[:, 0].astype(np.float64)


def learned_maps(model: LeNet, image: np.ndarray) -> LearnedMaps:
    """What the model's first two convolutions make of one uint8 `[28, 28]` digit."""
    outputs = image_activations(model, image)
    as_numpy = {name: outputs[name].astype(np.float64) for name in ("conv1", "pool1", "conv2")}
    return LearnedMaps(
        kernels=conv1_kernels(model),
        biases=model.conv1.bias.detach().cpu().numpy().astype(np.float64),
        **as_numpy,
    )
