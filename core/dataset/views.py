"""Views of MNIST for the dataset page: samples of a digit, an index typed by hand, a
shuffled batch and the pixel histogram."""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.data import MNIST_MEAN, MNIST_STD

BATCH_SIZE = 64  # the classic recipe's batch size


def class_sample(labels: np.ndarray, digit: int, n: int, seed: int) -> np.ndarray:
    """Indices of `n` distinct images of `digit`, drawn at random (the same for the same seed)."""
    candidates = np.flatnonzero(labels == digit)
    rng = np.random.default_rng(seed)
    return rng.choice(candidates, size=min(n, len(candidates)), replace=False)


def parse_index(text: str, size: int) -> int | None:
    """The whole number in `text` if it is a valid index into `size` images, else None."""
    try:
        index = int(text.strip().replace(",", "").replace("_", ""))
    except ValueError:
        return None
    return index if 0 <= index < size else None


def shuffled_batch(size: int, seed: int, batch_size: int = BATCH_SIZE) -> np.ndarray:
    """The indices of the first batch of an epoch whose order was shuffled with `seed`."""
    return np.random.default_rng(seed).permutation(size)[:batch_size]


def pixel_histogram(images: np.ndarray, bins: int = 32) -> pd.DataFrame:
    """How many pixels fall in each of `bins` equal ranges of brightness, before and after
    normalisation: columns `start`, `end` (in [0, 1]), `start_norm`, `end_norm` (the same
    ranges after (x - mean) / std) and `count`."""
    per_value = np.bincount(images.reshape(-1), minlength=256)  # one count per uint8 level
    per_bin = per_value.reshape(bins, 256 // bins).sum(axis=1)
    edges = np.arange(bins + 1) * (256 // bins) / 255.0
    frame = pd.DataFrame({"start": edges[:-1], "end": edges[1:], "count": per_bin})
    frame["start_norm"] = (frame["start"] - MNIST_MEAN) / MNIST_STD
    frame["end_norm"] = (frame["end"] - MNIST_MEAN) / MNIST_STD
    return frame
