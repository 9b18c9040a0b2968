"""A phone's photo of one handwritten digit, at a phone's real size, made in a moment.

Phones store the sensor's landscape pixels and say in EXIF how to turn them for display
(orientation 6: a portrait shot, turned 90° clockwise). The paper is flat and the ink one grey,
so even a 50-megapixel JPEG is a few hundred kilobytes and takes well under a second to make.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from tests.sketch_digits import draw_digit

SIZES = {"24MP": (6000, 4000), "50MP": (8160, 6120)}  # the sensor's width x height, as stored
# EXIF orientation -> how the upright picture is turned to store it (undone by the viewer)
STORED_TURN = {1: None, 3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
               8: Image.Transpose.ROTATE_270}
PAPER, INK = 222, 45


def phone_photo(size: tuple[int, int], digit: str = "7", orientation: int = 1, mode: str = "RGB") -> bytes:
    """JPEG bytes: a `size` (stored width, height) photo of `digit` in dark ink on light paper,
    upright once EXIF `orientation` is applied; the digit spans a third of the short side."""
    side = min(size) // 3
    ink = draw_digit(digit, side=side, pen=max(side // 12, 2))[..., 0].astype(np.float32) / 255.0
    patch = Image.fromarray((PAPER - ink * (PAPER - INK)).astype(np.uint8), "L")
    if STORED_TURN[orientation] is not None:
        patch = patch.transpose(STORED_TURN[orientation])
    photo = Image.new("L", size, PAPER)
    photo.paste(patch, ((size[0] - patch.width) // 2, (size[1] - patch.height) // 2))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    photo.convert(mode).save(buffer, format="JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def displayed_shape(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    """(height, width) of the photo as a viewer shows it."""
    width, height = size
    return (width, height) if orientation in (6, 8) else (height, width)
