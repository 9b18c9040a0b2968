"""The experiment bench: every run of the session in a table, curves side by side, what a change did,
a run replayed epoch by epoch, a branch from any epoch, and the run taken away as CSV, weights or code."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st
import torch

from core import data
from core.checkpoint import model_to_bytes
from core.data import MNIST_MEAN, MNIST_STD
from core.experiments.charts import RUN_COLOURS, filters_image, overlay_frame, tutorial_overlay_frame
from core.experiments.export_script import export_script
from core.experiments.store import RunStore, curves_table
from core.i18n import Translator
from core.model import LENET, probabilities
from core.model.charts import probability_description
from core.pixels import enlarge
from core.training import EPOCH_RANGE, OPTIMIZERS, SCHEDULES, TrainConfig
from core.training.confusion import confusion_description
from core.training.recipe_url import BATCH_SIZES, LEARNING_RATES
from core.training.record import DONE, RunRecord
from core.training.session import RUNNING, TrainingSession
from ui import cache, state, training_state
from ui.charts import experiments as charts
from ui.experiments import (
    difference_sentence,
    follow_kept_runs,
    run_label,
    run_store,
    runs_frame,
    show_notice,
    started,
)
from ui.pictures import digit_alt
from ui.state import translator

TABLE_KEY = "experiments.table"
FOCUS_KEY = "experiments.focus"
EPOCH_KEY = "experiments.epoch"


def show_table(store: RunStore, t: Translator) -> list[RunRecord]:
    """The sortable, selectable runs table; returns the selected runs."""
    st.subheader(t("experiments.table.header"))
    frame = runs_frame(store.runs, t)
    event = st.dataframe(frame, key=TABLE_KEY, on_select="rerun", selection_mode="multi-row", hide_index=True)
    mb = max(run.nbytes for run in store.runs) / 1e6
    st.caption(t("experiments.table.help") + " " + t("experiments.cap", cap=store.cap, mb=mb))
    rows = event["selection"]["rows"]  # positions in `store.runs`, whatever the sort on screen
    return [store.runs[i] for i in sorted(rows) if i < len(store.runs)]


def show_overlay(runs: list[RunRecord], t: Translator) -> None:
    """The selected runs' curves over each other, and the tutorial's run if asked for."""
    st.subheader(t("experiments.chart.header"))
    labels = [run_label(run, t) for run in runs]
    number = run_store().number
    colours = {label: RUN_COLOURS[number(run) % len(RUN_COLOURS)]
               for label, run in zip(labels, runs, strict=True)}
    tutorial = st.toggle(t("experiments.chart.tutorial"), key="experiments.tutorial")
    reference = tutorial_overlay_frame(t("experiments.chart.tutorial_label")) if tutorial else None
    st.vega_lite_chart(charts.overlay_chart(
        overlay_frame(runs, labels), colours=colours, loss_title=t("experiments.chart.loss"),
        accuracy_title=t("experiments.chart.accuracy"), epoch_title=t("experiments.chart.epoch"),
        run_title=t("experiments.chart.run"), reference=reference,
    ), alt=t("experiments.chart.alt", count=len(runs), runs=", ".join(labels)))
    if tutorial:
        st.caption(t("experiments.chart.tutorial_caption"))


def replay_digit(t: Translator) -> tuple[torch.Tensor, np.ndarray, int | None, str]:
    """The digit to replay on: the learner's last drawing, or a chosen test image (normalised, raw,
    label, its text alternative)."""
    sketch = st.session_state.get(state.SKETCH_IMAGE_KEY)
    sources = (["sketch"] if sketch is not None else []) + ["test"]
    source = st.radio(t("experiments.replay.source"), sources, horizontal=True, key="experiments.source",
                      format_func=lambda s: t("experiments.replay.sketch" if s == "sketch"
                                              else "experiments.replay.test_digit"))
    if source == "sketch" and sketch is not None:
        image = torch.as_tensor(np.asarray(sketch, dtype=np.float32))
        normalised = ((image - MNIST_MEAN) / MNIST_STD).reshape(1, 1, 28, 28)
        return normalised, np.asarray(sketch) * 255, None, t("alt.sketch_digit")
    index = st.number_input(t("experiments.replay.index"), 0, 9_999, 0, key="experiments.test_index")
    images, labels = data.load_mnist(False)
    label = int(labels[index])
    alt = digit_alt(t, label, index)
    return data.load_tensors(False)[0][index : index + 1], images[index], label, alt


def show_replay(run: RunRecord, t: Translator) -> int:
    """A slider over the run's epochs: filters, confusion matrix and a digit's probabilities at that epoch."""
    st.markdown(f"#### {t('experiments.replay.header')}")
    epochs = run.replay_epochs
    if st.session_state.get(EPOCH_KEY) not in epochs:
        st.session_state[EPOCH_KEY] = epochs[-1]
    epoch = st.select_slider(t("experiments.replay.epoch"), epochs, key=EPOCH_KEY) if len(epochs) > 1 \
        else epochs[0]
    filters_col, matrix_col, digit_col = st.columns([1.2, 1, 0.8], gap="medium")
    with filters_col:
        st.caption(t("experiments.replay.filters", epoch=epoch))
        filters = run.curves.filters
        if epoch in filters:
            st.image(filters_image(filters[epoch]), alt=t("experiments.replay.filters_alt", epoch=epoch))
            st.caption(t("experiments.replay.filters_key"))
    with matrix_col:
        st.caption(t("experiments.replay.confusion", epoch=epoch))
        if epoch in run.curves.confusions:
            st.vega_lite_chart(charts.confusion_chart(
                run.curves.confusions[epoch], true_title=t("train.confusion.true"),
                predicted_title=t("train.confusion.predicted"), count_title=t("train.confusion.count"),
                size=260), alt=confusion_description(run.curves.confusions[epoch], t))
        else:
            st.info(t("experiments.replay.no_confusion"))
    with digit_col:
        st.caption(t("experiments.replay.digit", epoch=epoch))
        x, raw, label, alt = replay_digit(t)
        probs = probabilities(run.model_at(epoch), x)[0]
        st.image(enlarge(np.asarray(raw, dtype=np.uint8), 3), alt=alt)
        st.vega_lite_chart(charts.probability_bars(probs, digit_title=t("train.axis.digit"),
                                         probability_title=t("train.axis.probability"), true_digit=label,
                                         height=140), width="stretch", alt=probability_description(probs, t))
        st.markdown(t("experiments.replay.says", digit=int(probs.argmax()), p=float(probs.max())))
    return epoch


def model_meta(run: RunRecord, epoch: int, t: Translator) -> dict:
    """Checkpoint metadata for a run's model at one epoch."""
    return run.meta(epoch, source=f"experiments: {run_label(run, t)}, epoch {epoch}")


