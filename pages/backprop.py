"""Backpropagation: a 2-2-1 network's backward pass one node at a time, checked by torch.autograd."""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from core.backprop import charts, small_network
from core.backprop.formulas import NETWORK_LATEX, step_latex
from core.backprop.small_network import PARAMETERS, Example, Weights
from core.neuron.latex import latex_number
from ui.charts import backprop as cached
from ui.state import reduced_motion, translator

t = translator()
EXAMPLE_FIELDS = ("x1", "x2", "target")
DEFAULTS = {**{f"backprop.{k}": v for k, v in Weights().as_dict().items()},
            **{f"backprop.{k}": getattr(Example(), k) for k in EXAMPLE_FIELDS},
            "backprop.fn": "relu", "backprop.lr": 0.1}
FRAME_KEY = "backprop.frame"  # the backward step shown, 0 = the loss
PLAYING_KEY = "backprop.playing"
RUN_KEY = "backprop.run_key"  # the settings stepped through: new settings start again from L
STEPS = 15  # L, y, c, v1, v2, h1, h2, z1, z2 and six hidden-layer parameters
FRAME_SECONDS = 0.6
LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 1.0)


def start_values() -> None:
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    st.session_state.setdefault(FRAME_KEY, 0)
    st.session_state.setdefault(PLAYING_KEY, False)


def restore_defaults() -> None:
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


# --- part 1: the small network ------------------------------------------------------------------

def parameter_slider(column, name: str) -> float:
    label = charts.LABELS.get(name, name)
    return column.slider(label, -2.0, 2.0, step=0.1, key=f"backprop.{name}", persist_state="session")


def the_setup() -> tuple[Weights, Example, str]:
    """The activation, the example and the nine parameters, as the learner set them."""
    st.header(t("backprop.small.header"))
    st.write(t("backprop.small.explain"))
    for line in NETWORK_LATEX:
        st.latex(line)
    fn = st.segmented_control(t("backprop.small.activation"), small_network.ACTIVATIONS, required=True,
                              format_func=lambda f: t(f"backprop.fn.{f}"), key="backprop.fn",
                              persist_state="session")
    st.markdown(f"**{t('backprop.small.example')}**")
    x1, x2, target = st.columns(3)
    example = Example(parameter_slider(x1, "x1"), parameter_slider(x2, "x2"),
                      target.slider(t("backprop.small.target"), -2.0, 2.0, step=0.1, key="backprop.target",
                                    persist_state="session"))
    st.markdown(f"**{t('backprop.small.weights')}**")
    values = {}
    for column, title, names in zip(st.columns(3), ("hidden1", "hidden2", "output"),
                                    (PARAMETERS[:3], PARAMETERS[3:6], PARAMETERS[6:]), strict=True):
        column.caption(t(f"backprop.small.{title}"))
        for name in names:
            values[name] = parameter_slider(column, name)
    st.button(t("backprop.small.defaults"), key="backprop.defaults", on_click=restore_defaults,
              icon=":material/restart_alt:")
    weights = Weights(**values)
    f = small_network.forward(weights, example, fn)
    st.markdown(t("backprop.small.forward", **{k: latex_number(getattr(f, k), 4)
                                               for k in ("z1", "z2", "h1", "h2", "y", "loss")}))
    return weights, example, fn


def on_play() -> None:
    if st.session_state[FRAME_KEY] >= STEPS - 1:
        st.session_state[FRAME_KEY] = 0
    st.session_state[PLAYING_KEY] = True


def on_pause() -> None:
    st.session_state[PLAYING_KEY] = False


def on_step() -> None:
    st.session_state[PLAYING_KEY] = False
    st.session_state[FRAME_KEY] = min(st.session_state[FRAME_KEY] + 1, STEPS - 1)


def on_back() -> None:
    st.session_state[PLAYING_KEY] = False
    st.session_state[FRAME_KEY] = max(st.session_state[FRAME_KEY] - 1, 0)


