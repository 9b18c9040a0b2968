"""The class board's charts: every shared run's test-accuracy curve laid over the others, coloured by
one recipe field, and the class's sweep (one setting against final accuracy).

Charts take plain rows (`board_rows`), never a learner's weights or handwriting. Nicknames and run
names reach a chart only as data (tooltips), which Vega draws as text. `big=True` is the projector's
type size, readable from the back of a room.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

LOG_SETTINGS = ("lr", "train_size")  # drawn on a log axis


def curve_frame(runs: list[dict], colour_by: str) -> pd.DataFrame:
    """Long form: one row per (shared run, epoch) with its test accuracy and the colouring value.

    `runs`: dicts with share_id, nickname, name, recipe (dict), epochs (list of {epoch, test_acc}),
    final_acc, mine (bool)."""
    rows = [{"share": run["share_id"], "who": run["nickname"], "run": run["name"], "epoch": row["epoch"],
             "accuracy": row["test_acc"], "value": str(run["recipe"].get(colour_by)), "mine": run["mine"]}
            for run in runs for row in run["epochs"]]
    return pd.DataFrame(rows, columns=["share", "who", "run", "epoch", "accuracy", "value", "mine"])


def curves_chart(runs: list[dict], colour_by: str, *, titles: dict[str, str], big: bool = False) -> alt.Chart:
    """Every shared run's test accuracy by epoch, one line a run, coloured by `colour_by`; the viewer's
    own runs drawn thicker."""
    frame = curve_frame(runs, colour_by)
    size = 22 if big else 13
    return alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("epoch:Q", title=titles["epoch"], axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("accuracy:Q", title=titles["accuracy"], scale=alt.Scale(zero=False)),
        color=alt.Color("value:N", title=titles["colour"], legend=alt.Legend(orient="bottom", columns=6)),
        detail="share:N",
        strokeWidth=alt.condition("datum.mine", alt.value(4), alt.value(1.6)),
        tooltip=[alt.Tooltip("who:N", title=titles["who"]), alt.Tooltip("run:N", title=titles["run"]),
                 alt.Tooltip("epoch:Q", title=titles["epoch"]),
                 alt.Tooltip("accuracy:Q", title=titles["accuracy"], format=".2f")],
    ).properties(height=420 if big else 300, description=titles["description"]).configure_axis(
        labelFontSize=size, titleFontSize=size).configure_legend(labelFontSize=size, titleFontSize=size)


def sweep_frame(runs: list[dict], setting: str) -> pd.DataFrame:
    """One row per shared run: the setting's value and the final accuracy (runs without it left out)."""
    rows = [{"share": run["share_id"], "value": run["recipe"].get(setting), "accuracy": run["final_acc"],
             "who": run["nickname"], "mine": run["mine"]}
            for run in runs if run["recipe"].get(setting) is not None]
    return pd.DataFrame(rows, columns=["share", "value", "accuracy", "who", "mine"])


def marked_as_mine(spec: dict, shares: set[str]) -> dict:
    """A copy of a board chart's spec (`to_dict()`) whose data rows of the viewer's own `shares` say
    `mine`, so one spec built per version of the class serves every viewer (copying rows costs far less
    than building the chart again)."""
    datasets = {name: [{**row, "mine": row.get("share") in shares} for row in rows]
                for name, rows in spec.get("datasets", {}).items()}
    return {**spec, "datasets": datasets}


def sweep_chart(runs: list[dict], setting: str, *, titles: dict[str, str], big: bool = False) -> alt.Chart:
    """Final accuracy against one setting, every run a point and the mean of each value a line: what
    the class sees together that one learner could not (the U over the learning rate)."""
    frame = sweep_frame(runs, setting)
    numeric = setting != "optimizer"
    kind = "Q" if numeric else "N"
    scale = alt.Scale(type="log") if setting in LOG_SETTINGS else alt.Scale(zero=False)
    x = alt.X(f"value:{kind}", title=titles["setting"], scale=scale if numeric else alt.Undefined)
    points = alt.Chart(frame).mark_circle(size=160 if big else 90, opacity=0.75).encode(
        x=x, y=alt.Y("accuracy:Q", title=titles["accuracy"], scale=alt.Scale(zero=False)),
        color=alt.condition("datum.mine", alt.value("#b02a37"), alt.value("#4c78a8")),
        tooltip=[alt.Tooltip("who:N", title=titles["who"]),
                 alt.Tooltip(f"value:{kind}", title=titles["setting"]),
                 alt.Tooltip("accuracy:Q", title=titles["accuracy"], format=".2f")],
    )
    means = alt.Chart(frame).mark_line(color="#171615", strokeDash=[6, 3]).encode(
        x=x, y=alt.Y("mean(accuracy):Q"))
    size = 22 if big else 13
    return (points + means).properties(height=360 if big else 260, description=titles["description"]) \
        .configure_axis(labelFontSize=size, titleFontSize=size)


def standings_chart(rows: list[dict], *, titles: dict[str, str], big: bool = False) -> alt.Chart:
    """The challenge's ranked runs as bars of validation accuracy, best on top, each labelled with its
    place, nickname and run (drawn by Vega as text) and its value; the test accuracy a tick beside it.

    `rows`: dicts with place, who, run, validation, test (the ranked runs only, in order)."""
    frame = pd.DataFrame([{**row, "label": f"{row['place']}. {row['who']} · {row['run']}"} for row in rows],
                         columns=["place", "who", "run", "validation", "test", "label"])
    size = 22 if big else 13
    y = alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=560 if big else 300))
    lowest = min([*frame["validation"], *frame["test"], 100.0])
    scale = alt.Scale(domain=[0 if lowest < 80 else lowest - 2, 100])  # close races drawn apart
    tooltip = [alt.Tooltip("who:N", title=titles["who"]), alt.Tooltip("run:N", title=titles["run"]),
               alt.Tooltip("validation:Q", title=titles["validation"], format=".2f"),
               alt.Tooltip("test:Q", title=titles["test"], format=".2f")]
    bars = alt.Chart(frame).mark_bar(color="#4c78a8").encode(
        x=alt.X("validation:Q", title=titles["validation"], scale=scale), y=y, tooltip=tooltip)
    values = bars.mark_text(align="left", dx=6, fontSize=size, color="#171615").encode(
        text=alt.Text("validation:Q", format=".2f"))
    tests = alt.Chart(frame).mark_tick(color="#b02a37", thickness=3, size=30 if big else 18).encode(
        x="test:Q", y=y, tooltip=tooltip)
    return (bars + values + tests).properties(
        height=alt.Step(56 if big else 30), description=titles["description"]).configure_axis(
        labelFontSize=size, titleFontSize=size)
