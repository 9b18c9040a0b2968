"""Charts of "Why ReLU?": the training loss of each activation, and each layer's gradient size."""

from __future__ import annotations

import altair as alt
import pandas as pd

from core.design.experiments import ActivationResult
from core.training.curves import smooth

COLOURS = {"sigmoid": "#d62728", "relu": "#1f77b4"}


def colour(names: dict[str, str], fns: list[str], legend_title: str) -> alt.Color:
    """Each activation's colour, the legend below the chart and never cut short."""
    return alt.Color("fn:N", title=legend_title,
                     scale=alt.Scale(domain=[names[fn] for fn in fns], range=[COLOURS[fn] for fn in fns]),
                     legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0))


def loss_chart(result: ActivationResult, names: dict[str, str], step_title: str, loss_title: str,
               legend_title: str) -> alt.Chart:
    """The smoothed loss of every training step, one line per activation."""
    frame = pd.concat([
        pd.DataFrame({"step": range(1, len(losses) + 1), "loss": smooth(losses), "fn": names[fn]})
        for fn, losses in result.losses.items()
    ])
    return alt.Chart(frame).mark_line().encode(
        x=alt.X("step:Q", title=step_title),
        y=alt.Y("loss:Q", title=loss_title, scale=alt.Scale(domainMin=0)),
        color=colour(names, list(result.losses), legend_title),
    )


def gradient_chart(result: ActivationResult, names: dict[str, str], layer_title: str,
                   gradient_title: str, legend_title: str) -> alt.Chart:
    """Each weight layer's mean |gradient| over the whole run, one line per activation on a log
    scale (bars cannot start from zero on a log scale)."""
    frame = pd.DataFrame([
        {"layer": layer, "gradient": float(result.gradients[fn][:, i].mean()), "fn": names[fn]}
        for fn in result.gradients for i, layer in enumerate(result.layers)
    ])
    return alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=60)).encode(
        x=alt.X("layer:N", title=layer_title, sort=result.layers, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("gradient:Q", title=gradient_title, scale=alt.Scale(type="log"),
                axis=alt.Axis(format=".0e")),
        color=colour(names, list(result.gradients), legend_title),
        tooltip=["layer:N", "fn:N", alt.Tooltip("gradient:Q", format=".2e")],
    )
