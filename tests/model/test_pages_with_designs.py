"""Every page that uses the active model renders with an MLP and with LeNet-5 (1998) active, in
both languages, or says plainly what it cannot show."""

import numpy as np
import pytest
import torch

from core.model import PRESETS, build_model
from tests.apptest import assert_rendered, open_page
from ui.state import SKETCH_IMAGE_KEY, TRAINED_MODEL_KEY

MODEL_PAGES = ["model", "convolution", "backprop", "sketch", "train"]


def active(name: str) -> dict:
    torch.manual_seed(0)
    model = build_model(PRESETS[name]).eval()
    digit = np.zeros((28, 28), np.float32)
    digit[6:22, 13:15] = 1.0  # a one, so the sketch page has something to read
    return {TRAINED_MODEL_KEY: (model, {"test_accuracy": 10.0, "design": PRESETS[name]}),
            SKETCH_IMAGE_KEY: digit}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("design", ["mlp", "lenet5_1998"])
@pytest.mark.parametrize("stem", MODEL_PAGES)
def test_page_renders_with_the_design_active(stem: str, design: str, lang: str) -> None:
    at = open_page(stem, lang, state=active(design))
    assert_rendered(at, lang)


def test_the_sketch_reading_of_an_mlp_has_no_feature_maps_but_a_saliency() -> None:
    from core.sketch import explain

    model = build_model(PRESETS["mlp"]).eval()
    digit = active("mlp")[SKETCH_IMAGE_KEY]
    reading = explain.read_digit(model, digit)
    assert reading.conv1 is None and reading.conv2 is None and reading.probabilities.shape == (10,)
    assert explain.saliency(model, digit).max() == 1.0
    tiny = explain.read_digit(build_model(PRESETS["tiny"]).eval(), digit)
    assert tiny.conv1.shape == (4, 24, 24) and tiny.conv2 is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_model_page_says_when_the_active_network_is_not_the_lessons_lenet(lang: str) -> None:
    from core.i18n import translate
    from core.model import LENET
    from ui.state import TRAINED_MODEL_KEY as KEY

    notice = translate("model.other_design", lang, name="", total="").split("**")[0]
    at = open_page("model", lang, state=active("mlp"))
    assert any(notice in box.value for box in at.info)
    torch.manual_seed(0)
    lenet = {KEY: (build_model(LENET).eval(), {"test_accuracy": 10.0, "design": LENET})}
    at = open_page("model", lang, state=lenet)
    assert not any(notice in box.value for box in at.info)
