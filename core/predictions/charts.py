"""Altair charts of the prompts: the curve a learner expects (over the real one once it is known), a
digit to pick a pixel on, and the marks that show a picked point and the true one on a map.

Every chart takes its (already translated) words as arguments; none holds words of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

GUESS_COLOUR = "#7c3aed"  # the learner's own: a violet no other chart of the app uses
REAL_COLOUR = "#e4572e"  # the training chart's test-accuracy orange
TRUTH_COLOUR = "#f59e0b"  # the convolution page's amber
PICK_NAME = "pixel"  # the point selection a click on the digit makes (fields "row" and "col")


def curve_chart(guess: Sequence[Sequence[float]], real: Sequence[Sequence[float]] | None = None, *,
                guess_name: str, real_name: str, epoch_title: str, accuracy_title: str,
                width: int = 380, height: int = 240) -> alt.LayerChart:
    """The expected test-accuracy curve ([epoch, accuracy] points, dashed, violet), and once a run has
    finished its real curve (solid, the training chart's orange), with a legend naming both."""
    rows = [{"epoch": e, "accuracy": a, "series": guess_name} for e, a in guess]
    rows += [{"epoch": e, "accuracy": a, "series": real_name} for e, a in real or ()]
    frame = pd.DataFrame(rows)
    names = [guess_name] + ([real_name] if real else [])
    colour = alt.Color("series:N", title=None, sort=names,
                       scale=alt.Scale(domain=names, range=[GUESS_COLOUR, REAL_COLOUR][: len(names)]),
                       legend=alt.Legend(orient="bottom"))
    lowest = min(a for _, a in [*guess, *(real or ())])
    # while the sliders move, a steady 0-100 axis; once the real curve is there, room for its detail
    bottom = max(0.0, np.floor(lowest / 5) * 5 - 5) if real else 0.0
    base = alt.Chart(frame).encode(
        x=alt.X("epoch:Q", title=epoch_title, axis=alt.Axis(tickMinStep=1),
                scale=alt.Scale(domainMin=1, nice=False)),  # the first value is after epoch 1
        y=alt.Y("accuracy:Q", title=accuracy_title,
                scale=alt.Scale(domain=[bottom, 100])),
        color=colour,
        tooltip=[alt.Tooltip("series:N", title=" "), alt.Tooltip("epoch:Q", title=epoch_title, format=".2~f"),
                 alt.Tooltip("accuracy:Q", title=accuracy_title, format=".1f")],
    )
    dashed = alt.condition(alt.datum.series == guess_name, alt.value([6, 4]), alt.value([0]))
    return alt.layer(
        base.mark_line(strokeWidth=2.5).encode(strokeDash=dashed),
        base.mark_point(filled=True, size=70),
    ).properties(width=width, height=height)


def point_marks(points: Sequence[Sequence[int]], *, truth: bool, shape: tuple[int, int] | None = None
                ) -> alt.Chart | None:
    """Marks to layer on a map drawn with "row:O" and "col:O": an open ring for a guess, an amber
    cross for the truth; points outside `shape` (rows, cols) are left out (None if none is left)."""
    inside = [(int(r), int(c)) for r, c in points
              if shape is None or (0 <= r < shape[0] and 0 <= c < shape[1])]
    if not inside:
        return None
    frame = pd.DataFrame(inside, columns=["row", "col"])
    base = alt.Chart(frame).encode(x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None))
    if truth:
        halo = base.mark_point(shape="cross", size=260, filled=True, color="white", opacity=1)
        return alt.layer(halo, base.mark_point(shape="cross", size=150, filled=True, color=TRUTH_COLOUR,
                                               opacity=1))
    halo = base.mark_point(shape="circle", size=320, filled=False, color="white", strokeWidth=5, opacity=1)
    return alt.layer(halo, base.mark_point(shape="circle", size=320, filled=False, color=GUESS_COLOUR,
                                           strokeWidth=2.5, opacity=1))


def pick_chart(image: np.ndarray, pick: Sequence[int] | None, *, title: str, row_title: str,
               col_title: str, size: int = 280) -> alt.LayerChart:
    """A digit (values in [0, 1], dark ink on white) to click a pixel on, with the pick ringed; the
    click is the point selection PICK_NAME on the fields "row" and "col" (counted from 0)."""
    values = np.asarray(image, dtype=float)
    rows, cols = np.indices(values.shape)
    frame = pd.DataFrame({"row": rows.ravel(), "col": cols.ravel(), "value": np.round(values.ravel(), 3),
                          "row_shown": rows.ravel() + 1, "col_shown": cols.ravel() + 1})
    cells = alt.Chart(frame).mark_rect(stroke="#e5e7eb", strokeWidth=0.4).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
        color=alt.Color("value:Q", scale=alt.Scale(domain=[0, 1], range=["white", "black"]), legend=None),
        tooltip=[alt.Tooltip("row_shown:O", title=row_title), alt.Tooltip("col_shown:O", title=col_title)],
    ).add_params(alt.selection_point(name=PICK_NAME, fields=["row", "col"], on="click"))
    layers = [cells]
    ring = None if pick is None else point_marks([pick], truth=False)
    if ring is not None:
        layers.append(ring)
    return alt.layer(*layers).properties(width=size, height=size, title=title)


def _marked(chart: alt.Chart, shape: tuple[int, int], guess: Sequence[int] | None,
            truths: Sequence[Sequence[int]], offset: tuple[int, int] = (0, 0)) -> alt.Chart | alt.LayerChart:
    """`chart` (a map) with the guess ringed and the true points crossed, moved by `offset` into
    the map's own pixels."""
    def moved(points):
        return [(r - offset[0], c - offset[1]) for r, c in points]
    marks = [point_marks(moved(truths), truth=True, shape=shape)]
    if guess is not None:
        marks.append(point_marks(moved([guess]), truth=False, shape=shape))
    marks = [m for m in marks if m is not None]
    return alt.layer(chart, *marks) if marks else chart


def marked_stages(image: np.ndarray, filtered: np.ndarray, rectified: np.ndarray, pooled: np.ndarray, *,
                  titles: tuple[str, str, str, str], guess: Sequence[int] | None,
                  truths: Sequence[Sequence[int]], offset: tuple[int, int],
                  size: int = 180) -> alt.HConcatChart:
    """The convolution page's four stages (core.convolution.charts.filter_stages) with the learner's
    pick (a digit pixel) ringed and the brightest windows' centres crossed, on the digit and on the
    filtered map (`offset`: how far the map's pixels are from the digit's at their window's centre)."""
    from core.convolution.charts import image_map, positive_map, signed_map

    return alt.hconcat(
        _marked(image_map(image, titles[0], size), image.shape, guess, truths),
        _marked(signed_map(filtered, titles[1], size), filtered.shape, guess, truths, offset),
        positive_map(rectified, titles[2], size),
        positive_map(pooled, titles[3], size),
    ).resolve_scale(color="independent")
