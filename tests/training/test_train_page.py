"""The training page in AppTest: a tiny run in both languages, presets, resuming, weights in and out."""

import io
import itertools

import pytest
import torch

from core.checkpoint import model_to_bytes
from core.i18n import LANGUAGES, translate
from core.model import PRESETS as DESIGN_PRESETS
from core.model import LeNet, build_model
from core.model.design import describe
from core.predictions.charts import GUESS_COLOUR
from core.training import PRESETS, TrainConfig
from core.training.confusion import mistakes
from core.training.session import PAUSED, TrainingSession
from tests.apptest import assert_rendered, open_page
from ui.state import TRAINED_MODEL_KEY
from ui.training_state import SESSION_KEY

TINY = {"train.train_size": 1_000, "train.epochs": 1, "train.optimizer": "adam", "train.lr": 0.005}


def charts(at) -> list:
    """The page's charts, less a "predict first" prompt's drawing of the curve the learner expects."""
    return [chart for chart in at.get("vega_lite_chart") if GUESS_COLOUR not in chart.proto.spec]


def set_tiny_recipe(at) -> None:
    at.select_slider(key="train.train_size").set_value(TINY["train.train_size"])
    at.slider(key="train.epochs").set_value(TINY["train.epochs"])
    at.radio(key="train.optimizer").set_value(TINY["train.optimizer"])
    at.select_slider(key="train.lr").set_value(TINY["train.lr"])


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_tiny_run_draws_curves_and_a_confusion_matrix(lang: str) -> None:
    at = open_page("train", lang)
    assert_rendered(at, lang)
    assert at.title[0].value == translate("train.title", lang)
    set_tiny_recipe(at)
    at.button(key="train.start").click().run()
    assert_rendered(at, lang)
    session = at.session_state[SESSION_KEY]
    assert session.status == "done" and session.run.config.train_size == 1_000
    assert session.results.test_acc > 50  # from chance (about 10%) in 32 steps
    labels = [metric.label for metric in at.metric]
    assert translate("train.results.test_acc", lang) in labels
    assert len(charts(at)) >= 4  # curves, filters, confusion matrix, at least one mistake's probabilities
    assert at.session_state[TRAINED_MODEL_KEY][1]["test_accuracy"] == round(session.results.test_acc, 2)
    # another kind of mistake in the browser
    true, said, count = mistakes(session.results.confusion)[1]
    at.selectbox(key="train.cell").set_value((true, said)).run()
    assert_rendered(at, lang)
    assert len(charts(at)) == 3 + min(count, 12)  # curves, filters, matrix, one chart per image shown
    # settings are unlocked again, and the tutorial's curve can be laid over the learner's
    assert not at.slider(key="train.epochs").disabled
    at.toggle(key="train.tutorial").set_value(True).run()
    assert_rendered(at, lang)
    # the finished run says whether and when it reached the tutorial's best; the curves can use seconds
    said = " ".join(m.value for m in at.markdown)
    assert translate("train.results.not_reached", lang).split("{")[0] in said
    at.toggle(key="train.seconds_axis").set_value(True).run()
    assert_rendered(at, lang)
    assert '"field": "seconds"' in charts(at)[0].proto.spec.replace('":"', '": "')


def test_presets_set_every_control() -> None:
    at = open_page("train", "en")
    at.button(key="train.preset_fast").click().run()
    fast = PRESETS["fast"]
    assert at.slider(key="train.epochs").value == fast.epochs
    assert at.select_slider(key="train.batch_size").value == fast.batch_size
    assert at.select_slider(key="train.lr").value == fast.lr
    assert at.radio(key="train.schedule").value == fast.schedule
    assert at.radio(key="train.optimizer").value == fast.optimizer
    assert at.select_slider(key="train.label_smoothing").value == fast.label_smoothing
    at.button(key="train.preset_classic").click().run()
    assert at.select_slider(key="train.lr").value == PRESETS["classic"].lr
    assert at.slider(key="train.epochs").value == 5


