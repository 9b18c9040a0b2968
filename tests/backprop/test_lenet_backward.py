"""LeNet backwards against torch.autograd in float64: each layer's gradient, a convolution weight's
gradient as an explicit sum over window positions, pooling's routing and the activations' masks and
slopes, for several random inputs and seeds; and the gradient sizes of a short run."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.backprop import gradient_sizes
from core.backprop import lenet_backward as lenet
from core.data import load_mnist, normalise
from core.model import LENET, PRESETS, LeNet, build_model
from core.model.design import act, conv, linear, pool

STRIDED = [conv(4, 3, stride=2, padding=1), act("sigmoid"), pool("avg"), conv(6, 3), act("relu"), pool(),
           {"kind": "flatten"}, linear(10)]


def seeded(design, seed: int = 0):
    torch.manual_seed(seed)
    return (LeNet() if design is None else build_model(design)).eval()


@pytest.fixture(scope="module")
def digits():
    images, labels = load_mnist(train=False)
    return images[:3], labels[:3]


@pytest.mark.parametrize("design", [None, LENET, PRESETS["lenet5_1998"], PRESETS["tiny"], STRIDED],
                         ids=["LeNet", "lenet", "lenet5_1998", "tiny", "strided"])
@pytest.mark.parametrize("seed", [0, 1])
def test_every_layers_gradient_and_the_weight_sum_equal_autograd(design, seed: int, digits) -> None:
    images, labels = digits
    model = seeded(design, seed)
    for image, label in zip(images, labels, strict=True):
        trace = lenet.trace(model, image, int(label))
        # the whole model in float64, straight through autograd
        reference = seeded(design, seed).double()
        x = normalise(image).double().requires_grad_(True)
        loss = F.cross_entropy(reference(x), torch.tensor([int(label)]))
        loss.backward()
        assert trace.loss == pytest.approx(float(loss.detach()), rel=1e-12)
        np.testing.assert_allclose(trace.named("input").gradient, x.grad[0].numpy(), rtol=1e-9, atol=1e-18)
        logits = trace.layers[-1]
        onehot = np.eye(10)[int(label)]
        np.testing.assert_allclose(logits.gradient, trace.probabilities - onehot, rtol=1e-9, atol=1e-15)
        np.testing.assert_allclose(trace.conv1_weight_gradient, reference.conv1.weight.grad.numpy(),
                                   rtol=1e-9, atol=1e-18)
        # the window sum, by an explicit loop over positions, for a few weights
        conv1 = trace.named("conv1")
        kernel, stride, padding = lenet.conv_settings(conv1.layer)
        rng = np.random.default_rng(seed)
        for _ in range(3):
            o, i, j = rng.integers(conv1.shape[0]), rng.integers(kernel), rng.integers(kernel)
            products = lenet.weight_gradient_windows(trace.named("input").value[0], conv1.gradient[o], i, j,
                                                     stride, padding)
            assert products.shape == conv1.shape[1:]
            assert products.sum() == pytest.approx(float(reference.conv1.weight.grad[o, 0, i, j]),
                                                   rel=1e-9, abs=1e-18)
            assert lenet.running_sums(products)[-1] == pytest.approx(products.sum(), rel=1e-12, abs=1e-18)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(("stride", "padding"), [(1, 0), (1, 2), (2, 1)])
def test_the_window_sum_of_random_maps_equals_autograd(seed: int, stride: int, padding: int) -> None:
    generator = torch.Generator().manual_seed(seed)
    image = torch.randn(1, 1, 11, 11, generator=generator, dtype=torch.float64)
    weight = torch.randn(3, 1, 3, 3, generator=generator, dtype=torch.float64, requires_grad=True)
    out = F.conv2d(image, weight, stride=stride, padding=padding)
    upstream = torch.randn(out.shape, generator=generator, dtype=torch.float64)
    (out * upstream).sum().backward()
    for o in range(3):
        for i in range(3):
            for j in range(3):
                products = lenet.weight_gradient_windows(image[0, 0].numpy(), upstream[0, o].numpy(), i, j,
                                                         stride, padding)
                assert products.sum() == pytest.approx(float(weight.grad[o, 0, i, j]), rel=1e-10, abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("size", [8, 9])
def test_pooling_routes_the_gradient_as_autograd_does(seed: int, mode: str, size: int) -> None:
    generator = torch.Generator().manual_seed(seed)
    # ReLU first: many windows are all zeros, and a tie goes to the first cell, as in PyTorch
    values = torch.relu(torch.randn(1, 1, size, size, generator=generator, dtype=torch.float64))
    values.requires_grad_(True)
    pooled = F.max_pool2d(values, 2, 2) if mode == "max" else F.avg_pool2d(values, 2, 2)
    upstream = torch.randn(pooled.shape, generator=generator, dtype=torch.float64)
    (pooled * upstream).sum().backward()
    routed = lenet.pool_backward(values.detach()[0, 0].numpy(), upstream[0, 0].numpy(), mode)
    np.testing.assert_allclose(routed, values.grad[0, 0].numpy(), rtol=1e-12, atol=1e-15)
    if mode == "max":  # one winner per window, nothing anywhere else
        winners = lenet.pool_winners(values.detach()[0, 0].numpy())
        assert winners.sum() == (size // 2) ** 2
        assert not routed[~winners].any()


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("fn", ["relu", "sigmoid", "tanh"])
def test_the_activations_backwards_equal_autograd(seed: int, fn: str) -> None:
    generator = torch.Generator().manual_seed(seed)
    z = torch.randn(6, 7, generator=generator, dtype=torch.float64, requires_grad=True)
    out = {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh}[fn](z)
    upstream = torch.randn(out.shape, generator=generator, dtype=torch.float64)
    (out * upstream).sum().backward()
    by_hand = lenet.activation_backward(fn, z.detach().numpy(), upstream.numpy())
    np.testing.assert_allclose(by_hand, z.grad.numpy(), rtol=1e-12, atol=1e-15)
    if fn == "relu":  # the mask: the gradient passes exactly where the input was positive
        assert ((by_hand != 0) == ((z.detach().numpy() > 0) & (upstream.numpy() != 0))).all()


def test_which_designs_are_lenet_shaped() -> None:
    for name in ("lenet", "lenet5_1998", "tiny", "wide_lenet"):
        assert lenet.lenet_shaped(PRESETS[name]), name
    assert lenet.lenet_shaped(STRIDED)
    assert not lenet.lenet_shaped(PRESETS["mlp"])
    assert not lenet.lenet_shaped([*LENET[:7], {"kind": "dropout", "p": 0.5}, *LENET[7:]])


def test_the_hardest_digit_has_the_largest_loss(digits) -> None:
    images, labels = load_mnist(train=False)
    model = seeded(None)
    index = lenet.hardest_digit(model, images[:50], labels[:50])
    losses = [lenet.trace(model, images[i], int(labels[i])).loss for i in range(50)]
    assert index == int(np.argmax(losses))


def test_a_short_run_shows_the_sigmoid_starving_the_first_layer() -> None:
    from core.data import load_tensors

    config = gradient_sizes.BUDGET.__class__(epochs=1, train_size=640, batch_size=32, lr=0.03, seed=0)
    test_x, test_y = load_tensors(train=False)
    result = gradient_sizes.gradient_sizes(load_tensors(train=True), (test_x[:100], test_y[:100]), config)
    assert result.layers == ["conv1", "conv2", "fc1", "fc2", "fc3"] and result.batches == 20
    relu, sigmoid = result.sizes["relu"], result.sizes["sigmoid"]
    assert sigmoid[0] * 20 < relu[0]  # four sigmoids between conv1 and the loss
    assert sigmoid[0] < sigmoid[-1]  # smallest near the input
