"""One neuron, y = w*x + b, learning one sample by gradient descent.

Each step has four phases: forward (y = w*x + b), loss (L = ½(y - target)²), gradients
(dL/dw = (y - target)*x, dL/db = y - target) and update (w -= lr*dL/dw, b -= lr*dL/db).
The error e = y - target therefore changes by the same factor every step,
e_next = (1 - lr*(x² + 1)) * e, which is why the learning rate must stay below 2 / (x² + 1).
The loss surface over (w, b) and the hand-derived gradients checked by `torch.autograd` are
here too; drawing is left to core/neuron/charts.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

# A run stops once |w| or |b| passes this: far below float overflow, and the numbers in the
# table stay readable. Any run that gets here is diverging, never converging.
DIVERGENCE_BOUND = 1e6


@dataclass(frozen=True)
class Step:
    """One step of gradient descent: the parameters before, every intermediate, and after."""

    step: int  # 1-based, as in the tutorial
    w: float
    b: float
    y: float
    loss: float
    grad_w: float
    grad_b: float
    w_next: float
    b_next: float


@dataclass(frozen=True)
class Descent:
    """A whole run: its steps, and whether it was stopped early because it diverged."""

    records: list[Step]
    diverged: bool  # stopped before overflow: |w| or |b| passed DIVERGENCE_BOUND
    steps_asked: int


def forward(x: float, w: float, b: float) -> float:
    """The neuron's output: a straight line, no activation."""
    return w * x + b


def squared_error(y: float, y_target: float) -> float:
    """The loss ½(y - target)²; the ½ cancels the 2 of the derivative."""
    return 0.5 * (y - y_target) ** 2


def gradients(x: float, y: float, y_target: float) -> tuple[float, float]:
    """(dL/dw, dL/db) by the chain rule: dL/dy = y - target, dy/dw = x, dy/db = 1."""
    error = y - y_target
    return error * x, error


def autograd_gradients(x: float, y_target: float, w: float, b: float) -> tuple[float, float]:
    """(dL/dw, dL/db) at (w, b) computed by torch.autograd, to check the hand-derived ones."""
    w_t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    b_t = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    loss = 0.5 * (w_t * x + b_t - y_target) ** 2
    loss.backward()
    return float(w_t.grad), float(b_t.grad)


def gradients_agree(hand: tuple[float, float], auto: tuple[float, float], rel: float = 1e-9) -> bool:
    """Whether two (dL/dw, dL/db) pairs are equal up to rounding."""
    return all(math.isclose(h, a, rel_tol=rel, abs_tol=1e-12) for h, a in zip(hand, auto, strict=True))


def escaped(w: float, b: float) -> bool:
    """Whether (w, b) has passed DIVERGENCE_BOUND, or is no number at all (NaN): the run diverged."""
    return not (abs(w) <= DIVERGENCE_BOUND and abs(b) <= DIVERGENCE_BOUND)


def descent_step(step: int, x: float, y_target: float, w: float, b: float, lr: float) -> Step:
    """Forward, loss, gradients and update, once."""
    y = forward(x, w, b)
    grad_w, grad_b = gradients(x, y, y_target)
    return Step(step, w, b, y, squared_error(y, y_target), grad_w, grad_b, w - lr * grad_w, b - lr * grad_b)


def run_descent(x: float, y_target: float, w: float, b: float, lr: float, steps: int) -> Descent:
    """Up to `steps` steps from (w, b); stops after the step whose update leaves the bound."""
    records: list[Step] = []
    for number in range(1, steps + 1):
        record = descent_step(number, x, y_target, w, b, lr)
        records.append(record)
        w, b = record.w_next, record.b_next
        if escaped(w, b):
            return Descent(records, diverged=True, steps_asked=steps)
    return Descent(records, diverged=False, steps_asked=steps)


def gradient_descent(x: float, y_target: float, w: float, b: float, lr: float, steps: int) -> list[Step]:
    """The step records of `run_descent` (a divergent run ends early, before overflow)."""
    return run_descent(x, y_target, w, b, lr, steps).records


def lr_limit(x: float) -> float:
    """The largest learning rate that still converges: 2 / (x² + 1), from the steep curvature."""
    return 2.0 / (x * x + 1.0)


def error_factor(x: float, lr: float) -> float:
    """What each step multiplies the error y - target by: 1 - lr*(x² + 1)."""
    return 1.0 - lr * (x * x + 1.0)


def regime(x: float, lr: float) -> str:
    """How this learning rate behaves: "crawl", "converge", "oscillate", "edge" or "diverge"."""
    factor = error_factor(x, lr)
    if math.isclose(factor, -1.0, abs_tol=1e-12):
        return "edge"  # exactly at the limit: bounces between two points for ever
    if factor < -1.0:
        return "diverge"
    if factor < 0.0:
        return "oscillate"
    if factor >= 0.9:  # each step removes at most a tenth of the error
        return "crawl"
    return "converge"


def loss_surface(
    x: float, y_target: float, w_range: tuple[float, float], b_range: tuple[float, float], size: int = 41
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ws, bs, losses): the loss on a size x size grid, losses[i, j] at (ws[j], bs[i])."""
    ws = np.linspace(*w_range, size)
    bs = np.linspace(*b_range, size)
    grid_w, grid_b = np.meshgrid(ws, bs)
    return ws, bs, 0.5 * (grid_w * x + grid_b - y_target) ** 2


def path_bounds(records: list[Step], margin: float = 0.25, min_span: float = 2.0):
    """((w_lo, w_hi), (b_lo, b_hi)): a window holding every (w, b) the run visits."""
    ws = [r.w for r in records] + [records[-1].w_next]
    bs = [r.b for r in records] + [records[-1].b_next]
    return path_bounds_of(ws, bs, margin, min_span)


def path_bounds_of(ws, bs, margin: float = 0.25, min_span: float = 2.0):
    """((w_lo, w_hi), (b_lo, b_hi)): a window holding the points (ws[i], bs[i]), with a margin."""
    return _padded(min(ws), max(ws), margin, min_span), _padded(min(bs), max(bs), margin, min_span)


def _padded(lo: float, hi: float, margin: float, min_span: float) -> tuple[float, float]:
    centre, span = (lo + hi) / 2, max(hi - lo, min_span)
    half = span * (0.5 + margin)
    return centre - half, centre + half


# The learning-rate slider's stops: 20 per decade (each ×1.12) from 0.001 to 5, rounded to two
# significant digits; they include the tutorial's 0.1 and reach well past the limit for |x| < 1.
LEARNING_RATES = tuple(float(f"{10 ** (k / 20):.2g}") for k in range(-60, 15))

# Learning rates, as fractions of the limit, that show each behaviour (see `regime`).
REGIME_EXAMPLES = {"crawl": 0.02, "converge": 0.35, "oscillate": 0.8, "diverge": 2.0}


def nearest_learning_rate(value: float) -> float:
    """The slider stop closest to `value` on a log scale."""
    return min(LEARNING_RATES, key=lambda lr: abs(math.log(lr / value)))


def example_learning_rate(x: float, behaviour: str) -> float:
    """A slider stop at which a sample at `x` shows `behaviour` ("crawl", "converge", ...)."""
    return nearest_learning_rate(REGIME_EXAMPLES[behaviour] * lr_limit(x))
