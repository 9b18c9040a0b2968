"""Altair charts of the backpropagation page: the small network's computation graph, LeNet's
gradients as pictures, the sliding window of a weight gradient, and gradient sizes by layer.

Every chart takes its (already translated) titles and its text alternative's words from the
caller; none holds words of its own. The page gives each its text alternative (alt).
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core.charts.heatmap import array_frame

CURRENT = "#f59e0b"  # the node the backward pass is at: the convolution page's amber
GRADIENT = "#c2410c"  # gradients written on the graph
FORWARD = "#1d3557"
WAITING = "#cbd5e1"
PAIR = ["#1d4ed8", "#ea580c"]  # the two activations, apart in hue and lightness
KIND_FILL = {"input": "#e2e8f0", "parameter": "#dbeafe", "operation": "#ffffff", "loss": "#fee2e2"}
GRAPH_WIDTH, GRAPH_HEIGHT = 800, 640
LABELS = {"x1": "x₁", "x2": "x₂", "w11": "w₁₁", "w12": "w₁₂", "b1": "b₁", "w21": "w₂₁", "w22": "w₂₂",
          "b2": "b₂", "z1": "z₁", "z2": "z₂", "h1": "h₁", "h2": "h₂", "v1": "v₁", "v2": "v₂", "c": "c",
          "y": "y", "L": "L"}

# (column, row) of each node: inputs and hidden parameters left, the loss right
POSITIONS = {
    "x1": (0, 6), "x2": (0, 3),
    "w11": (1, 9), "w12": (1, 7.5), "b1": (1, 6), "w21": (1, 3), "w22": (1, 1.5), "b2": (1, 0),
    "z1": (2, 7.5), "z2": (2, 1.5), "h1": (3, 7.5), "h2": (3, 1.5),
    "v1": (4, 9), "c": (4, 4.5), "v2": (4, 0), "y": (5, 4.5), "target": (5, 7.5), "L": (6, 4.5),
}
KINDS = {"x1": "input", "x2": "input", "target": "input", "L": "loss",
         **{name: "parameter" for name in ("w11", "w12", "b1", "w21", "w22", "b2", "v1", "v2", "c")},
         **{name: "operation" for name in ("z1", "z2", "h1", "h2", "y")}}
EDGES = [("x1", "z1"), ("x2", "z1"), ("w11", "z1"), ("w12", "z1"), ("b1", "z1"),
         ("x1", "z2"), ("x2", "z2"), ("w21", "z2"), ("w22", "z2"), ("b2", "z2"),
         ("z1", "h1"), ("z2", "h2"), ("h1", "y"), ("h2", "y"), ("v1", "y"), ("v2", "y"), ("c", "y"),
         ("y", "L"), ("target", "L")]


def graph_tables(values: dict[str, float], gradients: dict[str, float], current: str | None,
                 target_label: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodes, edges): each node's place, forward value and (once reached) gradient; each edge,
    marked once the gradient has flowed back along it."""
    nodes = pd.DataFrame([{
        "node": name, "label": target_label if name == "target" else LABELS[name], "x": x, "y": y,
        "kind": KINDS[name], "value": f"{values[name]:.3g}",
        "gradient": f"∂L/∂{LABELS[name]} = {gradients[name]:.3g}" if name in gradients else "",
        "state": "current" if name == current else ("done" if name in gradients else "waiting"),
    } for name, (x, y) in POSITIONS.items()])
    edges = pd.DataFrame([{
        "x": POSITIONS[a][0], "y": POSITIONS[a][1], "x2": POSITIONS[b][0], "y2": POSITIONS[b][1],
        "flowed": a in gradients and b in gradients,
    } for a, b in EDGES])
    return nodes, edges


