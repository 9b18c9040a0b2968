"""Charts of the training page: the live loss and accuracy, conv1's filters by epoch, the confusion matrix.

Every builder takes its (already translated) words as arguments; none holds words of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from core.charts.heatmap import array_frame
from core.training.curves import TUTORIAL_TEST_ACC as TUTORIAL_EPOCHS

SERIES_COLOURS = {"batch": "#9db4d3", "train": "#1f5fbf", "test": "#e4572e",
                  "tutorial_train": "#7a7a7a", "tutorial_test": "#b0b0b0"}


def progress_spec(
    *,
    names: dict[str, str],
    epoch_title: str,
    loss_title: str,
    accuracy_title: str,
    total_epochs: int,
    tutorial: bool = False,
    seconds_title: str | None = None,
    height: int = 260,
    width: int = 430,
) -> dict:
    """The live chart as a Vega-Lite spec reading two named datasets that `with_progress_data` fills:
    loss on the left (the smoothed batch loss as a line, train/test loss per epoch as points joined
    up), accuracy on the right (train/test per epoch); the tutorial's run, when asked for, dashed.
    Built once per run and language, so a redraw costs no Altair work. `names` translates the
    series keys of SERIES_COLOURS. With `seconds_title` every curve is drawn against the seconds of
    training instead of epochs (the tutorial published no timings: leave `tutorial` off then)."""
    keys = [k for k in SERIES_COLOURS if tutorial or not k.startswith("tutorial")]
    colour = alt.Color("name:N", title=None, sort=[names[k] for k in keys],
                       scale=alt.Scale(domain=[names[k] for k in keys],
                                       range=[SERIES_COLOURS[k] for k in keys]),
                       legend=alt.Legend(orient="bottom", columns=3))
    last = max(total_epochs, len(TUTORIAL_EPOCHS) if tutorial else 1)
    x = alt.X("epoch:Q", title=epoch_title, scale=alt.Scale(domain=[0, last], nice=False),
              axis=alt.Axis(tickMinStep=1))
    when = [alt.Tooltip("epoch:Q", title=epoch_title, format=".2~f")]
    if seconds_title is not None:  # the run's length in seconds is unknown until it ends
        x = alt.X("seconds:Q", title=seconds_title, scale=alt.Scale(domainMin=0))
        when.append(alt.Tooltip("seconds:Q", title=seconds_title, format=".1f"))
    dashed = alt.condition("indexof(datum.series, 'tutorial') == 0", alt.value([5, 4]), alt.value([0]))
    epochs = alt.Chart(alt.NamedData("epochs"))

    loss_points = epochs.transform_filter("datum.metric == 'loss'").encode(
        x=x, y=alt.Y("value:Q", title=loss_title, scale=alt.Scale(padding=12)), color=colour,
        tooltip=[alt.Tooltip("name:N", title=" "), *when,
                 alt.Tooltip("value:Q", title=loss_title, format=".4f")],
    )
    loss = alt.layer(
        alt.Chart(alt.NamedData("batches")).mark_line(strokeWidth=1.5, clip=True).encode(
            x=x, y=alt.Y("smoothed:Q", title=loss_title, scale=alt.Scale(padding=12)), color=colour,
            tooltip=[*when, alt.Tooltip("smoothed:Q", title=loss_title, format=".4f")],
        ),
        loss_points.mark_line(strokeWidth=2).encode(strokeDash=dashed),
        loss_points.mark_point(filled=True, size=60),
    )
    accuracy_points = epochs.transform_filter("datum.metric == 'accuracy'").encode(
        x=x, y=alt.Y("value:Q", title=accuracy_title, scale=alt.Scale(zero=False, padding=12)), color=colour,
        tooltip=[alt.Tooltip("name:N", title=" "), *when,
                 alt.Tooltip("value:Q", title=accuracy_title, format=".2f")],
    )
    accuracy = alt.layer(accuracy_points.mark_line(strokeWidth=2).encode(strokeDash=dashed),
                         accuracy_points.mark_point(filled=True, size=60))
    chart = alt.hconcat(
        loss.properties(height=height, width=width), accuracy.properties(height=height, width=width),
    ).resolve_scale(color="shared")
    return chart.to_dict()


def with_progress_data(spec: dict, batches: pd.DataFrame, epochs: pd.DataFrame, names: dict[str, str],
                       tutorial: pd.DataFrame | None = None) -> dict:
    """`spec` with its two datasets: batch losses (epoch, seconds when known, smoothed) and
    per-epoch figures in long form (epoch, seconds, metric, split, value), plus the tutorial's run
    when given."""
    epochs = epochs.assign(series=epochs["split"])
    if tutorial is not None:
        epochs = pd.concat([epochs, tutorial.assign(series="tutorial_" + tutorial["split"])])
    columns = [c for c in ("epoch", "seconds", "smoothed") if c in batches]
    return {**spec, "datasets": {
        "batches": batches[columns].assign(name=names["batch"]),
        "epochs": epochs.assign(name=epochs["series"].map(names)),
    }}


def filter_history(weights: Sequence[np.ndarray], epochs: Sequence[int], *, epoch_label: str,
                   filter_label: str, size: int = 46) -> alt.FacetChart:
    """conv1's kernels (LeNet: six 5 x 5; columns) at each recorded epoch (rows), on one diverging scale:
    red positive, blue negative, white zero. `epoch_label`/`filter_label` head the rows/columns."""
    frames = []
    for epoch, kernels in zip(epochs, weights, strict=True):
        kernels = np.asarray(kernels)
        for k, kernel in enumerate(kernels.reshape(-1, *kernels.shape[-2:])):
            frame = array_frame(kernel)
            frame["epoch"], frame["filter"] = int(epoch), k + 1
            frames.append(frame)
    frame = pd.concat(frames)
    limit = float(np.abs(frame["value"]).max()) or 1.0
    return alt.Chart(frame).mark_rect().encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
        color=alt.Color("value:Q", scale=alt.Scale(scheme="redblue", domain=[limit, -limit]), legend=None),
        tooltip=[alt.Tooltip("epoch:O", title=epoch_label), alt.Tooltip("filter:O", title=filter_label),
                 alt.Tooltip("value:Q", format=".3f")],
    ).properties(width=size, height=size).facet(
        row=alt.Row("epoch:O", title=epoch_label, header=alt.Header(labelAngle=0)),
        column=alt.Column("filter:O", title=filter_label),
        spacing=8,
    )


def confusion_chart(matrix: np.ndarray, *, true_title: str, predicted_title: str, count_title: str,
                    selected: tuple[int, int] | None = None, size: int = 380,
                    click_name: str | None = None) -> alt.LayerChart:
    """Counts by (true digit, predicted digit); the diagonal (right answers) in grey so the mistakes
    stand out in orange; each count written in its cell; `selected` outlined. `click_name` names a
    point selection on the cells (fields "true" and "predicted") for the page to react to."""
    matrix = np.asarray(matrix)
    frame = pd.DataFrame([
        {"true": str(t), "predicted": str(p), "count": int(matrix[t, p]), "right": t == p,
         "selected": selected == (t, p)}
        for t in range(matrix.shape[0]) for p in range(matrix.shape[1])
    ])
    wrong_max = int(frame.loc[~frame["right"], "count"].max()) or 1
    base = alt.Chart(frame).encode(
        x=alt.X("predicted:O", title=predicted_title, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("true:O", title=true_title),
        tooltip=[alt.Tooltip("true:O", title=true_title), alt.Tooltip("predicted:O", title=predicted_title),
                 alt.Tooltip("count:Q", title=count_title)],
    )
    cells = base.mark_rect(stroke="#eeeeee").encode(
        color=alt.condition(
            "datum.right || datum.count == 0", alt.value("#e6e6e6"),
            alt.Color("count:Q", scale=alt.Scale(scheme="oranges", domain=[0, wrong_max]), legend=None),
        ),
    )
    if click_name is not None:
        cells = cells.add_params(alt.selection_point(name=click_name, fields=["true", "predicted"]))
    outline = base.transform_filter("datum.selected").mark_rect(
        fillOpacity=0, stroke="#1f5fbf", strokeWidth=3)
    text = base.mark_text(fontSize=11).encode(
        text=alt.condition("datum.count > 0", alt.Text("count:Q"), alt.value("")),
        color=alt.condition(f"!datum.right && datum.count > {0.6 * wrong_max}", alt.value("white"),
                            alt.value("black")),
    )
    return alt.layer(cells, outline, text).properties(width=size, height=size)