def on_reset() -> None:
    st.session_state[PLAYING_KEY] = False
    st.session_state[FRAME_KEY] = 0


def the_controls(run_key: tuple) -> bool:
    """Play / Pause (not under reduced motion), Undo, Step, Reset; returns whether playing."""
    if st.session_state.get(RUN_KEY) != run_key:  # new settings: start again from the loss
        st.session_state[RUN_KEY] = run_key
        on_reset()
    still = reduced_motion()
    if still:
        st.session_state[PLAYING_KEY] = False
    playing, frame = st.session_state[PLAYING_KEY], st.session_state[FRAME_KEY]
    row = st.container(horizontal=True)
    if not still:
        row.button(t("backprop.play"), key="backprop.play", icon=":material/play_arrow:", on_click=on_play,
                   disabled=playing, type="primary")
        row.button(t("backprop.pause"), key="backprop.pause", icon=":material/pause:", on_click=on_pause,
                   disabled=not playing)
    row.button(t("backprop.back"), key="backprop.back", icon=":material/skip_previous:", on_click=on_back,
               disabled=frame == 0)
    row.button(t("backprop.step"), key="backprop.step", icon=":material/skip_next:", on_click=on_step,
               disabled=frame >= STEPS - 1, type="primary" if still else "secondary")
    row.button(t("backprop.reset"), key="backprop.reset", icon=":material/replay:", on_click=on_reset)
    if still:
        st.caption(t("backprop.still"))
    return playing


def draw_frame(slots: list, steps: list, values: dict[str, float], frame: int) -> None:
    """The graph with the backward pass at `frame`, the step's formula and its rule."""
    progress, graph, formula, rule = slots
    step = steps[frame]
    reached = {s.node: s.gradient for s in steps[: frame + 1]}
    progress.progress((frame + 1) / len(steps), text=t("backprop.progress", step=frame + 1, total=len(steps),
                                                       node=charts.LABELS[step.node]))
    nodes, edges = charts.graph_tables(values, reached, step.node, t("backprop.graph.target"))
    forward = ", ".join(f"{charts.LABELS.get(k, k)} = {v:.3g}" for k, v in values.items() if k != "target")
    gradients = ", ".join(f"{charts.LABELS[k]}: {v:.3g}" for k, v in reached.items())
    alt_text = t("backprop.graph.alt", forward=forward, step=frame + 1, total=len(steps), gradients=gradients)
    graph.vega_lite_chart(cached.computation_graph(nodes, edges), width="content",
                          alt=alt_text)
    formula.latex(step_latex(step, values))
    rule.info(t(f"backprop.rule.{step.local_rule}"))


def the_graph(weights: Weights, example: Example, fn: str) -> tuple[list, list, dict, bool]:
    """The computation graph and the step controls; returns what the animation needs."""
    st.subheader(t("backprop.graph.header"))
    st.write(t("backprop.graph.explain"))
    playing = the_controls((weights, example, fn))
    steps = small_network.backward(weights, example, fn)
    values = small_network.node_values(weights, example, fn)
    slots = [st.empty(), st.empty(), st.empty(), st.empty()]
    draw_frame(slots, steps, values, st.session_state[FRAME_KEY])
    return slots, steps, values, playing


def the_check(weights: Weights, example: Example, fn: str) -> None:
    """The parameters reached so far beside torch.autograd's; all nine agree at the end."""
    st.subheader(t("backprop.check.header"))
    steps = small_network.backward(weights, example, fn)[: st.session_state[FRAME_KEY] + 1]
    hand = {s.node: s.gradient for s in steps if s.node in PARAMETERS}
    if len(hand) < len(PARAMETERS):
        st.caption(t("backprop.check.waiting", done=len(hand)))
        return
    auto = small_network.autograd_gradients(weights, example, fn)
    st.dataframe(pd.DataFrame({
        t("backprop.col.parameter"): [charts.LABELS[p] for p in PARAMETERS],
        t("backprop.col.hand"): [f"{hand[p]:.9g}" for p in PARAMETERS],
        t("backprop.col.autograd"): [f"{auto[p]:.9g}" for p in PARAMETERS],
    }), hide_index=True)
    if small_network.agree(hand, auto):
        st.success(t("backprop.check.agree"))
    else:
        st.error(t("backprop.check.differ"))


