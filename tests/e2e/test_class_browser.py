"""In a real browser: a teacher creates a class with a sweep and a challenge, two learners join by code,
train and share (one for the challenge, one on the validation images), the projector's board shows both
runs with the rule-breaking one unranked, a Markdown nickname stays text, and a hidden run leaves the
board."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from core.i18n import translate
from tests.e2e.conftest import press_until, screenshot, wait_for_app

T = lambda key, **fields: translate(key, "en", **fields)  # noqa: E731


def tab(browser: Browser, url: str) -> Page:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    wait_for_app(page, timeout=120_000)
    return page


def press_train(page: Page) -> None:
    page.get_by_role("button", name=T("train.start"), exact=True).click()
    expect(page.get_by_text(T("train.results.test_acc"), exact=True)).to_be_visible(timeout=120_000)
    wait_for_app(page)


def set_to_smallest(page: Page, label: str) -> None:
    thumb = page.locator("[data-testid='stSlider']").filter(has_text=label).get_by_role("slider").first
    thumb.focus()
    thumb.press("Home")
    wait_for_app(page)


def train_a_small_run(page: Page, url: str) -> None:
    page.goto(f"{url}/train")
    wait_for_app(page)
    for label in (T("train.train_size"), T("train.epochs")):
        set_to_smallest(page, label)
    press_train(page)


@pytest.mark.e2e
def test_a_class_in_the_browser(browser: Browser, app_url: str) -> None:
    teacher = tab(browser, f"{app_url}/classroom")
    teacher.get_by_role("tab", name=T("class.teacher_tab")).click()
    teacher.get_by_role("textbox", name=T("class.create.name")).fill("Class 7B")
    teacher.get_by_role("button", name=T("class.create.button")).click()
    wait_for_app(teacher)
    code = re.search(r"([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})",
                     teacher.locator("[data-testid='stMetricValue']").first.inner_text())
    join_code = code.group(1) + code.group(2)
    board_link = re.search(r"http\S+/board\?class=\S+", teacher.inner_text("body")).group(0)
    teacher.get_by_text(T("class.teach.sweep")).click()  # the sweep: 0.001, 0.01, 0.1, 0.5 in turn
    press_until(teacher, teacher.get_by_role("button", name=T("class.teach.sweep_button")),
                teacher.get_by_text(T("class.teach.sweep_set")))
    teacher.get_by_text(T("class.teach.challenge")).click()  # at most 1,000 images and 3 epochs
    press_until(teacher, teacher.get_by_role("button", name=T("class.teach.challenge_button")),
                teacher.get_by_text(T("class.teach.challenge_set")))

    values = []
    for nickname in ("ada", "[x](http://evil.example)"):
        learner = tab(browser, f"{app_url}/classroom?join={join_code.lower()}")
        learner.get_by_role("textbox", name=T("class.join.nickname")).fill(nickname)
        learner.get_by_role("button", name=T("class.join.button"), exact=True).click()
        wait_for_app(learner)
        expect(learner.get_by_text(T("class.join.done", nickname=nickname))).to_be_visible(timeout=30_000)
        values.append(re.search(r"your value is (\S+)", learner.inner_text("body")).group(1))
        if nickname == "ada":  # the challenge's button: 1,000 images, 3 epochs, the validation images out
            learner.get_by_role("button", name=T("class.challenge.train")).click()
            wait_for_app(learner)
            expect(learner.get_by_role("switch", name=T("train.holdout"))).to_be_checked()
            set_to_smallest(learner, T("train.epochs"))  # within the challenge's 3, and quicker
            press_train(learner)
        else:  # 1,000 images, 1 epoch, trained on all 60,000's pool: the validation images included
            train_a_small_run(learner, app_url)
        learner.goto(f"{app_url}/classroom")
        wait_for_app(learner)
        learner.get_by_role("button", name=T("class.share.button")).click()
        wait_for_app(learner)
        expect(learner.get_by_text(T("class.share.done"))).to_be_visible(timeout=30_000)
    assert values[0] != values[1]  # the sweep gave each learner the next value
    assert learner.locator("a[href*='evil.example']").count() == 0  # the nickname is text, not a link
    assert learner.get_by_text("[x](http://evil.example)").count() >= 1
    screenshot(learner, "class-learner")

    projector = tab(browser, board_link)
    expect(projector.get_by_text(T("class.board.runs", count=2, members=2))).to_be_visible(timeout=30_000)
    ranked = projector.get_by_role("img").filter(has_text="Validation accuracy")  # a bar per ranked run
    expect(ranked).to_contain_text("1. ada · epochs 1 · 1,000 images")
    expect(ranked).not_to_contain_text("evil.example")
    unranked = T("class.challenge.why.validation", which=T("class.challenge.which.own"))
    line = f"[x](http://evil.example) · epochs 1 · 1,000 images: {unranked}"
    expect(projector.get_by_text(line)).to_be_visible(timeout=30_000)
    controls = "[data-testid='stMain'] :is([data-testid='stButton'], [data-testid='stCheckbox'], input)"
    assert projector.locator(controls).count() == 0  # read-only: no moderation, no widgets
    screenshot(projector, "class-projector")

    teacher.reload()
    wait_for_app(teacher)
    teacher.get_by_role("tab", name=T("class.teacher_tab")).click()
    teacher.locator("[data-testid='stCheckbox']").filter(has_text=T("class.board.col.hidden")).first.click()
    wait_for_app(teacher)
    expect(projector.get_by_text(T("class.board.runs", count=1, members=1))).to_be_visible(timeout=30_000)
    assert projector.locator("[data-testid='stException']").count() == 0
