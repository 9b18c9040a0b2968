"""One lesson with the keyboard alone: on the neuron page, Tab to the learning rate, change it with
the arrow keys, Tab to Step and press it; no mouse event anywhere."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from core import neuron
from core.i18n import translate
from tests.e2e.conftest import wait_for_app

MOST_TABS = 120  # the sidebar and every control above the player fit well within this

# What has the keyboard focus: its role, its text, the label of the widget it belongs to.
FOCUSED = """() => {
  const el = document.activeElement;
  const widget = el && el.closest("[data-testid^='st']");
  const label = widget && widget.querySelector("[data-testid='stWidgetLabel']");
  const role = el?.getAttribute("role") || (el?.type === "range" ? "slider" : el?.tagName.toLowerCase());
  return {role, text: (el?.innerText ?? "").trim(),
          label: label ? label.innerText.trim() : "", value: el?.getAttribute("aria-valuetext") ?? ""};
}"""


def tab_to(page: Page, wanted) -> dict:
    """Press Tab until `wanted(focused)` holds; the focused element's description."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if wanted(focused):
            return focused
    pytest.fail(f"{MOST_TABS} presses of Tab never reached it; the last focus was {focused}")


def progress_text(page: Page) -> str:
    return page.get_by_test_id("stProgress").first.inner_text().strip()


@pytest.mark.e2e
def test_the_neuron_lesson_works_with_the_keyboard_alone(page, app_url: str) -> None:
    page.goto(f"{app_url}/neuron?lang=en")
    wait_for_app(page)
    lr_label = translate("neuron.lr", "en")
    slider = tab_to(page, lambda f: f["role"] == "slider" and f["label"].startswith(lr_label))
    assert slider["value"] == "0.1"
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    faster = neuron.LEARNING_RATES[neuron.LEARNING_RATES.index(0.1) + 1]
    lr_slider = page.get_by_test_id("stSlider").filter(has_text=lr_label).get_by_role("slider").first
    assert lr_slider.get_attribute("aria-valuetext") == f"{faster:g}"

    step = translate("neuron.step", "en")
    tab_to(page, lambda f: f["role"] == "button" and f["text"].endswith(step))
    assert progress_text(page).startswith("Step 1 of")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_text("Step 2 of", exact=False).first.wait_for()
    page.keyboard.press("Space")  # the focus stays on Step after the rerun
    wait_for_app(page)
    page.get_by_text("Step 3 of", exact=False).first.wait_for()
