"""In a real browser: give conv1 eight channels, see the parameter count change, train it briefly."""

import pytest
from playwright.sync_api import Page, expect

from core.i18n import translate
from tests.e2e.conftest import screenshot, wait_for_app
from tests.e2e.test_train_browser import slide_to_start


@pytest.mark.e2e
def test_design_conv1_with_eight_channels_and_train_it(page: Page, app_url: str) -> None:
    lang = "en"
    page.goto(f"{app_url}/design?lang={lang}")
    wait_for_app(page)
    parameters = page.locator("[data-testid='stMetricValue']").first
    expect(parameters).to_have_text("44,426")
    screenshot(page, f"design-{lang}")
    conv1_out = page.locator("[data-testid='stNumberInput'] input").first  # conv1's outputs
    conv1_out.fill("8")
    conv1_out.press("Enter")
    wait_for_app(page)
    expect(parameters).to_have_text("45,278")  # conv1 8 × 25 + 8, conv2 16 × (8 × 25) + 16
    page.get_by_role("button", name=translate("design.train", lang), exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("conv 8@5×5", exact=False).first).to_be_visible()  # the train page says which
    slide_to_start(page, translate("train.train_size", lang))  # 1,000 images
    wait_for_app(page)
    slide_to_start(page, translate("train.epochs", lang))  # 1 epoch
    wait_for_app(page)
    page.get_by_role("button", name=translate("train.start", lang), exact=True).click()
    accuracy = page.get_by_text(translate("train.results.test_acc", lang), exact=True)
    expect(accuracy).to_be_visible(timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0
    assert translate("error.unexpected", lang) not in page.inner_text("body")
