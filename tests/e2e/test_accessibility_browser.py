"""axe-core's WCAG 2.0/2.1 A and AA rules on every page, in both languages: no serious or critical
violation outside tests/e2e/accessibility_allowlist.py. Each page's findings, allowed or not, are
written to artifacts/accessibility/<page>-<lang>.json (git-ignored)."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest
from playwright.sync_api import Page

from core.i18n import LANGUAGES
from scripts.app_server import ROOT
from tests.apptest import PAGE_STEMS
from tests.e2e.accessibility_allowlist import ALLOWED
from tests.e2e.conftest import wait_for_app

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPORTS = ROOT / "artifacts" / "accessibility"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

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
    # Streamlit scrolls inside its main block and draws some elements only once they are in view:
    # stretch the viewport over the whole page so that every chart and image exists.
    height = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\")?.scrollHeight ?? 0")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(max(height, 1000), 12_000)})
    page.wait_for_timeout(800)
    wait_for_app(page)
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


@pytest.mark.e2e
@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("stem", PAGE_STEMS)
def test_page_has_no_serious_accessibility_violation(page, app_url: str, stem: str, lang: str) -> None:
    page.goto(f"{app_url}/{'' if stem == 'home' else stem}?lang={lang}")
    wait_for_app(page)
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
