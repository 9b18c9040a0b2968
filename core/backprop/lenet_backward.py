"""One digit through a LeNet-shaped network, backwards: every layer's gradient, and three of the
backward pass's rules done by hand.

`trace` runs the network layer by layer in float64 and lets torch.autograd fill in dL/d(output)
of every layer, from the logits back to the input image. The hand-made parts, each checked
against autograd in tests/backprop/:

- `weight_gradient_windows`: a convolution weight's gradient is the sum, over every window
  position, of (the input pixel under that weight x the output gradient there), by a plain loop;
- `pool_backward`: max-pooling sends each window's gradient to its winner alone (the first
  maximum in reading order, as PyTorch does), average pooling a quarter to each;
- `activation_backward`: ReLU passes the gradient only where its input was positive (its mask);
  the sigmoid and tanh multiply it by their slope.

LeNet-shaped means: convolutions (any stride and padding) first, pooling, ReLU/sigmoid/tanh,
flatten and fully connected layers, nothing else (no dropout or batch norm).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core.data import normalise
from core.model.design import LENET
from core.model.network import design_of

SHAPED_KINDS = {"conv", "pool", "activation", "flatten", "linear"}


def lenet_shaped(design: list[dict]) -> bool:
    """Whether part 2 of the page can follow this design: a convolution first, then only
    convolutions, pooling, activations, flatten and fully connected layers."""
    return bool(design) and design[0]["kind"] == "conv" and all(
        layer["kind"] in SHAPED_KINDS for layer in design)


def model_layers(model: nn.Module) -> list[tuple[str, dict, nn.Module]]:
    """(name, design layer, module) in the order the network applies them. The tutorial's LeNet
    class pools before its ReLU (the same numbers); here it runs in its design's order."""
    design = design_of(model)
    if hasattr(model, "design"):  # a DesignedNet: its children are its layers
        return [(name, layer, module) for (name, module), layer
                in zip(model.named_children(), design, strict=True)]
    modules = {"conv1": model.conv1, "pool1": model.pool, "conv2": model.conv2, "pool2": model.pool,
               "fc1": model.fc1, "fc2": model.fc2, "fc3": model.fc3, "flatten": nn.Flatten()}
    from core.model.design import layer_names

    return [(name, layer, modules.get(name, nn.ReLU())) for name, layer in zip(layer_names(LENET), LENET,
                                                                                strict=True)]


@dataclass(frozen=True)
class LayerGradient:
    """One layer's output for the digit and dL/d(that output), batch axis removed."""

    name: str  # the layer's design name ("conv1", "relu1", ..., "fc3" for the logits), or "input"
    layer: dict  # its design entry ({"kind": "input"} for the image)
    value: np.ndarray
    gradient: np.ndarray

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.value.shape)

    @property
    def norm(self) -> float:
        """The gradient's size: the square root of the sum of its squares."""
        return float(np.sqrt((self.gradient ** 2).sum()))


@dataclass(frozen=True)
class Trace:
    """The forward and backward pass of one digit: the loss, and every layer, input first."""

    label: int
    loss: float
    probabilities: np.ndarray  # [10]
    layers: list[LayerGradient]  # "input", then each layer's output in order; the last is the logits
    conv1_weight_gradient: np.ndarray  # autograd's dL/dW of the first convolution [out, in, k, k]

    def named(self, name: str) -> LayerGradient:
        return next(layer for layer in self.layers if layer.name == name)

    def before(self, name: str) -> LayerGradient:
        """The layer whose output is `name`'s input."""
        index = next(i for i, layer in enumerate(self.layers) if layer.name == name)
        return self.layers[index - 1]

    def first(self, kind: str) -> LayerGradient | None:
        return next((layer for layer in self.layers if layer.layer["kind"] == kind), None)


