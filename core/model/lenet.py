"""LeNet for MNIST, as in the classic PyTorch tutorial, and what it computes layer by layer.

conv1 1->6 5x5 (28->24), max-pool 2 (->12), conv2 6->16 5x5 (->8), pool (->4),
flatten 256, fc 120, fc 84, fc 10; ReLU between. 44,426 parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core.data import normalise


class LeNet(nn.Module):
    """A small convolutional network: two conv/pool stages, then three fully connected layers."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, kernel_size=5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, kernel_size=5)
        self.fc1 = nn.Linear(16 * 4 * 4, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


# Each step of the forward pass, in order: (name, function of the previous output).
def _steps(model: LeNet) -> list[tuple[str, callable]]:
    return [
        ("conv1", lambda x: F.relu(model.conv1(x))),
        ("pool1", model.pool),
        ("conv2", lambda x: F.relu(model.conv2(x))),
        ("pool2", model.pool),
        ("flatten", lambda x: torch.flatten(x, 1)),
        ("fc1", lambda x: F.relu(model.fc1(x))),
        ("fc2", lambda x: F.relu(model.fc2(x))),
        ("fc3", model.fc3),
    ]


@torch.no_grad()
def activations(model: LeNet, x: torch.Tensor) -> dict[str, torch.Tensor]:
    """Every step's output for a normalised batch `[N, 1, 28, 28]` (conv outputs after ReLU),
    plus "probabilities", the softmax of the logits. Equal, step by step, to `model(x)`."""
    outputs: dict[str, torch.Tensor] = {}
    for name, step in _steps(model):
        x = step(x)
        outputs[name] = x
    outputs["probabilities"] = F.softmax(x, dim=1)
    return outputs


@dataclass(frozen=True)
class LayerRow:
    """One line of the layer table: what a step outputs for one image, what it learns, and why."""

    name: str
    kind: str
    output_shape: tuple[int, ...]
    parameters: int
    size_formula: str = ""  # how the output size follows from the input size, e.g. "28 − 5 + 1 = 24"
    parameter_formula: str = ""  # e.g. "6 × (1 x 5 x 5) + 6 = 156"


KINDS = {
    "conv1": "Conv2d", "pool1": "MaxPool2d", "conv2": "Conv2d", "pool2": "MaxPool2d",
    "flatten": "Flatten", "fc1": "Linear", "fc2": "Linear", "fc3": "Linear",
}


def _formulas(
    module: nn.Module | None, kind: str, before: tuple[int, ...], after: tuple[int, ...]
) -> tuple[str, str]:
    """The size and parameter formulas of one step, read from the module's own settings."""
    if kind == "Conv2d":
        k = module.kernel_size[0]
        size = f"{before[-1]} − {k} + 1 = {after[-1]}"
        params = (f"{module.out_channels} × ({module.in_channels} × {k} × {k}) + {module.out_channels}"
                  f" = {sum(p.numel() for p in module.parameters()):,}")
        return size, params
    if kind == "MaxPool2d":
        return f"{before[-1]} / 2 = {after[-1]}", "0"
    if kind == "Flatten":
        return " × ".join(str(d) for d in before) + f" = {after[0]}", "0"
    params = (f"{module.in_features} × {module.out_features} + {module.out_features}"
              f" = {sum(p.numel() for p in module.parameters()):,}")
    return f"{before[0]} → {after[0]}", params


def layer_table(model: LeNet | None = None) -> list[LayerRow]:
    """Output shape, parameter count and formulas of each step, measured by running one blank image."""
    model = model or LeNet()
    outputs = activations(model, torch.zeros(1, 1, 28, 28, device=next(model.parameters()).device))
    rows, before = [], (1, 28, 28)
    for name, kind in KINDS.items():
        module = getattr(model, name, None) if kind in ("Conv2d", "Linear") else None
        params = sum(p.numel() for p in module.parameters()) if module is not None else 0
        shape = tuple(outputs[name].shape[1:])
        size_formula, parameter_formula = _formulas(module, kind, before, shape)
        rows.append(LayerRow(name, kind, shape, params, size_formula, parameter_formula))
        before = shape
    return rows


def parameter_count(model: nn.Module) -> int:
    """All learnable numbers in the model."""
    return sum(p.numel() for p in model.parameters())


def image_activations(model: LeNet, image: np.ndarray) -> dict[str, np.ndarray]:
    """Every step's output for one digit (uint8, or float in [0, 1], `[28, 28]`), batch axis removed:
    the one way every page runs a single digit through the network."""
    device = next(model.parameters()).device
    outputs = activations(model, normalise(image).to(device))
    return {name: value[0].cpu().numpy() for name, value in outputs.items()}


@torch.no_grad()
def probabilities(model: LeNet, x: torch.Tensor) -> np.ndarray:
    """Softmax outputs float `[N, 10]` for a normalised batch `[N, 1, 28, 28]` (see `normalise`)."""
    device = next(model.parameters()).device
    return F.softmax(model(x.to(device)), dim=1).cpu().numpy()
