"""Take the README's screenshots from the running app: `.venv/bin/python -m scripts.readme_screenshots`.

Starts the app, opens each page in headless Chromium and saves what a visitor sees first
(the top of the page, 1400 x 1000) to `assets/screenshots/<page>-<lang>.png`. On the sketch
page it first writes a 7 on the canvas with the mouse, as the browser test does.
"""

from __future__ import annotations

import argparse

from playwright.sync_api import sync_playwright

from scripts.app_server import CHROMIUM, CHROMIUM_ARGS, ROOT, running_app
from tests.sketch_digits import DRAWING_CANVAS, STROKES, write
from ui.navigation import PAGES as NAVIGATION

OUT = ROOT / "assets" / "screenshots"
PAGES = [stem for stem, _ in NAVIGATION]  # every page, in the learning order


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", default=PAGES)
    parser.add_argument("--langs", nargs="*", default=["en", "zh"])
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with running_app() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        for lang in args.langs:
            for stem in args.pages:
                tab.goto(f"{url}/{'' if stem == 'home' else stem}?lang={lang}")
                tab.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=60_000)
                tab.wait_for_function(
                    "() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=60_000
                )
                if stem == "sketch":
                    canvas = tab.locator(DRAWING_CANVAS).first
                    write(tab, canvas.bounding_box(), STROKES["7"])
                    tab.locator("[data-testid='stMetric']").first.wait_for(timeout=60_000)
                tab.wait_for_timeout(1500)  # let charts finish drawing
                path = OUT / f"{stem}-{lang}.png"
                tab.screenshot(path=str(path))
                print(path.relative_to(ROOT))
        browser.close()


if __name__ == "__main__":
    main()
