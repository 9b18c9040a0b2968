"""Sketch: draw a digit (or upload a photo, or pick an MNIST test image) and watch LeNet read it."""

from __future__ import annotations

import numpy as np
import streamlit as st
import torch
from streamlit_drawable_canvas import st_canvas

from core import sketch
from core.charts.heatmap import heatmap
from core.checkpoint import shown_accuracy
from core.data import MNIST_MEAN, MNIST_STD, load_mnist
from core.model.charts import probability_description
from core.predictions.design_lessons import SKETCH_ROTATION
from core.sketch import charts, explain, robustness, upload
from ui import collection, prediction
from ui.errors import guarded_fragment
from ui.pictures import digit_alt
from ui.state import SKETCH_IMAGE_KEY, active_model, translator

CANVAS_SIDE = 280
PICTURE_SIDE = 140  # each preprocessing picture, in screen pixels
SOURCES = ("draw", "upload", "mnist")
GENERATION_KEY = "sketch.canvas_generation"  # bumped by "clear": a new key mounts an empty canvas
# slider key -> (label key, min, max, step, default): the robustness controls
CHANGES = {
    "sketch.angle": ("sketch.angle", -30, 30, 1, 0),
    "sketch.shift_x": ("sketch.shift_x", -6, 6, 1, 0),
    "sketch.shift_y": ("sketch.shift_y", -6, 6, 1, 0),
    "sketch.scale": ("sketch.scale", 0.5, 1.5, 0.05, 1.0),
    "sketch.thickness": ("sketch.thickness", -1, 2, 1, 0),
    "sketch.noise": ("sketch.noise", 0.0, 0.5, 0.05, 0.0),
}

t = translator()


def clear_canvas() -> None:
    st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1


def drawn_image() -> np.ndarray | None:
    """The canvas as an RGBA array (white ink on black), or None before the first stroke."""
    pen = st.slider(t("sketch.stroke_width"), 6, 50, 20, key="sketch.stroke", persist_state="session",
                    help=t("sketch.stroke_help"))
    result = st_canvas(
        stroke_width=pen, stroke_color="#FFFFFF", background_color="#000000",
        width=CANVAS_SIDE, height=CANVAS_SIDE, drawing_mode="freedraw", return_image_data=True,
        key=f"sketch.canvas{st.session_state.get(GENERATION_KEY, 0)}",
    )
    st.button(t("sketch.clear"), key="sketch.clear", icon=":material/delete:", on_click=clear_canvas)
    st.caption(t("sketch.canvas_tip"))
    st.caption(t("sketch.canvas_keyboard", mnist=t("sketch.source.mnist")))  # the canvas needs a pointer
    return result.image_data


@st.cache_data(show_spinner=False, max_entries=4)
def uploaded_ink(data: bytes) -> np.ndarray:
    return upload.upload_to_ink(data)


def uploaded_image() -> np.ndarray | None:
    """The uploaded photo as ink on black, or None (with a message saying why)."""
    file = st.file_uploader(t("sketch.upload_label"), key="sketch.upload", help=t("sketch.upload_help"))
    if file is None:
        st.info(t("sketch.upload_invite"))
        return None
    try:
        ink = uploaded_ink(file.getvalue())
    except upload.UploadError as err:
        st.error(t(f"sketch.upload_error.{err.problem}", detail=err.detail))
        return None
    if sketch.ink_box(ink) is None:
        st.warning(t("sketch.upload_blank"))
        return None
    st.image(ink, width=CANVAS_SIDE, alt=t("sketch.upload_alt"))
    return ink


def pick_random_test_image() -> None:
    st.session_state["sketch.mnist_index"] = int(np.random.default_rng().integers(10_000))


def mnist_image() -> np.ndarray:
    """One MNIST test image, uint8 [28, 28], chosen by number."""
    images, labels = load_mnist(False)
    index = st.number_input(t("sketch.mnist_index"), 0, len(images) - 1, step=1,
                            key="sketch.mnist_index", persist_state="session")
    st.button(t("sketch.mnist_random"), key="sketch.mnist_random", icon=":material/casino:",
              on_click=pick_random_test_image)
    st.image(charts.pixel_picture(images[index] / 255.0, CANVAS_SIDE), width=CANVAS_SIDE,
             alt=digit_alt(t, int(labels[index]), int(index)))
    st.markdown(t("sketch.mnist_label", label=int(labels[index])))
    return images[index]


