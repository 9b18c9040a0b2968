"""A fresh server's first visitor may arrive on a page URL, and still gets the whole app."""

import pytest

from core.i18n import translate
from scripts.app_server import running_app
from tests.e2e.conftest import wait_for_app


@pytest.mark.e2e
def test_first_request_to_a_page_url_goes_through_the_app_shell(browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    with running_app() as url:  # its own server: this must be the process's first request
        page.goto(f"{url}/dataset?lang=zh")
        wait_for_app(page)
        page.locator("h1").filter(has_text=translate("dataset.title", "zh")).first.wait_for()
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_role("radio", name="中文").wait_for()
        nav = sidebar.get_by_test_id("stSidebarNav").inner_text()
        assert translate("nav.train", "zh") in nav
        assert "app" not in nav.split()  # the legacy pages/-folder menu would list "app"
    context.close()
