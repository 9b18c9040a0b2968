"""In a real browser: train on a small subset and see the curves and the confusion matrix appear."""

import pytest
from playwright.sync_api import Page, expect

from core.i18n import translate
from tests.e2e.conftest import screenshot, wait_for_app


def slide_to_start(page: Page, label: str) -> None:
    """Move a slider (found by its label) to its smallest value with the keyboard."""
    thumb = page.locator("[data-testid='stSlider']").filter(has_text=label).get_by_role("slider").first
    thumb.focus()
    thumb.press("Home")


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["zh"])  # one language keeps it short; both render in test_pages_browser
def test_train_a_small_subset(page: Page, app_url: str, lang: str) -> None:
    page.goto(f"{app_url}/train?lang={lang}")
    wait_for_app(page)
    slide_to_start(page, translate("train.train_size", lang))  # 1,000 images
    wait_for_app(page)
    slide_to_start(page, translate("train.epochs", lang))  # 1 epoch
    wait_for_app(page)
    page.get_by_role("button", name=translate("train.start", lang), exact=True).click()
    # the results appear when the run has finished: figures, then the confusion matrix
    accuracy = page.get_by_text(translate("train.results.test_acc", lang), exact=True)
    expect(accuracy).to_be_visible(timeout=90_000)  # a fresh server's worker imports torch first
    expect(page.locator("h3").filter(has_text=translate("train.confusion.header", lang))).to_be_visible()
    wait_for_app(page)
    assert page.locator("[data-testid='stVegaLiteChart']").count() >= 3  # curves, filters, matrix
    assert page.locator("[data-testid='stException']").count() == 0
    assert translate("error.unexpected", lang) not in page.inner_text("body")
    screenshot(page, f"train-trained-{lang}")