def show_reading(reading: explain.Reading) -> None:
    """The prediction (the page's first st.metric), its confidence and all ten probabilities."""
    left, right = st.columns(2)
    left.metric(t("sketch.prediction"), str(reading.digit), help=t("sketch.prediction_help"))
    right.metric(t("sketch.confidence"), f"{reading.confidence:.1%}", help=t("sketch.confidence_help"))
    if reading.confidence < 0.5:
        st.warning(t("sketch.unsure"))
    st.markdown(f"**{t('sketch.probabilities')}**")
    chart = charts.probability_bars(
        reading.probabilities, t("sketch.axis_digit"), t("sketch.axis_probability")
    )
    st.altair_chart(chart, width="stretch", alt=probability_description(reading.probabilities, t))


def show_steps(steps: sketch.Preprocessed, reading: explain.Reading) -> None:
    """The five pictures between the drawing and the network's input."""
    st.subheader(t("sketch.steps_header"))
    st.write(t("sketch.steps_intro"))
    columns = st.columns(5)
    columns[0].image(steps.ink, caption=t("sketch.step_drawing"), width=PICTURE_SIDE, clamp=True,
                     alt=t("sketch.step_drawing_alt"))
    crop = charts.framed(steps.crop, max(steps.crop.shape))
    columns[1].image(crop, caption=t("sketch.step_crop"), width=PICTURE_SIDE, clamp=True,
                     alt=t("sketch.step_crop_alt"))
    fitted = charts.pixel_picture(charts.framed(steps.fitted, sketch.FIT), PICTURE_SIDE)
    columns[2].image(fitted, caption=t("sketch.step_fit"), width=PICTURE_SIDE, alt=t("sketch.step_fit_alt"))
    centred = charts.pixel_picture(steps.centred, PICTURE_SIDE)
    columns[3].image(centred, caption=t("sketch.step_centre"), width=PICTURE_SIDE,
                     alt=t("sketch.step_centre_alt"))
    with columns[4]:
        normalised = heatmap(reading.network_input, size=PICTURE_SIDE, value_format=".2f")
        st.altair_chart(normalised, width="content", alt=t("sketch.step_input_alt"))
        st.caption(t("sketch.step_input"))
    st.markdown(t("sketch.steps_explained", mean=MNIST_MEAN, std=MNIST_STD))
    if steps.thickened_by:
        st.caption(t("sketch.thickened", pixels=steps.thickened_by))


def show_network_view(model: torch.nn.Module, image: np.ndarray, reading: explain.Reading) -> None:
    """conv1 and conv2 feature maps, and the saliency of the predicted digit."""
    st.subheader(t("sketch.view_header"))
    conv1, conv2, salient = st.columns([3, 2.4, 2.2])
    with conv1:
        if reading.conv1 is None:
            st.info(t("sketch.no_conv"))
        else:
            st.image(charts.map_tiles(reading.conv1, columns=3, cell=96),
                     alt=t("sketch.conv1_alt", count=len(reading.conv1)))
            st.markdown(t("sketch.conv1"))
    if reading.conv2 is not None:
        with conv2:
            st.image(charts.map_tiles(reading.conv2, columns=4, cell=56),
                     alt=t("sketch.conv2_alt", count=len(reading.conv2)))
            st.markdown(t("sketch.conv2"))
            st.caption(t("sketch.maps_scale"))
    with salient:
        saliency = explain.saliency(model, image, reading.digit)
        st.altair_chart(heatmap(saliency, scheme="inferno", size=200), width="content",
                        alt=t("sketch.saliency_alt", digit=reading.digit))
        st.markdown(t("sketch.saliency", digit=reading.digit))


def reset_changes() -> None:
    for key in CHANGES:
        st.session_state.pop(key, None)  # each slider comes back at its default


def predict_rotation(model: torch.nn.Module, image: np.ndarray, digit: int) -> bool:
    """Before the lab shows it: how far the digit turns before the model misreads it; whether the
    rotation chart may show (once guessed or skipped, or in presenter mode)."""
    values = {"model": model, "image": image, "digit": int(digit), "reach": CHANGES["sketch.angle"][2]}
    record = prediction.ask(SKETCH_ROTATION, values, t)
    return record is not None or bool(st.session_state.get(prediction.PRESENTER_KEY))


