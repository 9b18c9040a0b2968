"""In a real browser: two short runs with different learning rates, both selected: two curves, a sentence."""

import pytest
from playwright.sync_api import Page, expect

from core.i18n import translate
from tests.e2e.conftest import screenshot, wait_for_app

LANG = "en"


def train_once(page: Page) -> None:
    """Press Train and wait for the run's results (a warm worker may finish 1,000 images in a second)."""
    start = page.get_by_role("button", name=translate("train.start", LANG), exact=True)
    stop = page.get_by_role("button", name=translate("train.stop", LANG), exact=True)
    for _ in range(3):  # a click that lands while the page reruns can be lost: press again
        start.click()
        try:
            expect(stop).to_be_visible(timeout=90_000)  # a fresh server's worker imports torch first
            break
        except AssertionError:
            if start.is_visible() and page.get_by_text(translate("train.chart.empty", LANG)).count() == 0:
                break  # no Stop seen, yet a run's curves are there: it finished already
    expect(stop).to_be_hidden(timeout=180_000)  # the first run also waits for its worker process to start
    wait_for_app(page)
    expect(page.get_by_text(translate("train.results.test_acc", LANG), exact=True)).to_be_visible()


@pytest.mark.e2e
def test_two_runs_side_by_side(page: Page, app_url: str) -> None:
    # the recipe comes from a shared link: 1,000 images, 1 epoch, Adam at 0.005
    page.goto(f"{app_url}/train?lang={LANG}&train_size=1000&epochs=1&optimizer=adam&lr=0.005")
    wait_for_app(page, timeout=180_000)  # the first visit starts the training workers
    train_once(page)
    rate = page.locator("[data-testid='stSlider']").filter(has_text=translate("train.lr", LANG))
    thumb = rate.get_by_role("slider").first
    thumb.focus()
    thumb.press("ArrowRight")  # 0.005 -> 0.01
    wait_for_app(page)
    train_once(page)
    page.get_by_role("link", name=translate("nav.experiments", LANG)).first.click()
    wait_for_app(page)
    grid = page.locator("[data-testid='stDataFrame']").first
    expect(grid).to_be_visible()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 18)  # the header's checkbox: select every run (both)
    wait_for_app(page)
    sentence = page.get_by_text("0.005 → 0.01").first
    expect(sentence).to_be_visible(timeout=20_000)
    assert translate("experiments.field.lr", LANG) in sentence.inner_text()
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    expect(chart).to_be_visible()
    legend = page.evaluate(
        "() => Array.from(document.querySelectorAll(\"[data-testid='stVegaLiteChart'] text\"))"
        ".map(t => t.textContent)")
    assert any(text.startswith("#1 ") for text in legend), legend  # one curve per run, each in the legend
    assert any(text.startswith("#2 ") for text in legend), legend
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, f"experiments-two-runs-{LANG}")
