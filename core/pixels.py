"""Small images made big for the screen: each pixel a sharp square, never a blur."""

from __future__ import annotations

import numpy as np


def enlarge(image: np.ndarray, factor: int = 4) -> np.ndarray:
    """A uint8 or [0, 1] float image as uint8, each pixel repeated `factor` times each way
    (nearest neighbour, so a small digit stays sharp instead of blurred)."""
    pixels = np.asarray(image)
    if pixels.dtype != np.uint8:
        pixels = np.clip(np.rint(pixels * 255.0), 0, 255).astype(np.uint8)
    return pixels.repeat(factor, axis=0).repeat(factor, axis=1)


def enlarge_to(image: np.ndarray, side: int) -> np.ndarray:
    """`enlarge` by the largest whole factor that keeps the picture within about `side` pixels."""
    return enlarge(image, max(1, side // max(np.shape(image))))
