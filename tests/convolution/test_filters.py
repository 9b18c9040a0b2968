"""The kernel library, cross-correlation against F.conv2d, pooling, the kernel editor, learned maps."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from scipy.signal import convolve2d

from core.convolution.filters import (
    KERNELS,
    LETTER_X,
    apply_filter,
    flipped_convolution,
    max_pool,
    output_size,
    products_expression,
    relu,
    signed,
    window_position,
    window_products,
)
from core.convolution.kernel_input import KernelInputError, format_kernel, parse_kernel


def torch_conv(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    x = torch.tensor(np.array(image, dtype=np.float64))[None, None]
    w = torch.tensor(np.array(kernel, dtype=np.float64))[None, None]
    return F.conv2d(x, w)[0, 0].numpy()


def test_library_holds_the_named_kernels():
    expected = {"identity", "horizontal_edge", "vertical_edge", "sobel_x", "sobel_y", "laplacian",
                "sharpen", "box_blur", "gaussian_blur"}
    assert expected <= set(KERNELS)
    np.testing.assert_array_equal(KERNELS["horizontal_edge"], [[-1, -1, -1], [0, 0, 0], [1, 1, 1]])
    assert KERNELS["box_blur"].sum() == pytest.approx(1.0)
    assert KERNELS["gaussian_blur"].sum() == pytest.approx(1.0)
    assert KERNELS["laplacian"].sum() == 0
    with pytest.raises(ValueError):
        KERNELS["identity"][0, 0] = 5  # shared by every session, so read-only


def test_letter_x_is_the_tutorial_x():
    assert LETTER_X.shape == (7, 7)
    np.testing.assert_array_equal(LETTER_X, LETTER_X.T)
    np.testing.assert_array_equal(LETTER_X, LETTER_X[::-1])
    assert LETTER_X.sum() == 12
    assert LETTER_X[0].tolist() == [0, 0, 0, 1, 0, 0, 0]
    assert LETTER_X[3].tolist() == [1, 0, 0, 0, 0, 0, 1]


@pytest.mark.parametrize("shape,k", [((7, 7), 3), ((28, 28), 5), ((9, 13), 3), ((6, 5), 2)])
def test_apply_filter_equals_torch_conv2d(shape, k):
    rng = np.random.default_rng(k + shape[1])
    image, kernel = rng.normal(size=shape), rng.normal(size=(k, k))
    np.testing.assert_allclose(apply_filter(image, kernel), torch_conv(image, kernel), atol=1e-12)


@pytest.mark.parametrize("name", sorted(KERNELS))
def test_every_library_kernel_matches_torch(name):
    image = np.random.default_rng(1).integers(0, 256, size=(28, 28))
    kernel = KERNELS[name]
    np.testing.assert_allclose(apply_filter(image, kernel), torch_conv(image, kernel), atol=1e-9)


def test_horizontal_edge_on_the_x_gives_the_hand_worked_numbers():
    out = apply_filter(LETTER_X, KERNELS["horizontal_edge"])
    assert out.shape == (5, 5)
    assert out[0, 0] == 1  # top-left window, worked by hand in the tutorial
    assert out[2, 2] == 0  # centre window
    products = window_products(LETTER_X, KERNELS["horizontal_edge"], 0, 0)
    assert products.sum() == 1 and products[2, 1] == 1 and np.count_nonzero(products) == 1


def test_convolution_flips_the_kernel_and_the_sign():
    kernel = KERNELS["horizontal_edge"]
    flipped = flipped_convolution(LETTER_X, kernel)
    np.testing.assert_array_equal(flipped, convolve2d(LETTER_X, kernel, mode="valid"))
    assert flipped[0, 0] == -1
    np.testing.assert_array_equal(flipped, apply_filter(LETTER_X, kernel[::-1, ::-1]))
    np.testing.assert_array_equal(flipped, -apply_filter(LETTER_X, kernel))  # this kernel: flip = negate


def test_window_position_walks_rows_left_to_right():
    assert window_position(0, 5) == (0, 0)
    assert window_position(4, 5) == (0, 4)
    assert window_position(12, 5) == (2, 2)
    assert window_position(24, 5) == (4, 4)


def test_output_sizes_follow_the_formula():
    assert output_size(28, 3) == 26
    assert output_size(28, 5) == 24
    assert output_size(7, 3) == 5
    assert output_size(28, 5, padding=2) == 28
    assert output_size(24, 2, stride=2) == 12


def test_max_pool_takes_each_block_maximum_like_torch():
    image = np.random.default_rng(3).normal(size=(24, 24))
    pooled = max_pool(image)
    assert pooled.shape == (12, 12)
    expected = F.max_pool2d(torch.from_numpy(image)[None, None], 2)[0, 0].numpy()
    np.testing.assert_array_equal(pooled, expected)
    np.testing.assert_array_equal(max_pool(np.arange(16).reshape(4, 4)), [[5, 7], [13, 15]])
    assert max_pool(np.zeros((13, 13))).shape == (6, 6)  # an odd edge is dropped, as in PyTorch


def test_relu_zeroes_negatives_only():
    np.testing.assert_array_equal(relu(np.array([-2.0, 0.0, 3.0])), [0, 0, 3])


# --- the kernel editor -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "-1 -1 -1\n0 0 0\n1 1 1",
    "-1,-1,-1\n0,0,0\n1,1,1",
    "-1， -1， -1；0 0 0；1 1 1",  # Chinese punctuation
    "−1 −1 −1\n\n 0 0 0 \n1 1 1\n",  # typographic minus, blank line, stray spaces
])
def test_parse_kernel_reads_rows_of_numbers(text):
    np.testing.assert_array_equal(parse_kernel(text), KERNELS["horizontal_edge"])


def test_parse_kernel_accepts_five_by_five_and_round_trips():
    kernel = np.arange(25, dtype=float).reshape(5, 5) - 12
    np.testing.assert_array_equal(parse_kernel(format_kernel(kernel)), kernel)
    blur = KERNELS["gaussian_blur"]
    np.testing.assert_allclose(parse_kernel(format_kernel(blur)), blur)


@pytest.mark.parametrize("text,problem", [
    ("", "empty"),
    ("  \n ", "empty"),
    ("1 2 x\n0 0 0\n1 1 1", "not_number"),
    ("1 2 3\n0 nan 0\n1 1 1", "not_finite"),
    ("1 2 3\n0 inf 0\n1 1 1", "not_finite"),
    ("1 2 3\n0 -Infinity 0\n1 1 1", "not_finite"),
    ("1 2 3\n0 1e999 0\n1 1 1", "not_finite"),
    ("1 2 3\n0 5000 0\n1 1 1", "too_large"),
    ("0 0 0\n0 0 0\n0 0 0", "all_zero"),
    ("1 2 3\n4 5\n7 8 9", "ragged"),
    ("1 2\n3 4", "wrong_size"),
    ("1 2 3 4\n1 2 3 4\n1 2 3 4\n1 2 3 4", "wrong_size"),
    ("1 2 3\n4 5 6", "wrong_size"),
])
def test_parse_kernel_names_the_problem(text, problem):
    with pytest.raises(KernelInputError) as caught:
        parse_kernel(text)
    assert caught.value.problem == problem


# --- the learned filters are the model's own ---------------------------------------------------

def test_learned_maps_equal_the_models_activations():
    from core.checkpoint import PRETRAINED_PATH, load_model
    from core.convolution.feature_maps import learned_maps
    from core.data import load_mnist, normalise
    from core.model import activations

    model, _ = load_model(PRETRAINED_PATH)
    images, _ = load_mnist(train=False)
    maps = learned_maps(model, images[0])
    reference = activations(model, normalise(images[:1]))
    np.testing.assert_array_equal(maps.conv1, reference["conv1"][0].numpy())
    np.testing.assert_array_equal(maps.pool1, reference["pool1"][0].numpy())
    np.testing.assert_array_equal(maps.conv2, reference["conv2"][0].numpy())
    assert maps.kernels.shape == (6, 5, 5) and maps.conv1.shape == (6, 24, 24)
    assert maps.pool1.shape == (6, 12, 12) and maps.conv2.shape == (16, 8, 8)
    # and the same maps come from our own numpy filter with conv1's kernels (plus bias, ReLU)
    x = normalise(images[:1])[0, 0].numpy().astype(np.float64)
    for k in range(6):
        own = relu(apply_filter(x, maps.kernels[k]) + maps.biases[k])
        np.testing.assert_allclose(own, maps.conv1[k], atol=1e-4)
        np.testing.assert_allclose(max_pool(own), maps.pool1[k], atol=1e-4)


def test_products_expression_writes_out_the_sum():
    text = products_expression(LETTER_X, KERNELS["horizontal_edge"], 0, 0)
    assert text.startswith("0×(−1) + 0×(−1) + 0×(−1) + 0×0")
    assert text.endswith("0×1 + 1×1 + 0×1 = 1")
    assert products_expression(LETTER_X, KERNELS["horizontal_edge"], 2, 2).endswith("= 0")
    assert flipped_convolution(LETTER_X, KERNELS["horizontal_edge"])[0, 0] == -1
    assert products_expression(LETTER_X, KERNELS["horizontal_edge"][::-1], 0, 0).endswith("= −1")


def test_signed_numbers_use_a_real_minus_sign():
    assert signed(-1.5) == "−1.5" and signed(2.0) == "2" and signed(0.0) == "0"
    assert signed(-0.123456, ".3g") == "−0.123"


def test_the_contract_name_core_filters_still_works() -> None:
    """Benchmarks and checks outside the app import the filters as `core.filters`."""
    import core.filters
    from core.convolution import filters

    for name in ("KERNELS", "LETTER_X", "apply_filter", "max_pool"):
        assert getattr(core.filters, name) is getattr(filters, name)
    assert np.array_equal(core.filters.KERNELS["horizontal_edge"], [[-1, -1, -1], [0, 0, 0], [1, 1, 1]])
