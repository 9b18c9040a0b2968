"""The experiment bench's chart: the selected runs' curves laid over each other, one colour a run."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from core.training.curves import TUTORIAL_TEST_ACC, TUTORIAL_TRAIN_LOSS
from core.training.record import RunRecord

# Tableau's ten colours and two more: the store holds at most 12 runs
RUN_COLOURS = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6",
               "#9d755d", "#bab0ac", "#1f5fbf", "#7f3c8d"]


def overlay_frame(runs: Sequence[RunRecord], labels: Sequence[str]) -> pd.DataFrame:
    """Per-epoch training loss and test accuracy of each run, long form: run, epoch, metric, value.

    A run's curve starts at epoch 0 when it has a starting point to draw (a branch starts at its
    parent's epoch, because its record holds its parent's first epochs)."""
    records = []
    for run, label in zip(runs, labels, strict=True):
        for row in run.curves.epochs:
            records.append({"run": label, "epoch": row["epoch"], "metric": "loss",
                            "value": row["train_loss"]})
            records.append({"run": label, "epoch": row["epoch"], "metric": "accuracy",
                            "value": row["test_acc"]})
    return pd.DataFrame(records, columns=["run", "epoch", "metric", "value"])


def tutorial_overlay_frame(label: str) -> pd.DataFrame:
    """The tutorial's published run in the same long form."""
    records = [{"run": label, "epoch": e + 1, "metric": "loss", "value": v}
               for e, v in enumerate(TUTORIAL_TRAIN_LOSS)]
    records += [{"run": label, "epoch": e + 1, "metric": "accuracy", "value": v}
                for e, v in enumerate(TUTORIAL_TEST_ACC)]
    return pd.DataFrame(records)


def overlay_chart(frame: pd.DataFrame, *, colours: dict[str, str], loss_title: str, accuracy_title: str,
                  epoch_title: str, run_title: str, reference: pd.DataFrame | None = None,
                  width: int = 380, height: int = 260) -> alt.HConcatChart:
    """Training loss (left) and test accuracy (right) against epochs, one coloured line per run; the
    optional `reference` run (the tutorial's) dashed grey. `colours` maps each run label to its colour."""
    domain = list(colours)
    scale = alt.Scale(domain=domain, range=[colours[d] for d in domain])
    colour = alt.Color("run:N", title=run_title, scale=scale,
                       legend=alt.Legend(orient="bottom", columns=3, labelLimit=260))

    def panel(metric: str, title: str) -> alt.LayerChart:
        lines = alt.Chart(frame[frame["metric"] == metric]).mark_line(point=True).encode(
            x=alt.X("epoch:Q", title=epoch_title, axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y("value:Q", title=title, scale=alt.Scale(zero=False)),
            color=colour,
            tooltip=[alt.Tooltip("run:N", title=run_title), alt.Tooltip("epoch:Q", title=epoch_title),
                     alt.Tooltip("value:Q", title=title, format=".4g")],
        )
        layers = [lines]
        if reference is not None:
            layers.insert(0, alt.Chart(reference[reference["metric"] == metric]).mark_line(
                color="#888888", strokeDash=[5, 4]).encode(x="epoch:Q", y="value:Q",
                                                          tooltip=[alt.Tooltip("run:N", title=run_title)]))
        return alt.layer(*layers).properties(width=width, height=height)

    return alt.hconcat(panel("loss", loss_title), panel("accuracy", accuracy_title))


def filters_image(kernels: np.ndarray, scale: int = 10, gap: int = 4) -> np.ndarray:
    """The first convolution's kernels `[k, h, w]` side by side as one RGB picture on a diverging
    scale (red positive, blue negative, white zero; the largest magnitude full colour): a picture,
    not a chart, so moving the replay slider redraws it in a millisecond."""
    kernels = np.asarray(kernels, dtype=np.float32)
    kernels = kernels.reshape(-1, *kernels.shape[-2:])
    limit = float(np.abs(kernels).max()) or 1.0
    strength = np.abs(kernels) / limit  # 0 white .. 1 full colour
    positive = kernels >= 0
    rgb = np.empty((*kernels.shape, 3), dtype=np.float32)
    rgb[..., 0] = np.where(positive, 1.0, 1.0 - 0.8 * strength)  # red stays for positive weights
    rgb[..., 1] = 1.0 - 0.8 * strength
    rgb[..., 2] = np.where(positive, 1.0 - 0.8 * strength, 1.0)  # blue stays for negative weights
    tiles = [np.kron(tile, np.ones((scale, scale, 1), dtype=np.float32)) for tile in rgb]
    side = kernels.shape[-1] * scale
    picture = np.ones((kernels.shape[-2] * scale, len(tiles) * (side + gap) - gap, 3), dtype=np.float32)
    for i, tile in enumerate(tiles):
        picture[:, i * (side + gap): i * (side + gap) + side] = tile
    return (picture * 255).round().astype(np.uint8)
