"""The LeNet page in AppTest: its table, its diagram, and one image's activations, in both languages."""

import numpy as np
import pytest

from core.i18n import LANGUAGES, translate
from core.model import LeNet
from tests.apptest import assert_rendered, open_page
from ui.state import SKETCH_IMAGE_KEY, TRAINED_MODEL_KEY


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_page_shows_the_anatomy(lang: str) -> None:
    at = open_page("model", lang)
    assert_rendered(at, lang)
    assert at.title[0].value == translate("model.title", lang)
    assert at.code[0].value.startswith("LeNet(")
    table = at.dataframe[0].value
    assert table[translate("model.col.parameters", lang)].tolist() == [
        "156", "0", "2,416", "0", "0", "30,840", "10,164", "850"]
    assert any("**44,426**" in m.value for m in at.markdown)
    assert at.get("graphviz_chart")
    assert len(at.get("vega_lite_chart")) == 8  # 4 map grids, fc1, fc2, logits, probabilities
    assert at.metric[0].value == "7"  # test image 0 is a 7, and the pretrained model reads it


def test_choosing_another_digit_and_a_drawing() -> None:
    at = open_page("model", "en")
    at.number_input(key="model.index").set_value(1).run()
    assert at.metric[0].value == "2"  # test image 1 is a 2
    at.button(key="model.random").click().run()
    assert_rendered(at, "en")
    assert 0 <= at.number_input(key="model.index").value < 10_000
    assert len(at.radio(key="model.source").options) == 1  # nothing drawn yet

    drawn = np.zeros((28, 28), dtype=np.float32)
    drawn[4:24, 13:16] = 1.0  # a vertical stroke: a one
    at.session_state[SKETCH_IMAGE_KEY] = drawn
    at.run()
    at.radio(key="model.source").set_value("sketch").run()
    assert_rendered(at, "en")
    assert at.metric[0].value == "1"


def test_uses_the_session_model() -> None:
    at = open_page("model", "zh", state={TRAINED_MODEL_KEY: (LeNet().eval(), {"test_accuracy": 9.8})})
    assert_rendered(at, "zh")
    assert translate("model.source.session", "zh") in " ".join(m.value for m in at.markdown)
