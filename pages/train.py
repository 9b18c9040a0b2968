"""Train LeNet live: settings, what each piece does, learning curves, filters, and what the model got wrong.

The run trains in a worker process (ui/training_pool.py), so pages other learners open do not slow
it, and the server follows it (ui/live_runs.py): a click anywhere, leaving the page or a refresh
interrupts only the drawing; every tab of the learner's workspace shows the same run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st
import torch

from core import data
from core.checkpoint import CheckpointError, is_tutorial_lenet, model_to_bytes, model_to_pth, read_checkpoint
from core.model import LENET, layer_rows, probabilities
from core.model.charts import probability_description
from core.model.design import describe
from core.model.shapes import parameter_total
from core.pixels import enlarge
from core.predictions import TRAIN_ACCURACY, TRAIN_CHANGE, TRAIN_CURVE, change_values, run_values
from core.training import (
    EPOCH_RANGE,
    OPTIMIZERS,
    PRESETS,
    SCHEDULES,
    TrainConfig,
    charts,
    curves,
    device_reason,
)
from core.training.confusion import cell_indices, confusion_description, mistakes
from core.training.loss_example import cross_entropy_steps
from core.training.recipe_url import BATCH_SIZES, LABEL_SMOOTHINGS, LEARNING_RATES, TRAIN_SIZES
from core.training.session import DONE, PAUSED, RUNNING, TrainingSession
from core.training.weights_messages import loaded_message, pth_note, refusal_message
from core.workspace.items import MODEL
from ui import cache, experiments, live_runs, prediction, state, workspace
from ui.charts import training as cached_charts
from ui.experiments import difference_sentence, format_value, run_store
from ui.pictures import digit_alt, digit_pngs
from ui.recipe_link import settings_from_link, settings_to_link
from ui.state import translator
from ui.training_pool import training_pool
from ui.training_state import (
    CELL_KEY,
    MATRIX_KEY,
    REQUEST_KEY,
    SECONDS_KEY,
    SESSION_KEY,
    SETTING_KEYS,
    TUTORIAL_KEY,
    UPLOAD_KEY,
    UPLOADED_KEY,
)

t = translator()

DRAW_EVERY_S = 0.4  # redraw the chart at most ~2.5 times a second: drawing costs the server
FOLLOW_EVERY_S = 0.1  # how often the page takes the worker's events
EXAMPLE_INDEX = 449  # the cross-entropy example: a 3 the pretrained model reads with only ~53% certainty
MOST_IMAGES = 12
SERIES_NAMES = {key: t(f"train.series.{key}") for key in charts.SERIES_COLOURS}


@dataclass
class LiveSlots:
    """The st.empty() placeholders the run redraws while it trains."""

    waiting: object
    progress: object
    chart: object
    filters: object


# --- settings ------------------------------------------------------------------------------------

def apply_preset(name: str) -> None:
    """Set every setting widget to a preset (a callback: it runs before the widgets are drawn)."""
    preset = PRESETS[name]
    for name, key in SETTING_KEYS.items():
        st.session_state[key] = getattr(preset, name)


def chosen_config() -> TrainConfig:
    """The recipe the setting widgets describe."""
    return TrainConfig(**{name: st.session_state[key] for name, key in SETTING_KEYS.items()})


def request(action: str) -> None:
    """Remember a button press; the page acts on it below, where errors are shown nicely."""
    st.session_state[REQUEST_KEY] = action


def act_on_request(session: TrainingSession | None, device: torch.device) -> TrainingSession | None:
    """Start, stop or resume a run as the last button press asked; returns the page's run."""
    action = st.session_state.pop(REQUEST_KEY, None)
    if action == "start":
        session = TrainingSession.start(chosen_config(), device, data.load_tensors(True),
                                        data.load_tensors(False), design=state.design_to_train())
        st.session_state[SESSION_KEY] = session
        experiments.started(session)  # every run is kept on the experiments page
    elif session is not None and action == "stop" and session.status == RUNNING:
        with session.lock:
            session.stop()  # the worker stops within a second and sends the run as it stands
        if session.run.seen:  # stopped while still waiting for its turn: nothing learned, nothing to adopt
            adopt(session)
    elif session is not None and action == "resume" and session.status == PAUSED:
        session.resume()
    return session


