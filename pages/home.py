"""Home: what a neural network is, what training means, and the learning path."""

from __future__ import annotations

import streamlit as st

from core.home.artificial_neuron import neuron_output
from core.home.network_diagram import GAP, Layer
from ui import concept_check
from ui.charts.home import network_chart
from ui.navigation import PAGES
from ui.state import translator

EXAMPLE_INPUTS = (0.5, 0.8, 0.2)  # the fixed inputs of the try-it neuron

t = translator()


def layers() -> None:
    """Input, hidden and output layers of a network that reads a digit, drawn by code."""
    st.header(t("home.layers.header"))
    text_column, diagram_column = st.columns([2, 3], gap="large")
    text_column.markdown(t("home.layers.body"))
    mnist_network = [
        Layer(t("home.layers.input"), ("x₁", "x₂", "x₃", GAP, "x₇₈₃", "x₇₈₄")),
        Layer(t("home.layers.hidden"), tuple(f"h{i}" for i in range(1, 7))),
        Layer(t("home.layers.output"), tuple(str(d) for d in range(10))),
    ]
    diagram_column.vega_lite_chart(
        network_chart(mnist_network, weight_title=t("home.layers.weight"), width=520, height=380),
        width="content", alt=t("home.layers.chart_alt"),
    )
    diagram_column.caption(t("home.layers.caption"))


def one_neuron() -> None:
    """One neuron's weighted sum and activation, with sliders for its weights and bias."""
    st.header(t("home.neuron.header"))
    st.markdown(t("home.neuron.body"))
    st.latex(r"z = w_1 x_1 + w_2 x_2 + w_3 x_3 + b \qquad a = f(z)")
    diagram_column, controls_column = st.columns([2, 3], gap="large")
    x1, x2, x3 = EXAMPLE_INPUTS
    controls_column.write(t("home.neuron.try", x1=x1, x2=x2, x3=x3))
    weights = [
        controls_column.slider(t("home.neuron.weight", i=i), -2.0, 2.0, default, 0.1,
                               key=f"home.w{i}", persist_state="session")
        for i, default in ((1, 0.9), (2, -0.4), (3, 0.6))
    ]
    bias = controls_column.slider(t("home.neuron.bias"), -2.0, 2.0, 0.1, 0.1, key="home.bias",
                                  persist_state="session")
    activation = controls_column.radio(
        t("home.neuron.activation"), ["relu", "sigmoid"], format_func=lambda name: t(f"home.neuron.{name}"),
        horizontal=True, key="home.activation", persist_state="session",
    )
    neuron = [Layer(t("home.neuron.inputs"), ("x₁", "x₂", "x₃")), Layer(t("home.neuron.cell"), ("a",))]
    weight_fields = {f"w{i}": f"{w:g}" for i, w in enumerate(weights, start=1)}
    diagram_column.vega_lite_chart(  # drawn with the sliders' weights, so the lines follow them
        network_chart(neuron, weights=weights, weight_title=t("home.layers.weight"), width=300, height=220),
        width="content", alt=t("home.neuron.chart_alt", **weight_fields),
    )
    z, a = neuron_output(EXAMPLE_INPUTS, weights, bias, activation)
    sum_column, output_column = controls_column.columns(2)
    sum_column.metric(t("home.neuron.sum"), f"{z:.3f}")
    output_column.metric(t("home.neuron.out"), f"{a:.3f}")


def what_training_means() -> None:
    """Forward pass, loss, backward pass, update, and the rule that moves each weight."""
    st.header(t("home.training.header"))
    st.write(t("home.training.body"))
    for column, step in zip(st.columns(4), ("forward", "loss", "backward", "update"), strict=True):
        with column.container(border=True):
            st.markdown(f"**{t(f'home.training.{step}')}**")
            st.write(t(f"home.training.{step}_body"))
    st.write(t("home.training.rule"))
    st.latex(r"w \leftarrow w - \eta \, \frac{\partial L}{\partial w}")
    st.markdown(t("home.training.after"))


def the_learning_path() -> None:
    """Every lesson after this page, with a link and a line about it."""
    st.header(t("home.path.header"))
    st.write(t("home.path.body"))
    for stem, icon in PAGES[1:]:  # the learning path, after this page
        if stem == "check":
            continue  # offered in its own section just above
        link_column, about_column = st.columns([1, 2], vertical_alignment="center")
        link_column.page_link(f"pages/{stem}.py", label=t(f"nav.{stem}"), icon=icon)
        about_column.write(t(f"home.path.{stem}"))


# --- the page ------------------------------------------------------------------------------------

st.title(t("home.title"))
st.write(t("home.intro"))
layers()
one_neuron()
what_training_means()
concept_check.home_offer(t)  # form A before the lessons, form B after
the_learning_path()
