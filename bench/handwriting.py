"""A held-out set of handwriting that is not MNIST: digits written as mouse strokes on a canvas.

Three ways of writing each digit 0-9 (the browser tests' strokes among them: a 7 with a
hook or a crossbar, an open or closed 4, a 1 with or without a flag and base, ...), each
drawn with three pen widths (fine to marker), tilted 15 or 30 degrees either way and by a
slightly shaky hand, on a 280-pixel canvas like the sketch page's, then turned into MNIST-style
digits by the page's own `core.sketch.to_mnist` (which undoes size and position, not tilt or
thickness): 360 digits.
Written for this benchmark after the augmented recipe was fixed, and never used to train or
tune it.
"""

from __future__ import annotations

import numpy as np

from core.sketch import to_mnist
from tests.sketch_digits import STROKES, _arc, draw_strokes

Stroke = list[tuple[float, float]]


def _eight(width: float, top: float = 0.16, bottom: float = 0.84, n: int = 80) -> Stroke:
    """A figure eight in one stroke: down the middle crossing, round the bottom, back up."""
    t = np.linspace(0, 2 * np.pi, n)
    middle, half = (top + bottom) / 2, (bottom - top) / 2
    return [(0.5 + width * np.sin(2 * s), middle - half * np.cos(s)) for s in t]


def _join(*pieces: Stroke) -> Stroke:
    return [point for piece in pieces for point in piece]


SHAPES: dict[int, list[list[Stroke]]] = {
    0: [STROKES["0"], [_arc(0.5, 0.5, 0.16, 0.34, 90, 450)], [_arc(0.5, 0.5, 0.27, 0.30, 120, 490)]],
    1: [STROKES["1"], [[(0.5, 0.15), (0.5, 0.85)]],
        [[(0.40, 0.28), (0.52, 0.15), (0.52, 0.85)], [(0.38, 0.85), (0.66, 0.85)]]],
    2: [[_join(_arc(0.5, 0.34, 0.2, 0.18, 160, -40), [(0.28, 0.84), (0.74, 0.84)])],
        [_join(_arc(0.5, 0.30, 0.22, 0.15, 170, -20), [(0.55, 0.55), (0.30, 0.84), (0.72, 0.82)])],
        [_join(_arc(0.48, 0.32, 0.16, 0.17, 150, -60), [(0.30, 0.85), (0.70, 0.86)])]],
    3: [[_join(_arc(0.48, 0.32, 0.18, 0.16, 150, -90), _arc(0.48, 0.66, 0.2, 0.18, 90, -150))],
        [_join([(0.30, 0.18), (0.68, 0.18), (0.46, 0.42)], _arc(0.48, 0.64, 0.21, 0.2, 100, -150))],
        [_join(_arc(0.5, 0.30, 0.15, 0.14, 170, -90), _arc(0.5, 0.63, 0.23, 0.21, 90, -160))]],
    4: [STROKES["4"], [[(0.62, 0.85), (0.62, 0.15), (0.28, 0.6), (0.74, 0.6)]],
        [[(0.38, 0.15), (0.32, 0.58), (0.72, 0.58)], [(0.62, 0.32), (0.60, 0.88)]]],
    5: [[_join([(0.68, 0.18), (0.36, 0.18), (0.33, 0.46)], _arc(0.5, 0.64, 0.2, 0.2, 130, -150))],
        [_join([(0.36, 0.18), (0.33, 0.46)], _arc(0.5, 0.64, 0.2, 0.2, 130, -150)),
         [(0.36, 0.18), (0.70, 0.17)]],
        [_join([(0.64, 0.16), (0.40, 0.17), (0.36, 0.42)], _arc(0.5, 0.63, 0.17, 0.22, 140, -140))]],
    6: [[_join([(0.64, 0.15), (0.48, 0.28), (0.36, 0.48)], _arc(0.5, 0.66, 0.18, 0.19, 180, 530))],
        [_join([(0.58, 0.14), (0.38, 0.40)], _arc(0.5, 0.65, 0.15, 0.2, 170, 520))],
        [_join([(0.70, 0.20), (0.50, 0.22), (0.34, 0.50)], _arc(0.52, 0.66, 0.2, 0.17, 180, 540))]],
    7: [STROKES["7"], [[(0.28, 0.2), (0.72, 0.2), (0.45, 0.86)], [(0.40, 0.52), (0.64, 0.52)]],
        [[(0.30, 0.20), (0.70, 0.20), (0.50, 0.85)]]],
    8: [[_eight(0.17)], [_arc(0.5, 0.31, 0.16, 0.16, -90, 270), _arc(0.5, 0.66, 0.2, 0.19, 90, 450)],
        [_eight(0.2, top=0.14, bottom=0.86)]],
    9: [[_join(_arc(0.5, 0.34, 0.17, 0.16, 10, 370), [(0.67, 0.31), (0.64, 0.86)])],
        [_join(_arc(0.5, 0.33, 0.18, 0.15, 0, 360), [(0.68, 0.33), (0.62, 0.70), (0.48, 0.86)])],
        [_join(_arc(0.52, 0.30, 0.13, 0.12, 0, 360), [(0.65, 0.30), (0.60, 0.86)])]],
}
PENS = (10, 24, 44)  # pixels on the 280-pixel canvas: a fine pen, the page's, a marker
TILTS = (-30, -15, 15, 30)  # degrees counter-clockwise: a paper held askew, a hand that leans
WOBBLE = 0.012  # a shaky hand: each point moves by about this share of the canvas, smoothly


def _tilted(strokes: list[Stroke], degrees: float, rng: np.random.Generator) -> list[Stroke]:
    """The strokes turned about the canvas centre, each point nudged by a smooth wobble."""
    c, s = np.cos(np.deg2rad(degrees)), np.sin(np.deg2rad(degrees))
    out = []
    for stroke in strokes:
        points = np.array(stroke) - 0.5
        wobble = np.cumsum(rng.normal(0.0, WOBBLE / 3, points.shape), axis=0)
        x, y = points[:, 0], points[:, 1]  # y points down, so this turn is counter-clockwise on screen
        turned = np.stack([c * x + s * y, -s * x + c * y], axis=1) + wobble + 0.5
        out.append([(float(a), float(b)) for a, b in turned])
    return out


def held_out_handwriting() -> tuple[np.ndarray, np.ndarray]:
    """The 360 digits as MNIST-style float32 [N, 28, 28] in [0, 1], and their labels int64 [N]."""
    rng = np.random.default_rng(12)
    images, labels = [], []
    for digit, shapes in SHAPES.items():
        for strokes in shapes:
            for pen in PENS:
                for tilt in TILTS:
                    canvas = draw_strokes(_tilted(strokes, tilt, rng), pen=pen)
                    images.append(to_mnist(canvas))
                    labels.append(digit)
    return np.stack(images).astype(np.float32), np.array(labels, dtype=np.int64)
