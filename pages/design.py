"""Design a network: start from a preset, edit its layers, see shapes, parameters and costs live."""

from __future__ import annotations

import streamlit as st

from core.design import explain_design_error
from core.design.editing import add_layer, move_layer, remove_layer, set_setting
from core.model import LENET, DesignError, build_model, charts, layer_rows
from core.model.design import FIELDS, FLOAT_FIELDS, KINDS, MAX_LAYERS, PRESETS, layer_names, preset
from core.model.shapes import fused_rows, mult_adds, parameter_total, training_bytes
from core.predictions.design_lessons import DESIGN_GRADIENT, DESIGN_SHUFFLE
from core.predictions.prompt import Prompt, pending
from ui import design_experiments, prediction, state
from ui.design_experiments import RAN_KEY, ExperimentFailed, convolution_section, relu_section
from ui.state import translator

DRAFT_KEY = "design.draft"  # the design as edited, valid or not
VALID_KEY = "design.last_valid"  # the last edited design that could be built
VERSION_KEY = "design.version"  # bumped by every change of the layer list, so its widgets start afresh
PRESET_KEY = "design.preset"
ADD_KIND_KEY = "design.add_kind"
BATCH = 64

t = translator()


def replace_draft(design: list[dict]) -> None:
    """Make `design` the one being edited (callbacks only: they run before the widgets are drawn)."""
    st.session_state[DRAFT_KEY] = design
    st.session_state[VERSION_KEY] = st.session_state.get(VERSION_KEY, 0) + 1


def load_preset() -> None:
    """Start again from the chosen preset."""
    replace_draft(preset(st.session_state[PRESET_KEY]))


def change_setting(index: int, field: str, key: str) -> None:
    """Copy one widget's value into the draft."""
    draft = st.session_state[DRAFT_KEY]
    st.session_state[DRAFT_KEY] = set_setting(draft, index, field, st.session_state[key])


def setting_widget(column, index: int, layer: dict, field: str, version: int) -> None:
    """One setting of one layer, within the vocabulary's range or choices."""
    key = f"design.v{version}.{index}.{field}"
    rule = FIELDS[layer["kind"]][field]
    label = t(f"design.field.{field}")
    args = {"key": key, "on_change": change_setting, "args": (index, field, key)}
    if isinstance(rule[0], str):
        column.selectbox(label, rule, index=rule.index(layer[field]),
                         format_func=lambda choice: t(f"design.choice.{choice}"), **args)
    elif field in FLOAT_FIELDS:
        column.number_input(label, float(rule[0]), float(rule[1]), float(layer[field]), step=0.05, **args)
    else:
        column.number_input(label, rule[0], rule[1], int(layer[field]), step=1, **args)


def layer_editor(draft: list[dict]) -> None:
    """Every layer as a row: its name, its settings, and up / down / remove."""
    version = st.session_state.get(VERSION_KEY, 0)
    for index, (name, layer) in enumerate(zip(layer_names(draft), draft, strict=True)):
        columns = st.columns([2, 2, 2, 2, 2, 1, 1, 1], vertical_alignment="bottom")
        kind_name = t(f"design.kind.{layer['kind']}")
        columns[0].markdown(f"**{name}**  \n{kind_name}")
        for column, field in zip(columns[1:5], FIELDS[layer["kind"]], strict=False):
            setting_widget(column, index, layer, field, version)
        columns[5].button("↑", key=f"design.v{version}.{index}.up", help=t("design.up"),
                          disabled=index == 0,
                          on_click=lambda i=index: replace_draft(move_layer(draft, i, -1)))
        columns[6].button("↓", key=f"design.v{version}.{index}.down", help=t("design.down"),
                          disabled=index == len(draft) - 1,
                          on_click=lambda i=index: replace_draft(move_layer(draft, i, 1)))
        columns[7].button("✕", key=f"design.v{version}.{index}.remove", help=t("design.remove"),
                          on_click=lambda i=index: replace_draft(remove_layer(draft, i)))
    kind_column, add_column = st.columns([2, 2], vertical_alignment="bottom")
    kind_column.selectbox(t("design.add.label"), KINDS, format_func=lambda k: t(f"design.kind.{k}"),
                          key=ADD_KIND_KEY)
    add_column.button(t("design.add.button"), key="design.add",
                      on_click=lambda: replace_draft(add_layer(draft, st.session_state[ADD_KIND_KEY])))


