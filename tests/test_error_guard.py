"""An unexpected error inside a page reaches the learner as a translated message, no traceback."""

import pytest

import core.dataset.views
import ui.cache
from core.i18n import LANGUAGES, translate
from tests.apptest import open_page
from ui.errors import RAISE_ENV_VAR


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_page_error_becomes_a_friendly_message(monkeypatch, lang: str) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.delenv(RAISE_ENV_VAR)
    for name in dir(core.dataset.views):
        if callable(getattr(core.dataset.views, name)) and not name.startswith("_"):
            monkeypatch.setattr(core.dataset.views, name, broken)
    at = open_page("dataset", lang)
    assert not at.exception
    assert [e.value for e in at.error] == [translate("error.unexpected", lang)]
    assert at.sidebar.caption, "the sidebar still renders"


def test_an_error_in_one_part_of_a_page_leaves_the_other_parts(monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.delenv(RAISE_ENV_VAR)
    # the learned filters: the page asks ui.cache, which keeps the maps once computed
    monkeypatch.setattr(ui.cache, "digit_learned_maps", broken)
    at = open_page("convolution", "en")
    assert not at.exception
    assert [e.value for e in at.error] == [translate("error.unexpected", "en")]
    headers = [h.value for h in at.header]
    assert translate("convolution.window.header", "en") in headers  # the part before it
    assert translate("convolution.learn.header", "en") in headers  # and the part after it
