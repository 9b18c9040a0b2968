"""The design page's one-click experiments: run once per settings for the whole server, then drawn.

They train in this process under a spinner (not in the training worker pool), on one thread: on
a busy 2-core machine two threads fighting other processes made them 15 times slower, and these
small networks gain little from a second one. Each takes seconds at the budgets below
(bench/design_experiments.py), and the cache makes every later visit instant.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pandas as pd
import streamlit as st
import torch

from core.data import load_mnist, load_tensors
from core.design import charts, experiments
from core.design.experiments import (
    ActivationResult,
    ConvolutionResult,
    pixel_permutation,
    why_convolution,
    why_relu,
)
from core.pixels import enlarge
from core.training import TrainConfig

# the budgets of the two experiments (tests shrink them: real training, just smaller)
CONVOLUTION_CONFIG = experiments.CONVOLUTION_BUDGET
RELU_CONFIG = experiments.RELU_BUDGET
TEST_SIZE = experiments.TEST_SIZE
SHOWN_DIGITS = 5
RAN_KEY = "design.experiment.ran"  # the experiments this session has run (shown again on reruns)


@contextmanager
def one_thread() -> Iterator[None]:
    """Torch on one thread for the block's duration."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def first_test_images(size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The first `size` test images and labels."""
    test_x, test_y = load_tensors(train=False)
    return test_x[:size], test_y[:size]


@st.cache_resource(show_spinner=False, max_entries=8)
def convolution_result(config: TrainConfig, test_size: int) -> ConvolutionResult:
    """"Why convolution?" at this budget, trained once per server."""
    with one_thread():
        return why_convolution(load_tensors(train=True), first_test_images(test_size), config)


@st.cache_resource(show_spinner=False, max_entries=8)
def relu_result(config: TrainConfig, test_size: int) -> ActivationResult:
    """"Why ReLU?" at this budget, trained once per server."""
    with one_thread():
        return why_relu(load_tensors(train=True), first_test_images(test_size), config)


def shuffled_digits(count: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The first `count` test digits as they are and with the experiment's pixel shuffle, enlarged."""
    images = load_mnist(train=False)[0][:count]
    order = pixel_permutation(CONVOLUTION_CONFIG.seed).numpy()
    shuffled = images.reshape(count, -1)[:, order].reshape(images.shape)
    return [enlarge(i, 3) for i in images], [enlarge(i, 3) for i in shuffled]


def ran(name: str) -> bool:
    """Whether this session has pressed the experiment's button (its result is cached by then)."""
    return name in st.session_state.get(RAN_KEY, set())


def mark_ran(name: str) -> None:
    st.session_state[RAN_KEY] = st.session_state.get(RAN_KEY, set()) | {name}


def convolution_section(t) -> None:
    """ "Why convolution?": the shuffled digits, one button, the 2 × 2 table and what it shows."""
    st.header(t("design.conv.header"))
    st.write(t("design.conv.body"))
    originals, shuffled = shuffled_digits(SHOWN_DIGITS)
    left, right = st.columns(2)
    left.image(originals, caption=[t("design.conv.original")] * SHOWN_DIGITS)
    right.image(shuffled, caption=[t("design.conv.shuffled")] * SHOWN_DIGITS)
    config = CONVOLUTION_CONFIG
    st.caption(t("design.conv.budget", images=f"{config.train_size:,}", epochs=config.epochs,
                 tests=f"{TEST_SIZE:,}"))
    if st.button(t("design.conv.button"), key="design.conv.run"):
        mark_ran("convolution")
    if not ran("convolution"):
        return
    with st.spinner(t("design.conv.running")):
        result = convolution_result(config, TEST_SIZE)
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
    if st.button(t("design.relu.button"), key="design.relu.run"):
        mark_ran("relu")
    if not ran("relu"):
        return
    with st.spinner(t("design.relu.running")):
        result = relu_result(config, TEST_SIZE)
    names = {fn: t(f"design.relu.fn.{fn}", accuracy=f"{result.accuracy[fn]:.1f}") for fn in result.losses}
    legend = t("design.relu.legend")
    losses, gradients = st.columns(2, gap="large")
    losses.subheader(t("design.relu.loss.header"))
    losses.altair_chart(charts.loss_chart(result, names, t("design.relu.loss.step"),
                                          t("design.relu.loss.loss"), legend), width="stretch")
    gradients.subheader(t("design.relu.gradient.header"))
    gradients.altair_chart(charts.gradient_chart(result, names, t("design.relu.gradient.layer"),
                                                 t("design.relu.gradient.size"), legend), width="stretch")
    first = {fn: float(result.gradients[fn][:, 0].mean()) for fn in result.gradients}
    st.info(t("design.relu.explain", ratio=f"{first['relu'] / first['sigmoid']:,.0f}"))