def current_session() -> TrainingSession | None:
    """This tab's run, or the run the workspace trains on the server (another tab's, or this tab's
    before a refresh), which this tab then shows."""
    mine = st.session_state.get(SESSION_KEY)
    running = live_runs.workspace_run()
    if running is not None and running is not mine and (
            mine is None or (mine.status != RUNNING and running.status == RUNNING)):
        st.session_state[SESSION_KEY] = running
        return running
    return mine


def settings_panel(session: TrainingSession | None, running: bool) -> None:
    """Presets, every hyper-parameter, and Train / Stop / Resume."""
    st.subheader(t("train.settings"))
    design = session.design if session is not None else state.design_to_train() or LENET
    st.caption(t("train.architecture", name=state.design_label(design, t), layers=describe(design),
                 parameters=f"{parameter_total(layer_rows(design)):,}"))
    left, right = st.columns(2)
    left.button(t("train.preset.classic"), key="train.preset_classic", help=t("train.preset.classic_help"),
                on_click=apply_preset, args=("classic",), disabled=running, width="stretch")
    fast = PRESETS["fast"]
    fast_help = t("train.preset.fast_help", lr=fast.lr, smoothing=fast.label_smoothing, batch=fast.batch_size,
                  epochs=fast.epochs)
    right.button(t("train.preset.fast"), key="train.preset_fast", help=fast_help,
                 on_click=apply_preset, args=("fast",), disabled=running, width="stretch")
    st.slider(t("train.epochs"), *EPOCH_RANGE, key=SETTING_KEYS["epochs"], disabled=running,
              persist_state="session")
    st.select_slider(t("train.train_size"), TRAIN_SIZES, format_func=lambda n: f"{n:,}",
                     key=SETTING_KEYS["train_size"], disabled=running, persist_state="session")
    st.select_slider(t("train.batch_size"), BATCH_SIZES, key=SETTING_KEYS["batch_size"], disabled=running,
                     persist_state="session")
    st.select_slider(t("train.lr"), LEARNING_RATES, format_func=lambda v: f"{v:g}", key=SETTING_KEYS["lr"],
                     disabled=running, persist_state="session")
    left, right = st.columns(2)
    left.radio(t("train.optimizer"), OPTIMIZERS, format_func=lambda o: t(f"train.optimizer.{o}"),
               key=SETTING_KEYS["optimizer"], disabled=running, persist_state="session")
    right.radio(t("train.schedule"), SCHEDULES, format_func=lambda s: t(f"train.schedule.{s}"),
                key=SETTING_KEYS["schedule"], disabled=running, persist_state="session")
    st.slider(t("train.momentum"), 0.0, 0.99, step=0.01, key=SETTING_KEYS["momentum"], disabled=running,
              persist_state="session")
    st.select_slider(t("train.label_smoothing"), LABEL_SMOOTHINGS, format_func=lambda s: f"{s:g}",
                     key=SETTING_KEYS["label_smoothing"], help=t("train.label_smoothing_help"),
                     disabled=running, persist_state="session")
    st.number_input(t("train.seed"), 0, 9_999, step=1, key=SETTING_KEYS["seed"], help=t("train.seed_help"),
                    disabled=running, persist_state="session")
    st.toggle(t("train.holdout"), key=SETTING_KEYS["holdout"], help=t("train.holdout_help"), disabled=running,
              persist_state="session")
    left, right = st.columns(2)
    start_or_stop = left.empty()  # one slot, so Stop takes Train's place at once
    if running:
        start_or_stop.button(t("train.stop"), key="train.stop", on_click=request, args=("stop",),
                             type="primary", width="stretch")
        st.caption(t("train.locked"))
    else:
        start_or_stop.button(t("train.start"), key="train.start", on_click=request, args=("start",),
                             type="primary", width="stretch")
        if session is not None and session.status == PAUSED:
            right.button(t("train.resume"), key="train.resume", on_click=request, args=("resume",),
                         width="stretch")


