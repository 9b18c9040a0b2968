"""Digits as PNG bytes, encoded once per server (st.image re-encodes an array on every run), and
their text alternatives."""

from __future__ import annotations

import io

import numpy as np
import streamlit as st
from PIL import Image

from core.i18n import Translator
from core.pixels import enlarge


def _as_png(picture: Image.Image, width: int | None) -> bytes:
    if width is not None and picture.width > width:  # as st.image(width=...) would scale it down
        picture = picture.resize((width, int(picture.height * width / picture.width)), Image.BILINEAR)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def fit_width(png: bytes, width: int) -> bytes:
    """A PNG scaled down to `width` pixels as st.image(width=...) does on every run; do it once
    where the PNG is cached."""
    return _as_png(Image.open(io.BytesIO(png)), width)


@st.cache_resource(show_spinner=False, max_entries=1024)  # a row of digits: a few KB
def digit_pngs(images: np.ndarray, factor: int, width: int | None = None) -> list[bytes]:
    """Each of `images` (`[n, h, w]`, uint8 or [0, 1]) enlarged `factor` times, then scaled down
    to at most `width` pixels, as PNG; keyed by the pixels. Show with `output_format="PNG"`,
    so that st.image sends these bytes as they are (by default it re-encodes them as JPEG)."""
    return [_as_png(Image.fromarray(enlarge(image, factor)), width) for image in images]


def digit_alt(t: Translator, label: int, index: int, train: bool = False) -> str:
    """An MNIST digit's text alternative, to pass as st.image(alt=...): "Handwritten 7, test image 0"."""
    return t("alt.train_digit" if train else "alt.test_digit", label=int(label), index=int(index))
