"""The design page's one-click experiments: run once per settings for the whole server, then drawn.

They train in this process under a spinner (not in the training worker pool): each takes well
under a minute at the budget below, and the cache makes every later visit instant.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.data import load_mnist, load_tensors
from core.design.experiments import ConvolutionResult, pixel_permutation, why_convolution
from core.pixels import enlarge
from core.training import TrainConfig

# the budget of every run in "Why convolution?" (tests shrink it: real training, just smaller)
CONVOLUTION_CONFIG = TrainConfig(epochs=2, train_size=2_000, lr=0.05, seed=0)
TEST_SIZE = 2_000  # test images each network is judged on
SHOWN_DIGITS = 5
RAN_KEY = "design.experiment.ran"  # the experiments this session has run (shown again on reruns)


@st.cache_resource(show_spinner=False, max_entries=8)
def convolution_result(config: TrainConfig, test_size: int) -> ConvolutionResult:
    """"Why convolution?" at this budget, trained once per server."""
    test_x, test_y = load_tensors(train=False)
    return why_convolution(load_tensors(train=True), (test_x[:test_size], test_y[:test_size]), config)


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
