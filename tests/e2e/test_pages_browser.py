"""Every page opens in a real browser, in both languages, without an error element."""

import pytest

from core.i18n import LANGUAGES, translate
from tests.apptest import PAGE_STEMS
from tests.e2e.conftest import screenshot, wait_for_app


@pytest.mark.e2e
@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("stem", PAGE_STEMS)
def test_page_opens_in_browser(page, app_url: str, stem: str, lang: str) -> None:
    path = "" if stem == "home" else stem
    page.goto(f"{app_url}/{path}?lang={lang}")
    wait_for_app(page)
    # every page's title is its catalogue entry "<stem>.title", in the chosen language
    page.locator("h1").filter(has_text=translate(f"{stem}.title", lang)).first.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    assert translate("error.unexpected", lang) not in page.inner_text("body")
    screenshot(page, f"{stem}-{lang}")


@pytest.mark.e2e
def test_language_switch_keeps_page_and_survives_refresh(page, app_url: str) -> None:
    page.goto(f"{app_url}/?lang=en")
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_role("radio", name="中文").click()
    page.locator("h1").filter(has_text=translate("home.title", "zh")).first.wait_for()
    assert "lang=zh" in page.url
    page.reload()
    wait_for_app(page)
    page.locator("h1").filter(has_text=translate("home.title", "zh")).first.wait_for()
    assert "训练设备" in page.get_by_test_id("stSidebar").inner_text()
