"""The validation split a class challenge ranks on: the last 5,000 training images, never in the subset of a
recipe that holds it out, and a recipe link that carries `holdout`."""

import torch

from core.data import load_tensors
from core.training import TrainConfig
from core.training.engine import VALIDATION_SIZE, TrainingRun, seeded_model, training_pool
from core.training.recipe_url import parse_recipe, recipe_query
from core.training.validation import validation_split


def test_the_split_is_the_last_5000_training_images():
    images, labels = load_tensors(train=True)
    held_x, held_y = validation_split()
    assert len(held_x) == VALIDATION_SIZE == 5000
    assert torch.equal(held_x, images[55_000:]) and torch.equal(held_y, labels[55_000:])


def test_a_recipe_that_holds_it_out_never_trains_on_it_whatever_its_size_and_seed():
    for size, seed in ((1000, 0), (45_000, 7), (60_000, 3)):
        run = TrainingRun.start(seeded_model(0), TrainConfig(train_size=size, seed=seed, holdout=True), "cpu")
        assert int(run.chosen.max()) < 55_000 and len(run.chosen) == min(size, 55_000)
    plain = TrainingRun.start(seeded_model(0), TrainConfig(train_size=60_000), "cpu")
    assert len(plain.chosen) == 60_000  # without holdout nothing changes
    assert training_pool(TrainConfig(holdout=True)) == 55_000 and training_pool(TrainConfig()) == 60_000


def test_a_recipe_link_carries_holdout_and_refuses_anything_but_a_yes_or_no():
    config = TrainConfig(holdout=True, train_size=1000)
    assert recipe_query(config)["holdout"] == "1"
    assert parse_recipe(recipe_query(config)) == (config, [])
    read, bad = parse_recipe({"holdout": "maybe"})
    assert read.holdout is False and [b.name for b in bad] == ["holdout"]
