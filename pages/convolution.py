"""Convolution: the sliding window on an X, filters on real digits, LeNet's own filters, and a
3 x 3 kernel learning by gradient descent."""

from __future__ import annotations

import time

import numpy as np
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.errors import StreamlitAPIException

from core.convolution import feature_maps, filter_learning
from core.convolution.filters import (
    KERNELS,
    LETTER_X,
    apply_filter,
    flipped_convolution,
    max_pool,
    output_size,
    products_expression,
    relu,
    signed,
    window_position,
    window_products,
)
from core.convolution.kernel_input import KernelInputError, parse_kernel
from core.data import load_mnist
from core.predictions import CONV_BRIGHTEST, CONV_TOP_LEFT
from core.predictions.charts import marked_stages
from core.predictions.lessons import window_centre
from ui import cache, prediction
from ui.charts import convolution as charts
from ui.errors import guarded_fragment
from ui.state import active_model, reduced_motion, translator

t = translator()
LIBRARY = list(KERNELS)
CUSTOM = "custom"

STEP_KEY = "convolution.step"
PENDING_STEP = "convolution.pending_step"  # where an animation got to; becomes the slider's value
GOOD_KERNEL = "convolution.good_kernel"  # the editor's last valid kernel, kept through bad input
EDITOR_KEY = "convolution.kernel_text"
RANDOM_INDEX = "convolution.random_index"
LEARNING = "convolution.learning"  # the filter-learning run, resumable after an interruption
START_SEED = "convolution.start_seed"

WINDOW_FRAME_SECONDS = 0.35  # slow enough to follow the window with the eye
LEARN_FRAME_SECONDS = 0.15  # redraw the learning charts at most this often...
DRAWING_SHARE = 0.3  # ...and let drawing take at most this share of the time (slow machines)
DEFAULT_EDITOR_TEXT = "2 -1 -1\n-1 2 -1\n-1 -1 2"  # a diagonal-stroke detector to start from


def kernel_label(name: str) -> str:
    return t(f"convolution.kernel.{name}")


def number_format(kernel: np.ndarray) -> str:
    """Whole numbers without decimals; fractions (blurs) with two."""
    return ".0f" if np.array_equal(kernel, np.round(kernel)) else ".2f"


def row_by_row(values: np.ndarray, fmt: str) -> str:
    """A grid of numbers read out row by row, for a chart's text alternative: "1 0 / 0 1"."""
    return " / ".join(" ".join(format(float(v) + 0.0, fmt) for v in row) for row in np.asarray(values))


def kernel_alt(kernel: np.ndarray, fmt: str) -> str:
    return t("convolution.kernel_alt", k=kernel.shape[0], values=row_by_row(kernel, fmt))


# --- 1. the sliding window --------------------------------------------------------------------

