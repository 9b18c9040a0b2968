"""The English / 中文 text catalogue: every string a learner reads.

Each lesson keeps its strings in `core/<lesson>/text.py`, and the strings every page shares
live in `core/text.py`, each as `TEXT = {key: (english, chinese)}`; this module merges them
into one catalogue and looks keys up. Keys are prefixed with the
page's name (`neuron.title`), so two pages never collide. Values may hold `str.format`
fields, which must be the same in both languages (a test checks).
"""

from __future__ import annotations

import importlib

LANGUAGES = {"en": "English", "zh": "中文"}
DEFAULT_LANGUAGE = "en"
TEXT_MODULES = ("core.text", "core.home.text", "core.dataset.text", "core.neuron.text",
                "core.convolution.text", "core.backprop.text", "core.model.text", "core.design.text",
                "core.training.text",
                "core.experiments.text", "core.sketch.text", "core.handwriting.text", "core.workspace.text",
                "core.classroom.text", "core.predictions.text", "core.predictions.design_text",
                "core.concept_check.text")


def _merge_catalogue() -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    for name in TEXT_MODULES:
        for key, (english, chinese) in importlib.import_module(name).TEXT.items():
            if key in catalogue:
                raise ValueError(f"text key {key!r} is defined twice")
            catalogue[key] = {"en": english, "zh": chinese}
    return catalogue


CATALOGUE = _merge_catalogue()


def language_for_locale(locale: str | None) -> str:
    """The app language for a browser locale such as "zh-CN" or "en-GB"."""
    return "zh" if (locale or "").lower().startswith("zh") else DEFAULT_LANGUAGE


def translate(key: str, lang: str, **fields: object) -> str:
    """The text for `key` in `lang`, with `fields` filled in."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**fields) if fields else text


class Translator:
    """`t("key", n=3)` in one language; pages create one per run."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, key: str, **fields: object) -> str:
        return translate(key, self.lang, **fields)
