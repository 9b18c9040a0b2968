"""A network small enough to see every number: 2 inputs -> 2 hidden neurons -> 1 output.

    z_j = w_j1 x_1 + w_j2 x_2 + b_j      (j = 1, 2)
    h_j = act(z_j)                       act = ReLU or sigmoid
    y   = v_1 h_1 + v_2 h_2 + c
    L   = ½ (y - target)²                one training example, the neuron page's loss

The backward pass is written out by hand, one node of the computation graph at a time: each
step multiplies the gradient flowing in (dL/d(the node above)) by one local derivative. The
nine parameters' gradients are checked against `torch.autograd` in float64 (`autograd_gradients`).
Drawing is left to core/backprop/charts.py, words to core/backprop/text.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import torch

ACTIVATIONS = ("relu", "sigmoid")
PARAMETERS = ("w11", "w12", "b1", "w21", "w22", "b2", "v1", "v2", "c")


@dataclass(frozen=True)
class Weights:
    """The nine parameters: hidden neuron j has w_j1, w_j2, b_j; the output has v_1, v_2, c."""

    w11: float = 0.5
    w12: float = -0.3
    b1: float = 0.1
    w21: float = -0.4
    w22: float = 0.8
    b2: float = 0.2
    v1: float = 0.7
    v2: float = -0.5
    c: float = 0.1

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in PARAMETERS}


@dataclass(frozen=True)
class Example:
    """The one training example: two inputs and a target (sensible defaults)."""

    x1: float = 1.0
    x2: float = 0.5
    target: float = 1.0


@dataclass(frozen=True)
class Forward:
    """Every value of the forward pass."""

    z1: float
    z2: float
    h1: float
    h2: float
    y: float
    loss: float


@dataclass(frozen=True)
class BackwardStep:
    """One node of the backward pass: dL/d(node) = dL/d(parent) x d(parent)/d(node)."""

    node: str  # "L", "y", "c", "v1", ..., "b2"
    parent: str | None  # the node the gradient flows in from (None for L itself)
    upstream: float  # dL/d(parent); 1 for L
    local: float  # d(parent)/d(node)
    local_rule: str  # the rule that gave `local`: seed, square, sum, times, relu or sigmoid
    gradient: float  # dL/d(node) = upstream x local


def sigmoid(z: float) -> float:
    """1 / (1 + e^-z), computed without overflow for large |z|."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def activate(z: float, fn: str) -> float:
    """ReLU or sigmoid of z."""
    return max(z, 0.0) if fn == "relu" else sigmoid(z)


def activation_slope(z: float, fn: str) -> float:
    """d act / dz at z: ReLU's is 1 where z > 0, else 0 (PyTorch's choice at 0); the sigmoid's is
    σ(z)(1 - σ(z)), at most ¼."""
    if fn == "relu":
        return 1.0 if z > 0 else 0.0
    s = sigmoid(z)
    return s * (1.0 - s)


def forward(weights: Weights, example: Example, fn: str) -> Forward:
    """The forward pass, node by node."""
    p, e = weights, example
    z1 = p.w11 * e.x1 + p.w12 * e.x2 + p.b1
    z2 = p.w21 * e.x1 + p.w22 * e.x2 + p.b2
    h1, h2 = activate(z1, fn), activate(z2, fn)
    y = p.v1 * h1 + p.v2 * h2 + p.c
    return Forward(z1, z2, h1, h2, y, 0.5 * (y - e.target) ** 2)


def backward(weights: Weights, example: Example, fn: str) -> list[BackwardStep]:
    """The backward pass by the chain rule, from L to the last parameter, one node per step."""
    f, p, e = forward(weights, example, fn), weights, example
    steps = [BackwardStep("L", None, 1.0, 1.0, "seed", 1.0)]

    def step(node: str, parent: str, local: float, rule: str) -> float:
        upstream = next(s.gradient for s in steps if s.node == parent)
        steps.append(BackwardStep(node, parent, upstream, local, rule, upstream * local))
        return steps[-1].gradient

    step("y", "L", f.y - e.target, "square")  # d(½(y - t)²)/dy = y - t
    step("c", "y", 1.0, "sum")
    step("v1", "y", f.h1, "times")
    step("v2", "y", f.h2, "times")
    step("h1", "y", p.v1, "times")
    step("h2", "y", p.v2, "times")
    step("z1", "h1", activation_slope(f.z1, fn), fn)
    step("z2", "h2", activation_slope(f.z2, fn), fn)
    for j in ("1", "2"):
        step(f"w{j}1", f"z{j}", e.x1, "times")
        step(f"w{j}2", f"z{j}", e.x2, "times")
        step(f"b{j}", f"z{j}", 1.0, "sum")
    return steps


def hand_gradients(weights: Weights, example: Example, fn: str) -> dict[str, float]:
    """The nine parameters' gradients from `backward`, by name."""
    return {s.node: s.gradient for s in backward(weights, example, fn) if s.node in PARAMETERS}


def autograd_gradients(weights: Weights, example: Example, fn: str) -> dict[str, float]:
    """The nine parameters' gradients computed by torch.autograd in float64, to check the hand ones."""
    p = {name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
         for name, value in weights.as_dict().items()}
    act = torch.relu if fn == "relu" else torch.sigmoid
    h1 = act(p["w11"] * example.x1 + p["w12"] * example.x2 + p["b1"])
    h2 = act(p["w21"] * example.x1 + p["w22"] * example.x2 + p["b2"])
    y = p["v1"] * h1 + p["v2"] * h2 + p["c"]
    (0.5 * (y - example.target) ** 2).backward()
    return {name: float(tensor.grad) for name, tensor in p.items()}


def agree(hand: dict[str, float], auto: dict[str, float], rel: float = 1e-9) -> bool:
    """Whether two sets of gradients are equal up to rounding."""
    return hand.keys() == auto.keys() and all(
        math.isclose(hand[k], auto[k], rel_tol=rel, abs_tol=1e-12) for k in hand)


def updated(weights: Weights, gradients: dict[str, float], lr: float) -> Weights:
    """One gradient-descent step: every parameter moves by -lr x its gradient."""
    moved = {name: value - lr * gradients[name] for name, value in weights.as_dict().items()}
    return replace(weights, **moved)


def node_values(weights: Weights, example: Example, fn: str) -> dict[str, float]:
    """Every node's forward value by name: inputs, target, parameters, z, h, y and L."""
    f = forward(weights, example, fn)
    return {"x1": example.x1, "x2": example.x2, "target": example.target, **weights.as_dict(),
            "z1": f.z1, "z2": f.z2, "h1": f.h1, "h2": f.h2, "y": f.y, "L": f.loss}


def shrink_through_activation(weights: Weights, example: Example, fn: str) -> tuple[float, float]:
    """(|dL/dz1| / |dL/dh1|, |dL/dz2| / |dL/dh2|): what the activation multiplies the gradient by
    on its way back (the sigmoid's is at most ¼; ReLU's is 1 or 0)."""
    f = forward(weights, example, fn)
    return activation_slope(f.z1, fn), activation_slope(f.z2, fn)
