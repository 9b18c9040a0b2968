"""Each prompt's truth is what the lesson's own code computes, checked against an independent
reference: the descent itself, torch's conv2d and scipy's convolution, LeNet's real tensors."""

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from scipy.signal import convolve2d

from core import neuron
from core.data import load_mnist
from core.filters import KERNELS, LETTER_X
from core.model import LENET, LeNet
from core.predictions import (
    CONV_BRIGHTEST,
    CONV_TOP_LEFT,
    MODEL_CONV2,
    MODEL_FC1,
    MODEL_POOL2,
    NEURON_REGIME,
    NEURON_STEPS,
    TRAIN_CHANGE,
    lessons,
)
from core.training import TrainConfig
from core.training.record import DONE

TUTORIAL = {"x": 1.0, "target": 2.0, "w0": 0.5, "b0": 0.1, "lr": 0.1, "steps": 20}


def _errors(x: float, lr: float, steps: int = 40) -> list[float]:
    records = neuron.run_descent(x, 2.0, 0.5, 0.1, lr, steps).records
    return [r.y - 2.0 for r in records]


@pytest.mark.parametrize("x", [-2.5, -1.0, 0.0, 0.5, 1.0, 2.0])
def test_the_behaviour_follows_the_rule_and_the_descent_shows_it(x: float) -> None:
    half, limit = 1 / (x * x + 1), neuron.lr_limit(x)
    for lr in neuron.LEARNING_RATES:
        truth = NEURON_REGIME.truth({**TUTORIAL, "x": x, "lr": lr}).value
        errors = _errors(x, lr)
        ratios = [round(b / a, 9) for a, b in zip(errors, errors[1:], strict=False)
                  if abs(a) > 1e-6]  # each step's factor, while the error is more than rounding
        if half < lr < limit and not np.isclose(lr, limit):
            assert truth == "oscillate", (x, lr)
        if truth == "oscillate":
            assert all(r < 0 for r in ratios) and abs(errors[-1]) <= abs(errors[0]) * (1 + 1e-9), (x, lr)
        elif truth == "diverge":
            assert all(r < -1 for r in ratios), (x, lr)
        elif truth == "converge":
            assert all(0 <= r < 0.9 for r in ratios) and lr <= half, (x, lr)
        else:
            assert truth == "crawl" and all(0.9 <= r < 1 for r in ratios), (x, lr)


def test_the_tutorials_rate_converges_and_the_explanation_says_its_numbers() -> None:
    truth = NEURON_REGIME.truth(TUTORIAL)
    assert truth.value == "converge" and truth.explain == "explain.converge"
    assert truth.fields["f"] == "0.8" and truth.fields["limit"] == "1" and truth.fields["half"] == "0.5"


@pytest.mark.parametrize("lr", [0.01, 0.1, 0.35, 0.5, 0.8, 0.95])
def test_steps_until_the_loss_is_below_a_hundredth(lr: float) -> None:
    values = {**TUTORIAL, "lr": lr}
    n = NEURON_STEPS.truth(values).value
    losses = [r.loss for r in neuron.gradient_descent(1.0, 2.0, 0.5, 0.1, lr, n + 1)]  # loss before each step
    assert losses[n] < lessons.LOSS_GOAL <= losses[n - 1]  # after n steps below, after n - 1 not yet
    assert NEURON_STEPS.truth(TUTORIAL).value == 11


def test_no_steps_question_when_the_descent_never_gets_there() -> None:
    assert not NEURON_STEPS.applies({**TUTORIAL, "lr": 2.5})  # diverges
    assert not NEURON_STEPS.applies({**TUTORIAL, "lr": 1.0 / 0.5})  # the edge: bounces for ever
    assert NEURON_STEPS.applies(TUTORIAL)


def test_the_top_left_window_is_one_by_cross_correlation_and_minus_one_by_convolution() -> None:
    truth = CONV_TOP_LEFT.truth({})
    kernel = KERNELS["horizontal_edge"]
    torch_value = F.conv2d(torch.tensor(LETTER_X, dtype=torch.float64)[None, None],
                           torch.tensor(kernel, dtype=torch.float64)[None, None])[0, 0, 0, 0].item()
    assert truth.value == torch_value == 1
    assert truth.near == (convolve2d(LETTER_X, kernel, mode="valid")[0, 0],) == (-1,)
    assert truth.fields["sum"].endswith("= 1")


