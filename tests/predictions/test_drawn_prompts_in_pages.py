"""The curve, the point and the one-change prompts in AppTest, in both languages: a locked guess
reveals what the page then shows (the run's curve, the maps' brightest window, the bench's "what
differs"); "Just show me", "Ask me again" and the presenter switch; what gives an answer away stays
under a closed expander until the learner has guessed."""

from dataclasses import replace

import numpy as np
import torch
import torch.nn.functional as F

from core.data import load_mnist
from core.experiments.store import RunStore
from core.filters import KERNELS
from core.i18n import translate
from core.model import LENET
from core.training import PRESETS, TrainConfig
from core.training.record import DONE, Results, RunRecord
from tests.apptest import assert_rendered, open_page
from tests.predictions.test_prompts_in_pages import answers, asking, said
from tests.training.test_train_page import set_tiny_recipe
from ui.experiments import STORE_KEY
from ui.prediction import PRESENTER_KEY
from ui.training_state import SESSION_KEY

GIVEAWAY = "predict.giveaway"
FIRST_SEVEN = 0  # the convolution page starts on the test set's first 7 with the horizontal-edge kernel


def hidden(at, lang: str) -> int:
    """How many closed "the answer is in here" expanders the page has."""
    return sum(e.label == translate(GIVEAWAY, lang) for e in at.expander)


def brightest(index: int, kernel: str) -> set[tuple[int, int]]:
    """The digit pixels at the centre of the windows where torch's conv2d is largest."""
    digit = torch.tensor(load_mnist(train=False)[0][index] / 255.0)[None, None]
    weights = torch.tensor(KERNELS[kernel], dtype=torch.float64)[None, None]
    conv = F.conv2d(digit, weights)[0, 0]
    tops = torch.nonzero(torch.isclose(conv, torch.full_like(conv, conv.max().item()), rtol=0, atol=1e-9))
    return {(int(r) + 1, int(c) + 1) for r, c in tops}  # a 3 x 3 window's centre is one pixel in


def test_the_brightest_guess_reveals_the_point_the_maps_then_mark() -> None:
    lang = "en"
    at = open_page("convolution", lang)
    assert asking(at, "conv_brightest") and asking(at, "conv_top_left")
    assert hidden(at, lang) == 4  # the window's text and sums, the flip section, the digit's filtered maps
    tops = brightest(FIRST_SEVEN, "horizontal_edge")
    row, col = sorted(tops)[0]
    at.select_slider(key="predict.conv_brightest.guess.row").set_value(row + 1)
    at.select_slider(key="predict.conv_brightest.guess.col").set_value(col)
    at.button(key="predict.conv_brightest.lock").click().run()
    assert_rendered(at, lang)
    record = answers(at)["conv_brightest"]
    assert tuple(record["truth"]) in tops and record["grade"] == "right" and record["gap"] == 1  # a row off
    point = translate("predict.point", lang, row=record["truth"][0] + 1, col=record["truth"][1] + 1)
    assert any(point in text for text in said(at))
    marked = [c for c in at.get("vega_lite_chart") if '"cross"' in c.proto.spec]
    assert len(marked) == 1 and '"circle"' in marked[0].proto.spec  # the truth crossed, the pick ringed
    first = sorted(tops)[0]
    assert translate("predict.point", lang, row=row + 2, col=col + 1) in marked[0].proto.alt
    assert f"row {first[0] + 1}, column {first[1] + 1} (a cross)" in marked[0].proto.alt
    assert hidden(at, lang) == 3  # the maps are out; the top-left window's answer is still hidden


def test_just_show_me_ask_me_again_and_presenter_mode_for_the_point() -> None:
    lang = "zh"
    at = open_page("convolution", lang)
    at.button(key="predict.conv_brightest.skip").click().run()
    assert_rendered(at, lang)
    record = answers(at)["conv_brightest"]
    tops = brightest(FIRST_SEVEN, "horizontal_edge")
    assert record["grade"] == "skipped" and tuple(record["truth"]) in tops
    truth = translate("predict.point", lang, row=record["truth"][0] + 1, col=record["truth"][1] + 1)
    assert translate("predict.result.skipped", lang, truth=truth) in said(at)
    at.button(key="predict.conv_brightest.again").click().run()
    assert asking(at, "conv_brightest") and "conv_brightest" not in answers(at)
    at.toggle(key=PRESENTER_KEY).set_value(True).run()
    assert_rendered(at, lang)
    assert not [b for b in at.button if b.key.startswith("predict.")] and hidden(at, lang) == 0
    assert translate("convolution.window.hand_worked", lang, value="1") in [s.value for s in at.success]


