"""axe-core's WCAG 2.0/2.1 A and AA rules on every page: no serious or critical violation outside
tests/e2e/accessibility_allowlist.py. Each page's findings, allowed or not, are written to
artifacts/accessibility/<page>-<lang>.json (git-ignored).

Every page is audited in one language, English and Chinese in turn down the navigation, so both
languages' pages are audited and `make test` stays near ten minutes on two cores: the two languages
share every colour, widget and chart, and AppTest renders every page in both
(tests/test_pages_render.py)."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest
from playwright.sync_api import Page

from core.i18n import LANGUAGES, translate
from scripts.app_server import ROOT
from tests.apptest import PAGE_STEMS
from tests.e2e.accessibility_allowlist import ALLOWED

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPORTS = ROOT / "artifacts" / "accessibility"
# Streamlit scrolls inside its main block and draws some elements only once they are in view: a
# viewport taller than any page has every chart and image drawn without scrolling.
TALL = {"width": 1400, "height": 10_000}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
# Streamlit marks its root with the script's state (with `toolbarMode = "minimal"` the running
# indicator wait_for_app watches never shows); after the run, elements whose code Streamlit loads on
# first use (st.image's, the charts') can take a moment more: wait until the page stops changing.
SETTLED = """async () => {
  const app = () => document.querySelector("[data-testid='stApp']");
  const done = () => app()?.dataset.testScriptState === "notRunning";
  let last = -1, still = 0;
  for (let i = 0; i < 240 && still < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const count = document.getElementsByTagName("*").length;
    still = done() && count === last ? still + 1 : 0;
    last = count;
  }
  return still >= 4;
}"""

# Every node of every violation, with the index of the allowlist entry that covers it (or null).
RUN_AXE = """async ({tags, allowed}) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"], elementRef: true,
  });
  return results.violations.flatMap((rule) => rule.nodes.map((node) => ({
    rule: rule.id,
    impact: node.impact || rule.impact,
    target: node.target.join(" "),
    html: node.html.slice(0, 160),
    summary: node.failureSummary,
    allowed: allowed.findIndex((entry) =>
      entry.rule === rule.id && node.element && node.element.closest(entry.selector) !== null),
  })));
}"""


def audit(page: Page) -> list[dict]:
    """axe's WCAG A/AA violations on the page as it is now, one row per node."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `bash scripts/ensure_axe.sh` "
                    "(`make test` does), which installs the axe-core version package.json pins")
    page.add_script_tag(path=str(AXE))
    allowed = [{"rule": entry.rule, "selector": entry.selector} for entry in ALLOWED]
    return page.evaluate(RUN_AXE, {"tags": WCAG_TAGS, "allowed": allowed})


def blocking(findings: list[dict]) -> list[dict]:
    """The serious or critical findings no allowlist entry covers."""
    return [row for row in findings if row["impact"] in BLOCKING and row["allowed"] < 0]


def report(findings: list[dict]) -> str:
    """One line per finding: rule, impact, target selector."""
    return "\n".join(f"  {row['rule']} ({row['impact']}): {row['target']}  {row['html'][:80]}"
                     for row in findings)


def save(name: str, findings: list[dict]) -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    rows = [{**row, "allowed": asdict(ALLOWED[row["allowed"]]) if row["allowed"] >= 0 else None}
            for row in findings]
    (REPORTS / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1))


@pytest.fixture(scope="module")
def tall_tab(browser) -> Page:
    """One tab for every page view: each visit is a new session, but Streamlit's scripts come from
    the browser's cache instead of being fetched and compiled again (seconds a page on 2 cores)."""
    context = browser.new_context(viewport=TALL, locale="en-US")
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


LANGUAGE_OF_PAGE = [(stem, list(LANGUAGES)[i % len(LANGUAGES)]) for i, stem in enumerate(PAGE_STEMS)]


@pytest.mark.e2e
@pytest.mark.parametrize(("stem", "lang"), LANGUAGE_OF_PAGE)
def test_page_has_no_serious_accessibility_violation(tall_tab: Page, app_url: str, stem: str,
                                                     lang: str) -> None:
    page = tall_tab
    page.goto(f"{app_url}/{'' if stem == 'home' else stem}?lang={lang}")
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1")
    assert page.evaluate(SETTLED), f"/{stem}?lang={lang} was still changing after a minute"
    # the page opened as itself: its title is its catalogue entry "<stem>.title", and nothing failed
    page.locator("h1").filter(has_text=translate(f"{stem}.title", lang)).first.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    assert translate("error.unexpected", lang) not in page.inner_text("body")
    findings = audit(page)
    save(f"{stem}-{lang}", findings)
    failing = blocking(findings)
    assert not failing, (f"{len(failing)} serious or critical axe violations on /{stem}?lang={lang} "
                         f"(not in tests/e2e/accessibility_allowlist.py):\n{report(failing)}")


@pytest.mark.e2e
def test_allowlist_entries_are_complete() -> None:
    for entry in ALLOWED:
        assert entry.rule and entry.selector and entry.reason, entry
        assert entry.upstream.startswith("https://github.com/"), entry
