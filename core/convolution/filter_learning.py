"""How a filter learns: a 3 x 3 kernel trained by gradient descent to copy a target filter.

The bridge from one neuron to a CNN. Each output pixel is one neuron whose nine inputs are
the pixels under the window and whose nine weights are the kernel, shared by every position.
The targets are what the target kernel makes of a batch of MNIST digits; the loss is the
single neuron's ½(y − target)², averaged over every output pixel of every digit; the update is
the same rule, w ← w − lr · ∂loss/∂w. The problem is linear, so the minimum is the target
kernel itself and plain gradient descent walks there.

Digits are scaled to [0, 1] (not normalised): brightness is easier to picture. With these
inputs the loss's steepest curvature is about 0.85, so any learning rate below about 2.3
converges and rates above it blow up, which the page lets the learner see.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from core.convolution.filters import KERNELS

DIVERGED_LOSS = 1e6  # past this the weights are running away: stop before they overflow
RECORD_EVERY = 10  # a run keeps one step in ten for its charts: smooth enough, light to send
CLOSE_ENOUGH = 0.05  # the largest gap to the target that counts as "learned"


@dataclass(frozen=True)
class LearningConfig:
    """The knobs of one run; the defaults reach the target within 0.05 in well under a second."""

    lr: float = 2.0  # near the stable limit (≈ 2.3 for MNIST in [0, 1]): fewest steps
    steps: int = 1000  # the slowest direction needs several hundred steps at lr 2
    batch_size: int = 64  # enough digits that every kind of stroke edge appears
    seed: int = 0  # picks the digits and the random starting kernel


@dataclass(frozen=True)
class LearningStep:
    """One update: the kernel before it, its loss, the gradient, and the kernel after it."""

    step: int
    kernel: np.ndarray
    loss: float
    grad: np.ndarray
    kernel_next: np.ndarray


def training_batch(images: np.ndarray, batch_size: int, seed: int) -> np.ndarray:
    """`batch_size` digits drawn without replacement, as float64 in [0, 1]."""
    rng = np.random.default_rng(seed)
    chosen = rng.choice(len(images), size=min(batch_size, len(images)), replace=False)
    return np.asarray(images)[np.sort(chosen)].astype(np.float64) / 255.0


def random_kernel(seed: int, size: int = 3) -> np.ndarray:
    """A starting kernel of numbers drawn uniformly from [−1, 1]."""
    return np.random.default_rng(seed).uniform(-1.0, 1.0, size=(size, size))


def patches(images: np.ndarray, size: int = 3) -> np.ndarray:
    """Every `size` x `size` window of every image, `[N, out_h, out_w, size, size]` (a view)."""
    return sliding_window_view(np.asarray(images, dtype=np.float64), (size, size), axis=(1, 2))


def loss_and_gradient(
    kernel: np.ndarray, windows: np.ndarray, targets: np.ndarray
) -> tuple[float, np.ndarray]:
    """Mean ½(output − target)² over all output pixels, and its gradient with respect to the kernel."""
    outputs = np.einsum("nhwij,ij->nhw", windows, kernel)
    error = outputs - targets
    loss = 0.5 * float(np.mean(error**2))
    # d loss / d w[i, j] = mean(error · the pixel that w[i, j] multiplied)
    grad = np.einsum("nhw,nhwij->ij", error, windows) / error.size
    return loss, grad


def learn_filter(
    images: np.ndarray, target: np.ndarray, start: np.ndarray, lr: float, steps: int, first_step: int = 0
) -> Iterator[LearningStep]:
    """Gradient descent from `start` towards `target` on `images` ([0, 1] floats), one record per
    step. Stops early if the loss blows up (a learning rate past the stable limit)."""
    target = np.asarray(target, dtype=np.float64)
    windows = patches(images, target.shape[0])
    targets = np.einsum("nhwij,ij->nhw", windows, target)
    kernel = np.array(start, dtype=np.float64)
    for step in range(first_step, first_step + steps):
        loss, grad = loss_and_gradient(kernel, windows, targets)
        kernel_next = kernel - lr * grad
        yield LearningStep(step, kernel, loss, grad, kernel_next)
        if blew_up(loss):
            return
        kernel = kernel_next


def blew_up(loss: float) -> bool:
    """Whether a loss says the weights are running away (a learning rate past the stable limit)."""
    return not np.isfinite(loss) or loss > DIVERGED_LOSS


def distance(kernel: np.ndarray, target: np.ndarray) -> float:
    """The largest gap between a weight and its target."""
    return float(np.max(np.abs(np.asarray(kernel) - np.asarray(target))))


@dataclass
class FilterLearning:
    """One run of a kernel learning to copy the filter `KERNELS[target]`, resumable: it is updated
    step by step, so a run interrupted half-way (the learner clicked elsewhere) loses nothing."""

    target: str
    lr: float
    seed: int
    kernel: np.ndarray
    step: int = 0  # updates made so far
    goal: int = 0  # the step the last "train" asked to reach
    diverged: bool = False
    steps: list[int] = field(default_factory=list)  # every RECORD_EVERY-th step, for the charts...
    losses: list[float] = field(default_factory=list)  # ...its loss...
    weights: list[list[float]] = field(default_factory=list)  # ...and its nine weights

    @classmethod
    def fresh(cls, target: str, lr: float, seed: int) -> FilterLearning:
        """A run that has not started: a random kernel, no history."""
        return cls(target, lr, seed, random_kernel(seed))

    @property
    def settings(self) -> tuple[str, float, int]:
        """What the learner chose for this run: the target's name, the learning rate, the start's seed."""
        return self.target, self.lr, self.seed

    @property
    def gap(self) -> float:
        """The largest gap between a weight and its target."""
        return distance(self.kernel, KERNELS[self.target])

    @property
    def outcome(self) -> str:
        """Where the run stands: "diverged", "not_started", "paused" (short of its goal), "learned"
        (within CLOSE_ENOUGH of the target) or "slow" (at its goal, not there yet)."""
        if self.diverged:
            return "diverged"
        if self.step == 0:
            return "not_started"
        if self.step < self.goal:
            return "paused"
        return "learned" if self.gap < CLOSE_ENOUGH else "slow"

    def advance(self, digits: np.ndarray, steps: int) -> Iterator[LearningStep]:
        """Gradient descent on `digits` up to the goal, first moved `steps` further on if it was
        reached (a paused run just resumes); yields each step once the run has taken it in."""
        if self.diverged:
            return
        if self.step >= self.goal:
            self.goal += steps
        records = learn_filter(digits, KERNELS[self.target], self.kernel, self.lr,
                               steps=self.goal - self.step, first_step=self.step)
        for record in records:
            if record.step % RECORD_EVERY == 0:
                self.steps.append(record.step)
                self.losses.append(record.loss)
                self.weights.append(record.kernel.ravel().tolist())
            self.kernel, self.step = record.kernel_next, record.step + 1
            self.diverged = blew_up(record.loss)
            yield record
