"""Charts comparing full-batch and stochastic descent on several points. Data in, chart out."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core.neuron.charts import AUTOSIZE, SIZE, grid_domain, surface_layers, surface_tables
from core.neuron.line_fit import FitPath

COLOURS = ["#e4572e", "#6a4c93"]  # batch, stochastic


def _method_colour(names: list[str], legend: bool = True) -> alt.Color:
    return alt.Color("method:N", title=None, sort=names, scale=alt.Scale(domain=names, range=COLOURS),
                     legend=alt.Legend(orient="bottom") if legend else None)


def fitted_lines(xs: np.ndarray, ys: np.ndarray, lines: dict[str, tuple[float, float]], *,
                 x_title: str, y_title: str) -> alt.LayerChart:
    """The points and each method's final line through them."""
    names = list(lines)
    ends = np.array([xs.min() - 0.3, xs.max() + 0.3])
    drawn = pd.concat([pd.DataFrame({"x": ends, "y": w * ends + b, "method": name})
                       for name, (w, b) in lines.items()], ignore_index=True)
    x_axis = alt.X("x:Q", title=x_title, scale=alt.Scale(domain=list(ends), nice=False))
    y_lo, y_hi = float(ys.min()), float(ys.max())
    pad = (y_hi - y_lo) * 0.25 + 0.1
    y_axis = alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=[y_lo - pad, y_hi + pad], nice=False))
    line_marks = alt.Chart(drawn).mark_line(strokeWidth=2.5, clip=True).encode(
        x=x_axis, y=y_axis, color=_method_colour(names),
        strokeDash=alt.StrokeDash("method:N", sort=names, legend=None,
                                  scale=alt.Scale(domain=names, range=[[1, 0], [6, 4]])),
    )
    dots = alt.Chart(pd.DataFrame({"x": xs, "y": ys})).mark_circle(size=70, color="#333", opacity=0.9).encode(
        x="x:Q", y="y:Q", tooltip=[alt.Tooltip("x:Q", format=".3f"), alt.Tooltip("y:Q", format=".3f")],
    )
    return alt.layer(line_marks, dots).properties(width=SIZE, height=SIZE, autosize=AUTOSIZE)


def fit_map(ws: np.ndarray, bs: np.ndarray, losses: np.ndarray, paths: dict[str, FitPath],
            best: tuple[float, float], *, w_title: str, b_title: str, loss_title: str) -> alt.LayerChart:
    """Each method's (w, b) path over the mean loss surface, and the least-squares optimum."""
    tables = surface_tables(ws, bs, losses)
    surface = surface_layers(tables["cells"], tables["contours"], grid_domain(ws), grid_domain(bs),
                             w_title=w_title, b_title=b_title, loss_title=loss_title)
    names = list(paths)
    frame = pd.concat([pd.DataFrame({"w": p.w, "b": p.b, "order": np.arange(len(p.w)), "method": name})
                       for name, p in paths.items()], ignore_index=True)
    trails = alt.Chart(frame).mark_line(strokeWidth=1.8, clip=True).encode(
        x="w:Q", y="b:Q", order="order:Q", color=_method_colour(names, legend=False), detail="method:N",
    )
    optimum = alt.Chart(pd.DataFrame({"w": [best[0]], "b": [best[1]]})).mark_point(
        shape="cross", size=160, color="black", filled=True, clip=True).encode(x="w:Q", y="b:Q")
    return alt.layer(surface, trails, optimum).resolve_scale(color="independent").properties(
        width=SIZE, height=SIZE, autosize=AUTOSIZE)


def fit_losses(paths: dict[str, FitPath], *, pass_title: str, loss_title: str) -> alt.Chart:
    """The mean loss over all points after each update, against passes over the data (log scale)."""
    names = list(paths)
    frame = pd.concat([pd.DataFrame({"epoch": p.epoch, "loss": np.maximum(p.loss, 1e-12), "method": name})
                       for name, p in paths.items()], ignore_index=True)
    return alt.Chart(frame).mark_line(clip=True).encode(
        x=alt.X("epoch:Q", title=pass_title),
        y=alt.Y("loss:Q", title=loss_title, scale=alt.Scale(type="log")),
        color=_method_colour(names),
        tooltip=[alt.Tooltip("method:N", title=" "), alt.Tooltip("epoch:Q", format=".2f", title=pass_title),
                 alt.Tooltip("loss:Q", format=".4g", title=loss_title)],
    ).properties(width=SIZE, height=SIZE, autosize=AUTOSIZE)
