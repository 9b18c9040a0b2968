"""Backpropagation: a 2-2-1 network's backward pass one node at a time, checked by torch.autograd;
then one digit through LeNet backwards, layer by layer, with three of the rules done by hand."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from core.backprop import charts, gradient_sizes, small_network
from core.backprop import lenet_backward as lenet
from core.backprop.formulas import NETWORK_LATEX, step_latex
from core.backprop.small_network import PARAMETERS, Example, Weights
from core.data import load_mnist
from core.model import design_of
from core.neuron.latex import latex_number
from core.sketch.explain import saliency
from ui.cache import pretrained_model
from ui.chart_cache import computed_once, model_key
from ui.charts import backprop as cached
from ui.errors import guarded_fragment
from ui.pictures import digit_pngs
from ui.state import active_model, reduced_motion, translator
from ui.training_pool import training_pool

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
INDEX_KEY = "backprop.index"
POSITION_KEY = "backprop.position"  # the window position, 1-based in reading order
PENDING_POSITION = "backprop.pending_position"  # where the window's animation got to
RAN_KEY = "backprop.sizes_ran"
WINDOW_FRAME_SECONDS = 0.12  # one row of window positions per frame
HARDEST_AMONG = 1_000


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


# --- part 2: one digit through LeNet, backwards ----------------------------------------------------

def rerun_this_part() -> None:
    """Rerun only the fragment running now; during a full page run Streamlit refuses that, so the page."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun()


def followed_model():
    """The active model when it is LeNet-shaped, else (saying so) the pretrained LeNet."""
    model, _, source = active_model()
    if not lenet.lenet_shaped(design_of(model)):
        st.info(t("backprop.lenet.not_shaped"))
        model, _ = pretrained_model()
        source = "pretrained"
    st.caption(t(f"backprop.lenet.model_{source}"))
    return model


def digit_trace(model, index: int) -> lenet.Trace:
    """`lenet.trace` of test digit `index`, once per server for each model (by its weights)."""
    images, labels = load_mnist(train=False)
    return computed_once(("backprop.trace", model_key(model), index),
                         lambda: lenet.trace(model, images[index], int(labels[index])))


def choose_hardest(model) -> None:
    images, labels = load_mnist(train=False)
    hardest = computed_once(("backprop.hardest", model_key(model)), lambda: lenet.hardest_digit(
        model, images[:HARDEST_AMONG], labels[:HARDEST_AMONG]))
    st.session_state[INDEX_KEY] = hardest


def the_digit(model) -> tuple[int, lenet.Trace]:
    """The test digit, its loss and what the model reads."""
    images, labels = load_mnist(train=False)
    st.session_state.setdefault(INDEX_KEY, 0)
    left, right = st.columns([1, 3])
    with left:
        index = int(st.number_input(t("backprop.lenet.index", last=len(images) - 1), 0, len(images) - 1,
                                    step=1, key=INDEX_KEY))
        st.button(t("backprop.lenet.hardest"), key="backprop.hardest", on_click=choose_hardest, args=(model,),
                  icon=":material/psychology_alt:")
        label = int(labels[index])
        st.image(digit_pngs(images[index: index + 1], 4)[0], output_format="PNG",
                 alt=t("backprop.lenet.digit_alt", label=label, index=index))
    trace = digit_trace(model, index)
    with right:
        metrics = st.columns(3)
        metrics[0].metric(t("backprop.lenet.loss"), f"{trace.loss:.4g}")
        metrics[1].metric(t("backprop.lenet.prob", label=label), f"{trace.probabilities[label]:.2%}")
        metrics[2].metric(t("backprop.lenet.read"), int(trace.probabilities.argmax()))
        st.caption(t("backprop.lenet.small"))
    return index, trace


def shape_text(shape: tuple[int, ...]) -> str:
    return " × ".join(str(n) for n in shape)