def test_the_expected_curve_and_one_change_are_graded_by_the_run_that_follows() -> None:
    lang = "en"
    tiny = replace(PRESETS["classic"], train_size=1_000, epochs=2, optimizer="adam", lr=0.005)
    at = open_page("train", lang, state={STORE_KEY: a_finished_run(50.0, tiny)})  # the run before
    set_tiny_recipe(at)
    at.slider(key="train.epochs").set_value(2)  # a curve needs two epochs at least
    at.select_slider(key="train.lr").set_value(0.01)  # the one setting changed from the run before
    for part, value in zip(("first", "middle", "end"), (60.0, 75.0, 85.0), strict=True):
        at.slider(key=f"predict.train_curve.guess.{part}").set_value(value)
    at.button(key="predict.train_curve.lock").click().run()
    assert translate("predict.pending", lang, answer="60.0% → 75.0% → 85.0%") in said(at)
    assert "60.0% → 75.0% → 85.0%" in at.get("vega_lite_chart")[0].proto.alt  # the guess drawn
    at.radio(key="predict.train_change.guess").set_value("same")
    at.button(key="predict.train_change.lock").click().run()
    at.button(key="train.start").click().run()
    assert_rendered(at, lang)

    curve = [row["test_acc"] for row in at.session_state[SESSION_KEY].curves.epochs]
    real = [curve[0], (curve[0] + curve[1]) / 2, curve[1]]  # after epoch 1, at 1.5, at 2
    record = answers(at)["train_curve"]
    assert record["truth"] == [round(v, 2) for v in real]
    assert translate("predict.train_curve.explain", lang, guess_first="60.0%", first=f"{real[0]:.1f}%",
                     guess_middle="75.0%", middle=f"{real[1]:.1f}%", guess_end="85.0%", end=f"{real[2]:.1f}%",
                     middle_epoch="1.5", end_epoch="2") in said(at)
    drawn = [c.proto for c in at.get("vega_lite_chart") if translate("predict.train_curve.real", lang)
             in c.proto.spec]
    assert len(drawn) == 1 and translate("predict.curve.guess", lang) in drawn[0].spec  # both in the legend

    record = answers(at)["train_change"]
    delta = at.session_state[SESSION_KEY].results.test_acc - 50.0
    assert record["truth"] == ("same" if abs(delta) <= 0.3 else "better" if delta > 0 else "worse")
    assert translate("predict.train_change.explain", lang, before="50.00%", after=f"{50 + delta:.2f}%",
                     delta=f"{delta:+.2f}".replace("-", "−"), band="0.3") in said(at)
    infos = [i.value for i in at.info]
    assert any("0.005 → 0.01" in text and translate("experiments.field.lr", lang) in text for text in infos)


def test_the_curve_skipped_asked_again_and_hidden_for_a_presenter() -> None:
    lang = "zh"
    at = open_page("train", lang)
    assert asking(at, "train_curve")  # the classic recipe: 5 epochs, the middle is epoch 3
    middle = at.slider(key="predict.train_curve.guess.middle")
    assert middle.label == translate("predict.curve.middle", lang, epoch="3")
    at.slider(key="train.epochs").set_value(1).run()
    assert not asking(at, "train_curve") and asking(at, "train_accuracy")  # one epoch makes no curve
    at.slider(key="train.epochs").set_value(3).run()
    assert at.slider(key="predict.train_curve.guess.middle").label == translate("predict.curve.middle", lang,
                                                                               epoch="2")
    at.button(key="predict.train_curve.skip").click().run()
    assert_rendered(at, lang)
    assert translate("predict.pending_skipped", lang) in said(at)
    at.button(key="predict.train_curve.again").click().run()
    assert asking(at, "train_curve") and "train_curve" not in answers(at)
    at.toggle(key=PRESENTER_KEY).set_value(True).run()
    assert_rendered(at, lang)
    assert not asking(at, "train_curve") and not asking(at, "train_accuracy")


def a_finished_run(acc: float, config: TrainConfig = PRESETS["classic"]) -> RunStore:
    """A bench holding one finished run of `config` (made here, not trained)."""
    results = Results(0.1, acc, np.zeros(10_000, dtype=np.int64), np.eye(10, dtype=np.int64))
    record = RunRecord(config=config, design=LENET, device="cpu", status=DONE, results=results)
    record.curves.epochs = [{"epoch": 1, "train_loss": 0.2, "train_acc": 95.0, "test_loss": 0.1,
                             "test_acc": acc, "seconds": 1.0}]
    store = RunStore()
    store.keep(record)
    return store


def test_one_change_skipped_asked_again_and_hidden_for_a_presenter() -> None:
    lang = "zh"
    at = open_page("train", lang, state={STORE_KEY: a_finished_run(97.5)})
    assert not asking(at, "train_change")  # the same recipe as the finished run: nothing changed
    at.select_slider(key="train.lr").set_value(0.1).run()
    assert asking(at, "train_change")
    question = translate("predict.train_change.question", lang, field=translate("experiments.field.lr", lang),
                         before="0.01", after="0.1")
    assert question in said(at)
    at.select_slider(key="train.batch_size").set_value(128).run()  # two changes: no question
    assert not asking(at, "train_change")
    at.select_slider(key="train.batch_size").set_value(64).run()
    at.button(key="predict.train_change.skip").click().run()
    assert_rendered(at, lang)
    assert translate("predict.pending_skipped", lang) in said(at)
    at.button(key="predict.train_change.again").click().run()
    assert asking(at, "train_change") and "train_change" not in answers(at)
    at.toggle(key=PRESENTER_KEY).set_value(True).run()
    assert_rendered(at, lang)
    assert not asking(at, "train_change")