def explanations() -> None:
    """Cross-entropy worked on a real digit, and what SGD, Adam and the test set do."""
    st.subheader(t("train.explain.header"))
    loss_tab, sgd_tab, adam_tab, test_tab = st.tabs([
        t("train.explain.loss_tab"), t("train.explain.sgd_tab"), t("train.explain.adam_tab"),
        t("train.explain.test_tab"),
    ])
    with loss_tab:
        cross_entropy_example()
        st.markdown(t("train.explain.smoothing"))
    with sgd_tab:
        st.markdown(t("train.explain.sgd"))
        st.markdown(t("train.explain.onecycle"))
    with adam_tab:
        st.markdown(t("train.explain.adam"))
    with test_tab:
        st.markdown(t("train.explain.test"))


def cross_entropy_example() -> None:
    """The active model's logits for one test digit, turned step by step into the loss."""
    model_now, _, _ = state.active_model()
    test_images, test_labels = data.load_mnist(False)
    label = int(test_labels[EXAMPLE_INDEX])
    logits = cache.digit_activations(model_now, test_images[EXAMPLE_INDEX])["logits"]
    steps = cross_entropy_steps(logits, label)
    st.markdown(t("train.explain.loss", index=EXAMPLE_INDEX, label=label))
    digit, table = st.columns([1, 4])
    digit.image(digit_pngs(test_images[EXAMPLE_INDEX : EXAMPLE_INDEX + 1], 3)[0], output_format="PNG",
                alt=digit_alt(t, label, EXAMPLE_INDEX))
    table.dataframe(pd.DataFrame({
        t("train.explain.col.digit"): list(range(10)),
        t("train.explain.col.logit"): [f"{v:.3f}" for v in steps.logits],
        t("train.explain.col.exp"): [f"{v:.3g}" for v in steps.exponentials],
        t("train.explain.col.prob"): [f"{v:.3g}" for v in steps.probabilities],
    }), hide_index=True, height=388)
    st.markdown(t("train.explain.loss_result", label=label, p=steps.probability_true, loss=steps.loss))


# --- predict first -------------------------------------------------------------------------------

def change_words(asked: dict) -> dict:
    """The changed setting's name and values as the training page writes them."""
    field = asked["field"]
    return {"field": t(f"experiments.field.{field}"), "before": format_value(field, asked["before"], t),
            "after": format_value(field, asked["after"], t)}


def what_differs(record: dict) -> None:
    """Under the revealed "better, worse or the same?": the bench's sentence on what differs."""
    store = run_store()
    before, after = store.get(record["fields"]["before_run"]), store.get(record["fields"]["after_run"])
    if before is not None and after is not None:
        st.info(difference_sentence(before, after, t), icon=":material/compare_arrows:")


def predict_first(session: TrainingSession | None) -> None:
    """Before Train: the test-accuracy curve and the final accuracy the learner expects, and, when one
    setting differs from the last finished run, whether that makes the next run better or worse."""
    values = run_values(session, planned=st.session_state[SETTING_KEYS["epochs"]])
    prediction.ask(TRAIN_CURVE, values, t)
    accuracy_column, change_column = st.columns(2, gap="medium")
    with accuracy_column:
        prediction.ask(TRAIN_ACCURACY, values, t)
    with change_column:
        change = change_values(run_store().runs, session, chosen_config(), state.design_to_train() or LENET)
        prediction.ask(TRAIN_CHANGE, change, t, words=change_words, more=what_differs)


# --- the run, drawn live -------------------------------------------------------------------------

def live_slots() -> LiveSlots:
    """The header, the tutorial and seconds-axis toggles and the empty places the run fills."""
    st.header(t("train.chart.header"))
    tutorial_toggle, seconds_toggle = st.columns(2)
    if tutorial_toggle.toggle(t("train.tutorial.toggle"), key=TUTORIAL_KEY, persist_state="session"):
        st.caption(t("train.tutorial.caption"))
    if seconds_toggle.toggle(t("train.seconds.toggle"), key=SECONDS_KEY, persist_state="session"):
        st.caption(t("train.seconds.caption"))
    slots = LiveSlots(waiting=st.empty(), progress=st.empty(), chart=st.empty(), filters=st.empty())
    with st.expander(t("train.reading.header")):
        st.markdown(t("train.reading.body"))
    return slots


