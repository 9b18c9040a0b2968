"""A drawing (canvas RGBA, photo, any grayscale array) turned into an MNIST-style 28 x 28 digit.

The steps are the ones MNIST itself was made with: find the ink's bounding box, scale it
to fit a 20 x 20 box keeping its aspect ratio (antialiased), place it in 28 x 28 and move
it so its centre of mass sits at the centre. Two guards keep odd drawings sensible: a stroke
that would come out thinner than MNIST's pens is thickened first, and a tiny mark (a dot)
is not blown up to fill the whole box. Normalisation for the network is left to
`core.data.normalise`; photos are cleaned up in `core.sketch.upload` before they come here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image
from scipy import ndimage

SIZE = 28  # MNIST images are 28 x 28
FIT = 20  # MNIST digits were scaled to fit a 20 x 20 box
CENTRE = 14.0  # where the ink's centre of mass lands; MNIST's test images average (13.99, 14.01)
INK_THRESHOLD = 0.1  # a pixel darker than this (on a 0-1 scale) is background, not ink
MIN_STROKE = 2.0  # output pixels; MNIST's pen strokes are about 2-3 pixels wide
MAX_ZOOM = 4.0  # a mark is enlarged at most 4x beyond "whole input -> 28 x 28"
LUMINANCE = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R 601, as PIL's "L" mode


@dataclass(frozen=True)
class Preprocessed:
    """Every intermediate picture of `to_mnist`, for showing the learner what happened."""

    ink: np.ndarray  # the whole input as ink intensity, float32 [H, W] in [0, 1]
    box: tuple[int, int, int, int]  # the ink's bounding box: top, left, bottom, right (exclusive)
    crop: np.ndarray  # the ink inside the box (thickened if the strokes were too thin)
    fitted: np.ndarray  # the crop scaled to fit 20 x 20, aspect kept, peak 1
    centred: np.ndarray  # the final float32 [28, 28] in [0, 1]
    scale: float  # output pixels per input pixel
    thickened_by: int  # input pixels added around each stroke (0 when none were needed)
    offset: tuple[int, int]  # where `fitted`'s top-left corner sits inside the 28 x 28


def ink_image(image: np.ndarray) -> np.ndarray:
    """Ink intensity float32 [H, W] in [0, 1] of an RGBA, RGB or grayscale array.

    RGBA with any transparent pixel: the ink is the alpha channel (a stroke of any colour
    on a transparent canvas). Otherwise the ink is the brightness (light ink on dark).
    uint8 is read as 0-255, other integers over their full range, floats as 0-1.
    """
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.dtype == bool:
        array = array.astype(np.float32)
    elif np.issubdtype(array.dtype, np.integer):
        array = array.astype(np.float32) / float(np.iinfo(array.dtype).max)
    else:
        array = np.nan_to_num(array.astype(np.float32))
    if array.ndim == 3 and array.shape[-1] == 4:
        alpha = array[..., 3]
        array = alpha if alpha.min() < 0.98 else array[..., :3] @ LUMINANCE
    elif array.ndim == 3 and array.shape[-1] == 3:
        array = array @ LUMINANCE
    elif array.ndim != 2:
        raise ValueError(f"expected a grayscale, RGB or RGBA image, got shape {np.shape(image)}")
    return np.clip(array, 0.0, 1.0)


def ink_box(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """The bounding box (top, left, bottom, right exclusive) of the ink, or None if there is none."""
    mask = ink > INK_THRESHOLD
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return None
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def stroke_width(ink: np.ndarray) -> float:
    """The widest stroke in input pixels: twice the deepest point's distance to the background."""
    mask = ink > 0.5 * float(ink.max())
    return max(1.0, 2.0 * float(ndimage.distance_transform_edt(mask).max()) - 1.0)


def _fit_scale(box: tuple[int, int, int, int], input_side: int) -> float:
    height, width = box[2] - box[0], box[3] - box[1]
    return min(FIT / max(height, width), MAX_ZOOM * SIZE / input_side)


def _thicken(ink: np.ndarray, radius: int) -> np.ndarray:
    """Ink grown by `radius` pixels in every direction (a round pen drawn over each stroke)."""
    distance = ndimage.distance_transform_edt(ink <= INK_THRESHOLD)
    return np.maximum(ink, (distance <= radius).astype(np.float32))


def _resize(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Antialiased resize (Lanczos: averages when shrinking, so thin lines turn grey, not gappy)."""
    resized = Image.fromarray(image.astype(np.float32), mode="F").resize(
        (width, height), Image.Resampling.LANCZOS
    )
    return np.clip(np.asarray(resized, dtype=np.float32), 0.0, 1.0)


def _centre_offset(fitted: np.ndarray) -> tuple[int, int]:
    """Top-left corner that puts the centre of mass at CENTRE, kept inside the 28 x 28."""
    rows, cols = np.indices(fitted.shape)
    mass = float(fitted.sum())
    com_row, com_col = (rows * fitted).sum() / mass, (cols * fitted).sum() / mass
    top = int(np.clip(round(CENTRE - com_row), 0, SIZE - fitted.shape[0]))
    left = int(np.clip(round(CENTRE - com_col), 0, SIZE - fitted.shape[1]))
    return top, left


def preprocess(image: np.ndarray) -> Preprocessed | None:
    """All the steps from a drawing to an MNIST-style digit, or None when there is no ink."""
    ink = ink_image(image)
    box = ink_box(ink) if ink.size else None
    if box is None:
        return None
    input_side = max(ink.shape)
    scale = _fit_scale(box, input_side)
    crop = ink[box[0] : box[2], box[1] : box[3]]
    # A thin pen on a big canvas shrinks to a faint hairline; draw it with a wider pen first.
    radius = int(np.ceil((MIN_STROKE / scale - stroke_width(crop)) / 2))
    if radius > 0:
        padded = np.pad(crop, radius)
        thick = _thicken(padded, radius)
        inner = ink_box(thick)
        crop = thick[inner[0] : inner[2], inner[1] : inner[3]]
        scale = _fit_scale((0, 0, *crop.shape), input_side)
    radius = max(radius, 0)
    height = max(1, round(crop.shape[0] * scale))
    width = max(1, round(crop.shape[1] * scale))
    fitted = _resize(crop, height, width)
    fitted = fitted / max(float(fitted.max()), 1e-6)  # the darkest ink is full ink, as in MNIST
    top, left = _centre_offset(fitted)
    centred = np.zeros((SIZE, SIZE), dtype=np.float32)
    centred[top : top + height, left : left + width] = fitted
    return Preprocessed(ink, box, crop, fitted.astype(np.float32), centred, scale, radius, (top, left))


def to_mnist(image: np.ndarray) -> np.ndarray | None:
    """The MNIST-style float32 [28, 28] in [0, 1] (not normalised) of a drawing, or None if blank."""
    steps = preprocess(image)
    return None if steps is None else steps.centred