def rerun_this_part() -> None:
    """Rerun only the fragment running now; during a full page run Streamlit refuses that, so the page."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun()


def set_window(number: int) -> None:
    st.session_state[STEP_KEY] = number
    st.session_state.pop(PENDING_STEP, None)


def draw_window(slots: list, kernel: np.ndarray, number: int) -> None:
    """The input with window `number` (1-based, reading order) on it, its nine products, and the
    output filled up to it."""
    output = apply_filter(LETTER_X, kernel)
    row, col = window_position(number - 1, output.shape[1])
    k = kernel.shape[0]
    fmt = number_format(kernel)
    input_slot, products_slot, output_slot, position_slot, sum_slot, note_slot = slots
    products = window_products(LETTER_X, kernel, row, col)
    input_slot.vega_lite_chart(charts.number_grid(
        LETTER_X, title=t("convolution.window.input"), size=250, diverging=False, window=(row, col, k, k)
    ), width="content", alt=t("convolution.window.input_alt", k=k, row=row + 1, col=col + 1,
                              values=row_by_row(LETTER_X, ".0f")))
    products_slot.vega_lite_chart(charts.number_grid(
        products, title=t("convolution.window.products"), size=130, value_format=fmt,
    ), width="content", alt=t("convolution.window.products_alt", values=row_by_row(products, fmt),
                              total=format(float(products.sum()) + 0.0, fmt)))
    output_slot.vega_lite_chart(charts.number_grid(
        output, title=t("convolution.window.output"), size=190, filled=number,
        window=(row, col, 1, 1), value_format=fmt,
    ), width="content", alt=t("convolution.window.output_alt", n=output.shape[0], number=number,
                              count=output.size, value=format(float(output[row, col]) + 0.0, fmt)))
    position_slot.write(t("convolution.window.position", n=number, total=output.size,
                          row=row + 1, col=col + 1))
    sum_slot.markdown(f"{t('convolution.window.sum')} `{products_expression(LETTER_X, kernel, row, col)}`")
    # every slot is redrawn or emptied each frame: a leftover note would be wrong for the next window
    if np.array_equal(kernel, KERNELS["horizontal_edge"]) and (row, col) in ((0, 0), (2, 2)):
        note_slot.success(t("convolution.window.hand_worked", value=signed(output[row, col])))
    else:
        note_slot.empty()


def window_slots(kernel: np.ndarray) -> list:
    """The X and the kernel side by side, then the window's products, the output and the sum; while
    the top-left question waits for a guess, those last (its answer) under a closed expander."""
    hidden = prediction.waiting(CONV_TOP_LEFT, {})
    columns = st.columns([5, 3, 7] if hidden else [5, 3, 3, 4])
    columns[1].vega_lite_chart(charts.number_grid(
        kernel, title=t("convolution.window.kernel_title"), size=130, value_format=number_format(kernel)
    ), width="content", alt=kernel_alt(kernel, number_format(kernel)))
    with prediction.giveaway(CONV_TOP_LEFT, {}, t):
        answers = st.columns([3, 4]) if hidden else columns[2:]
        return [columns[0].empty(), answers[0].empty(), answers[1].empty(), *(st.empty() for _ in range(3))]


def sliding_window() -> tuple[np.ndarray, list, list[int]]:
    """Section 1 as it stands; returns the kernel, the window's slots, and the windows still to
    animate if Play was pressed (drawn after section 2, so that section is not left greyed out)."""
    st.header(t("convolution.window.header"))
    prediction.ask(CONV_TOP_LEFT, {}, t)  # before the window shows the answer
    with prediction.giveaway(CONV_TOP_LEFT, {}, t):  # it names the top-left window's sum
        st.write(t("convolution.window.explain"))
    if PENDING_STEP in st.session_state:  # an animation ran last time: the slider catches up
        st.session_state[STEP_KEY] = st.session_state.pop(PENDING_STEP)
    st.session_state.setdefault(STEP_KEY, 1)

    left, right = st.columns([1, 2])
    name = left.selectbox(
        t("convolution.window.kernel"), LIBRARY, index=LIBRARY.index("horizontal_edge"),
        format_func=kernel_label, key="convolution.window_kernel", persist_state="session",
    )
    kernel = KERNELS[name]
    total = output_size(LETTER_X.shape[0], kernel.shape[0]) ** 2
    number = right.slider(
        t("convolution.window.step"), 1, total, key=STEP_KEY, persist_state="session",
        on_change=lambda: st.session_state.pop(PENDING_STEP, None),
    )
    still = reduced_motion()  # the sidebar's "Reduce motion": step buttons instead of Play
    buttons = st.columns(4 if still else 3, width=640 if still else 480)
    buttons[0].button(t("convolution.window.top_left"), key="convolution.top_left", on_click=set_window,
                      args=(1,))
    buttons[1].button(t("convolution.window.centre"), key="convolution.centre", on_click=set_window,
                      args=(total // 2 + 1,))
    if still:
        play = False
        buttons[2].button(t("convolution.window.previous"), key="convolution.previous",
                          icon=":material/skip_previous:", on_click=set_window, args=(max(number - 1, 1),),
                          disabled=number <= 1)
        buttons[3].button(t("convolution.window.next"), key="convolution.next", icon=":material/skip_next:",
                          on_click=set_window, args=(min(number + 1, total),), disabled=number >= total)
    else:
        play = buttons[2].button(t("convolution.window.play"), key="convolution.play",
                                 icon=":material/play_arrow:")

    slots = window_slots(kernel)
    draw_window(slots, kernel, number)
    frames = list(range(1 if number >= total else number, total + 1)) if play else []
    return kernel, slots, frames


def animate_window(slots: list, kernel: np.ndarray, frames: list[int]) -> None:
    """Play the window across `frames`, then rerun so the slider shows where it stopped."""
    for number in frames:
        draw_window(slots, kernel, number)
        st.session_state[PENDING_STEP] = number  # an interrupted animation keeps its place
        time.sleep(WINDOW_FRAME_SECONDS)
    rerun_this_part()


# --- 2. cross-correlation against convolution --------------------------------------------------

def correlation_or_convolution(kernel: np.ndarray) -> None:
    st.header(t("convolution.flip.header"))
    with prediction.giveaway(CONV_TOP_LEFT, {}, t):  # it quotes the top-left window's two answers
        flip_grids(kernel)


def flip_grids(kernel: np.ndarray) -> None:
    ours, theirs = apply_filter(LETTER_X, kernel), flipped_convolution(LETTER_X, kernel)
    st.write(t("convolution.flip.explain", ours=signed(ours[0, 0]), theirs=signed(theirs[0, 0])))
    fmt = number_format(kernel)
    columns = st.columns(3)
    grids = [
        (ours, [t("convolution.flip.ours"), t("convolution.flip.ours_by")], 190, "ours_alt"),
        (kernel[::-1, ::-1], t("convolution.flip.flipped_kernel"), 130, "flipped_alt"),
        (theirs, [t("convolution.flip.theirs"), t("convolution.flip.theirs_by")], 190, "theirs_alt"),
    ]
    for column, (values, title, size, alt) in zip(columns, grids, strict=True):
        chart = charts.number_grid(values, title=title, size=size, value_format=fmt)
        column.vega_lite_chart(chart, width="content", alt=t(f"convolution.flip.{alt}", n=values.shape[0],
                                                             values=row_by_row(values, fmt)))


# --- 3. any filter on a real digit --------------------------------------------------------------

def choose_digit(images: np.ndarray, labels: np.ndarray) -> int:
    """The test-set index of the digit the learner picked: by index, by class or at random."""
    modes = ["class", "index", "random"]
    mode = st.segmented_control(
        t("convolution.digit.mode"), modes, default="class", required=True,
        format_func=lambda m: t(f"convolution.digit.mode.{m}"), key="convolution.digit_mode",
        persist_state="session",
    )
    if mode == "index":
        last = len(images) - 1
        return int(st.number_input(t("convolution.digit.index", last=last), 0, last, 0, step=1,
                                   key="convolution.digit_index", persist_state="session"))
    if mode == "random":
        st.session_state.setdefault(RANDOM_INDEX, int(np.random.default_rng().integers(len(images))))
        if st.button(t("convolution.digit.shuffle"), key="convolution.shuffle", icon=":material/casino:"):
            st.session_state[RANDOM_INDEX] = int(np.random.default_rng().integers(len(images)))
        return st.session_state[RANDOM_INDEX]
    left, right = st.columns(2)
    digit = left.selectbox(t("convolution.digit.class"), list(range(10)), index=7,
                           key="convolution.digit_class", persist_state="session")
    last = int(np.bincount(labels, minlength=10).min()) - 1  # the same range fits every class
    nth = right.number_input(t("convolution.digit.nth", last=last), 0, last, 0, step=1,
                             key="convolution.digit_nth", persist_state="session")
    return int(np.flatnonzero(labels == digit)[int(nth)])


def edited_kernel() -> np.ndarray:
    """The learner's own kernel; bad input shows why and keeps the last good one."""
    st.session_state.setdefault(EDITOR_KEY, DEFAULT_EDITOR_TEXT)
    text = st.text_area(t("convolution.editor.label"), key=EDITOR_KEY, help=t("convolution.editor.help"),
                        height=130, persist_state="session")
    try:
        kernel = parse_kernel(text)
    except KernelInputError as err:
        st.error(t(f"convolution.kernel_error.{err.problem}", **err.fields))
        st.info(t("convolution.editor.kept"))
        return np.array(st.session_state.get(GOOD_KERNEL, parse_kernel(DEFAULT_EDITOR_TEXT)))
    st.session_state[GOOD_KERNEL] = kernel.tolist()
    return kernel


