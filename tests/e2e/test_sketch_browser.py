"""Draw digits on the sketch page's canvas with a real mouse: the network reads them, "Keep" files each
in the gallery under its reading, and "Clear" gives a fresh canvas (in Chinese)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from core.i18n import translate
from tests.e2e.conftest import screenshot, wait_for_app
from tests.sketch_digits import DRAWING_CANVAS, STROKES, write

FIRST_METRIC = "[data-testid='stMetric'] [data-testid='stMetricValue']"
GALLERY = ".st-key-collect-gallery"


def prediction(page: Page):
    """The first st.metric's value: the page's contract for "the digit it read"."""
    return page.locator(FIRST_METRIC).first


def open_sketch(page: Page, app_url: str, lang: str):
    """The sketch page with an empty canvas; the canvas's bounding box."""
    page.goto(f"{app_url}/sketch?lang={lang}")
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text(translate("sketch.title", lang))
    canvas = page.locator(DRAWING_CANVAS)
    canvas.wait_for()
    expect(page.get_by_text(translate("sketch.empty", lang))).to_be_visible()
    assert page.locator("[data-testid='stMetric']").count() == 0
    box = canvas.bounding_box()
    assert round(box["width"]) == 280 and round(box["height"]) == 280
    return box


def draw_and_read(page: Page, box, digit: str, lang: str) -> None:
    write(page, box, STROKES[digit])
    expect(prediction(page)).to_have_text(digit, timeout=20_000)
    wait_for_app(page)
    page.wait_for_timeout(800)  # let the charts finish drawing before the picture
    screenshot(page, f"sketch-drew-{digit}-{lang}")


def replaced_canvas(page: Page, old_canvas) -> dict:
    """After "Clear" or "Keep" mounts a fresh canvas: wait until the old one is gone and the new one is
    ready (or the next strokes land on a canvas that is being thrown away); the new one's box."""
    page.wait_for_function("canvas => !canvas.isConnected", arg=old_canvas, timeout=20_000)
    wait_for_app(page)
    canvas = page.locator(DRAWING_CANVAS)
    canvas.wait_for()
    page.wait_for_timeout(300)
    return canvas.bounding_box()


@pytest.mark.e2e
def test_mouse_drawn_digits_are_read_and_kept_in_the_gallery(page: Page, app_url: str) -> None:
    box = open_sketch(page, app_url, "en")
    expect(page.get_by_text(translate("collect.empty", "en"))).to_be_visible()
    keep = page.get_by_role("button", name=translate("collect.keep", "en"))
    for digit in ["1", "0", "7"]:
        draw_and_read(page, box, digit, "en")
        old_canvas = page.locator(DRAWING_CANVAS).element_handle()
        keep.click()  # keeps the digit under the reading's label and clears the canvas
        box = replaced_canvas(page, old_canvas)
    expect(page.locator("[data-testid='stMetric']")).to_have_count(0)
    gallery = page.locator(GALLERY)
    for digit in ["0", "1", "7"]:
        expect(gallery.get_by_text(translate("collect.group", "en", digit=digit, count=1))).to_be_visible()
    expect(gallery.locator("img")).to_have_count(3)
    expect(page.get_by_text(translate("collect.score", "en", right=3, total=3, accuracy=1.0)
                            .replace("**", ""))).to_be_visible()
    screenshot(page, "sketch-collection-en")


@pytest.mark.e2e
def test_a_mouse_drawn_digit_is_read_and_cleared_in_chinese(page: Page, app_url: str) -> None:
    box = open_sketch(page, app_url, "zh")
    draw_and_read(page, box, "4", "zh")
    old_canvas = page.locator(DRAWING_CANVAS).element_handle()
    page.get_by_role("button", name=translate("sketch.clear", "zh")).click()
    replaced_canvas(page, old_canvas)
    expect(page.locator("[data-testid='stMetric']")).to_have_count(0, timeout=20_000)
    expect(page.get_by_text(translate("sketch.empty", "zh"))).to_be_visible()
    screenshot(page, "sketch-cleared-zh")
