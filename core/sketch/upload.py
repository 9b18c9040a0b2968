"""An uploaded photo or scan of a handwritten digit, decoded, checked and cleaned into ink on black.

Only PNG and JPEG are accepted. Anything else fails with an `UploadError` whose `problem`
code the page translates. Photos are turned upright (EXIF), shrunk to a working size,
inverted when the paper is lighter than the ink, and stretched so the paper becomes black.
"""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 20_000_000  # 20 megapixels: a phone photo fits, a decompression bomb does not
FORMATS = ("PNG", "JPEG")
WORK_SIDE = 560  # photos are shrunk to this longest side: plenty for a 28 x 28 digit
NOISE_FLOOR = 0.25  # after stretching, anything fainter than this is paper grain or shadow
MIN_CONTRAST = 0.15  # ink must stand out from the paper by this much (0-1) to count as ink


class UploadError(Exception):
    """An upload that cannot be read; `problem` is "not_image", "format", "truncated" or "too_large"."""

    def __init__(self, problem: str, detail: str = ""):
        self.problem = problem
        self.detail = detail
        super().__init__(f"{problem}: {detail}" if detail else problem)


def _open(data: bytes) -> Image.Image:
    """The image header, checked for format and size before any pixel is decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise UploadError("too_large", str(err)) from err
    except (UnidentifiedImageError, OSError, ValueError) as err:
        raise UploadError("not_image", str(err)) from err
    if image.format not in FORMATS:
        raise UploadError("format", str(image.format))
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise UploadError("too_large", f"{width} x {height}")
    return image


def decode_upload(data: bytes) -> np.ndarray:
    """The upload as grayscale float32 [H, W] in [0, 1], at most WORK_SIDE pixels on a side.

    A PNG with transparency gives its alpha channel (ink where it is opaque).
    """
    image = _open(data)
    if image.format == "JPEG":
        image.draft("L", (WORK_SIDE, WORK_SIDE))  # JPEG can decode at 1/2, 1/4, 1/8 size: much faster
    try:
        image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError) as err:  # PIL reports a cut-off file as OSError
        raise UploadError("truncated", str(err)) from err
    image.thumbnail((WORK_SIDE, WORK_SIDE))
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        alpha = np.asarray(image.convert("RGBA"), dtype=np.float32)[..., 3] / 255.0
        if alpha.min() < 0.98:
            return alpha
    return np.asarray(image.convert("L"), dtype=np.float32) / 255.0


def photo_to_ink(gray: np.ndarray) -> np.ndarray:
    """Ink intensity in [0, 1] on a black background: inverted if the paper is light, the paper's
    own grey stretched away to black, and faint grain dropped. All zero if there is no ink."""
    gray = np.asarray(gray, dtype=np.float32)
    paper = float(np.median(gray))  # most of a photo of one digit is paper
    ink = 1.0 - gray if paper > 0.5 else gray
    paper = min(paper, 1.0 - paper)
    darkest = float(np.percentile(ink, 99.5))
    if darkest - paper < MIN_CONTRAST:
        return np.zeros_like(ink)
    stretched = np.clip((ink - paper) / (darkest - paper), 0.0, 1.0)
    stretched[stretched < NOISE_FLOOR] = 0.0
    return stretched


def upload_to_ink(data: bytes) -> np.ndarray:
    """Uploaded bytes as ink on black, ready for `core.sketch.to_mnist`."""
    return photo_to_ink(decode_upload(data))
