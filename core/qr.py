"""A link as a QR code picture (PNG bytes), for a projector or a phone: segno, pure Python, no network."""

from __future__ import annotations

import io

import segno


def qr_png(link: str, scale: int = 8) -> bytes:
    """The QR code of `link` (error correction M: readable from the back of a room), as PNG bytes."""
    picture = io.BytesIO()
    segno.make(link, error="m").save(picture, kind="png", scale=scale, border=2)
    return picture.getvalue()
