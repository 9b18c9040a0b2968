"""The design page's one-click experiments: run once per settings for the whole server, then drawn.

They train in the training worker pool, as a training run does, while the page waits under a
spinner: the server's interpreter stays free for other learners' pages, and the server's torch
settings are left alone. Each takes seconds at the budgets below (bench/design_experiments.py);
when a learner's run holds every worker, the experiment waits its turn. The cache makes every
later visit instant.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from core.data import load_mnist
from core.design import charts, experiments
from core.design.experiments import (
    ActivationResult,
    ConvolutionResult,
    experiment_job,
    pixel_permutation,
)
from core.pixels import enlarge
from core.training import TrainConfig
from ui.pictures import digit_alt
from ui.training_pool import training_pool

# the budgets of the two experiments (tests shrink them: real training, just smaller)
CONVOLUTION_CONFIG = experiments.CONVOLUTION_BUDGET
RELU_CONFIG = experiments.RELU_BUDGET
TEST_SIZE = experiments.TEST_SIZE
SHOWN_DIGITS = 5
RAN_KEY = "design.experiment.ran"  # the experiments this session has run (shown again on reruns)


class ExperimentFailed(RuntimeError):
    """The worker running an experiment failed or died (the page says so in the learner's words)."""

    def __init__(self, name: str, state: str, error: str | None):
        super().__init__(f"the {name} experiment ended without a result ({state}): {error}")
        self.state = state


def in_worker(name: str, config: TrainConfig, test_size: int):
    """Run one experiment in the training worker pool and wait for its result."""
    run = training_pool().submit(experiment_job, name, config, test_size)
    for result in run.events():
        return result
    raise ExperimentFailed(name, run.state, run.error)


@st.cache_resource(show_spinner=False, max_entries=8)
def convolution_result(config: TrainConfig, test_size: int) -> ConvolutionResult:
    """"Why convolution?" at this budget, trained once per server."""
    return in_worker("convolution", config, test_size)


@st.cache_resource(show_spinner=False, max_entries=8)
def relu_result(config: TrainConfig, test_size: int) -> ActivationResult:
    """"Why ReLU?" at this budget, trained once per server."""
    return in_worker("relu", config, test_size)


def waited_for(result: Callable[[], Any], running: str, t) -> Any | None:
    """An experiment's result, waited for under a spinner saying `running` (or, when every
    training worker is busy, that it waits for one); None, after a translated message, when its
    worker failed (not cached: the button runs it again)."""
    pool = training_pool()
    if pool.busy >= pool.size:
        running = t("design.experiment.waiting")
    try:
        with st.spinner(running):
            return result()
    except ExperimentFailed as err:
        st.error(t("design.experiment.failed", state=err.state))
        return None


def shuffled_digits(count: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The first `count` test digits as they are and with the experiment's pixel shuffle, enlarged."""
    images = load_mnist(train=False)[0][:count]
    order = pixel_permutation(CONVOLUTION_CONFIG.seed).numpy()
    shuffled = images.reshape(count, -1)[:, order].reshape(images.shape)
    return [enlarge(i, 3) for i in images], [enlarge(i, 3) for i in shuffled]


def asked_for(name: str, label: str, key: str) -> bool:
    """The experiment's button; whether this session has pressed it, now or on an earlier run
    (its result then stays on show)."""
    if st.button(label, key=key):
        st.session_state[RAN_KEY] = st.session_state.get(RAN_KEY, set()) | {name}
    return name in st.session_state.get(RAN_KEY, set())


def convolution_section(t) -> None:
    """ "Why convolution?": the shuffled digits, one button, the 2 × 2 table and what it shows."""
    st.header(t("design.conv.header"))
    st.write(t("design.conv.body"))
    originals, shuffled = shuffled_digits(SHOWN_DIGITS)
    labels = load_mnist(train=False)[1][:SHOWN_DIGITS]
    left, right = st.columns(2)
    left.image(originals, caption=[t("design.conv.original")] * SHOWN_DIGITS,
               alt=[digit_alt(t, int(label), i) for i, label in enumerate(labels)])
    right.image(shuffled, caption=[t("design.conv.shuffled")] * SHOWN_DIGITS,
                alt=[t("design.conv.shuffled_alt", index=i) for i in range(SHOWN_DIGITS)])
    config = CONVOLUTION_CONFIG
    st.caption(t("design.conv.budget", images=f"{config.train_size:,}", epochs=config.epochs,
                 tests=f"{TEST_SIZE:,}"))
    if not asked_for("convolution", t("design.conv.button"), key="design.conv.run"):
        return
    result = waited_for(lambda: convolution_result(config, TEST_SIZE), t("design.conv.running"), t)
    if result is None:
        return
    acc = result.accuracy
    st.dataframe(pd.DataFrame({
        t("design.conv.col.network"): [t("design.preset.mlp"), t("design.preset.lenet")],
        t("design.conv.col.parameters"): [f"{result.parameters[n]:,}" for n in ("mlp", "lenet")],
        t("design.conv.col.original"): [f"{acc[(n, False)]:.1f}%" for n in ("mlp", "lenet")],
        t("design.conv.col.shuffled"): [f"{acc[(n, True)]:.1f}%" for n in ("mlp", "lenet")],
    }), hide_index=True)
    st.info(t("design.conv.explain"))


def relu_section(t) -> None:
    """ "Why ReLU?": one button, the two loss curves, each layer's gradient size, and why."""
    st.header(t("design.relu.header"))
    st.write(t("design.relu.body"))
    config = RELU_CONFIG
    st.caption(t("design.relu.budget", images=f"{config.train_size:,}", epochs=config.epochs,
                 lr=config.lr))
    if not asked_for("relu", t("design.relu.button"), key="design.relu.run"):
        return
    result = waited_for(lambda: relu_result(config, TEST_SIZE), t("design.relu.running"), t)
    if result is None:
        return
    names = {fn: t(f"design.relu.fn.{fn}", accuracy=f"{result.accuracy[fn]:.1f}") for fn in result.losses}
    legend = t("design.relu.legend")
    losses, gradients = st.columns(2, gap="large")
    losses.subheader(t("design.relu.loss.header"))
    first = {fn: float(result.gradients[fn][:, 0].mean()) for fn in result.gradients}
    ratio = f"{first['relu'] / first['sigmoid']:,.0f}"
    losses.altair_chart(charts.loss_chart(result, names, t("design.relu.loss.step"),
                                          t("design.relu.loss.loss"), legend), width="stretch",
                        alt=t("design.relu.loss_alt"))
    gradients.subheader(t("design.relu.gradient.header"))
    gradients.altair_chart(charts.gradient_chart(result, names, t("design.relu.gradient.layer"),
                                                 t("design.relu.gradient.size"), legend), width="stretch",
                           alt=t("design.relu.gradient_alt", ratio=ratio))
    st.info(t("design.relu.explain", ratio=ratio))
