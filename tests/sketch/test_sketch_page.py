"""The sketch page in AppTest, in both languages: the canvas, uploads, MNIST images, robustness."""

import io

import numpy as np
import pytest
from PIL import Image

from core.checkpoint import load_model
from core.data import load_mnist
from core.i18n import translate
from core.model import LeNet
from tests.apptest import assert_rendered, open_page
from tests.phone_photos import SIZES, phone_photo
from tests.sketch_digits import canvas_state, draw_digit
from ui.state import SKETCH_IMAGE_KEY, TRAINED_MODEL_KEY

CANVAS = "sketch.canvas0"  # the canvas's key before any "clear"


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def draw_on(at, digit: str, key: str = CANVAS):
    at.session_state[key] = canvas_state(draw_digit(digit))
    return at.run()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_empty_canvas_invites_to_draw_and_predicts_nothing(lang: str) -> None:
    at = open_page("sketch", lang)
    assert_rendered(at, lang)
    assert at.title[0].value == translate("sketch.title", lang)
    assert translate("sketch.empty", lang) in texts(at.info)
    assert len(at.metric) == 0
    assert SKETCH_IMAGE_KEY not in at.session_state
    accuracy = load_model()[1]["test_accuracy"]
    assert translate("sketch.model_pretrained", lang, acc=accuracy) in texts(at.caption)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_drawn_digit_is_read_then_cleared(lang: str) -> None:
    at = draw_on(open_page("sketch", lang), "7")
    assert_rendered(at, lang)
    assert at.metric[0].value == "7" and at.metric[0].label == translate("sketch.prediction", lang)
    assert at.metric[1].value.endswith("%")
    sketched = at.session_state[SKETCH_IMAGE_KEY]
    assert sketched.shape == (28, 28) and sketched.dtype == np.float32
    assert translate("sketch.steps_header", lang) in texts(at.subheader)
    assert any(translate("sketch.changed_reading", lang, digit=7, confidence=1.0)[:4] in m
               for m in texts(at.markdown))

    at.button(key="sketch.clear").click().run()
    assert len(at.metric) == 0
    assert translate("sketch.empty", lang) in texts(at.info)
    at = draw_on(at, "0", key="sketch.canvas1")  # the cleared canvas is a fresh one
    assert at.metric[0].value == "0"


def test_robustness_sliders_change_the_digit_and_reset() -> None:
    at = draw_on(open_page("sketch", "en"), "1")
    before = [m for m in texts(at.markdown) if m.startswith("Now read as")]
    at.slider(key="sketch.noise").set_value(0.5).run()
    at.slider(key="sketch.thickness").set_value(2).run()
    after = [m for m in texts(at.markdown) if m.startswith("Now read as")]
    assert after != before
    assert at.metric[0].value == "1"  # the prediction of the drawing itself is unchanged
    at.button(key="sketch.reset_changes").click().run()
    assert at.slider(key="sketch.noise").value == 0.0 and at.slider(key="sketch.thickness").value == 0
    assert [m for m in texts(at.markdown) if m.startswith("Now read as")] == before


def test_mnist_test_images_can_be_picked() -> None:
    _, labels = load_mnist(train=False)
    at = open_page("sketch", "en")
    at.segmented_control(key="sketch.source").set_value("mnist").run()
    at.number_input(key="sketch.mnist_index").set_value(1).run()
    assert_rendered(at, "en")
    assert at.metric[0].value == str(labels[1])
    assert translate("sketch.mnist_label", "en", label=int(labels[1])) in texts(at.markdown)
    at.button(key="sketch.mnist_random").click().run()
    index = at.number_input(key="sketch.mnist_index").value
    assert translate("sketch.mnist_label", "en", label=int(labels[index])) in texts(at.markdown)


def png(image: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_uploads_good_and_bad(lang: str) -> None:
    at = open_page("sketch", lang)
    at.segmented_control(key="sketch.source").set_value("upload").run()
    assert translate("sketch.upload_invite", lang) in texts(at.info)
    assert len(at.metric) == 0

    paper = 255 - draw_digit("4")[..., 0]  # dark ink on white paper
    at.file_uploader(key="sketch.upload").set_value(("four.png", png(paper), "image/png")).run()
    assert_rendered(at, lang)
    assert at.metric[0].value == "4"

    at.file_uploader(key="sketch.upload").set_value(("notes.png", b"not a picture", "image/png")).run()
    assert translate("sketch.upload_error.not_image", lang) in texts(at.error)
    assert len(at.metric) == 0

    cut = png(paper)[:400]
    at.file_uploader(key="sketch.upload").set_value(("cut.png", cut, "image/png")).run()
    assert translate("sketch.upload_error.truncated", lang) in texts(at.error)

    blank = np.full((100, 100), 240, dtype=np.uint8)
    at.file_uploader(key="sketch.upload").set_value(("blank.png", png(blank), "image/png")).run()
    assert translate("sketch.upload_blank", lang) in texts(at.warning)
    assert_rendered(at, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_phone_photo_is_read_and_an_iphone_heic_is_refused_with_how_to_send_a_jpeg(lang: str) -> None:
    at = open_page("sketch", lang)
    at.segmented_control(key="sketch.source").set_value("upload").run()
    photo = phone_photo(SIZES["24MP"], "7", orientation=6, mode="L")  # a portrait shot, 24 MP
    at.file_uploader(key="sketch.upload").set_value(("IMG_0001.JPG", photo, "image/jpeg")).run()
    assert_rendered(at, lang)
    assert at.metric[0].value == "7"
    heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 100  # named .jpg: the bytes tell
    at.file_uploader(key="sketch.upload").set_value(("IMG_0002.jpg", heic, "image/jpeg")).run()
    assert translate("sketch.upload_error.heic", lang) in texts(at.error)
    assert len(at.metric) == 0


def test_the_page_says_when_it_uses_the_sessions_own_model() -> None:
    untrained = LeNet().eval()
    at = open_page("sketch", "zh", state={TRAINED_MODEL_KEY: (untrained, {"test_accuracy": 11.5})})
    assert translate("sketch.model_session", "zh", acc=11.5) in texts(at.caption)
    at = draw_on(at, "7")
    assert_rendered(at, "zh")
    assert at.metric[0].value in [str(d) for d in range(10)]
