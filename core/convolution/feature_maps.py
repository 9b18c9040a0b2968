"""The filters a network learned and what they make of one digit, read from the model itself.

Any design works: its first convolution is always named conv1 (core.model.design). A network
without a convolution (an MLP) has no filters; `first_layer_images` shows what its first fully
connected layer looks for instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch import nn

from core.convolution.filters import max_pool
from core.model import LeNet, image_activations


@dataclass(frozen=True)
class LearnedMaps:
    """conv1's kernels and, for one digit, each stage's maps (conv maps after ReLU)."""

    kernels: np.ndarray  # conv1 weights [6, 5, 5]
    biases: np.ndarray  # conv1 biases [6]
    conv1: np.ndarray  # relu(conv1(x)) [6, 24, 24], exactly image_activations(...)["conv1"]
    pool1: np.ndarray  # pooled [6, 12, 12] (the design's pool1, or a 2 x 2 max-pool of conv1)
    conv2: np.ndarray | None  # relu(conv2(pool1)) [16, 8, 8]; None for a design without conv2


def conv1_kernels(model: LeNet) -> np.ndarray:
    """The kernels of the first convolution, `[6, 5, 5]` for LeNet."""
    return model.conv1.weight.detach().cpu().numpy()[:, 0].astype(np.float64)


def has_convolution(model: nn.Module) -> bool:
    """Whether the network has a convolution layer (an MLP has none)."""
    return isinstance(getattr(model, "conv1", None), nn.Conv2d)


def learned_maps(model: LeNet, image: np.ndarray) -> LearnedMaps:
    """What the model's first two convolutions make of one uint8 `[28, 28]` digit."""
    outputs = {name: value.astype(np.float64) for name, value in image_activations(model, image).items()}
    conv1 = outputs["conv1"]
    pool1 = outputs.get("pool1")
    if pool1 is None or pool1.shape[0] != conv1.shape[0]:  # pool1 is not conv1's own pooling
        pool1 = np.stack([max_pool(m) for m in conv1])
    return LearnedMaps(
        kernels=conv1_kernels(model),
        biases=model.conv1.bias.detach().cpu().numpy().astype(np.float64),
        conv1=conv1, pool1=pool1, conv2=outputs.get("conv2"),
    )


def first_layer_images(model: nn.Module, count: int = 16) -> np.ndarray | None:
    """The first fully connected layer's weights for its first `count` units, each as a 28 x 28
    picture of the pixels that unit weighs (None unless that layer reads the raw image)."""
    fc1 = getattr(model, "fc1", None)
    if not isinstance(fc1, nn.Linear) or fc1.in_features != 28 * 28:
        return None
    return fc1.weight.detach().cpu().numpy()[:count].reshape(-1, 28, 28).astype(np.float64)
