"""In a real browser: set the test-accuracy curve you expect with the keyboard, train a tiny run, and
see your curve drawn over the real one."""


import pytest
from playwright.sync_api import Page, expect

from core.i18n import translate
from tests.e2e.conftest import screenshot, wait_for_app
from tests.e2e.test_train_browser import slide_to_start

LANG = "en"


def press(page: Page, label: str, key: str, times: int = 1) -> None:
    """Press `key` on the slider labelled `label`, `times` times."""
    thumb = page.locator("[data-testid='stSlider']").filter(has_text=label).get_by_role("slider").first
    thumb.focus()
    for _ in range(times):
        thumb.press(key)
    wait_for_app(page)


def chart_words(page: Page, container: str) -> list[str]:
    """The words drawn in the charts of one keyed container (axis titles, legend)."""
    selector = f".st-key-{container} [data-testid='stVegaLiteChart'] text"
    return page.evaluate("(s) => Array.from(document.querySelectorAll(s)).map(t => t.textContent)", selector)


@pytest.mark.e2e
def test_the_expected_curve_is_drawn_over_the_real_one(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/train?lang={LANG}")
    wait_for_app(page)
    slide_to_start(page, translate("train.train_size", LANG))  # 1,000 images
    wait_for_app(page)
    press(page, translate("train.epochs", LANG), "Home")
    press(page, translate("train.epochs", LANG), "ArrowRight")  # 2 epochs: a curve has a middle
    press(page, translate("predict.curve.first", LANG), "ArrowLeft", times=4)  # 70% -> 68%
    asking = page.locator(".st-key-predict_train_curve")
    expect(asking).to_be_visible()
    assert translate("predict.curve.guess", LANG) in chart_words(page, "predict_train_curve")
    asking.get_by_role("button", name=translate("predict.lock", LANG)).click()
    wait_for_app(page)
    page.get_by_role("button", name=translate("train.start", LANG), exact=True).click()
    accuracy = page.get_by_text(translate("train.results.test_acc", LANG), exact=True)
    expect(accuracy).to_be_visible(timeout=90_000)  # a fresh server's worker imports torch first
    wait_for_app(page)

    answer = page.locator(".st-key-predict_train_curve_answer")
    expect(answer).to_be_visible()
    expect(answer.get_by_text("68.0% → 80.0% → 90.0%").first).to_be_visible()
    words = chart_words(page, "predict_train_curve_answer")
    assert translate("predict.curve.guess", LANG) in words, words  # both curves, each in the legend
    assert translate("predict.train_curve.real", LANG) in words, words
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, f"train-expected-curve-{LANG}")