def show_manage(run: RunRecord, store: RunStore, epoch: int, t: Translator) -> None:
    """Use the epoch's model, rename, pin, delete."""
    use, name, pin, remove = st.columns([1.2, 1.2, 0.8, 0.8], vertical_alignment="bottom")
    if use.button(t("experiments.use"), key="experiments.use", type="primary"):
        state.set_session_model(run.model_at(epoch), model_meta(run, epoch, t))
        st.success(t("experiments.used", label=run_label(run, t), epoch=epoch))

    number = store.number(run)  # widget keys by the run's number: unique in the session, and short

    def rename() -> None:
        run.name = st.session_state[f"experiments.name.{number}"].strip() or None
        store.edited(run)

    def toggle_pin() -> None:
        run.pinned = st.session_state[f"experiments.pin.{number}"]
        store.edited(run)

    name.text_input(t("experiments.rename"), value=run.name or "", key=f"experiments.name.{number}",
                    help=t("experiments.rename_help"), on_change=rename, max_chars=60)
    pin.toggle(t("experiments.pin"), value=run.pinned, key=f"experiments.pin.{number}", on_change=toggle_pin)
    remove.button(t("experiments.remove"), key=f"experiments.remove.{number}", on_click=store.remove,
                  args=(run.id,), icon=":material/delete:")
    if run.status == DONE:
        st.page_link("pages/classroom.py", label=t("class.share.from_experiments"), icon=":material/share:")


def start_branch(run: RunRecord, epoch: int, config: TrainConfig) -> None:
    """Resume `run` from `epoch` under `config` as a new run on the training page (a button callback)."""
    device, _ = cache.device()
    session = TrainingSession.branch(run, epoch, config, device, data.load_tensors(True),
                                     data.load_tensors(False))
    started(session)
    st.session_state[training_state.SESSION_KEY] = session
    for name, key in training_state.SETTING_KEYS.items():  # the training page shows the branch's recipe
        st.session_state[key] = getattr(config, name)


