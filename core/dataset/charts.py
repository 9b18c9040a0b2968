"""Figures of the dataset page: the classic 4 x 7 grid, the class counts, the pixel histogram."""

from __future__ import annotations

import io

import altair as alt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

TRAIN_COLOUR = "#d62728"  # red, as in the classic figure
TEST_COLOUR = "#2ca02c"  # green


def classic_grid(
    train_images: np.ndarray, train_labels: np.ndarray, test_images: np.ndarray, test_labels: np.ndarray,
) -> Figure:
    """The first 21 training digits (labels in red) above the first 7 test digits (labels in
    green), 4 rows of 7. Digits only, so the figure needs no translation."""
    figure = Figure(figsize=(7, 4.6), dpi=110)
    axes = figure.subplots(4, 7)
    shown = [(train_images[i], train_labels[i], TRAIN_COLOUR) for i in range(21)]
    shown += [(test_images[i], test_labels[i], TEST_COLOUR) for i in range(7)]
    for ax, (image, label, colour) in zip(axes.ravel(), shown, strict=True):
        ax.imshow(image, cmap="gray", interpolation="nearest")
        ax.set_title(str(int(label)), color=colour, fontsize=13, fontweight="bold", pad=3)
        ax.set_axis_off()
    figure.tight_layout(h_pad=0.6, w_pad=0.3)
    return figure


def figure_png(figure: Figure) -> bytes:
    """A matplotlib figure rendered to PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def class_count_chart(
    counts: dict[str, np.ndarray], *, digit_title: str, count_title: str, width: int = 270,
) -> alt.HConcatChart:
    """One bar chart per split (`{split name: counts[10]}`), side by side, each bar labelled
    with its count; separate y scales, since the test split is a sixth of the training split."""
    charts = []
    for (name, values), colour in zip(counts.items(), (TRAIN_COLOUR, TEST_COLOUR), strict=False):
        frame = pd.DataFrame({"digit": [str(d) for d in range(len(values))], "count": values})
        base = alt.Chart(frame).encode(
            x=alt.X("digit:N", title=digit_title, sort=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title=count_title),
            tooltip=[alt.Tooltip("digit:N", title=digit_title),
                     alt.Tooltip("count:Q", title=count_title, format=",")],
        )
        bars = base.mark_bar(color=colour)
        numbers = base.mark_text(dy=-6, fontSize=10).encode(text=alt.Text("count:Q", format=","))
        charts.append((bars + numbers).properties(title=name, width=width, height=240))
    return natural_size(alt.hconcat(*charts))


def pixel_histogram_chart(
    histogram: pd.DataFrame, *, normalised: bool, title: str, x_title: str, y_title: str,
    marker: float, marker_title: str, width: int = 300,
) -> alt.LayerChart:
    """Bars of `core.dataset.views.pixel_histogram` on the raw [0, 1] axis or the normalised
    one, a log-scaled y axis (most pixels are black background) and a rule at `marker`."""
    start, end = ("start_norm", "end_norm") if normalised else ("start", "end")
    bars = alt.Chart(histogram).mark_bar(color="#4c6ef5").encode(
        x=alt.X(f"{start}:Q", title=x_title, scale=alt.Scale(nice=False, zero=False)), x2=f"{end}:Q",
        # bars start at 1, since a log axis has no zero
        y=alt.Y("count:Q", title=y_title, scale=alt.Scale(type="log", domainMin=1)), y2=alt.datum(1),
        tooltip=[alt.Tooltip(f"{start}:Q", title=x_title, format=".2f"),
                 alt.Tooltip("count:Q", title=y_title, format=",")],
    )
    rule = alt.Chart(pd.DataFrame({"marker": [marker], "name": [marker_title]})).mark_rule(
        color=TRAIN_COLOUR, strokeDash=[4, 3], strokeWidth=2,
    ).encode(x="marker:Q", tooltip=[alt.Tooltip("name:N", title=" "), alt.Tooltip("marker:Q", format=".4f")])
    return natural_size((bars + rule).properties(title=title, width=width, height=220))


def natural_size(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The chart with its plot at the width and height it asks for, titles and axes added
    around it (Streamlit's default autosize squeezes them inside, shrinking the plot)."""
    return chart.properties(autosize=alt.AutoSizeParams(type="pad"))