def the_layers(trace: lenet.Trace) -> None:
    """Each layer's gradient from the logits back to the input: its shape and its size."""
    st.subheader(t("backprop.layers.header"))
    rows = []
    for layer in reversed(trace.layers):
        name = t("backprop.layers.input") if layer.name == "input" else layer.name
        if layer is trace.layers[-1]:
            name = f"{name} {t('backprop.layers.logits')}"
        rows.append({t("backprop.col.layer"): name, t("backprop.col.shape"): shape_text(layer.shape),
                     t("backprop.col.norm"): f"{layer.norm:.4g}"})
    st.dataframe(pd.DataFrame(rows), hide_index=True, height=36 * (len(rows) + 1) + 2)


def the_maps(model, trace: lenet.Trace, index: int) -> None:
    """The gradient at conv1's output maps, and at the input image beside the saliency map."""
    st.subheader(t("backprop.maps.header"))
    conv1 = trace.named("conv1")
    count = conv1.shape[0]
    st.markdown(t("backprop.maps.conv1", count=count))
    maps = list(conv1.gradient)
    st.vega_lite_chart(cached.map_row(maps, titles=[t("backprop.maps.map", n=n) for n in range(count)],
                                      size=110 if count <= 8 else 70),
                       width="content", alt=t("backprop.maps.conv1_alt", count=count, index=index,
                                              peak=f"{np.abs(conv1.gradient).max():.3g}"))
    st.markdown(t("backprop.maps.input"))
    images, _ = load_mnist(train=False)
    shown = computed_once(("backprop.saliency", model_key(model), index),
                          lambda: saliency(model, images[index] / 255.0, trace.label))
    st.vega_lite_chart(cached.map_row(
        [trace.named("input").gradient[0], shown], titles=[t("backprop.maps.input_title"),
                                                          t("backprop.maps.saliency_title")],
        size=200, diverging=[True, False]), width="content", alt=t("backprop.maps.input_alt", index=index))
    st.page_link("pages/sketch.py", label=t("backprop.maps.sketch_link"), icon=":material/draw:")


def plain(value: float, digits: int = 3) -> str:
    """A number for running text, never "-0"."""
    return f"{float(value) + 0.0:.{digits}g}"


def set_position(number: int) -> None:
    st.session_state[POSITION_KEY] = number
    st.session_state.pop(PENDING_POSITION, None)


def draw_window(slots: list, trace: lenet.Trace, channel: int, row: int, col: int, number: int) -> None:
    """The window at position `number`, this position's product, and the sum so far."""
    conv1, image = trace.named("conv1"), trace.named("input").value[0]
    kernel, stride, padding = lenet.conv_settings(conv1.layer)
    gradient = conv1.gradient[channel]
    products = lenet.weight_gradient_windows(image, gradient, row, col, stride, padding)
    sums = lenet.running_sums(products)
    count, width = products.size, products.shape[1]
    p, q = divmod(number - 1, width)
    auto = float(trace.conv1_weight_gradient[channel, 0, row, col])
    view, term, curve, done = slots
    view.vega_lite_chart(cached.window_view(
        image, gradient, p, q, kernel, row, col, stride, padding,
        titles=(t("backprop.window.input_title"), t("backprop.window.grad_title"))), width="content",
        alt=t("backprop.window.alt", number=number, count=count, row=row, col=col))
    pixel = np.pad(image, padding)[p * stride + row, q * stride + col]
    term.markdown(t("backprop.window.term", number=number, count=count, p=p, q=q, pixel=plain(pixel),
                    grad=plain(gradient[p, q]), product=plain(products[p, q]),
                    sum=plain(sums[number - 1], 6)))
    curve.vega_lite_chart(cached.running_sum(
        sums[:number], auto, count, x_title=t("backprop.window.position"),
        y_title=t("backprop.window.sum_title"), autograd_label=t("backprop.window.autograd")),
        width="content",
        alt=t("backprop.window.sum_alt", number=number, auto=f"{auto:.6g}"))
    if number == count:
        if np.isclose(sums[-1], auto, rtol=1e-9, atol=1e-15):
            done.success(t("backprop.window.done", count=count, sum=f"{sums[-1]:.9g}", auto=f"{auto:.9g}"))
        else:
            done.error(t("backprop.check.not_same"))
    else:
        done.empty()