def show_branch(run: RunRecord, t: Translator) -> None:
    """Train again from an epoch of this run, with changes."""
    with st.expander(t("experiments.branch.header")):
        st.caption(t("experiments.branch.body"))
        done = [e for e in run.replay_epochs if e >= 1 and e in {r["epoch"] for r in run.curves.epochs}]
        if not done:
            st.info(t("experiments.branch.none"))
            return
        current = st.session_state.get(training_state.SESSION_KEY)
        busy = current is not None and current.status == RUNNING
        config = run.config
        with st.form(f"experiments.branch.{run_store().number(run)}", border=False):
            a, b = st.columns(2)
            start = a.selectbox(t("experiments.branch.from"), done, index=len(done) - 1,
                                key="experiments.branch_from")
            epochs = b.slider(t("experiments.branch.epochs"), 1, EPOCH_RANGE[1],
                              max(config.epochs, done[-1] + 1), key="experiments.branch_epochs")
            # a run trained elsewhere may hold a value the sliders do not offer: offer it too
            lr = a.select_slider(t("train.lr"), sorted({*LEARNING_RATES, config.lr}), value=config.lr,
                                 format_func=lambda v: f"{v:g}", key="experiments.branch_lr")
            batch = b.select_slider(t("train.batch_size"), sorted({*BATCH_SIZES, config.batch_size}),
                                    value=config.batch_size)
            optimizer = a.radio(t("train.optimizer"), OPTIMIZERS, index=OPTIMIZERS.index(config.optimizer),
                                format_func=lambda o: t(f"train.optimizer.{o}"), horizontal=True)
            schedule = b.radio(t("train.schedule"), SCHEDULES, index=SCHEDULES.index(config.schedule),
                               format_func=lambda s: t(f"train.schedule.{s}"), horizontal=True)
            momentum = a.slider(t("train.momentum"), 0.0, 0.99, value=float(config.momentum), step=0.01)
            submitted = st.form_submit_button(t("experiments.branch.start"), disabled=busy, type="primary",
                                              key="experiments.branch_start")
        if busy:
            st.caption(t("experiments.branch.busy"))
        if submitted and not busy:
            new = replace(config, epochs=max(epochs, start + 1), lr=lr, batch_size=batch, optimizer=optimizer,
                          schedule=schedule, momentum=momentum)
            start_branch(run, start, new)
            st.switch_page("pages/train.py")


def show_export(store: RunStore, run: RunRecord, epoch: int, t: Translator) -> None:
    """The runs table and this run's curves as CSV, its weights, and the code for it."""
    st.markdown(f"#### {t('experiments.export.header')}")
    number = store.number(run)
    a, b, c = st.columns(3)
    a.download_button(t("experiments.export.table"), lambda: runs_frame(store.runs, t).to_csv(index=False),
                      file_name="runs.csv", mime="text/csv", key="experiments.csv_table", on_click="ignore")
    b.download_button(t("experiments.export.curves"), lambda: curves_table(run).to_csv(index=False),
                      file_name=f"run_{number}_curves.csv", mime="text/csv", key="experiments.csv_curves",
                      on_click="ignore")
    c.download_button(t("experiments.export.weights", epoch=epoch),
                      lambda: model_to_bytes(run.model_at(epoch), model_meta(run, epoch, t)),
                      file_name=f"run_{number}_epoch_{epoch}.safetensors", mime="application/octet-stream",
                      key="experiments.weights", on_click="ignore")
    if run.design != LENET:  # the script writes the tutorial's LeNet class
        return
    with st.expander(t("experiments.export.code")):
        st.caption(t("experiments.export.code_body"))
        if run.parent is not None:
            st.caption(t("experiments.export.code_branch"))
        script = export_script(run.config, label=run_label(run, t), file_name=f"train_run_{number}.py")
        st.code(script, language="python", height=360)
        st.download_button(t("experiments.export.code_download"), script, file_name=f"train_run_{number}.py",
                           mime="text/x-python", key="experiments.script", on_click="ignore")


def show_run(store: RunStore, chosen: list[RunRecord], t: Translator) -> None:
    """One run up close: pick it, replay it, manage it, branch from it, take it away."""
    candidates = chosen or store.runs
    by_number = {store.number(run): run for run in candidates}
    numbers = list(by_number)
    if st.session_state.get(FOCUS_KEY) not in numbers:
        st.session_state[FOCUS_KEY] = numbers[-1]
    labels = {n: run_label(run, t) for n, run in by_number.items()}
    number = st.selectbox(t("experiments.run.pick"), numbers, key=FOCUS_KEY, format_func=labels.__getitem__)
    run = by_number[number]
    st.subheader(t("experiments.run.header", label=run_label(run, t)))
    epoch = show_replay(run, t)
    show_manage(run, store, epoch, t)
    show_branch(run, t)
    show_export(store, run, epoch, t)


def no_runs_yet(t: Translator) -> None:
    """An empty bench: where runs come from."""
    st.info(t("experiments.empty"))
    st.page_link("pages/train.py", label=t("experiments.go_train"), icon=":material/model_training:")


def show_comparison(chosen: list[RunRecord], t: Translator) -> None:
    """The chosen runs' curves over each other; for two, what differs between them and what it did."""
    if chosen:
        show_overlay(chosen, t)
    else:
        st.info(t("experiments.select_some"))
    if len(chosen) == 2:
        st.subheader(t("experiments.diff.header"))
        st.info(difference_sentence(chosen[0], chosen[1], t), icon=":material/compare_arrows:")


# --- the page ------------------------------------------------------------------------------------

t = translator()
st.title(t("experiments.title"))
st.write(t("experiments.intro"))
show_notice()
st.caption(t("experiments.same_start"))
follow_kept_runs()  # another tab, or the server's run, may have kept more
store = run_store()
if not store.runs:
    no_runs_yet(t)
else:
    chosen = show_table(store, t)
    show_comparison(chosen, t)
    st.divider()
    show_run(store, chosen, t)
