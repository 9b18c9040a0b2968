"""Altair charts of the convolution page: grids of numbers, rows of feature maps, a kernel learning.

Every chart takes its (already translated) titles as arguments; none holds words of its own.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core.charts.heatmap import array_frame

HIGHLIGHT = "#f59e0b"  # the sliding window, the same amber everywhere on the page
UNFILLED = "#eeeeee"


def _diverging(values: np.ndarray) -> alt.Scale:
    """Red positive, blue negative, white at zero, symmetric so the sign is read at a glance."""
    finite = np.asarray(values, dtype=float)
    limit = float(np.nanmax(np.abs(finite))) if np.isfinite(finite).any() else 1.0
    return alt.Scale(scheme="redblue", domain=[limit or 1.0, -(limit or 1.0)])


def number_grid(
    values: np.ndarray,
    *,
    title: str | list[str] = "",
    size: int = 220,
    diverging: bool = True,
    filled: int | None = None,
    window: tuple[int, int, int, int] | None = None,
    value_format: str = ".0f",
    show_values: bool = True,
    standalone: bool = True,
) -> alt.LayerChart:
    """A grid of numbers coloured by value. `filled` shows only the first cells in reading order
    (the rest grey, as an output map being filled in); `window` = (row, col, height, width)
    outlines the cells under the sliding window. A list `title` is set on several lines.
    `standalone` (not inside a concat) keeps the grid square: Streamlit otherwise fits title and
    grid together into `size`, squashing the grid."""
    values = np.asarray(values, dtype=float)
    frame = array_frame(values)
    count = len(frame) if filled is None else filled
    frame["shown"] = np.arange(len(frame)) < count
    if diverging:
        colour_scale = _diverging(values)
    else:
        colour_scale = alt.Scale(scheme="greys", domain=[0, float(values.max()) or 1])
    base = alt.Chart(frame).encode(x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None))
    shown = base.transform_filter("datum.shown")
    # the grey cells only while the map is being filled in: an empty layer would be an unnamed
    # graphic for a screen reader (axe's svg-img-alt)
    layers = []
    if count < len(frame):
        layers.append(base.transform_filter("!datum.shown").mark_rect(color=UNFILLED, stroke="white"))
    layers.append(shown.mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=colour_scale, legend=None),
        tooltip=[alt.Tooltip("row:O"), alt.Tooltip("col:O"), alt.Tooltip("value:Q", format=".3f")],
    ))
    if show_values:
        magnitude = float(np.abs(values).max()) or 1.0
        # the widest number must fit its cell: about 0.6 em per character
        widest = max(len(format(float(v), value_format.lstrip(":"))) for v in values.ravel())
        font = int(max(8, min(15, size / values.shape[1] / (0.62 * widest))))
        layers.append(shown.mark_text(fontSize=font).encode(
            text=alt.Text("value:Q", format=value_format),
            color=alt.condition(
                f"abs(datum.value) > {0.6 * magnitude}", alt.value("white"), alt.value("black")
            ),
        ))
    if window is not None:
        row, col, height, width = window
        inside = (f"datum.row >= {row} && datum.row < {row + height} && "
                  f"datum.col >= {col} && datum.col < {col + width}")
        layers.append(base.transform_filter(inside).mark_rect(
            fill=HIGHLIGHT, fillOpacity=0.25, stroke=HIGHLIGHT, strokeWidth=3,
        ))
    chart = alt.layer(*layers).properties(width=size, height=size, title=title)
    return chart.properties(autosize=alt.AutoSizeParams(type="pad")) if standalone else chart


def _map(values: np.ndarray, title: str, size: int, scale: alt.Scale) -> alt.Chart:
    """One map, no axes, values on hover."""
    # three decimals are all a hover shows; rounding keeps the page's data small to send
    # a hairline round each cell marks the map's edge where its background is white
    frame = array_frame(np.round(np.asarray(values, dtype=float), 3))
    return alt.Chart(frame).mark_rect(stroke="#e5e7eb", strokeWidth=0.4).encode(
        x=alt.X("col:O", axis=None),
        y=alt.Y("row:O", axis=None),
        color=alt.Color("value:Q", scale=scale, legend=None),
        tooltip=[alt.Tooltip("row:O"), alt.Tooltip("col:O"), alt.Tooltip("value:Q", format=".3f")],
    ).properties(width=size, height=size, title=title)


def image_map(values: np.ndarray, title: str, size: int = 160) -> alt.Chart:
    """A digit as it looks: dark ink on white."""
    return _map(values, title, size, alt.Scale(domain=[0, 1], range=["white", "black"]))


def signed_map(values: np.ndarray, title: str, size: int = 160) -> alt.Chart:
    """A filtered map on a red (positive) / blue (negative) scale centred on zero."""
    return _map(values, title, size, _diverging(values))


def positive_map(values: np.ndarray, title: str, size: int = 160) -> alt.Chart:
    """A map after ReLU (no negatives): white at zero, red where the filter fired."""
    # rgb, not Vega's default hcl: hcl blends white towards salmon, so zero would not look like zero
    return _map(values, title, size, alt.Scale(domainMin=0, range=["white", "#b91c1c"], interpolate="rgb"))


def filter_stages(
    image: np.ndarray, filtered: np.ndarray, rectified: np.ndarray, pooled: np.ndarray,
    *, titles: tuple[str, str, str, str], size: int = 180,
) -> alt.HConcatChart:
    """A digit, its filtered map (signed), after ReLU, after pooling, side by side."""
    return alt.hconcat(
        image_map(image, titles[0], size),
        signed_map(filtered, titles[1], size),
        positive_map(rectified, titles[2], size),
        positive_map(pooled, titles[3], size),
    ).resolve_scale(color="independent")


def filter_rows(
    kernels: np.ndarray, image: np.ndarray, maps: np.ndarray, pooled: np.ndarray,
    *, titles: tuple[str, str, str], kernel_label: str, size: int = 130,
) -> alt.VConcatChart:
    """One row per kernel: the kernel with its weights, the digit, its feature map, the pooled map.
    `titles` head the last three columns; `kernel_label` is formatted with `n` (1-based)."""
    rows = []
    for k, kernel in enumerate(kernels):
        first = k == 0
        rows.append(alt.hconcat(
            # the kernel a little larger, so its 25 numbers stay legible
            number_grid(kernel, title=kernel_label.format(n=k + 1), size=int(size * 1.4), value_format=".2f",
                        standalone=False),
            image_map(image, titles[0] if first else "", size),
            positive_map(maps[k], titles[1] if first else "", size),
            positive_map(pooled[k], titles[2] if first else "", size),
        ).resolve_scale(color="independent"))
    return alt.vconcat(*rows).resolve_scale(color="independent")


def map_gallery(maps: np.ndarray, label: str, *, columns: int = 8, size: int = 90) -> alt.VConcatChart:
    """Many maps after ReLU in a grid, each on its own colour scale; `label` is formatted with `n`."""
    charts = [positive_map(m, label.format(n=i + 1), size) for i, m in enumerate(maps)]
    rows = [alt.hconcat(*charts[i : i + columns]) for i in range(0, len(charts), columns)]
    return alt.vconcat(*rows).resolve_scale(color="independent")


def loss_chart(steps: list[int], losses: list[float], *, title: str, x_title: str, y_title: str) -> alt.Chart:
    """The loss against the step, on a log scale so the long tail stays visible."""
    frame = pd.DataFrame({"step": steps, "loss": np.maximum(losses, 1e-12)})
    return alt.Chart(frame).mark_line(color="#dc2626").encode(
        x=alt.X("step:Q", title=x_title),
        y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(type="log")),
        tooltip=[alt.Tooltip("step:Q"), alt.Tooltip("loss:Q", format=".2e")],
    ).properties(height=260, title=title)


def weights_chart(
    steps: list[int], weights: np.ndarray, target: np.ndarray,
    *, title: str, x_title: str, y_title: str, size: int = 110,
) -> alt.FacetChart:
    """Each of the nine weights on its own panel, laid out like the kernel, walking towards its
    target (the dashed line)."""
    weights = np.asarray(weights).reshape(len(steps), -1)
    side = int(round(np.sqrt(weights.shape[1])))
    rows, cols = np.divmod(np.arange(weights.shape[1]), side)
    frame = pd.DataFrame({
        "step": np.repeat(steps, weights.shape[1]),
        "r": np.tile(rows, len(steps)),
        "c": np.tile(cols, len(steps)),
        "weight": weights.ravel(),
        "target": np.tile(np.asarray(target).ravel(), len(steps)),
    })
    line = alt.Chart().mark_line(color="#2563eb").encode(
        x=alt.X("step:Q", title=x_title),
        y=alt.Y("weight:Q", title=y_title),
        tooltip=[alt.Tooltip("step:Q"), alt.Tooltip("weight:Q", format=".3f"), alt.Tooltip("target:Q")],
    )
    goal = alt.Chart().mark_rule(color="#111827", strokeDash=[4, 3]).encode(y="mean(target):Q")
    return alt.layer(line, goal, data=frame).properties(width=size, height=size * 0.7).facet(
        row=alt.Row("r:O", title=None, header=alt.Header(labels=False)),
        column=alt.Column("c:O", title=None, header=alt.Header(labels=False)),
    ).properties(title=title)