def filter_on_digit(images: np.ndarray, labels: np.ndarray) -> int:
    """Section 3; returns the chosen digit's index for the learned-filter section."""
    st.header(t("convolution.digit.header"))
    st.write(t("convolution.digit.explain"))
    left, right = st.columns([3, 2])
    with left:
        index = choose_digit(images, labels)
        st.caption(t("convolution.digit.chosen", index=index, label=int(labels[index])))
        name = st.selectbox(
            t("convolution.digit.filter"), [*LIBRARY, CUSTOM], index=LIBRARY.index("horizontal_edge"),
            format_func=kernel_label, key="convolution.digit_filter", persist_state="session",
        )
        kernel = edited_kernel() if name == CUSTOM else KERNELS[name]
    right.vega_lite_chart(charts.number_grid(kernel, title=t("convolution.window.kernel_title"),
                                          size=130 if kernel.shape[0] == 3 else 180,
                                          value_format=number_format(kernel)), width="content",
                          alt=kernel_alt(kernel, number_format(kernel)))

    digit = images[index] / 255.0
    filtered = apply_filter(digit, kernel)
    rectified = relu(filtered)
    pooled = max_pool(rectified)
    n, k, out, half = digit.shape[0], kernel.shape[0], filtered.shape[0], pooled.shape[0]
    question = {"image": digit, "kernel": kernel, "index": index, "label": int(labels[index])}
    record = prediction.ask(CONV_BRIGHTEST, question, t)  # before the maps show where it fires
    titles = (t("convolution.digit.image", n=n), t("convolution.digit.filtered", n=out),
              t("convolution.digit.relu", n=out), t("convolution.digit.pooled", n=half))
    alt = t("convolution.digit.stages_alt", index=index, label=int(labels[index]), n=n, out=out, half=half)
    with prediction.giveaway(CONV_BRIGHTEST, question, t):
        marks = brightest_marks(record, question)
        if marks is None:
            st.vega_lite_chart(charts.filter_stages(digit, filtered, rectified, pooled, titles=titles),
                               width="content", alt=alt)
        else:
            guess, truths = marks
            st.altair_chart(marked_stages(digit, filtered, rectified, pooled, titles=titles, guess=guess,
                                          truths=truths, offset=window_centre(kernel)),
                            width="content",
                            alt=f"{alt} {t('predict.conv_brightest.marks_alt', **marks_words(marks))}")
    st.caption(t("convolution.digit.sizes", n=n, k=k, out=out, pooled=half))
    return index


