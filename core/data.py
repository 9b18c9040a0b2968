"""The bundled MNIST: read the IDX files, verify them, normalise them.

The four canonical files live gzipped in `data/mnist/`; `MNIST_DIR` points the app at
another folder holding the same files. Every file's uncompressed bytes are checked
against the canonical md5 once per process, so a damaged download never trains a model.
This is the app's one MNIST cache: each split is read, and normalised, once per process and
folder, then shared by every caller (pages, training, tests).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import os
from pathlib import Path

import numpy as np
import torch

MNIST_MEAN = 0.1307  # mean pixel of the 60,000 training images, scaled to [0, 1]
MNIST_STD = 0.3081  # their standard deviation
CLASSES = tuple(range(10))

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "mnist"
ENV_VAR = "MNIST_DIR"

# file stem -> md5 of the uncompressed bytes (the canonical MNIST release)
CHECKSUMS = {
    "train-images-idx3-ubyte": "6bbc9ace898e44ae57da46a324031adb",
    "train-labels-idx1-ubyte": "a25bea736e30d166cdddb491f175f624",
    "t10k-images-idx3-ubyte": "2646ac647ad5339dbf082846283269ea",
    "t10k-labels-idx1-ubyte": "27ae3e4e09519cfbb04c329615203637",
}


class DataFileError(Exception):
    """A bundled MNIST file is missing or damaged; `problem` is "missing" or "corrupt"."""

    def __init__(self, path: Path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"MNIST file {self.path} is {problem}")


def data_dir() -> Path:
    """The folder MNIST is read from: `$MNIST_DIR` if set, else the bundled copy."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)


def _read_verified(folder: Path, stem: str) -> bytes:
    """The uncompressed bytes of one IDX file (plain or .gz), md5-checked."""
    for path in (folder / f"{stem}.gz", folder / stem):
        if path.is_file():
            break
    else:
        raise DataFileError(folder / f"{stem}.gz", "missing")
    try:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        raise DataFileError(path, "corrupt") from err
    if hashlib.md5(raw).hexdigest() != CHECKSUMS[stem]:
        raise DataFileError(path, "corrupt")
    return raw


def _parse_idx(raw: bytes, dims: int) -> np.ndarray:
    """An IDX byte string as a read-only uint8 array (magic 0x0801 or 0x0803)."""
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims))
    array = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
    return array


@functools.lru_cache(maxsize=4)
def _load(folder: Path, train: bool) -> tuple[np.ndarray, np.ndarray]:
    prefix = "train" if train else "t10k"
    images = _parse_idx(_read_verified(folder, f"{prefix}-images-idx3-ubyte"), dims=3)
    labels = _parse_idx(_read_verified(folder, f"{prefix}-labels-idx1-ubyte"), dims=1)
    labels = labels.astype(np.int64)
    labels.setflags(write=False)
    return images, labels


def load_mnist(train: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Images `uint8 [N, 28, 28]` and labels `int64 [N]`, read-only, checked once per process."""
    return _load(data_dir(), train)


def normalise(images: np.ndarray | torch.Tensor) -> torch.Tensor:
    """uint8 (or [0, 1] float) images `[N, 28, 28]` as the network's input `float32 [N, 1, 28, 28]`."""
    if isinstance(images, torch.Tensor):
        images = images.detach().cpu().numpy()
    scale = 255.0 if images.dtype == np.uint8 else 1.0
    x = torch.from_numpy(np.array(images, dtype=np.float32))  # a fresh, writable copy
    if x.dim() == 2:
        x = x.unsqueeze(0)
    # one pass in place: (pixel / scale - mean) / std
    return x.sub_(MNIST_MEAN * scale).div_(MNIST_STD * scale).unsqueeze(1)


@functools.lru_cache(maxsize=4)
def _tensors(folder: Path, train: bool) -> tuple[torch.Tensor, torch.Tensor]:
    images, labels = _load(folder, train)
    return normalise(images), torch.from_numpy(labels.copy())


def load_tensors(train: bool = True) -> tuple[torch.Tensor, torch.Tensor]:
    """The whole split as normalised `float32 [N, 1, 28, 28]` images and `int64 [N]` labels,
    made once per process and shared: never modify them."""
    return _tensors(data_dir(), train)


def class_counts(labels: np.ndarray) -> np.ndarray:
    """How many examples of each digit 0-9."""
    return np.bincount(labels, minlength=len(CLASSES))


def pixel_stats(images: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of all pixels, scaled to [0, 1]."""
    scaled = images.astype(np.float64) / 255.0
    return float(scaled.mean()), float(scaled.std())


def mean_images(images: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The average image of each digit, `float32 [10, 28, 28]` in [0, 1]."""
    return np.stack(
        [images[labels == d].mean(axis=0, dtype=np.float64) / 255.0 for d in CLASSES]
    ).astype(np.float32)