@st.cache_data(show_spinner=False, max_entries=64)
def progress_spec(lang: str, total_epochs: int, tutorial: bool, seconds: bool) -> dict:
    """The live chart's spec, built once per language, run length, tutorial and axis choice."""
    return charts.progress_spec(
        names=SERIES_NAMES, epoch_title=t("train.chart.epoch"), loss_title=t("train.chart.loss"),
        accuracy_title=t("train.chart.accuracy"), total_epochs=total_epochs, tutorial=tutorial,
        seconds_title=t("train.chart.seconds") if seconds else None,
    )


def draw_chart(slots: LiveSlots, session: TrainingSession) -> None:
    """The loss and accuracy chart, redrawn whole from the run's curves (only its data changes)."""
    drawn = session.curves
    seconds = st.session_state[SECONDS_KEY]
    tutorial = st.session_state[TUTORIAL_KEY] and not seconds  # the tutorial published no timings
    spec = progress_spec(t.lang, session.run.config.epochs, tutorial, seconds)
    slots.chart.vega_lite_chart(spec=charts.with_progress_data(
        spec, curves.batch_frame(drawn.batch_epochs, drawn.batch_losses, seconds=drawn.batch_seconds),
        curves.epoch_frame(drawn.epochs), SERIES_NAMES, curves.tutorial_frame() if tutorial else None,
    ), alt=t("train.chart.alt", done=f"{session.epochs_done:g}", epochs=session.run.config.epochs))


def draw_progress(slots: LiveSlots, session: TrainingSession) -> None:
    """The progress bar, with ETA and images per second while running, or the outcome after."""
    run, last = session.run, session.last_batch
    if session.status == DONE:
        text = t("train.progress.done", epochs=run.config.epochs, seconds=run.elapsed_s)
    elif session.status == PAUSED:
        text = t("train.progress.paused", done=f"{session.epochs_done:g}", epochs=run.config.epochs)
    elif last is None:
        text = t("train.progress.starting")
    else:
        text = t("train.progress", epoch=min(run.epoch, run.config.epochs), epochs=run.config.epochs,
                 batch=run.batch, batches=run.batches, speed=last.samples_per_s,
                 eta=t("train.seconds", s=session.eta_s or 0.0))
    slots.progress.progress(run.progress, text=text)


def draw_filters(slots: LiveSlots, session: TrainingSession) -> None:
    """conv1's filters at every recorded epoch (at most seven rows: the start, then spread out)."""
    filters = session.curves.filters
    if not filters:
        with slots.filters.container():
            st.subheader(t("train.filters.header"))
            st.caption(t("train.filters.none"))
        return
    recorded = sorted(filters)
    shown = np.unique(np.linspace(0, len(recorded) - 1, min(7, len(recorded))).astype(int))
    with slots.filters.container():
        st.subheader(t("train.filters.header"))
        st.caption(t("train.filters.body"))
        epochs = [recorded[i] for i in shown]
        st.vega_lite_chart(cached_charts.filter_history(
            [filters[e] for e in epochs], epochs,
            epoch_label=t("train.filters.epoch"), filter_label=t("train.filters.filter"),
        ), alt=t("train.filters.alt", count=len(filters[epochs[0]]), epochs=", ".join(map(str, epochs))))


def adopt(session: TrainingSession) -> None:
    """Make the run's model, as it stands, the one every page uses (when the server has kept it in the
    workspace already, this session reads it from there)."""
    if live_runs.model_kept(session):
        workspace.follow(MODEL)
        return
    if session.results is not None:
        test_acc, test_loss = session.results.test_acc, session.results.test_loss
    else:
        test_acc, test_loss = session.curves.epochs[-1]["test_acc"], session.curves.epochs[-1]["test_loss"]
    state.set_session_model(*session.snapshot(test_acc, test_loss))


