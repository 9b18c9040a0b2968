"""Every registered page renders in both languages without an exception, every picture and chart
with a text alternative."""

import pytest

from core.i18n import LANGUAGES
from tests.apptest import PAGE_STEMS, assert_rendered, open_page, unnamed_pictures


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("stem", PAGE_STEMS)
def test_page_renders(stem: str, lang: str) -> None:
    at = open_page(stem, lang)
    assert_rendered(at, lang)
    assert at.title, f"{stem} shows no title"
    unnamed = unnamed_pictures(at)
    assert not unnamed, f"{stem}: {len(unnamed)} pictures or charts without alt text, such as {unnamed[:3]}"