def the_window(trace: lenet.Trace) -> tuple[list, list[int], tuple[int, int, int]]:
    """One kernel weight's gradient as a sliding window; returns the slots and frames to animate."""
    st.subheader(t("backprop.window.header"))
    conv1 = trace.named("conv1")
    kernel = conv1.layer["kernel"]
    count = conv1.shape[1] * conv1.shape[2]
    st.write(t("backprop.window.explain", count=count))
    if PENDING_POSITION in st.session_state:  # an animation ran: the slider catches up
        st.session_state[POSITION_KEY] = st.session_state.pop(PENDING_POSITION)
    st.session_state[POSITION_KEY] = min(st.session_state.get(POSITION_KEY, 1), count)
    choice = st.columns(3)
    channel = choice[0].selectbox(t("backprop.window.channel"), range(conv1.shape[0]), key="backprop.channel")
    row = choice[1].selectbox(t("backprop.window.row"), range(kernel), index=kernel // 2, key="backprop.row")
    col = choice[2].selectbox(t("backprop.window.col"), range(kernel), index=kernel // 2, key="backprop.col")
    number = st.slider(t("backprop.window.position"), 1, count, key=POSITION_KEY,
                       on_change=lambda: st.session_state.pop(PENDING_POSITION, None))
    buttons = st.container(horizontal=True)
    play = False
    buttons.button(t("backprop.window.previous"), key="backprop.window_previous",
                   icon=":material/skip_previous:", on_click=set_position, args=(max(number - 1, 1),),
                   disabled=number <= 1)
    buttons.button(t("backprop.window.next"), key="backprop.window_next", icon=":material/skip_next:",
                   on_click=set_position, args=(min(number + 1, count),), disabled=number >= count)
    buttons.button(t("backprop.window.end"), key="backprop.window_end", icon=":material/last_page:",
                   on_click=set_position, args=(count,))
    if not reduced_motion():
        play = buttons.button(t("backprop.window.play"), key="backprop.window_play",
                              icon=":material/play_arrow:", type="primary")
    slots = [st.empty(), st.empty(), st.empty(), st.empty()]
    draw_window(slots, trace, channel, row, col, number)
    width = conv1.shape[2]
    start = 1 if number >= count else number
    frames = [*range(start + width - 1, count, width), count] if play else []  # a row per frame
    return slots, frames, (channel, row, col)


def animate_window(slots: list, trace: lenet.Trace, choice: tuple[int, int, int], frames: list[int]) -> None:
    for number in frames:
        time.sleep(WINDOW_FRAME_SECONDS)
        draw_window(slots, trace, *choice, number)
        st.session_state[PENDING_POSITION] = number  # an interrupted animation keeps its place
    rerun_this_part()


def the_pooling(trace: lenet.Trace, channel: int) -> None:
    """The first pooling layer: each window's gradient goes to its winner (max) or is shared (avg)."""
    pool = trace.first("pool")
    if pool is None:
        return
    mode = pool.layer["mode"]
    st.subheader(t("backprop.pool.header"))
    before = trace.before(pool.name)
    n = min(channel, pool.shape[0] - 1)
    routed = lenet.pool_backward(before.value[n], pool.gradient[n], mode)
    winners = int((routed != 0).sum())
    st.write(t(f"backprop.pool.explain.{mode}", winners=winners, cells=routed.size, n=n))
    st.vega_lite_chart(cached.map_row(
        [before.value[n], pool.gradient[n], routed],
        titles=[t("backprop.pool.in"), t("backprop.pool.out_grad"), t("backprop.pool.in_grad")],
        size=180, diverging=[False, True, True]), width="content",
        alt=t("backprop.pool.alt", n=n, winners=winners))
    same = np.allclose(routed, before.gradient[n], rtol=1e-9, atol=1e-15)
    (st.success if same else st.error)(t("backprop.check.same" if same else "backprop.check.not_same"))


def the_activation(trace: lenet.Trace, channel: int) -> None:
    """The first activation: ReLU's mask, or a smooth function's slope, on the gradient."""
    act = trace.first("activation")
    if act is None:
        return
    fn = act.layer["fn"]
    before = trace.before(act.name)
    if before.value.ndim != 3:
        return
    n = min(channel, act.shape[0] - 1)
    by_hand = lenet.activation_backward(fn, before.value[n], act.gradient[n])
    st.subheader(t("backprop.act.header.relu" if fn == "relu" else "backprop.act.header.other"))
    passes = before.value[n] > 0 if fn == "relu" else np.abs(by_hand) > 0
    if fn == "relu":
        st.write(t("backprop.act.explain.relu", n=n, open=int(passes.sum()), cells=passes.size))
    else:
        st.write(t("backprop.act.explain.other", fn=fn, n=n, top="¼" if fn == "sigmoid" else "1"))
    st.vega_lite_chart(cached.map_row(
        [before.value[n], passes.astype(float), act.gradient[n], by_hand],
        titles=[t("backprop.act.in"), t("backprop.act.mask"), t("backprop.act.out_grad"),
                t("backprop.act.in_grad")], size=150, diverging=[True, False, True, True],
        shared_scale=False), width="content", alt=t("backprop.act.alt", n=n))
    same = np.allclose(by_hand, before.gradient[n], rtol=1e-9, atol=1e-15)
    (st.success if same else st.error)(t("backprop.check.same" if same else "backprop.check.not_same"))


class ComparisonFailed(RuntimeError):
    """The worker running the comparison failed or died."""

    def __init__(self, state: str, error: str | None):
        super().__init__(f"the gradient-size comparison ended without a result ({state}): {error}")
        self.state = state


@st.cache_data(show_spinner=False, max_entries=4)
def compared_sizes(config, test_size: int) -> gradient_sizes.GradientSizes:
    """ReLU against sigmoid at this budget, trained once per server in the training worker pool."""
    run = training_pool().submit(gradient_sizes.gradient_sizes_job, config, test_size)
    for result in run.events():
        return result
    raise ComparisonFailed(run.state, run.error)


def the_sizes() -> None:
    """Per-layer gradient size over a short run, ReLU against sigmoid (behind a button: it trains)."""
    st.subheader(t("backprop.sizes.header"))
    config = gradient_sizes.BUDGET
    batches = -(-config.train_size // config.batch_size) * config.epochs
    st.write(t("backprop.sizes.explain", batches=batches))
    if st.button(t("backprop.sizes.button"), key="backprop.sizes_run", icon=":material/play_arrow:"):
        st.session_state[RAN_KEY] = True
    if not st.session_state.get(RAN_KEY):
        return
    pool = training_pool()
    running = t("backprop.sizes.waiting") if pool.busy >= pool.size else t("backprop.sizes.running")
    try:
        with st.spinner(running):
            result = compared_sizes(config, gradient_sizes.TEST_SIZE)
    except ComparisonFailed as err:
        st.error(t("backprop.sizes.failed", state=err.state))
        return
    rows = [{"layer": layer, "activation": t(f"backprop.fn.{fn}"), "size": size}
            for fn in gradient_sizes.ACTIVATIONS for layer, size in zip(result.layers, result.sizes[fn],
                                                                           strict=True)]
    values = "; ".join(f"{r['layer']} {r['activation']} {r['size']:.3g}" for r in rows)
    st.vega_lite_chart(cached.layer_sizes(pd.DataFrame(rows), x_title=t("backprop.sizes.layer"),
                                          y_title=t("backprop.sizes.size"),
                                          colour_title=t("backprop.shrink.activation")),
                       width="content", alt=t("backprop.sizes.alt", values=values))
    ratio = result.sizes["relu"][0] / max(result.sizes["sigmoid"][0], 1e-30)
    st.info(t("backprop.sizes.result", ratio=f"{ratio:,.0f}"))


@guarded_fragment
def lenet_backwards() -> None:
    """Part 2, a fragment: moving its window reruns only this part."""
    st.header(t("backprop.lenet.header"))
    st.write(t("backprop.lenet.explain"))
    model = followed_model()
    index, trace = the_digit(model)
    the_layers(trace)
    the_maps(model, trace, index)
    slots, frames, choice = the_window(trace)
    the_pooling(trace, choice[0])
    the_activation(trace, choice[0])
    the_sizes()
    if frames:
        animate_window(slots, trace, choice, frames)


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
lenet_backwards()
if playing:  # last, so everything above is on the page while the frames run
    play(slots, steps, values)