def train(slots: LiveSlots, session: TrainingSession) -> None:
    """Draw the run as the server trains it; any click, a refresh or leaving stops only the drawing."""
    if session.worker is None:
        if session.run.progress > 0:
            st.toast(t("train.resumed", epoch=session.run.epoch, batch=session.run.batch))
        live_runs.start(session)  # the server follows it from now on, whatever this page does
    last_draw, waiting_shown, epochs_drawn = 0.0, None, len(session.curves.epochs)
    loop_started = time.perf_counter()
    try:
        while session.status == RUNNING:
            with session.lock:  # the server's follower takes the worker's events meanwhile
                if session.waiting != waiting_shown:
                    waiting_shown = session.waiting
                    if waiting_shown:
                        slots.waiting.info(t("train.waiting", slots=training_pool().size))
                    else:
                        slots.waiting.empty()
                epochs_now = len(session.curves.epochs)
                if epochs_now != epochs_drawn and session.status == RUNNING:
                    adopt(session)  # an epoch ended: its model is usable on every page at once
                    draw_filters(slots, session)
                if epochs_now != epochs_drawn or time.perf_counter() - last_draw >= DRAW_EVERY_S:
                    draw_progress(slots, session)
                    draw_chart(slots, session)
                    last_draw = time.perf_counter()
                epochs_drawn = epochs_now
            time.sleep(FOLLOW_EVERY_S)
    finally:  # an interrupted page counts its time too
        session.page_s += time.perf_counter() - loop_started
    with session.lock:  # the follower has told every observer of the run's end
        if session.run.seen:  # a run stopped before its turn learned nothing: nothing to adopt
            adopt(session)


def the_run(slots: LiveSlots, session: TrainingSession | None) -> None:
    """What the run has drawn so far; a running run trains on, then the page reruns."""
    if session is None:
        slots.chart.info(t("train.chart.empty"))
        return
    if session.lost is not None:
        slots.waiting.warning(t(f"train.lost.{session.lost}", epoch=f"{session.epochs_done:g}"))
    with session.lock:
        draw_progress(slots, session)
        draw_chart(slots, session)
        draw_filters(slots, session)
    if session.status == RUNNING:
        train(slots, session)
        st.rerun()  # unlock the settings and show the results


# --- results -------------------------------------------------------------------------------------

def show_clicked_cell() -> None:
    """A click on a mistake cell of the matrix picks it in the list below (a callback: runs first)."""
    clicked = st.session_state[MATRIX_KEY].selection.get("cell") or []
    confusion = st.session_state[SESSION_KEY].results.confusion
    if clicked:
        true, said = int(clicked[0]["true"]), int(clicked[0]["predicted"])
        if true != said and confusion[true, said] > 0:
            st.session_state[CELL_KEY] = (true, said)


def show_results(session: TrainingSession) -> None:
    """Final figures, the confusion matrix, and a browser of the misread test images."""
    results = session.results
    st.header(t("train.results.header"))
    errors = int(results.confusion.sum() - np.trace(results.confusion))
    a, b, c, d = st.columns(4)
    a.metric(t("train.results.test_acc"), f"{results.test_acc:.2f}%")
    b.metric(t("train.results.test_loss"), f"{results.test_loss:.4f}")
    c.metric(t("train.results.errors"), f"{errors:,}")
    d.metric(t("train.results.time"), t("train.seconds", s=session.run.elapsed_s))
    reached = curves.first_reached(session.curves.epochs)
    if reached is None:
        st.markdown(t("train.results.not_reached", target=curves.TUTORIAL_BEST, final=results.test_acc))
    else:
        st.markdown(t("train.results.reached", target=curves.TUTORIAL_BEST, seconds=reached["seconds"],
                      epoch=reached["epoch"], final=results.test_acc))
    st.caption(t("train.results.active"))

    st.subheader(t("train.confusion.header"))
    st.write(t("train.confusion.body"))
    counts = {(true, said): count for true, said, count in mistakes(results.confusion, top=90)}
    if st.session_state.get(CELL_KEY) not in counts:
        st.session_state.pop(CELL_KEY, None)  # a new run has other mistakes
    matrix_col, images_col = st.columns([1, 1], gap="large")
    with images_col:
        if not counts:
            st.success(t("train.mistakes.none"))
            selected = None
        else:
            selected = st.selectbox(
                t("train.mistakes.pick"), list(counts), key=CELL_KEY,
                format_func=lambda cell: t("train.mistakes.option", true=cell[0], said=cell[1],
                                           count=counts[cell]),
            )
    with matrix_col:
        st.vega_lite_chart(cached_charts.confusion_chart(
            results.confusion, true_title=t("train.confusion.true"),
            predicted_title=t("train.confusion.predicted"), count_title=t("train.confusion.count"),
            selected=selected, click_name="cell",
        ), key=MATRIX_KEY, on_select=show_clicked_cell, alt=confusion_description(results.confusion, t))
    if selected is not None:
        with images_col:
            misread_images(session, *selected)


