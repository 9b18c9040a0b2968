"""The language switch in a real browser. (Every page opening in both languages, with its title and
no error element, is checked by tests/e2e/test_accessibility_browser.py, which loads each anyway.)"""

import pytest

from core.i18n import translate
from tests.e2e.conftest import wait_for_app


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