def figures(design: list[dict]) -> None:
    """Parameter count, multiply-adds, memory, the layer table, the diagram and the PyTorch print."""
    rows = layer_rows(design)
    lenet_rows = layer_rows(LENET)
    params, work = parameter_total(rows), mult_adds(rows)
    a, b, c = st.columns(3)
    versus = t("design.metric.versus", ratio=f"{params / parameter_total(lenet_rows):.2f}")
    a.metric(t("design.metric.parameters"), f"{params:,}", versus, delta_color="off", delta_arrow="off")
    b.metric(t("design.metric.mult_adds"), f"{work:,}",
             t("design.metric.versus", ratio=f"{work / mult_adds(lenet_rows):.2f}"), delta_color="off",
             delta_arrow="off")
    c.metric(t("design.metric.memory", batch=BATCH), f"{training_bytes(rows, BATCH) / 1e6:.1f} MB")

    st.subheader(t("design.table.header"))
    st.caption(t("design.table.body"))
    st.dataframe(charts.layer_frame(rows, t), hide_index=True)

    diagram, code = st.columns(2, gap="large")
    with diagram:
        st.subheader(t("design.flow.header"))
        shown_rows = fused_rows(rows)
        st.graphviz_chart(charts.dataflow_dot(
            shown_rows, input_label=t("model.flow.input"), output_label=t("model.flow.output"),
            step_labels={}, params_label=t("model.flow.params"),
        ), alt=t("model.flow_alt", layers=", ".join(row.name for row in shown_rows)))
    with code:
        st.subheader(t("design.code.header"))
        # wrapped: a block that scrolls sideways cannot be read with the keyboard
        st.code(str(build_model(design)), language="text", wrap_lines=True)


def start_draft() -> list[dict]:
    """The design being edited: on a first visit, the one handed to training, else LeNet."""
    if DRAFT_KEY not in st.session_state:
        st.session_state[DRAFT_KEY] = list(state.design_to_train() or preset("lenet"))
    return st.session_state[DRAFT_KEY]


def preset_picker() -> None:
    """Pick a preset and load it in place of the draft."""
    picked, load = st.columns([3, 1], vertical_alignment="bottom")
    picked.selectbox(t("design.preset.label"), list(PRESETS), format_func=lambda p: t(f"design.preset.{p}"),
                     key=PRESET_KEY)
    load.button(t("design.preset.load"), key="design.load", on_click=load_preset, width="stretch")


def checked(draft: list[dict]) -> tuple[list[dict], bool]:
    """(the design to show, whether the draft is valid): a broken draft is explained, and the last
    design that could be built is shown instead."""
    try:
        layer_rows(draft)
    except DesignError as err:
        st.error(explain_design_error(err, t))
        st.info(t("design.invalid"))
        return st.session_state.get(VALID_KEY, LENET), False
    st.session_state[VALID_KEY] = draft
    return draft, True


def train_button(draft: list[dict], valid: bool) -> None:
    """Hand the draft to the training page, and say which design it trains now."""
    if st.button(t("design.train"), key="design.train", type="primary", disabled=not valid,
                 help=t("design.train_help")):
        state.keep("design", list(draft))
        st.switch_page("pages/train.py")
    if state.design_to_train() is not None:
        st.caption(t("design.training_now", name=state.design_label(state.design_to_train(), t)))


def shown_result(name: str):
    """The experiment's result when this session has it on show (from the server's cache), else None."""
    if name not in st.session_state.get(RAN_KEY, set()):
        return None
    module = design_experiments  # read at call time: tests shrink the budgets
    try:
        if name == "convolution":
            return module.convolution_result(module.CONVOLUTION_CONFIG, module.TEST_SIZE)
        return module.relu_result(module.RELU_CONFIG, module.TEST_SIZE)
    except ExperimentFailed:  # the section above has said so already
        return None


def predicted_experiment(prompt: Prompt, name: str, section) -> None:
    """The experiment's section with its prompt above it. A guess (or "Just show me") runs the
    experiment at once, and the prompt, drawn once the section has, reveals from its results."""
    slot = st.container()
    record = prediction.kept(prompt)
    if record is not None and pending(record) and not st.session_state.get(prediction.PRESENTER_KEY):
        st.session_state[RAN_KEY] = st.session_state.get(RAN_KEY, set()) | {name}
    section(t)
    with slot:
        prediction.ask(prompt, {"result": shown_result(name)}, t)


# --- the page ------------------------------------------------------------------------------------

st.title(t("design.title"))
st.write(t("design.intro"))
draft = start_draft()
preset_picker()
st.header(t("design.layers.header"))
st.caption(t("design.layers.body", limit=MAX_LAYERS))
layer_editor(draft)
shown, valid = checked(draft)
train_button(draft, valid)
figures(shown)
st.divider()
predicted_experiment(DESIGN_SHUFFLE, "convolution", convolution_section)
st.divider()
predicted_experiment(DESIGN_GRADIENT, "relu", relu_section)
