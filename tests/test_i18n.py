"""The catalogue is complete in both languages, and the sidebar switch changes the language."""

import re
import string

import pytest

from core.i18n import CATALOGUE, LANGUAGES, Translator, language_for_locale, translate
from tests.apptest import open_page

HAN = re.compile(r"[\u4e00-\u9fff]")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages_with_the_same_fields(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES)
    assert entry["en"].strip() and entry["zh"].strip(), f"{key} is empty in a language"
    assert _fields(entry["en"]) == _fields(entry["zh"]), f"{key}: format fields differ"


def test_chinese_text_is_chinese_and_english_is_not() -> None:
    untranslated = [k for k, e in CATALOGUE.items() if e["zh"] == e["en"] and HAN.search(e["en"]) is None
                    and re.search(r"[a-z]{4,}", e["en"])]
    assert not untranslated, f"Chinese text identical to English: {untranslated[:10]}"
    assert not [k for k, e in CATALOGUE.items() if HAN.search(e["en"])], "Chinese inside English text"


def test_translate_fills_fields_and_falls_back_to_english() -> None:
    assert translate("sidebar.device", "zh", name="CPU") == "训练设备：**CPU**"
    assert Translator("fr")("sidebar.device", name="CPU") == "Training device: **CPU**"


def test_browser_locale_picks_the_language() -> None:
    assert language_for_locale("zh-CN") == "zh"
    assert language_for_locale("en-GB") == "en"
    assert language_for_locale(None) == "en"


def test_switching_language_keeps_the_page() -> None:
    at = open_page("home", "en")
    assert at.title[0].value == translate("home.title", "en")
    at.button_group(key="lang").set_value("zh").run()
    assert not at.exception
    assert at.title[0].value == translate("home.title", "zh")
    assert any("训练设备" in caption.value for caption in at.sidebar.caption)
