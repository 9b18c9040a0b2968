"""LeNet for MNIST, as in the classic PyTorch tutorial, and what it computes layer by layer.

conv1 1->6 5x5 (28->24), max-pool 2 (->12), conv2 6->16 5x5 (->8), pool (->4),
flatten 256, fc 120, fc 84, fc 10; ReLU between. 44,426 parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn


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
    """One line of the layer table: what a step outputs for one image and what it learns."""

    name: str
    kind: str
    output_shape: tuple[int, ...]
    parameters: int


def layer_table(model: LeNet | None = None) -> list[LayerRow]:
    """Output shape and parameter count of each step, measured by running one blank image."""
    model = model or LeNet()
    kinds = {
        "conv1": "Conv2d", "pool1": "MaxPool2d", "conv2": "Conv2d", "pool2": "MaxPool2d",
        "flatten": "Flatten", "fc1": "Linear", "fc2": "Linear", "fc3": "Linear",
    }
    outputs = activations(model, torch.zeros(1, 1, 28, 28))
    rows = []
    for name in kinds:
        module = getattr(model, name, None)
        params = sum(p.numel() for p in module.parameters()) if name.startswith(("conv", "fc")) else 0
        rows.append(LayerRow(name, kinds[name], tuple(outputs[name].shape[1:]), params))
    return rows


def parameter_count(model: nn.Module) -> int:
    """All learnable numbers in the model."""
    return sum(p.numel() for p in model.parameters())
