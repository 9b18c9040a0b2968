"""The 2-2-1 network's hand-derived gradients against torch.autograd in float64, for many random
weights and examples, with both activations; the formulas carry the numbers of the step."""

import math
import random

import pytest

from core.backprop import small_network as net
from core.backprop.formulas import step_latex
from core.backprop.small_network import PARAMETERS, Example, Weights


def random_case(seed: int) -> tuple[Weights, Example]:
    rng = random.Random(seed)
    weights = Weights(**{name: rng.uniform(-2, 2) for name in PARAMETERS})
    return weights, Example(rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-2, 2))


@pytest.mark.parametrize("fn", net.ACTIVATIONS)
@pytest.mark.parametrize("seed", range(8))
def test_every_hand_gradient_equals_autograd(fn: str, seed: int) -> None:
    weights, example = random_case(seed)
    hand = net.hand_gradients(weights, example, fn)
    auto = net.autograd_gradients(weights, example, fn)
    assert set(hand) == set(PARAMETERS)
    for name in PARAMETERS:
        assert math.isclose(hand[name], auto[name], rel_tol=1e-12, abs_tol=1e-15), name
    assert net.agree(hand, auto)


@pytest.mark.parametrize("fn", net.ACTIVATIONS)
def test_every_intermediate_gradient_equals_autograd(fn: str) -> None:
    """dL/dy, dL/dh and dL/dz too, by retaining autograd's intermediate gradients."""
    import torch

    weights, example = random_case(42)
    p = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in weights.as_dict().items()}
    act = torch.relu if fn == "relu" else torch.sigmoid
    z1 = p["w11"] * example.x1 + p["w12"] * example.x2 + p["b1"]
    z2 = p["w21"] * example.x1 + p["w22"] * example.x2 + p["b2"]
    h1, h2 = act(z1), act(z2)
    y = p["v1"] * h1 + p["v2"] * h2 + p["c"]
    for tensor in (z1, z2, h1, h2, y):
        tensor.retain_grad()
    loss = 0.5 * (y - example.target) ** 2
    loss.backward()
    steps = {s.node: s for s in net.backward(weights, example, fn)}
    assert math.isclose(net.forward(weights, example, fn).loss, float(loss.detach()), rel_tol=1e-12)
    for name, tensor in {"z1": z1, "z2": z2, "h1": h1, "h2": h2, "y": y}.items():
        assert math.isclose(steps[name].gradient, float(tensor.grad), rel_tol=1e-12, abs_tol=1e-15), name
        assert steps[name].gradient == pytest.approx(steps[name].upstream * steps[name].local)


def test_the_backward_order_is_one_node_per_step_ending_at_the_last_parameter() -> None:
    steps = net.backward(Weights(), Example(), "relu")
    assert [s.node for s in steps] == ["L", "y", "c", "v1", "v2", "h1", "h2", "z1", "z2",
                                       "w11", "w12", "b1", "w21", "w22", "b2"]
    # every node's parent was reached before it
    seen = set()
    for s in steps:
        assert s.parent is None or s.parent in seen
        seen.add(s.node)


def test_the_defaults_by_hand() -> None:
    """z1 = 0.5 - 0.15 + 0.1 = 0.45, z2 = -0.4 + 0.4 + 0.2 = 0.2, y = 0.315 - 0.1 + 0.1 = 0.315."""
    f = net.forward(Weights(), Example(), "relu")
    assert (f.z1, f.z2, f.y) == pytest.approx((0.45, 0.2, 0.315))
    g = net.hand_gradients(Weights(), Example(), "relu")
    assert g["c"] == pytest.approx(-0.685) and g["v1"] == pytest.approx(-0.685 * 0.45)
    assert g["w11"] == pytest.approx(-0.685 * 0.7 * 1.0) and g["w12"] == pytest.approx(-0.685 * 0.7 * 0.5)


def test_relu_stops_the_gradient_where_z_is_negative() -> None:
    weights = Weights(b1=-3.0)  # z1 < 0: hidden neuron 1 is off
    g = net.hand_gradients(weights, Example(), "relu")
    assert g["w11"] == g["w12"] == g["b1"] == 0.0 and g["v1"] == 0.0
    assert net.agree(g, net.autograd_gradients(weights, Example(), "relu"))


@pytest.mark.parametrize("seed", range(5))
def test_the_sigmoid_shrinks_the_gradient_at_least_four_times(seed: int) -> None:
    weights, example = random_case(seed)
    steps = {s.node: s for s in net.backward(weights, example, "sigmoid")}
    for j in ("1", "2"):
        assert abs(steps[f"z{j}"].gradient) <= abs(steps[f"h{j}"].gradient) / 4 + 1e-15
    assert all(0 < s <= 0.25 for s in net.shrink_through_activation(weights, example, "sigmoid"))


@pytest.mark.parametrize("fn", net.ACTIVATIONS)
def test_one_update_step_lowers_the_loss(fn: str) -> None:
    weights, example = Weights(), Example()
    gradients = net.hand_gradients(weights, example, fn)
    after = net.updated(weights, gradients, 0.1)
    assert after.w11 == pytest.approx(weights.w11 - 0.1 * gradients["w11"])
    assert net.forward(after, example, fn).loss < net.forward(weights, example, fn).loss


def test_the_formulas_carry_the_steps_numbers() -> None:
    weights, example = Weights(), Example()
    values = net.node_values(weights, example, "sigmoid")
    steps = {s.node: s for s in net.backward(weights, example, "sigmoid")}
    assert "= -0.685" not in step_latex(steps["y"], values)  # the sigmoid's y differs from ReLU's
    z1 = step_latex(steps["z1"], values)
    assert r"\sigma(z_1)" in z1 and f"{steps['z1'].gradient:.4g}" in z1
    w11 = step_latex(steps["w11"], values)
    assert r"\frac{\partial z_1}{\partial w_{11}}" in w11 and "x_1" in w11