def interrupted_session() -> TrainingSession:
    """A run stopped after 20 of its 32 batches, as a click mid-run leaves it."""
    from core.data import load_tensors

    config = TrainConfig(epochs=1, train_size=1_000, batch_size=32, lr=0.005, optimizer="adam")
    session = TrainingSession.start(config, "cpu", load_tensors(True), load_tensors(False))
    for event in itertools.islice(session.run.events(report_every=10), 2):
        session.take(event)
    return session


def test_an_interrupted_run_carries_on_where_it_stopped() -> None:
    session = interrupted_session()
    at = open_page("train", "en", state={SESSION_KEY: session})
    assert_rendered(at, "en")
    assert session.status == "done" and session.run.seen == 1_000  # 640 before, 360 after: none twice
    # 2 events before the click; the page then reports every batch (32 batches // 25 < 1): 12 more
    assert session.report_every == 1 and len(session.curves.batch_losses) == 2 + 12


def test_a_stopped_run_resumes_on_request() -> None:
    session = interrupted_session()
    session.stop()
    at = open_page("train", "zh", state={SESSION_KEY: session})
    assert session.status == PAUSED and session.results is not None
    assert at.button(key="train.resume").label == translate("train.resume", "zh")
    at.button(key="train.resume").click().run()
    assert_rendered(at, "zh")
    assert session.status == "done" and session.run.finished


def test_weights_download_and_upload() -> None:
    at = open_page("train", "en")
    uploader = at.get("file_uploader")[0]
    uploader.upload("broken.safetensors", b"definitely not weights").run()
    assert translate("train.upload.unknown_format", "en", detail="22 bytes") in [e.value for e in at.error]
    assert TRAINED_MODEL_KEY not in at.session_state
    torch.manual_seed(5)
    model = LeNet()
    weights = model_to_bytes(model, {"test_accuracy": 42.0})
    at.get("file_uploader")[0].clear().upload("mine.safetensors", weights).run()
    assert_rendered(at, "en")
    loaded, meta = at.session_state[TRAINED_MODEL_KEY]
    assert meta["test_accuracy"] == 42.0 and torch.equal(loaded.fc3.bias, model.fc3.bias)
    downloads = {button.proto.label: button for button in at.get("download_button")}
    assert set(downloads) == {translate("train.download", "en"), translate("train.download_pth", "en")}
    assert translate("train.download_pth.lenet", "en") in [c.value for c in at.caption]
    at.button(key="train.use_pretrained").click().run()
    assert TRAINED_MODEL_KEY not in at.session_state


def torch_saved(obj) -> bytes:
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_tutorials_pth_is_recognised_and_a_pickled_model_refused(lang: str) -> None:
    at = open_page("train", lang)
    torch.manual_seed(6)
    model = LeNet()
    at.get("file_uploader")[0].upload("lenet.pth", torch_saved(model)).run()  # torch.save(model)
    assert_rendered(at, lang)
    said = translate("train.upload.pth_pickled_model", lang, detail="core.model.lenet.LeNet")
    assert said in [e.value for e in at.error] and TRAINED_MODEL_KEY not in at.session_state
    at.get("file_uploader")[0].clear().upload("lenet.pth", torch_saved(model.state_dict())).run()
    assert_rendered(at, lang)
    loaded, meta = at.session_state[TRAINED_MODEL_KEY]
    assert isinstance(loaded, LeNet) and torch.equal(loaded.fc1.weight, model.fc1.weight) and meta == {}
    said = translate("train.uploaded.lenet", lang, name="lenet.pth",
                     kind=translate("train.upload.kind.pytorch", lang),
                     accuracy=translate("train.uploaded.no_accuracy", lang))
    assert [s.value for s in at.success] == [said]


def test_a_designs_pth_download_says_what_it_holds() -> None:
    torch.manual_seed(4)
    tiny = build_model(DESIGN_PRESETS["tiny"])
    at = open_page("train", "en", state={TRAINED_MODEL_KEY: (tiny, {"design": DESIGN_PRESETS["tiny"]})})
    assert_rendered(at, "en")
    note = translate("train.download_pth.design", "en", design=describe(DESIGN_PRESETS["tiny"]))
    assert note in [c.value for c in at.caption]
