"""Charts and pictures of the sketch page: probabilities, the rotation sweep, feature-map tiles."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
from matplotlib import colormaps

from core.model import charts as model_charts
from core.pixels import enlarge, enlarge_to

HIGHLIGHT = model_charts.PREDICTED  # the rotation sweep's line, in the predicted digit's colour
# a y axis title set level above the axis (Chinese titles read badly turned 90°)
LEVEL_TITLE = {"titleAngle": 0, "titleAlign": "left", "titleBaseline": "bottom", "titleX": -30, "titleY": -8}


def _level_title_axis(**kwargs) -> alt.Axis:
    """A y axis whose title sits level above the axis."""
    return alt.Axis(**LEVEL_TITLE, **kwargs)


def probability_bars(probabilities: np.ndarray, digit_title: str, probability_title: str,
                     height: int = 220) -> alt.Chart:
    """The model page's ten bars, drawn larger for the sketch page: big digit labels and a level
    probability title."""
    chart = model_charts.probability_bars(probabilities, digit_title=digit_title,
                                          probability_title=probability_title, height=height)
    return chart.configure_axisX(labelFontSize=14).configure_axisY(**LEVEL_TITLE)


def rotation_chart(angles: np.ndarray, confidence: np.ndarray, current_angle: float, title: str,
                   angle_title: str, confidence_title: str, height: int = 220) -> alt.Chart:
    """Confidence against rotation angle, with a rule at the angle chosen now."""
    frame = pd.DataFrame({"angle": np.asarray(angles, dtype=float), "confidence": confidence})
    line = alt.Chart(frame).mark_line(point=True, color=HIGHLIGHT).encode(
        x=alt.X("angle:Q", title=angle_title, scale=alt.Scale(domain=[-30, 30])),
        y=alt.Y("confidence:Q", title=confidence_title, scale=alt.Scale(domain=[0, 1]),
                axis=_level_title_axis(format="%")),
        tooltip=[alt.Tooltip("angle:Q", title=angle_title),
                 alt.Tooltip("confidence:Q", title=confidence_title, format=".1%")],
    )
    rule = alt.Chart(pd.DataFrame({"angle": [float(current_angle)]})).mark_rule(
        color="grey", strokeDash=[4, 4]
    ).encode(x="angle:Q")
    return (line + rule).properties(height=height, title=title)


def pixel_picture(image: np.ndarray, side: int = 140) -> np.ndarray:
    """A small grayscale image in [0, 1] enlarged with square pixels (no blur) to about `side`."""
    return enlarge_to(np.clip(np.asarray(image, dtype=np.float32), 0.0, 1.0), side)


def framed(patch: np.ndarray, box: int = 20, frame: float = 0.18) -> np.ndarray:
    """`patch` centred in a `box` x `box` square drawn in dim grey, to show the box it was fitted to."""
    square = np.full((box, box), frame, dtype=np.float32)
    top, left = (box - patch.shape[0]) // 2, (box - patch.shape[1]) // 2
    square[top : top + patch.shape[0], left : left + patch.shape[1]] = np.maximum(
        patch, square[top : top + patch.shape[0], left : left + patch.shape[1]]
    )
    return square


def map_tiles(maps: np.ndarray, columns: int, cell: int, gap: int = 4,
              colormap: str = "magma") -> np.ndarray:
    """Feature maps [C, H, W] side by side as one RGB uint8 picture, all on one colour scale
    (so a faint map really is weaker), each cell enlarged to `cell` pixels with square pixels."""
    maps = np.asarray(maps, dtype=np.float32)
    peak = float(maps.max()) or 1.0
    count, height, width = maps.shape
    factor = max(1, cell // max(height, width))
    rows = -(-count // columns)
    tile_h, tile_w = height * factor, width * factor
    canvas = np.ones((rows * (tile_h + gap) - gap, columns * (tile_w + gap) - gap), dtype=np.float32)
    canvas[:] = np.nan  # the gaps, painted white below
    for index, feature in enumerate(maps):
        r, c = divmod(index, columns)
        top, left = r * (tile_h + gap), c * (tile_w + gap)
        canvas[top : top + tile_h, left : left + tile_w] = enlarge(feature / peak, factor) / 255.0
    rgb = colormaps[colormap](np.nan_to_num(canvas))[..., :3]
    rgb[np.isnan(canvas)] = 1.0
    return (rgb * 255).astype(np.uint8)
