"""A real `streamlit run` server, driven by headless Chromium: how long until the home page shows,
and how fast the training page trains against `fit` alone.

1. Cold start: from starting the server process to the home page rendered (its title shown and
   Streamlit's running indicator gone), with the time to the health check on the way.
2. The training page's images per second: one epoch of the classic recipe started with the
   Train button, timed from the click to the results; and the same epoch through `fit` in this
   process afterwards (the server idle), with the torch thread count the page says it trains with.

Prints, no target. Run from the repository root: `.venv/bin/python bench/cold_start.py`
(`--train-size 10000` for a shorter epoch). Needs Chromium (`scripts/ensure_chromium.sh`).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.i18n import translate  # noqa: E402
from core.training.recipe_url import recipe_query  # noqa: E402
from scripts.app_server import CHROMIUM, CHROMIUM_ARGS, free_port, start_app, wait_healthy  # noqa: E402

RUNNING = "[data-testid='stStatusWidget']"


def wait_rendered(page, timeout_ms: float = 120_000) -> None:
    """Until a page's title is shown and Streamlit's running indicator has stayed away a moment."""
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=timeout_ms)
    for _ in range(3):
        page.wait_for_function(f"() => !document.querySelector(\"{RUNNING}\")", timeout=timeout_ms)


def start_server(port: int) -> subprocess.Popen:
    """The app on `port` as `make run` starts it (`scripts.start_app`, production settings)."""
    return start_app(port)


def train_on_page(page, url: str, config) -> tuple[float, float, int]:
    """One run of `config` through the training page: seconds from the click to the results, the
    training seconds the page reports, and the torch threads its device note names."""
    query = "&".join(f"{k}={v}" for k, v in recipe_query(config).items())
    page.goto(f"{url}/train?lang=en&{query}")
    wait_rendered(page)
    note = page.locator("[data-testid='stAlert']").first.inner_text()
    threads = re.search(r"\((\d+) thread", note)
    clicked = time.perf_counter()
    page.get_by_role("button", name=translate("train.start", "en"), exact=True).click()
    page.get_by_text(translate("train.results.test_acc", "en"), exact=True).wait_for(timeout=1_200_000)
    wall_s = time.perf_counter() - clicked
    done = page.get_by_text(re.compile(r"Done: .* in [\d.]+ s of training")).first.inner_text()
    train_s = float(re.search(r"in ([\d.]+) s of training", done).group(1))
    return wall_s, train_s, int(threads.group(1)) if threads else 0


def fit_alone(config, threads: int) -> float:
    """Seconds for the same run through `fit` in this process, data already loaded."""
    import torch

    from core.data import load_tensors
    from core.training import TrainingRun, seeded_model

    if threads:
        torch.set_num_threads(threads)
    train_data, test_data = load_tensors(True), load_tensors(False)
    started = time.perf_counter()
    run = TrainingRun.start(seeded_model(config.seed), config, "cpu", train_data, test_data)
    for _ in run.events():
        pass
    return time.perf_counter() - started


def main() -> None:
    from playwright.sync_api import sync_playwright

    from core.training import PRESETS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-size", type=int, default=60_000, help="training images in the epoch")
    args = parser.parse_args()
    config = replace(PRESETS["classic"], epochs=1, train_size=args.train_size)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        started = time.perf_counter()
        server = start_server(port)
        try:
            wait_healthy(url, server, timeout=180)
            healthy_s = time.perf_counter() - started
            page.goto(f"{url}/?lang=en")
            wait_rendered(page)
            home_s = time.perf_counter() - started
            print(f"cold start: server healthy after {healthy_s:.1f} s, home page rendered after "
                  f"{home_s:.1f} s ({home_s - healthy_s:.1f} s after the health check)", flush=True)
            wall_s, train_s, threads = train_on_page(page, url, config)
        finally:
            browser.close()
            server.terminate()
            server.wait(timeout=30)
    fit_s = fit_alone(config, threads)
    images = config.epochs * config.train_size
    print(f"training page, one classic epoch of {images:,} images (torch threads: {threads or '?'}): "
          f"{images / wall_s:,.0f} images/s from the click to the results ({wall_s:.1f} s; "
          f"{train_s:.1f} s of it training, {images / train_s:,.0f} images/s)")
    print(f"fit alone, same epoch and threads, test pass included: {images / fit_s:,.0f} images/s "
          f"({fit_s:.1f} s): the page runs at {fit_s / wall_s:.0%} of fit's speed")


if __name__ == "__main__":
    main()
