"""Charts of a neuron learning: the line and its target, the (w, b) path over the loss
surface, and the loss against the step. Data in, chart out; titles come from the caller.

Animation: each view is built once per run as a Vega-Lite spec whose layers read *named*
datasets (`*_spec`), and each frame only supplies fresh small tables (`*_data`), joined by
`with_data`. Building charts with Altair costs tens of milliseconds; filling a fixed spec
with new rows costs about one. And because the spec stays the same, the browser swaps the
changed datasets inside the live chart (a dataset whose bytes are unchanged, such as the loss
surface, is not touched) instead of drawing the chart anew.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import contourpy
import numpy as np
import pandas as pd

from core.neuron import Step

PATH_COLOUR = "#e4572e"
NEXT_COLOUR = "#f3a712"
TARGET_COLOUR = "#2e86ab"
LOG_FLOOR = 1e-12  # a loss of exactly zero has no logarithm; it is drawn at this floor
SIZE = 235  # three charts side by side in the wide layout
# Streamlit otherwise fits the whole chart, legends included, into width x height, squeezing
# the plot; "pad" keeps the plot at SIZE and grows the chart around it.
AUTOSIZE = {"type": "pad"}
AXIS_FORMAT = ".3~g"  # 0.25 stays 0.25; a diverging run's 250000000000 becomes 2.5e+11

Data = pd.DataFrame | alt.NamedData


def with_data(spec: dict, datasets: dict[str, pd.DataFrame]) -> dict:
    """A spec from `*_spec` with this frame's tables in place (the spec itself is not changed)."""
    return {**spec, "datasets": datasets}


# -- the loss surface ---------------------------------------------------------------------------

def surface_tables(ws: np.ndarray, bs: np.ndarray, losses: np.ndarray,
                   levels: int = 8) -> dict[str, pd.DataFrame]:
    """{"cells": one row per grid cell, "contours": points of the contour lines}."""
    # cells overlap a little: edge to edge, anti-aliasing leaves hairline seams between them
    dw, db = (ws[1] - ws[0]) * 0.52, (bs[1] - bs[0]) * 0.52
    grid_w, grid_b = np.meshgrid(ws, bs)
    cells = pd.DataFrame({
        "w": grid_w.ravel() - dw, "w2": grid_w.ravel() + dw,
        "b": grid_b.ravel() - db, "b2": grid_b.ravel() + db, "loss": losses.ravel(),
    })
    return {"cells": cells, "contours": contour_lines(ws, bs, losses, levels)}


def contour_lines(ws: np.ndarray, bs: np.ndarray, losses: np.ndarray, levels: int) -> pd.DataFrame:
    """Points of the contour lines, one row each: line id, order along it, w, b.

    Levels are evenly spaced in the square root of the loss, so the lines lie evenly apart.
    """
    generator = contourpy.contour_generator(ws, bs, losses, line_type=contourpy.LineType.Separate)
    top = float(np.sqrt(losses.max()))
    pieces = []
    for level_index, root in enumerate(np.linspace(0, top, levels + 2)[1:-1]):
        for piece_index, piece in enumerate(generator.lines(root**2)):
            pieces.append(pd.DataFrame({
                "line": f"{level_index}-{piece_index}", "order": np.arange(len(piece)),
                "w": piece[:, 0], "b": piece[:, 1],
            }))
    if not pieces:
        return pd.DataFrame({"line": pd.Series(dtype=str), "order": [], "w": [], "b": []})
    return pd.concat(pieces, ignore_index=True)


