"""Draw digits on the sketch page's canvas with a real mouse and check the network reads them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from core.i18n import translate
from tests.e2e.conftest import screenshot, wait_for_app
from tests.sketch_digits import DRAWING_CANVAS, STROKES, write

FIRST_METRIC = "[data-testid='stMetric'] [data-testid='stMetricValue']"


def prediction(page: Page):
    """The first st.metric's value: the page's contract for "the digit it read"."""
    return page.locator(FIRST_METRIC).first


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_mouse_drawn_digits_are_read(page: Page, app_url: str, lang: str) -> None:
    # The very first session after the server starts must open at "/": one that lands straight
    # on a page URL is run as a bare pages/ script, without app.py's sidebar and language.
    page.goto(app_url)
    wait_for_app(page)
    page.goto(f"{app_url}/sketch?lang={lang}")
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text(translate("sketch.title", lang))
    canvas = page.locator(DRAWING_CANVAS)
    canvas.wait_for()
    expect(page.get_by_text(translate("sketch.empty", lang))).to_be_visible()
    assert page.locator("[data-testid='stMetric']").count() == 0
    box = canvas.bounding_box()
    assert round(box["width"]) == 280 and round(box["height"]) == 280
    clear = page.get_by_role("button", name=translate("sketch.clear", lang))

    digits = ["1", "0", "7"] if lang == "en" else ["4"]
    for digit in digits:
        write(page, box, STROKES[digit])
        expect(prediction(page)).to_have_text(digit, timeout=20_000)
        wait_for_app(page)
        page.wait_for_timeout(800)  # let the charts finish drawing before the picture
        screenshot(page, f"sketch-drew-{digit}-{lang}")

        # "Clear" mounts a fresh canvas: wait until the old one is gone and the new one is
        # ready, or the next strokes land on a canvas that is being thrown away.
        old_canvas = page.locator(DRAWING_CANVAS).element_handle()
        clear.click()
        page.wait_for_function("canvas => !canvas.isConnected", arg=old_canvas, timeout=20_000)
        expect(page.locator("[data-testid='stMetric']")).to_have_count(0, timeout=20_000)
        expect(page.get_by_text(translate("sketch.empty", lang))).to_be_visible()
        wait_for_app(page)
        canvas = page.locator(DRAWING_CANVAS)
        canvas.wait_for()
        page.wait_for_timeout(300)
        box = canvas.bounding_box()
    screenshot(page, f"sketch-cleared-{lang}")