def the_update(weights: Weights, example: Example, fn: str) -> None:
    """One gradient-descent step on all nine parameters, and the loss before and after."""
    st.subheader(t("backprop.update.header"))
    lr = st.select_slider(t("backprop.update.lr"), LEARNING_RATES, key="backprop.lr", persist_state="session")
    gradients = small_network.hand_gradients(weights, example, fn)
    after = small_network.updated(weights, gradients, lr)
    st.dataframe(pd.DataFrame({
        t("backprop.col.parameter"): [charts.LABELS[p] for p in PARAMETERS],
        t("backprop.col.value"): [f"{getattr(weights, p):.4g}" for p in PARAMETERS],
        "∂L/∂p": [f"{gradients[p]:.4g}" for p in PARAMETERS],
        t("backprop.col.new"): [f"{getattr(after, p):.4g}" for p in PARAMETERS],
    }), hide_index=True)
    before_loss = small_network.forward(weights, example, fn).loss
    after_loss = small_network.forward(after, example, fn).loss
    st.markdown(t("backprop.update.result", before=f"{before_loss:.6g}", after=f"{after_loss:.6g}"))


def sigmoid_against_relu(weights: Weights, example: Example) -> None:
    """The same weights with each activation: the gradient at each node, side by side."""
    st.subheader(t("backprop.shrink.header"))
    nodes = ("y", "h1", "z1", "w11", "h2", "z2", "w21")
    rows = []
    for fn in small_network.ACTIVATIONS:
        gradients = {s.node: s.gradient for s in small_network.backward(weights, example, fn)}
        rows += [{"node": charts.LABELS[n], "activation": t(f"backprop.fn.{fn}"), "size": abs(gradients[n])}
                 for n in nodes]
    slopes = {fn: small_network.shrink_through_activation(weights, example, fn)
              for fn in small_network.ACTIVATIONS}
    st.write(t("backprop.shrink.explain", s1=f"{slopes['sigmoid'][0]:.3f}", s2=f"{slopes['sigmoid'][1]:.3f}",
               r1=f"{slopes['relu'][0]:g}", r2=f"{slopes['relu'][1]:g}"))
    frame = pd.DataFrame(rows)
    alt_text = t("backprop.shrink.alt", values="; ".join(
        f"{r['node']} {r['activation']} {r['size']:.3g}" for r in rows))
    st.vega_lite_chart(cached.gradient_bars(frame, x_title=t("backprop.shrink.node"),
                                            y_title=t("backprop.shrink.size"),
                                            colour_title=t("backprop.shrink.activation")),
                       width="content", alt=alt_text)


def play(slots: list, steps: list, values: dict[str, float]) -> None:
    """Advance one node per frame to the last parameter, then rerun to show the idle controls."""
    while st.session_state[FRAME_KEY] < len(steps) - 1:
        time.sleep(FRAME_SECONDS)
        st.session_state[FRAME_KEY] += 1
        draw_frame(slots, steps, values, st.session_state[FRAME_KEY])
    st.session_state[PLAYING_KEY] = False
    st.rerun()


# --- the page ------------------------------------------------------------------------------------

st.title(t("backprop.title"))
st.write(t("backprop.intro"))
st.page_link("pages/neuron.py", label=t("backprop.neuron_link"), icon=":material/linear_scale:")
start_values()
weights, example, fn = the_setup()
slots, steps, values, playing = the_graph(weights, example, fn)
the_check(weights, example, fn)
the_update(weights, example, fn)
sigmoid_against_relu(weights, example)
if playing:  # last, so everything above is on the page while the frames run
    play(slots, steps, values)
