"""The animated part of the neuron page: its slots, one frame drawn into them, and play.

Split from pages/neuron.py so that bench/neuron_frame.py can time exactly what a frame does.
Per run (`prepare_views`) the three charts' specs are built once; per frame (`draw_frame`)
only the moving pieces are filled in: the step's numbers, its formulas and small tables.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st

from core import neuron
from core.i18n import Translator
from core.neuron import charts
from core.neuron.latex import PHASES, step_latex
from ui.chart_cache import computed_once

FRAME_KEY = "neuron.frame"  # the 0-based step shown
PLAYING_KEY = "neuron.playing"
T = TypeVar("T")
PLAY_SECONDS = 5.0  # a whole run plays in about this long, within the per-frame bounds below
FRAME_SECONDS = (0.08, 0.5)


@dataclass
class Views:
    """Everything a frame needs that stays the same through one run."""

    run: neuron.Descent
    x: float
    y_target: float
    lr: float
    map_spec: dict
    surface: dict  # the map's fixed datasets: "cells" and "contours"
    line_spec: dict
    line_domains: tuple
    loss_spec: dict
    labels: dict[str, str]


@dataclass
class Slots:
    """The st.empty() placeholders a frame fills."""

    progress: object
    phases: dict
    narration: object
    autograd: object
    line: object
    map: object
    loss: object


def prepare_views(run: neuron.Descent, x: float, y_target: float, lr: float, log_scale: bool,
                  t: Translator) -> Views:
    """Build the run's chart specs and fixed data (the expensive part, once per run)."""
    records = run.records
    labels = {"now_label": t("neuron.chart.line_now"), "next_label": t("neuron.chart.line_next"),
              "output_label": t("neuron.chart.output"), "target_label": t("neuron.chart.target")}
    w_range, b_range = neuron.path_bounds(records)
    ws, bs, losses = neuron.loss_surface(x, y_target, w_range, b_range)
    domains = charts.line_domains(records, x, y_target)
    return Views(
        run=run, x=x, y_target=y_target, lr=lr,
        map_spec=charts.descent_map_spec(ws, bs, w_title="w", b_title="b", loss_title=t("neuron.chart.loss"),
                                         step_title=t("neuron.chart.step")),
        surface=charts.surface_tables(ws, bs, losses),
        line_spec=charts.line_view_spec(domains, x_title="x", y_title="y", **labels),
        line_domains=domains,
        loss_spec=charts.loss_curve_spec(charts.loss_domain(records, log_scale), log_scale, run.steps_asked,
                                         step_title=t("neuron.chart.step"),
                                         loss_title=t("neuron.chart.loss")),
        labels=labels,
    )


def remembered(name: str, key: tuple, build: Callable[[], T]) -> T:
    """`build()`, computed once per server for each `key` (which includes the language): every
    learner who sets the same values, and every rerun, reuses the Altair work of the first."""
    return computed_once((name, *key), build)


def make_slots(t: Translator) -> Slots:
    """Lay out the frame: progress, the four phases, then the three views side by side."""
    progress = st.empty()
    phases = {}
    for number, phase in enumerate(PHASES, start=1):
        st.markdown(t(f"neuron.phase.{phase}", n=number))
        phases[phase] = st.empty()
    narration, autograd = st.empty(), st.empty()
    left, middle, right = st.columns(3)
    left.markdown(t("neuron.view.line"))
    middle.markdown(t("neuron.view.map"))
    right.markdown(t("neuron.view.loss"))
    return Slots(progress, phases, narration, autograd, left.empty(), middle.empty(), right.empty())


def draw_frame(slots: Slots, views: Views, k: int, t: Translator) -> None:
    """Fill the slots with step `k` (0-based) of the run."""
    records = views.run.records
    record = records[k]
    slots.progress.progress((k + 1) / len(records), text=t("neuron.frame.progress", step=record.step,
                                                             total=len(records)))
    for phase, formula in step_latex(record, views.x, views.y_target, views.lr).items():
        slots.phases[phase].latex(formula)
    slots.narration.info(narration(record, views, t))
    slots.autograd.markdown(autograd_check(record, views, t))
    numbers = {name: f"{getattr(record, name):.3g}" for name in ("w", "b", "y", "loss", "w_next", "b_next")}
    slots.line.vega_lite_chart(charts.with_data(views.line_spec, charts.line_view_tables(
        record, views.x, views.y_target, views.line_domains, **views.labels)), width="content",
        alt=t("neuron.chart.line_alt", step=record.step, x=f"{views.x:g}", target=f"{views.y_target:g}",
              **numbers))
    slots.map.vega_lite_chart(charts.with_data(views.map_spec, {
        **views.surface, "path": charts.path_table(records, k)}), width="content",
        alt=t("neuron.chart.map_alt", step=record.step, w=numbers["w"], b=numbers["b"]))
    slots.loss.vega_lite_chart(charts.with_data(views.loss_spec, charts.loss_table(records, k)),
                               width="content", alt=t("neuron.chart.loss_alt", step=record.step,
                                                      total=len(records), loss=numbers["loss"]))


def narration(record: neuron.Step, views: Views, t: Translator) -> str:
    """What this step's update does to the error, in words."""
    error = record.y - views.y_target
    error_next = record.w_next * views.x + record.b_next - views.y_target
    factor = neuron.error_factor(views.x, views.lr)
    fields = {"e": latex_free(error), "e_next": latex_free(error_next), "f": f"{factor:.3g}"}
    if error == 0:
        return t("neuron.frame.done")
    if factor >= 0:
        return t("neuron.frame.closer", **fields)
    if factor > -1:
        return t("neuron.frame.overshoot", **fields)
    return t("neuron.frame.grows", **fields)


def autograd_check(record: neuron.Step, views: Views, t: Translator) -> str:
    """torch.autograd's gradients for this step, and whether they agree with the formulas."""
    grad_w, grad_b = neuron.autograd_gradients(views.x, views.y_target, record.w, record.b)
    agree = neuron.gradients_agree((record.grad_w, record.grad_b), (grad_w, grad_b))
    key = "neuron.autograd.agree" if agree else "neuron.autograd.differ"
    return t(key, gw=f"{grad_w:.6g}", gb=f"{grad_b:.6g}")


def latex_free(value: float) -> str:
    """A number for running text (not LaTeX): six significant digits."""
    return f"{value:.6g}"


def frame_seconds(steps: int) -> float:
    """The pause between frames: a whole run takes about PLAY_SECONDS."""
    low, high = FRAME_SECONDS
    return min(max(PLAY_SECONDS / max(steps, 1), low), high)


def play(slots: Slots, views: Views, t: Translator) -> None:
    """Advance frame by frame to the end, saving the position each frame, so a click that
    interrupts (Pause, or any widget) resumes from here; then rerun to show the idle controls."""
    last = len(views.run.records) - 1
    pause = frame_seconds(last + 1)
    while st.session_state[FRAME_KEY] < last:
        time.sleep(pause)
        st.session_state[FRAME_KEY] += 1
        draw_frame(slots, views, st.session_state[FRAME_KEY], t)
    st.session_state[PLAYING_KEY] = False
    st.rerun()