def brightest_marks(record: dict | None, question: dict) -> tuple[list | None, list[list]] | None:
    """The learner's pick and the brightest windows' centres to mark on the maps, once the answer is
    revealed for the digit and the kernel on screen (None otherwise)."""
    if record is None or "truth" not in record:
        return None
    asked = record.get("asked", {})
    if asked.get("index") != question["index"] or asked.get("kernel") != question["kernel"].tolist():
        return None
    truth = CONV_BRIGHTEST.truth(question)  # the same digit and kernel: the same truth, ties included
    return record["answer"], [truth.value, *truth.near]


def marks_words(marks: tuple) -> dict:
    guess, truths = marks
    return {"row": truths[0][0] + 1, "col": truths[0][1] + 1,
            "guess": "—" if guess is None else t("predict.point", row=guess[0] + 1, col=guess[1] + 1)}


# --- 4. the filters LeNet learned ------------------------------------------------------------------

def learned_filters(images: np.ndarray, index: int) -> None:
    st.header(t("convolution.learned.header"))
    st.write(t("convolution.learned.explain"))
    model, _, source = active_model()
    st.caption(t(f"convolution.learned.{source}"))
    if not feature_maps.has_convolution(model):
        no_convolution(model)
        return
    maps = cache.digit_learned_maps(model, images[index])
    titles = (t("convolution.learned.original"), t("convolution.learned.map"),
              t("convolution.learned.pooled"))
    st.vega_lite_chart(charts.filter_rows(
        maps.kernels, images[index] / 255.0, maps.conv1, maps.pool1,
        titles=titles, kernel_label=t("convolution.learned.kernel", n="{n}"), size=130,
    ), width="content", alt=t("convolution.learned.rows_alt", count=len(maps.kernels), index=index))
    if maps.conv2 is None:
        return
    st.subheader(t("convolution.learned.conv2_header"))
    st.write(t("convolution.learned.conv2_explain"))
    st.vega_lite_chart(charts.map_gallery(maps.conv2, t("convolution.learned.conv2_map", n="{n}"), size=90),
                       width="content",
                       alt=t("convolution.learned.conv2_alt", count=len(maps.conv2), index=index))


