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
