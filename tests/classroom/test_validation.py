"""What is checked before anything is stored (no database): shared runs, nicknames, sweeps, codes, cells."""

import json

import pytest

from core.classroom import Refused
from core.classroom.codes import new_recovery_code, recovery_hash, teacher_key_hash
from core.classroom.export import safe_cell
from core.classroom.records import clean_nickname, run_data, run_from_data
from core.classroom.sweep import checked_sweep
from core.store.keys import new_secret
from tests.classroom.conftest import a_run, with_changes


def test_a_shared_run_is_stored_as_json_and_read_back_equal():
    run = a_run(architecture={"name": "mine", "layers": [{"type": "conv", "out": 6, "kernel": 5}]})
    text = run_data(run)
    assert json.loads(text)["recipe"]["architecture"]["layers"][0]["kernel"] == 5
    assert run_from_data(text) == run


@pytest.mark.parametrize("changes", [
    {"epochs": [{"epoch": 1, "test_acc": 90.0, "seconds": 1.0}] * 101},
    {"recipe": {"weights": [0.1] * 784}},  # a layer's weights or a drawn digit do not fit
    {"recipe": {"image": b"\x00" * 784}},
    {"recipe": {"note": "x" * 201}},
    {"recipe": "lr=0.1"},
    {"recipe": {"a": {"b": {"c": {"d": {"e": 1}}}}}},
    {"recipe": {"lr": float("inf")}},
    {"recipe": {1: "a"}},
    {"family": [{"lr": 0.1}] * 21}, {"family": "x"},
    {"final_acc": float("nan")}, {"final_acc": 101.0}, {"seconds": -1.0}, {"final_acc": "99"},
    {"epochs": [{"epoch": 1, "test_acc": "high"}]}, {"epochs": [[1, 90.0]]},
    {"run_id": ""}, {"run_id": "r" * 65}, {"run_id": 7},
])
def test_only_small_plain_json_is_shared(changes):
    with pytest.raises(Refused) as refused:
        run_data(with_changes(a_run(), **changes))
    assert refused.value.reason == "run"


def test_strings_inside_a_run_lose_control_characters():
    run = with_changes(a_run(), recipe={"architecture": "LeNet\x00\u202e-5"})
    assert run_from_data(run_data(run)).recipe == {"architecture": "LeNet-5"}


@pytest.mark.parametrize("typed, stored", [
    ("[x](http://evil)", "[x](http://evil)"),
    ("![](x)", "![](x)"),
    ("<script>alert(1)</script>", "<script>alert(1)</script"),
    ("  Zoë\t\n  Wu\x00\x1b[31m\u202e  ", "Zoë Wu[31m"),
    ("é" * 500, "é" * 24),
    ("a" * 23 + " b", "a" * 23),
    ("小明", "小明"),
])
def test_nicknames_are_plain_capped_text(typed, stored):
    assert clean_nickname(typed) == stored


@pytest.mark.parametrize("nickname", ["", "   ", "\x00\x07", "\u200b\u202e", None, 42])
def test_an_empty_nickname_is_refused(nickname):
    with pytest.raises(Refused) as refused:
        clean_nickname(nickname)
    assert refused.value.reason == "nickname"


def test_sweeps_take_the_training_pages_values():
    assert checked_sweep("optimizer", ["Adam", "sgd"], None) == {
        "setting": "optimizer", "values": ["adam", "sgd"], "budget": {"train_size": 5000, "epochs": 1}}
    assert checked_sweep("train_size", [1000, 60000.0], None)["values"] == [1000, 60000]
    assert checked_sweep("epochs", [1, 3], None)["budget"] == {"train_size": 5000}
    assert checked_sweep("lr", [0.004], {"batch_size": 128})["budget"] == {"batch_size": 128}


@pytest.mark.parametrize("setting, values, budget", [
    ("lr", [0.0], None), ("lr", [11.0], None), ("lr", [float("nan")], None), ("lr", ["0.1"], None),
    ("batch_size", [48], None), ("batch_size", [64, 64], None), ("train_size", [5000.5], None),
    ("epochs", [0], None), ("epochs", [True], None), ("optimizer", ["rmsprop"], None),
    ("momentum", [0.9], None), ("lr", [], None), ("lr", [0.001] * 13, None), ("lr", "0.1", None),
    ("lr", [0.01], {"train_size": 7}), ("lr", [0.01], {"seed": 1}),
])
def test_a_sweep_takes_only_values_the_training_page_offers(setting, values, budget):
    with pytest.raises(Refused) as refused:
        checked_sweep(setting, values, budget)
    assert refused.value.reason == "sweep"


def test_recovery_codes_are_read_as_typed():
    code = new_recovery_code()
    assert recovery_hash(code) == recovery_hash(code.lower().replace("-", " ")) == recovery_hash(
        code.replace("-", "").replace("0", "O").replace("1", "I"))
    assert recovery_hash(code[:-1]) is None and recovery_hash("U" * 16) is None
    assert recovery_hash(None) is None
    secret = new_secret()
    assert teacher_key_hash(secret) and teacher_key_hash("short") is None and teacher_key_hash(None) is None


@pytest.mark.parametrize("value, cell", [
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'), ("+1", "'+1"), ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Ada", "Ada"), (0.01, "0.01"), (None, ""), ({"a": 1}, '{"a":1}'),
])
def test_cells_that_a_spreadsheet_would_run_are_quoted(value, cell):
    assert safe_cell(value) == cell
