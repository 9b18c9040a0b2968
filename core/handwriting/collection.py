"""The learner's own digits: MNIST-style 28 x 28 pictures with the labels the learner gave them.

A `Collection` is immutable: adding or deleting returns a new one, so a failed upload can
never leave the old one half changed. It saves to and loads from an `.npz` (uint8 images
[N, 28, 28], int64 labels [N]); loading checks everything and raises `CollectionFileError`
with a short code the page translates. Arrays are always read with `allow_pickle=False`:
a pickled object in a file could run code.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

SIZE = 28
DIGITS = 10
MAX_DIGITS = 500  # per session, and per file
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 4 * MAX_DIGITS * (SIZE * SIZE + 8)  # the arrays of 500 digits, with room to spare


class CollectionFull(Exception):
    """The collection already holds `MAX_DIGITS` digits."""


class CollectionFileError(Exception):
    """An uploaded collection file was refused; `problem` is a code the page translates."""

    PROBLEMS = ("too_big", "not_npz", "pickled", "missing", "shape", "dtype", "labels", "too_many")

    def __init__(self, problem: str, detail: str = ""):
        self.problem = problem
        self.detail = detail
        super().__init__(f"{problem}: {detail}" if detail else problem)


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


@dataclass(frozen=True)
class Collection:
    """Digits uint8 [N, 28, 28] (ink 255 on 0, as MNIST) and their labels int64 [N]."""

    images: np.ndarray = field(default_factory=lambda: _frozen(np.zeros((0, SIZE, SIZE), np.uint8)))
    labels: np.ndarray = field(default_factory=lambda: _frozen(np.zeros(0, np.int64)))

    def __len__(self) -> int:
        return len(self.labels)

    def add(self, image: np.ndarray, label: int) -> Collection:
        """A collection with one more digit: `image` float [28, 28] in [0, 1] or uint8."""
        if len(self) >= MAX_DIGITS:
            raise CollectionFull(f"at most {MAX_DIGITS} digits")
        if not 0 <= int(label) < DIGITS:
            raise ValueError(f"label {label} is not a digit 0-9")
        picture = np.asarray(image)
        if picture.shape != (SIZE, SIZE):
            raise ValueError(f"expected a {SIZE} x {SIZE} picture, got {picture.shape}")
        if picture.dtype != np.uint8:
            picture = np.round(np.clip(picture, 0.0, 1.0) * 255).astype(np.uint8)
        return Collection(_frozen(np.concatenate([self.images, picture[None]])),
                          _frozen(np.append(self.labels, np.int64(label))))

    def delete(self, index: int) -> Collection:
        """A collection without the digit at `index`."""
        if not 0 <= index < len(self):
            raise IndexError(f"no digit {index} in a collection of {len(self)}")
        return Collection(_frozen(np.delete(self.images, index, axis=0)),
                          _frozen(np.delete(self.labels, index)))

    def extend(self, other: Collection) -> Collection:
        """Both collections together (CollectionFileError "too_many" past `MAX_DIGITS`)."""
        if len(self) + len(other) > MAX_DIGITS:
            raise CollectionFileError("too_many", str(len(self) + len(other)))
        return Collection(_frozen(np.concatenate([self.images, other.images])),
                          _frozen(np.concatenate([self.labels, other.labels])))

    def counts(self) -> np.ndarray:
        """How many digits of each label 0-9."""
        return np.bincount(self.labels, minlength=DIGITS)

    def ink(self) -> np.ndarray:
        """The digits as float32 [N, 28, 28] in [0, 1]."""
        return self.images.astype(np.float32) / 255.0


def to_npz(collection: Collection) -> bytes:
    """The collection as the bytes of a compressed `.npz` (arrays "images" and "labels")."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, images=collection.images, labels=collection.labels)
    return buffer.getvalue()


def from_npz(data: bytes) -> Collection:
    """The collection in an uploaded `.npz`, checked; CollectionFileError says what is wrong."""
    if len(data) > MAX_FILE_BYTES:
        raise CollectionFileError("too_big", f"{len(data) / 1024 / 1024:.1f}")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise CollectionFileError("not_npz")
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            # a zip can unpack to far more than its size: check before reading any array
            if sum(info.file_size for info in npz.zip.infolist()) > MAX_UNPACKED_BYTES:
                raise CollectionFileError("too_big", f"{len(data) / 1024 / 1024:.1f}")
            missing = {"images", "labels"} - set(npz.files)
            if missing:
                raise CollectionFileError("missing", ", ".join(sorted(missing)))
            images, labels = npz["images"], npz["labels"]
    except CollectionFileError:
        raise
    except ValueError as err:
        if "allow_pickle" in str(err):
            raise CollectionFileError("pickled") from err
        raise CollectionFileError("not_npz") from err
    except (OSError, EOFError, zipfile.BadZipFile, KeyError) as err:
        raise CollectionFileError("not_npz") from err
    if images.ndim != 3 or images.shape[1:] != (SIZE, SIZE) or labels.ndim != 1 or len(labels) != len(images):
        raise CollectionFileError("shape", f"{images.shape}, {labels.shape}")
    if images.dtype != np.uint8 or not np.issubdtype(labels.dtype, np.integer):
        raise CollectionFileError("dtype", f"{images.dtype}, {labels.dtype}")
    if len(labels) and (labels.min() < 0 or labels.max() >= DIGITS):
        raise CollectionFileError("labels", f"{labels.min()}..{labels.max()}")
    if len(labels) > MAX_DIGITS:
        raise CollectionFileError("too_many", str(len(labels)))
    return Collection(_frozen(images.copy()), _frozen(labels.astype(np.int64)))


def contact_sheet(collection: Collection, columns: int = 20, zoom: int = 2) -> bytes:
    """A PNG of every digit, one row (or more) per label, the label written at the left."""
    cell, margin = SIZE * zoom, 24
    rows = []  # (label or None, indices): a label's first row carries its name
    for digit in range(DIGITS):
        indices = np.flatnonzero(collection.labels == digit)
        for start in range(0, len(indices), columns):
            rows.append((digit if start == 0 else None, indices[start : start + columns]))
    sheet = Image.new("L", (margin + columns * cell, max(1, len(rows)) * cell), 0)
    pen = ImageDraw.Draw(sheet)
    for row, (digit, indices) in enumerate(rows):
        if digit is not None:
            pen.text((6, row * cell + cell // 2 - 6), str(digit), fill=160)
        for column, index in enumerate(indices):
            picture = Image.fromarray(collection.images[index]).resize((cell, cell), Image.NEAREST)
            sheet.paste(picture, (margin + column * cell, row * cell))
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG")
    return buffer.getvalue()