def surface_layers(cells: Data, contours: Data, w_domain: Sequence[float], b_domain: Sequence[float], *,
                   w_title: str, b_title: str, loss_title: str) -> alt.LayerChart:
    """Shaded cells and contour lines of a loss over (w, b), on fixed axes."""
    x = alt.X("w:Q", title=w_title, scale=alt.Scale(domain=list(w_domain), nice=False),
              axis=alt.Axis(format=AXIS_FORMAT))
    y = alt.Y("b:Q", title=b_title, scale=alt.Scale(domain=list(b_domain), nice=False),
              axis=alt.Axis(format=AXIS_FORMAT))
    shade = alt.Chart(cells).mark_rect(opacity=1, strokeWidth=0).encode(
        x=x, x2="w2:Q", y=y, y2="b2:Q",
        # the loss grows with the square of the distance from the minimum: a square-root
        # scale shades distance evenly
        color=alt.Color("loss:Q", title=loss_title, scale=alt.Scale(type="sqrt", scheme="blues"),
                        legend=alt.Legend(orient="bottom", gradientLength=SIZE - 80, format=AXIS_FORMAT)),
        tooltip=[alt.Tooltip("loss:Q", title=loss_title, format=".4g")],
    )
    lines = alt.Chart(contours).mark_line(color="#1d3557", strokeWidth=0.7, opacity=0.45, clip=True).encode(
        x="w:Q", y="b:Q", detail="line:N", order="order:Q",
    )
    return alt.layer(shade, lines)


def grid_domain(values: np.ndarray) -> tuple[float, float]:
    """The axis range covering whole cells centred on evenly spaced `values`."""
    half = (values[1] - values[0]) / 2
    return float(values[0] - half), float(values[-1] + half)


# -- the (w, b) path over the surface -----------------------------------------------------------

def descent_map_spec(ws: np.ndarray, bs: np.ndarray, *, w_title: str, b_title: str, loss_title: str,
                     step_title: str) -> dict:
    """The map's spec: reads datasets "cells", "contours" (`surface_tables`) and "path" (`path_table`)."""
    surface = surface_layers(alt.NamedData(name="cells"), alt.NamedData(name="contours"),
                             grid_domain(ws), grid_domain(bs),
                             w_title=w_title, b_title=b_title, loss_title=loss_title)
    path = alt.Chart(alt.NamedData(name="path")).encode(x="w:Q", y="b:Q")
    trail = path.mark_line(color=PATH_COLOUR, strokeWidth=2, clip=True, point=alt.OverlayMarkDef(
        color=PATH_COLOUR, size=30, clip=True)).encode(order="step:Q")
    here = path.transform_filter("datum.last").mark_point(
        color=NEXT_COLOUR, size=150, filled=True, opacity=1, clip=True,
    ).encode(tooltip=[alt.Tooltip("step:Q", title=step_title), alt.Tooltip("w:Q", format=".4g"),
                      alt.Tooltip("b:Q", format=".4g")])
    return alt.layer(surface, trail, here).properties(width=SIZE, height=SIZE, autosize=AUTOSIZE).to_dict()


def path_table(records: Sequence[Step], upto: int) -> pd.DataFrame:
    """Every (w, b) visited until step `upto` (0-based) has updated them; the last is flagged."""
    shown = records[: upto + 1]
    count = len(shown) + 1
    return pd.DataFrame({
        "step": np.arange(count),  # 0 is the start; k is after step k
        "w": [r.w for r in shown] + [shown[-1].w_next],
        "b": [r.b for r in shown] + [shown[-1].b_next],
        "last": np.arange(count) == count - 1,
    })


# -- the line y = w*x + b and the target --------------------------------------------------------

