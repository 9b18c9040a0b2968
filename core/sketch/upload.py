"""An uploaded photo or scan of a handwritten digit, decoded, checked and cleaned into ink on black.

Only PNG and JPEG are accepted. Anything else fails with an `UploadError` whose `problem`
code the page translates. Photos are turned upright (EXIF), shrunk to a working size,
inverted when the paper is lighter than the ink, and stretched so the paper becomes black.

Size caps, read from the header before any pixel is decoded: a JPEG is decoded at 1/2, 1/4 or
1/8 scale (`draft`), so a phone's 24 MP photo or its 48-50 MP high-resolution mode costs what a
1-3 MP one would, and only a size far above any phone's normal photo (a decompression bomb) is
refused; a PNG is always decoded in full, so it keeps a lower cap. An iPhone's own HEIC format is
recognised by its magic bytes and refused with how to send a JPEG (browsers usually convert it on
upload); reading it would need a HEVC decoder, which the app does not ship.
"""

from __future__ import annotations

import io
import re
import warnings

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_JPEG_PIXELS = 120_000_000  # 2.4x a phone's 50 MP mode; decoded at 1/8 scale this is 1.9 MP
MAX_PNG_PIXELS = 20_000_000  # decoded in full: 20 MP is 20-80 MB of pixels
FORMATS = ("PNG", "JPEG")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# ISO base media "ftyp" brands of HEIF/HEIC stills and sequences (an iPhone writes "heic"; "mif1"
# and "msf1" are HEIF's generic brands, which AVIF shares: an "avif" among the brands is not HEIC)
HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
WORK_SIDE = 560  # photos are shrunk to this longest side: plenty for a 28 x 28 digit
NOISE_FLOOR = 0.25  # after stretching, anything fainter than this is paper grain or shadow
MIN_CONTRAST = 0.15  # ink must stand out from the paper by this much (0-1) to count as ink


class UploadError(Exception):
    """An upload that cannot be read; `problem` is "not_image", "format", "heic", "truncated",
    "too_large" (`detail`: its size) or "png_too_large"."""

    def __init__(self, problem: str, detail: str = ""):
        self.problem = problem
        self.detail = detail
        super().__init__(f"{problem}: {detail}" if detail else problem)


def is_heic(data: bytes) -> bool:
    """Whether the bytes are a HEIF/HEIC image, by the brands in its "ftyp" box (not by its name)."""
    if data[4:8] != b"ftyp":
        return False
    box_end = min(int.from_bytes(data[:4], "big"), 64, len(data))
    brands = {data[8:12]} | {data[i : i + 4] for i in range(16, box_end - 3, 4)}
    return bool(brands & HEIC_BRANDS) and b"avif" not in brands


def _open(data: bytes) -> Image.Image:
    """The image header, checked for format and size before any pixel is decoded."""
    if is_heic(data):
        raise UploadError("heic")
    too_large = "png_too_large" if data[:8] == PNG_MAGIC else "too_large"
    try:
        with warnings.catch_warnings():
            # our caps are stricter than PIL's warning (89 MP) for a PNG, and a JPEG between it and
            # our cap is read at reduced scale; PIL's error (179 MP) still stops a bomb here
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as err:  # "Image size (N pixels) exceeds limit of ..."
        pixels = re.search(r"\((\d+) pixels\)", str(err))
        raise UploadError(too_large, f"{int(pixels.group(1)):,} pixels" if pixels else "") from err
    except (UnidentifiedImageError, OSError, ValueError) as err:
        raise UploadError("not_image", str(err)) from err
    if image.format not in FORMATS:
        raise UploadError("format", str(image.format))
    width, height = image.size
    if width * height > (MAX_JPEG_PIXELS if image.format == "JPEG" else MAX_PNG_PIXELS):
        raise UploadError("too_large" if image.format == "JPEG" else "png_too_large", f"{width} × {height}")
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
