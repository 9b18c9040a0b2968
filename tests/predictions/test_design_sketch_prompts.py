"""The design and sketch pages' prompts: their truths from the lessons' own code (the experiments, the
lab's rotation), a reveal that says what the page then shows, and answering, "Just show me", "Ask
me again" and presenter mode in AppTest in both languages. Real training, on a tiny budget."""

import json

import numpy as np
import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from core import sketch
from core.checkpoint import load_model
from core.design.experiments import ActivationResult, ConvolutionResult
from core.i18n import LANGUAGES, translate
from core.predictions.design_lessons import (
    DESIGN_SHUFFLE,
    HALF_TURN,
    SAME_BAND,
    first_misread,
    gradient_truth,
    rotation_truth,
    scientific,
    shuffle_truth,
)
from core.predictions.prompt import lock
from core.sketch import explain, robustness
from core.training import TrainConfig
from tests.apptest import assert_rendered, open_page
from tests.sketch_digits import canvas_state, draw_digit
from ui import design_experiments
from ui.prediction import PRESENTER_KEY
from ui.state import ANSWERS_KEY


def said(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def answers(at: AppTest) -> dict:
    return at.session_state[ANSWERS_KEY] if ANSWERS_KEY in at.session_state else {}  # noqa: SIM401  no .get


def asking(at: AppTest, prompt: str) -> bool:
    return any(button.key == f"predict.{prompt}.lock" for button in at.button)


def drawn(digit: str) -> np.ndarray:
    """The lab's 28 x 28 digit for a drawn `digit`, as the page makes it."""
    return sketch.preprocess(draw_digit(digit)).centred


def read_turned(model, image: np.ndarray, angle: float) -> int:
    """The digit the lab's "Now read as" says with the rotation slider at `angle`."""
    return explain.read_digit(model, robustness.apply_change(image, robustness.Change(angle=angle))).digit


# --- the truths -------------------------------------------------------------------------------------

def result(mlp: tuple[float, float], lenet: tuple[float, float]) -> ConvolutionResult:
    """A "Why convolution?" result: (original, shuffled) accuracy for each network."""
    accuracy = {(name, shuffled): pair[shuffled] for name, pair in (("mlp", mlp), ("lenet", lenet))
                for shuffled in (False, True)}
    return ConvolutionResult(accuracy, {"mlp": 101_770, "lenet": 44_426})


def test_the_shuffle_truth_is_the_network_that_lost_more_and_waits_for_the_run() -> None:
    assert shuffle_truth({"result": None}) is None
    lost = shuffle_truth({"result": result(mlp=(92.04, 91.96), lenet=(96.66, 84.34))})
    assert lost.value == "lenet" and lost.explain == "explain.lenet"
    # from the one-decimal values the table shows: 96.7 and 84.3, 92.0 and 92.0
    assert lost.fields["lenet_change"] == "−12.4" and lost.fields["mlp_change"] == "+0.0"
    within = 92.0 - SAME_BAND + 0.1
    assert shuffle_truth({"result": result(mlp=(92.0, 92.0), lenet=(92.0, within))}).value == "same"
    assert shuffle_truth({"result": result(mlp=(92.0, 80.0), lenet=(96.0, 95.0))}).value == "mlp"
    record = lock(DESIGN_SHUFFLE, "lenet", {"result": None})
    assert "truth" not in record  # pending: the page then runs the experiment


def explained(prompt_id: str, truth) -> list[str]:
    """The reveal's explanation in both languages (a field it names and the truth lacks: KeyError)."""
    return [translate(f"predict.{prompt_id}.{truth.explain}", lang, answer="", truth="", **truth.fields)
            for lang in LANGUAGES]


def test_every_truth_has_its_explanation_in_both_languages() -> None:
    for pair in (((92.0, 92.0), (96.0, 80.0)), ((92.0, 92.0), (92.0, 91.0)), ((92.0, 80.0), (96.0, 95.0))):
        assert all(explained("design_shuffle", shuffle_truth({"result": result(*pair)})))
    steps = np.array([[1e-3, 1e-4, 1e-5, 1e-5, 1e-6, 1e-7]])  # smallest at the last layer
    gradients = {"sigmoid": steps, "relu": np.full_like(steps, 1e-3)}
    odd = ActivationResult([f"fc{i}" for i in range(1, 7)], {}, gradients, {})
    truth = gradient_truth({"result": odd})
    assert truth.value == "last" and truth.explain == "explain_other"
    assert all("fc6" in text for text in explained("design_gradient", truth))
    assert gradient_truth({"result": None}) is None


def test_small_gradients_are_written_with_a_power_of_ten() -> None:
    assert scientific(8.153e-07) == "8.2 × 10⁻⁷" and scientific(0.0186) == "1.9 × 10⁻²"


def test_the_first_misread_is_what_the_lab_then_reads() -> None:
    model, _ = load_model()
    one = drawn("1")
    misread = first_misread(model, one, 1)
    assert misread is not None and 0 < abs(misread.angle) <= 30  # within the lab's slider
    assert read_turned(model, one, misread.angle) == misread.read_as != 1
    for smaller in range(abs(misread.angle)):
        assert read_turned(model, one, smaller) == read_turned(model, one, -smaller) == 1
    zero = rotation_truth({"model": model, "image": drawn("0"), "digit": 0, "reach": 30})
    assert first_misread(model, drawn("0"), 0) is None and zero.value == HALF_TURN  # a round 0 holds
    assert all(explained("sketch_rotation", zero))


def test_a_digit_that_holds_within_the_slider_is_told_where_it_falls() -> None:
    model, _ = load_model()
    seven = drawn("7")
    truth = rotation_truth({"model": model, "image": seven, "digit": 7, "reach": 30})
    assert truth.explain == "explain.beyond" and truth.value > 30
    assert read_turned(model, seven, 30) == read_turned(model, seven, -30) == 7  # "turn it and see"
    angle = int(truth.fields["slider"].replace("−", "-"))
    assert abs(angle) == truth.value and read_turned(model, seven, angle) == truth.fields["read_as"] != 7
    assert all(explained("sketch_rotation", truth))


# --- the design page --------------------------------------------------------------------------------

@pytest.fixture
def tiny_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/design's budgets, so either file's run fills the other's cache."""
    monkeypatch.setattr(design_experiments, "CONVOLUTION_CONFIG",
                        TrainConfig(epochs=1, train_size=300, lr=0.05, seed=0))
    monkeypatch.setattr(design_experiments, "RELU_CONFIG",
                        TrainConfig(epochs=1, train_size=300, batch_size=16, lr=0.03, seed=0))
    monkeypatch.setattr(design_experiments, "TEST_SIZE", 300)


def shuffle_from_table(at: AppTest, lang: str) -> tuple[str, dict]:
    """The truth and the explanation's fields, read back from the 2 x 2 table the page shows."""
    table = at.dataframe[-1].value
    original, shuffled = (table[translate(f"design.conv.col.{kind}", lang)].str.rstrip("%").astype(float)
                          for kind in ("original", "shuffled"))
    fields = {"band": f"{SAME_BAND:g}"}
    change = {}
    for row, name in enumerate(("mlp", "lenet")):  # the table's rows, in that order
        change[name] = shuffled[row] - original[row]
        fields |= {f"{name}_original": f"{original[row]:.1f}", f"{name}_shuffled": f"{shuffled[row]:.1f}",
                   f"{name}_change": f"{change[name]:+.1f}".replace("-", "−")}
    gap = change["mlp"] - change["lenet"]
    return ("same" if abs(gap) <= SAME_BAND else "lenet" if gap > 0 else "mlp"), fields


def shown_gradients(at: AppTest) -> dict[tuple[str, str], float]:
    """(activation's legend, layer) -> the mean |gradient| the chart draws."""
    chart = at.get("vega_lite_chart")[-1].proto
    frame = pd.concat([convert_arrow_bytes_to_pandas_df(dataset.data.data) for dataset in chart.datasets])
    return {(row.fn, row.layer): row.gradient for row in frame.itertuples()}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_design_guesses_reveal_what_the_experiments_then_show(lang: str, tiny_budget: None) -> None:
    at = open_page("design", lang)
    assert asking(at, "design_shuffle") and asking(at, "design_gradient")
    tables = len(at.dataframe)
    at.radio(key="predict.design_shuffle.guess").set_value("lenet")
    at.button(key="predict.design_shuffle.lock").click().run()  # the guess runs the experiment
    assert_rendered(at, lang)
    assert len(at.dataframe) == tables + 1 and not asking(at, "design_shuffle")
    truth, fields = shuffle_from_table(at, lang)
    record = answers(at)["design_shuffle"]
    assert record["truth"] == truth and record["grade"] == ("right" if truth == "lenet" else "wrong")
    assert translate(f"predict.design_shuffle.explain.{truth}", lang, **fields) in said(at)

    at.button(key="predict.design_gradient.skip").click().run()  # "Just show me" runs it too
    assert_rendered(at, lang)
    record = answers(at)["design_gradient"]
    assert record["grade"] == "skipped" and record["truth"] == "first"
    truth = translate("predict.design_gradient.option.first", lang)
    assert translate("predict.result.skipped", lang, truth=truth) in said(at)
    ratio = record["fields"]["ratio"]
    assert at.info[-1].value == translate("design.relu.explain", lang, ratio=ratio)  # the page's own words
    sigmoid = translate("design.relu.fn.sigmoid", lang, accuracy="")[:7]
    drawn_sizes = {layer: size for (fn, layer), size in shown_gradients(at).items() if fn.startswith(sigmoid)}
    assert record["fields"]["first"] == scientific(drawn_sizes["fc1"])
    assert record["fields"]["last"] == scientific(drawn_sizes["fc6"])
    assert translate("predict.design_gradient.explain", lang, **record["fields"]) in said(at)

    at.button(key="predict.design_gradient.again").click().run()
    assert asking(at, "design_gradient") and "design_gradient" not in answers(at)
    at.radio(key="predict.design_gradient.guess").set_value("middle")
    at.button(key="predict.design_gradient.lock").click().run()  # the results are on show: graded at once
    assert answers(at)["design_gradient"]["grade"] == "close"  # the neighbour of "first" on the scale

    at.toggle(key=PRESENTER_KEY).set_value(True).run()  # presenter mode: the experiments as they were
    assert_rendered(at, lang)
    assert not [b for b in at.button if b.key.startswith("predict.")]
    assert len(at.dataframe) == tables + 1 and at.info[-1].value == translate("design.relu.explain", lang,
                                                                              ratio=ratio)


# --- the sketch page --------------------------------------------------------------------------------

def chart_titles(at: AppTest) -> str:
    """Every chart's spec, its text as written (the JSON escapes Chinese)."""
    return " ".join(json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)
                    for chart in at.get("vega_lite_chart"))


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_rotation_guess_reveals_the_angle_the_lab_then_shows(lang: str) -> None:
    at = open_page("sketch", lang)
    at.session_state["sketch.canvas0"] = canvas_state(draw_digit("1"))
    at.run()
    assert_rendered(at, lang)
    sweep_title = translate("sketch.sweep_title", lang, digit=1)
    assert asking(at, "sketch_rotation") and sweep_title not in chart_titles(at)  # asked before it shows
    assert translate("predict.sketch_rotation.hidden", lang) in [c.value for c in at.caption]

    at.number_input(key="predict.sketch_rotation.guess").set_value(45)
    at.button(key="predict.sketch_rotation.lock").click().run()
    assert_rendered(at, lang)
    record = answers(at)["sketch_rotation"]
    fields = record["fields"]
    assert record["explain"] == "explain.within" and fields["read_as"] != 1
    assert record["grade"] in ("right", "close", "wrong") and record["answer"] == 45
    assert translate("predict.sketch_rotation.explain.within", lang, **fields) in said(at)
    assert sweep_title in chart_titles(at)

    at.slider(key="sketch.angle").set_value(int(fields["slider"].replace("−", "-"))).run()  # as it says
    reading = translate("sketch.changed_reading", lang, digit=fields["read_as"], confidence=0.5)
    assert any(m.startswith(reading[:reading.index("**") + 3]) for m in said(at))

    at.button(key="predict.sketch_rotation.again").click().run()
    assert asking(at, "sketch_rotation")
    at.button(key="predict.sketch_rotation.skip").click().run()
    assert answers(at)["sketch_rotation"]["grade"] == "skipped"
    assert translate("predict.result.skipped", lang, truth=f"{record['truth']}°") in said(at)

    at.button(key="predict.sketch_rotation.again").click().run()
    at.toggle(key=PRESENTER_KEY).set_value(True).run()  # presenter mode: no question, the chart at once
    assert_rendered(at, lang)
    assert not asking(at, "sketch_rotation") and sweep_title in chart_titles(at)


def test_a_digit_no_turn_fools_says_so() -> None:
    at = open_page("sketch", "en")
    at.session_state["sketch.canvas0"] = canvas_state(draw_digit("0"))
    at.run()
    at.number_input(key="predict.sketch_rotation.guess").set_value(150)
    at.button(key="predict.sketch_rotation.lock").click().run()
    record = answers(at)["sketch_rotation"]
    assert record["truth"] == HALF_TURN and record["grade"] == "right"  # within 25% of half a turn
    assert translate("predict.sketch_rotation.explain.never", "en", digit=0) in said(at)
