"""The load benchmark's learner (scripts/streamlit_client.py) against a real server: it must see a
page's end, its widgets and its problems, and drive a training run as bench/load.py --train does.
No browser; it shares the browser tests' server, which is why it lives here."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor

import pytest

from scripts.streamlit_client import Learner, PageView


def run_apart(coroutine: Coroutine):
    """`asyncio.run(coroutine)` in a thread of its own: Playwright's sync API, which the other
    browser tests in this process use, keeps an event loop running in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


async def visit(url: str, page: str) -> tuple[PageView, dict[str, str]]:
    """One learner opens one page; its view and the widget ids it found."""
    async with Learner(url) as learner:
        view = await learner.open(page, timeout=120)
        return view, learner.widget_ids


async def train_small(url: str) -> PageView:
    """One learner trains one epoch on 1,000 images through the train page's own widgets."""
    async with Learner(url) as learner:
        await learner.open("train", timeout=120)
        learner.set_value("train.epochs", double_array_value={"data": [1]})
        learner.set_value("train.train_size", string_array_value={"data": ["1,000"]})
        return await learner.press("train.start", timeout=300)


@pytest.mark.e2e
def test_a_page_runs_to_its_end_without_errors(app_url: str) -> None:
    view, widgets = run_apart(visit(app_url, "model"))
    assert view.finished and not view.timed_out
    assert view.exceptions == [] and view.error_alerts == []
    assert "model.index" in widgets  # the page's elements were read, not just its end


@pytest.mark.e2e
def test_an_unknown_page_is_reported(app_url: str) -> None:
    view, _ = run_apart(visit(app_url, "no-such-page"))
    assert not view.ok and view.error_alerts == ["page not found: no-such-page"]


@pytest.mark.e2e
def test_a_training_run_driven_over_the_protocol_reports_its_speed(app_url: str) -> None:
    view = run_apart(train_small(app_url))
    assert view.ok, view.exceptions + view.error_alerts
    assert any(text.startswith("Done: 1/1 epochs") for text in view.progress_texts)
    assert view.images_per_s and view.images_per_s > 0