def test_lenets_shapes_and_fc1s_parameters_are_its_tensors() -> None:
    model = LeNet()
    seen = {}

    def shape_of(name: str):
        def hook(module, inputs, output) -> None:
            seen[name] = output.shape
        return hook

    model.conv2.register_forward_hook(shape_of("conv2"))
    model(torch.zeros(1, 1, 28, 28))
    values = {"design": LENET}
    assert MODEL_CONV2.truth(values).value == seen["conv2"][-1] == 8
    assert MODEL_POOL2.truth(values).value == seen["conv2"][-1] // 2 == 4
    assert MODEL_FC1.truth(values).value == sum(p.numel() for p in model.fc1.parameters()) == 30_840
    assert MODEL_CONV2.asked(values) == {"before": "6 × 12 × 12", "outputs": "16 × 8 × 8"}
    assert MODEL_FC1.truth(values).fields["share"] == "69"


@pytest.mark.parametrize(("index", "kernel"), [(0, "horizontal_edge"), (1, "vertical_edge"), (7, "sharpen"),
                                               (42, "gaussian_blur")])
def test_the_brightest_point_is_where_torchs_conv2d_is_largest(index: int, kernel: str) -> None:
    images, labels = load_mnist(train=False)
    digit = images[index] / 255.0
    weights = KERNELS[kernel]
    truth = CONV_BRIGHTEST.truth({"image": digit, "kernel": weights, "index": index, "label": labels[index]})
    kernel_tensor = torch.tensor(weights, dtype=torch.float64)[None, None]
    conv = F.conv2d(torch.tensor(digit)[None, None], kernel_tensor)[0, 0]
    top = conv.max().item()
    ties = {(int(r) + weights.shape[0] // 2, int(c) + weights.shape[1] // 2)
            for r, c in torch.nonzero(torch.isclose(conv, torch.full_like(conv, top), rtol=0, atol=1e-9))}
    assert {tuple(point) for point in (truth.value, *truth.near)} <= ties and tuple(truth.value) in ties
    assert truth.fields["value"] == f"{top:.2f}" and truth.fields["ties"] == len(ties)


def _run(acc: float, created: float, **changes) -> SimpleNamespace:
    return SimpleNamespace(id=f"run{created:g}", config=replace(TrainConfig(), **changes), design=LENET,
                           status=DONE, final_acc=acc, created_at=created)


def test_one_change_from_the_last_finished_run_and_its_outcome() -> None:
    first = _run(97.0, 1.0)
    assert lessons.one_change(first.config, replace(TrainConfig(), lr=0.1), LENET, LENET) == ("lr", 0.01, 0.1)
    assert lessons.one_change(first.config, replace(TrainConfig(), lr=0.1, epochs=2), LENET, LENET) is None
    assert lessons.one_change(first.config, first.config, LENET, LENET) is None
    faster = replace(TrainConfig(), lr=0.1)
    asking = lessons.change_values([first], SimpleNamespace(record=first), faster, LENET)
    assert TRAIN_CHANGE.applies(asking) and TRAIN_CHANGE.asked(asking) == {"field": "lr", "before": 0.01,
                                                                           "after": 0.1}
    for acc, outcome in ((97.3, "same"), (96.7, "same"), (97.31, "better"), (96.6, "worse")):
        second = _run(acc, 2.0, lr=0.1)
        values = lessons.change_values([first, second], SimpleNamespace(record=second), second.config, LENET)
        truth = TRAIN_CHANGE.truth(values)
        assert truth.value == outcome, acc
        assert truth.fields["before_run"] == first.id and truth.fields["after_run"] == second.id
    assert TRAIN_CHANGE.truth(lessons.change_values([first], None, first.config, LENET)) is None
    now = SimpleNamespace(id="now", status="running", created_at=3.0, final_acc=None)
    training = SimpleNamespace(record=now)  # no question while a run trains: the settings are its own
    assert not TRAIN_CHANGE.applies(lessons.change_values([first], training, faster, LENET))
