"""A 3 x 3 kernel learned by gradient descent: the gradient is right and the kernel reaches its target."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.convolution.filter_learning import (
    CLOSE_ENOUGH,
    RECORD_EVERY,
    FilterLearning,
    LearningConfig,
    distance,
    learn_filter,
    loss_and_gradient,
    patches,
    random_kernel,
    training_batch,
)
from core.convolution.filters import KERNELS, apply_filter
from core.data import load_mnist


@pytest.fixture(scope="module")
def digits() -> np.ndarray:
    images, _ = load_mnist(train=True)
    return training_batch(images, LearningConfig.batch_size, seed=0)


def test_training_batch_is_scaled_and_repeatable(digits):
    images, _ = load_mnist(train=True)
    assert digits.shape == (64, 28, 28)
    assert digits.min() == 0 and digits.max() == 1
    np.testing.assert_array_equal(digits, training_batch(images, 64, seed=0))
    assert not np.array_equal(digits, training_batch(images, 64, seed=1))


def test_gradient_equals_torch_autograd(digits):
    target = KERNELS["sobel_x"]
    kernel = random_kernel(seed=3)
    windows = patches(digits[:8])
    targets = np.stack([apply_filter(d, target) for d in digits[:8]])
    loss, grad = loss_and_gradient(kernel, windows, targets)

    w = torch.tensor(kernel, requires_grad=True)
    x = torch.tensor(digits[:8])[:, None]
    out = F.conv2d(x, w[None, None])[:, 0]
    torch_loss = 0.5 * ((out - torch.tensor(targets)) ** 2).mean()
    torch_loss.backward()
    assert loss == pytest.approx(torch_loss.item(), rel=1e-12)
    np.testing.assert_allclose(grad, w.grad.numpy(), rtol=1e-10, atol=1e-14)


def test_one_step_is_the_neurons_rule(digits):
    first = next(learn_filter(digits, KERNELS["horizontal_edge"], random_kernel(0), lr=0.5, steps=1))
    np.testing.assert_allclose(first.kernel_next, first.kernel - 0.5 * first.grad)
    assert first.step == 0


@pytest.mark.parametrize(
    "name,seed", [("horizontal_edge", 0), ("sharpen", 1), ("laplacian", 2), ("box_blur", 3)]
)
def test_learning_reaches_the_target(digits, name, seed):
    config = LearningConfig()
    target = KERNELS[name]
    start = random_kernel(seed)
    records = list(learn_filter(digits, target, start, config.lr, config.steps))
    assert len(records) == config.steps
    assert distance(start, target) > 0.5  # it really had somewhere to go
    assert distance(records[-1].kernel_next, target) < 0.05
    losses = [r.loss for r in records]
    assert losses[-1] < 1e-3 * losses[0]


def test_too_large_a_learning_rate_diverges_and_stops(digits):
    records = list(learn_filter(digits, KERNELS["horizontal_edge"], random_kernel(0), lr=4.0, steps=1000))
    assert len(records) < 1000
    assert records[-1].loss > 1e6
    assert all(np.isfinite(r.kernel_next).all() for r in records)


def test_resuming_continues_the_same_path(digits):
    target, start = KERNELS["vertical_edge"], random_kernel(5)
    whole = list(learn_filter(digits, target, start, 2.0, 20))
    first = list(learn_filter(digits, target, start, 2.0, 10))
    rest = list(learn_filter(digits, target, first[-1].kernel_next, 2.0, 10, first_step=10))
    assert rest[0].step == 10
    np.testing.assert_allclose(rest[-1].kernel_next, whole[-1].kernel_next)


def test_a_run_advances_to_the_target_keeping_one_step_in_ten(digits):
    run = FilterLearning.fresh("horizontal_edge", 2.0, seed=0)
    assert run.outcome == "not_started" and run.gap > 0.5
    taken = sum(1 for _ in run.advance(digits, 1000))
    assert taken == run.step == run.goal == 1000
    assert run.outcome == "learned" and run.gap < CLOSE_ENOUGH
    assert run.steps == list(range(0, 1000, RECORD_EVERY))
    assert len(run.losses) == len(run.weights) == 100 and run.losses[-1] < 1e-3 * run.losses[0]
    np.testing.assert_array_equal(run.weights[0], random_kernel(0).ravel())


def test_an_interrupted_run_resumes_to_the_same_goal_and_the_same_kernel(digits):
    whole = FilterLearning.fresh("sobel_x", 1.0, seed=4)
    for _ in whole.advance(digits, 60):
        pass
    cut = FilterLearning.fresh("sobel_x", 1.0, seed=4)
    for record in cut.advance(digits, 60):
        if record.step == 24:
            break  # the learner clicked something else mid-way
    assert (cut.step, cut.goal, cut.outcome) == (25, 60, "paused")
    for _ in cut.advance(digits, 60):  # "continue" finishes the same 60 steps, no more
        pass
    assert cut.step == cut.goal == 60
    np.testing.assert_allclose(cut.kernel, whole.kernel)
    assert cut.steps == whole.steps and cut.losses == pytest.approx(whole.losses)
    assert cut.outcome == "slow"  # 60 steps at lr 1 do not get there
    for _ in cut.advance(digits, 60):  # at its goal, "continue" asks for 60 more
        pass
    assert cut.step == cut.goal == 120


def test_a_run_that_blows_up_is_marked_and_goes_no_further(digits):
    run = FilterLearning.fresh("horizontal_edge", 4.0, seed=0)
    records = list(run.advance(digits, 1000))
    assert run.diverged and run.outcome == "diverged"
    assert run.step == len(records) < 1000 and records[-1].loss > 1e6
    assert list(run.advance(digits, 1000)) == [] and run.step == len(records)
