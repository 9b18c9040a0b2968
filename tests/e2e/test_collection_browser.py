"""Draw three digits with a real mouse, keep each, and find them in the gallery under the right labels."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from core.i18n import translate
from tests.e2e.conftest import screenshot, wait_for_app
from tests.sketch_digits import DRAWING_CANVAS, STROKES, write

FIRST_METRIC = "[data-testid='stMetric'] [data-testid='stMetricValue']"
GALLERY = ".st-key-collect-gallery"


@pytest.mark.e2e
def test_three_kept_digits_appear_in_the_gallery(page: Page, app_url: str) -> None:
    page.goto(app_url)  # the first session opens at "/" (see test_sketch_browser.py)
    wait_for_app(page)
    page.goto(f"{app_url}/sketch?lang=en")
    wait_for_app(page)
    expect(page.get_by_text(translate("collect.empty", "en"))).to_be_visible()
    keep = page.get_by_role("button", name=translate("collect.keep", "en"))
    for digit in ["1", "0", "7"]:
        canvas = page.locator(DRAWING_CANVAS)
        canvas.wait_for()
        page.wait_for_timeout(300)
        write(page, canvas.bounding_box(), STROKES[digit])
        expect(page.locator(FIRST_METRIC).first).to_have_text(digit, timeout=20_000)
        wait_for_app(page)
        old_canvas = canvas.element_handle()
        keep.click()  # keeps the digit under the reading's label and clears the canvas
        page.wait_for_function("canvas => !canvas.isConnected", arg=old_canvas, timeout=20_000)
        wait_for_app(page)
    gallery = page.locator(GALLERY)
    for digit in ["0", "1", "7"]:
        expect(gallery.get_by_text(translate("collect.group", "en", digit=digit, count=1))).to_be_visible()
    expect(gallery.locator("img")).to_have_count(3)
    expect(page.get_by_text(translate("collect.score", "en", right=3, total=3, accuracy=1.0)
                            .replace("**", ""))).to_be_visible()
    screenshot(page, "sketch-collection-en")
