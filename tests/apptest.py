"""Run one page of the app in Streamlit's AppTest, in a chosen language."""

from __future__ import annotations

from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from core.i18n import translate
from ui.navigation import PAGES, WORK_PAGES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE_STEMS = [stem for stem, _ in PAGES + WORK_PAGES]

# AppTest resets Streamlit's per-process "legacy pages/ folder app" flag before every run, so
# from the second run on it would execute our page files without app.py (no shared sidebar, no
# error guard). The real server settles the flag once (ui/navigation_mode.py); do the same here.
_page_manager_init = PagesManager.__init__


def _init_in_navigation_mode(self, *args, **kwargs) -> None:
    _page_manager_init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


PagesManager.__init__ = _init_in_navigation_mode


def open_page(stem: str, lang: str, timeout: float = 120, state: dict | None = None) -> AppTest:
    """The app, switched to `pages/<stem>.py` in `lang`, after its first full run."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["lang"] = lang
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    at.switch_page(f"pages/{stem}.py")
    at.run()
    return at


def assert_rendered(at: AppTest, lang: str) -> None:
    """No exception, and not the app's own "something went wrong" message."""
    assert not at.exception, [e.value for e in at.exception]
    crash = translate("error.unexpected", lang)
    assert all(crash not in e.value for e in at.error), [e.value for e in at.error]


# Elements a screen reader names by their `alt` (st.image, st.vega_lite_chart / st.altair_chart,
# st.graphviz_chart): WCAG 1.1.1 wants a text alternative for each.
PICTURE_TYPES = ("image", "vega_lite_chart", "graphviz_chart")


def _elements(node) -> list:
    children = getattr(node, "children", None)
    below = [e for child in children.values() for e in _elements(child)] if isinstance(children, dict) else []
    return [node, *below]


def unnamed_pictures(at: AppTest) -> list[str]:
    """The images and charts on the page without a text alternative, as "type: detail"."""
    missing = []
    for element in _elements(at._tree):
        kind = getattr(element, "type", None)
        if kind == "image":
            missing += [f"image: {img.url[:60]}" for img in element.proto.imgs if not img.alt.strip()]
        elif kind in PICTURE_TYPES and not element.proto.alt.strip():
            missing.append(f"{kind}: {element.proto.spec[:80]}")
    return missing
