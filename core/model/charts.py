"""Pictures of LeNet: its data-flow diagram, feature-map grids, activation bars, probabilities.

Every builder takes its (already translated) words as arguments; none holds words of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from core.i18n import Translator
from core.model import LayerRow

PREDICTED = "#e4572e"  # the digit the model says
TRUE = "#2e9e5b"  # the digit actually written, where it differs
PLAIN = "#8fa8c8"


def _shape_text(shape: Sequence[int]) -> str:
    return " × ".join(str(d) for d in shape)


def layer_frame(rows: Sequence[LayerRow], t: Translator) -> pd.DataFrame:
    """The layer table as the model and design pages show it: one row a layer, its shape and
    parameter count with their formulas; `t` translates the column titles."""
    return pd.DataFrame({
        t("model.col.step"): [row.name for row in rows],
        t("model.col.kind"): [row.kind for row in rows],
        t("model.col.shape"): [_shape_text(row.output_shape) for row in rows],
        t("model.col.size_formula"): [row.size_formula for row in rows],
        t("model.col.parameters"): [f"{row.parameters:,}" for row in rows],
        t("model.col.parameter_formula"): [row.parameter_formula for row in rows],
    })


def dataflow_dot(rows: Sequence[LayerRow], *, input_label: str, output_label: str,
                 step_labels: dict[str, str], params_label: str = "{n}") -> str:
    """A Graphviz DOT diagram: the image flowing top to bottom through every step, each box with
    its output shape (and parameters, `params_label` formatted with `n`), each edge with the
    operation named by `step_labels` (step name -> text)."""
    lines = [
        "digraph LeNet {",
        '  rankdir=TB; bgcolor="transparent"; nodesep=0.2; ranksep=0.25;',
        '  node [width=1.6];',
        '  node [shape=box, style="rounded,filled", fillcolor="#eef3fb", color="#8fa8c8", '
        'fontname="sans-serif", fontsize=11];',
        '  edge [fontname="sans-serif", fontsize=10, color="#5a6b85"];',
        f'  input [label="{input_label}\\n1 × 28 × 28", fillcolor="#f3f3f3"];',
    ]
    previous = "input"
    for row in rows:
        fill = {"Conv2d": "#fde7d9", "MaxPool2d": "#e3f1e6", "Linear": "#eef3fb"}.get(row.kind, "#f3f3f3")
        params = "\\n" + params_label.format(n=f"{row.parameters:,}") if row.parameters else ""
        lines.append(f'  {row.name} [label="{row.name}\\n{_shape_text(row.output_shape)}{params}", '
                     f'fillcolor="{fill}"];')
        lines.append(f'  {previous} -> {row.name} [label="{step_labels.get(row.name, row.kind)}"];')
        previous = row.name
    lines.append(f'  output [label="{output_label}\\n10", fillcolor="#f3f3f3"];')
    lines.append(f'  {previous} -> output [label="softmax"];')
    lines.append("}")
    return "\n".join(lines)


def feature_maps(maps: np.ndarray, *, label: str, columns: int = 8, size: int = 72) -> alt.FacetChart:
    """Many same-sized maps in a grid sharing one colour scale (white = 0, dark red = the largest),
    so a strong map looks strong next to a weak one; `label` is the facet header."""
    maps = np.asarray(maps, dtype=float)
    count, height, width = maps.shape
    rows, cols = np.indices((height, width))
    frame = pd.DataFrame({
        "map": np.repeat(np.arange(1, count + 1), height * width),
        "row": np.tile(rows.ravel(), count),
        "col": np.tile(cols.ravel(), count),
        "value": maps.ravel(),
    })
    top = float(maps.max()) or 1.0
    return alt.Chart(frame).mark_rect().encode(
        x=alt.X("col:O", axis=None),
        y=alt.Y("row:O", axis=None),
        color=alt.Color("value:Q", scale=alt.Scale(domain=[0, top], range=["#ffffff", "#a50f15"]),
                        legend=None),
        tooltip=[alt.Tooltip("map:O", title=label), alt.Tooltip("row:O"), alt.Tooltip("col:O"),
                 alt.Tooltip("value:Q", format=".3f")],
    ).properties(width=size, height=size).facet(
        facet=alt.Facet("map:O", title=label, header=alt.Header(labelFontSize=11)), columns=columns,
    ).configure_view(stroke="#cccccc")


def activation_bars(values: np.ndarray, *, unit_title: str, value_title: str, height: int = 140,
                    first: int = 1) -> alt.Chart:
    """One bar per unit of a fully connected layer (after ReLU many are exactly zero), numbered
    from `first` (0 for the ten digits)."""
    values = np.asarray(values, dtype=float)
    frame = pd.DataFrame({"unit": np.arange(first, first + len(values)), "value": values})
    return alt.Chart(frame).mark_bar(color=PLAIN).encode(
        x=alt.X("unit:O", title=unit_title,
                axis=alt.Axis(labels=len(values) <= 20, ticks=False, labelAngle=0)),
        y=alt.Y("value:Q", title=value_title),
        tooltip=[alt.Tooltip("unit:O", title=unit_title), alt.Tooltip("value:Q", title=value_title,
                                                                       format=".3f")],
    ).properties(height=height)


def probability_bars(probabilities: np.ndarray, *, digit_title: str, probability_title: str,
                     true_digit: int | None = None, height: int = 180, compact: bool = False) -> alt.Chart:
    """Ten bars, the predicted digit in orange and, when it differs, the true one in green.
    `compact` drops the axis titles and the probability axis, for a thumbnail under an image."""
    probabilities = np.asarray(probabilities, dtype=float)
    said = int(probabilities.argmax())
    colours = [PREDICTED if d == said else TRUE if d == true_digit else PLAIN for d in range(10)]
    frame = pd.DataFrame({"digit": [str(d) for d in range(10)], "probability": probabilities,
                          "colour": colours})
    y_axis = None if compact else alt.Axis(format="%")
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("digit:N", title=None if compact else digit_title, sort=None,
                axis=alt.Axis(labelAngle=0, ticks=False)),
        y=alt.Y("probability:Q", title=None if compact else probability_title,
                scale=alt.Scale(domain=[0, 1]), axis=y_axis),
        color=alt.Color("colour:N", scale=None),
        tooltip=[alt.Tooltip("digit:N", title=digit_title),
                 alt.Tooltip("probability:Q", title=probability_title, format=".2%")],
    ).properties(height=height)


def probability_description(probabilities: np.ndarray, t: Translator) -> str:
    """The ten bars in words, for a screen reader: the most likely digit and its probability."""
    said = int(np.argmax(probabilities))
    return t("alt.probabilities", digit=said, p=float(probabilities[said]))
