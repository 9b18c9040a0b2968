"""The QR code of a link is a PNG of black and white modules that encodes exactly that link."""

import io

import numpy as np
import segno
from PIL import Image

from core.qr import qr_png


def test_a_link_becomes_a_png_whose_modules_are_its_qr_code() -> None:
    link = "http://school.example:8501/classroom?join=7K3MPQ2X"
    picture = np.array(Image.open(io.BytesIO(qr_png(link, scale=1))).convert("L"))
    expected = np.array(list(segno.make(link, error="m").matrix), dtype=bool)
    modules = picture[2:-2, 2:-2] < 128  # a 2-module border, then one pixel a module
    assert modules.shape == expected.shape and (modules == expected).all()
    assert qr_png(link) != qr_png(link + "X")
