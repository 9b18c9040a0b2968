"""The neuron page in AppTest: both languages, Step / Reset / Play, a divergent learning rate, the CSV."""

import pytest

from core import neuron
from core.i18n import LANGUAGES, translate
from tests.apptest import assert_rendered, open_page


def _progress(at) -> str:
    return at.get("progress")[0].proto.text


def _latex(at) -> str:
    return " ".join(element.value for element in at.latex)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_default_run_shows_the_tutorials_first_step(lang: str) -> None:
    at = open_page("neuron", lang)
    assert_rendered(at, lang)
    assert at.title[0].value == translate("neuron.title", lang)
    assert _progress(at) == translate("neuron.frame.progress", lang, step=1, total=20)
    assert "= 0.6" in _latex(at) and "= 0.98" in _latex(at) and "= 0.64" in _latex(at)
    assert at.success[0].value == translate("neuron.regime.converge", lang, lr="0.1", limit="1", f="0.8",
                                            pct="20")
    assert translate("neuron.autograd.agree", lang, gw="-1.4", gb="-1.4") in [m.value for m in at.markdown]
    download = at.get("download_button")[0]
    assert download.label == translate("neuron.download", lang)
    assert len(at.get("vega_lite_chart")) >= 6  # three animated views, three several-points charts


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_learning_rate_past_the_limit_is_explained_not_crashed(lang: str) -> None:
    at = open_page("neuron", lang)
    at.select_slider(key="neuron.lr").set_value(2.0).run()
    assert_rendered(at, lang)
    run = neuron.run_descent(1.0, 2.0, 0.5, 0.1, 2.0, 20)
    last = run.records[-1]
    errors = [e.value for e in at.error]
    assert translate("neuron.regime.diverge", lang, lr="2", limit="1", f="-3", pct="-200") in errors
    assert translate("neuron.stopped", lang, step=last.step, total=20, bound="1,000,000",
                     w=f"{last.w_next:.3g}", b=f"{last.b_next:.3g}", limit="1") in errors
    assert _progress(at) == translate("neuron.frame.progress", lang, step=1, total=len(run.records))
    assert "nan" not in _latex(at).lower() and "inf" not in _latex(at).lower()


def test_step_reset_and_play() -> None:
    at = open_page("neuron", "en")
    at.button(key="neuron.step").click().run()
    assert _progress(at) == "Step 2 of 20"
    assert "= 0.88" in _latex(at) and "= 0.6272" in _latex(at) and "= 0.752" in _latex(at)
    at.button(key="neuron.step").click().run()
    assert "= 1.104" in _latex(at) and "= 0.401408" in _latex(at) and "= 0.4416" in _latex(at)
    at.button(key="neuron.reset").click().run()
    assert _progress(at) == "Step 1 of 20"
    at.slider(key="neuron.steps").set_value(3).run()
    at.button(key="neuron.play").click().run()  # plays to the end, then reruns idle
    assert_rendered(at, "en")
    assert _progress(at) == "Step 3 of 3"
    assert at.session_state["neuron.playing"] is False
    assert at.button(key="neuron.step").disabled  # nothing left to step


def test_a_try_button_sets_its_learning_rate() -> None:
    at = open_page("neuron", "zh")
    at.button(key="neuron.try_oscillate").click().run()
    assert at.select_slider(key="neuron.lr").value == neuron.example_learning_rate(1.0, "oscillate")
    assert at.warning[0].value.startswith(translate("neuron.regime.oscillate", "zh", lr="x", limit="", f="",
                                                    pct="")[:6])


def test_a_divergent_fit_of_several_points_is_explained() -> None:
    at = open_page("neuron", "en")
    at.select_slider(key="neuron.fit_lr").set_value(5.0).run()
    assert_rendered(at, "en")
    assert any(e.value.startswith("With learning rate 5 the fit diverged") for e in at.error)
