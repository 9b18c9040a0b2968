"""The sidebar's "Reduce motion" switch: kept in the URL like the language, and it turns the neuron's
and the convolution's animations into step buttons."""

import pytest
from streamlit.testing.v1 import AppTest

from core.i18n import LANGUAGES, translate
from tests.apptest import APP, assert_rendered, open_page
from ui.state import MOTION_KEY, REDUCED


def _progress(at: AppTest) -> str:
    return at.get("progress")[0].proto.text


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_switch_is_off_by_default_and_kept_in_the_url(lang: str) -> None:
    at = open_page("neuron", lang)
    switch = at.sidebar.toggle(key=MOTION_KEY)
    assert switch.label == translate("sidebar.reduce_motion", lang) and switch.value is False
    assert MOTION_KEY not in at.query_params
    assert at.button(key="neuron.play")  # the animation is there
    switch.set_value(True).run()
    assert_rendered(at, lang)
    assert at.query_params[MOTION_KEY] in (REDUCED, [REDUCED])
    at.sidebar.toggle(key=MOTION_KEY).set_value(False).run()
    assert MOTION_KEY not in at.query_params


def test_a_link_with_reduced_motion_turns_the_switch_on() -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params[MOTION_KEY] = REDUCED
    at.run()
    assert at.sidebar.toggle(key=MOTION_KEY).value is True


def test_the_neuron_steps_instead_of_playing() -> None:
    at = open_page("neuron", "en", state={MOTION_KEY: True})
    keys = {button.key for button in at.button}
    assert {"neuron.back", "neuron.step", "neuron.reset"} <= keys
    assert not keys & {"neuron.play", "neuron.pause"}
    assert at.button(key="neuron.back").disabled  # at the first step
    at.button(key="neuron.step").click().run()
    at.button(key="neuron.step").click().run()
    assert _progress(at) == "Step 3 of 20"
    at.button(key="neuron.back").click().run()
    assert _progress(at) == "Step 2 of 20"
    assert translate("neuron.still", "en") in [caption.value for caption in at.caption]


def test_a_playing_neuron_stops_when_motion_is_reduced() -> None:
    at = open_page("neuron", "en", state={"neuron.playing": True, MOTION_KEY: True})
    assert_rendered(at, "en")
    assert at.session_state["neuron.playing"] is False
    assert _progress(at) == "Step 1 of 20"  # it did not run on by itself


def test_the_convolution_window_steps_instead_of_playing() -> None:
    at = open_page("convolution", "zh", state={MOTION_KEY: True})
    keys = {button.key for button in at.button}
    assert "convolution.play" not in keys and {"convolution.previous", "convolution.next"} <= keys
    assert at.slider(key="convolution.step").value == 1
    assert at.button(key="convolution.previous").disabled
    at.button(key="convolution.next").click().run()
    at.button(key="convolution.next").click().run()
    assert at.slider(key="convolution.step").value == 3
    at.button(key="convolution.previous").click().run()
    assert at.slider(key="convolution.step").value == 2
    assert_rendered(at, "zh")
