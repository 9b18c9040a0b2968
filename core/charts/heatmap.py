"""A 2-D array as an Altair heatmap with each cell's value on hover."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd


def array_frame(values: np.ndarray) -> pd.DataFrame:
    """One row per cell: row, col, value."""
    rows, cols = np.indices(values.shape)
    return pd.DataFrame({"row": rows.ravel(), "col": cols.ravel(), "value": values.ravel().astype(float)})


def heatmap(
    values: np.ndarray,
    *,
    title: str = "",
    scheme: str = "greys",
    diverging: bool = False,
    size: int = 280,
    show_values: bool = False,
    value_format: str = ".2f",
) -> alt.Chart:
    """Cells coloured by value, image orientation (row 0 at the top). `diverging` centres the
    colour scale on zero (blue negative, red positive); `show_values` writes each number."""
    frame = array_frame(np.asarray(values))
    if diverging:
        limit = float(np.abs(frame["value"]).max()) or 1.0
        scale = alt.Scale(scheme="redblue", domain=[limit, -limit])
    else:
        scale = alt.Scale(scheme=scheme, reverse=scheme == "greys")
    base = alt.Chart(frame).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
    )
    color = alt.Color("value:Q", scale=scale, legend=None)
    # cells outlined in their own colour: browsers draw hairline seams between rects of a
    # fractional size otherwise
    cells = base.mark_rect(strokeWidth=0.5).encode(
        color=color,
        stroke=color,
        tooltip=[alt.Tooltip("row:O"), alt.Tooltip("col:O"), alt.Tooltip("value:Q", format=value_format)],
    )
    chart = cells
    if show_values:
        magnitude = float(np.abs(frame["value"]).max()) or 1.0
        text = base.mark_text(fontSize=11).encode(
            text=alt.Text("value:Q", format=value_format),
            color=alt.condition(
                f"abs(datum.value) > {0.6 * magnitude}", alt.value("white"), alt.value("black")
            ),
        )
        chart = cells + text
    # "pad": the plot keeps `size`, titles are added around it (Streamlit's default squeezes
    # them inside, shrinking the plot)
    return chart.properties(width=size, height=size, title=title,
                            autosize=alt.AutoSizeParams(type="pad"))
