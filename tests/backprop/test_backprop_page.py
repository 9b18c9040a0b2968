"""The backpropagation page in AppTest: both languages, stepping back to the last parameter with
the autograd check shown, Play, reduced motion."""

import pytest

from core.backprop import small_network as net
from core.i18n import LANGUAGES, translate
from tests.apptest import assert_rendered, open_page, unnamed_pictures


def _progress(at) -> str:
    return at.get("progress")[0].proto.text


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_stepping_reaches_the_last_parameter_and_autograd_agrees(lang: str) -> None:
    at = open_page("backprop", lang)
    assert_rendered(at, lang)
    assert at.title[0].value == translate("backprop.title", lang)
    assert not unnamed_pictures(at)
    assert _progress(at) == translate("backprop.progress", lang, step=1, total=15, node="L")
    assert translate("backprop.check.agree", lang) not in [s.value for s in at.success]
    for _ in range(14):
        at.button(key="backprop.step").click().run()
    assert_rendered(at, lang)
    assert _progress(at) == translate("backprop.progress", lang, step=15, total=15, node="b₂")
    assert translate("backprop.check.agree", lang) in [s.value for s in at.success]
    auto = net.autograd_gradients(net.Weights(), net.Example(), "relu")
    table = at.dataframe[0].value
    assert list(table.iloc[:, 2]) == [f"{auto[p]:.9g}" for p in net.PARAMETERS]
    latex = " ".join(e.value for e in at.latex)
    assert r"\frac{\partial L}{\partial b_2}" in latex
    assert at.button(key="backprop.step").disabled


def test_undo_reset_and_play() -> None:
    at = open_page("backprop", "en")
    at.button(key="backprop.step").click().run()
    at.button(key="backprop.step").click().run()
    assert "Backward step 3 of 15" in _progress(at)
    at.button(key="backprop.back").click().run()
    assert "Backward step 2 of 15" in _progress(at)
    at.button(key="backprop.reset").click().run()
    assert "Backward step 1 of 15" in _progress(at)
    at.button(key="backprop.play").click().run()  # plays to the end, then reruns idle
    assert_rendered(at, "en")
    assert "Backward step 15 of 15" in _progress(at)
    assert at.session_state["backprop.playing"] is False


def test_changing_a_weight_starts_again_and_sigmoid_is_explained() -> None:
    at = open_page("backprop", "en")
    at.button(key="backprop.step").click().run()
    at.button_group(key="backprop.fn").set_value("sigmoid").run()
    assert_rendered(at, "en")
    assert "Backward step 1 of 15" in _progress(at)
    at.slider(key="backprop.w11").set_value(1.5).run()
    assert_rendered(at, "en")
    loss = net.forward(net.Weights(w11=1.5), net.Example(), "sigmoid").loss
    assert any(f"{loss:.6g}" in m.value for m in at.markdown)


def test_reduced_motion_offers_steps_not_play() -> None:
    at = open_page("backprop", "en", state={"motion": True})
    assert_rendered(at, "en")
    keys = {b.key for b in at.button}
    assert "backprop.play" not in keys and "backprop.step" in keys


def _active(name: str) -> dict:
    import torch

    from core.model import PRESETS, build_model
    from ui.state import TRAINED_MODEL_KEY

    torch.manual_seed(0)
    model = build_model(PRESETS[name]).eval()
    return {TRAINED_MODEL_KEY: (model, {"test_accuracy": 10.0, "design": PRESETS[name]})}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_window_sum_reaches_autograds_number(lang: str) -> None:
    at = open_page("backprop", lang)
    successes = [s.value for s in at.success]
    assert successes.count(translate("backprop.check.same", lang)) == 2  # pooling and ReLU
    assert not any(s.startswith(translate("backprop.window.done", lang, count=576, sum="", auto="")[:8])
                   for s in successes)
    at.button(key="backprop.window_end").click().run()
    assert_rendered(at, lang)
    assert at.slider(key="backprop.position").value == 576
    done = translate("backprop.window.done", lang, count=576, sum="S", auto="A").split("S")[0]
    assert any(s.value.startswith(done) for s in at.success)
    at.button(key="backprop.window_previous").click().run()
    assert at.slider(key="backprop.position").value == 575


def test_the_hardest_digit_and_the_layer_table() -> None:
    at = open_page("backprop", "en")
    table = at.dataframe[-1].value
    assert list(table.iloc[:, 0])[0] == "fc3 (the logits)" and list(table.iloc[:, 0])[-1] == "input image"
    assert list(table.iloc[:, 1])[-1] == "1 × 28 × 28"
    at.button(key="backprop.hardest").click().run()
    assert_rendered(at, "en")
    assert at.number_input(key="backprop.index").value != 0


def test_an_mlp_is_not_followed_but_said_so() -> None:
    at = open_page("backprop", "en", state=_active("mlp"))
    assert_rendered(at, "en")
    assert translate("backprop.lenet.not_shaped", "en") in [i.value for i in at.info]


def test_lenet_1998_is_followed_with_tanh_and_average_pooling() -> None:
    at = open_page("backprop", "zh", state=_active("lenet5_1998"))
    assert_rendered(at, "zh")
    assert translate("backprop.lenet.not_shaped", "zh") not in [i.value for i in at.info]
    assert translate("backprop.act.header.other", "zh") in [h.value for h in at.subheader]
    at.button(key="backprop.window_end").click().run()
    assert_rendered(at, "zh")
    assert at.slider(key="backprop.position").value == 28 * 28  # padding 2 keeps 28 x 28


def test_the_gradient_size_comparison_runs_in_the_training_pool(monkeypatch) -> None:
    from core.backprop import gradient_sizes
    from core.training import TrainConfig

    monkeypatch.setattr(gradient_sizes, "BUDGET", TrainConfig(epochs=1, train_size=320, batch_size=32,
                                                              lr=0.03, seed=1))
    at = open_page("backprop", "en")
    at.button(key="backprop.sizes_run").click().run()
    assert_rendered(at, "en")
    assert any(i.value.startswith("At conv1, the layer nearest the image") for i in at.info)
