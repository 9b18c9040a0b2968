"""The convolution page in AppTest: the window steps, kernels change, bad kernels are refused,
a filter learns."""

import numpy as np
import pytest

from core.convolution.filters import KERNELS
from core.i18n import LANGUAGES, translate
from tests.apptest import assert_rendered, open_page

LEARNING = "convolution.learning"
GOOD_KERNEL = "convolution.good_kernel"


def markdown_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_sliding_window_starts_on_the_hand_worked_windows(lang):
    at = open_page("convolution", lang)
    assert_rendered(at, lang)
    assert at.title[0].value == translate("convolution.title", lang)
    assert at.slider(key="convolution.step").value == 1
    assert at.success[0].value == translate("convolution.window.hand_worked", lang, value="1")
    assert "= 1`" in markdown_text(at)
    # the flip section quotes both answers for the top-left window
    assert translate("convolution.flip.explain", lang, ours="1", theirs="−1") in markdown_text(at)

    at.button(key="convolution.centre").click().run()
    assert at.slider(key="convolution.step").value == 13
    assert at.success[0].value == translate("convolution.window.hand_worked", lang, value="0")

    at.slider(key="convolution.step").set_value(8).run()
    assert_rendered(at, lang)
    assert translate("convolution.window.position", lang, n=8, total=25, row=2, col=3) in markdown_text(at)
    assert not at.success  # not one of the tutorial's two windows


def test_play_runs_the_window_to_the_end():
    at = open_page("convolution", "en")
    at.slider(key="convolution.step").set_value(23).run()
    at.button(key="convolution.play").click().run()
    assert_rendered(at, "en")
    assert at.slider(key="convolution.step").value == 25
    assert "= −1`" in markdown_text(at)  # bottom-right window: the X's stroke is above, nothing below


def test_a_different_kernel_changes_every_number():
    at = open_page("convolution", "en")
    at.selectbox(key="convolution.window_kernel").set_value("vertical_edge").run()
    assert_rendered(at, "en")
    text = markdown_text(at)
    assert "0×(−1) + 0×0 + 0×1 + 0×(−1) + 0×0 + 1×1 + 0×(−1) + 1×0 + 0×1 = 1" in text
    at.selectbox(key="convolution.digit_filter").set_value("gaussian_blur").run()
    assert_rendered(at, "en")
    assert translate("convolution.digit.sizes", "en", n=28, k=3, out=26, pooled=13) in "\n".join(
        c.value for c in at.caption
    )


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_bad_kernel_shows_why_and_keeps_the_last_good_one(lang):
    at = open_page("convolution", lang)
    at.selectbox(key="convolution.digit_filter").set_value("custom").run()
    five_by_five = "0 0 0 0 0\n0 0 0 0 0\n0 0 3 0 0\n0 0 0 0 0\n0 0 0 0 0"
    at.text_area(key="convolution.kernel_text").input(five_by_five).run()
    assert_rendered(at, lang)
    assert not at.error
    good = np.zeros((5, 5))
    good[2, 2] = 3
    np.testing.assert_array_equal(at.session_state[GOOD_KERNEL], good)
    assert translate("convolution.digit.sizes", lang, n=28, k=5, out=24, pooled=12) in "\n".join(
        c.value for c in at.caption
    )

    bad_entries = [
        ("1 2 3\n4 nan 6\n7 8 9", "not_finite", {"token": "nan"}),
        ("1 2 3\n4 inf 6\n7 8 9", "not_finite", {"token": "inf"}),
        ("1 2 3\n4 five 6\n7 8 9", "not_number", {"token": "five"}),
        ("0 0 0\n0 0 0\n0 0 0", "all_zero", {}),
        ("1 2\n3 4", "wrong_size", {"rows": 2, "cols": 2}),
    ]
    # every kind in English; in Chinese two are enough to show the messages are translated
    for text, problem, fields in bad_entries if lang == "en" else bad_entries[::3]:
        at.text_area(key="convolution.kernel_text").input(text).run()
        assert_rendered(at, lang)
        expected = translate(f"convolution.kernel_error.{problem}", lang, **fields)
        assert [e.value for e in at.error] == [expected]
        assert at.info[0].value == translate("convolution.editor.kept", lang)
        np.testing.assert_array_equal(at.session_state[GOOD_KERNEL], good)
    # the page still shows the 5 x 5 kernel's sizes
    assert translate("convolution.digit.sizes", lang, n=28, k=5, out=24, pooled=12) in "\n".join(
        c.value for c in at.caption
    )


def test_choosing_a_digit_by_index():
    at = open_page("convolution", "en")
    at.button_group(key="convolution.digit_mode").set_value("index").run()
    at.number_input(key="convolution.digit_index").set_value(5).run()
    assert_rendered(at, "en")
    assert any(c.value.startswith("Test image #5,") for c in at.caption)


def test_filter_learning_reaches_the_target():
    lang = "zh"  # the English page is run by the other tests
    at = open_page("convolution", lang)
    assert at.session_state[LEARNING].step == 0
    at.button(key="convolution.learn_train").click().run()
    assert_rendered(at, lang)
    run = at.session_state[LEARNING]
    assert run.step == 1000 and not run.diverged
    gap = np.abs(run.kernel - KERNELS["horizontal_edge"]).max()
    assert gap < 0.05
    assert run.losses[-1] < 1e-3 * run.losses[0]
    expected = translate("convolution.learn.done", lang, steps=1000, close=0.05, gap=f"{gap:.2g}")
    assert at.success[-1].value == expected
    assert at.button(key="convolution.learn_train").label == translate("convolution.learn.continue", lang)


def test_too_large_a_learning_rate_explodes_with_a_message():
    at = open_page("convolution", "en")
    at.select_slider(key="convolution.learn_lr").set_value(3.0).run()
    at.button(key="convolution.learn_train").click().run()
    assert_rendered(at, "en")
    run = at.session_state[LEARNING]
    assert run.diverged and run.step < 1000
    assert at.error[-1].value == translate("convolution.learn.diverged", "en", steps=run.step, lr=3.0)
