"""Handwritten-looking digits as pen strokes, shared by the sketch tests, the browser test and
the latency benchmark: the same paths are rendered with PIL or drawn with a real mouse."""

from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image, ImageDraw


def _arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float, n: int = 40):
    """Points along an ellipse from angle `start` to `end` (degrees, 0 = right, 90 = up)."""
    angles = np.deg2rad(np.linspace(start, end, n))
    return [(cx + rx * np.cos(a), cy - ry * np.sin(a)) for a in angles]


# Each digit: a list of strokes, each a list of (x, y) points in [0, 1] canvas coordinates,
# written the way people write them: a slight slant, a 7 with a small hook, a 0 that
# starts at the top, goes anticlockwise and overlaps where it closes.
STROKES: dict[str, list[list[tuple[float, float]]]] = {
    "1": [[(0.44, 0.27), (0.50, 0.20), (0.55, 0.15), (0.54, 0.35), (0.53, 0.55), (0.52, 0.72),
           (0.51, 0.86)]],
    "7": [[(0.27, 0.22), (0.40, 0.20), (0.55, 0.19), (0.71, 0.18), (0.66, 0.30), (0.59, 0.44),
           (0.53, 0.58), (0.48, 0.72), (0.45, 0.86)]],
    "0": [_arc(0.50, 0.50, 0.21, 0.33, 100, 100 + 380)],
    "4": [[(0.42, 0.15), (0.36, 0.35), (0.30, 0.55), (0.50, 0.55), (0.72, 0.54)],
          [(0.60, 0.30), (0.60, 0.55), (0.60, 0.86)]],
}


def smooth_path(points: list[tuple[float, float]], steps_per_segment: int = 12) -> list[tuple[float, float]]:
    """The stroke through `points`, densely sampled (straight pieces between the given points)."""
    path = []
    for (x0, y0), (x1, y1) in zip(points[:-1], points[1:], strict=True):
        for s in range(steps_per_segment):
            f = s / steps_per_segment
            path.append((x0 + f * (x1 - x0), y0 + f * (y1 - y0)))
    path.append(points[-1])
    return path


# The fabric.js canvas that takes the mouse (charts on the page draw on canvases too).
DRAWING_CANVAS = "canvas.upper-canvas"
# Handwriting scale: the digit spans about the middle 60% of the 280-pixel square.
MOUSE_STEPS = 3  # intermediate mouse events between neighbouring path points
PATH_STEPS = 5  # path points between the stroke's given points: a few hundred mouse events a digit


def write(page, box: dict, strokes: list[list[tuple[float, float]]]) -> None:
    """Draw each stroke on a Playwright `page` as one press-move-release of the mouse over the
    canvas's bounding `box`."""
    for stroke in strokes:
        path = [(box["x"] + x * box["width"], box["y"] + y * box["height"])
                for x, y in smooth_path(stroke, PATH_STEPS)]
        page.mouse.move(*path[0])
        page.mouse.down()
        for x, y in path[1:]:
            page.mouse.move(x, y, steps=MOUSE_STEPS)
        page.mouse.up()
        page.wait_for_timeout(150)  # a pause between strokes, as a hand lifts the pen


def draw_digit(digit: str, side: int = 280, pen: int = 20, *, alpha_ink: bool = False,
               ink: tuple[int, int, int] = (255, 255, 255)) -> np.ndarray:
    """The digit as a canvas would return it: RGBA uint8 [side, side], white ink on opaque black
    (or, with `alpha_ink`, `ink`-coloured strokes on a transparent canvas)."""
    return draw_strokes(STROKES[digit], side, pen, alpha_ink=alpha_ink, ink=ink)


def draw_strokes(strokes: list[list[tuple[float, float]]], side: int = 280, pen: int = 20, *,
                 alpha_ink: bool = False, ink: tuple[int, int, int] = (255, 255, 255)) -> np.ndarray:
    """Pen strokes ([0, 1] canvas coordinates) drawn as a canvas would return them (see `draw_digit`)."""
    background = (0, 0, 0, 0) if alpha_ink else (0, 0, 0, 255)
    image = Image.new("RGBA", (side, side), background)
    pen_draw = ImageDraw.Draw(image)
    for stroke in strokes:
        points = [(x * side, y * side) for x, y in smooth_path(stroke)]
        pen_draw.line(points, fill=(*ink, 255), width=pen, joint="curve")
        r = pen / 2  # round pen tips, as the canvas draws them
        for x, y in (points[0], points[-1]):
            pen_draw.ellipse((x - r, y - r, x + r, y + r), fill=(*ink, 255))
    return np.asarray(image)


def canvas_state(rgba: np.ndarray) -> dict:
    """The drawable canvas's widget state holding this picture, for AppTest."""
    buffer = io.BytesIO()
    Image.fromarray(rgba).save(buffer, format="PNG")
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    return {"drawing": {"raw": {"objects": [{"type": "path"}]}, "data": url}}