@guarded_fragment
def show_robustness(model: torch.nn.Module, image: np.ndarray, digit: int) -> None:
    """Sliders that change the digit; only this part reruns when they move."""
    st.subheader(t("sketch.robust_header"))
    st.write(t("sketch.robust_intro"))
    chart_shown = predict_rotation(model, image, digit)
    controls, picture, sweep_column = st.columns([2, 1.2, 2.4])
    values = {}
    with controls:
        for key, (label, low, high, step, default) in CHANGES.items():
            values[key] = st.slider(t(label), low, high, default, step, key=key, persist_state="session")
        st.button(t("sketch.reset_changes"), key="sketch.reset_changes", on_click=reset_changes)
    change = robustness.Change(
        angle=values["sketch.angle"], shift_x=values["sketch.shift_x"], shift_y=values["sketch.shift_y"],
        scale=values["sketch.scale"], thickness=values["sketch.thickness"], noise=values["sketch.noise"],
    )
    changed = robustness.apply_change(image, change)
    changed_reading = explain.read_digit(model, changed)
    with picture:
        st.image(charts.pixel_picture(changed, PICTURE_SIDE), caption=t("sketch.changed_digit"),
                 width=PICTURE_SIDE, alt=t("sketch.changed_alt", angle=change.angle, x=change.shift_x,
                                           y=change.shift_y, scale=f"{change.scale:g}"))
        st.markdown(t("sketch.changed_reading", digit=changed_reading.digit,
                      confidence=changed_reading.confidence))
    with sweep_column:
        if not chart_shown:  # it would give the answer away
            st.caption(t("predict.sketch_rotation.hidden"))
            return
        sweep = robustness.rotation_sweep(model, image, digit=digit, base=change)
        chart = charts.rotation_chart(
            sweep.angles, sweep.confidence, change.angle, t("sketch.sweep_title", digit=digit),
            t("sketch.axis_angle"), t("sketch.axis_confidence", digit=digit),
        )
        st.altair_chart(chart, width="stretch", alt=t(
            "sketch.sweep_alt", digit=digit, low=f"{sweep.angles[0]:g}", high=f"{sweep.angles[-1]:g}",
            angle=change.angle))
        st.caption(t("sketch.sweep_note"))


def read_a_digit(model: torch.nn.Module) -> tuple[sketch.Preprocessed | None, explain.Reading | None]:
    """Draw, upload or pick a digit, and the network's reading of it; (preprocessing, reading),
    both None while there is no digit."""
    source = st.segmented_control(
        t("sketch.source"), SOURCES, default="draw", format_func=lambda s: t(f"sketch.source.{s}"),
        key="sketch.source", persist_state="session", required=True,
    )
    input_column, reading_column = st.columns([1, 1.2], gap="large")
    with input_column:
        if source == "upload":
            raw = uploaded_image()
        elif source == "mnist":
            raw = mnist_image()
        else:
            raw = drawn_image()
    steps = None if raw is None else sketch.preprocess(raw)
    reading = None
    with reading_column:
        if steps is None:
            if source == "draw":
                st.info(t("sketch.empty"), icon=":material/draw:")
        else:
            image = steps.centred
            st.session_state[SKETCH_IMAGE_KEY] = image  # the model page shows its activations
            reading = explain.read_digit(model, image)
            show_reading(reading)
            # a kept drawing makes room for the next
            on_kept = clear_canvas if source == "draw" else lambda: None
            collection.keep_controls(image, reading.digit, str(st.session_state.get(GENERATION_KEY, 0)),
                                     on_kept)
    return steps, reading


# --- the page ------------------------------------------------------------------------------------

st.title(t("sketch.title"))
st.write(t("sketch.intro"))
model, meta, model_source = active_model()
st.caption(t(f"sketch.model_{model_source}", acc=shown_accuracy(meta)))
steps, reading = read_a_digit(model)
if steps is not None:
    st.divider()
    show_steps(steps, reading)
    st.divider()
    show_network_view(model, steps.centred, reading)
    st.divider()
    show_robustness(model, steps.centred, reading.digit)
st.divider()
collection.show_collection(model, meta)
