"""The sketch page's collection of the learner's own digits: keep, gallery, score, files, fine-tune.

The collection lives in the learner's workspace (cached in `st.session_state`); every change
replaces it with a new immutable `Collection`, kept through `ui.state.keep`, so a refused upload
leaves it intact.
Fine-tuning runs in the server's pool of training workers (`ui/training_pool.py`), like a
training run: the page draws the events the worker sends.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.checkpoint import model_to_bytes
from core.data import normalise
from core.handwriting import collection as collections
from core.handwriting.collection import MAX_DIGITS, Collection, CollectionFileError, CollectionFull
from core.handwriting.finetune import MIN_DIGITS, FinetuneResult, FinetuneSettings, finetune, hold_back
from core.model import probabilities
from core.sketch import charts
from core.training import BatchEvent
from core.worker_pool import FAILED
from ui.state import COLLECTION_KEY, keep, set_session_model, translator
from ui.training_pool import session_alive, training_pool

MESSAGE_KEY = "sketch.collection_message"  # (kind, text) to show once after a callback
UPLOADS_KEY = "sketch.collection_uploads"  # uploaded file id -> its refusal (problem, detail) or None
RESULT_KEY = "sketch.finetune_result"  # the last fine-tuning's figures and model file
THUMB = 56  # screen pixels of a gallery picture
GALLERY_COLUMNS = 10



def t(key: str, **fields: object) -> str:
    """The text for `key` in the learner's current language."""
    return translator()(key, **fields)


def collection() -> Collection:
    """This session's collection (empty at first)."""
    return st.session_state.get(COLLECTION_KEY) or Collection()


def _keep(image: np.ndarray, label_key: str, on_kept: Callable[[], None]) -> None:
    label = int(st.session_state[label_key])
    try:
        kept = collection().add(image, label)
    except CollectionFull:
        st.session_state[MESSAGE_KEY] = ("warning", t("collect.full", limit=MAX_DIGITS))
        return
    keep("digits", kept)
    st.session_state[MESSAGE_KEY] = ("success", t("collect.kept", digit=label, count=len(kept)))
    on_kept()


def keep_controls(image: np.ndarray, predicted: int, key_suffix: str, on_kept: Callable[[], None]) -> None:
    """The true-label picker (the reading pre-selected) and "Keep this digit"."""
    label_key = f"collect.label.{key_suffix}.{predicted}"  # a new reading pre-selects afresh
    st.segmented_control(t("collect.label"), list(range(10)), default=predicted, key=label_key,
                         required=True, help=t("collect.label_help"))
    st.button(t("collect.keep"), key="collect.keep", icon=":material/add_photo_alternate:",
              on_click=_keep, args=(image, label_key, on_kept))


def show_message() -> None:
    """The outcome of the last keep or upload, once, as a toast (it may be far from the page's view)."""
    kind, text = st.session_state.pop(MESSAGE_KEY, (None, None))
    if kind is not None:
        st.toast(text, icon=":material/check_circle:" if kind == "success" else ":material/warning:")


def _delete(index: int) -> None:
    keep("digits", collection().delete(index))


def show_gallery(kept: Collection) -> None:
    """The digits grouped by label, each with its own delete button."""
    with st.container(key="collect-gallery"):
        for digit, count in enumerate(kept.counts()):
            if count == 0:
                continue
            st.markdown(f"**{t('collect.group', digit=digit, count=int(count))}**")
            indices = np.flatnonzero(kept.labels == digit)
            for start in range(0, len(indices), GALLERY_COLUMNS):
                columns = st.columns(GALLERY_COLUMNS)
                for column, index in zip(columns, indices[start : start + GALLERY_COLUMNS], strict=False):
                    column.image(charts.pixel_picture(kept.images[index] / 255.0, THUMB), width=THUMB,
                                 alt=t("collect.kept_alt", digit=digit))
                    column.button("", key=f"collect.delete.{index}", icon=":material/close:",
                                  help=t("collect.delete"), on_click=_delete, args=(int(index),))


def show_score(model, kept: Collection) -> None:
    """The active model's accuracy on the collection, per digit, and the misread ones."""
    st.subheader(t("collect.score_header"))
    said = probabilities(model, normalise(kept.images)).argmax(axis=1)
    right = said == kept.labels
    st.markdown(t("collect.score", right=int(right.sum()), total=len(kept), accuracy=float(right.mean())))
    present = kept.counts() > 0
    table = pd.DataFrame({
        t("collect.col_digit"): np.arange(10)[present],
        t("collect.col_count"): kept.counts()[present],
        t("collect.col_right"): np.bincount(kept.labels[right], minlength=10)[present],
    })
    table[t("collect.col_accuracy")] = table[t("collect.col_right")] / table[t("collect.col_count")]
    bar = st.column_config.ProgressColumn(format="percent", min_value=0, max_value=1)
    st.dataframe(table, hide_index=True, column_config={t("collect.col_accuracy"): bar})
    st.markdown(f"**{t('collect.misread_header')}**")
    wrong = np.flatnonzero(~right)
    if len(wrong) == 0:
        st.caption(t("collect.none_misread"))
        return
    columns = st.columns(GALLERY_COLUMNS)
    for slot, index in enumerate(wrong):
        columns[slot % GALLERY_COLUMNS].image(
            charts.pixel_picture(kept.images[index] / 255.0, THUMB), width=THUMB,
            caption=t("collect.misread", label=int(kept.labels[index]), said=int(said[index])),
            alt=t("collect.misread_alt", label=int(kept.labels[index]), said=int(said[index])))


