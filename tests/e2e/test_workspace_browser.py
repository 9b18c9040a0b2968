"""In a real browser: a learner's work survives a refresh mid-run, a new tab and a server restart; a
second browser sees none of it; a transfer code moves it; "forget me" deletes it. The restarted
server's first visitor arrives on a page URL, and still gets the whole app.

The server here is started as `make run` starts it, with its own data folder, so it can be stopped
and started again over the same database."""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from core.i18n import translate
from core.store import open_store
from core.workspace.runs import RunShelf
from scripts.app_server import free_port, start_app, stop, wait_healthy
from tests.e2e.conftest import screenshot, wait_for_app

OWN_MODEL = translate("sidebar.model_session", "en").split("{")[0]
PRETRAINED = translate("sidebar.model_pretrained", "en").split("{")[0]


class Server:
    """The app on one port over one data folder, which can be restarted."""

    def __init__(self):
        self.data = tempfile.mkdtemp(prefix="nnx-browser-workspaces-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self) -> None:
        self.process = start_app(self.port, env={"APP_DATA_DIR": self.data})
        wait_healthy(self.url, self.process)

    def stop(self) -> None:
        stop(self.process)

    def children(self) -> list[int]:
        """The server's child processes (its training workers)."""
        tasks = Path(f"/proc/{self.process.pid}/task")
        return [int(pid) for task in tasks.iterdir() for pid in (task / "children").read_text().split()]


def gone_within(pids: list[int], seconds: float) -> bool:
    """Whether every process has ended (a zombie counts as ended) within `seconds`."""
    def running(pid: int) -> bool:
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(running(pid) for pid in pids):
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def server() -> Iterator[Server]:
    app = Server()
    app.start()
    yield app
    app.stop()


def new_context(browser: Browser) -> BrowserContext:
    return browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")


def open_page(context: BrowserContext, url: str) -> Page:
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.goto(url)
    wait_for_app(tab, timeout=120_000)
    return tab


def sidebar(tab: Page) -> str:
    return tab.locator("[data-testid='stSidebar']").inner_text()


def set_slider(tab: Page, label: str, presses: int) -> None:
    """The slider labelled `label` at its smallest value, then `presses` steps up, with the keyboard; each
    key waits for the page's rerun (the training page's prompts redraw with the epochs, and a key pressed
    mid-redraw can be lost)."""
    thumb = tab.locator("[data-testid='stSlider']").filter(has_text=label).get_by_role("slider").first
    for key in ["Home"] + ["ArrowRight"] * presses:
        thumb.focus()
        thumb.press(key)
        wait_for_app(tab)


@pytest.mark.e2e
def test_a_learners_work_survives_refresh_new_tab_and_restart_and_moves_by_code(browser, server) -> None:
    learner = new_context(browser)
    tab = open_page(learner, f"{server.url}/train")
    cookies = [c for c in learner.cookies() if c["name"].startswith("nnx_ws_")]
    assert len(cookies) == 1 and cookies[0]["sameSite"] == "Lax" and len(cookies[0]["value"]) == 43
    secret = cookies[0]["value"]
    assert secret not in tab.url

    set_slider(tab, translate("train.train_size", "en"), 1)  # 2,000 images
    set_slider(tab, translate("train.epochs", "en"), 7)  # 8 epochs: long enough to refresh mid-run
    tab.get_by_role("button", name=translate("train.start", "en"), exact=True).click()
    expect(tab.get_by_text(re.compile(r"Epoch [2-4]/8"))).to_be_visible(timeout=120_000)
    tab.reload()  # mid-run: the run carries on, and this tab shows it
    expect(tab.get_by_text(re.compile(r"Epoch [2-8]/8"))).to_be_visible(timeout=60_000)
    accuracy = tab.get_by_text(translate("train.results.test_acc", "en"), exact=True)
    expect(accuracy).to_be_visible(timeout=120_000)
    wait_for_app(tab)
    expect(tab.get_by_text(re.compile(r"Done: 8/8 epochs"))).to_be_visible(timeout=60_000)
    store = open_store(f"sqlite:///{server.data}/workspaces.sqlite3")
    [run] = RunShelf(store.workspace(secret)).load_all()  # the kept run: one line, no gap
    assert [row["epoch"] for row in run.curves.epochs] == list(range(1, 9))
    steps = np.diff(run.curves.batch_epochs)
    assert (steps > 0).all() and steps.max() < 3 * np.median(steps)
    store.dispose()
    assert OWN_MODEL in sidebar(tab)
    screenshot(tab, "workspace-after-refresh")

    other_tab = open_page(learner, f"{server.url}/sketch")  # a new tab of the same browser
    assert OWN_MODEL in sidebar(other_tab)

    stranger = new_context(browser)  # another learner's browser sees none of it
    assert PRETRAINED in sidebar(open_page(stranger, f"{server.url}/"))

    workers = server.children()
    assert workers  # the training pool's processes
    server.process.kill()  # the server dies (kill -9): no worker trains on as an orphan
    server.process.wait()
    assert gone_within(workers, 10.0)
    server.start()  # a restart: the work is in the database
    after = open_page(learner, f"{server.url}/experiments")  # the fresh process's first page: a page URL
    assert OWN_MODEL in sidebar(after)
    # ... still goes through the app shell (app.py's navigation and language), not a bare pages/ script
    after.get_by_test_id("stSidebar").get_by_role("radio", name="中文").wait_for()
    nav = after.get_by_test_id("stSidebarNav").inner_text()
    assert translate("nav.train", "en") in nav
    assert "app" not in nav.split()  # the legacy pages/-folder menu would list "app"
    expect(after.locator("[data-testid='stDataFrame']").first).to_be_visible(timeout=60_000)  # the kept run
    assert translate("experiments.empty", "en").split("{")[0][:30] not in after.inner_text("body")

    code_tab = open_page(learner, f"{server.url}/workspace")
    code_tab.get_by_role("button", name=translate("workspace.transfer.make", "en")).click()
    wait_for_app(code_tab)
    code = re.search(r"\b([0-9A-HJKMNP-TV-Z]{8})\b", code_tab.locator("strong").all_inner_texts().__str__())
    assert code is not None
    screenshot(code_tab, "workspace-code")

    device = new_context(browser)  # another device opens the link
    moved = open_page(device, f"{server.url}/?transfer={code.group(1)}")
    assert "transfer=" not in moved.url
    assert PRETRAINED in sidebar(moved)  # asked first: nothing replaced yet
    moved.get_by_role("button", name=translate("workspace.transfer.take", "en")).click()
    wait_for_app(moved)
    expect(moved.locator("[data-testid='stSidebar']")).to_contain_text(OWN_MODEL)
    assert [c["value"] for c in device.cookies() if c["name"] == cookies[0]["name"]] != [secret]

    moved.get_by_text(translate("workspace.forget.confirm", "en")).click()
    wait_for_app(moved)
    moved.get_by_role("button", name=translate("workspace.forget.button", "en")).click()
    wait_for_app(moved)
    expect(moved.locator("[data-testid='stSidebar']")).to_contain_text(PRETRAINED)
    assert moved.locator("[data-testid='stException']").count() == 0
    screenshot(moved, "workspace-forgotten")
    for context in (learner, stranger, device):
        context.close()
