"""A real app server and a real headless Chromium for the browser tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect, sync_playwright

from scripts.app_server import CHROMIUM, CHROMIUM_ARGS, ROOT, running_app

SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def app_url() -> str:
    """The base URL of a `streamlit run app.py` started for this test session."""
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` as root, or apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Page:
    """A fresh browser tab at a laptop-sized viewport, English locale."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


def wait_for_app(page: Page, timeout: float = 60_000) -> None:
    """Wait until the script run has finished: a title is shown and Streamlit's running
    indicator has stayed away for a moment (it can blink off between reruns)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=timeout)
    # With `toolbarMode = "minimal"` the running indicator never shows; Streamlit also marks its root
    # with the script's state, which is what says the run has ended.
    idle = ("() => !document.querySelector(\"[data-testid='stStatusWidget']\") && "
            "document.querySelector(\"[data-testid='stApp']\")?.dataset.testScriptState === 'notRunning'")
    for _ in range(3):
        page.wait_for_function(idle, timeout=timeout)
        page.wait_for_timeout(400)
    page.wait_for_function(idle, timeout=timeout)


def press_until(page: Page, button: Locator, shown: Locator, tries: int = 3) -> None:
    """Press `button` until `shown` is visible, at most `tries` times, for a button whose effect may
    be pressed twice (setting a value, not adding one). On a busy machine a press can land while the
    page is still being redrawn, and a fresh-clone run once saw it lost."""
    for attempt in range(1, tries + 1):
        button.click()
        wait_for_app(page)
        try:
            expect(shown).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            if attempt == tries:
                raise


def screenshot(page: Page, name: str) -> Path:
    """Save the whole page (Streamlit scrolls inside its main block, so the viewport is
    stretched to the content first) under artifacts/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    viewport = page.viewport_size
    height = page.evaluate(
        "() => document.querySelector(\"[data-testid='stMain']\")?.scrollHeight ?? 0"
    )
    stretched = min(max(height, viewport["height"]), 12_000)
    page.set_viewport_size({"width": viewport["width"], "height": stretched})
    page.wait_for_timeout(800)  # charts re-lay out at the new size
    page.screenshot(path=str(path))
    page.set_viewport_size(viewport)
    return path
