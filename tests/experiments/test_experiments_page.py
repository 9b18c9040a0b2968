"""The experiments page in AppTest: runs recorded by the training page, overlaid, compared, replayed."""

from dataclasses import fields, replace

import pytest
from streamlit.testing.v1 import AppTest

from core.data import load_tensors
from core.experiments.store import RunStore
from core.i18n import CATALOGUE, LANGUAGES, Translator, translate
from core.model import LENET
from core.training import TrainConfig
from core.training.record import RunRecord
from core.training.session import TrainingSession
from tests.apptest import APP, assert_rendered, open_page
from ui.experiments import RUN_COLUMNS, STORE_KEY, runs_frame
from ui.state import TRAINED_MODEL_KEY

TRAIN = load_tensors(train=True)
TEST = load_tensors(train=False)
TINY = TrainConfig(epochs=2, train_size=1_000, batch_size=50, lr=0.01)


def tiny_store(*configs: TrainConfig) -> RunStore:
    """A store holding one finished run per recipe."""
    store = RunStore()
    for config in configs:
        session = TrainingSession.start(config, "cpu", TRAIN, TEST)
        store.follow(session)
        for event in session.run.events(report_every=5):
            session.take(event)
        session.finish()
    return store


@pytest.fixture(scope="module")
def two_runs() -> RunStore:
    return tiny_store(TINY, replace(TINY, lr=0.1))


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_recipe_setting_has_a_translated_column(lang: str) -> None:
    """The table on the page and its CSV name every TrainConfig field in the learner's language."""
    run = RunRecord(config=TrainConfig(), design=LENET, device="cpu")
    frame = runs_frame([run], Translator(lang))
    header = frame.to_csv(index=False).splitlines()[0].split(",")
    for setting in fields(TrainConfig):
        assert all(CATALOGUE[f"train.{setting.name}"].get(each) for each in LANGUAGES)
        assert translate(f"train.{setting.name}", lang) in header
    assert not set(header) & {*RUN_COLUMNS, *(setting.name for setting in fields(TrainConfig))}


def select(at, rows: list[int]) -> None:
    at.session_state["experiments.table"] = {"selection": {"rows": rows, "columns": [], "cells": []}}
    at.run()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_two_selected_runs_are_overlaid_and_compared(lang: str, two_runs: RunStore) -> None:
    at = open_page("experiments", lang, state={STORE_KEY: two_runs})
    assert_rendered(at, lang)
    assert at.title[0].value == translate("experiments.title", lang)
    assert len(at.dataframe[0].value) == 2
    select(at, [0, 1])
    assert_rendered(at, lang)
    overlay = at.get("vega_lite_chart")[0].proto.spec
    assert overlay.count('"#1 ') >= 1 and overlay.count('"#2 ') >= 1  # one series per selected run
    sentence = next(i.value for i in at.info if "→" in i.value)
    assert translate("experiments.field.lr", lang) in sentence and "0.01 → 0.1" in sentence
    # runs survive a language switch and a visit to another page
    other = "zh" if lang == "en" else "en"
    at.session_state["lang"] = other
    at.switch_page("pages/home.py").run()
    at.switch_page("pages/experiments.py").run()
    assert_rendered(at, other)
    assert len(at.session_state[STORE_KEY].runs) == 2


def test_replay_use_an_epoch_rename_pin_and_export(two_runs: RunStore) -> None:
    at = open_page("experiments", "en", state={STORE_KEY: two_runs})
    select(at, [0])
    assert at.selectbox(key="experiments.focus").value == 1
    at.select_slider(key="experiments.epoch").set_value(1).run()
    assert_rendered(at, "en")
    at.button(key="experiments.use").click().run()
    model, meta = at.session_state[TRAINED_MODEL_KEY]
    first_epoch = two_runs.runs[0].curves.epochs[0]
    assert meta["epochs"] == 1 and meta["test_accuracy"] == round(first_epoch["test_acc"], 2)
    at.text_input(key="experiments.name.1").input("baseline").run()
    at.toggle(key="experiments.pin.1").set_value(True).run()
    assert two_runs.runs[0].name == "baseline" and two_runs.runs[0].pinned
    assert "LEARNING_RATE = 0.01" in at.code[0].value
    at.text_input(key="experiments.name.1").input("").run()  # back to the automatic name
    assert two_runs.runs[0].name is None


def test_the_training_page_records_every_run_and_reads_a_shared_link() -> None:
    at = open_page("train", "en")
    at.select_slider(key="train.train_size").set_value(1_000)
    at.slider(key="train.epochs").set_value(1)
    at.radio(key="train.optimizer").set_value("adam")
    at.select_slider(key="train.lr").set_value(0.005)
    at.button(key="train.start").click().run()
    assert_rendered(at, "en")
    store = at.session_state[STORE_KEY]
    assert len(store.runs) == 1 and store.runs[0].status == "done" and store.runs[0].replay_epochs == [0, 1]
    at.switch_page("pages/experiments.py").run()
    assert_rendered(at, "en")
    assert at.dataframe[0].value.iloc[0, 1] == "lr 0.005 · Adam · epochs 1 · 1,000 images"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_shared_link_sets_the_recipe_and_bad_values_fall_back_with_a_notice(lang: str) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.query_params.update({"epochs": "3", "lr": "abc", "optimizer": "adam", "train_size": "99999999"})
    at.run()
    at.switch_page("pages/train.py").run()
    assert_rendered(at, lang)
    assert at.slider(key="train.epochs").value == 3 and at.radio(key="train.optimizer").value == "adam"
    assert at.select_slider(key="train.lr").value == 0.01
    assert at.select_slider(key="train.train_size").value == 60_000
    notices = [w.value for w in at.warning]
    assert translate("experiments.url.bad", lang, name="lr", value="abc", default="0.01") in notices
    assert any("train_size=99999999" in n for n in notices)
    # the URL now holds the whole recipe the page shows, so copying it shares the set-up
    assert at.query_params["lr"] in ("0.01", ["0.01"]) and at.query_params["epochs"] in ("3", ["3"])


def test_a_branch_trains_on_from_its_parent_and_shows_the_family() -> None:
    store = tiny_store(TINY)
    at = open_page("experiments", "en", state={STORE_KEY: store})
    select(at, [0])
    at.selectbox(key="experiments.branch_from").set_value(1)
    at.select_slider(key="experiments.branch_lr").set_value(0.1)
    at.slider(key="experiments.branch_epochs").set_value(2)
    at.button(key="experiments.branch_start").click().run()  # goes to the training page, which trains it
    assert_rendered(at, "en")
    assert at.title[0].value == translate("train.title", "en")
    branch = store.runs[-1]
    assert len(store.runs) == 2 and branch.parent == (store.runs[0].id, 1) and branch.config.lr == 0.1
    assert branch is at.session_state["train.session"].record  # the bench keeps what the session trained
    assert branch.curves.epochs[0] == store.runs[0].curves.epochs[0]  # its curve starts as its parent's did
    assert [row["epoch"] for row in branch.curves.epochs] == [1, 2] and branch.replay_epochs == [0, 1, 2]
    at.switch_page("pages/experiments.py").run()
    assert translate("experiments.family", "en", id=1, epoch=1) in list(at.dataframe[0].value.iloc[:, 2])