def misread_images(session: TrainingSession, true: int, said: int) -> None:
    """The first test images of one confusion cell, each with the ten probabilities the model gave."""
    test_images, test_labels = data.load_mnist(False)
    indices = cell_indices(test_labels, session.results.predicted, true, said)
    shown = indices[:MOST_IMAGES]
    probs = probabilities(session.run.model, data.load_tensors(False)[0][shown])
    st.caption(t("train.mistakes.more", shown=len(shown), count=len(indices)))
    for row_start in range(0, len(shown), 3):
        row = range(row_start, min(row_start + 3, len(shown)))
        for column, i in zip(st.columns(3), row, strict=False):
            with column:
                st.image(enlarge(test_images[shown[i]], 3),
                         caption=t("train.mistakes.caption", index=int(shown[i]), true=true, said=said,
                                   p_said=probs[i][said], p_true=probs[i][true]),
                         alt=t("train.mistakes.alt", true=true, index=int(shown[i]), said=said))
                st.vega_lite_chart(cached_charts.probability_bars(
                    probs[i], digit_title=t("train.axis.digit"),
                    probability_title=t("train.axis.probability"), true_digit=true, height=90,
                    compact=True,
                ), width="stretch", alt=probability_description(probs[i], t))


# --- keep or load weights ------------------------------------------------------------------------

def weights_panel() -> None:
    """Download the session's model, upload a saved one, or go back to the pretrained."""
    st.header(t("train.weights.header"))
    st.write(t("train.weights.body"))
    down, up = st.columns(2)
    with up:
        uploaded = st.file_uploader(t("train.upload"), type=["safetensors", "pt", "pth"], key=UPLOAD_KEY)
        if uploaded is not None and st.session_state.get(UPLOADED_KEY) != uploaded.file_id:
            try:
                checkpoint = read_checkpoint(uploaded.getvalue())
            except CheckpointError as err:
                st.error(refusal_message(err, t))
            else:
                state.set_session_model(checkpoint.model, checkpoint.meta)
                st.session_state[UPLOADED_KEY] = uploaded.file_id
                st.success(loaded_message(checkpoint, uploaded.name, t))
    model_now, meta_now, source = state.active_model()
    with down:
        st.caption(t(f"train.using_{source}", acc=meta_now.get("test_accuracy", "?")))
        if source == "session":
            st.download_button(t("train.download"), model_to_bytes(model_now, meta_now),
                               file_name="lenet_mnist_mine.safetensors", mime="application/octet-stream",
                               key="train.download", on_click="ignore")
            pth_name = "lenet_mnist.pth" if is_tutorial_lenet(model_now) else "design_mnist.pth"
            st.download_button(t("train.download_pth"), lambda: model_to_pth(model_now, meta_now),
                               file_name=pth_name,
                               mime="application/octet-stream", key="train.download_pth", on_click="ignore")
            st.caption(pth_note(model_now, t))
            if st.button(t("train.use_pretrained"), key="train.use_pretrained"):
                state.use_pretrained()
                st.rerun()


# --- the page ------------------------------------------------------------------------------------

st.title(t("train.title"))
st.write(t("train.intro"))
device, device_label = cache.device()
pool = training_pool()
pool.warm()  # the workers import torch while the learner picks a recipe
reason = device_reason(device) if device.type != "cpu" else "cpu_threads" if pool.threads > 1 else "cpu"
st.info(t(f"train.device.{reason}", name=device_label, threads=pool.threads))
settings_from_link(t)  # a shared link's recipe, on the first visit
for name, key in SETTING_KEYS.items():  # first visit: the classic recipe
    st.session_state.setdefault(key, getattr(PRESETS["classic"], name))
experiments.show_notice()
session = act_on_request(current_session(), device)
predict_first(session)
settings_column, explain_column = st.columns([1, 1], gap="large")
with settings_column:
    settings_panel(session, running=session is not None and session.status == RUNNING)
    settings_to_link(chosen_config())
with explain_column:
    explanations()
the_run(live_slots(), session)
if session is not None and session.results is not None:
    show_results(session)
weights_panel()