def no_convolution(model) -> None:
    """What an MLP has instead of filters: its first layer's weights, one 28 x 28 picture per unit."""
    st.info(t("convolution.learned.no_conv"))
    pictures = feature_maps.first_layer_images(model)
    if pictures is not None:
        st.write(t("convolution.learned.fc1_weights"))
        label = t("convolution.learned.unit", n="{n}")
        st.vega_lite_chart(charts.map_gallery(np.abs(pictures), label, size=70), width="content",
                           alt=t("convolution.learned.fc1_alt", count=len(pictures)))


# --- 5. how a filter learns ----------------------------------------------------------------------

def draw_learning(slots: list, run: filter_learning.FilterLearning) -> None:
    """The kernel beside its target, the numbers, each weight's path and the falling loss."""
    kernel_slot, step_slot, loss_slot, gap_slot, weights_slot, curve_slot = slots
    finite = np.isfinite(run.kernel).all()
    kernel = run.kernel if finite else np.zeros_like(run.kernel)
    kernel_slot.vega_lite_chart(charts.number_grid(
        kernel, title=t("convolution.learn.current"), size=150, value_format=".2f",
    ), width="content",
        alt=t("convolution.learn.current_alt", step=run.step, values=row_by_row(kernel, ".2f")))
    step_slot.metric(t("convolution.learn.step"), run.step)
    loss_slot.metric(t("convolution.learn.loss"), f"{run.losses[-1]:.2e}" if run.losses else "—")
    gap_slot.metric(t("convolution.learn.gap"), f"{run.gap:.3f}")
    if run.steps:
        weights_slot.vega_lite_chart(charts.weights_chart(
            run.steps, np.array(run.weights), KERNELS[run.target], title=t("convolution.learn.weights_title"),
            x_title=t("convolution.learn.step"),
            y_title=t("convolution.learn.weight"), size=150,
        ), width="content", alt=t("convolution.learn.weights_alt", steps=run.step))
        curve_slot.vega_lite_chart(charts.loss_chart(
            run.steps, run.losses, title=t("convolution.learn.loss_title"),
            x_title=t("convolution.learn.step"), y_title=t("convolution.learn.loss"),
        ), width="stretch", alt=t("convolution.learn.loss_alt", steps=run.step, loss=f"{run.losses[-1]:.2e}"))


def train_kernel(run: filter_learning.FilterLearning, slots: list, live: bool = True) -> None:
    """Advance the run (kept in session state, so a click that interrupts loses nothing),
    redrawing every few steps while `live` (with motion reduced, only the end is drawn)."""
    config = filter_learning.LearningConfig()
    train_images, _ = load_mnist(train=True)
    digits = filter_learning.training_batch(train_images, config.batch_size, config.seed)
    next_frame = time.monotonic() + LEARN_FRAME_SECONDS
    for _ in run.advance(digits, config.steps):
        if live and time.monotonic() > next_frame:
            began = time.monotonic()
            draw_learning(slots, run)
            took = time.monotonic() - began
            pause = max(LEARN_FRAME_SECONDS, took * (1 - DRAWING_SHARE) / DRAWING_SHARE)
            next_frame = time.monotonic() + pause