def trace(model: nn.Module, image: np.ndarray, label: int) -> Trace:
    """Run one digit (uint8 or [0, 1] `[28, 28]`) through a float64 copy of the model, layer by
    layer, and backpropagate the cross-entropy loss of its true `label` (the model is not touched)."""
    layers = [(name, layer, copy.deepcopy(module).double().cpu())
              for name, layer, module in model_layers(model)]
    x = normalise(image).double().requires_grad_(True)
    outputs = [("input", {"kind": "input"}, x)]
    with torch.enable_grad():
        value = x
        for name, layer, module in layers:
            value = module(value)
            value.retain_grad()
            outputs.append((name, layer, value))
        loss = F.cross_entropy(value, torch.tensor([label]))
        loss.backward()
    conv1 = layers[0][2]
    return Trace(
        label=label, loss=float(loss.detach()),
        probabilities=F.softmax(value.detach(), dim=1)[0].numpy(),
        layers=[LayerGradient(name, layer, tensor.detach()[0].numpy(), tensor.grad[0].numpy())
                for name, layer, tensor in outputs],
        conv1_weight_gradient=conv1.weight.grad.numpy().copy(),
    )


# -- a convolution weight's gradient, window by window ---------------------------------------------

def weight_gradient_windows(image: np.ndarray, output_gradient: np.ndarray, row: int, col: int,
                            stride: int = 1, padding: int = 0) -> np.ndarray:
    """For kernel weight (row, col) of one output channel: at every window position (p, q), the
    input pixel under that weight times the output gradient there, `[H_out, W_out]`. Their sum
    is dL/d(weight). `image` is that channel's input `[H, W]`, `output_gradient` `[H_out, W_out]`."""
    padded = np.pad(np.asarray(image, dtype=np.float64), padding)
    out_h, out_w = output_gradient.shape
    products = np.zeros((out_h, out_w))
    for p in range(out_h):
        for q in range(out_w):
            products[p, q] = padded[p * stride + row, q * stride + col] * output_gradient[p, q]
    return products


def running_sums(products: np.ndarray) -> np.ndarray:
    """The window sum after each position in reading order (the last is the gradient)."""
    return np.cumsum(np.asarray(products, dtype=np.float64).ravel())


# -- pooling and activations, backwards --------------------------------------------------------------

def pool_backward(pool_input: np.ndarray, output_gradient: np.ndarray, mode: str = "max") -> np.ndarray:
    """dL/d(pool input) for 2 x 2 pooling with stride 2, one map `[H, W]` at a time, by a loop
    over windows: max sends each window's gradient to its first largest cell, avg a quarter to each."""
    grad = np.zeros(np.shape(pool_input))
    out_h, out_w = output_gradient.shape
    for p in range(out_h):
        for q in range(out_w):
            window = pool_input[2 * p: 2 * p + 2, 2 * q: 2 * q + 2]
            if mode == "max":
                r, c = np.unravel_index(int(np.argmax(window)), window.shape)
                grad[2 * p + r, 2 * q + c] += output_gradient[p, q]
            else:
                grad[2 * p: 2 * p + 2, 2 * q: 2 * q + 2] += output_gradient[p, q] / 4
    return grad


def pool_winners(pool_input: np.ndarray) -> np.ndarray:
    """A mask of each 2 x 2 window's winner (its first largest cell), the shape of `pool_input`."""
    ones = np.ones((pool_input.shape[0] // 2, pool_input.shape[1] // 2))
    return pool_backward(pool_input, ones, "max") > 0


def activation_backward(fn: str, pre_activation: np.ndarray, output_gradient: np.ndarray) -> np.ndarray:
    """dL/d(activation input): ReLU's mask (input > 0) times the gradient; the sigmoid's and tanh's
    slope at the input times it."""
    z = np.asarray(pre_activation, dtype=np.float64)
    if fn == "relu":
        return output_gradient * (z > 0)
    if fn == "sigmoid":
        s = 1 / (1 + np.exp(-z))
        return output_gradient * s * (1 - s)
    return output_gradient * (1 - np.tanh(z) ** 2)


def conv_settings(layer: dict) -> tuple[int, int, int]:
    """(kernel, stride, padding) of a convolution's design entry."""
    return layer["kernel"], layer["stride"], layer["padding"]


def hardest_digit(model: nn.Module, images: np.ndarray, labels: np.ndarray) -> int:
    """The index of the digit among `images` (uint8 `[N, 28, 28]`) with the largest loss."""
    device = next(model.parameters()).device
    with torch.no_grad():
        logits = model(normalise(images).to(device)).cpu()
    losses = F.cross_entropy(logits, torch.tensor(np.array(labels), dtype=torch.long), reduction="none")
    return int(losses.argmax())
