"""Inside LeNet: the model as PyTorch prints it, its layers, a data-flow diagram, one image's activations."""

from __future__ import annotations

import random

import numpy as np
import streamlit as st

from core import data
from core.model import LENET, charts, design_of, layer_table
from core.model.shapes import LayerRow, parameter_total
from core.predictions import MODEL_CONV2, MODEL_FC1, MODEL_POOL2
from ui import cache, prediction, state
from ui.charts import model as cached_charts
from ui.navigation import PAGES
from ui.pictures import digit_alt, digit_pngs
from ui.state import translator

INDEX_KEY = "model.index"
SOURCE_KEY = "model.source"

t = translator()


def other_design(design: list[dict]) -> None:
    """The lessons explain LeNet; say so, and where the learner's own network is."""
    st.info(t("model.other_design", name=state.design_label(design, t),
              total=f"{parameter_total(layer_table(design)):,}"))
    st.page_link("pages/design.py", label=t("nav.design"), icon=dict(PAGES)["design"])


def the_code(printed: str) -> None:
    """LeNet as PyTorch prints it."""
    st.header(t("model.code.header"))
    st.write(t("model.code.body"))
    st.code(printed, language="text", wrap_lines=True)  # no sideways scrolling, which a keyboard cannot reach


def predict_first() -> None:
    """Before the table: conv2's and pool2's output sides and fc1's parameters, for the LeNet the code
    above and the table below show."""
    for column, prompt in zip(st.columns(3), (MODEL_CONV2, MODEL_POOL2, MODEL_FC1), strict=True):
        with column:
            prediction.ask(prompt, {"design": LENET}, t)


def the_layer_table(rows: list[LayerRow]) -> None:
    """Every layer's shapes and parameters, and fc1's share of them."""
    st.header(t("model.table.header"))
    st.write(t("model.table.body"))
    st.dataframe(charts.layer_frame(rows, t), hide_index=True)
    total = parameter_total(rows)
    fc1_share = next(row.parameters for row in rows if row.name == "fc1") / total
    st.markdown(t("model.table.total", total=f"{total:,}", share=f"{100 * fc1_share:.0f}"))


def the_data_flow(rows: list[LayerRow]) -> None:
    """The data-flow diagram, a box for each step with its shape."""
    st.header(t("model.flow.header"))
    words, diagram = st.columns([1, 1], gap="large")
    words.write(t("model.flow.body"))
    step_labels = {
        "conv1": t("model.flow.conv"), "conv2": t("model.flow.conv"),
        "pool1": t("model.flow.pool"), "pool2": t("model.flow.pool"),
        "flatten": t("model.flow.flatten"), "fc1": t("model.flow.linear"),
        "fc2": t("model.flow.linear"), "fc3": t("model.flow.linear_last"),
    }
    diagram.graphviz_chart(charts.dataflow_dot(
        rows, input_label=t("model.flow.input"), output_label=t("model.flow.output"),
        step_labels=step_labels, params_label=t("model.flow.params"),
    ), alt=t("model.flow_alt", layers=", ".join(row.name for row in rows)))


def random_digit() -> None:
    """Jump to a random test image (a callback, so it runs before the number box is drawn)."""
    st.session_state[INDEX_KEY] = random.randrange(len(data.load_mnist(train=False)[0]))


def one_digit_read(model, source: str) -> dict[str, np.ndarray]:
    """A test image or the learner's drawing, what the model says it is, and every layer's output."""
    st.header(t("model.act.header"))
    st.write(t("model.act.body", source=t(f"model.source.{source}")))
    test_images, test_labels = data.load_mnist(train=False)
    sketch = st.session_state.get(state.SKETCH_IMAGE_KEY)
    sources = ["test", "sketch"] if sketch is not None else ["test"]
    if st.session_state.get(SOURCE_KEY) not in sources:
        st.session_state[SOURCE_KEY] = "test"  # the drawing may have gone (a new session)
    controls, picture = st.columns([2, 1])
    with controls:
        chosen = st.radio(t("model.input.label"), sources, format_func=lambda s: t(f"model.input.{s}"),
                          key=SOURCE_KEY, persist_state="session", horizontal=True)
        if sketch is None:
            st.caption(t("model.input.no_sketch"))
        if chosen == "test":
            st.session_state.setdefault(INDEX_KEY, 0)
            index = st.number_input(t("model.index.label"), min_value=0, max_value=len(test_images) - 1,
                                    step=1, key=INDEX_KEY, persist_state="session")
            st.button(t("model.random"), key="model.random", on_click=random_digit)
            index = int(index)
            image, caption = test_images[index], t("model.image.caption", label=int(test_labels[index]))
            alt = digit_alt(t, int(test_labels[index]), index)
        else:
            image, caption = np.asarray(sketch, dtype=np.float32), t("model.image.caption_sketch")
            alt = t("alt.sketch_digit")
    outputs = cache.digit_activations(model, image)
    probabilities = outputs["probabilities"]
    with picture:
        st.image(digit_pngs(np.asarray(image)[None], 6)[0], caption=caption, output_format="PNG", alt=alt)
        said = int(probabilities.argmax())
        st.metric(t("model.prediction"), str(said), t("model.confidence", p=float(probabilities[said])),
                  delta_color="off", delta_arrow="off")
    return outputs


