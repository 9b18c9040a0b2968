"""The sketch page's collection in AppTest, in both languages: keep, gallery, delete, score, upload."""

import numpy as np
import pytest

from core.handwriting.collection import Collection, to_npz
from core.i18n import translate
from tests.apptest import assert_rendered, open_page
from tests.handwriting.test_collection import BAD_FILES
from tests.sketch_digits import canvas_state, draw_digit
from ui.collection import COLLECTION_KEY


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def keep(at, digit: str, generation: int, label: int | None = None):
    """Draw `digit` on the current canvas, pick `label` (default: the reading) and keep it."""
    at.session_state[f"sketch.canvas{generation}"] = canvas_state(draw_digit(digit))
    at.run()
    if label is not None:
        at.segmented_control(key=f"collect.label.{generation}.{at.metric[0].value}").set_value(label).run()
    return at.button(key="collect.keep").click().run()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kept_digits_fill_the_gallery_and_can_be_deleted(lang: str) -> None:
    at = open_page("sketch", lang)
    assert_rendered(at, lang)
    assert translate("collect.reload_warning", lang) in texts(at.warning)
    assert translate("collect.empty", lang) in texts(at.info)
    keep(at, "7", 0)
    keep(at, "1", 1, label=4)  # the learner says this one is a 4
    assert_rendered(at, lang)
    kept: Collection = at.session_state[COLLECTION_KEY]
    assert kept.labels.tolist() == [7, 4]
    assert len(at.metric) == 0  # keeping clears the canvas: no reading, no metric
    groups = [m for m in texts(at.markdown) if m.startswith("**")]
    assert f"**{translate('collect.group', lang, digit=4, count=1)}**" in groups
    assert f"**{translate('collect.group', lang, digit=7, count=1)}**" in groups
    assert translate("collect.score", lang, right=1, total=2, accuracy=0.5) in texts(at.markdown)
    at.button(key="collect.delete.1").click().run()  # the 4 (collection index 1)
    assert at.session_state[COLLECTION_KEY].labels.tolist() == [7]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_upload_adds_digits_and_bad_files_leave_the_collection_intact(lang: str) -> None:
    images = np.zeros((3, 28, 28), np.uint8)
    images[:, 6:22, 12:16] = 255
    mine = Collection(images, np.array([1, 1, 2]))
    at = open_page("sketch", lang, state={COLLECTION_KEY: mine})
    assert_rendered(at, lang)
    for problem, make in BAD_FILES.items():
        at.file_uploader(key="collect.upload").set_value((f"{problem}.npz", make(), "application/zip")).run()
        opening = translate(f"collect.error.{problem}", lang, detail="\0").split("\0")[0]
        assert any(m.startswith(opening) for m in texts(at.error)), problem
        assert at.session_state[COLLECTION_KEY] is mine  # nothing lost, nothing added
    extra = Collection(images[:1], np.array([7]))
    at.file_uploader(key="collect.upload").set_value(("mine.npz", to_npz(extra), "application/zip")).run()
    assert_rendered(at, lang)
    assert at.session_state[COLLECTION_KEY].labels.tolist() == [1, 1, 2, 7]
    at.run()  # the same file still in the uploader is not added twice
    assert len(at.session_state[COLLECTION_KEY]) == 4
