"""Cached chart specs: one entry per distinct input, never shared across languages or models."""

import numpy as np
import torch

from core.convolution import charts
from core.convolution.filters import KERNELS, LETTER_X
from core.home.network_diagram import GAP, Layer
from core.i18n import translate
from core.model import LeNet
from ui.chart_cache import cached_chart, model_key, vega_lite_spec
from ui.charts.convolution import number_grid
from ui.charts.home import network_chart


def test_spec_is_what_streamlit_would_send() -> None:
    spec = number_grid(LETTER_X, title="X", size=120)
    assert spec["layer"] and spec["datasets"]
    assert all(isinstance(data, bytes) for data in spec["datasets"].values())  # Arrow, ready to send
    assert spec == vega_lite_spec(charts.number_grid(LETTER_X, title="X", size=120))


def test_equal_inputs_share_one_spec() -> None:
    first = number_grid(KERNELS["horizontal_edge"], title="k", size=130)
    again = number_grid(KERNELS["horizontal_edge"].copy(), title="k", size=130)
    assert again is first  # built once: the same object comes back
    assert number_grid(KERNELS["vertical_edge"], title="k", size=130) != first


def diagram(lang: str) -> dict:
    layers = [Layer(translate("home.layers.input", lang), ("x₁", GAP, "x₇₈₄")),
              Layer(translate("home.layers.output", lang), ("0", "1"))]
    return network_chart(layers, weight_title=translate("home.layers.weight", lang), width=300, height=200)


def test_each_language_has_its_own_spec() -> None:
    english, chinese = diagram("en"), diagram("zh")
    assert diagram("en") is english
    assert chinese != english
    assert translate("home.layers.weight", "zh") in str(chinese)
    assert translate("home.layers.weight", "zh") not in str(english)


def test_builders_do_not_share_entries() -> None:
    def wide(values: np.ndarray) -> object:
        return charts.number_grid(values, size=200)

    def narrow(values: np.ndarray) -> object:
        return charts.number_grid(values, size=100)

    assert cached_chart(wide)(LETTER_X) != cached_chart(narrow)(LETTER_X)


def test_model_key_follows_the_weights_not_the_object() -> None:
    torch.manual_seed(0)
    model = LeNet()
    twin = LeNet()
    twin.load_state_dict(model.state_dict())
    assert model_key(twin) == model_key(model)
    before = model_key(model)
    with torch.no_grad():
        model.conv1.weight[0, 0, 0, 0] += 0.01  # one step of training changes one weight
    assert model_key(model) != before
