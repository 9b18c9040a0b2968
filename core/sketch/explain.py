"""Why the network read a digit the way it did: its probabilities, feature maps and saliency.

A saliency map is the size of the gradient of one class's score with respect to each input
pixel (Simonyan et al., 2013): where a small change of ink would move that score most is
where the model is "looking". Only the input gets a gradient; the shared model's own
parameters are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.data import normalise
from core.model import LeNet, image_activations


@dataclass(frozen=True)
class Reading:
    """What the network makes of one 28 x 28 digit."""

    probabilities: np.ndarray  # float [10], sums to 1
    conv1: np.ndarray | None  # conv1's feature maps after ReLU, [6, 24, 24] for LeNet; None for an MLP
    conv2: np.ndarray | None  # conv2's, [16, 8, 8] for LeNet; None for a design without conv2
    network_input: np.ndarray  # the normalised image the network actually receives, [28, 28]

    @property
    def digit(self) -> int:
        """The most probable digit."""
        return int(self.probabilities.argmax())

    @property
    def confidence(self) -> float:
        """The probability of the most probable digit."""
        return float(self.probabilities.max())


def read_digit(model: LeNet, image: np.ndarray) -> Reading:
    """The network's reading of one MNIST-style float [28, 28] in [0, 1]."""
    outputs = image_activations(model, image)
    return Reading(
        probabilities=outputs["probabilities"],
        conv1=outputs.get("conv1") if outputs.get("conv1", np.zeros(0)).ndim == 3 else None,
        conv2=outputs.get("conv2") if outputs.get("conv2", np.zeros(0)).ndim == 3 else None,
        network_input=normalise(image)[0, 0].numpy(),
    )


def saliency(model: LeNet, image: np.ndarray, digit: int | None = None) -> np.ndarray:
    """|d score(digit) / d pixel| over the [28, 28] input, scaled so its peak is 1 (all zero
    if the score does not depend on any pixel). `digit` defaults to the predicted one."""
    x = normalise(image).requires_grad_(True)
    with torch.enable_grad():
        scores = model(x)[0]
        target = int(scores.argmax()) if digit is None else digit
        (gradient,) = torch.autograd.grad(scores[target], x)
    magnitude = gradient[0, 0].abs().numpy()
    peak = float(magnitude.max())
    return magnitude / peak if peak > 0 else magnitude
