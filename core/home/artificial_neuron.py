"""One artificial neuron as the home page explains it: a weighted sum, then an activation."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def relu(z: float) -> float:
    """max(0, z): lets positive sums through, silences negative ones."""
    return max(0.0, float(z))


def sigmoid(z: float) -> float:
    """1 / (1 + e^-z): squashes any sum into (0, 1)."""
    return float(1.0 / (1.0 + np.exp(-z)))


ACTIVATIONS: dict[str, Callable[[float], float]] = {"relu": relu, "sigmoid": sigmoid}


def weighted_sum(inputs: Sequence[float], weights: Sequence[float], bias: float) -> float:
    """z = w1*x1 + w2*x2 + ... + b."""
    return float(np.dot(np.asarray(inputs, dtype=np.float64), np.asarray(weights, dtype=np.float64)) + bias)


def neuron_output(
    inputs: Sequence[float], weights: Sequence[float], bias: float, activation: str = "relu"
) -> tuple[float, float]:
    """(z, a): the neuron's weighted sum and its output after the activation."""
    z = weighted_sum(inputs, weights, bias)
    return z, ACTIVATIONS[activation](z)
