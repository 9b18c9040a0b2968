"""A recipe in a link: every recipe round-trips, every bad value falls back to its default."""

import itertools

import pytest

from core.training import PRESETS, TrainConfig
from core.training.recipe_url import has_recipe, parse_recipe, recipe_query


@pytest.mark.parametrize("config", [
    PRESETS["classic"], PRESETS["fast"],
    TrainConfig(epochs=20, batch_size=16, lr=0.0001, momentum=0.0, optimizer="adam", train_size=1_000,
                seed=9999),
    TrainConfig(epochs=1, lr=0.5, momentum=0.99, schedule="onecycle", train_size=45_000, seed=7),
])
def test_a_recipe_round_trips(config: TrainConfig) -> None:
    query = recipe_query(config)
    parsed, bad = parse_recipe(query)
    assert bad == [] and parsed == config


def test_the_issue_example_and_missing_values() -> None:
    parsed, bad = parse_recipe({"epochs": "3", "lr": "0.1", "optimizer": "adam"})
    assert bad == [] and (parsed.epochs, parsed.lr, parsed.optimizer) == (3, 0.1, "adam")
    assert parsed.batch_size == 64 and parsed.train_size == 60_000  # missing: the classic recipe's
    assert parse_recipe({}) == (PRESETS["classic"], [])
    assert has_recipe({"lr": "1"}) and not has_recipe({"lang": "zh"})


@pytest.mark.parametrize(("name", "value"), [
    ("lr", "abc"), ("lr", "0.03"), ("lr", "-1"), ("lr", "nan"), ("epochs", "-5"), ("epochs", "2.5"),
    ("epochs", "1000"), ("optimizer", "foo"), ("schedule", ""), ("train_size", "10000000"),
    ("train_size", "1e400"), ("batch_size", "7"), ("momentum", "1.5"), ("seed", "-1"), ("seed", "x"),
    ("label_smoothing", "0.5"), ("label_smoothing", "-0.1"),
])
def test_every_bad_value_falls_back_with_a_notice(name: str, value: str) -> None:
    parsed, bad = parse_recipe({name: value, "epochs" if name != "epochs" else "lr": "3" if name != "epochs"
                                else "0.1"})
    classic = PRESETS["classic"]
    assert getattr(parsed, name) == getattr(classic, name)
    assert [(b.name, b.value, b.default) for b in bad] == [(name, value, getattr(classic, name))]


def test_parsing_never_raises_on_odd_input() -> None:
    odd = ["", " ", "∞", "0x10", "1_000", "None", "[]", "%00", "9" * 400]
    for name, value in itertools.product(["epochs", "lr", "optimizer", "train_size", "momentum"], odd):
        parsed, _ = parse_recipe({name: value})
        assert isinstance(parsed, TrainConfig)
    parsed, bad = parse_recipe({"lr": ["0.1", "0.2"]})  # a repeated key: the last one counts
    assert parsed.lr == 0.2 and bad == []