def show_outcome(status: DeltaGenerator, run: filter_learning.FilterLearning) -> None:
    """One line saying where the run stands, coloured by how it went."""
    outcome = run.outcome
    if outcome == "diverged":
        status.error(t("convolution.learn.diverged", steps=run.step, lr=run.lr))
    elif outcome == "not_started":
        status.info(t("convolution.learn.not_started"))
    elif outcome == "paused":
        status.warning(t("convolution.learn.paused", steps=run.step))
    elif outcome == "learned":
        status.success(t("convolution.learn.done", steps=run.step, close=filter_learning.CLOSE_ENOUGH,
                         gap=f"{run.gap:.2g}"))
    else:
        status.warning(t("convolution.learn.slow", steps=run.step, gap=f"{run.gap:.3f}"))


def how_a_filter_learns() -> None:
    st.header(t("convolution.learn.header"))
    config = filter_learning.LearningConfig()
    st.write(t("convolution.learn.explain", batch=config.batch_size))
    options = [name for name in LIBRARY if KERNELS[name].shape == (3, 3)]
    left, right = st.columns(2)
    target = left.selectbox(t("convolution.learn.target"), options, index=options.index("horizontal_edge"),
                            format_func=kernel_label, key="convolution.learn_target", persist_state="session")
    lr = right.select_slider(t("convolution.learn.lr"), [0.1, 0.5, 1.0, 2.0, 3.0], value=config.lr,
                             help=t("convolution.learn.lr_help"), key="convolution.learn_lr",
                             persist_state="session")
    seed = st.session_state.setdefault(START_SEED, 0)
    run = st.session_state.get(LEARNING)
    if run is None or run.settings != (target, lr, seed):
        run = st.session_state[LEARNING] = filter_learning.FilterLearning.fresh(target, lr, seed)

    buttons = st.columns(2, width=420)
    label = "convolution.learn.train" if run.step == 0 else "convolution.learn.continue"
    train = buttons[0].button(t(label), key="convolution.learn_train", type="primary",
                              disabled=run.diverged, icon=":material/play_arrow:")
    if buttons[1].button(t("convolution.learn.restart"), key="convolution.learn_restart",
                         icon=":material/casino:"):
        st.session_state[START_SEED] = seed + 1
        run = st.session_state[LEARNING] = filter_learning.FilterLearning.fresh(target, lr, seed + 1)

    top = st.columns([2, 2, 3])
    top[1].vega_lite_chart(charts.number_grid(KERNELS[target], title=t("convolution.learn.goal"), size=150,
                                           value_format=".2f"), width="content",
                           alt=kernel_alt(KERNELS[target], ".2f"))
    numbers = top[2].container()
    slots = [top[0].empty(), numbers.empty(), numbers.empty(), numbers.empty()]
    slots += [st.empty(), st.empty()]
    status = st.empty()

    if train and not run.diverged:
        train_kernel(run, slots, live=not reduced_motion())
        rerun_this_part()  # the button now reads "continue", and the final numbers are drawn
    draw_learning(slots, run)
    show_outcome(status, run)


# --- the page ------------------------------------------------------------------------------------
# Each part is a fragment: moving a slider reruns only its own part, not the whole page (the learned
# filters alone take a good fraction of a second to draw). A fragment's rerun happens outside
# app.py's error guard, hence each part's own.

@guarded_fragment
def the_letter_x() -> None:
    kernel, slots, frames = sliding_window()
    correlation_or_convolution(kernel)
    if frames:
        animate_window(slots, kernel, frames)


@guarded_fragment
def real_digits() -> None:
    test_images, test_labels = load_mnist(train=False)
    learned_filters(test_images, filter_on_digit(test_images, test_labels))


a_filter_learning = guarded_fragment(how_a_filter_learns)


st.title(t("convolution.title"))
st.write(t("convolution.intro"))
the_letter_x()
real_digits()
a_filter_learning()
