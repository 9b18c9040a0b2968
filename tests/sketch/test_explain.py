"""core.sketch.explain (reading, saliency) and core.sketch.robustness (changes to a digit, rotation sweep)."""

import numpy as np
import pytest
import torch

from core.checkpoint import load_model
from core.data import load_mnist, normalise
from core.model import LeNet
from core.sketch import explain, robustness


@pytest.fixture(scope="module")
def model():
    return load_model()[0]


@pytest.fixture(scope="module")
def seven() -> np.ndarray:
    """The first MNIST test image, a 7, as float [28, 28] in [0, 1]."""
    images, labels = load_mnist(train=False)
    assert labels[0] == 7
    return images[0] / 255.0


def test_reading_matches_the_model(model, seven) -> None:
    reading = explain.read_digit(model, seven)
    with torch.no_grad():
        logits = model(normalise(seven))[0]
    np.testing.assert_allclose(reading.probabilities, torch.softmax(logits, 0).numpy(), atol=1e-6)
    assert reading.digit == 7 and reading.confidence > 0.9
    assert reading.conv1.shape == (6, 24, 24) and reading.conv2.shape == (16, 8, 8)
    assert reading.conv1.min() >= 0  # after ReLU
    np.testing.assert_allclose(reading.network_input, (seven - 0.1307) / 0.3081, atol=1e-5)


def test_saliency_is_the_gradient_size_checked_by_finite_differences(model, seven) -> None:
    saliency = explain.saliency(model, seven, digit=7)
    assert saliency.shape == (28, 28) and saliency.max() == pytest.approx(1.0) and saliency.min() >= 0

    def score(image: np.ndarray) -> float:
        with torch.no_grad():
            return float(model(normalise(image))[0, 7])

    # The most and least salient pixels: nudging the first changes the score far more.
    top = np.unravel_index(saliency.argmax(), saliency.shape)
    low = np.unravel_index(np.argsort(saliency, axis=None)[50], saliency.shape)
    eps = 1e-3  # a small step of the [0, 1] pixel, i.e. eps / std of the normalised input
    changes = []
    for pixel in (top, low):
        nudged = seven.copy()
        nudged[pixel] += eps
        changes.append(abs(score(nudged) - score(seven)))
    assert changes[0] > 10 * changes[1]
    # and the size matches the gradient: |d score / d x_norm| = |d score / d pixel| * std. The network
    # is piecewise linear (ReLU, max-pool): where the pixel sits on a kink (a pool's tie, a unit at
    # exactly 0) the gradient is the slope on one side of it, so the step down is measured too
    x = normalise(seven).requires_grad_(True)
    (grad,) = torch.autograd.grad(model(x)[0, 7], x)
    peak = float(grad.abs().max())
    lowered = seven.copy()
    lowered[top] -= eps
    slopes = [changes[0], abs(score(seven) - score(lowered))]
    assert any(slope == pytest.approx(peak * eps / 0.3081, rel=0.05) for slope in slopes), slopes


def test_saliency_leaves_the_shared_model_untouched(model, seven) -> None:
    before = {k: v.clone() for k, v in model.state_dict().items()}
    explain.saliency(model, seven)
    assert all(p.grad is None for p in model.parameters())
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())


def test_saliency_of_a_constant_model_is_all_zero(seven) -> None:
    flat = LeNet()
    for p in flat.parameters():
        torch.nn.init.zeros_(p)
    assert not explain.saliency(flat, seven).any()


def bar(horizontal: bool = True) -> np.ndarray:
    image = np.zeros((28, 28), dtype=np.float32)
    image[13:15, 6:22] = 1.0
    return image if horizontal else image.T.copy()


def test_no_change_is_the_identity(seven) -> None:
    unchanged = robustness.apply_change(seven, robustness.Change())
    np.testing.assert_array_equal(unchanged, seven.astype(np.float32))


def test_rotating_a_horizontal_bar_90_degrees_makes_it_vertical() -> None:
    turned = robustness.apply_change(bar(), robustness.Change(angle=90))
    np.testing.assert_allclose(turned, bar(horizontal=False), atol=1e-5)


def test_rotation_is_counter_clockwise_on_screen() -> None:
    image = np.zeros((28, 28), dtype=np.float32)
    image[13:15, 20:24] = 1.0  # a blob right of the centre
    turned = robustness.apply_change(image, robustness.Change(angle=90))
    rows, cols = np.nonzero(turned > 0.5)
    assert rows.mean() < 10 and abs(cols.mean() - 13.5) < 1  # it went up, not down


def test_shift_moves_the_ink_by_whole_pixels() -> None:
    moved = robustness.apply_change(bar(), robustness.Change(shift_x=3, shift_y=-2))
    np.testing.assert_allclose(moved[11:13, 9:25], 1.0, atol=1e-6)
    assert moved.sum() == pytest.approx(bar().sum())


def test_scale_changes_the_size_about_the_centre() -> None:
    half = robustness.apply_change(bar(), robustness.Change(scale=0.5))
    cols = np.nonzero(half.max(axis=0) > 0.4)[0]
    assert 7 <= cols.size <= 9 and abs(cols.mean() - 13.5) < 1


def test_thickness_grows_and_shrinks_strokes(seven) -> None:
    thicker = robustness.apply_change(seven, robustness.Change(thickness=1))
    thinner = robustness.apply_change(seven, robustness.Change(thickness=-1))
    assert thinner.sum() < seven.sum() < thicker.sum()
    assert (thicker >= seven - 1e-6).all() and (thinner <= seven + 1e-6).all()


def test_noise_is_repeatable_and_stays_in_range(seven) -> None:
    change = robustness.Change(noise=0.3, seed=4)
    first, again = robustness.apply_change(seven, change), robustness.apply_change(seven, change)
    np.testing.assert_array_equal(first, again)
    assert first.min() >= 0 and first.max() <= 1 and not np.array_equal(first, seven)


def test_rotation_sweep_tracks_the_digit_read_upright(model, seven) -> None:
    sweep = robustness.rotation_sweep(model, seven)
    assert sweep.digit == 7 and sweep.angles[0] == -30 and sweep.angles[-1] == 30
    upright = explain.read_digit(model, seven)
    assert sweep.confidence[sweep.angles == 0][0] == pytest.approx(upright.confidence, abs=1e-5)
    assert (sweep.predicted[np.abs(sweep.angles) <= 10] == 7).all()


def test_tilting_mnist_digits_costs_confidence_on_average(model) -> None:
    images, _ = load_mnist(train=False)
    upright, tilted = [], []
    for image in images[:40] / 255.0:
        sweep = robustness.rotation_sweep(model, image, angles=[-60, 0, 60])
        upright.append(sweep.confidence[1])
        tilted.append(sweep.confidence[[0, 2]].mean())
    assert np.mean(tilted) < np.mean(upright) - 0.1