def line_domains(records: Sequence[Step], x: float, y_target: float,
                 cap: float = 50.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """Fixed axes for the line view over a whole run, so frames don't rescale; y is capped
    around the target so that a diverging run still shows where it should have gone."""
    x_domain = (min(0.0, x) - 1.5, max(0.0, x) + 1.5)
    values = [y_target]
    for r in records:
        for w, b in ((r.w, r.b), (r.w_next, r.b_next)):
            values += [w * x_domain[0] + b, w * x_domain[1] + b]
    lo = max(min(values), y_target - cap)
    hi = min(max(values), y_target + cap)
    pad = max(hi - lo, 1.0) * 0.08
    return x_domain, (lo - pad, hi + pad)


def line_view_spec(domains, *, now_label: str, next_label: str, output_label: str, target_label: str,
                   x_title: str, y_title: str) -> dict:
    """The line view's spec: reads datasets "lines" and "points" (`line_view_tables`)."""
    x_domain, y_domain = domains
    x_axis = alt.X("x:Q", title=x_title, scale=alt.Scale(domain=list(x_domain), nice=False))
    y_axis = alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=list(y_domain), nice=False))
    names = [now_label, next_label]
    lines = alt.Chart(alt.NamedData(name="lines")).mark_line(clip=True, strokeWidth=2.5).encode(
        x=x_axis, y=y_axis,
        color=alt.Color("line:N", title=None, sort=names,
                        scale=alt.Scale(domain=names, range=[PATH_COLOUR, NEXT_COLOUR]),
                        legend=alt.Legend(orient="bottom", direction="vertical")),
        strokeDash=alt.StrokeDash("line:N", sort=names, legend=None,
                                  scale=alt.Scale(domain=names, range=[[1, 0], [6, 4]])),
    )
    points = alt.Chart(alt.NamedData(name="points"))
    error = points.mark_line(color="grey", strokeDash=[2, 2], clip=True).encode(x="x:Q", y="y:Q")
    kinds = [output_label, target_label]
    marks = points.mark_point(filled=True, size=120, opacity=1, clip=True).encode(
        x="x:Q", y="y:Q",
        shape=alt.Shape("what:N", title=None, sort=kinds,
                        scale=alt.Scale(domain=kinds, range=["circle", "diamond"]),
                        legend=alt.Legend(orient="bottom", direction="vertical")),
        fill=alt.Fill("what:N", legend=None, sort=kinds,
                      scale=alt.Scale(domain=kinds, range=[PATH_COLOUR, TARGET_COLOUR])),
        tooltip=[alt.Tooltip("what:N", title=" "), alt.Tooltip("y:Q", format=".4g")],
    )
    return alt.layer(lines, error, marks).resolve_scale(color="independent").properties(
        width=SIZE, height=SIZE, autosize=AUTOSIZE).to_dict()


def line_view_tables(record: Step, x: float, y_target: float, domains, *, now_label: str, next_label: str,
                     output_label: str, target_label: str) -> dict[str, pd.DataFrame]:
    """The line before and after this step's update; the output y and the target at x."""
    ends = np.array(domains[0])
    lines = pd.DataFrame({
        "x": np.concatenate([ends, ends]),
        "y": np.concatenate([record.w * ends + record.b, record.w_next * ends + record.b_next]),
        "line": [now_label] * 2 + [next_label] * 2,
    })
    points = pd.DataFrame({"x": [x, x], "y": [record.y, y_target], "what": [output_label, target_label]})
    return {"lines": lines, "points": points}


# -- the loss against the step ------------------------------------------------------------------

def loss_domain(records: Sequence[Step], log_scale: bool) -> tuple[float, float]:
    """The loss axis over a whole run, fixed for every frame."""
    losses = np.array([r.loss for r in records])
    if log_scale:
        floor = max(float(losses.min()), LOG_FLOOR)
        return floor / 2, max(float(losses.max()), floor * 10) * 2
    return 0.0, max(float(losses.max()), 1e-9) * 1.05


def loss_curve_spec(domain: tuple[float, float], log_scale: bool, steps: int, *, step_title: str,
                    loss_title: str) -> dict:
    """The loss curve's spec: reads dataset "losses" (`loss_table`)."""
    scale = alt.Scale(type="log" if log_scale else "linear", domain=list(domain), nice=False)
    dots = alt.OverlayMarkDef(color=PATH_COLOUR, size=30, clip=True)
    return alt.Chart(alt.NamedData(name="losses")).mark_line(color=PATH_COLOUR, point=dots, clip=True).encode(
        x=alt.X("step:Q", title=step_title, scale=alt.Scale(domain=[0.5, steps + 0.5], nice=False),
                axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("loss:Q", title=loss_title, scale=scale, axis=alt.Axis(format=AXIS_FORMAT)),
        tooltip=[alt.Tooltip("step:Q", title=step_title),
                 alt.Tooltip("loss:Q", title=loss_title, format=".6g")],
    ).properties(width=SIZE, height=SIZE, autosize=AUTOSIZE).to_dict()


def loss_table(records: Sequence[Step], upto: int) -> dict[str, pd.DataFrame]:
    """The loss of each step so far (up to `upto`, 0-based); zero drawn at the log floor."""
    shown = records[: upto + 1]
    return {"losses": pd.DataFrame({"step": [r.step for r in shown],
                                    "loss": [max(r.loss, LOG_FLOOR) for r in shown]})}