def computation_graph(nodes: pd.DataFrame, edges: pd.DataFrame) -> alt.LayerChart:
    """The 2-2-1 network as a graph: edges, nodes filled by kind and outlined by the backward
    pass's progress, each node's name inside, its forward value above, its gradient below."""
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.5, 6.5]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[-0.8, 9.8]))
    lines = alt.Chart(edges).mark_rule(strokeWidth=1.5).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        color=alt.condition("datum.flowed", alt.value(GRADIENT), alt.value(WAITING)),
    )
    base = alt.Chart(nodes).encode(x=x, y=y)
    circles = base.mark_circle(size=1300, opacity=1).encode(
        color=alt.Color("kind:N", scale=alt.Scale(domain=list(KIND_FILL), range=list(KIND_FILL.values())),
                        legend=None),
        stroke=alt.Stroke("state:N", scale=alt.Scale(domain=["current", "done", "waiting"],
                                                     range=[CURRENT, GRADIENT, "#94a3b8"]), legend=None),
        strokeWidth=alt.condition("datum.state == 'current'", alt.value(5), alt.value(1.5)),
        tooltip=[alt.Tooltip("label:N", title="node"), alt.Tooltip("value:N", title="value"),
                 alt.Tooltip("gradient:N", title="gradient")],
    )
    names = base.mark_text(fontSize=14, fontWeight="bold", color=FORWARD).encode(text="label:N")
    forward_values = base.mark_text(fontSize=12, dy=-27, color=FORWARD).encode(text="value:N")
    gradient_values = base.mark_text(fontSize=11, dy=28, color=GRADIENT, fontWeight="bold").encode(
        text="gradient:N")
    return alt.layer(lines, circles, names, forward_values, gradient_values).properties(
        width=GRAPH_WIDTH, height=GRAPH_HEIGHT,
        autosize=alt.AutoSizeParams(type="pad"))


def gradient_bars(frame: pd.DataFrame, *, x_title: str, y_title: str, colour_title: str) -> alt.Chart:
    """|gradient| at each node for each activation, side by side (frame: node, activation, size)."""
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("node:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=0)),
        xOffset="activation:N",
        y=alt.Y("size:Q", title=y_title),
        color=alt.Color("activation:N", title=colour_title, legend=alt.Legend(orient="top"),
                        scale=alt.Scale(range=PAIR)),
        tooltip=["node:N", "activation:N", alt.Tooltip("size:Q", format=".4g")],
    ).properties(width=560, height=260)


# -- LeNet's gradients ----------------------------------------------------------------------------

def _limit(values: np.ndarray) -> float:
    finite = np.abs(np.asarray(values, dtype=float))
    return float(finite.max()) if finite.size and finite.max() > 0 else 1.0


def map_row(maps: list[np.ndarray], *, titles: list[str], size: int,
            diverging: bool | list[bool] = True, shared_scale: bool = True) -> alt.HConcatChart:
    """Maps side by side: gradients red positive, blue negative, white at zero (one scale for all
    when `shared_scale`), values in greys; `diverging` for all maps or one flag each."""
    flags = diverging if isinstance(diverging, list) else [diverging] * len(maps)
    signed = [m for m, flag in zip(maps, flags, strict=True) if flag]
    limit = _limit(np.concatenate([np.ravel(m) for m in signed])) if shared_scale and signed else None
    charts = []
    for values, title, flag in zip(maps, titles, flags, strict=True):
        values = np.asarray(values, dtype=float)
        frame = array_frame(values)
        if flag:
            bound = limit if limit is not None else _limit(values)
            scale = alt.Scale(scheme="redblue", domain=[bound, -bound])
        else:
            scale = alt.Scale(scheme="greys", domain=[float(values.min()), float(values.max()) or 1.0])
        colour = alt.Color("value:Q", scale=scale, legend=None)
        charts.append(alt.Chart(frame).mark_rect(strokeWidth=0.4).encode(
            x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None), color=colour, stroke=colour,
            tooltip=[alt.Tooltip("row:O"), alt.Tooltip("col:O"), alt.Tooltip("value:Q", format=".3g")],
        ).properties(width=size, height=size, title=title))
    # each map its own colour scale (a concat shares one by default, mixing greys with gradients)
    row = alt.hconcat(*charts, spacing=12).resolve_scale(color="independent", stroke="independent")
    return row.configure_view(strokeWidth=0)


