"""core.sketch.to_mnist: drawings of every kind become MNIST-style digits the network can read."""

import numpy as np
import pytest
import torch

from core import sketch
from core.checkpoint import load_model
from core.data import load_mnist, normalise
from core.sketch.explain import read_digit
from tests.sketch_digits import draw_digit


@pytest.fixture(scope="module")
def model():
    return load_model()[0]


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    rows, cols = np.indices(image.shape)
    return float((rows * image).sum() / image.sum()), float((cols * image).sum() / image.sum())


def ink_extent(image: np.ndarray, threshold: float = 0.1) -> tuple[int, int]:
    """Height and width of the ink's bounding box."""
    box = sketch.ink_box(image)
    return box[2] - box[0], box[3] - box[1]


def test_output_is_mnist_style_float32_28x28_in_unit_range() -> None:
    out = sketch.to_mnist(draw_digit("7"))
    assert out.dtype == np.float32 and out.shape == (28, 28)
    assert out.min() >= 0.0 and out.max() == pytest.approx(1.0)


def test_digit_drawn_in_a_corner_is_centred_by_its_centre_of_mass() -> None:
    canvas = np.zeros((280, 280), dtype=np.uint8)
    canvas[10:90, 190:200] = 255  # a "1" up in the top-right corner
    canvas[10:20, 180:200] = 255
    out = sketch.to_mnist(canvas)
    row, col = centre_of_mass(out)
    assert abs(row - sketch.CENTRE) <= 0.5 and abs(col - sketch.CENTRE) <= 0.5


def test_longer_side_becomes_20_pixels_and_aspect_ratio_is_kept() -> None:
    tall = np.zeros((280, 280), dtype=np.uint8)
    tall[40:240, 120:170] = 255  # 200 x 50: 4 to 1
    height, width = ink_extent(sketch.to_mnist(tall))
    assert height == 20 and width == 5
    wide = tall.T.copy()
    height, width = ink_extent(sketch.to_mnist(wide))
    assert width == 20 and height == 5


@pytest.mark.parametrize("blank", [
    np.zeros((280, 280, 4), dtype=np.uint8),  # fully transparent canvas
    np.dstack([np.zeros((280, 280, 3), np.uint8), np.full((280, 280), 255, np.uint8)]),  # opaque black
    np.zeros((50, 70)),
    np.full((28, 28), 0.05),  # faint grey is not ink
    np.zeros((0, 0)),
])
def test_no_ink_gives_none(blank: np.ndarray) -> None:
    assert sketch.to_mnist(blank) is None


def test_ink_in_the_alpha_channel_reads_like_white_on_black() -> None:
    white_on_black = sketch.to_mnist(draw_digit("7"))
    black_on_transparent = sketch.to_mnist(draw_digit("7", alpha_ink=True, ink=(0, 0, 0)))
    np.testing.assert_allclose(black_on_transparent, white_on_black, atol=1e-6)


def test_rgb_and_grayscale_and_float_inputs_agree() -> None:
    rgba = draw_digit("0")
    expected = sketch.to_mnist(rgba)
    gray = rgba[..., 0]
    np.testing.assert_allclose(sketch.to_mnist(rgba[..., :3]), expected, atol=1e-6)
    np.testing.assert_allclose(sketch.to_mnist(gray), expected, atol=1e-6)
    np.testing.assert_allclose(sketch.to_mnist(gray / 255.0), expected, atol=1e-5)
    np.testing.assert_allclose(sketch.to_mnist(gray[..., None]), expected, atol=1e-6)


@pytest.mark.parametrize("digit", ["0", "1", "4", "7"])
@pytest.mark.parametrize("side,pen", [(280, 20), (280, 2), (280, 45), (28, 2), (120, 8), (900, 140)])
def test_drawn_digits_of_any_size_and_pen_are_read_correctly(model, digit: str, side: int, pen: int) -> None:
    out = sketch.to_mnist(draw_digit(digit, side=side, pen=pen))
    assert read_digit(model, out).digit == int(digit)


def test_non_square_input() -> None:
    canvas = np.zeros((100, 300), dtype=np.uint8)
    canvas[20:80, 140:150] = 255
    out = sketch.to_mnist(canvas)
    assert ink_extent(out)[0] == 20
    row, col = centre_of_mass(out)
    assert abs(row - 14) <= 0.5 and abs(col - 14) <= 0.5


def test_hairline_strokes_are_thickened_to_an_mnist_pen() -> None:
    steps = sketch.preprocess(draw_digit("7", pen=1))
    assert steps.thickened_by > 0
    # a row through the 7's diagonal crosses at least two strong pixels, as MNIST strokes do
    assert (steps.centred[18] > 0.5).sum() >= 2
    assert sketch.stroke_width(steps.centred) >= 1.5


def test_thick_strokes_are_left_alone() -> None:
    steps = sketch.preprocess(draw_digit("1", pen=60))
    assert steps.thickened_by == 0
    assert ink_extent(steps.centred)[0] == 20


def test_a_single_dot_stays_a_small_centred_dot() -> None:
    canvas = np.zeros((280, 280), dtype=np.uint8)
    canvas[50:62, 200:212] = 255  # one tap of a 12-pixel pen
    out = sketch.to_mnist(canvas)
    height, width = ink_extent(out)
    assert height <= 6 and width <= 6  # not blown up to fill the 20 x 20 box
    row, col = centre_of_mass(out)
    assert abs(row - 14) <= 0.5 and abs(col - 14) <= 0.5


def test_a_stroke_along_the_edge_keeps_all_its_ink() -> None:
    canvas = np.zeros((280, 280), dtype=np.uint8)
    canvas[0:8, 30:250] = 255  # a line hugging the top edge
    out = sketch.to_mnist(canvas)
    height, width = ink_extent(out)
    assert width == 20 and 1 <= height <= 3
    assert abs(centre_of_mass(out)[0] - 14) <= 0.5


def test_mnist_test_set_round_trip_keeps_accuracy(model) -> None:
    """All 10,000 MNIST test images through to_mnist (about 1 s) still read at >= 98.5%."""
    images, labels = load_mnist(train=False)
    processed = np.stack([sketch.to_mnist(image) for image in images])
    with torch.no_grad():
        predicted = model(normalise(processed)).argmax(dim=1).numpy()
    accuracy = float((predicted == labels).mean())
    assert accuracy >= 0.985, accuracy
    # and the pictures hardly change: MNIST digits already are MNIST-style
    assert float(np.abs(processed - images / 255.0).mean()) < 0.01