def show_files(kept: Collection) -> None:
    """Download the collection (.npz, contact sheet); upload one to add its digits."""
    if len(kept):
        left, right = st.columns(2)
        left.download_button(t("collect.download"), collections.to_npz(kept), file_name="my_digits.npz",
                             mime="application/octet-stream", icon=":material/download:",
                             key="collect.download", on_click="ignore")
        right.download_button(t("collect.download_sheet"), collections.contact_sheet(kept),
                              file_name="my_digits.png", mime="image/png", icon=":material/grid_view:",
                              key="collect.download_sheet", on_click="ignore")
    file = st.file_uploader(t("collect.upload"), key="collect.upload", help=t("collect.upload_help"))
    outcomes = st.session_state.setdefault(UPLOADS_KEY, {})
    if file is None:
        return
    if file.file_id not in outcomes:  # each upload is read once, not at every rerun
        try:
            added = kept.extend(collections.from_npz(file.getvalue()))
        except CollectionFileError as err:
            outcomes[file.file_id] = (err.problem, err.detail)
        else:
            outcomes[file.file_id] = None
            keep("digits", added)
            st.session_state[MESSAGE_KEY] = ("success", t("collect.uploaded", count=len(added) - len(kept)))
            st.rerun()
    refusal = outcomes[file.file_id]
    if refusal is not None:  # shown for as long as the refused file sits in the uploader
        st.error(t(f"collect.error.{refusal[0]}", detail=refusal[1]))


def _loss_chart(losses: list[float], every: int) -> alt.Chart:
    frame = pd.DataFrame({"step": np.arange(1, len(losses) + 1) * every, "loss": losses})
    return alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("step:Q", title=t("finetune.step_axis")),
        y=alt.Y("loss:Q", title=t("finetune.loss_axis"), scale=alt.Scale(zero=True)),
    ).properties(height=180)


def _run_finetune(model, meta: dict, kept: Collection, mix: bool) -> None:
    """Fine-tune with live progress, then make the result the active model."""
    settings = FinetuneSettings(mix=mix)
    st.caption(t("finetune.in_worker"))
    bar, chart = st.progress(0.0), st.empty()
    losses: list[float] = []
    result = None
    run = training_pool().submit(finetune, model, kept, settings)  # MNIST is loaded in the worker
    alive = session_alive()
    if alive is not None:
        run.end_with(alive)  # a learner who closes the tab stops it
    for event in run.events():
        if isinstance(event, BatchEvent):
            losses.append(event.loss)
            step = round(event.progress * settings.steps)
            bar.progress(event.progress, text=t("finetune.progress", step=step, steps=settings.steps))
            chart.altair_chart(_loss_chart(losses, 5), width="stretch",
                               alt=t("finetune.loss_alt", step=step, loss=f"{event.loss:.3f}"))
        elif isinstance(event, FinetuneResult):
            result = event
    if run.state == FAILED or result is None:
        raise RuntimeError(f"fine-tuning ended {run.state}: {run.error}")
    new_meta = {**meta, "source": "finetuned", "test_accuracy": round(result.mnist_after, 2),
                "test_loss": round(result.mnist_loss_after, 4),
                "finetune": {"digits": len(kept), "held_back": len(result.held_back), "mix": mix,
                             "steps": settings.steps, "lr": settings.lr,
                             "held_back_accuracy": round(result.personal_after, 1)}}
    set_session_model(result.model, new_meta)
    st.session_state[RESULT_KEY] = (result.personal_before, result.personal_after, result.mnist_before,
                                    result.mnist_after, result.elapsed_s,
                                    model_to_bytes(result.model, new_meta))
    st.rerun()  # the whole page reads with the new model


def show_finetune(model, meta: dict, kept: Collection) -> None:
    """Fine-tune on the collection: the mixing switch, the run, before -> after."""
    st.subheader(t("finetune.header"))
    if len(kept) < MIN_DIGITS:
        st.info(t("finetune.too_few", minimum=MIN_DIGITS, count=len(kept)))
    else:
        st.write(t("finetune.intro", held=len(hold_back(kept.labels))))
        mix = st.toggle(t("finetune.mix"), value=True, key="finetune.mix", help=t("finetune.mix_help"))
        st.caption(t("finetune.forgetting"))
        if st.button(t("finetune.start"), key="finetune.start", type="primary", icon=":material/school:"):
            _run_finetune(model, meta, kept, mix)
    if RESULT_KEY in st.session_state:
        personal_before, personal_after, mnist_before, mnist_after, seconds, model_file = \
            st.session_state[RESULT_KEY]
        st.success(t("finetune.done", seconds=seconds))
        left, right = st.columns(2)
        left.markdown(f"**{t('finetune.personal')}**  \n{personal_before:.1f}% → {personal_after:.1f}%")
        right.markdown(f"**{t('finetune.mnist')}**  \n{mnist_before:.2f}% → {mnist_after:.2f}%")
        st.download_button(t("finetune.download"), model_file, file_name="finetuned_model.safetensors",
                           mime="application/octet-stream", icon=":material/download:",
                           key="finetune.download", on_click="ignore")


def show_collection(model, meta: dict) -> None:
    """The whole collection section of the sketch page."""
    kept = collection()
    st.header(t("collect.header"))
    st.write(t("collect.intro"))
    st.warning(t("collect.reload_warning"), icon=":material/info:")
    show_message()
    if len(kept) == 0:
        st.info(t("collect.empty"))
    else:
        st.caption(t("collect.count", count=len(kept), limit=MAX_DIGITS))
        show_gallery(kept)
        show_score(model, kept)
    show_files(kept)
    show_finetune(model, meta, kept)
