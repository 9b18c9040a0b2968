"""Cross-entropy worked by hand on one example: softmax, then minus the log of the true class."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class CrossEntropySteps:
    """Each number in the computation of one example's loss."""

    logits: np.ndarray  # [10], the network's raw scores
    exponentials: np.ndarray  # exp(logit - max): the max is subtracted only to avoid overflow
    probabilities: np.ndarray  # exponentials / their sum
    label: int
    probability_true: float
    loss: float  # -ln(probability of the true class)


def cross_entropy_steps(logits: np.ndarray, label: int) -> CrossEntropySteps:
    """Softmax of `logits`, then -ln of the true class's probability, step by step."""
    logits = np.asarray(logits, dtype=np.float64)
    exponentials = np.exp(logits - logits.max())
    probabilities = exponentials / exponentials.sum()
    p_true = float(probabilities[label])
    return CrossEntropySteps(logits, exponentials, probabilities, int(label), p_true, float(-np.log(p_true)))
