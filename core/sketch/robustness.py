"""Small changes to a 28 x 28 digit (turn, move, resize, thicken, add noise) and how the
network's confidence follows them; digits as a low-resolution scan of them reaches the page."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import torch

from core.data import normalise
from core.model import LeNet, probabilities
from core.sketch.augment import low_resolution, uniform_change
from core.sketch.preprocess import to_mnist

SIZE = 28


@dataclass(frozen=True)
class Change:
    """One combination of changes; the defaults leave the digit as it is."""

    angle: float = 0.0  # degrees, counter-clockwise
    shift_x: float = 0.0  # pixels to the right
    shift_y: float = 0.0  # pixels down
    scale: float = 1.0  # 1 = the same size
    thickness: int = 0  # pixels added to (positive) or taken from (negative) each stroke edge
    noise: float = 0.0  # standard deviation of added Gaussian noise, on the 0-1 scale
    seed: int = 0  # the noise pattern, so the same settings give the same picture


def apply_change(image: np.ndarray, change: Change) -> np.ndarray:
    """The digit float [28, 28] in [0, 1] after `change`, still float32 in [0, 1]."""
    ink = torch.from_numpy(np.array(image, dtype=np.float32))[None, None]
    out = uniform_change(ink, change.angle, change.shift_x, change.shift_y, change.scale,
                         change.thickness)[0, 0].numpy()
    if change.noise > 0:
        out = out + np.random.default_rng(change.seed).normal(0.0, change.noise, out.shape)
    return np.clip(out, 0.0, 1.0).astype(np.float32)


def scanned(images: np.ndarray, size: int) -> np.ndarray:
    """MNIST-style digits float [N, 28, 28] in [0, 1] as the sketch page reads a low-resolution
    scan of them: box-averaged down to `size` x `size` (an old form, a cheap scanner), enlarged
    back to 28 x 28 bilinearly, then through the page's own `to_mnist`; float32 [N, 28, 28]."""
    ink = torch.from_numpy(np.asarray(images, dtype=np.float32))[:, None]
    blocky = low_resolution(ink, size)[:, 0].numpy()
    read = [to_mnist(image) for image in blocky]
    return np.stack([np.zeros((SIZE, SIZE), np.float32) if r is None else r for r in read])


@dataclass(frozen=True)
class Sweep:
    """The network's reading of one digit turned through a range of angles."""

    angles: np.ndarray  # degrees
    confidence: np.ndarray  # probability of `digit` at each angle
    predicted: np.ndarray  # the digit read at each angle
    digit: int  # the digit tracked (the one read at angle 0 unless chosen)


def rotation_sweep(model: LeNet, image: np.ndarray, angles: np.ndarray | None = None,
                   digit: int | None = None, base: Change = Change()) -> Sweep:
    """Confidence in `digit` as the digit (with `base`'s other changes) turns through `angles`."""
    angles = np.arange(-30, 31, 2, dtype=float) if angles is None else np.asarray(angles, dtype=float)
    turned = np.stack([apply_change(image, replace(base, angle=a)) for a in angles])
    probs = probabilities(model, normalise(turned))
    if digit is None:
        upright = apply_change(image, replace(base, angle=0.0))
        digit = int(probabilities(model, normalise(upright))[0].argmax())
    return Sweep(angles, probs[:, digit], probs.argmax(axis=1), digit)

