"""A layered network (input, hidden, output) drawn by code as an Altair chart.

Each layer is a column of labelled nodes; every node is joined to every node of the next
layer by an edge whose colour and opacity show a (made-up, seeded) weight. A node labelled
`GAP` stands for the nodes left out ("⋮") and has no edges, so 784 inputs fit on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

GAP = "⋮"


@dataclass(frozen=True)
class Layer:
    """One column of the diagram: its caption and the label of each drawn node."""

    name: str
    labels: tuple[str, ...]


def node_frame(layers: list[Layer]) -> pd.DataFrame:
    """One row per drawn node: layer index, layer name, position, label, whether it is a gap."""
    rows = []
    for column, layer in enumerate(layers):
        top = (len(layer.labels) - 1) / 2  # centre each column vertically on y = 0
        for i, label in enumerate(layer.labels):
            rows.append({"layer": column, "layer_name": layer.name, "x": float(column),
                         "y": top - i, "label": label, "gap": label == GAP})
    return pd.DataFrame(rows)


def edge_frame(nodes: pd.DataFrame, seed: int = 0, weights: list[float] | None = None) -> pd.DataFrame:
    """One row per edge between consecutive layers (gaps excluded), with the given `weights`
    (in that order: source by source) or, without them, random ones."""
    rng = np.random.default_rng(seed)
    real = nodes[~nodes["gap"]]
    parts = []
    for column in range(int(nodes["layer"].max())):
        left = real[real["layer"] == column]
        right = real[real["layer"] == column + 1]
        pairs = left.merge(right, how="cross", suffixes=("", "_to"))
        parts.append(pd.DataFrame({
            "x": pairs["x"], "y": pairs["y"], "x2": pairs["x_to"], "y2": pairs["y_to"],
            "source": pairs["label"], "target": pairs["label_to"],
        }))
    edges = pd.concat(parts, ignore_index=True)
    if weights is None:
        weights = rng.normal(0.0, 1.0, len(edges)).round(2)
    elif len(weights) != len(edges):
        raise ValueError(f"{len(weights)} weights for {len(edges)} edges")
    edges["weight"] = np.asarray(weights, dtype=np.float64)
    edges["strength"] = edges["weight"].abs()
    return edges


def network_chart(
    layers: list[Layer], *, weights: list[float] | None = None, weight_title: str = "weight",
    seed: int = 0, width: int = 560, height: int = 360,
) -> alt.LayerChart:
    """Nodes, weighted edges (blue positive, red negative; hover for the value) and layer names."""
    nodes = node_frame(layers)
    edges = edge_frame(nodes, seed, weights)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.4, len(layers) - 0.6]))
    top = float(nodes["y"].max())
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[-top - 0.8, top + 1.4]))
    limit = float(edges["strength"].max()) or 1.0
    lines = alt.Chart(edges).mark_rule(strokeWidth=1.6).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        color=alt.Color("weight:Q", scale=alt.Scale(scheme="redblue", domain=[-limit, limit]),
                        legend=None),
        opacity=alt.Opacity("strength:Q", scale=alt.Scale(domain=[0, limit], range=[0.15, 0.9]), legend=None),
        tooltip=[alt.Tooltip("source:N"), alt.Tooltip("target:N"),
                 alt.Tooltip("weight:Q", title=weight_title, format="+.2f")],
    )
    real = nodes[~nodes["gap"]]
    circles = alt.Chart(real).mark_circle(size=640, opacity=1, color="#f0f4ff",
                                          stroke="#4c6ef5", strokeWidth=2).encode(
        x=x, y=y, tooltip=[alt.Tooltip("layer_name:N", title=" "), alt.Tooltip("label:N", title="#")],
    )
    labels = alt.Chart(nodes).mark_text(fontSize=11, color="#1f2a44").encode(x=x, y=y, text="label:N")
    names = nodes.groupby("layer", as_index=False).agg(x=("x", "first"), layer_name=("layer_name", "first"))
    names["y"] = top + 1.0
    captions = alt.Chart(names).mark_text(fontSize=14, fontWeight="bold", color="#1f2a44").encode(
        x=x, y=y, text="layer_name:N",
    )
    # "pad": the plot keeps its size instead of Streamlit fitting the whole chart inside it
    return alt.layer(lines, circles, labels, captions).properties(
        width=width, height=height, autosize=alt.AutoSizeParams(type="pad"),
    )