def window_view(image: np.ndarray, output_gradient: np.ndarray, row: int, col: int, kernel: int,
                weight_row: int, weight_col: int, stride: int, padding: int, *,
                titles: tuple[str, str]) -> alt.HConcatChart:
    """The input with the kernel's window at output position (row, col) and the pixel under the
    chosen weight ringed, beside the output gradient with that position ringed."""
    padded = np.pad(np.asarray(image, dtype=float), padding)
    top, left = row * stride, col * stride
    frame = array_frame(padded)
    pixel = pd.DataFrame({"row": [top + weight_row], "col": [left + weight_col]})
    box = pd.DataFrame({"x": [left - 0.5], "x2": [left + kernel - 0.5],
                        "y": [top - 0.5], "y2": [top + kernel - 0.5]})
    n = padded.shape[0]
    x = alt.X("col:Q", axis=None, scale=alt.Scale(domain=[-0.5, n - 0.5]))
    y = alt.Y("row:Q", axis=None, scale=alt.Scale(domain=[n - 0.5, -0.5]))
    cells = alt.Chart(frame).mark_square(size=(260 / n) ** 2, opacity=1).encode(
        x=x, y=y, color=alt.Color("value:Q", scale=alt.Scale(scheme="greys"), legend=None))
    window = alt.Chart(box).mark_rect(fill=None, stroke=CURRENT, strokeWidth=2.5).encode(
        x=alt.X("x:Q", scale=alt.Scale(domain=[-0.5, n - 0.5]), axis=None), x2="x2:Q",
        y=alt.Y("y:Q", scale=alt.Scale(domain=[n - 0.5, -0.5]), axis=None), y2="y2:Q")
    ring = alt.Chart(pixel).mark_point(shape="square", size=(260 / n) ** 2 * 1.3, color="#e11d48",
                                       strokeWidth=2.5).encode(x=x, y=y)
    left_chart = alt.layer(cells, window, ring).properties(width=260, height=260, title=titles[0])
    m = output_gradient.shape[0]
    limit = _limit(output_gradient)
    gx = alt.X("col:Q", axis=None, scale=alt.Scale(domain=[-0.5, m - 0.5]))
    gy = alt.Y("row:Q", axis=None, scale=alt.Scale(domain=[m - 0.5, -0.5]))
    grad_cells = alt.Chart(array_frame(np.asarray(output_gradient, dtype=float))).mark_square(
        size=(260 / m) ** 2, opacity=1).encode(
        x=gx, y=gy, color=alt.Color("value:Q", scale=alt.Scale(scheme="redblue", domain=[limit, -limit]),
                                    legend=None))
    here = alt.Chart(pd.DataFrame({"row": [row], "col": [col]})).mark_point(
        shape="square", size=(260 / m) ** 2 * 1.3, color=CURRENT, strokeWidth=2.5).encode(x=gx, y=gy)
    right_chart = alt.layer(grad_cells, here).properties(width=260, height=260, title=titles[1])
    return alt.hconcat(left_chart, right_chart, spacing=24).resolve_scale(color="independent")


def running_sum(partial: np.ndarray, autograd: float, count: int, *, x_title: str, y_title: str,
                autograd_label: str) -> alt.LayerChart:
    """The window sum after each position (of `count`), against autograd's number (a dashed line)."""
    frame = pd.DataFrame({"position": np.arange(1, len(partial) + 1), "sum": partial})
    line = alt.Chart(frame).mark_line(color=GRADIENT).encode(
        x=alt.X("position:Q", title=x_title, scale=alt.Scale(domain=[1, count])),
        y=alt.Y("sum:Q", title=y_title, axis=alt.Axis(format=".2~e")),
        tooltip=["position:Q", alt.Tooltip("sum:Q", format=".5g")])
    rule = alt.Chart(pd.DataFrame({"value": [autograd], "label": [autograd_label]})).mark_rule(
        strokeDash=[5, 4], color=FORWARD).encode(y="value:Q", tooltip=["label:N", alt.Tooltip("value:Q",
                                                                                             format=".6g")])
    here = alt.Chart(frame.tail(1)).mark_point(color=GRADIENT, filled=True, size=60).encode(
        x="position:Q", y="sum:Q")
    return alt.layer(line, rule, here).properties(width=520, height=200)


def layer_sizes(frame: pd.DataFrame, *, x_title: str, y_title: str, colour_title: str) -> alt.Chart:
    """Mean |weight gradient| of each layer (frame: layer, activation, size), log scale."""
    return alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("layer:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("size:Q", title=y_title, scale=alt.Scale(type="log")),
        color=alt.Color("activation:N", title=colour_title, legend=alt.Legend(orient="top"),
                        scale=alt.Scale(range=PAIR)),
        tooltip=["layer:N", "activation:N", alt.Tooltip("size:Q", format=".3g")],
    ).properties(width=520, height=240)
