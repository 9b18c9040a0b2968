"""Fitting y = w*x + b to several points: full-batch versus stochastic gradient descent.

The loss is the mean of ½(w*x + b - y)² over the points. Full-batch descent takes one step
per pass over the data along the mean gradient; stochastic descent takes one step per point,
in a fresh random order each pass, along that point's own gradient. Both are the single-neuron
rule of core/neuron/descent.py; mini-batches (the training page) sit between the two.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.neuron.descent import escaped


@dataclass(frozen=True)
class FitPath:
    """Every (w, b) a method visited, the full-data loss at each, and the pass each update ends."""

    w: np.ndarray
    b: np.ndarray
    loss: np.ndarray  # mean loss over all points at (w[i], b[i])
    epoch: np.ndarray  # passes over the data completed at update i (fractional for stochastic)
    diverged: bool


def noisy_points(n: int = 8, slope: float = 2.0, intercept: float = 1.0, noise: float = 0.4,
                 seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(xs, ys): n points near the line y = slope*x + intercept, xs spread over [-1.5, 1.5]."""
    rng = np.random.default_rng(seed)
    xs = np.sort(rng.uniform(-1.5, 1.5, n))
    return xs, slope * xs + intercept + rng.normal(0.0, noise, n)


def mean_loss(xs: np.ndarray, ys: np.ndarray, w: float, b: float) -> float:
    """The mean of ½(w*x + b - y)² over the points."""
    return float(np.mean(0.5 * (w * xs + b - ys) ** 2))


def least_squares(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float]:
    """(w, b) at the bottom of the loss surface, where both methods are heading."""
    w, b = np.polyfit(xs, ys, 1)
    return float(w), float(b)


def batch_lr_limit(xs: np.ndarray) -> float:
    """2 / the largest curvature of the mean loss: full-batch descent converges below it."""
    hessian = np.array([[np.mean(xs * xs), np.mean(xs)], [np.mean(xs), 1.0]])
    return float(2.0 / np.linalg.eigvalsh(hessian).max())


def batch_descent(xs: np.ndarray, ys: np.ndarray, w: float, b: float, lr: float, epochs: int) -> FitPath:
    """One step per pass, along the gradient averaged over all points."""
    path = [(w, b, 0.0)]
    for epoch in range(1, epochs + 1):
        error = w * xs + b - ys
        w, b = w - lr * float(np.mean(error * xs)), b - lr * float(np.mean(error))
        path.append((w, b, float(epoch)))
        if escaped(w, b):
            return _fit_path(xs, ys, path, diverged=True)
    return _fit_path(xs, ys, path, diverged=False)


def stochastic_descent(xs: np.ndarray, ys: np.ndarray, w: float, b: float, lr: float, epochs: int,
                       seed: int = 0) -> FitPath:
    """One step per point, the points in a fresh random order each pass."""
    rng = np.random.default_rng(seed)
    n = len(xs)
    path = [(w, b, 0.0)]
    for epoch in range(epochs):
        for position, i in enumerate(rng.permutation(n), start=1):
            error = w * xs[i] + b - ys[i]
            w, b = w - lr * float(error * xs[i]), b - lr * float(error)
            path.append((w, b, epoch + position / n))
            if escaped(w, b):
                return _fit_path(xs, ys, path, diverged=True)
    return _fit_path(xs, ys, path, diverged=False)


def _fit_path(xs: np.ndarray, ys: np.ndarray, path: list[tuple[float, float, float]],
              diverged: bool) -> FitPath:
    w, b, epoch = (np.array(column) for column in zip(*path, strict=True))
    # the mean loss of every visited (w, b) at once: [updates, points]
    loss = np.mean(0.5 * (np.outer(w, xs) + b[:, None] - ys) ** 2, axis=1)
    return FitPath(w, b, loss, epoch, diverged)


def mean_loss_surface(xs: np.ndarray, ys: np.ndarray, w_range: tuple[float, float],
                      b_range: tuple[float, float], size: int = 41):
    """(ws, bs, losses): the mean loss on a grid, losses[i, j] at (ws[j], bs[i])."""
    ws = np.linspace(*w_range, size)
    bs = np.linspace(*b_range, size)
    grid_w, grid_b = np.meshgrid(ws, bs)
    residual = grid_w[..., None] * xs + grid_b[..., None] - ys
    return ws, bs, np.mean(0.5 * residual**2, axis=-1)