def maps_alt(layer: str, maps: np.ndarray) -> str:
    return t("model.maps_alt", layer=layer, count=len(maps), side=maps.shape[-1])


def bars_alt(layer: str, values: np.ndarray) -> str:
    return t("model.bars_alt", layer=layer, count=len(values), zeros=int(np.sum(np.asarray(values) == 0)))


def lenet_layers(outputs: dict[str, np.ndarray]) -> None:
    """The tutorial's LeNet, stage by stage, with each stage's explanation."""
    for step, columns in (("conv1", 6), ("pool1", 6), ("conv2", 8), ("pool2", 8)):
        st.subheader(t(f"model.{step}.header"))
        st.caption(t(f"model.{step}.body"))
        size = {"conv1": 96, "pool1": 72, "conv2": 60, "pool2": 48}[step]
        st.vega_lite_chart(cached_charts.feature_maps(outputs[step], label=t("model.map"), columns=columns,
                                                      size=size), alt=maps_alt(step, outputs[step]))

    st.subheader(t("model.fc.header"))
    st.caption(t("model.fc.body"))
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('model.fc1')}**")
        st.vega_lite_chart(cached_charts.activation_bars(outputs["fc1"], unit_title=t("model.axis.unit"),
                                               value_title=t("model.axis.value")), width="stretch",
                           alt=bars_alt("fc1", outputs["fc1"]))
        st.markdown(f"**{t('model.fc3')}**")
        st.vega_lite_chart(cached_charts.activation_bars(outputs["fc3"], unit_title=t("model.axis.digit"),
                                               value_title=t("model.axis.logit"), first=0), width="stretch",
                           alt=t("model.logits_alt", digit=int(np.argmax(outputs["fc3"]))))
    with right:
        st.markdown(f"**{t('model.fc2')}**")
        st.vega_lite_chart(cached_charts.activation_bars(outputs["fc2"], unit_title=t("model.axis.unit"),
                                               value_title=t("model.axis.value")), width="stretch",
                           alt=bars_alt("fc2", outputs["fc2"]))
        st.markdown(f"**{t('model.probabilities')}**")
        probabilities = outputs["probabilities"]
        st.vega_lite_chart(cached_charts.probability_bars(probabilities, digit_title=t("model.axis.digit"),
                                                probability_title=t("model.axis.probability"), height=140),
                           width="stretch", alt=charts.probability_description(probabilities, t))


def design_layers(outputs: dict[str, np.ndarray], design: list[dict]) -> None:
    """Any other design: every layer's output (activation functions folded into the layer before)."""
    st.info(t("model.act.design", name=state.design_label(design, t)))
    rows = layer_table(design)
    for number, row in enumerate(rows):
        value = outputs.get(row.name)
        if value is None or row.kind in ("Flatten", "Dropout"):
            continue
        st.markdown(f"**{row.name}** · {row.kind} · {' × '.join(map(str, row.output_shape))}")
        if value.ndim == 3:
            side = value.shape[-1]
            size = 96 if side >= 20 else 64 if side >= 8 else 40
            st.vega_lite_chart(cached_charts.feature_maps(value, label=t("model.map"),
                                                          columns=min(8, len(value)), size=size),
                               alt=maps_alt(row.name, value))
        elif number == len(rows) - 1:
            st.vega_lite_chart(cached_charts.activation_bars(value, unit_title=t("model.axis.digit"),
                                                             value_title=t("model.axis.logit"), first=0),
                               width="stretch", alt=t("model.logits_alt", digit=int(np.argmax(value))))
        else:
            st.vega_lite_chart(cached_charts.activation_bars(value, unit_title=t("model.axis.unit"),
                                                             value_title=t("model.axis.value")),
                               width="stretch", alt=bars_alt(row.name, value))
    st.markdown(f"**{t('model.probabilities')}**")
    st.vega_lite_chart(cached_charts.probability_bars(
        outputs["probabilities"], digit_title=t("model.axis.digit"),
        probability_title=t("model.axis.probability"), height=140), width="stretch",
        alt=charts.probability_description(outputs["probabilities"], t))


# --- the page ------------------------------------------------------------------------------------

st.title(t("model.title"))
printed, parameters, rows = cache.lenet_architecture()
st.write(t("model.intro", total=f"{parameters:,}"))
model, _, source = state.active_model()
design = design_of(model)
if design != LENET:
    other_design(design)
the_code(printed)
predict_first()
the_layer_table(rows)
the_data_flow(rows)
outputs = one_digit_read(model, source)
if design == LENET:
    lenet_layers(outputs)
else:
    design_layers(outputs, design)
